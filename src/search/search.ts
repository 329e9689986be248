// Loads a serialized index next to its articles and answers queries. Scoring: BM25 per document
// (title and passages), weighted by kind (title and headings count more); per article and query term,
// the best document's score grows with the number of documents that match (log); the terms are
// saturated and summed, so an article strong on *every* term beats one that is very strong on one;
// passages holding all terms add a bonus. That puts the article *about* the query first.
// Execution: postings are sorted by doc id and docs are numbered article by article, so one merge
// pass over the terms' lists scores every article without hash maps; only the best articles are then
// looked at in detail (phrase verification, passages, highlights).
import type { Article, Script } from '../corpus/types.ts';
import { decodeEach, decodeNumbers, decodePostings } from './codec.ts';
import { foldText, phrasePattern } from './fold.ts';
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
/** Extra weight of the lede (the first two passages). */
const LEDE = 1.5;
/** Weight of a loose match (all bigrams but one) relative to an exact one. */
const LOOSE = 0.5;
/** Weight of a prefix expansion of the word being typed. */
const PREFIX = 0.7;
/** Per-term saturation: an article's score for one term is A / (A + SATURATION × idf). */
const SATURATION = 2;
/** Multiplier per document holding every query term (up to 4 of them). */
const TOGETHER = 0.25;
/** Han phrase lists up to this size are verified as phrases right away; longer ones for the top articles only. */
const VERIFY_NOW = 20_000;

