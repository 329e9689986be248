// Imported articles joined to the loaded corpus: new entities detected and carded from imported
// passages, the bundle's entities gaining imported passages, overlaps resolved, nothing lost.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Mention } from '../../src/entities/types.ts';
import { extractImportedEntities, glossedName } from '../../src/import/entities.ts';
import { foldLong, mergeImported, mergeMentions } from '../../src/import/merge.ts';
import { fold } from '../../src/text/fold.ts';
import { articlesOf, baseCorpus, MA_TEXT, OTHER_TEXT } from './helpers.ts';

const m = (run: number, start: number, end: number, entityId: string): Mention => ({
  run,
  start,
  end,
  text: 'x'.repeat(end - start),
  entityId,
  score: 1,
});

describe('runtime entities for imports', () => {
  it('finds people after a role word, and glossed names', () => {
    const entities = extractImportedEntities(articlesOf(MA_TEXT, OTHER_TEXT));
    const names = entities.map((e) => e.name);
    expect(names).toContain('馬英九');
    expect(names).toContain('哈貝克');
    expect(entities.find((e) => e.name === '哈貝克')?.english).toBe('Robert Habeck');
    expect(entities.find((e) => e.name === '馬英九')?.kind).toBe('person');
  });

  it('finds repeated English names, without honorifics, with a kind', () => {
    const text = [
      '<!--1609459200000-->',
      '[Biden and the Senate](https://www.economist.com/united-states/2021/01/01/biden)',
      '------',
      '',
      '<p>Joe Biden met Mr Biden’s allies in New York. Joe Biden spoke to the Supreme Court.</p>',
      '<p>Mr Biden said New York would help; the Supreme Court disagreed.</p>',
    ].join('\n');
    const { articles } = loadCorpus([{ name: 'e.md', bytes: new TextEncoder().encode(text) }]);
    const found = extractImportedEntities(articles).map((e) => `${e.name}/${e.kind}`);
    expect(found).toEqual(['Joe Biden/person', 'New York/place', 'Supreme Court/organisation']);
  });

  it('gives a person the surname an article titles as a short form, unless two share it', () => {
    const text = [
      '<!--1609459200000-->',
      '[Georgia](https://www.economist.com/united-states/2021/01/01/georgia)',
      '------',
      '',
      '<p>Brad Raffensperger would not budge. Mr Raffensperger’s office said Brad Raffensperger had checked.</p>',
      '<p>Eliot Cohen and William Cohen wrote; Eliot Cohen and William Cohen agree. Mr Cohen disagreed.</p>',
      '<p>President Donald Trump called. Donald Trump was angry, and Donald Trump left.</p>',
    ].join('\n');
    const { articles } = loadCorpus([{ name: 'g.md', bytes: new TextEncoder().encode(text) }]);
    const aliases = (name: string) =>
      extractImportedEntities(articles)
        .find((e) => e.name === name)
        ?.aliases.map((a) => `${a.text}<${a.source}>`);
    expect(aliases('Brad Raffensperger')).toEqual([
      'Brad Raffensperger<corpus>',
      'Raffensperger<short-form>',
    ]);
    expect(aliases('Eliot Cohen')).toEqual(['Eliot Cohen<corpus>']);
    // Trump is never titled alone here ("President Donald Trump" titles no surname).
    expect(aliases('Donald Trump')).toEqual(['Donald Trump<corpus>']);
  });

  it('leaves names the bundle knows to the bundle', () => {
    const entities = extractImportedEntities(articlesOf(MA_TEXT), { isKnown: (f) => f === '王毅' });
    expect(entities.map((e) => e.name)).not.toContain('王毅');
  });

  it('cuts glossed names at the role word or phrase break', () => {
    expect(glossedName('美國國家安全顧問沙利文', 'Jake Sullivan')).toBe('沙利文');
    expect(glossedName('舉辦的世界經濟論壇', 'WEF')).toBe('世界經濟論壇');
    expect(glossedName('雜誌', 'Stern')).toBeNull();
  });
});

describe('foldLong', () => {
  it('folds exactly like fold(), length kept', () => {
    const text = `馬英九 Ｘi Jinping’s 𠀋 ${'臺灣'.repeat(5000)} É`;
    expect(foldLong(text)).toBe(fold(text));
    expect(foldLong(text).length).toBe(text.length);
  });
});

describe('mergeMentions', () => {
  it('keeps the longest of overlapping mentions, the first detector winning ties', () => {
    const merged = mergeMentions(
      [m(0, 0, 2, 'a'), m(0, 5, 7, 'a2')],
      [m(0, 0, 3, 'b'), m(0, 5, 7, 'b2'), m(1, 0, 2, 'c')],
    );
    expect(merged.map((x) => x.entityId)).toEqual(['b', 'a2', 'c']);
  });
});

describe('mergeImported', () => {
  const base = baseCorpus();

  it('returns the base unchanged with no imports', () => {
    const merged = mergeImported(base, []);
    expect(merged.articleCount).toBe(1);
    expect(merged.detect(['馬英九'])).toEqual([]);
  });

  it('detects an entity only an imported article knows, in either script, with the article as source', () => {
    const merged = mergeImported(base, articlesOf(MA_TEXT, OTHER_TEXT));
    expect(merged.articleCount).toBe(3);
    expect(merged.importedArticles).toBe(2);
    const mentions = merged.detect(['新聞：馬英九抵達。', '马英九和王毅']);
    expect(mentions.map((x) => [x.run, x.text, x.entityId])).toEqual([
      [0, '馬英九', 'e:馬英九'],
      [1, '马英九', 'e:馬英九'],
      [1, '王毅', 'e:王毅'],
    ]);
    expect(merged.entities.get('e:馬英九')?.articleCount).toBe(1);
    const card = merged.lookup('e:馬英九');
    expect(card?.articleCount).toBe(1);
    expect(card?.passages[0]?.articleId).toBe('9001');
    expect(card?.passages[0]?.title).toBe('馬英九再訪北京');
    const p = card?.passages[0];
    const [s, e] = p?.highlights[0] ?? [0, 0];
    expect(p?.text.slice(s, e)).toBe('馬英九');
  });

  it("adds imported passages to the bundle's own entities", () => {
    const merged = mergeImported(base, articlesOf(MA_TEXT, OTHER_TEXT));
    const card = merged.lookup('e:王毅');
    expect(card?.articleCount).toBe(3);
    expect(card?.passages.map((p) => p.articleId)).toContain('seed');
    expect(card?.passages.map((p) => p.articleId)).toContain('9001');
    // Briefs (sent with every match) keep the bundle's count; the card counts the imports too.
    expect(merged.entities.get('e:王毅')?.articleCount).toBe(1);
    expect(merged.lookup('e:unknown')).toBeNull();
  });

  it('keeps fields the base has beyond the contract', () => {
    const extended = Object.assign(baseCorpus(), { search: 'kept' });
    const merged = mergeImported(extended, articlesOf(MA_TEXT)) as unknown as { search?: string };
    expect(merged.search).toBe('kept');
  });
});
