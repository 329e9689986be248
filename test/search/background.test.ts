// The background wiring: installSearch registers the search, entityPage and article handlers, which
// read the bundle (with its stored index) from the extension's own URL. Messaging is replaced by a
// recorder of the registered handlers (the real message path is covered end to end).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBundle, serializeBundle } from '../../src/corpus/bundle.ts';
import type { Article } from '../../src/corpus/types.ts';
import { installSearch } from '../../src/search/background.ts';
import type { EntityPageData } from '../../src/search/entity-page.ts';
import type { SearchResponse } from '../../src/search/handlers.ts';
import { buildSearchIndex } from '../../src/search/index.ts';
import { ARTICLES } from './fixtures.ts';

type Handler = (message: { data: unknown }) => unknown;
const handlers = vi.hoisted(() => new Map<string, (message: { data: unknown }) => unknown>());
vi.mock('../../src/messaging.ts', () => ({
  onMessage: (name: string, handler: Handler) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
}));

const entities = [{ id: 'e:谭德塞', name: '谭德塞', kind: 'person' as const, aliases: [], articleCount: 2 }];
const call = <T>(name: string, data: unknown): Promise<T> =>
  Promise.resolve(handlers.get(name)?.({ data }) as T);

beforeEach(() => {
  handlers.clear();
  const json = serializeBundle(
    createBundle(ARTICLES, { entities, extra: { search: buildSearchIndex(ARTICLES) } }),
  );
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url.endsWith('/data/corpus.json') ? new Response(json) : new Response('', { status: 404 }),
    ),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('installSearch', () => {
  it('answers search, article and entityPage', async () => {
    installSearch((path) => `chrome-extension://test${path}`, { get: async () => ({ detect: () => [] }) });
    expect([...handlers.keys()].sort()).toEqual(['article', 'entityPage', 'search']);
    expect((await call<SearchResponse>('search', { query: '西伯利亞力量' })).results[0]?.articleId).toBe('1');
    expect((await call<SearchResponse>('search', { query: '譚德塞' })).entities?.[0]?.id).toBe('e:谭德塞');
    expect((await call<Article | null>('article', { articleId: '2' }))?.title).toBe('世卫专家组抵达武汉');
    expect((await call<EntityPageData | null>('entityPage', { entityId: 'e:谭德塞' }))?.entity.name).toBe(
      '谭德塞',
    );
    expect(await call<EntityPageData | null>('entityPage', { entityId: 'e:nobody' })).toBeNull();
  });

  it('joins the imported articles', async () => {
    const [first, ...rest] = ARTICLES;
    const json = serializeBundle(createBundle(rest, { extra: { search: buildSearchIndex(rest) } }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(json)),
    );
    installSearch((path) => path, {
      get: async () => ({ detect: () => [] }),
      articles: async () => (first ? [first] : []),
    });
    expect((await call<SearchResponse>('search', { query: '西伯利亞力量' })).results[0]?.articleId).toBe('1');
  });

  it('uses the bundle the corpus already read', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const bundle = createBundle(ARTICLES, { entities });
    installSearch((path) => path, { get: async () => ({ detect: () => [] }), bundle: async () => bundle });
    expect((await call<SearchResponse>('search', { query: '谭德塞 武汉' })).results[0]?.articleId).toBe('2');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('reads the search index from data/search.json, once, where the build wrote it apart', async () => {
    // The file's index covers the first article only: a search finds what it indexes, not the
    // bundle's other articles (an index built from the bundle would find the second).
    const [first] = ARTICLES;
    const bundle = createBundle(ARTICLES, { entities });
    const text = vi.fn(async () => JSON.stringify(buildSearchIndex(first ? [first] : [])));
    installSearch((path) => path, {
      get: async () => ({ detect: () => [] }),
      bundle: async () => bundle,
      searchIndexText: text,
    });
    expect((await call<SearchResponse>('search', { query: '西伯利亞力量' })).results[0]?.articleId).toBe('1');
    expect((await call<SearchResponse>('search', { query: '谭德塞 武汉' })).results).toEqual([]);
    expect(text).toHaveBeenCalledTimes(1);
  });

  it('names data/search.json when it is broken', async () => {
    const bundle = createBundle(ARTICLES, { entities });
    for (const [body, message] of [
      ['{"format":', /^data\/search\.json: not valid JSON/],
      ['{"format":"other/1"}', /^data\/search\.json: not a Factlens search index \(format is "other\/1"/],
    ] as const) {
      handlers.clear();
      installSearch((path) => path, {
        get: async () => ({ detect: () => [] }),
        bundle: async () => bundle,
        searchIndexText: async () => body,
      });
      await expect(call<SearchResponse>('search', { query: 'x' })).rejects.toThrow(message);
    }
  });

  it('reports a bundle that cannot be fetched', async () => {
    installSearch((path) => `chrome-extension://test${path}.missing`, {
      get: async () => ({ detect: () => [] }),
    });
    await expect(call<SearchResponse>('search', { query: 'x' })).rejects.toThrow(/HTTP 404/);
  });
});
