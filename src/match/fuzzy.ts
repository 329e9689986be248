// Fuzzy resolution of Latin names that are no exact alias ("Alexei Navalny" when the corpus writes
// "Alexej Nawalny", "Sergey Lavrov"): capitalised multi-word candidates from the page are looked up in
// a token-trigram index of the multi-word Latin aliases (a small candidate set), then scored with
// fuse.js. fuse.js over every alias is slow and ranks "Sergei Prokofiev" first for "Sergei Lavrov"
// (docs/measurements.md), so it only scores the shortlist. A candidate close to two entities is left
// unmarked; the score is kept on the mention.
import Fuse from 'fuse.js';
import { foldKey } from '../text/fold.ts';

export interface FuzzyEntry {
  text: string;
  entityId: string;
}

export interface FuzzyHit {
  entityId: string;
  alias: string;
  /** 1 - fuse.js score (1 = identical). */
  score: number;
}

/** fuse.js score (0 = exact) above which a candidate is not resolved: calibrated on transliteration pairs. */
export const FUZZY_THRESHOLD = 0.3;
/** A second entity within this distance of the best makes the candidate ambiguous. */
export const AMBIGUITY_MARGIN = 0.08;

function trigrams(token: string): string[] {
  const t = `^${token}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= t.length; i++) out.push(t.slice(i, i + 3));
  return out;
}

function tokens(s: string): string[] {
  return foldKey(s)
    .replace(/[.'’]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean);
}

/** Normalised edit distance of two short strings. */
export function editRatio(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return 1;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return (prev[n] as number) / Math.max(m, n);
}

export class FuzzyResolver {
  private readonly entries: FuzzyEntry[];
  private readonly entryTokens: string[][];
  private readonly index = new Map<string, number[]>();

  constructor(entries: readonly FuzzyEntry[]) {
    this.entries = entries.filter((e) => tokens(e.text).length >= 2);
    this.entryTokens = this.entries.map((e) => tokens(e.text));
    this.entryTokens.forEach((toks, i) => {
      for (const g of new Set(toks.flatMap(trigrams))) {
        const list = this.index.get(g);
        if (list) list.push(i);
        else this.index.set(g, [i]);
      }
    });
  }

  get size(): number {
    return this.entries.length;
  }

  resolve(candidate: string): FuzzyHit | undefined {
    const q = tokens(candidate);
    if (q.length < 2) return undefined;
    const counts = new Map<number, number>();
    for (const g of new Set(q.flatMap(trigrams))) {
      for (const i of this.index.get(g) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    // Shortlist: same number of tokens, each token starting with the same letter and close in spelling.
    const shortlist = [...counts.entries()]
      .filter(([i]) => {
        const t = this.entryTokens[i] as string[];
        return (
          t.length === q.length &&
          t.every((tok, k) => tok[0] === (q[k] as string)[0] && editRatio(tok, q[k] as string) <= 0.34)
        );
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 30)
      .map(([i]) => this.entries[i] as FuzzyEntry);
    if (shortlist.length === 0) return undefined;
    const fuse = new Fuse(shortlist, {
      keys: ['text'],
      includeScore: true,
      threshold: FUZZY_THRESHOLD,
      ignoreLocation: true,
      isCaseSensitive: false,
    });
    const results = fuse.search(q.join(' '));
    const best = results[0];
    if (!best || best.score === undefined || best.score > FUZZY_THRESHOLD) return undefined;
    const rival = results.find((r) => r.item.entityId !== best.item.entityId);
    if (rival && rival.score !== undefined && rival.score - best.score < AMBIGUITY_MARGIN) return undefined;
    return { entityId: best.item.entityId, alias: best.item.text, score: 1 - best.score };
  }
}

const NAME_WORD = "[A-Z][\\p{L}'’-]*[\\p{L}]";
const CAPITALISED_RUN = new RegExp(
  `(?<![\\p{L}\\p{N}])${NAME_WORD}(?:[ \\u00a0]+(?:(?:von|van|de|der|bin|al|da|di|le|la)[ \\u00a0]+)?${NAME_WORD})+(?![\\p{L}\\p{N}])`,
  'gu',
);

export interface NameCandidate {
  start: number;
  end: number;
  text: string;
}

/**
 * Runs of two or more capitalised words outside [start, end) spans already matched, and their trailing
 * two- and three-word windows ("State Mike Pompeo" → "Mike Pompeo"), longest first.
 */
export function latinNameCandidates(
  text: string,
  covered: ReadonlyArray<readonly [number, number]>,
): NameCandidate[][] {
  const out: NameCandidate[][] = [];
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (covered.some(([s, e]) => s < end && start < e)) continue;
    const words = [...m[0].matchAll(/\S+/g)].map(
      (w) => [start + (w.index ?? 0), start + (w.index ?? 0) + w[0].length] as const,
    );
    const group: NameCandidate[] = [];
    for (let k = Math.min(words.length, 4); k >= 2; k--) {
      const s = (words[words.length - k] as readonly [number, number])[0];
      group.push({ start: s, end, text: text.slice(s, end) });
    }
    out.push(group);
  }
  return out;
}