interface TermMatch {
  term: QueryTerm;
  /** Matching doc ids, ascending. */
  docs: Int32Array;
  /** Term frequency × match weight, per doc. */
  tfs: Float32Array;
  mark: MarkTerm;
  /** True when `docs` still holds documents that have every bigram but maybe not the phrase. */
  unverified: boolean;
  idf: number;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First index in sorted `docs[from..)` whose value is ≥ `doc`. */
function lowerBound(docs: Int32Array, doc: number, from = 0): number {
  let lo = from;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((docs[mid] ?? 0) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fromMap(m: Map<number, number>): { docs: Int32Array; tfs: Float32Array } {
  const docs = Int32Array.from(m.keys()).sort();
  const tfs = new Float32Array(docs.length);
  for (let i = 0; i < docs.length; i++) tfs[i] = m.get(docs[i] ?? 0) ?? 0;
  return { docs, tfs };
}

export interface LoadOptions {
  /**
   * Other forms of a folded query term (a name's other scripts, transliterations, English name):
   * matched as alternatives of the term at a lower weight. Usually from the corpus's entity aliases.
   */
  synonyms?: (folded: string) => readonly string[];
}

/** Weight of a synonym's match relative to the term as typed. */
const SYNONYM = 0.8;

export function loadSearchIndex(
  serialized: SerializedSearchIndex,
  articles: readonly Article[],
  options: LoadOptions = {},
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
  const docLength = Float32Array.from(decodeNumbers(serialized.docLengths));
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
  const sources = [...new Set(ordered.map((a) => a.source))].sort();

  // Per-document kind weight and script, computed once (a few ms for 360,000 documents).
  const SCRIPT_CODE: Record<Script, number> = { 'zh-Hant': 0, 'zh-Hans': 1, en: 2 };
  const KIND_CODE = Object.keys(KIND_WEIGHT) as SearchKind[];
  const kindIndex = new Map(KIND_CODE.map((k, i) => [k, i]));
  const docKindCode = new Uint8Array(docCount);
  const docScriptCode = new Uint8Array(docCount);
  const docWeight = new Float32Array(docCount);
  for (let a = 0; a < ordered.length; a++) {
    const article = ordered[a] as Article;
    const first = docStart[a] ?? 0;
    const last = docStart[a + 1] ?? 0;
    for (let d = first; d < last; d++) {
      const passage = d === first ? undefined : article.passages[d - first - 1];
      const kind: SearchKind = passage ? passage.kind : 'title';
      docKindCode[d] = kindIndex.get(kind) ?? 0;
      docScriptCode[d] = SCRIPT_CODE[passage?.script ?? article.script] ?? 0;
      // News is written as an inverted pyramid: the lede (the first two passages — often the
      // teaser under the lead image, then the first paragraph) says what the article is about.
      const lede = d > first && d <= first + 2 && kind !== 'byline';
      docWeight[d] = lede ? Math.max(KIND_WEIGHT[kind] ?? 1, 1) * LEDE : (KIND_WEIGHT[kind] ?? 1);
    }
  }
  // BM25 per document, precomputed: contribution = idf × tf × gain / (tf + norm).
  const docGain = new Float32Array(docCount);
  const docNorm = new Float32Array(docCount);
  for (let d = 0; d < docCount; d++) {
    docGain[d] = (docWeight[d] ?? 1) * (K1 + 1);
    docNorm[d] = K1 * (1 - B + (B * (docLength[d] ?? 1)) / avgLength);
  }

  /** Whether a document holds a phrase (RegExp from phrasePattern, over the unfolded text). */
  const docHas = (doc: number, pattern: RegExp): boolean => {
    const a = docArticle[doc] ?? 0;
    const article = ordered[a] as Article;
    const p = doc - (docStart[a] ?? 0) - 1;
    if (p < 0) return pattern.test(article.title);
    const passage = article.passages[p];
    if (!passage) return false;
    return pattern.test(passage.text) || (passage.title !== undefined && pattern.test(passage.title));
  };
  /** Sums the postings of several terms (unions: one-character queries, expansions) in a dense array. */
  // Scratch buffers shared by every union (one query runs at a time): a dense score per document
  // and the list of documents touched, so nothing of index size is allocated per query.
  let dense: Float32Array | undefined;
  let touched = new Int32Array(1024);
  let scratchDocs = new Int32Array(1024);
  let scratchTfs = new Float32Array(1024);
  /** Sums (or takes the max of) weighted lists into one sorted list. */
  const mergeLists = (
    lists: { docs: Int32Array; tfs: Float32Array; weight: number }[],
    combine: 'sum' | 'max',
  ): { docs: Int32Array; tfs: Float32Array } => {
    dense ??= new Float32Array(docCount);
    const acc = dense;
    let hits = 0;
    for (const { docs, tfs, weight } of lists) {
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j] ?? 0;
        const v = (tfs[j] ?? 1) * weight;
        const old = acc[d] ?? 0;
        if (old === 0) {
          if (hits === touched.length) {
            const grown = new Int32Array(touched.length * 2);
            grown.set(touched);
            touched = grown;
          }
          touched[hits++] = d;
        }
        acc[d] = combine === 'sum' ? old + v : Math.max(old, v);
      }
    }
    const docs = touched.slice(0, hits).sort();
    const tfs = new Float32Array(hits);
    for (let k = 0; k < hits; k++) {
      const d = docs[k] ?? 0;
      tfs[k] = acc[d] ?? 0;
      acc[d] = 0;
    }
    return { docs, tfs };
  };
  /** The union of several terms' postings (one-character queries, expansions). */
  const union = (
    parts: { index: number; weight: number }[],
    combine: 'sum' | 'max',
  ): { docs: Int32Array; tfs: Float32Array } => {
    const lists: { docs: Int32Array; tfs: Float32Array; weight: number }[] = [];
    let total = 0;
    for (const { index } of parts)
      if (index >= 0) total += (postingStart[index + 1] ?? 0) - (postingStart[index] ?? 0);
    if (total > scratchDocs.length) {
      scratchDocs = new Int32Array(total);
      scratchTfs = new Float32Array(total);
    }
    let at = 0;
    for (const { index, weight } of parts) {
      if (index < 0) continue;
      const from = postingStart[index] ?? 0;
      const to = postingStart[index + 1] ?? 0;
      const k = decodePostings(postings, from, to, scratchDocs.subarray(at), scratchTfs.subarray(at));
      lists.push({ docs: scratchDocs.subarray(at, at + k), tfs: scratchTfs.subarray(at, at + k), weight });
      at += k;
    }
    return mergeLists(lists, combine);
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
  const postingList = (i: number): { docs: Int32Array; tfs: Float32Array } => {
    if (i < 0) return { docs: new Int32Array(0), tfs: new Float32Array(0) };
    const from = postingStart[i] ?? 0;
    const to = postingStart[i + 1] ?? 0;
    const docs = new Int32Array(to - from);
    const tfs = new Float32Array(to - from);
    const k = decodePostings(postings, from, to, docs, tfs);
    return { docs: docs.subarray(0, k), tfs: tfs.subarray(0, k) };
  };

  const matchTerm = (term: QueryTerm, isLast: boolean): TermMatch => {
    const mark: MarkTerm =
      term.type === 'han'
        ? { strings: [term.text], stems: new Set() }
        : { strings: [], stems: new Set(term.grams) };
    let list: { docs: Int32Array; tfs: Float32Array };
    let unverified = false;
    if (term.type === 'han' && term.text.length === 1) {
      const [lo, hi] = prefixRange(term.text);
      if (hi - lo === 1) list = postingList(lo);
      else {
        const parts: { index: number; weight: number }[] = [];
        for (let i = lo; i < hi; i++) parts.push({ index: i, weight: 1 });
        list = union(parts, 'sum');
      }
    } else if (term.type === 'han') {
      const lists = term.grams
        .map((g) => postingList(termIndex(g)))
        .sort((a, b) => a.docs.length - b.docs.length);
      const [first, ...rest] = lists;
      const docs = new Int32Array(first?.docs.length ?? 0);
      const tfs = new Float32Array(docs.length);
      const at = rest.map(() => 0);
      let k = 0;
      for (let i = 0; first && i < first.docs.length; i++) {
        const d = first.docs[i] ?? 0;
        let min = first.tfs[i] ?? 1;
        let all = true;
        for (let r = 0; r < rest.length; r++) {
          const l = rest[r] as { docs: Int32Array; tfs: Float32Array };
          const j = lowerBound(l.docs, d, at[r]);
          at[r] = j;
          if (l.docs[j] !== d) {
            all = false;
            break;
          }
          min = Math.min(min, l.tfs[j] ?? 1);
        }
        if (all) {
          docs[k] = d;
          tfs[k] = min;
          k++;
        }
      }
      list = { docs: docs.subarray(0, k), tfs: tfs.subarray(0, k) };
      unverified = term.grams.length > 1;
      if (unverified && k <= VERIFY_NOW) {
        const pattern = phrasePattern(term.text);
        let kept = 0;
        for (let i = 0; i < k; i++) {
          const d = docs[i] ?? 0;
          if (docHas(d, pattern)) {
            docs[kept] = d;
            tfs[kept] = tfs[i] ?? 1;
            kept++;
          }
        }
        list = { docs: docs.subarray(0, kept), tfs: tfs.subarray(0, kept) };
        unverified = false;
      }
      if (list.docs.length === 0 && term.grams.length > 1) {
        // Loose: all bigrams but one (a variant character or a typo in a name).
        const hits = new Map<number, number>();
        for (const l of lists) for (const d of l.docs) hits.set(d, (hits.get(d) ?? 0) + 1);
        const need = Math.max(1, term.grams.length - 1);
        const m = new Map<number, number>();
        for (const [d, c] of hits) if (c >= need) m.set(d, LOOSE);
        list = fromMap(m);
        mark.strings = term.grams.length ? term.grams : [term.text];
        unverified = false;
      }
    } else {
      const stemmed = term.grams[0] ?? term.text;
      list = postingList(termIndex(stemmed));
      const extra: { index: number; weight: number }[] = [];
      if (isLast && term.text.length >= 2) {
        // Prefix expansion for the word being typed: the 20 most frequent completions.
        const [lo, hi] = prefixRange(term.text);
        const expansions: [number, number][] = [];
        for (let i = lo; i < hi; i++) {
          if (terms[i] !== stemmed) expansions.push([i, (postingStart[i + 1] ?? 0) - (postingStart[i] ?? 0)]);
        }
        expansions.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        for (const [i] of expansions.slice(0, 20)) {
          mark.stems.add(terms[i] ?? '');
          extra.push({ index: i, weight: PREFIX });
        }
      }
      if (list.docs.length === 0 && extra.length === 0) {
        // Candidates share the first letters (three for longer words): typos rarely hit the start.
        const [lo, hi] = prefixRange(stemmed.slice(0, stemmed.length >= 6 ? 3 : 2));
        const candidates = terms.slice(lo, Math.min(hi, lo + 800));
        for (const f of fuzzyTerms(stemmed, candidates)) {
          mark.stems.add(f.term);
          extra.push({ index: termIndex(f.term), weight: f.similarity * LOOSE });
        }
      }
      if (extra.length) list = union([{ index: termIndex(stemmed), weight: 1 }, ...extra], 'max');
    }
    const df = list.docs.length;
    const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    return { term, docs: list.docs, tfs: list.tfs, mark, unverified, idf };
  };

  /** The term's match joined with those of its synonyms (single-term forms only). */
  const matchWithSynonyms = (term: QueryTerm, isLast: boolean): TermMatch => {
    const primary = matchTerm(term, isLast);
    const forms = options.synonyms?.(term.text) ?? [];
    const alternatives: TermMatch[] = [];
    for (const form of forms) {
      const parsed = parseQuery(form);
      const alt = parsed.length === 1 ? parsed[0] : undefined;
      if (!alt || alt.text === term.text || (alt.type === 'word' && alt.grams[0] === term.grams[0])) continue;
      const m = matchTerm(alt, false);
      if (m.docs.length > 0 && !m.unverified) alternatives.push(m);
      if (alternatives.length >= 8) break;
    }
    if (alternatives.length === 0 || primary.unverified) return primary;
    for (const m of alternatives) {
      for (const x of m.mark.strings) if (!primary.mark.strings.includes(x)) primary.mark.strings.push(x);
      for (const x of m.mark.stems) primary.mark.stems.add(x);
    }
    const { docs, tfs } = mergeLists(
      [
        { docs: primary.docs, tfs: primary.tfs, weight: 1 },
        ...alternatives.map((m) => ({ docs: m.docs, tfs: m.tfs, weight: SYNONYM })),
      ],
      'max',
    );
    const hits = docs.length;
    const idf = Math.log(1 + (docCount - hits + 0.5) / (hits + 0.5));
    return { ...primary, docs, tfs, idf };
  };

  const search = (query: string, filters: SearchFilters = {}): SearchResult[] => {
    const queryTerms = parseQuery(foldText(query)).slice(0, 16);
    if (queryTerms.length === 0) return [];
    const typing = !/\s$/.test(query);
    const matches = queryTerms.map((t, i) => matchWithSynonyms(t, typing && i === queryTerms.length - 1));
    const n = matches.length;

    const kinds = filters.kinds?.length ? new Set(filters.kinds) : undefined;
    const scripts = filters.scripts?.length ? new Set(filters.scripts) : undefined;
    const sources = filters.sources?.length ? new Set(filters.sources) : undefined;
    const articleFiltered = Boolean(sources || filters.from || filters.to);
    const articleOk = (a: number): boolean => {
      const article = ordered[a];
      if (!article) return false;
      if (sources && !sources.has(article.source)) return false;
      const day = article.publishedAt.slice(0, 10);
      if (filters.from && day < filters.from) return false;
      if (filters.to && day > filters.to) return false;
      return true;
    };
    const kindOk = kinds ? KIND_CODE.map((k) => kinds.has(k)) : undefined;
    const scriptOk = scripts
      ? (['zh-Hant', 'zh-Hans', 'en'] as Script[]).map((s) => scripts.has(s))
      : undefined;
    const docOk = (doc: number): boolean =>
      (!kindOk || kindOk[docKindCode[doc] ?? 0] === true) &&
      (!scriptOk || scriptOk[docScriptCode[doc] ?? 0] === true);
    const contribution = (m: TermMatch, doc: number, tf: number): number => {
      const len = docLength[doc] ?? 1;
      return (
        ((m.idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * len) / avgLength))) * (docWeight[doc] ?? 1)
      );
    };

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
      const ok =
        currentOk &&
        (!kindOk || kindOk[docKindCode[doc] as number] === true) &&
        (!scriptOk || scriptOk[docScriptCode[doc] as number] === true);
      const gain = docGain[doc] as number;
      const norm = docNorm[doc] as number;
      let matched = 0;
      for (let t = 0; t < n; t++) {
        const list = lists[t] as Int32Array;
        const p = pos[t] as number;
        if (list[p] !== doc) continue;
        pos[t] = p + 1;
        if (!ok) continue;
        const tf = (freqs[t] as Float32Array)[p] as number;
        const h = ((idfs[t] as number) * tf * gain) / (tf + norm);
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
    interface Detail {
      article: number;
      score: number;
      docs: { doc: number; score: number }[];
    }
    const details: Detail[] = head.map((a) => {
      const from = docStart[a] ?? 0;
      const to = docStart[a + 1] ?? 0;
      const perDoc = new Map<number, number[]>();
      matches.forEach((m, t) => {
        for (let j = lowerBound(m.docs, from); j < m.docs.length && (m.docs[j] ?? 0) < to; j++) {
          const doc = m.docs[j] ?? 0;
          if (!docOk(doc)) continue;
          if (m.unverified && !docHas(doc, patterns[t] as RegExp)) continue;
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
      const first = docStart[d.article] ?? 0;
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

  return { search, documentCount: docCount, sources };
}
