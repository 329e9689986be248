// The alias matcher: longest-leftmost matching of folded aliases over one text run, with the
// boundary rules that keep names from matching inside other words — Latin word boundaries (Xi never
// in Xi'an, Wang Yi never in Wang Yibo, possessive 's allowed), capitalised initials where the
// alias has them (NATO matches "Nato", never Italian "nato"; Trump never the card-game "trump"),
// and for Chinese a local segmentation check: a match that cuts through a dictionary word on either
// side so that the text segments better without it (川普 in 四川普通話) is rejected, and a weak pattern
// (one whose corpus occurrences are mostly such ties, see MatcherPattern.weak) also where the text
// segments as well without it (会安 in 会安排), and a name piece (a short transliteration the corpus
// mostly shows inside longer names, see MatcherPattern.piece) beside a transliteration character
// that continues a name (戈尔 in 戈尔巴乔夫). Pure and DOM-free.
// Speed (issue #3: bench:match against @monyone/aho-corasick): the scan lists candidate positions
// in a branch-free pass (a filter of the patterns' first two or three units), walks a trie whose
// leaves live in their parents' slots, and writes matches into a typed array; the segmentation
// check runs only where a lexicon word can cross the match's edge (per-pattern flags computed at
// build time, then filters of the unit pairs, triples and word ends in lexicon words, then a
// crossing-word test), so the dynamic program runs for few matches, and its window stops at an edge
// the filters rule out. Tried and dropped (paired ratios against the version before, names/dense):
// the edge-gram filter alone in place of the unit-pair filter at 2^21 bits (10% full: more crossing
// tests, 52k → 59k per MB, and 1.05–1.10× slower) or 2^24 bits (2 MB: half the tests, no faster);
// the start filter as one 32-bit word per pair with a bit per third unit (one load, but saturated:
// dense match only 1.4× slower); the start filter at 2^20 bits (names 0.94 instead of 0.88–0.92);
// the first-pair filter in pass 1 with the triple test in pass 2 (no difference measurable);
// skipping the start-side filter where the previous match's end-side filter ruled the edge out
// (1.00); skipping the filters at an edge with no Han character beside it (0.97–1.04). Then
// (2026-11-26; 2–3 paired runs each, summed minima, load 1–2.5, so ±5% is noise; names/dense): a
// per-pattern neighbour filter (2^20 bits; bit (pattern, unit) when a lexicon word holds that unit
// beside two or more of the key's units: ~95k pairs for 100k aliases) in place of the triple tests:
// crossing tests per MB 10.6k → 10.4k and 33.7k → 33.2k only, since the false alarms left are words
// that overlap the key by ONE unit (a word ending with the unit before and the key's first unit, or
// starting with its last unit and the next; per pattern that is a cross product, ~5 million pairs),
// and without the unit-pair filter in front 17.0k / 52.6k tests, 1.05 / 1.15; with a two-unit-word
// bit and the neighbouring triple for those one-unit overlaps too: 8.8k / 29.0k tests, yet
// 0.97–1.07 / 1.03–1.05 (the tests it removed must have been cheap ones); skipping the crossing
// test (the program for every edge the filters pass): 1.07 / 1.08; a second start filter for pass 2
// (first four units, or a three-unit pattern): walks that find nothing 48k → 28k per MB, match only
// 1.03–1.08 / 1.08–1.18; the pair lookups in a pass of their own so that their cache misses
// overlap: 1.03–1.09 / 1.13–1.16; the start filter blocked (a position's two tests in one cache
// line): 1.10–1.15 / 1.13–1.26; the two-unit part of the start filter in a table of its own, 32 or
// 64 KB (one load per position from the first-level cache): match only 1.02–1.13 / 1.05–1.18 (the
// small table fills up: more candidates); pair tables 50% full instead of 87.5% (trie +512 KB,
// lexicon +1 MB), the start filter at 2^22 bits, UNITS for FOLD in the walk, no edge-gram test
// before each child search of wordsAt: 0.93–1.13, nothing measurable; the edge filters as a call to
// cutsAtEdge instead of inlined (a smaller scan loop): product 1.03–1.11 / 1.03–1.05; a build-time
// proof that no text can make the check cut a pattern (a word across its start wins only if the
// rest of the key costs less than the word's part before the key, and so on; costs bounded from the
// words): 10.6k → 10.6k crossing tests, since a key's first or last character starts or ends some
// long word, whose part outside the key costs more than any part of the key. Per-pattern sets of the
// units that a crossing word puts right before the key or right after it (2026-11-27, simulated
// exactly from the lexicon, not built): a median of 32 units per pattern on the names set, so a
// per-pattern bloom of 8–32 bits still passes 23–95% of the edges; and even exact sets leave 6.6k
// of the 10.7k crossing tests per MB (the filters' false alarms are 4.7k edges), at most ~1.5 ms/MB
// for one more random load per edge. Where the time goes
// (names/dense, summed minima, load 0.7): match only 17.6/21.6 ms/MB, of which pass 1 6.7/7.0; +
// the edge filters 20.1/27.3; + crossing tests 23.5/36.6; + the programs 25.3/42; perf puts three
// quarters of scanRaw's samples right after six loads: the start filter's two in pass 1, the pair
// slot's, two node blocks' and the flag's in pass 2.
import { FOLD as FOLD_TABLE, isHan, WORD as WORD_TABLE } from '../text/fold.ts';
import { TRANSLIT_CHARS } from '../text/translit.ts';
import { bigramBit, PAIR_END, PatternTrie, START_BITS, startBit, type TrieArrays } from './trie.ts';

export interface RawMatch {
  start: number;
  end: number;
  /** Index into the patterns the matcher was built from. */
  pattern: number;
}

