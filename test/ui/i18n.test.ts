import { describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES, pickLocale, translate } from '../../src/ui/i18n.ts';

describe('i18n', () => {
  it('has every interface string in zh-Hant, zh-Hans and en', () => {
    const keys = new Set(LOCALES.flatMap((l) => Object.keys(MESSAGES[l])));
    for (const locale of LOCALES) {
      const table = MESSAGES[locale] as Record<string, string>;
      const missing = [...keys].filter((k) => typeof table[k] !== 'string' || table[k].trim() === '');
      expect(missing, `missing in ${locale}`).toEqual([]);
    }
  });

  it('keeps the same placeholders in every language', () => {
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const locale of LOCALES)
        expect(names(MESSAGES[locale][key]), `${locale}.${key}`).toEqual(names(MESSAGES.en[key]));
    }
  });

  it('picks the language from a BCP 47 tag', () => {
    expect(pickLocale('zh-TW')).toBe('zh-Hant');
    expect(pickLocale('zh-Hant-HK')).toBe('zh-Hant');
    expect(pickLocale('zh-CN')).toBe('zh-Hans');
    expect(pickLocale('zh')).toBe('zh-Hans');
    expect(pickLocale('de-DE')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translate('en', 'resultCount', { count: 3 })).toBe('3 articles');
    expect(translate('en', 'resultCount', { count: 1 })).toBe('1 article');
    expect(translate('zh-Hant', 'noResults', { query: '普丁' })).toBe('沒有段落符合「普丁」。');
  });
});
