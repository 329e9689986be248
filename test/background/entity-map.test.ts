// Entity map views: a join of the bundle's entities with imported ones behaves like the Map it
// replaces (size, lookups, iteration order: the bundle's first).
import { describe, expect, it } from 'vitest';
import type { EntityInfo } from '../../src/background/corpus.ts';
import { JoinedEntities } from '../../src/background/entity-map.ts';

const info = (name: string): EntityInfo => ({
  id: `e:${name}`,
  name,
  kind: 'person',
  articleCount: 1,
  aliases: [],
});

describe('JoinedEntities', () => {
  const base = new Map([info('王毅'), info('普丁')].map((e) => [e.id, e]));
  const extra = new Map([info('馬英九'), { ...info('王毅'), name: 'other' }].map((e) => [e.id, e]));
  const joined = new JoinedEntities(base, extra);

  it('answers like a Map of both, the base winning an id in both', () => {
    expect(joined.size).toBe(3);
    expect(joined.get('e:王毅')?.name).toBe('王毅');
    expect(joined.get('e:馬英九')?.name).toBe('馬英九');
    expect(joined.get('e:none')).toBeUndefined();
    expect(joined.has('e:普丁')).toBe(true);
    expect(joined.has('e:馬英九')).toBe(true);
    expect(joined.has('e:none')).toBe(false);
  });

  it('iterates the base first, each id once', () => {
    expect([...joined.keys()]).toEqual(['e:王毅', 'e:普丁', 'e:馬英九']);
    expect([...joined.values()].map((e) => e.name)).toEqual(['王毅', '普丁', '馬英九']);
    expect(new Map(joined)).toEqual(new Map([...base, ['e:馬英九', extra.get('e:馬英九')]]));
    const seen: string[] = [];
    joined.forEach((e, id, map) => {
      expect(map).toBe(joined);
      seen.push(`${id}=${e.name}`);
    });
    expect(seen).toEqual(['e:王毅=王毅', 'e:普丁=普丁', 'e:馬英九=馬英九']);
  });
});