export interface MatcherPattern {
  /** Folded key (see foldKey). */
  key: string;
  /** The alias texts behind the key, for the capitalisation rule. */
  originals: readonly string[];
  /**
   * A Han key whose corpus occurrences mostly sit where the text segments as well without it (会安 in
   * 会安排, 上都 in 基本上都): it is then no match, where other keys keep a tie (对华为 stays 华为).
   */
  weak?: boolean;
  /**
   * A key of transliteration characters whose corpus occurrences are mostly pieces of longer names
   * (罗纳 in 罗纳德·里根, 索尔 in 索尔斯): it is no match beside a transliteration character that
   * continues the name (see nextToName), where other keys stay matches (对于|特朗普).
   */
  piece?: boolean;
}

// Local copies: through some module loaders (tsx) every access to an imported binding is a getter
// call, which cost 40% of the scan time in the profile.
const FOLD: Uint16Array = FOLD_TABLE;
const WORD: Uint8Array = WORD_TABLE;
const BIGRAM_BIT: (u0: number, u1: number) => number = bigramBit;
const IS_HAN: (code: number) => boolean = isHan;

const START_SHIFT = 32 - START_BITS;
const PAIR_END_HASH = Math.imul(PAIR_END, 0xc2b2ae35);
/** The bit of a UNITS entry above the folded unit. */
const WORD_BIT = 1 << 16;
let unitTable: Int32Array | undefined;

/**
 * Per UTF-16 unit: its fold | WORD_BIT if the fold is a word character (256 KB, made on the first
 * scan, ~2.5 ms in a cold worker): one lookup per character instead of FOLD and WORD (those two
 * lookups: names set, match only, paired CPU-time ratio 1.19). A per-trie "starts a pattern" bit
 * here was dropped: nearly every letter and Han character starts some alias, and the branch cost
 * more than it saved (names set, match only: 22.7 vs 24.5 CPU ms/MB, best of 25 rounds).
 */
function units(): Int32Array {
  if (!unitTable) {
    unitTable = new Int32Array(0x10000);
    for (let x = 0; x < 0x10000; x++) {
      const f = FOLD[x] as number;
      unitTable[x] = f | (WORD[f] === 1 ? WORD_BIT : 0);
    }
  }
  return unitTable;
}

/** Bits 0..n of a word-length mask (n ≥ 30: all of them). */
function lengthsUpTo(n: number): number {
  return n >= 30 ? 0x7fffffff : (1 << (n + 1)) - 1;
}

const LATIN_END = 1;
const CASE = 2;
/** A lexicon word can cross the start of this Han pattern (see EdgeSets). */
const SEG_START = 4;
/** A lexicon word can start inside this Han pattern and run past its end (see EdgeSets). */
const SEG_END = 8;
const SEG = SEG_START | SEG_END;
/** The pattern loses a tie: where the text segments as well without it, it is no match (see weak). */
const WEAK = 16;
/** The pattern is a name piece: beside a transliteration character that goes on, it is no match. */
const PIECE = 32;
/**
 * The pattern starts with a numeral's place unit (万年 the county, 百度 Baidu): right after a numeral
 * it is part of the number (四万年 "40,000 years", 2万年前, 数百度 "hundreds of degrees"), whatever the
 * pattern. The segmentation check cannot see it: digits end its window, and 四万 is no dictionary word.
 */
const NUMBER_HEAD = 64;
const PLACE_UNIT = new Uint8Array(0x10000);
for (const ch of '十百千万亿兆萬億') PLACE_UNIT[ch.charCodeAt(0)] = 1;
/**
 * The pattern is a number written in Chinese numerals (十一 National Day, 六四, 九一一): a count or an
 * ordinal where a unit or classifier follows (十一个团体, 十一年来, 十一大 the 11th Congress) or 第 or
 * 双 comes before it (第十一, 双十一 Singles' Day), so no match there.
 */
const NUMERAL_ONLY = 128;
const NUMBER_BEFORE = new Uint8Array(0x10000);
for (const ch of '第双雙') NUMBER_BEFORE[ch.charCodeAt(0)] = 1;
const COUNTED = new Uint8Array(0x10000);
for (const ch of '天年月日号个名位次届岁周號個屆歲週大条條项項家人多余餘点點') COUNTED[ch.charCodeAt(0)] = 1;
/** Per folded unit: a transliteration character (src/text/translit.ts). */
export const TRANSLIT_UNIT = new Uint8Array(0x10000);
for (const ch of TRANSLIT_CHARS) TRANSLIT_UNIT[ch.charCodeAt(0)] = 1;
/** The edge-gram filter (MatcherTables.edgeGrams) has 2^EDGE_BITS bits. */
export const EDGE_BITS = 21;
/** Stand-ins for a third unit in edgeGramBit: a word's first two units, its last two. */
const HEAD = 0x10000;
const TAIL = 0x10001;

