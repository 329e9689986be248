// A small, stable, crypto-free string hash (64-bit FNV-1a over UTF-16 code units) for article ids
// of URLs without a DW id. The same URL gives the same id in Node, the browser and the worker.

const PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}
