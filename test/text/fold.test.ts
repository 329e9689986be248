import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLD, fold, foldKey, isHan } from '../../src/text/fold.ts';

describe('fold', () => {
  it('keeps the length of any string (offsets stay valid)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fold(s).length === s.length));
  });

  it('folds Traditional to Simplified, one character at a time', () => {
    expect(fold('拉夫羅夫習近平烏克蘭北約')).toBe('拉夫罗夫习近平乌克兰北约');
  });

  it('folds a folded unit to itself: Simplified text stays as it is (什麼 and 什么 alike)', () => {
    expect(fold('什麼')).toBe(fold('什么'));
    expect(fold('什么')).toBe('什么');
    const unstable: string[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (FOLD[FOLD[c] as number] !== FOLD[c]) unstable.push(String.fromCharCode(c));
    expect(unstable).toEqual([]);
  });

  it('leaves transliteration variants alone (that is the variant table’s job)', () => {
    expect(fold('普丁')).toBe('普丁');
  });

  it('folds full-width ASCII, NBSP, ideographic space, curly apostrophes and case', () => {
    expect(fold('ＮＡＴＯ')).toBe('nato');
    expect(fold('Xi\u00a0Jinping')).toBe('xi jinping');
    expect(fold('Xi\u3000Jinping')).toBe('xi jinping');
    expect(fold('Putin’s')).toBe("putin's");
    expect(fold('Müller')).toBe('muller');
  });

  it('folds 丶 written for the enumeration comma to 、', () => {
    expect(fold('蔡英文丶习近平')).toBe('蔡英文、习近平');
  });

  it('foldKey collapses spaces and trims', () => {
    expect(foldKey('  Sergei   Lavrov ')).toBe('sergei lavrov');
  });

  it('knows Han characters', () => {
    expect(isHan('普'.charCodeAt(0))).toBe(true);
    expect(isHan('a'.charCodeAt(0))).toBe(false);
  });
});
