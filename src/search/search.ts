// Loads a serialized index next to its articles and answers queries: BM25 per document (title and
// passages), weighted by kind (title and headings count more), aggregated per article with diminishing
// returns and a coverage factor, so that the article *about* the query ranks first. Chinese phrases are
// matched by their bigrams, then verified as phrases in the folded text of the best articles.
import type { Article, Script } from '../corpus/types.ts';
import { articleDocuments } from './build.ts';
import { decodeEach, decodeNumbers } from './codec.ts';
import { foldText } from './fold.ts';
import { fuzzyTerms } from './fuzzy.ts';
import { highlightRanges, type MarkTerm } from './highlight.ts';
import { parseQuery, type QueryTerm } from './tokenize.ts';
import {
  type PassageHit,
  SEARCH_INDEX_FORMAT,
  type SearchFilters,
  type SearchIndex,
  type SearchKind,
  type SearchResult,
  type SerializedSearchIndex,
} from './types.ts';

const K1 = 1.2;
const B = 0.75;
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
/** Weight of a loose (not all bigrams, or fuzzy/prefix-expanded) match relative to an exact one. */
const LOOSE = 0.5;
const PREFIX = 0.7;

interface TermMatch {
  term: QueryTerm;
  /** doc → tf × weight */
  docs: Map<number, number>;
  /** doc ids whose match was only loose (not verified as a phrase) */
  loose: Set<number>;
  mark: MarkTerm;
  /** Needs phrase verification (a Han phrase of three or more characters). */
  verify: boolean;
  idf: number;
}

