import { describe, expect, it } from 'vitest';
import { englishInParens } from '../../src/entities/candidates.ts';
import { isNameLike } from '../../src/entities/lexicon.ts';

describe('englishInParens', () => {
  it('takes the names and acronyms of a bracket', () => {
    expect(englishInParens('Sergei Lavrov')).toEqual(['Sergei Lavrov']);
    expect(englishInParens('英文：North Atlantic Treaty Organization, NATO')).toEqual([
      'North Atlantic Treaty Organization',
      'NATO',
    ]);
  });

  it('cuts off a caption’s position glued after the name (左一, "left one")', () => {
    expect(englishInParens('Mehran Mirmiri左一')).toEqual(['Mehran Mirmiri']);
    expect(englishInParens('Mehran Mirmiri 右')).toEqual(['Mehran Mirmiri']);
  });
});

describe('isNameLike', () => {
  it('takes capitalised Latin words, accents included, and no Han characters', () => {
    expect(isNameLike('Dennis Gábor')).toBe(true);
    expect(isNameLike('Rosa Meriläinen')).toBe(true);
    expect(isNameLike('Mehran Mirmiri左一')).toBe(false);
  });
});
