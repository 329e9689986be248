import { describe, expect, it } from 'vitest';
import { editRatio, FuzzyResolver, latinNameCandidates } from '../../src/match/fuzzy.ts';

describe('FuzzyResolver', () => {
  const resolver = new FuzzyResolver([
    { text: 'Alexej Nawalny', entityId: 'e:纳瓦尔尼' },
    { text: 'Sergei Lavrov', entityId: 'e:拉夫罗夫' },
    { text: 'Sergei Prokofiev', entityId: 'e:普罗科菲耶夫' },
    { text: 'Mike Pompeo', entityId: 'e:蓬佩奥' },
    { text: 'Mike Pence', entityId: 'e:彭斯' },
  ]);

  it('resolves other spellings of a name, keeping a score', () => {
    const hit = resolver.resolve('Alexei Navalny');
    expect(hit?.entityId).toBe('e:纳瓦尔尼');
    expect(hit?.score).toBeGreaterThan(0.7);
    expect(resolver.resolve('Sergey Lavrov')?.entityId).toBe('e:拉夫罗夫');
  });

  it('does not resolve unrelated names', () => {
    expect(resolver.resolve('Sergei Brin')).toBeUndefined();
    expect(resolver.resolve('Mike Tyson')).toBeUndefined();
    expect(resolver.resolve('Lavrov')).toBeUndefined();
  });

  it('leaves a name close to two entities unmarked', () => {
    const twins = new FuzzyResolver([
      { text: 'Jon Smith', entityId: 'a' },
      { text: 'Jan Smith', entityId: 'b' },
    ]);
    expect(twins.resolve('Jen Smith')).toBeUndefined();
  });
});

describe('latinNameCandidates', () => {
  it('finds capitalised multi-word runs outside exact matches, with trailing windows', () => {
    const text = 'Outgoing Secretary of State Mike Pompeo met Sergei Lavrov.';
    const groups = latinNameCandidates(text, [[44, 57]]);
    const texts = groups.map((g) => g.map((c) => c.text));
    expect(texts).toContainEqual(['State Mike Pompeo', 'Mike Pompeo']);
    expect(texts.flat()).not.toContain('Sergei Lavrov');
  });

  it('editRatio', () => {
    expect(editRatio('navalny', 'nawalny')).toBeCloseTo(1 / 7);
  });
});
