// Length-preserving text folding for matching: every UTF-16 unit maps to one folded unit, so offsets
// found in folded text are offsets in the page's own text. Folds Traditional→Simplified (single
// characters, from opencc-js), full-width ASCII, NBSP and other spaces, curly apostrophes, dashes,
// name middle dots, 丶 written for 、, Latin case and Latin diacritics. Display always uses the
// source's own text.
import { T2S_PAIRS } from './t2s-table.ts';

/** FOLD[c] is the folded UTF-16 unit of unit c. */
export const FOLD: Uint16Array = buildFoldTable();

/** 1 for Latin letters and digits (incl. accented letters): the units a Latin word is made of. */
export const WORD: Uint8Array = buildWordTable();

function buildFoldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) t[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
  // Full-width ASCII → ASCII.
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  // Spaces of every kind → one ASCII space.
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000, 0xfeff]) t[c] = 0x20;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = 0x20;
  // Apostrophes and dashes.
  for (const c of [0x2018, 0x2019, 0x02bc, 0x2032, 0xff07]) t[c] = 0x27;
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xff0d]) t[c] = 0x2d;
  // Middle dots used inside transliterated names (米歇爾·巴切萊特, 米歇爾‧巴切萊特, 米歇爾・巴切萊特).
  for (const c of [0x2027, 0x30fb, 0xff65, 0x2022, 0x22c5, 0x2219]) t[c] = 0xb7;
  // 丶, the radical "dot", is written as the enumeration comma 、 (罗冠聪丶蔡英文丶习近平): no name
  // goes on across it (dw-zh had "丶西澳" for Western Australia).
  t[0x4e36] = 0x3001;
  // Latin: lower case, then strip diacritics (é → e) for the Latin-1 and Latin Extended-A blocks.
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  for (let c = 0xc0; c <= 0x24f; c++) {
    if (c === 0xd7 || c === 0xf7) continue;
    const base = String.fromCharCode(c).toLowerCase().normalize('NFD').charCodeAt(0);
    if (base < 0x250) t[c] = base;
  }
  // Full-width ASCII folds like the ASCII it stands for (ＮＡＴＯ → nato).
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = t[c - 0xfee0] as number;
  return t;
}

function buildWordTable(): Uint8Array {
  const w = new Uint8Array(0x10000);
  for (let c = 0x30; c <= 0x39; c++) w[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) w[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) w[c] = 1;
  for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) w[c] = 1;
  for (let c = 0x370; c <= 0x52f; c++) w[c] = 1; // Greek, Cyrillic
  for (let c = 0xff10; c <= 0xff19; c++) w[c] = 1;
  for (let c = 0xff21; c <= 0xff3a; c++) w[c] = 1;
  for (let c = 0xff41; c <= 0xff5a; c++) w[c] = 1;
  return w;
}

/** The folded form of a string, same length. */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(FOLD[s.charCodeAt(i)] ?? 0);
  return out;
}

/** Folded and with runs of spaces collapsed and trimmed: the key under which aliases are compared. */
export function foldKey(s: string): string {
  return fold(s.normalize('NFKC')).replace(/ {2,}/g, ' ').trim();
}

/** A Han ideograph (BMP blocks; the matcher works on UTF-16 units). */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

export function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) return true;
  return false;
}

export function isLatinWordChar(code: number): boolean {
  return WORD[code] === 1;
}