interface Candidate {
  article: number;
  docs: number[];
  score: number;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function loadSearchIndex(
  serialized: SerializedSearchIndex,
  articles: readonly Article[],
): SearchIndex {
  if (serialized.format !== SEARCH_INDEX_FORMAT) {
    throw new Error(`search index: unknown format ${String(serialized.format)}`);
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  const ordered: Article[] = serialized.articleIds.map((id) => {
    const a = byId.get(id);
    if (!a) throw new Error(`search index: article ${id} is not in the corpus`);
    return a;
  });
  const counts = decodeNumbers(serialized.docCounts);
  const docStart = new Int32Array(ordered.length + 1);
  for (let i = 0; i < counts.length; i++) docStart[i + 1] = (docStart[i] ?? 0) + (counts[i] ?? 0);
  const docCount = docStart[ordered.length] ?? 0;
  const docArticle = new Int32Array(docCount);
  for (let a = 0; a < ordered.length; a++) docArticle.fill(a, docStart[a], docStart[a + 1]);
  const docLength = Uint32Array.from(decodeNumbers(serialized.docLengths));
  let total = 0;
  for (const l of docLength) total += l;
  const avgLength = docCount ? total / docCount : 1;
  const terms = serialized.terms ? serialized.terms.split('\n') : [];
  const postingStart = new Float64Array(terms.length + 1);
  {
    let i = 0;
    decodeEach(serialized.postingLengths, 0, serialized.postingLengths.length, (n) => {
      postingStart[i + 1] = (postingStart[i] ?? 0) + n;
      i++;
    });
  }
  const postings = serialized.postings;
  const foldedCache = new Map<number, string>();

  const docKind = (doc: number): SearchKind => {
    const a = docArticle[doc] ?? 0;
    const p = doc - (docStart[a] ?? 0);
    return p === 0 ? 'title' : (ordered[a]?.passages[p - 1]?.kind ?? 'paragraph');
  };
  const docScript = (doc: number): Script => {
    const a = docArticle[doc] ?? 0;
    const p = doc - (docStart[a] ?? 0);
    const article = ordered[a];
    return (p === 0 ? article?.script : article?.passages[p - 1]?.script) ?? 'zh-Hans';
  };
  const docText = (doc: number): string => {
    const a = docArticle[doc] ?? 0;
    const article = ordered[a];
    if (!article) return '';
    return articleDocuments(article)[doc - (docStart[a] ?? 0)] ?? '';
  };
  const foldedDoc = (doc: number): string => {
    let f = foldedCache.get(doc);
    if (f === undefined) {
      if (foldedCache.size > 50_000) foldedCache.clear();
      f = foldText(docText(doc));
      foldedCache.set(doc, f);
    }
    return f;
  };

  const findTerm = (t: string): number => {
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(terms[mid] ?? '', t) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const termIndex = (t: string): number => {
    const i = findTerm(t);
    return terms[i] === t ? i : -1;
  };
  /** Indexes of the terms that start with `prefix`. */
  const prefixRange = (prefix: string): [number, number] => [findTerm(prefix), findTerm(`${prefix}\uffff`)];
  const decode = (i: number, each: (doc: number, tf: number) => void): void => {
    let doc = 0;
    let pendingTf = false;
    decodeEach(postings, postingStart[i] ?? 0, postingStart[i + 1] ?? 0, (n) => {
      if (pendingTf) {
        pendingTf = false;
        each(doc, n + 2);
        return;
      }
      doc += Math.floor(n / 2);
      if (n & 1) pendingTf = true;
      else each(doc, 1);
    });
  };
  const postingsOf = (i: number): Map<number, number> => {
    const m = new Map<number, number>();
    if (i >= 0) decode(i, (d, tf) => m.set(d, tf));
    return m;
  };

  const matchTerm = (term: QueryTerm, isLast: boolean): TermMatch => {
    const mark: MarkTerm = { type: term.type, strings: [term.text], stems: new Set(term.grams) };
    const loose = new Set<number>();
    let docs = new Map<number, number>();
    let verify = false;
    if (term.type === 'han' && term.text.length === 1) {
      const [lo, hi] = prefixRange(term.text);
      for (let i = lo; i < hi; i++) decode(i, (d, tf) => docs.set(d, (docs.get(d) ?? 0) + tf));
    } else if (term.type === 'han') {
      const lists = term.grams.map((g) => postingsOf(termIndex(g))).sort((a, b) => a.size - b.size);
      const [first, ...rest] = lists;
      for (const [d, tf] of first ?? []) {
        let min = tf;
        let all = true;
        for (const l of rest) {
          const t = l.get(d);
          if (t === undefined) {
            all = false;
            break;
          }
          if (t < min) min = t;
        }
        if (all) docs.set(d, min);
      }
      verify = term.grams.length > 1;
      if (docs.size === 0 && term.grams.length > 1) {
        // Loose: all bigrams but one (a variant character or a typo in a name).
        const hits = new Map<number, number>();
        for (const l of lists) for (const d of l.keys()) hits.set(d, (hits.get(d) ?? 0) + 1);
        const need = Math.max(1, term.grams.length - 1);
        for (const [d, n] of hits) {
          if (n >= need) {
            docs.set(d, LOOSE);
            loose.add(d);
          }
        }
        mark.strings = term.grams;
        verify = false;
      }
    } else {
      const stemmed = term.grams[0] ?? term.text;
      docs = postingsOf(termIndex(stemmed));
      if (isLast && term.text.length >= 2) {
        // Prefix expansion for the word being typed.
        const [lo, hi] = prefixRange(term.text);
        const expansions: [number, number][] = [];
        for (let i = lo; i < hi; i++)
          if (terms[i] !== stemmed) expansions.push([i, (postingStart[i + 1] ?? 0) - (postingStart[i] ?? 0)]);
        expansions.sort((a, b) => b[1] - a[1]);
        for (const [i] of expansions.slice(0, 20)) {
          mark.stems.add(terms[i] ?? '');
          decode(i, (d, tf) => {
            if (!docs.has(d)) {
              docs.set(d, tf * PREFIX);
              loose.add(d);
            }
          });
        }
      }
      if (docs.size === 0) {
        const [lo, hi] = prefixRange(stemmed.slice(0, 2));
        const candidates = terms.slice(lo, Math.min(hi, lo + 5000));
        for (const f of fuzzyTerms(stemmed, candidates)) {
          mark.stems.add(f.term);
          decode(termIndex(f.term), (d, tf) => {
            docs.set(d, Math.max(docs.get(d) ?? 0, tf * f.similarity * LOOSE));
            loose.add(d);
          });
        }
      }
    }
    const df = docs.size;
    const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    return { term, docs, loose, mark, verify, idf };
  };

  const search = (query: string, filters: SearchFilters = {}): SearchResult[] => {
    const queryTerms = parseQuery(foldText(query));
    if (queryTerms.length === 0) return [];
    const typing = !/\s$/.test(query);
    const matches = queryTerms.map((t, i) => matchTerm(t, typing && i === queryTerms.length - 1));
    const n = matches.length;

    const kinds = filters.kinds?.length ? new Set(filters.kinds) : undefined;
    const scripts = filters.scripts?.length ? new Set(filters.scripts) : undefined;
    const sources = filters.sources?.length ? new Set(filters.sources) : undefined;
    const articleOk = (a: number): boolean => {
      const article = ordered[a];
      if (!article) return false;
      if (sources && !sources.has(article.source)) return false;
      const day = article.publishedAt.slice(0, 10);
      if (filters.from && day < filters.from) return false;
      if (filters.to && day > filters.to) return false;
      return true;
    };
    const articleCache = new Map<number, boolean>();
    const docOk = (doc: number): boolean => {
      const a = docArticle[doc] ?? 0;
      let ok = articleCache.get(a);
      if (ok === undefined) {
        ok = articleOk(a);
        articleCache.set(a, ok);
      }
      if (!ok) return false;
      if (kinds && !kinds.has(docKind(doc))) return false;
      if (scripts && !scripts.has(docScript(doc))) return false;
      return true;
    };

    // Per-document, per-term contributions.
    const slotOf = new Map<number, number>();
    const slotDoc: number[] = [];
    const contrib: number[] = [];
    matches.forEach((m, t) => {
      for (const [doc, tf] of m.docs) {
        let slot = slotOf.get(doc);
        if (slot === undefined) {
          if (!docOk(doc)) continue;
          slot = slotDoc.length;
          slotOf.set(doc, slot);
          slotDoc.push(doc);
          for (let k = 0; k < n; k++) contrib.push(0);
        }
        const len = docLength[doc] ?? 1;
        const bm25 = (m.idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * len) / avgLength));
        contrib[slot * n + t] = bm25 * KIND_WEIGHT[docKind(doc)];
      }
    });

    const docScore = (slot: number): { score: number; mask: number } => {
      let score = 0;
      let mask = 0;
      for (let t = 0; t < n; t++) {
        const c = contrib[slot * n + t] ?? 0;
        if (c > 0) {
          score += c;
          mask |= 1 << Math.min(t, 30);
        }
      }
      // Passages that hold every term are what the reader wants to see.
      if (n > 1 && mask === (1 << Math.min(n, 31)) - 1) score *= 1.5;
      return { score, mask };
    };
    const scoreArticle = (c: Candidate): void => {
      const scores: number[] = [];
      let mask = 0;
      for (const doc of c.docs) {
        const s = docScore(slotOf.get(doc) ?? 0);
        if (s.score > 0) scores.push(s.score);
        mask |= s.mask;
      }
      scores.sort((a, b) => b - a);
      let sum = 0;
      for (let i = 0; i < scores.length && i < 10; i++) sum += (scores[i] ?? 0) / (i + 1);
      let covered = 0;
      for (let t = 0; t < n; t++) if (mask & (1 << Math.min(t, 30))) covered++;
      const coverage = covered / n;
      c.score = sum * coverage * coverage;
    };

    const byArticle = new Map<number, Candidate>();
    for (const doc of slotDoc) {
      const a = docArticle[doc] ?? 0;
      let c = byArticle.get(a);
      if (!c) {
        c = { article: a, docs: [], score: 0 };
        byArticle.set(a, c);
      }
      c.docs.push(doc);
    }
    let candidates = [...byArticle.values()];
    for (const c of candidates) scoreArticle(c);
    const rank = (a: Candidate, b: Candidate): number => b.score - a.score || a.article - b.article;
    candidates.sort(rank);

    const limit = filters.limit ?? 20;
    // Verify Han phrases in the best articles (bigram co-occurrence is not yet a phrase).
    if (matches.some((m) => m.verify)) {
      const verifyCount = slotDoc.length <= 3000 ? candidates.length : Math.min(candidates.length, limit * 3);
      const head = candidates.slice(0, verifyCount);
      for (const c of head) {
        for (const doc of c.docs) {
          const slot = slotOf.get(doc) ?? 0;
          matches.forEach((m, t) => {
            if (!m.verify || !(contrib[slot * n + t] ?? 0)) return;
            if (!foldedDoc(doc).includes(m.term.text)) contrib[slot * n + t] = 0;
          });
        }
        scoreArticle(c);
      }
      candidates = [...head.filter((c) => c.score > 0).sort(rank), ...candidates.slice(verifyCount)];
    }

    const perArticle = filters.passagesPerArticle ?? 3;
    const marks = matches.map((m) => m.mark);
    return candidates.slice(0, limit).map((c): SearchResult => {
      const article = ordered[c.article] as Article;
      const first = docStart[c.article] ?? 0;
      const scored = c.docs
        .filter((d) => d !== first)
        .map((d) => ({ d, s: docScore(slotOf.get(d) ?? 0).score }))
        .filter((x) => x.s > 0)
        .sort((x, y) => y.s - x.s || x.d - y.d);
      const passages = scored
        .slice(0, perArticle)
        .sort((x, y) => x.d - y.d)
        .map(({ d, s }): PassageHit => {
          const index = d - first - 1;
          const passage = article.passages[index];
          const text = passage?.text ?? '';
          // The document text may be "title：text" for gallery items; highlight the passage's own text.
          return {
            index,
            kind: passage?.kind ?? 'paragraph',
            text,
            highlights: highlightRanges(foldText(text), marks),
            score: s,
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
        score: c.score,
        matchCount: scored.length + (c.docs.includes(first) ? 1 : 0),
        passages,
      };
    });
  };

  const sources = [...new Set(ordered.map((a) => a.source))].sort();
  return { search, documentCount: docCount, sources };
}
