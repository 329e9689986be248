// Length-preserving text folding for search: Traditional→Simplified per character (OpenCC's tw→cn
// table, opencc-js), Latin case-folded, full-width ASCII to half-width. Every UTF-16 unit maps to
// exactly one unit, so an offset found in the folded text is the same offset in the original text —
// which is what lets search return highlight offsets into the passage as the source writes it.
// (src/text may hold a general-purpose converter; search needs this offset guarantee, so it keeps its own.)
import { Converter } from 'opencc-js/t2cn';

const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

let table: Map<number, number> | undefined;

/** The character table: built once (about 30 ms) from one conversion of every BMP Han character. */
function buildTable(): Map<number, number> {
  const convert = Converter({ from: 'tw', to: 'cn' });
  const map = new Map<number, number>();
  for (const [lo, hi] of HAN_RANGES) {
    const chars: string[] = [];
    for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
    const out = convert(chars.join('\n')).split('\n');
    if (out.length !== chars.length) continue;
    for (let i = 0; i < chars.length; i++) {
      const o = out[i];
      // Only one-to-one characters: a change of length would break the offset guarantee.
      if (o !== undefined && o.length === 1 && o !== chars[i]) map.set(lo + i, o.charCodeAt(0));
    }
  }
  return map;
}

/** Folds one UTF-16 code unit. */
export function foldCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (c >= 0xff01 && c <= 0xff5e) return foldCode(c - 0xfee0);
  if (c >= 0xc0 && c <= 0x24f) {
    const lower = String.fromCharCode(c).toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  if (c >= 0x3400 && c <= 0xfaff) {
    table ??= buildTable();
    return table.get(c) ?? c;
  }
  return c;
}

/** Folds a text; the result has exactly the same length. */
export function foldText(text: string): string {
  let out = '';
  let changed = false;
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldCode(c);
    if (f !== c) changed = true;
    codes[i] = f;
  }
  if (!changed) return text;
  // Chunked so that long texts do not exceed the argument limit of fromCharCode.
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** A Han ideograph (BMP ranges; the search index treats other planes as plain symbols). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** A letter or digit of a Latin word (after folding). */
export function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xdf && c <= 0x24f && c !== 0xf7);
}
