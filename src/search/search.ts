// Loads a serialized index next to its articles and answers queries. Scoring: BM25 per document
// (title and passages), weighted by kind (title and headings count more, the lede too); per article
// and query term, the best document's score grows with the number of documents that match (log);
// the terms are saturated and summed, so an article strong on *every* term beats one that is very
// strong on one; passages holding all terms add a bonus. That puts the article *about* the query first.
// Execution: postings are sorted by doc id and docs are numbered article by article, so one merge
// pass over the terms' lists scores every article without hash maps; only the best articles are then
// looked at in detail (late phrase verification, passages, highlights).
import type { Article } from '../corpus/types.ts';
import { KIND_CODES, openDocuments, SCRIPT_CODES } from './documents.ts';
import { foldText, phrasePattern } from './fold.ts';
import { highlightRanges } from './highlight.ts';
import { createMatcher, type MatchOptions, type TermMatch } from './match.ts';
import { lowerBound, openPostings } from './postings.ts';
import { parseQuery } from './tokenize.ts';
import {
  type PassageHit,
  SEARCH_INDEX_FORMAT,
  type SearchFilters,
  type SearchIndex,
  type SearchResult,
  type SerializedSearchIndex,
} from './types.ts';

export { KIND_WEIGHT } from './documents.ts';

/** Per-term saturation: an article's score for one term is A / (A + SATURATION × idf). */
const SATURATION = 2;
/** Multiplier per document holding every query term (up to 4 of them). */
const TOGETHER = 0.25;
/** At most this many query terms are used. */
const MAX_TERMS = 16;

/** Options of loadSearchIndex: synonyms (other forms of a name) for query terms. */
export type LoadOptions = MatchOptions;

interface Detail {
  article: number;
  score: number;
  docs: { doc: number; score: number }[];
}

