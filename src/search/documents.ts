// The documents of a loaded index — each article's title, then its passages — with what scoring and
// filtering need per document, computed once at load into typed arrays: the article, the kind and
// script codes, and BM25's per-document gain and length normalisation (kind and lede weights folded
// in), so that scoring a document is one multiply-divide.
import type { Article, Script } from '../corpus/types.ts';
import { decodeNumbers } from './codec.ts';
import type { SearchKind, SerializedSearchIndex } from './types.ts';

export const K1 = 1.2;
export const B = 0.75;
/** How much a hit counts by where it is. */
export const KIND_WEIGHT: Record<SearchKind, number> = {
  title: 3,
  subheading: 2,
  'gallery-heading': 1.5,
  'gallery-item': 1,
  paragraph: 1,
  caption: 0.7,
  byline: 0.2,
};
/** Extra weight of the lede (the first two passages). */
export const LEDE = 1.5;
export const KIND_CODES = Object.keys(KIND_WEIGHT) as SearchKind[];
export const SCRIPT_CODES: Script[] = ['zh-Hant', 'zh-Hans', 'en'];

export interface Documents {
  readonly count: number;
  /** Articles in index order. */
  readonly articles: readonly Article[];
  /** First document of each article (and, at the end, the document count). */
  readonly start: Int32Array;
  readonly article: Int32Array;
  readonly kindCode: Uint8Array;
  readonly scriptCode: Uint8Array;
  /** BM25: contribution = idf × tf × gain / (tf + norm). */
  readonly gain: Float32Array;
  readonly norm: Float32Array;
  /** Whether a document holds a phrase (a RegExp from phrasePattern, over the unfolded text). */
  has(doc: number, pattern: RegExp): boolean;
}

export function openDocuments(serialized: SerializedSearchIndex, articles: readonly Article[]): Documents {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const ordered: Article[] = serialized.articleIds.map((id) => {
    const a = byId.get(id);
    if (!a) throw new Error(`search index: article ${id} is not in the corpus`);
    return a;
  });
  const counts = decodeNumbers(serialized.docCounts);
  const start = new Int32Array(ordered.length + 1);
  for (let i = 0; i < counts.length; i++) start[i + 1] = (start[i] ?? 0) + (counts[i] ?? 0);
  const count = start[ordered.length] ?? 0;
  const article = new Int32Array(count);
  for (let a = 0; a < ordered.length; a++) article.fill(a, start[a], start[a + 1]);
  const length = Float32Array.from(decodeNumbers(serialized.docLengths));
  let total = 0;
  for (const l of length) total += l;
  const avgLength = count ? total / count : 1;

  const kindIndex = new Map(KIND_CODES.map((k, i) => [k, i]));
  const kindCode = new Uint8Array(count);
  const scriptCode = new Uint8Array(count);
  const gain = new Float32Array(count);
  const norm = new Float32Array(count);
  for (let a = 0; a < ordered.length; a++) {
    const art = ordered[a] as Article;
    const first = start[a] ?? 0;
    const last = start[a + 1] ?? 0;
    for (let d = first; d < last; d++) {
      const passage = d === first ? undefined : art.passages[d - first - 1];
      const kind: SearchKind = passage ? passage.kind : 'title';
      kindCode[d] = kindIndex.get(kind) ?? 0;
      scriptCode[d] = SCRIPT_CODES.indexOf(passage?.script ?? art.script);
      // News is written as an inverted pyramid: the lede (the first two passages — often the
      // teaser under the lead image, then the first paragraph) says what the article is about.
      const lede = d > first && d <= first + 2 && kind !== 'byline';
      const weight = lede ? Math.max(KIND_WEIGHT[kind] ?? 1, 1) * LEDE : (KIND_WEIGHT[kind] ?? 1);
      gain[d] = weight * (K1 + 1);
      norm[d] = K1 * (1 - B + (B * (length[d] ?? 1)) / avgLength);
    }
  }

  return {
    count,
    articles: ordered,
    start,
    article,
    kindCode,
    scriptCode,
    gain,
    norm,
    has(doc, pattern) {
      const a = article[doc] ?? 0;
      const art = ordered[a] as Article;
      const p = doc - (start[a] ?? 0) - 1;
      if (p < 0) return pattern.test(art.title);
      const passage = art.passages[p];
      if (!passage) return false;
      return pattern.test(passage.text) || (passage.title !== undefined && pattern.test(passage.title));
    },
  };
}
