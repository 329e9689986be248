import { describe, expect, it } from 'vitest';
import { decodeNumbers, encodeNumbers } from '../../src/search/codec.ts';
import { foldText } from '../../src/search/fold.ts';
import { segments } from '../../src/search/highlight.ts';
import { buildSearchIndex, loadSearchIndex } from '../../src/search/index.ts';
import { ARTICLES } from './fixtures.ts';

const index = loadSearchIndex(buildSearchIndex(ARTICLES), ARTICLES);
const ids = (q: string, f = {}) => index.search(q, f).map((r) => r.articleId);

describe('fold', () => {
  it('folds Traditional to Simplified, case and full-width, keeping the length', () => {
    const t = '西伯利亞力量 Lavrov ＡＢＣ 關係';
    const f = foldText(t);
    expect(f).toBe('西伯利亚力量 lavrov abc 关系');
    expect(f.length).toBe(t.length);
    // A leading BOM and lone surrogates keep their unit.
    expect(foldText('\ufeff關係').length).toBe(3);
    expect(foldText('關\ud800係').length).toBe(3);
  });
});

describe('codec', () => {
  it('round-trips numbers', () => {
    const values = [0, 1, 31, 32, 1023, 1024, 123456789, 7];
    expect(decodeNumbers(encodeNumbers(values))).toEqual(values);
  });
});

describe('search', () => {
  it('finds a Traditional phrase with a Traditional or Simplified query', () => {
    expect(ids('西伯利亞力量')[0]).toBe('1');
    expect(ids('西伯利亚力量')[0]).toBe('1');
  });

  it('requires Chinese phrases to be contiguous', () => {
    // Article 5 holds every bigram's characters but not the phrase.
    expect(ids('西伯利亚力量')).not.toContain('5');
  });

  it('ranks the article about both terms first', () => {
    expect(ids('谭德塞 武汉')[0]).toBe('2');
    expect(ids('譚德塞 武漢')[0]).toBe('2');
  });

  it('returns highlight offsets into the original text', () => {
    const [r] = index.search('西伯利亚力量');
    const hit = r?.passages.find((p) => p.kind === 'paragraph');
    expect(hit).toBeDefined();
    const [s, e] = hit?.highlights[0] ?? [0, 0];
    expect(hit?.text.slice(s, e)).toBe('西伯利亞力量');
    expect(segments(hit?.text ?? '', hit?.highlights ?? []).filter((x) => x.mark)[0]?.text).toBe(
      '西伯利亞力量',
    );
  });

  it('matches English words case-insensitively, with plurals, prefixes and typos', () => {
    expect(ids('lavrov')).toEqual(['4']);
    expect(ids('pipeline ')).toEqual(['4']);
    expect(ids('Lavr')).toEqual(['4']);
    expect(ids('Lavrof ')).toEqual(['4']);
    const [r] = index.search('sanction ');
    expect(r?.passages[0]?.highlights).toEqual([[14, 23]]);
  });

  it('finds single characters', () => {
    expect(ids('冷')).toEqual(['5']);
  });

  it('filters by kind, source, date and script', () => {
    expect(ids('王毅', { kinds: ['caption'] })).toEqual(['1']);
    expect(ids('王毅', { kinds: ['subheading'] })).toEqual([]);
    expect(ids('Wang', { sources: ['Deutsche Welle'] })).toEqual([]);
    expect(ids('谭德塞', { to: '2021-01-01' })).toEqual(['3']);
    expect(ids('谭德塞', { from: '2022-01-01' })).toEqual(['2']);
    expect(ids('王毅', { scripts: ['en'] })).toEqual([]);
  });

  it('is deterministic and JSON-serialisable', () => {
    const a = JSON.stringify(buildSearchIndex(ARTICLES));
    expect(JSON.stringify(buildSearchIndex(ARTICLES))).toBe(a);
    const again = loadSearchIndex(JSON.parse(a), ARTICLES);
    expect(again.search('西伯利亞力量')[0]?.articleId).toBe('1');
  });

  it('returns nothing for an empty query', () => {
    expect(index.search('  ')).toEqual([]);
  });
});

describe('synonyms', () => {
  it('finds the other forms of a name, and marks them', async () => {
    const { synonymsFromEntities } = await import('../../src/search/service.ts');
    const synonyms = synonymsFromEntities([
      {
        id: 'e:拉夫羅夫',
        name: '拉夫羅夫',
        kind: 'person',
        articleCount: 2,
        aliases: [
          { text: 'Lavrov', source: 'short-form' },
          { text: 'La Fuluofu', source: 'pinyin' },
        ],
      },
    ]);
    expect(synonyms('lavrov')).toEqual(['拉夫罗夫']);
    expect(synonyms('la fuluofu')).toEqual([]);
    const withSynonyms = loadSearchIndex(buildSearchIndex(ARTICLES), ARTICLES, { synonyms });
    const results = withSynonyms.search('Lavrov ');
    expect(results.map((r) => r.articleId)).toEqual(['4', '1']);
    const hit = results[1]?.passages[0];
    const [s, e] = hit?.highlights[0] ?? [0, 0];
    expect(hit?.text.slice(s, e)).toBe('拉夫羅夫');
    expect(withSynonyms.search('拉夫罗夫').map((r) => r.articleId)).toEqual(['1', '4']);
  });

  it('treats a multi-word name as one term with its other forms', () => {
    const forms: Record<string, string[]> = { 'sergei lavrov': ['拉夫罗夫', 'lavrov'] };
    const index = loadSearchIndex(buildSearchIndex(ARTICLES), ARTICLES, { synonyms: (f) => forms[f] ?? [] });
    const results = index.search('Sergei  Lavrov');
    expect(results.map((r) => r.articleId)).toEqual(['4', '1']);
    expect(results[0]?.passages[0]?.highlights).toEqual([
      [0, 6],
      [7, 13],
    ]);
    // Without the name, the words are matched one by one (the Chinese article lacks them).
    expect(index.search('Sergei Wang').map((r) => r.articleId)).toEqual(['4']);
  });
});
