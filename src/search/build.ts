// Builds the passage index at compile time: a hand-written inverted index of character bigrams
// (Chinese, folded to Simplified) and case-folded words (English), with term frequencies and document
// lengths for BM25. Chosen over flexsearch by measurement on the 2,046-article corpus (31,855 title
// and passage documents, same bigram/word tokens, same busy 2-core machine, load average ≈ 8):
//   flexsearch 0.7.43: 16.6 MB exported JSON, import 2.2 s, ids only (no tf or lengths to rank
//     articles by, no phrase check), p50/p95 0.13/10.9 ms on common queries;
//   this index: 6.2 MB JSON (4.2 MB gzip), load 0.18 s (JSON.parse + split, nothing rebuilt),
//     p50/p95 6.3/42 ms on the same common queries *including* ranking, phrase verification and
//     highlights. bench/search.ts (load average 3.6): p50/p95 0.14/1.7 ms over its query mix on the
//     corpus, 0.47/9.8 ms on 20,000 synthetic articles (66 MB index, load 0.15 s).
// Load time decides it: an MV3 service worker is restarted often and loads the index each time.
// minisearch was ruled out in docs/measurements.md (7 s load at scale). Deterministic: same
// articles, same bytes.
import type { Article } from '../corpus/types.ts';
import { encodeNumber, encodeNumbers } from './codec.ts';
import { foldText } from './fold.ts';
import { indexTerms } from './tokenize.ts';
import { SEARCH_INDEX_FORMAT, type SerializedSearchIndex } from './types.ts';

/** The texts of one article as documents: the title, then every passage. */
export function articleDocuments(article: Article): string[] {
  return [article.title, ...article.passages.map((p) => (p.title ? `${p.title}：${p.text}` : p.text))];
}

export function buildSearchIndex(articles: readonly Article[]): SerializedSearchIndex {
  // term → flat list of [doc, tf, doc, tf, ...]
  const postings = new Map<string, number[]>();
  const docCounts: number[] = [];
  const docLengths: number[] = [];
  let doc = 0;
  for (const article of articles) {
    const docs = articleDocuments(article);
    docCounts.push(docs.length);
    for (const text of docs) {
      const { terms, length } = indexTerms(foldText(text));
      docLengths.push(length);
      for (const [term, tf] of terms) {
        let list = postings.get(term);
        if (!list) {
          list = [];
          postings.set(term, list);
        }
        list.push(doc, tf);
      }
      doc++;
    }
  }
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: string[] = [];
  const lengths: number[] = [];
  for (const term of terms) {
    const list = postings.get(term) ?? [];
    const out: string[] = [];
    let previous = 0;
    for (let i = 0; i < list.length; i += 2) {
      const d = list[i] ?? 0;
      const tf = list[i + 1] ?? 1;
      encodeNumber((d - previous) * 2 + (tf > 1 ? 1 : 0), out);
      if (tf > 1) encodeNumber(tf - 2, out);
      previous = d;
    }
    const s = out.join('');
    chunks.push(s);
    lengths.push(s.length);
  }
  return {
    format: SEARCH_INDEX_FORMAT,
    articleIds: articles.map((a) => a.id),
    docCounts: encodeNumbers(docCounts),
    docLengths: encodeNumbers(docLengths),
    terms: terms.join('\n'),
    postingLengths: encodeNumbers(lengths),
    postings: chunks.join(''),
  };
}
