// The term dictionary and postings of a loaded index: term lookup by binary search over the sorted
// term list (no Map is built at load), prefix ranges, decoding of one term's postings, and unions
// through scratch buffers shared by every query, so nothing of index size is allocated per query.
import { decodeEach, decodePostings } from './codec.ts';
import type { SerializedSearchIndex } from './types.ts';

/** Doc ids (ascending) with a weight per doc (term frequency × match weight). */
export interface PostingList {
  docs: Int32Array;
  tfs: Float32Array;
}

export interface WeightedList extends PostingList {
  weight: number;
}

export interface Postings {
  readonly terms: readonly string[];
  /** The term's index, or −1. */
  termIndex(term: string): number;
  /** Indexes [from, to) of the terms that start with `prefix`. */
  prefixRange(prefix: string): [number, number];
  /** Encoded size of a term's postings (a cheap proxy for its document frequency). */
  size(index: number): number;
  list(index: number): PostingList;
  /** Several terms' postings united (weights applied; summed or the maximum per doc). */
  union(parts: readonly { index: number; weight: number }[], combine: 'sum' | 'max'): PostingList;
  /** Several lists united (weights applied; summed or the maximum per doc). */
  merge(lists: readonly WeightedList[], combine: 'sum' | 'max'): PostingList;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First index in sorted `docs[from..)` whose value is ≥ `doc`. */
export function lowerBound(docs: Int32Array, doc: number, from = 0): number {
  let lo = from;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((docs[mid] ?? 0) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function openPostings(serialized: SerializedSearchIndex, docCount: number): Postings {
  const terms = serialized.terms ? serialized.terms.split('\n') : [];
  const start = new Float64Array(terms.length + 1);
  {
    let i = 0;
    decodeEach(serialized.postingLengths, 0, serialized.postingLengths.length, (n) => {
      start[i + 1] = (start[i] ?? 0) + n;
      i++;
    });
  }
  const postings = serialized.postings;

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
  const size = (i: number): number => (start[i + 1] ?? 0) - (start[i] ?? 0);

  // Scratch buffers: a dense score per document and the documents touched.
  let dense: Float32Array | undefined;
  let touched = new Int32Array(1024);
  let scratchDocs = new Int32Array(1024);
  let scratchTfs = new Float32Array(1024);

  const merge = (lists: readonly WeightedList[], combine: 'sum' | 'max'): PostingList => {
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

  return {
    terms,
    termIndex(t) {
      const i = findTerm(t);
      return terms[i] === t ? i : -1;
    },
    prefixRange: (prefix) => [findTerm(prefix), findTerm(`${prefix}\uffff`)],
    size,
    list(i) {
      if (i < 0) return { docs: new Int32Array(0), tfs: new Float32Array(0) };
      const docs = new Int32Array(size(i));
      const tfs = new Float32Array(size(i));
      const k = decodePostings(postings, start[i] ?? 0, start[i + 1] ?? 0, docs, tfs);
      return { docs: docs.subarray(0, k), tfs: tfs.subarray(0, k) };
    },
    union(parts, combine) {
      let total = 0;
      for (const { index } of parts) if (index >= 0) total += size(index);
      if (total > scratchDocs.length) {
        scratchDocs = new Int32Array(total);
        scratchTfs = new Float32Array(total);
      }
      const lists: WeightedList[] = [];
      let at = 0;
      for (const { index, weight } of parts) {
        if (index < 0) continue;
        const k = decodePostings(
          postings,
          start[index] ?? 0,
          start[index + 1] ?? 0,
          scratchDocs.subarray(at),
          scratchTfs.subarray(at),
        );
        lists.push({ docs: scratchDocs.subarray(at, at + k), tfs: scratchTfs.subarray(at, at + k), weight });
        at += k;
      }
      return merge(lists, combine);
    },
    merge,
  };
}
