// Finds the documents of one query term: a Chinese phrase through its bigrams (intersected, then
// verified as a phrase in the text; all bigrams but one when nothing matches — a variant character
// or a typo in a name), a single character through every bigram that starts with it, an English word
// by its stem (plus prefix completions for the word being typed, and fuse.js-scored near spellings
// when the index lacks it), and the term's synonyms (other forms of a name) at a lower weight.
import type { Documents } from './documents.ts';
import { phrasePattern } from './fold.ts';
import { fuzzyTerms } from './fuzzy.ts';
import type { MarkTerm } from './highlight.ts';
import { lowerBound, type PostingList, type Postings } from './postings.ts';
import { parseQuery, type QueryTerm } from './tokenize.ts';

/** Weight of a loose match (all bigrams but one) relative to an exact one. */
const LOOSE = 0.5;
/** Weight of a prefix completion of the word being typed. */
const PREFIX = 0.7;
/** Weight of a synonym's match relative to the term as typed. */
const SYNONYM = 0.8;
/** Phrase candidate lists up to this size are verified at once; longer ones for the best articles only. */
const VERIFY_NOW = 20_000;

export interface TermMatch extends PostingList {
  term: QueryTerm;
  mark: MarkTerm;
  /** True when `docs` still holds documents that have every bigram but maybe not the phrase. */
  unverified: boolean;
  idf: number;
}

export interface MatchOptions {
  /** Other forms of a folded term (see LoadOptions.synonyms). */
  synonyms?: (folded: string) => readonly string[];
}

function fromMap(m: Map<number, number>): PostingList {
  const docs = Int32Array.from(m.keys()).sort();
  const tfs = new Float32Array(docs.length);
  for (let i = 0; i < docs.length; i++) tfs[i] = m.get(docs[i] ?? 0) ?? 0;
  return { docs, tfs };
}

