// Imported articles on entity pages: an imported entity gets a page, a bundled one gains the imported
// articles that mention it.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCorpusCache } from '../../src/background/corpus.ts';
import { joinEntitySource } from '../../src/import/entity-source.ts';
import { mergeImported } from '../../src/import/merge.ts';
import { createImportService } from '../../src/import/service.ts';
import { openImportStore } from '../../src/import/store.ts';
import { buildEntityPage, type EntityPageSource } from '../../src/search/entity-page.ts';
import { articlesOf, baseCorpus, importFiles, MA_TEXT, OTHER_TEXT, payload } from './helpers.ts';

describe('joinEntitySource', () => {
  const base = baseCorpus();
  const source: EntityPageSource = {
    entities: [...base.entities.keys()].flatMap((id) => base.entity(id) ?? []),
    articles: [],
    mentionIndex: { articles: [], byEntity: {} },
  };

  it('gives imported entities a page and bundled ones their imported mentions', () => {
    const imported = articlesOf(MA_TEXT, OTHER_TEXT);
    const corpus = mergeImported(base, imported);
    const joined = joinEntitySource(source, imported, corpus);
    expect(joinEntitySource(source, imported, corpus)).toBe(joined);
    const ma = buildEntityPage(joined, 'e:馬英九');
    expect(ma?.articles.map((a) => a.articleId)).toEqual(['9001']);
    expect(ma?.mentionCount).toBeGreaterThanOrEqual(2);
    const wang = buildEntityPage(joined, 'e:王毅');
    expect(wang?.articles.map((a) => a.articleId).sort()).toEqual(['9001', '9002']);
    expect(joinEntitySource(source, [], corpus)).toBe(source);
  });

  it('is offered by the import service for its current imports', async () => {
    const service = createImportService({
      base: createCorpusCache(async () => baseCorpus()),
      openStore: () => openImportStore('entity-source'),
    });
    expect(await service.entitySource(source)).toBe(source);
    await importFiles(service, { files: [payload('ma.md', MA_TEXT)] });
    const joined = await service.entitySource(source);
    expect(buildEntityPage(joined, 'e:馬英九')?.articleCount).toBe(1);
  });
});