/** The edge-gram filter's bit for units a, b and c (a unit, HEAD or TAIL). */
function edgeGramBit(a: number, b: number, c: number): number {
  return (
    (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> (32 - EDGE_BITS)
  );
}
/** How many Han characters on each side the segmentation check looks at. */
const WINDOW = 4;
const WORD_COST = 2;
const CHAR_COST = 3;
/** Units a numeral takes (三天, 15天, 7日): after one, such a character belongs to the number. */
const UNIT_CHAR = new Uint8Array(0x10000);
for (const ch of '天年月日号个名位次届岁周號個屆歲週') UNIT_CHAR[ch.charCodeAt(0)] = 1;
const NUMERAL_CHAR = new Uint8Array(0x10000);
for (const ch of '0123456789０１２３４５６７８９一二三四五六七八九十百千万两几数多萬兩幾數')
  NUMERAL_CHAR[ch.charCodeAt(0)] = 1;

/**
 * Whether the match at `start` begins with a unit right after a numeral (15天后, 几天后: "days
 * later", not 天后 the goddess), which a weak pattern loses like a tie. The segmentation check
 * cannot see it: digits end its window, and 三天 and the like are no dictionary words.
 */
export function afterNumeral(text: string, start: number): boolean {
  return (
    start > 0 && UNIT_CHAR[text.charCodeAt(start)] === 1 && NUMERAL_CHAR[text.charCodeAt(start - 1)] === 1
  );
}

/** Whether the numerals at start..end count something or are an ordinal (see NUMERAL_ONLY). */
function isCount(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  return (
    NUMERAL_CHAR[before] === 1 ||
    NUMBER_BEFORE[before] === 1 ||
    (end < text.length && COUNTED[text.charCodeAt(end)] === 1)
  );
}

/** Function characters that stand alone as words (folded Simplified and Traditional). */
const FUNCTION_CHAR = new Uint8Array(0x10000);
for (const ch of '的了在和与及对向由被把将是为从给跟同说称让令据自于以因而但并或又也都就才还再已曾该这那此其之每各等與對為從給說稱讓據於並還這') {
  FUNCTION_CHAR[ch.charCodeAt(0)] = 1;
}

/**
 * Everything an AliasMatcher is made of, as typed arrays: what compileMatcherTables computes from the
 * patterns and what a prebuilt index stores, so a service worker only wraps them.
 */
export interface MatcherTables {
  /** The patterns' trie, built with leafRefs. */
  trie: TrieArrays;
  lexicon: TrieArrays;
  /** Per pattern: LATIN_END | CASE | SEG_START | SEG_END bits. */
  flags: Uint8Array;
  /**
   * Per SEG_END pattern: bit o set when a lexicon word starts with the pattern's key from offset o on
   * (offsets from 31 on are always walked).
   */
  endMasks: Uint32Array;
  /**
   * A 2^20-bit filter (bigramBit) of the unit pairs inside lexicon words: a word can only cross a
   * match's edge where the two units either side of it are such a pair.
   */
  innerBigrams: Int32Array;
  /**
   * The second test after innerBigrams: a 2^EDGE_BITS-bit filter (edgeGramBit) of the lexicon words'
   * unit triples, first two units (HEAD) and last two units (TAIL). A word across a match's start
   * [i, e) holds the units i - 1 and i and either ends there (TAIL) or holds i + 1 too (a triple); a
   * word across its end starts at e - 1 (HEAD) or holds e - 2, e - 1 and e.
   */
  edgeGrams: Int32Array;
  /** Required capitals of pattern p (key offsets): capitals[capitalStarts[p] .. capitalStarts[p + 1]). */
  capitals: Uint16Array;
  capitalStarts: Uint32Array;
}

export class AliasMatcher {
  readonly trie: PatternTrie;
  /**
   * Dictionary words plus the Han patterns: the lexicon of the segmentation check (built with
   * leafRefs; a lexicon from a version-1 JSON index has none, which the walks read as well).
   */
  readonly lexicon: PatternTrie;
  /** The arrays this matcher wraps (for a binary index). */
  readonly tables: MatcherTables;
  private readonly flags: Uint8Array;
  private readonly endMasks: Uint32Array;
  private readonly innerBigrams: Int32Array;
  private readonly edgeGrams: Int32Array;
  private readonly capitals: Uint16Array;
  private readonly capitalStarts: Uint32Array;
  /** The matches of the last scanRaw: [start, end, pattern] triples. */
  found = new Int32Array(3 * 64);
  private cands = new Int32Array(256);
  private readonly ends = new Int32Array(256);
  private readonly pats = new Int32Array(256);
  private free = new Int32Array(64);
  private forced = new Int32Array(64);
  /**
   * The lexicon words starting at each position of `cached` (bit L: a word of L units; bit 0: one of
   * 31 or more), valid where wordStamp equals stamp: windows of neighbouring matches overlap, so each
   * position is looked up in the lexicon once per text instead of once per check.
   */
  private cached = '';
  private stamp = 0;
  private wordStamp = new Int32Array(256);
  private wordMask = new Int32Array(256);

  /** Whether Han matches get the segmentation check (off only to measure its cost). */
  segmentation = true;

  /**
   * From patterns (pattern i gets id i) and `dictionary`: the dictionary words of the segmentation
   * check, or a lexicon trie prebuilt from them and the Han pattern keys (see lexiconFor). Or from
   * tables compiled before (compileMatcherTables, a binary index): then nothing is built.
   */
  constructor(
    patterns: readonly MatcherPattern[] | MatcherTables,
    dictionary: readonly string[] | PatternTrie = [],
  ) {
    const t = isTables(patterns) ? patterns : compileMatcherTables(patterns, dictionary);
    this.tables = t;
    this.trie = PatternTrie.fromArrays(t.trie);
    this.lexicon = PatternTrie.fromArrays(t.lexicon);
    this.flags = t.flags;
    this.endMasks = t.endMasks;
    this.innerBigrams = t.innerBigrams;
    this.edgeGrams = t.edgeGrams;
    this.capitals = t.capitals;
    this.capitalStarts = t.capitalStarts;
  }

  /** Every match in one run, longest-leftmost, non-overlapping, in order. */
  scan(text: string, out: RawMatch[] = []): RawMatch[] {
    const count = this.scanRaw(text);
    const found = this.found;
    for (let m = 0; m < count * 3; m += 3)
      out.push({ start: found[m] as number, end: found[m + 1] as number, pattern: found[m + 2] as number });
    return out;
  }

  /**
   * scan without an object per match: returns the number of matches and leaves them in `found` as
   * [start, end, pattern] triples (valid until the next scan).
   */
  scanRaw(text: string): number {
    const n = text.length;
    let found = this.found;
    let count = 0;
    const trie = this.trie;
    const { nodes, starts, pairs, pairMask } = trie;
    const UNITS = units();
    const flags = this.flags;
    const inner = this.innerBigrams;
    const grams = this.edgeGrams;
    const ends = this.ends;
    const pats = this.pats;
    // Pass 1, without branches: the positions that pass the start filter (PatternTrie.starts: the
    // first two units of a two-unit pattern or the first three of a longer one; two spaces in a row
    // always pass, since the walk reads them as one) and that do not continue a Latin word. (Against
    // one loop with a data-dependent branch per character: paired CPU-time ratio 0.94 on the dense
    // alias set, 1.0 on names. The start filter against the first-pair filter it replaced: names,
    // match only, paired CPU-time ratio 0.89 (0.87–0.99): 129k candidates per MB instead of 210k;
    // dense 0.98.)
    if (n < 2) return 0;
    if (this.cands.length < n) this.cands = new Int32Array(Math.max(n, this.cands.length * 2));
    const cands = this.cands;
    let candCount = 0;
    {
      let u = UNITS[text.charCodeAt(0)] as number;
      let u1 = UNITS[text.charCodeAt(1)] as number;
      let prevWord = 0;
      for (let x = 0; x < n - 2; x++) {
        const u2 = UNITS[text.charCodeAt(x + 2)] as number;
        const d = u1 & 0xffff;
        const e = u2 & 0xffff;
        // startBit, inlined.
        const h = Math.imul(u & 0xffff, 0x9e3779b1) ^ Math.imul(d, 0x85ebca6b);
        const b2 = (h ^ PAIR_END_HASH) >>> START_SHIFT;
        const b3 = (h ^ Math.imul(e, 0xc2b2ae35)) >>> START_SHIFT;
        const spaces = ((d ^ 32) | (e ^ 32)) === 0 ? 1 : 0;
        const word = (u >>> 16) & 1;
        cands[candCount] = x;
        candCount +=
          (((starts[b2 >>> 5] as number) >>> b2) | ((starts[b3 >>> 5] as number) >>> b3) | spaces) &
          1 &
          ~(word & prevWord);
        prevWord = word;
        u = u1;
        u1 = u2;
      }
      const b2 = startBit(u & 0xffff, u1 & 0xffff, PAIR_END);
      cands[candCount] = n - 2;
      candCount += ((starts[b2 >>> 5] as number) >>> b2) & 1 & ~((u >>> 16) & 1 & prevWord);
    }
    // Pass 2: longest-leftmost from each candidate that no earlier match covers.
    let next = 0;
    for (let t = 0; t < candCount; t++) {
      const i = cands[t] as number;
      if (i < next) continue;
      const c = (UNITS[text.charCodeAt(i)] as number) & 0xffff;
      const d0 = (UNITS[text.charCodeAt(i + 1)] as number) & 0xffff;
      let j = i + 1;
      let d = d0;
      if (d === 32) while (j + 1 < n && FOLD[text.charCodeAt(j + 1)] === 32) j++;
      // PatternTrie.pair, inlined.
      const key = (c << 16) | d;
      let h = Math.imul(key, 0x9e3779b1);
      h = (h ^ (h >>> 16)) & pairMask;
      let state = 0;
      for (;;) {
        const kk = pairs[h * 2] as number;
        if (kk === key) {
          state = pairs[h * 2 + 1] as number;
          break;
        }
        if (kk === -1) break;
        h = (h + 1) & pairMask;
      }
      if (state === 0) continue;
      j++;
      let k = 0;
      if (state < 0) {
        // A two-unit pattern that no longer one extends: nothing to walk.
        ends[0] = j;
        pats[0] = -state - 1;
        k = 1;
      } else {
        let prevSpace = d === 32;
        let a = nodes[state] as number;
        if (a !== 0) {
          ends[0] = j;
          pats[0] = a - 1;
          k = 1;
        }
        // The start filter also knows whether any pattern goes on with the third unit: most
        // two-unit matches end here without a child search.
        let walk = j < n;
        if (walk && !prevSpace) {
          const b3 = startBit(c, d, FOLD[text.charCodeAt(j)] as number);
          walk = (((starts[b3 >>> 5] as number) >>> b3) & 1) !== 0;
        }
        while (walk && j < n) {
          d = FOLD[text.charCodeAt(j)] as number;
          if (d === 32 && prevSpace) {
            j++;
            continue;
          }
          state = trie.child(state, d);
          if (state === 0) break;
          j++;
          if (state < 0) {
            if (k < 256) {
              ends[k] = j;
              pats[k++] = -state - 1;
            }
            break;
          }
          prevSpace = d === 32;
          a = nodes[state] as number;
          if (a !== 0 && k < 256) {
            ends[k] = j;
            pats[k++] = a - 1;
          }
        }
      }
      for (let m = k - 1; m >= 0; m--) {
        const p = pats[m] as number;
        const e = ends[m] as number;
        const f = flags[p] as number;
        if (f !== 0) {
          if (f & LATIN_END && !latinEndOk(text, e)) continue;
          if (f & CASE && !this.capitalsOk(text, i, e, p)) continue;
          if (f & WEAK && afterNumeral(text, i)) continue;
          if (f & NUMBER_HEAD && i > 0 && NUMERAL_CHAR[text.charCodeAt(i - 1)] === 1) continue;
          if (f & NUMERAL_ONLY && isCount(text, i, e)) continue;
          if (f & PIECE && this.nextToName(text, i, e)) continue;
          if (f & SEG && this.segmentation) {
            // cutsAtEdge's first test, inlined: a lexicon word can only cross an edge whose two
            // units are a pair inside some word. Most matches stop here.
            let sides = 0;
            if (f & SEG_START && i > 0) {
              const l = FOLD[text.charCodeAt(i - 1)] as number;
              const b = BIGRAM_BIT(l, c);
              if (((inner[b >>> 5] as number) & (1 << (b & 31))) !== 0) {
                const b2 = edgeGramBit(l, c, TAIL);
                const b3 = edgeGramBit(l, c, FOLD[text.charCodeAt(i + 1)] as number);
                if ((((grams[b2 >>> 5] as number) >>> b2) | ((grams[b3 >>> 5] as number) >>> b3)) & 1)
                  sides = SEG_START;
              }
            }
            if (f & SEG_END && e < n) {
              const e1 = FOLD[text.charCodeAt(e - 1)] as number;
              const e0 = FOLD[text.charCodeAt(e)] as number;
              const b = BIGRAM_BIT(e1, e0);
              if (((inner[b >>> 5] as number) & (1 << (b & 31))) !== 0) {
                const b2 = edgeGramBit(e1, e0, HEAD);
                const b3 = edgeGramBit(FOLD[text.charCodeAt(e - 2)] as number, e1, e0);
                if ((((grams[b2 >>> 5] as number) >>> b2) | ((grams[b3 >>> 5] as number) >>> b3)) & 1)
                  sides |= SEG_END;
              }
            }
            if (sides !== 0 && this.crossedAndCut(text, i, e, p, sides)) continue;
          }
        }
        if (count * 3 + 3 > found.length) {
          const grown = new Int32Array(found.length * 2);
          grown.set(found);
          found = grown;
          this.found = found;
        }
        found[count * 3] = i;
        found[count * 3 + 1] = e;
        found[count * 3 + 2] = p;
        count++;
        next = e;
        break;
      }
    }
    return count;
  }

  /**
   * cutsThroughWord for a match of pattern p, answered without segmenting when no lexicon word
   * crosses the match's start or end in this text: then the cheapest segmentation of the window can
   * always keep the match whole (each piece costs at least WORD_COST), so the answer is false. Which
   * edges a word can cross at all was worked out per pattern at build time (EdgeSets), and a bigram
   * filter of the units inside lexicon words rules out most edges before any lookup; the dynamic
   * program runs for few matches.
   */
  cutsAtEdge(text: string, start: number, end: number, p: number): boolean {
    const f = this.flags[p] as number;
    const inner = this.innerBigrams;
    let sides = 0;
    if (f & SEG_START && start > 0) {
      const l = FOLD[text.charCodeAt(start - 1)] as number;
      const c = FOLD[text.charCodeAt(start)] as number;
      const b = BIGRAM_BIT(l, c);
      if (
        ((inner[b >>> 5] as number) & (1 << (b & 31))) !== 0 &&
        (this.gram(l, c, TAIL) || this.gram(l, c, FOLD[text.charCodeAt(start + 1)] as number))
      )
        sides = SEG_START;
    }
    if (f & SEG_END && end < text.length) {
      const e1 = FOLD[text.charCodeAt(end - 1)] as number;
      const e0 = FOLD[text.charCodeAt(end)] as number;
      const b = BIGRAM_BIT(e1, e0);
      if (
        ((inner[b >>> 5] as number) & (1 << (b & 31))) !== 0 &&
        (this.gram(e1, e0, HEAD) || this.gram(FOLD[text.charCodeAt(end - 2)] as number, e1, e0))
      )
        sides |= SEG_END;
    }
    return sides !== 0 && this.crossedAndCut(text, start, end, p, sides);
  }

  /**
   * Whether [start, end) has a transliteration character beside it that continues a name: one right
   * after it that starts no lexicon word (罗纳|德·里根, not 特朗普|特别), or right before it that ends
   * none (布|莱恩, not 俄罗斯|普京). Every Han key is a lexicon word, so two known names side by side
   * (拜登哈里斯) pass. The lexicon holds only the words that can cross some alias' edge, so a common
   * word may be missed (对于|特朗普): the test is for name pieces only (MatcherPattern.piece), and the
   * build counts how often it holds to find them.
   */
  nextToName(text: string, start: number, end: number): boolean {
    if (end < text.length && TRANSLIT_UNIT[FOLD[text.charCodeAt(end)] as number] === 1) {
      if (this.wordsAt(text, end) === 0) return true;
    }
    if (start > 0 && TRANSLIT_UNIT[FOLD[text.charCodeAt(start - 1)] as number] === 1) {
      for (let k = 2; k <= Math.min(start, 2 * WINDOW); k++) {
        if ((this.wordsAt(text, start - k) >>> k) & 1) return false;
      }
      return true;
    }
    return false;
  }

  /**
   * Whether the character at `i` goes on with a name: a transliteration character that is no function
   * character and starts no lexicon word (斯诺登|因, 贝尔森|纳粹 and 哈恩|博士 do not go on).
   */
  continuesName(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    return (
      i < text.length &&
      TRANSLIT_UNIT[FOLD[c] as number] === 1 &&
      FUNCTION_CHAR[c] !== 1 &&
      this.wordsAt(text, i) === 0
    );
  }

  /** Whether the edge-gram filter holds (a, b, c). */
  private gram(a: number, b: number, c: number): boolean {
    const bit = edgeGramBit(a, b, c);
    return (((this.edgeGrams[bit >>> 5] as number) >>> bit) & 1) !== 0;
  }

  /** cutsAtEdge after its filter: `sides` (SEG_START | SEG_END) are the edges still in question. */
  private crossedAndCut(text: string, start: number, end: number, p: number, sides: number): boolean {
    let ws = start;
    while (ws > 0 && start - ws < WINDOW && IS_HAN(text.charCodeAt(ws - 1))) ws--;
    let we = end;
    while (we < text.length && we - end < WINDOW && IS_HAN(text.charCodeAt(we))) we++;
    let crossed = false;
    if (sides & SEG_START) {
      // A word from s across the start holds every unit pair from s to the start, so s goes down from
      // start - 1 only while those pairs pass the inner-pair filter (most tests stop after one lookup
      // instead of one per window position).
      // The word also holds the triple from s (edgeGrams), tested second.
      const inner = this.innerBigrams;
      let right = FOLD[text.charCodeAt(start - 1)] as number;
      let far = FOLD[text.charCodeAt(start)] as number;
      for (let s = start - 1; s >= ws && !crossed; s--) {
        if (s < start - 1) {
          const left = FOLD[text.charCodeAt(s)] as number;
          const b = BIGRAM_BIT(left, right);
          if (((inner[b >>> 5] as number) & (1 << (b & 31))) === 0 || !this.gram(left, right, far)) break;
          far = right;
          right = left;
        }
        crossed = this.wordPast(text, s, start, we);
      }
    }
    if (!crossed && sides & SEG_END && we > end) {
      // The offsets from which a word can start with the rest of the key (bit 31: 31 and on).
      let bits = this.endMasks[p] as number;
      while (bits !== 0 && !crossed) {
        const low = bits & -bits;
        bits ^= low;
        const o = 31 - Math.clz32(low);
        if (o < 31) crossed = start + o < end && this.wordPast(text, start + o, end, we);
        else for (let s = start + 31; s < end && !crossed; s++) crossed = this.wordPast(text, s, end, we);
      }
    }
    if (!crossed) return false;
    // A side no word crosses is a boundary of every segmentation, so the window can stop there: the
    // program then looks up no word on the other side (identical answers, fuzz-tested). No word
    // crosses the start unless SEG_START passed the filters; the end, when the filters rule it out.
    // A margin below 0 cuts a word; a weak pattern also loses a tie (margin 0).
    const tie = ((this.flags[p] as number) & WEAK) !== 0 ? 1 : 0;
    if ((sides & SEG_START) === 0) return this.margin(text, start, end, start, we) < tie;
    if (
      we === end ||
      ((sides & SEG_END) === 0 &&
        (((this.flags[p] as number) & SEG_END) !== 0 || !this.mayCrossEnd(text, end)))
    )
      return this.margin(text, start, end, ws, end) < tie;
    return this.margin(text, start, end, ws, we) < tie;
  }

  /** The end-side filters of cutsAtEdge: whether a lexicon word can cross `end` (< text.length). */
  private mayCrossEnd(text: string, end: number): boolean {
    const e1 = FOLD[text.charCodeAt(end - 1)] as number;
    const e0 = FOLD[text.charCodeAt(end)] as number;
    const b = BIGRAM_BIT(e1, e0);
    return (
      ((this.innerBigrams[b >>> 5] as number) & (1 << (b & 31))) !== 0 &&
      (this.gram(e1, e0, HEAD) || this.gram(FOLD[text.charCodeAt(end - 2)] as number, e1, e0))
    );
  }

  /** Whether a lexicon word starts at `from` and ends after `edge` (and at or before `limit`). */
  private wordPast(text: string, from: number, edge: number, limit: number): boolean {
    const mask = this.wordsAt(text, from);
    if (mask === 0) return false;
    if (mask & 1) return this.walkPast(text, from, edge, limit);
    // Bits edge - from + 1 .. limit - from (lengths of 31+ units are bit 0, handled above).
    return (mask & lengthsUpTo(limit - from) & ~lengthsUpTo(edge - from)) !== 0;
  }

  /** wordPast by walking the lexicon (for positions where a word of 31+ units starts). */
  private walkPast(text: string, from: number, edge: number, limit: number): boolean {
    if (from + 2 > limit) return false;
    const lexicon = this.lexicon;
    const nodes = lexicon.nodes;
    let state = lexicon.pair(
      FOLD[text.charCodeAt(from)] as number,
      FOLD[text.charCodeAt(from + 1)] as number,
    );
    let q = from + 2;
    while (state !== 0) {
      if (q > edge && (state < 0 || nodes[state] !== 0)) return true;
      if (q === limit || state < 0) return false;
      state = lexicon.child(state, FOLD[text.charCodeAt(q)] as number);
      q++;
    }
    return false;
  }

  /** The lengths of the lexicon words starting at p (see wordMask), looked up once per text. */
  private wordsAt(text: string, p: number): number {
    if (text !== this.cached) {
      this.cached = text;
      this.stamp = (this.stamp + 1) | 0;
      if (this.wordStamp.length < text.length) {
        let size = this.wordStamp.length;
        while (size < text.length) size *= 2;
        this.wordStamp = new Int32Array(size);
        this.wordMask = new Int32Array(size);
      }
    }
    if (this.wordStamp[p] === this.stamp) return this.wordMask[p] as number;
    let mask = 0;
    if (p + 1 < text.length) {
      const lexicon = this.lexicon;
      const nodes = lexicon.nodes;
      // The edge-gram filter holds every word's first pair and unit triples: most lookups end at
      // a filter bit instead of a probe or a child search.
      let u0 = FOLD[text.charCodeAt(p)] as number;
      let u1 = FOLD[text.charCodeAt(p + 1)] as number;
      let state = this.gram(u0, u1, HEAD) ? lexicon.pair(u0, u1) : 0;
      let q = p + 2;
      while (state !== 0) {
        if (state < 0 || nodes[state] !== 0) mask |= q - p < 31 ? 1 << (q - p) : 1;
        if (q === text.length || state < 0) break;
        const u = FOLD[text.charCodeAt(q)] as number;
        if (!this.gram(u0, u1, u)) break;
        state = lexicon.child(state, u);
        u0 = u1;
        u1 = u;
        q++;
      }
    }
    this.wordStamp[p] = this.stamp;
    this.wordMask[p] = mask;
    return mask;
  }

  /**
   * True when [start, end) splits a dictionary word so that the text segments better without it: the
   * cheapest segmentation of a window of up to WINDOW Han characters on each side (free) costs less
   * than the cheapest one that keeps the match as one word (forced). Segmentation: words of the
   * lexicon cost WORD_COST, single characters CHAR_COST (function characters such as 和/在/的
   * WORD_COST): the fewest pieces, and among equals the split that leaves function characters alone
   * (和/政治, not 和政/治). Both costs come from one pass: `forced` joins `free` at the match's end.
   */
  cutsThroughWord(text: string, start: number, end: number): boolean {
    return this.marginAround(text, start, end) < 0;
  }

  /**
   * Whether the text around [start, end) segments exactly as well without it as one word (a tie), or
   * the match begins with a numeral's unit (see afterNumeral): where a weak pattern is no match.
   */
  tiedAt(text: string, start: number, end: number): boolean {
    return afterNumeral(text, start) || this.marginAround(text, start, end) === 0;
  }

  private marginAround(text: string, start: number, end: number): number {
    let ws = start;
    while (ws > 0 && start - ws < WINDOW && IS_HAN(text.charCodeAt(ws - 1))) ws--;
    let we = end;
    while (we < text.length && we - end < WINDOW && IS_HAN(text.charCodeAt(we))) we++;
    return this.margin(text, start, end, ws, we);
  }

  /**
   * For the window [ws, we) around [start, end): the cost of its cheapest segmentation that does
   * not take [start, end) as one word, less that of the cheapest that does (negative: the match
   * cuts through a word; 0: a tie).
   */
  private margin(text: string, start: number, end: number, ws: number, we: number): number {
    if (ws === start && we === end) return 1;
    const len = we - ws;
    if (len + 1 > this.free.length) {
      this.free = new Int32Array(len + 1);
      this.forced = new Int32Array(len + 1);
    }
    const free = this.free;
    const forced = this.forced;
    const inf = 1 << 20;
    free[0] = 0;
    for (let x = 1; x <= len; x++) {
      free[x] = inf;
      forced[x] = inf;
    }
    const e = end - ws;
    for (let p = ws; p < we; p++) {
      const x = p - ws;
      if (x === e) forced[x] = (free[start - ws] as number) + WORD_COST;
      const a = free[x] as number;
      const b = x >= e ? (forced[x] as number) : inf;
      const single = FUNCTION_CHAR[text.charCodeAt(p)] === 1 ? WORD_COST : CHAR_COST;
      if (a + single < (free[x + 1] as number)) free[x + 1] = a + single;
      if (b + single < (forced[x + 1] as number)) forced[x + 1] = b + single;
      const mask = this.wordsAt(text, p);
      if (mask === 0) continue;
      // free never takes [start, end) as one word (see margin).
      const avoid = p === start ? e : -1;
      // Each word length that fits the window, lowest bit first.
      let bits = mask & lengthsUpTo(we - p) & ~1;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const y = x + 31 - Math.clz32(low);
        if (a + WORD_COST < (free[y] as number) && y !== avoid) free[y] = a + WORD_COST;
        if (b + WORD_COST < (forced[y] as number)) forced[y] = b + WORD_COST;
      }
      if (mask & 1)
        for (let q = p + 31; q <= we; q++) {
          if (!this.walkPast(text, p, q - 1, q)) continue;
          if (a + WORD_COST < (free[q - ws] as number) && (p !== start || q !== end))
            free[q - ws] = a + WORD_COST;
          if (b + WORD_COST < (forced[q - ws] as number)) forced[q - ws] = b + WORD_COST;
        }
    }
    const forcedCost = e === len ? (free[start - ws] as number) + WORD_COST : (forced[len] as number);
    return (free[len] as number) - forcedCost;
  }

  private capitalsOk(text: string, start: number, end: number, pattern: number): boolean {
    const caps = this.capitals;
    let ci = this.capitalStarts[pattern] as number;
    const ce = this.capitalStarts[pattern + 1] as number;
    let ko = 0;
    let prevSpace = false;
    for (let t = start; t < end && ci < ce; t++) {
      const d = FOLD[text.charCodeAt(t)] as number;
      if (d === 32 && prevSpace) continue;
      prevSpace = d === 32;
      if (ko === caps[ci]) {
        const ch = text[t] as string;
        if (ch === ch.toLowerCase()) return false;
        ci++;
      }
      ko++;
    }
    return true;
  }
}

