// Imported articles in search: the search service's `extraArticles` fed by the import service finds
// them at once after an import and forgets them after removal (the background wires the two).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCorpusCache } from '../../src/background/corpus.ts';
import { createImportService } from '../../src/import/service.ts';
import { openImportStore } from '../../src/import/store.ts';
import { createSearchService } from '../../src/search/service.ts';
import { articlesOf, baseCorpus, importFiles, MA_TEXT, OTHER_TEXT, payload } from './helpers.ts';

describe('imported articles in search', () => {
  it('are found right after the import and gone after removal', async () => {
    const imports = createImportService({
      base: createCorpusCache(async () => baseCorpus()),
      openStore: () => openImportStore('search-join'),
    });
    const bundleArticles = articlesOf(OTHER_TEXT);
    const search = createSearchService({
      loadBundle: async () => ({ articles: bundleArticles }),
      extraArticles: () => imports.articles(),
    });
    expect((await search.search({ query: '馬英九' })).results).toEqual([]);
    await importFiles(imports, { files: [payload('ma.md', MA_TEXT)] });
    const found = await search.search({ query: '马英九' });
    expect(found.results[0]?.articleId).toBe('9001');
    expect((await search.article({ articleId: '9001' }))?.title).toBe('馬英九再訪北京');
    await imports.remove(['9001']);
    expect((await search.search({ query: '馬英九' })).results).toEqual([]);
  });
});
