// The shape of a parsed article: the one contract between the parser, the compiler, the entity
// extractor, search and the UI. Plain data only (JSON-serialisable), so it crosses message boundaries.

/** Script/language of a text: Traditional Chinese, Simplified Chinese, English (or other Latin). */
export type Script = 'zh-Hant' | 'zh-Hans' | 'en';

export type PassageKind =
  | 'paragraph'
  | 'subheading'
  | 'caption'
  | 'gallery-heading'
  | 'gallery-item'
  | 'byline';

export interface Passage {
  kind: PassageKind;
  /** Plain text: entities decoded, whitespace normalised, no HTML. */
  text: string;
  script: Script;
  /** Gallery items: the bold title before the colon. */
  title?: string;
}

export interface ArticleImage {
  /** Original image URL (the images.weserv.nl proxy removed). */
  url: string;
  caption: string;
}

export interface ArticleLink {
  /** DW article id of an ArticleRef link. */
  id: string;
  text: string;
}

export interface ArticleVideo {
  url: string;
}

export interface Article {
  /** DW id from /a-NNNN in the URL, else a stable hash of the URL. */
  id: string;
  url: string;
  title: string;
  /** ISO 8601 publication time (from the <!--ms--> comment). */
  publishedAt: string;
  /** ISO 8601, when the body header time differs from publishedAt. */
  updatedAt?: string;
  author?: string;
  /** Publisher name from the URL's host (Deutsche Welle, The Economist, ...). */
  source: string;
  script: Script;
  passages: Passage[];
  images: ArticleImage[];
  links: ArticleLink[];
  videos: ArticleVideo[];
  /** Where it came from (a file path or an import name), for messages. */
  file: string;
}

/** A problem found while reading a file. `line` is 1-based; errors drop the file, warnings keep it. */
export interface CorpusIssue {
  file: string;
  line?: number;
  severity: 'error' | 'warning';
  message: string;
}