function isTables(x: readonly MatcherPattern[] | MatcherTables): x is MatcherTables {
  return !Array.isArray(x);
}

/** The matcher's arrays for patterns (pattern i gets id i) and the segmentation check's dictionary. */
export function compileMatcherTables(
  patterns: readonly MatcherPattern[],
  dictionary: readonly string[] | PatternTrie = [],
): MatcherTables {
  const trie = PatternTrie.build(
    patterns.map((p) => p.key),
    { leafRefs: true, compact: true },
  );
  const lexicon = dictionary instanceof PatternTrie ? dictionary : lexiconFor(patterns, dictionary);
  // From a prebuilt lexicon (the JSON index, read at start-up) the edge sets would cost more than
  // they save: every Han pattern is then checked at both edges, behind the inner-pair filter only.
  const edges =
    dictionary instanceof PatternTrie ? undefined : new EdgeSets([...hanKeys(patterns), ...dictionary]);
  const flags = new Uint8Array(patterns.length);
  const endMasks = new Uint32Array(patterns.length);
  const capitalStarts = new Uint32Array(patterns.length + 1);
  const capitals: number[] = [];
  for (let i = 0; i < patterns.length; i++) {
    const { key, originals, weak, piece } = patterns[i] as MatcherPattern;
    let f = (weak ? WEAK : 0) | (piece ? PIECE : 0);
    if (WORD[key.charCodeAt(key.length - 1)] === 1) f |= LATIN_END;
    if (PLACE_UNIT[key.charCodeAt(0)] === 1) f |= NUMBER_HEAD;
    if (/^[〇零一二三四五六七八九十百千万两兩萬]+$/.test(key)) f |= NUMERAL_ONLY;
    if (isHan(key.charCodeAt(0)) || isHan(key.charCodeAt(key.length - 1))) {
      if (!edges || edges.crossesStart(key)) f |= SEG_START;
      const mask = edges ? edges.endMask(key) : -1 >>> 0;
      if (mask !== 0) {
        f |= SEG_END;
        endMasks[i] = mask;
      }
    }
    const caps = requiredCapitals(key, originals);
    if (caps) {
      f |= CASE;
      capitals.push(...caps);
    }
    capitalStarts[i + 1] = capitals.length;
    flags[i] = f;
  }
  return {
    trie: trie.arrays(),
    lexicon: lexicon.arrays(),
    flags,
    endMasks,
    innerBigrams: edges ? edges.innerBigrams : innerBigramsOf(lexicon),
    edgeGrams: edgeGramsOf(edges ? edges.words : wordsOf(lexicon)),
    capitals: Uint16Array.from(capitals),
    capitalStarts,
  };
}

