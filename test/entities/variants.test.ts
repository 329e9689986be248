import { describe, expect, it } from 'vitest';
import { isTransliteration, phoneticallySimilar, VARIANT_TABLE } from '../../src/entities/variants.ts';

describe('variants', () => {
  it('has a curated table of forms OpenCC cannot map', () => {
    expect(VARIANT_TABLE).toContainEqual(['普丁', '普京']);
    expect(VARIANT_TABLE).toContainEqual(['川普', '特朗普']);
    expect(VARIANT_TABLE.every(([a, b]) => a !== b)).toBe(true);
  });

  it('finds phonetic variants of transliterated names missing from the table', () => {
    expect(phoneticallySimilar('泽伦斯基', '泽连斯基')).toBe(true);
    expect(phoneticallySimilar('梅克尔', '默克尔')).toBe(true);
    expect(phoneticallySimilar('蓬佩奥', '彭佩奥')).toBe(true);
  });

  it('keeps different names apart', () => {
    expect(phoneticallySimilar('哈里斯', '哈里森')).toBe(false); // last syllable differs
    expect(phoneticallySimilar('王毅', '王义')).toBe(false); // not a transliteration
    expect(phoneticallySimilar('约翰逊', '约翰森')).toBe(false);
  });

  it('tells transliterations from Chinese names', () => {
    expect(isTransliteration('拉夫罗夫')).toBe(true);
    expect(isTransliteration('习近平')).toBe(false);
  });
});