/** Documents holding every list's doc; the weight is the smallest. */
function intersect(lists: readonly PostingList[]): PostingList {
  const [first, ...rest] = [...lists].sort((a, b) => a.docs.length - b.docs.length);
  const docs = new Int32Array(first?.docs.length ?? 0);
  const tfs = new Float32Array(docs.length);
  const at = rest.map(() => 0);
  let k = 0;
  for (let i = 0; first && i < first.docs.length; i++) {
    const d = first.docs[i] ?? 0;
    let min = first.tfs[i] ?? 1;
    let all = true;
    for (let r = 0; r < rest.length; r++) {
      const l = rest[r] as PostingList;
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
  return { docs: docs.subarray(0, k), tfs: tfs.subarray(0, k) };
}

export function createMatcher(
  postings: Postings,
  documents: Documents,
  options: MatchOptions = {},
): {
  match(term: QueryTerm, isLast: boolean): TermMatch;
  matchName(terms: readonly QueryTerm[], folded: string): TermMatch | null;
} {
  const idfOf = (df: number): number => Math.log(1 + (documents.count - df + 0.5) / (df + 0.5));

  const matchHan = (term: QueryTerm, mark: MarkTerm): { list: PostingList; unverified: boolean } => {
    if (term.text.length === 1) {
      const [lo, hi] = postings.prefixRange(term.text);
      if (hi - lo === 1) return { list: postings.list(lo), unverified: false };
      const parts: { index: number; weight: number }[] = [];
      for (let i = lo; i < hi; i++) parts.push({ index: i, weight: 1 });
      return { list: postings.union(parts, 'sum'), unverified: false };
    }
    const lists = term.grams.map((g) => postings.list(postings.termIndex(g)));
    let list = intersect(lists);
    let unverified = term.grams.length > 1;
    if (unverified && list.docs.length <= VERIFY_NOW) {
      const pattern = phrasePattern(term.text);
      const { docs, tfs } = list;
      let kept = 0;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] ?? 0;
        if (documents.has(d, pattern)) {
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
      mark.strings = term.grams;
      unverified = false;
    }
    return { list, unverified };
  };

  const matchWord = (term: QueryTerm, isLast: boolean, mark: MarkTerm): PostingList => {
    const stemmed = term.grams[0] ?? term.text;
    const exact = postings.termIndex(stemmed);
    const extra: { index: number; weight: number }[] = [];
    if (isLast && term.text.length >= 2) {
      // Prefix completions of the word being typed: the 20 most frequent.
      const [lo, hi] = postings.prefixRange(term.text);
      const completions: [number, number][] = [];
      for (let i = lo; i < hi; i++) if (i !== exact) completions.push([i, postings.size(i)]);
      completions.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      for (const [i] of completions.slice(0, 20)) {
        mark.stems.add(postings.terms[i] ?? '');
        extra.push({ index: i, weight: PREFIX });
      }
    }
    if (exact < 0 && extra.length === 0) {
      // Candidates share the first letters (three for longer words): typos rarely hit the start.
      const [lo, hi] = postings.prefixRange(stemmed.slice(0, stemmed.length >= 6 ? 3 : 2));
      const candidates = postings.terms.slice(lo, Math.min(hi, lo + 800));
      for (const f of fuzzyTerms(stemmed, candidates)) {
        mark.stems.add(f.term);
        extra.push({ index: postings.termIndex(f.term), weight: f.similarity * LOOSE });
      }
    }
    return extra.length
      ? postings.union([{ index: exact, weight: 1 }, ...extra], 'max')
      : postings.list(exact);
  };

  const matchOne = (term: QueryTerm, isLast: boolean): TermMatch => {
    const mark: MarkTerm =
      term.type === 'han'
        ? { strings: [term.text], stems: new Set() }
        : { strings: [], stems: new Set(term.grams) };
    if (term.type === 'han') {
      const { list, unverified } = matchHan(term, mark);
      return { term, ...list, mark, unverified, idf: idfOf(list.docs.length) };
    }
    const list = matchWord(term, isLast, mark);
    return { term, ...list, mark, unverified: false, idf: idfOf(list.docs.length) };
  };

  const withAlternatives = (primary: TermMatch, alternatives: readonly TermMatch[]): TermMatch => {
    for (const m of alternatives) {
      for (const x of m.mark.strings) if (!primary.mark.strings.includes(x)) primary.mark.strings.push(x);
      for (const x of m.mark.stems) primary.mark.stems.add(x);
    }
    const { docs, tfs } = postings.merge(
      [
        { docs: primary.docs, tfs: primary.tfs, weight: 1 },
        ...alternatives.map((m) => ({ docs: m.docs, tfs: m.tfs, weight: SYNONYM })),
      ],
      'max',
    );
    return { ...primary, docs, tfs, idf: idfOf(docs.length) };
  };
  const alternativesOf = (forms: readonly string[], skip: (alt: QueryTerm) => boolean): TermMatch[] => {
    const out: TermMatch[] = [];
    for (const form of forms) {
      const parsed = parseQuery(form);
      const alt = parsed.length === 1 ? parsed[0] : undefined;
      if (!alt || skip(alt)) continue;
      const m = matchOne(alt, false);
      if (m.docs.length > 0 && !m.unverified) out.push(m);
      if (out.length >= 8) break;
    }
    return out;
  };

  return {
    /**
     * A whole multi-word query that is a name ("Sergei Lavrov", "Xi Jinping") as one term: documents
     * with all its words, or any single-term form of the name (拉夫罗夫, 习近平). Null when the
     * synonyms know no such name.
     */
    matchName(terms, folded) {
      if (terms.length < 2 || !options.synonyms) return null;
      const alternatives = alternativesOf(options.synonyms(folded), () => false);
      if (alternatives.length === 0) return null;
      const words = terms.map((t) => matchOne(t, false));
      if (words.some((w) => w.unverified)) return null;
      const all = intersect(words);
      const mark: MarkTerm = { strings: [], stems: new Set() };
      for (const w of words) {
        mark.strings.push(...w.mark.strings);
        for (const x of w.mark.stems) mark.stems.add(x);
      }
      const primary: TermMatch = {
        term: terms[0] as QueryTerm,
        ...all,
        mark,
        unverified: false,
        idf: idfOf(all.docs.length),
      };
      return withAlternatives(primary, alternatives);
    },
    match(term, isLast) {
      const primary = matchOne(term, isLast);
      if (primary.unverified) return primary;
      const alternatives = alternativesOf(
        options.synonyms?.(term.text) ?? [],
        (alt) => alt.text === term.text || (alt.type === 'word' && alt.grams[0] === term.grams[0]),
      );
      return alternatives.length ? withAlternatives(primary, alternatives) : primary;
    },
  };
}