/** The segmentation check's lexicon: the Han pattern keys and the dictionary words. */
export function lexiconFor(
  patterns: readonly MatcherPattern[],
  dictionaryWords: readonly string[],
): PatternTrie {
  return PatternTrie.build([...hanKeys(patterns), ...dictionaryWords], { leafRefs: true, compact: true });
}

function hanKeys(patterns: readonly MatcherPattern[]): string[] {
  return patterns.map((p) => p.key).filter((k) => k.length > 0 && isHan(k.charCodeAt(0)));
}

/** The edge-gram filter (MatcherTables.edgeGrams) of lexicon words. */
function edgeGramsOf(words: Iterable<string>): Int32Array {
  const bits = new Int32Array(1 << (EDGE_BITS - 5));
  const set = (b: number) => {
    bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
  };
  for (const w of words) {
    const n = w.length;
    if (n < 2) continue;
    set(edgeGramBit(w.charCodeAt(0), w.charCodeAt(1), HEAD));
    set(edgeGramBit(w.charCodeAt(n - 2), w.charCodeAt(n - 1), TAIL));
    for (let k = 2; k < n; k++) set(edgeGramBit(w.charCodeAt(k - 2), w.charCodeAt(k - 1), w.charCodeAt(k)));
  }
  return bits;
}

