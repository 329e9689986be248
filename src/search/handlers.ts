// The background's search handler as a pure function (the background routes the `search` message
// here): validates the request, runs the query, and reports the sources for the filter menu.
import type { EntityKind } from '../entities/types.ts';
import type { SearchFilters, SearchIndex, SearchResult } from './types.ts';

export interface SearchRequest {
  query: string;
  filters?: SearchFilters;
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
  /** Every source in the corpus, for the filter menu. */
  sources: string[];
  tookMs: number;
  /** The entities the whole query names (by any alias), most articles first: links to their pages. */
  entities?: EntityMatch[];
}

export interface EntityMatch {
  id: string;
  name: string;
  kind: EntityKind;
  articleCount: number;
}

/** Limits on what a page may ask for. */
export const SEARCH_LIMITS = { queryLength: 200, results: 100, passagesPerArticle: 10 } as const;

export function handleSearch(
  index: SearchIndex,
  request: SearchRequest,
  now: () => number = () => performance.now(),
): SearchResponse {
  if (typeof request?.query !== 'string') throw new Error('search: query must be a string');
  const query = request.query.slice(0, SEARCH_LIMITS.queryLength);
  const filters: SearchFilters = { ...(request.filters ?? {}) };
  filters.limit = Math.max(1, Math.min(filters.limit ?? 20, SEARCH_LIMITS.results));
  filters.passagesPerArticle = Math.max(
    1,
    Math.min(filters.passagesPerArticle ?? 3, SEARCH_LIMITS.passagesPerArticle),
  );
  const start = now();
  const results = index.search(query, filters);
  return { query, results, sources: index.sources, tookMs: Math.round((now() - start) * 10) / 10 };
}
