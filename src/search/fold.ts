// Length-preserving text folding for search: Traditional→Simplified per character (OpenCC's
// tw/hk/t→cn single-character table, generated into src/text/t2s-table.ts), Latin case-folded,
// full-width ASCII to half-width. Every UTF-16 unit maps to exactly one unit, so an offset found in
// the folded text is the same offset in the original text — which is what lets search return
// highlight offsets into the passage as the source writes it. Unlike src/text/fold.ts (the matcher's
// fold) it keeps diacritics, dashes and spaces as they are: search folds only what it must.
import { T2S_PAIRS } from '../text/t2s-table.ts';

let table: Uint16Array | undefined;
let utf16: TextDecoder | undefined;

/** The folding table of every UTF-16 unit, built once. */
function buildTable(): Uint16Array {
  const map = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) map[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) map[c] = c + 32;
  for (let c = 0xff01; c <= 0xff5e; c++) map[c] = c - 0xfee0 + (c >= 0xff21 && c <= 0xff3a ? 32 : 0);
  for (let c = 0xc0; c <= 0x24f; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1) map[c] = lower.charCodeAt(0);
  }
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2)
    map[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
  return map;
}

/** Folds one UTF-16 code unit. */
export function foldCode(c: number): number {
  table ??= buildTable();
  return table[c] ?? c;
}

/** Folds a text; the result has exactly the same length. */
export function foldText(text: string): string {
  table ??= buildTable();
  const t = table;
  const n = text.length;
  let i = 0;
  while (i < n && t[text.charCodeAt(i)] === text.charCodeAt(i)) i++;
  if (i === n) return text;
  const codes = new Uint16Array(n);
  for (let j = 0; j < n; j++) codes[j] = t[text.charCodeAt(j)] ?? 0;
  // UTF-16 code units back to a string in one native call (a lone surrogate becomes U+FFFD: still
  // one unit, so offsets are kept; ignoreBOM keeps a leading U+FEFF).
  utf16 ??= new TextDecoder('utf-16le', { ignoreBOM: true });
  return utf16.decode(codes);
}

/** A Han ideograph (BMP ranges; the search index treats other planes as plain symbols). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** A letter or digit of a Latin word (after folding). */
export function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xdf && c <= 0x24f && c !== 0xf7);
}

let inverse: Map<number, string> | undefined;
const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/** Every character that folds to the same unit as `c` (c included). */
function variantsOf(c: number): string {
  if (!inverse) {
    table ??= buildTable();
    inverse = new Map();
    for (const [lo, hi] of HAN_RANGES) {
      for (let u = lo; u <= hi; u++) {
        const f = table[u] ?? u;
        if (f !== u) inverse.set(f, (inverse.get(f) ?? String.fromCharCode(f)) + String.fromCharCode(u));
      }
    }
  }
  return inverse.get(foldCode(c)) ?? String.fromCharCode(c);
}

/**
 * A RegExp that finds a folded Han phrase in *unfolded* text (each character as a class of its
 * variants: 习 → [习習]), so a phrase can be verified without folding the whole passage.
 */
export function phrasePattern(foldedPhrase: string): RegExp {
  let source = '';
  for (let i = 0; i < foldedPhrase.length; i++) {
    const v = variantsOf(foldedPhrase.charCodeAt(i));
    source += v.length > 1 ? `[${v}]` : v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(source);
}