/** Every word of a lexicon trie. */
function wordsOf(lexicon: PatternTrie): string[] {
  const out: string[] = [];
  const { nodes, pairs } = lexicon;
  const walk = (state: number, prefix: string): void => {
    if (state < 0 || nodes[state] !== 0) out.push(prefix);
    if (state < 0) return;
    const n = nodes[state + 1] as number;
    for (let k = 0; k < n; k++)
      walk(nodes[state + 2 + n + k] as number, prefix + String.fromCharCode(nodes[state + 2 + k] as number));
  };
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i] as number;
    if (key !== -1) walk(pairs[i + 1] as number, String.fromCharCode(key >>> 16, key & 0xffff));
  }
  return out;
}

/** The inner-pair filter (MatcherTables.innerBigrams) from a lexicon trie's edges. */
function innerBigramsOf(lexicon: PatternTrie): Int32Array {
  const bits = new Int32Array(1 << 15);
  const { nodes, pairs } = lexicon;
  const set = (u0: number, u1: number) => {
    const b = bigramBit(u0, u1);
    bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
  };
  const walk = (state: number, unit: number): void => {
    if (state < 0) return;
    const n = nodes[state + 1] as number;
    for (let k = 0; k < n; k++) {
      const child = nodes[state + 2 + k] as number;
      set(unit, child);
      walk(nodes[state + 2 + n + k] as number, child);
    }
  };
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i] as number;
    if (key === -1) continue;
    set(key >>> 16, key & 0xffff);
    walk(pairs[i + 1] as number, key & 0xffff);
  }
  return bits;
}