export function loadSearchIndex(
  serialized: SerializedSearchIndex,
  articles: readonly Article[],
  options: LoadOptions = {},
): SearchIndex {
  if (serialized.format !== SEARCH_INDEX_FORMAT) {
    throw new Error(`search index: unknown format ${String(serialized.format)}`);
  }
  const documents = openDocuments(serialized, articles);
  const postings = openPostings(serialized, documents.count);
  const matcher = createMatcher(postings, documents, options);
  const ordered = documents.articles;
  const sources = [...new Set(ordered.map((a) => a.source))].sort();

  const search = (query: string, filters: SearchFilters = {}): SearchResult[] => {
    const folded = foldText(query);
    const queryTerms = parseQuery(folded).slice(0, MAX_TERMS);
    if (queryTerms.length === 0) return [];
    const typing = !/\s$/.test(query);
    const name = matcher.matchName(queryTerms, folded.replace(/\s+/g, ' ').trim());
    const matches = name
      ? [name]
      : queryTerms.map((t, i) => matcher.match(t, typing && i === queryTerms.length - 1));
    const n = matches.length;

    const kinds = filters.kinds?.length ? new Set(filters.kinds) : undefined;
    const scripts = filters.scripts?.length ? new Set(filters.scripts) : undefined;
    const sourceSet = filters.sources?.length ? new Set(filters.sources) : undefined;
    const articleFiltered = Boolean(sourceSet || filters.from || filters.to);
    const articleOk = (a: number): boolean => {
      const article = ordered[a];
      if (!article) return false;
      if (sourceSet && !sourceSet.has(article.source)) return false;
      const day = article.publishedAt.slice(0, 10);
      if (filters.from && day < filters.from) return false;
      if (filters.to && day > filters.to) return false;
      return true;
    };
    const kindOk = kinds ? KIND_CODES.map((k) => kinds.has(k)) : undefined;
    const scriptOk = scripts ? SCRIPT_CODES.map((s) => scripts.has(s)) : undefined;
    const { article: docArticle, kindCode, scriptCode, gain, norm, start } = documents;
    const docOk = (doc: number): boolean =>
      (!kindOk || kindOk[kindCode[doc] as number] === true) &&
      (!scriptOk || scriptOk[scriptCode[doc] as number] === true);
    const contribution = (m: TermMatch, doc: number, tf: number): number =>
      (m.idf * tf * (gain[doc] as number)) / (tf + (norm[doc] as number));

    // Per-article accumulators, reused.
    const best = new Float64Array(n);
    const count = new Int32Array(n);
    let together = 0;
    const articleScore = (): number => {
      let score = 0;
      for (let t = 0; t < n; t++) {
        const c = count[t] ?? 0;
        if (!c) continue;
        const m = matches[t] as TermMatch;
        const a = (best[t] ?? 0) * (1 + 0.5 * Math.log(c));
        score += (m.idf * a) / (a + SATURATION * m.idf);
      }
      return score * (1 + TOGETHER * Math.min(together, 4));
    };
    const reset = (): void => {
      best.fill(0);
      count.fill(0);
      together = 0;
    };

    // Phase 1: one merge pass over all lists, article by article.
    const candArticle: number[] = [];
    const candScore: number[] = [];
    const pos = new Int32Array(n);
    let current = -1;
    let currentOk = true;
    const flush = (): void => {
      if (current >= 0) {
        const s = articleScore();
        if (s > 0) {
          candArticle.push(current);
          candScore.push(s);
        }
      }
      reset();
    };
    // Hoisted per-term arrays: this loop runs once per matching document.
    const lists = matches.map((m) => m.docs);
    const freqs = matches.map((m) => m.tfs);
    const idfs = Float64Array.from(matches.map((m) => m.idf));
    const END = 0x7fffffff;
    for (;;) {
      let doc = END;
      for (let t = 0; t < n; t++) {
        const list = lists[t] as Int32Array;
        const p = pos[t] as number;
        if (p < list.length) {
          const d = list[p] as number;
          if (d < doc) doc = d;
        }
      }
      if (doc === END) break;
      const a = docArticle[doc] as number;
      if (a !== current) {
        flush();
        current = a;
        currentOk = !articleFiltered || articleOk(a);
      }
      const ok = currentOk && docOk(doc);
      const g = gain[doc] as number;
      const nm = norm[doc] as number;
      let matched = 0;
      for (let t = 0; t < n; t++) {
        const list = lists[t] as Int32Array;
        const p = pos[t] as number;
        if (list[p] !== doc) continue;
        pos[t] = p + 1;
        if (!ok) continue;
        const tf = (freqs[t] as Float32Array)[p] as number;
        const h = ((idfs[t] as number) * tf * g) / (tf + nm);
        if (h > 0) {
          matched++;
          count[t] = (count[t] as number) + 1;
          if (h > (best[t] as number)) best[t] = h;
        }
      }
      if (n > 1 && matched === n) together++;
    }
    flush();

    const limit = filters.limit ?? 20;
    const order = Array.from(candArticle.keys()).sort(
      (x, y) => (candScore[y] ?? 0) - (candScore[x] ?? 0) || (candArticle[x] ?? 0) - (candArticle[y] ?? 0),
    );
    const needsVerify = matches.some((m) => m.unverified);
    const head = order.slice(0, needsVerify ? limit * 3 : limit).map((i) => candArticle[i] ?? 0);

    // Phase 2: details (and late phrase verification) for the best articles.
    const patterns = matches.map((m) => (m.unverified ? phrasePattern(m.term.text) : undefined));
    const details: Detail[] = head.map((a) => {
      const from = start[a] ?? 0;
      const to = start[a + 1] ?? 0;
      const perDoc = new Map<number, number[]>();
      matches.forEach((m, t) => {
        for (let j = lowerBound(m.docs, from); j < m.docs.length && (m.docs[j] ?? 0) < to; j++) {
          const doc = m.docs[j] ?? 0;
          if (!docOk(doc)) continue;
          if (m.unverified && !documents.has(doc, patterns[t] as RegExp)) continue;
          let row = perDoc.get(doc);
          if (!row) {
            row = new Array<number>(n).fill(0);
            perDoc.set(doc, row);
          }
          row[t] = contribution(m, doc, m.tfs[j] ?? 1);
        }
      });
      reset();
      const docs: { doc: number; score: number }[] = [];
      for (const [doc, row] of perDoc) {
        let s = 0;
        let matched = 0;
        row.forEach((h, t) => {
          if (h > 0) {
            s += h;
            matched++;
            count[t] = (count[t] ?? 0) + 1;
            if (h > (best[t] ?? 0)) best[t] = h;
          }
        });
        if (n > 1 && matched === n) {
          together++;
          s *= 1.5;
        }
        if (s > 0) docs.push({ doc, score: s });
      }
      return { article: a, score: articleScore(), docs };
    });
    const ranked = details
      .filter((d) => d.score > 0)
      .sort((x, y) => y.score - x.score || x.article - y.article)
      .slice(0, limit);

    const perArticle = filters.passagesPerArticle ?? 3;
    const marks = matches.map((m) => m.mark);
    return ranked.map((d): SearchResult => {
      const article = ordered[d.article] as Article;
      const first = start[d.article] ?? 0;
      const passages = d.docs
        .filter((x) => x.doc !== first)
        .sort((x, y) => y.score - x.score || x.doc - y.doc)
        .slice(0, perArticle)
        .sort((x, y) => x.doc - y.doc)
        .map(({ doc, score }): PassageHit => {
          const index = doc - first - 1;
          const passage = article.passages[index];
          const text = passage?.text ?? '';
          return {
            index,
            kind: passage?.kind ?? 'paragraph',
            text,
            highlights: highlightRanges(foldText(text), marks),
            score,
          };
        });
      return {
        articleId: article.id,
        title: article.title,
        titleHighlights: highlightRanges(foldText(article.title), marks),
        url: article.url,
        source: article.source,
        publishedAt: article.publishedAt,
        script: article.script,
        score: d.score,
        matchCount: d.docs.length,
        passages,
      };
    });
  };

  return { search, documentCount: documents.count, sources };
}
