// The entities' binary table in data/detector.bin: a ReadonlyMap by id whose objects are made on
// first access; round trip of briefs, other-script forms and extra keys.
import { describe, expect, it } from 'vitest';
import { decodeEntityTable, encodeEntityTable } from '../../src/background/entity-table.ts';
import type { Entity } from '../../src/entities/types.ts';

const entities: Entity[] = [
  {
    id: 'e:王毅',
    name: '王毅',
    kind: 'person',
    aliases: [{ text: 'Wang Yi', source: 'cedict' }],
    articleCount: 2,
    english: 'Wang Yi',
  },
  {
    id: 'e:拉夫羅夫',
    name: '拉夫羅夫',
    kind: 'person',
    aliases: [
      { text: '拉夫罗夫', source: 'opencc' },
      { text: 'Lavrov', source: 'short-form' },
    ],
    articleCount: 1,
  },
  { id: 'e:Zürich', name: 'Zürich', kind: 'place', aliases: [], articleCount: 3 },
];
const forms = (e: { aliases: readonly Entity['aliases'][number][] }) =>
  e.aliases.filter((a) => a.source === 'opencc');
const fail = (why: string): never => {
  throw new Error(why);
};

describe('entity table', () => {
  const bytes = encodeEntityTable(entities, forms, ['jia', '戊']);
  const table = decodeEntityTable(bytes, fail);

  it('finds every entity by id, with its brief and only the forms given', () => {
    expect(table.size).toBe(3);
    expect(table.get('e:王毅')).toEqual({
      id: 'e:王毅',
      name: '王毅',
      kind: 'person',
      articleCount: 2,
      english: 'Wang Yi',
      aliases: [],
    });
    expect(table.get('e:拉夫羅夫')?.aliases).toEqual([{ text: '拉夫罗夫', source: 'opencc' }]);
    expect(table.get('e:Zürich')).toMatchObject({ name: 'Zürich', kind: 'place', articleCount: 3 });
    expect(table.get('e:Zürich')).not.toHaveProperty('english');
    expect(table.get('e:none')).toBeUndefined();
    expect(table.get('')).toBeUndefined();
    expect(table.has('e:王毅')).toBe(true);
    expect(table.has('e:王')).toBe(false);
    // Made once, then the same object.
    expect(table.get('e:王毅')).toBe(table.get('e:王毅'));
  });

  it('iterates like a Map, in id order', () => {
    const ids = [...entities.map((e) => e.id)].sort();
    expect([...table.keys()]).toEqual(ids);
    expect([...table.values()].map((e) => e.id)).toEqual(ids);
    expect([...table].map(([id, e]) => [id, e.id])).toEqual(ids.map((id) => [id, id]));
    const seen: string[] = [];
    table.forEach((e, id, map) => {
      expect(map).toBe(table);
      seen.push(`${id}=${e.name}`);
    });
    expect(seen).toHaveLength(3);
    expect(new Map(table).get('e:王毅')?.name).toBe('王毅');
    expect(table.otherKeys()).toEqual(['jia', '戊']);
  });

  it('is the same bytes whatever the order of the entities', () => {
    const again = encodeEntityTable([...entities].reverse(), forms, ['jia', '戊']);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('reads a copy that does not start on a word boundary', () => {
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    expect(decodeEntityTable(shifted.subarray(1), fail).get('e:拉夫羅夫')?.name).toBe('拉夫羅夫');
  });

  it('refuses two entities with one id', () => {
    expect(() => encodeEntityTable([entities[0] as Entity, entities[0] as Entity], forms, [])).toThrow(
      /id e:王毅 twice/,
    );
  });

  it('refuses, when writing, a kind or alias source it has no code for (the worker would refuse the file)', () => {
    const odd = (patch: object) => [{ ...(entities[1] as Entity), ...patch } as Entity];
    const all = (e: Entity) => e.aliases;
    expect(() => encodeEntityTable(odd({ kind: 'ship' }), all, [])).toThrow(
      /unknown kind of e:拉夫羅夫 "ship"/,
    );
    expect(() => encodeEntityTable(odd({ aliases: [{ text: 'x', source: 'guess' }] }), all, [])).toThrow(
      /unknown alias source of e:拉夫羅夫 "guess"/,
    );
    expect(() => encodeEntityTable(odd({ kind: 'toString' }), all, [])).toThrow(/unknown kind/);
    // Every known kind and source comes back as written.
    const sources = ['corpus', 'opencc', 'variant-phonetic', 'short-form'] as const;
    const many = (['person', 'place', 'organisation', 'topic', 'event'] as const).map((kind, i) => ({
      ...(entities[0] as Entity),
      id: `e:${i}`,
      kind,
      aliases: sources.map((source) => ({ text: `${source}${i}`, source })),
    }));
    const read = decodeEntityTable(encodeEntityTable(many, all, []), fail);
    expect([...read.values()].map((e) => [e.kind, e.aliases])).toEqual(many.map((e) => [e.kind, e.aliases]));
  });

  it('refuses a truncated table', () => {
    expect(() => decodeEntityTable(bytes.subarray(0, 8), fail)).toThrow(/truncated/);
    expect(() => decodeEntityTable(bytes.subarray(0, bytes.byteLength - 4), fail)).toThrow(/does not hold/);
  });
});