/**
 * Which edges of a pattern some lexicon word can cross, from the words' proper prefixes, proper
 * suffixes and inner parts. A word crosses a match's start when it begins before the match and ends
 * inside or after it: one of its proper suffixes is a prefix of the key, or the key lies strictly
 * inside it. A word crosses the end from inside when one of its proper prefixes is a suffix of the key.
 */
class EdgeSets {
  private readonly prefixes = new Set<string>();
  private readonly suffixes = new Set<string>();
  private readonly inner = new Set<string>();
  readonly innerBigrams = new Int32Array(1 << 15);
  readonly words: readonly string[];

  constructor(words: readonly string[]) {
    this.words = words;
    for (const w of words) {
      if (w.length < 2) continue;
      for (let k = 1; k < w.length; k++) {
        const b = bigramBit(w.charCodeAt(k - 1), w.charCodeAt(k));
        this.innerBigrams[b >>> 5] = (this.innerBigrams[b >>> 5] as number) | (1 << (b & 31));
      }
      for (let k = 1; k < w.length; k++) {
        this.prefixes.add(w.slice(0, k));
        this.suffixes.add(w.slice(k));
        for (let e = k + 2; e < w.length; e++) this.inner.add(w.slice(k, e));
      }
    }
  }

  crossesStart(key: string): boolean {
    if (this.inner.has(key)) return true;
    for (let k = 1; k <= key.length; k++) if (this.suffixes.has(key.slice(0, k))) return true;
    return false;
  }

