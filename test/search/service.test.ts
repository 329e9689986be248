import { describe, expect, it, vi } from 'vitest';
import type { EntityPageSource } from '../../src/search/entity-page.ts';
import { handleSearch, SEARCH_LIMITS } from '../../src/search/handlers.ts';
import { buildSearchIndex, loadSearchIndex } from '../../src/search/index.ts';
import { createSearchService } from '../../src/search/service.ts';
import { ARTICLES } from './fixtures.ts';

describe('handleSearch', () => {
  const index = loadSearchIndex(buildSearchIndex(ARTICLES), ARTICLES);
  it('answers with results, sources and timing, and clamps the limits', () => {
    const response = handleSearch(index, {
      query: '谭德塞',
      filters: { limit: 10_000, passagesPerArticle: 0 },
    });
    expect(response.results.map((r) => r.articleId)).toEqual(['3', '2']);
    expect(response.sources).toEqual(['Deutsche Welle', 'The Economist']);
    expect(response.results[0]?.passages.length).toBe(1);
    expect(typeof response.tookMs).toBe('number');
    const long = handleSearch(index, { query: 'x'.repeat(1000) });
    expect(long.query.length).toBe(SEARCH_LIMITS.queryLength);
  });
  it('rejects a request without a query string', () => {
    expect(() => handleSearch(index, { query: 5 as unknown as string })).toThrow(/query/);
  });
});

describe('createSearchService', () => {
  it('loads the bundle once, uses its stored index and joins extra articles', async () => {
    const [first, ...rest] = ARTICLES;
    const loadBundle = vi.fn(async () => ({ articles: rest, extra: { search: buildSearchIndex(rest) } }));
    let extra = [first].filter((a) => a !== undefined);
    const service = createSearchService({ loadBundle, extraArticles: async () => extra });
    expect((await service.search({ query: '西伯利亞力量' })).results[0]?.articleId).toBe('1');
    expect((await service.search({ query: '谭德塞 武汉' })).results[0]?.articleId).toBe('2');
    extra = [];
    expect((await service.search({ query: '西伯利亞力量' })).results.map((r) => r.articleId)).not.toContain(
      '1',
    );
    expect(loadBundle).toHaveBeenCalledTimes(1);
  });
  it('warms up without a search: bundle, index file and names loaded once, failures left to the search', async () => {
    const loadBundle = vi.fn(async () => ({ articles: ARTICLES }));
    const loadSearchIndex = vi.fn(async () => buildSearchIndex(ARTICLES));
    const service = createSearchService({ loadBundle, loadSearchIndex });
    service.warm();
    await vi.waitFor(() => expect(loadSearchIndex).toHaveBeenCalledTimes(1));
    expect(loadBundle).toHaveBeenCalledTimes(1);
    expect((await service.search({ query: 'Lavrov ' })).results[0]?.articleId).toBe('4');
    expect(loadBundle).toHaveBeenCalledTimes(1);
    expect(loadSearchIndex).toHaveBeenCalledTimes(1);
    // A warm-up that fails leaves nothing behind: the search loads again, and reports its own failure.
    const failing = vi.fn(async () => Promise.reject(new Error('corpus.json: HTTP 404')));
    const broken = createSearchService({ loadBundle: failing });
    broken.warm();
    await vi.waitFor(() => expect(failing).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0)); // the warm-up's failure settles
    await expect(broken.search({ query: 'x' })).rejects.toThrow('HTTP 404');
    expect(failing).toHaveBeenCalledTimes(2);
  });
  it('builds an index when the bundle has none', async () => {
    const service = createSearchService({ loadBundle: async () => ({ articles: ARTICLES }) });
    expect((await service.search({ query: 'Lavrov ' })).results[0]?.articleId).toBe('4');
  });
});

describe('createSearchService: entity page and reader', () => {
  const entities = [
    { id: 'e:谭德塞', name: '谭德塞', kind: 'person' as const, aliases: [], articleCount: 2 },
    { id: 'e:武汉', name: '武汉', kind: 'place' as const, aliases: [], articleCount: 2 },
  ];
  // A stand-in detector: finds the entity names in each run.
  const detect = (runs: readonly string[]) =>
    runs.flatMap((text, run) =>
      entities.flatMap((e) => {
        const out = [];
        for (let i = text.indexOf(e.name); i >= 0; i = text.indexOf(e.name, i + 1)) {
          out.push({ run, start: i, end: i + e.name.length, text: e.name, entityId: e.id, score: 1 });
        }
        return out;
      }),
    );

  it('names the entities a query names', async () => {
    const service = createSearchService({ loadBundle: async () => ({ articles: ARTICLES, entities }) });
    expect((await service.search({ query: '譚德塞' })).entities).toEqual([
      { id: 'e:谭德塞', name: '谭德塞', kind: 'person', articleCount: 2 },
    ]);
    expect((await service.search({ query: '谭德塞 武汉' })).entities).toBeUndefined();
  });

  it('computes the mention index with the detector when the bundle has none', async () => {
    const service = createSearchService({
      loadBundle: async () => ({ articles: ARTICLES, entities }),
      detect,
    });
    const page = await service.entityPage({ entityId: 'e:谭德塞' });
    expect(page?.articles.map((a) => a.articleId).sort()).toEqual(['2', '3']);
    expect(page?.cooccurring[0]?.entityId).toBe('e:武汉');
    expect(await service.entityPage({ entityId: 'e:x' })).toBeNull();
  });

  it('joins imported entities to entity pages, once per set of imported articles', async () => {
    const imported = [ARTICLES[0]].filter((a) => a !== undefined);
    const join = vi.fn(
      async (base: EntityPageSource): Promise<EntityPageSource> => ({
        ...base,
        articles: [...base.articles, ...imported],
        entities: [
          ...base.entities,
          { id: 'i:王毅', name: '王毅', kind: 'person' as const, aliases: [], articleCount: 1 },
        ],
        mentionIndex: {
          articles: [...base.mentionIndex.articles, '1'],
          byEntity: {
            ...base.mentionIndex.byEntity,
            'i:王毅': [[base.mentionIndex.articles.length, 3, 4, 6] as [number, number, number, number]],
          },
        },
      }),
    );
    const service = createSearchService({
      loadBundle: async () => ({ articles: ARTICLES.slice(1), entities }),
      extraArticles: async () => imported,
      detect,
      joinEntitySource: join,
    });
    const page = await service.entityPage({ entityId: 'i:王毅' });
    expect(page?.articles.map((a) => a.articleId)).toEqual(['1']);
    expect(page?.articles[0]?.passages[0]?.text.slice(4, 6)).toBe('王毅');
    await service.entityPage({ entityId: 'e:谭德塞' });
    expect(join).toHaveBeenCalledTimes(1);
  });

  it('returns one article by id, from the bundle or the extra articles', async () => {
    const [first, ...rest] = ARTICLES;
    const service = createSearchService({
      loadBundle: async () => ({ articles: rest }),
      extraArticles: async () => (first ? [first] : []),
    });
    expect((await service.article({ articleId: '2' }))?.title).toBe('世卫专家组抵达武汉');
    expect((await service.article({ articleId: '1' }))?.id).toBe('1');
    expect(await service.article({ articleId: 'nope' })).toBeNull();
  });
});
