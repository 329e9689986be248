// Compact, JSON-safe encoding of non-negative integer lists: 5 data bits per character with a
// continuation bit, over the base64url alphabet (no quotes or backslashes, so JSON never escapes it).
// Postings are delta-coded doc ids, so most numbers fit one or two characters.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Appends the encoding of `n` (a non-negative integer) to `out`. */
export function encodeNumber(n: number, out: string[]): void {
  let v = n;
  while (v >= 32) {
    out.push(ALPHABET.charAt(32 | (v & 31)));
    v = Math.floor(v / 32);
  }
  out.push(ALPHABET.charAt(v));
}

export function encodeNumbers(values: Iterable<number>): string {
  const out: string[] = [];
  for (const v of values) encodeNumber(v, out);
  return out.join('');
}

/** Decodes `s.slice(from, to)` into numbers, calling `each` for every number in order. */
export function decodeEach(s: string, from: number, to: number, each: (n: number) => void): void {
  let v = 0;
  let scale = 1;
  for (let i = from; i < to; i++) {
    const d = DECODE[s.charCodeAt(i)] ?? -1;
    if (d < 0) throw new Error(`search index: bad character at ${i}`);
    if (d & 32) {
      v += (d & 31) * scale;
      scale *= 32;
    } else {
      each(v + d * scale);
      v = 0;
      scale = 1;
    }
  }
}

export function decodeNumbers(s: string): number[] {
  const out: number[] = [];
  decodeEach(s, 0, s.length, (n) => out.push(n));
  return out;
}

/**
 * Decodes one term's postings (see types.ts) into `docs`/`tfs` (sized ≥ to − from) and returns the
 * count. An inlined loop: postings of common terms run to hundreds of thousands of entries.
 */
export function decodePostings(
  s: string,
  from: number,
  to: number,
  docs: Int32Array,
  tfs: Float32Array,
): number {
  let v = 0;
  let scale = 1;
  let doc = 0;
  let k = 0;
  let pendingTf = false;
  for (let i = from; i < to; i++) {
    const d = DECODE[s.charCodeAt(i)] ?? -1;
    if (d < 0) throw new Error(`search index: bad character at ${i}`);
    if (d & 32) {
      v += (d & 31) * scale;
      scale *= 32;
      continue;
    }
    const n = v + d * scale;
    v = 0;
    scale = 1;
    if (pendingTf) {
      tfs[k - 1] = n + 2;
      pendingTf = false;
    } else {
      doc += Math.floor(n / 2);
      docs[k] = doc;
      tfs[k] = 1;
      k++;
      pendingTf = (n & 1) === 1;
    }
  }
  return k;
}