  /** Bit o: a word starts with key.slice(o) and runs past the key (o ≥ 31: bit 31). */
  endMask(key: string): number {
    let mask = 0;
    for (let o = 0; o < key.length; o++) if (this.prefixes.has(key.slice(o))) mask |= 1 << Math.min(o, 31);
    return mask;
  }
}

/** After a Latin word: no further letter, except a possessive 's / s'. */
function latinEndOk(text: string, e: number): boolean {
  if (e >= text.length) return true;
  const c = text.charCodeAt(e);
  if (WORD[c] === 1) return false;
  if (FOLD[c] === 0x27) {
    const c2 = e + 1 < text.length ? text.charCodeAt(e + 1) : 32;
    if (WORD[c2] !== 1) return true;
    if (FOLD[c2] !== 0x73) return false;
    return !(e + 2 < text.length && WORD[text.charCodeAt(e + 2)] === 1);
  }
  return true;
}

/**
 * Key offsets of word-initial capitals that every original alias text has (so "NATO"/"Nato" need a
 * capital N, while an alias some source writes in lower case needs none).
 */
function requiredCapitals(key: string, originals: readonly string[]): Uint16Array | undefined {
  let common: number[] | undefined;
  for (const original of originals) {
    const collapsed = original.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (collapsed.length !== key.length) return undefined;
    const caps: number[] = [];
    for (let i = 0; i < collapsed.length; i++) {
      const ch = collapsed[i] as string;
      const initial = i === 0 || WORD[collapsed.charCodeAt(i - 1)] !== 1;
      if (initial && ch !== ch.toLowerCase()) caps.push(i);
    }
    common = common ? common.filter((x) => caps.includes(x)) : caps;
  }
  return common && common.length > 0 ? Uint16Array.from(common) : undefined;
}
