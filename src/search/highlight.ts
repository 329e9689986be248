// Highlight ranges for a passage: where the query's terms occur, as offsets into the original text.
// Works on the length-preserving folded text, so folded offsets are original offsets.
import { runs, stem } from './tokenize.ts';
import type { HighlightRange } from './types.ts';

/** What to mark for one query term (and its synonyms). */
export interface MarkTerm {
  /** Han strings to find (the phrase, its bigrams when it matched only loosely, other forms of a name). */
  strings: string[];
  /** Stems of Latin words that count as a match (the word, its prefix expansions, fuzzy variants). */
  stems: Set<string>;
}

function occurrences(folded: string, needle: string, out: HighlightRange[]): void {
  if (!needle) return;
  let at = folded.indexOf(needle);
  while (at >= 0) {
    out.push([at, at + needle.length]);
    at = folded.indexOf(needle, at + 1);
  }
}

/** Sorted, merged ranges of every term in the folded text. */
export function highlightRanges(folded: string, marks: readonly MarkTerm[]): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  const hasWords = marks.some((m) => m.stems.size > 0);
  for (const m of marks) for (const s of m.strings) occurrences(folded, s, ranges);
  if (hasWords) {
    for (const r of runs(folded)) {
      if (r.han) continue;
      const s = stem(folded.slice(r.start, r.end));
      if (marks.some((m) => m.stems.has(s))) ranges.push([r.start, r.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: HighlightRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Splits a text into plain and highlighted segments (for rendering as text, never as HTML). */
export function segments(text: string, ranges: readonly HighlightRange[]): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    const start = Math.max(at, Math.min(s, text.length));
    const end = Math.min(e, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}
