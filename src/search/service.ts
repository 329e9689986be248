// The background's search service: loads the compiled index from the corpus bundle (extra.search,
// written by scripts/compile-corpus.ts) on the first search, and also searches articles that are not
// in the bundle (imported ones) through a small index rebuilt whenever that set changes. Results of
// both are merged by score.
import type { CorpusBundle } from '../corpus/bundle.ts';
import type { Article } from '../corpus/types.ts';
import { buildSearchIndex } from './build.ts';
import { handleSearch, type SearchRequest, type SearchResponse } from './handlers.ts';
import { loadSearchIndex } from './search.ts';
import { SEARCH_INDEX_FORMAT, type SearchIndex, type SerializedSearchIndex } from './types.ts';

/** The bundle's search index, or one built from its articles when the bundle carries none. */
export function searchIndexOfBundle(bundle: Pick<CorpusBundle, 'articles' | 'extra'>): SearchIndex {
  const stored = bundle.extra?.search as SerializedSearchIndex | undefined;
  const serialized = stored?.format === SEARCH_INDEX_FORMAT ? stored : buildSearchIndex(bundle.articles);
  return loadSearchIndex(serialized, bundle.articles);
}

/** Several indexes searched as one: results merged by score, sources united. */
export function combineIndexes(indexes: readonly SearchIndex[]): SearchIndex {
  if (indexes.length === 1 && indexes[0]) return indexes[0];
  return {
    search(query, filters = {}) {
      const all = indexes.flatMap((i) => i.search(query, filters));
      return all.sort((a, b) => b.score - a.score).slice(0, filters.limit ?? 20);
    },
    documentCount: indexes.reduce((n, i) => n + i.documentCount, 0),
    sources: [...new Set(indexes.flatMap((i) => i.sources))].sort(),
  };
}

export interface SearchServiceOptions {
  /** The bundle (loaded once). */
  loadBundle: () => Promise<Pick<CorpusBundle, 'articles' | 'extra'>>;
  /** Articles outside the bundle (imports); called on every search, so keep it cheap. */
  extraArticles?: () => Promise<readonly Article[]>;
}

export interface SearchService {
  search(request: SearchRequest): Promise<SearchResponse>;
}

export function createSearchService(options: SearchServiceOptions): SearchService {
  let base: Promise<SearchIndex> | null = null;
  let extra: { key: string; index: SearchIndex | null } = { key: '', index: null };
  const baseIndex = (): Promise<SearchIndex> => {
    base ??= options.loadBundle().then(searchIndexOfBundle, (error: unknown) => {
      base = null;
      throw error;
    });
    return base;
  };
  const extraIndex = async (): Promise<SearchIndex | null> => {
    const articles = (await options.extraArticles?.()) ?? [];
    const key = articles.map((a) => `${a.id}@${a.updatedAt ?? a.publishedAt}`).join('\n');
    if (key !== extra.key) {
      extra = { key, index: articles.length ? loadSearchIndex(buildSearchIndex(articles), articles) : null };
    }
    return extra.index;
  };
  return {
    async search(request) {
      const [b, x] = await Promise.all([baseIndex(), extraIndex()]);
      return handleSearch(combineIndexes(x ? [b, x] : [b]), request);
    },
  };
}
