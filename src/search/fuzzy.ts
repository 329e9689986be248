// Fuzzy expansion of a Latin query word that the index does not hold (a misspelt name: "Lavrof",
// "Tedros Adhanom Ghebreyesu"): fuse.js scores a small candidate set — the index terms sharing the
// word's first two letters and of similar length — never the whole vocabulary (too slow and too loose
// at that size, see docs/measurements.md).
import Fuse from 'fuse.js';

export interface FuzzyMatch {
  term: string;
  /** 0..1, 1 = identical. */
  similarity: number;
}

export function fuzzyTerms(word: string, candidates: readonly string[], max = 3): FuzzyMatch[] {
  if (word.length < 4) return [];
  const near = candidates.filter((c) => c !== word && Math.abs(c.length - word.length) <= 2);
  if (near.length === 0) return [];
  const fuse = new Fuse(near, {
    includeScore: true,
    threshold: 0.34,
    ignoreLocation: true,
    isCaseSensitive: true,
  });
  return fuse
    .search(word, { limit: max })
    .map((r) => ({ term: r.item, similarity: 1 - (r.score ?? 1) }))
    .filter((m) => m.similarity > 0.6);
}
