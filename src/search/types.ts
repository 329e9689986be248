// The search contract: the serialized index (built at compile time, shipped in the bundle), the query
// filters and the results (plain data, so they cross the extension's message boundary unchanged).
import type { PassageKind, Script } from '../corpus/types.ts';

export const SEARCH_INDEX_FORMAT = 'factlens-search/1';

/**
 * A compiled passage index. Documents are numbered article by article: the article's title first,
 * then its passages in order. All number lists use the codec in codec.ts.
 */
export interface SerializedSearchIndex {
  format: typeof SEARCH_INDEX_FORMAT;
  /** Article ids in index order (loadSearchIndex matches articles to them by id). */
  articleIds: string[];
  /** Documents per article (1 title + its passages). */
  docCounts: string;
  /** Token count of every document (the BM25 length). */
  docLengths: string;
  /** Every index term, sorted by UTF-16 code unit, joined by "\n". */
  terms: string;
  /** Length of each term's slice of `postings`. */
  postingLengths: string;
  /** Per term: (doc id delta × 2 + [tf > 1]) then, when tf > 1, tf − 2. */
  postings: string;
}

/** A kind of searchable text: a passage kind, or the article title. */
export type SearchKind = PassageKind | 'title';

export interface SearchFilters {
  /** Only these kinds of text (default: all). */
  kinds?: SearchKind[];
  /** Only articles from these sources (Article.source). */
  sources?: string[];
  /** Only articles published on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Only articles published on or before this day (YYYY-MM-DD). */
  to?: string;
  /** Only text in these scripts. */
  scripts?: Script[];
  /** At most this many articles (default 20). */
  limit?: number;
  /** Passages shown per article (default 3). */
  passagesPerArticle?: number;
}

/** [start, end): UTF-16 offsets into the original (unfolded) text. */
export type HighlightRange = [start: number, end: number];

export interface PassageHit {
  /** Index into Article.passages. */
  index: number;
  kind: PassageKind;
  text: string;
  highlights: HighlightRange[];
  score: number;
}

export interface SearchResult {
  articleId: string;
  title: string;
  titleHighlights: HighlightRange[];
  url: string;
  source: string;
  publishedAt: string;
  script: Script;
  score: number;
  /** How many of the article's passages (title included) match. */
  matchCount: number;
  /** The best-matching passages, in article order. */
  passages: PassageHit[];
}

export interface SearchIndex {
  search(query: string, filters?: SearchFilters): SearchResult[];
  /** Number of indexed documents (titles + passages). */
  readonly documentCount: number;
  /** Every Article.source in the index, sorted. */
  readonly sources: string[];
}
