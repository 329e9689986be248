import { describe, expect, it } from 'vitest';
import { factScore, findEntity, lookupEntity } from '../../src/entities/lookup.ts';
import { loadEntityData } from '../../src/entities/node-data.ts';

describe('lookup (seed corpus)', async () => {
  const { data } = await loadEntityData([]);

  it('finds the seed’s 普丁 under the mainland form 普京, with its passages', () => {
    const e = findEntity(data, '普京');
    expect(e?.name).toBe('普丁');
    const card = lookupEntity(data, e?.id as string);
    expect(card?.passages.length).toBe(3);
    for (const p of card?.passages ?? []) {
      expect(p.title).toBeTruthy();
      expect(p.url).toMatch(/^https:\/\/www\.dw\.com\//);
      for (const [s, t] of p.highlights) expect(['普丁', '普京']).toContain(p.text.slice(s, t));
    }
  });

  it('reaches one entity from 拉夫罗夫, "Sergei Lavrov", "Lavrov" and a close spelling', () => {
    const ids = [
      '拉夫罗夫',
      '拉夫羅夫',
      'Sergei Lavrov',
      'Lavrov',
      'sergei lavrov',
      'Sergey Lavrov',
      'Sergej Lavrov',
    ].map((t) => findEntity(data, t)?.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeDefined();
  });

  it('puts passages with facts first and respects the limit', () => {
    const e = findEntity(data, '王毅');
    const card = lookupEntity(data, e?.id as string, 2);
    expect(card?.passages.length).toBe(2);
    const scores = card?.passages.map((p) => factScore(p.text, p.kind)) ?? [];
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1] ?? 0);
  });

  it('returns nothing for unknown terms', () => {
    expect(findEntity(data, '城市')).toBeUndefined();
    expect(lookupEntity(data, 'e:nothing')).toBeUndefined();
  });
});
