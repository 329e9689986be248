// Turns folded text into index terms and a query into query terms. Chinese (Han) runs become
// character bigrams plus the run's last character (so that a one-character query still finds every
// occurrence through the terms that start with it); Latin runs become case-folded words with light
// plural stemming. Both the index builder and the query side go through here, so they always agree.
import { isHan, isWordChar } from './fold.ts';

/** Light English stemming: plural and possessive endings only (precision over recall). */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    return word.slice(0, -1);
  }
  return word;
}

const HAN_CHARS_PER_WORD = 1.6;

export interface Run {
  han: boolean;
  start: number;
  end: number;
}

/** The Han runs and Latin word runs of a folded text, in order. */
export function runs(folded: string): Run[] {
  const out: Run[] = [];
  let i = 0;
  const n = folded.length;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isHan(c)) {
      const start = i;
      while (i < n && isHan(folded.charCodeAt(i))) i++;
      out.push({ han: true, start, end: i });
    } else if (isWordChar(c)) {
      const start = i;
      while (i < n && isWordChar(folded.charCodeAt(i))) i++;
      out.push({ han: false, start, end: i });
    } else {
      i++;
    }
  }
  return out;
}

/** Index terms of a folded text with their counts, and the number of tokens (the BM25 length). */
export function indexTerms(folded: string): { terms: Map<string, number>; length: number } {
  const terms = new Map<string, number>();
  let length = 0;
  const add = (t: string): void => {
    terms.set(t, (terms.get(t) ?? 0) + 1);
  };
  for (const r of runs(folded)) {
    if (r.han) {
      for (let i = r.start; i + 1 < r.end; i++) add(folded.slice(i, i + 2));
      add(folded.slice(r.end - 1, r.end));
      // A Chinese word averages about 1.6 characters: count Han runs in words, so BM25's length
      // normalisation treats Chinese and English passages of the same content alike.
      length += (r.end - r.start) / HAN_CHARS_PER_WORD;
    } else {
      add(stem(folded.slice(r.start, r.end)));
      length++;
    }
  }
  return { terms, length: Math.max(1, Math.round(length)) };
}

export interface QueryTerm {
  /** 'han': a Chinese string matched as a phrase; 'word': one Latin word. */
  type: 'han' | 'word';
  /** The folded query text of this term (for highlighting). */
  text: string;
  /** Index terms that must all be present: bigrams for Han, the stem for a word. */
  grams: string[];
}

/** Splits a query into terms: each Han run is one phrase term, each Latin word one term. */
export function parseQuery(folded: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const r of runs(folded)) {
    const text = folded.slice(r.start, r.end);
    const key = `${r.han ? 'h' : 'w'}:${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (r.han) {
      const grams: string[] = [];
      if (text.length === 1) grams.push(text);
      for (let i = 0; i + 1 < text.length; i++) {
        const g = text.slice(i, i + 2);
        if (!grams.includes(g)) grams.push(g);
      }
      out.push({ type: 'han', text, grams });
    } else {
      out.push({ type: 'word', text, grams: [stem(text)] });
    }
  }
  return out;
}
