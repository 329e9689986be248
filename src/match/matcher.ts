// The alias matcher: longest-leftmost matching of folded aliases over one text run, with the
// boundary rules that keep names from matching inside other words — Latin word boundaries (Xi never
// in Xi'an, Wang Yi never in Wang Yibo, possessive 's allowed), capitalised initials where the alias
// has them (NATO matches "Nato", never Italian "nato"; Trump never the card-game "trump"), and for
// Chinese a local segmentation check: a match that cuts through a dictionary word on either side so
// that the text segments better without it (川普 in 四川普通話) is rejected. Pure and DOM-free.
import { FOLD as FOLD_TABLE, isHan, WORD as WORD_TABLE } from '../text/fold.ts';
import { PatternTrie, type TrieArrays } from './trie.ts';

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
}

// Local copies: through some module loaders (tsx) every access to an imported binding is a getter
// call, which cost 40% of the scan time in the profile.
const FOLD: Uint16Array = FOLD_TABLE;
const WORD: Uint8Array = WORD_TABLE;

const LATIN_END = 1;
const CASE = 2;
const HAN = 4;
/** How many Han characters on each side the segmentation check looks at. */
const WINDOW = 4;
const WORD_COST = 2;
const CHAR_COST = 3;
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
  trie: TrieArrays;
  lexicon: TrieArrays;
  /** Per pattern: LATIN_END | CASE | HAN bits. */
  flags: Uint8Array;
  /** Required capitals of pattern p (key offsets): capitals[capitalStarts[p] .. capitalStarts[p + 1]). */
  capitals: Uint16Array;
  capitalStarts: Uint32Array;
}

export class AliasMatcher {
  readonly trie: PatternTrie;
  /** Dictionary words plus the Han patterns: the lexicon of the segmentation check. */
  readonly lexicon: PatternTrie;
  /** The arrays this matcher wraps (for a binary index). */
  readonly tables: MatcherTables;
  private readonly flags: Uint8Array;
  private readonly capitals: Uint16Array;
  private readonly capitalStarts: Uint32Array;
  private readonly ends = new Int32Array(256);
  private readonly pats = new Int32Array(256);
  private readonly dp = new Int32Array(64);

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
    this.capitals = t.capitals;
    this.capitalStarts = t.capitalStarts;
  }

  /** Every match in one run, longest-leftmost, non-overlapping, in order. */
  scan(text: string, out: RawMatch[] = []): RawMatch[] {
    const n = text.length;
    const trie = this.trie;
    const { first, nodes, bigrams } = trie;
    const flags = this.flags;
    const ends = this.ends;
    const pats = this.pats;
    // Each unit is folded once on the way (the next unit's fold is carried over); a profile showed
    // a separate pre-folding pass into a buffer costing a quarter of the scan.
    let i = 0;
    let c = n > 0 ? (FOLD[text.charCodeAt(0)] as number) : 0;
    let prevWord = false;
    while (i < n - 1) {
      const d0 = FOLD[text.charCodeAt(i + 1)] as number;
      const word = WORD[c] === 1;
      if (first[c] === 0 || (word && prevWord)) {
        i++;
        c = d0;
        prevWord = word;
        continue;
      }
      const b = (Math.imul(c, 0x9e3779b1) ^ Math.imul(d0, 0x85ebca6b)) >>> 12; // bigramBit, inlined
      if (((bigrams[b >>> 5] as number) & (1 << (b & 31))) === 0) {
        i++;
        c = d0;
        prevWord = word;
        continue;
      }
      let j = i + 1;
      let d = d0;
      if (d === 32) while (j + 1 < n && FOLD[text.charCodeAt(j + 1)] === 32) j++;
      let state = trie.pair(c, d);
      if (state === 0) {
        i++;
        c = d0;
        prevWord = word;
        continue;
      }
      j++;
      let prevSpace = d === 32;
      let k = 0;
      let a = nodes[state] as number;
      if (a !== 0) {
        ends[0] = j;
        pats[0] = a - 1;
        k = 1;
      }
      while (j < n) {
        d = FOLD[text.charCodeAt(j)] as number;
        if (d === 32 && prevSpace) {
          j++;
          continue;
        }
        state = trie.child(state, d);
        if (state === 0) break;
        j++;
        prevSpace = d === 32;
        a = nodes[state] as number;
        if (a !== 0 && k < 256) {
          ends[k] = j;
          pats[k++] = a - 1;
        }
      }
      let next = i + 1;
      for (let m = k - 1; m >= 0; m--) {
        const p = pats[m] as number;
        const e = ends[m] as number;
        const f = flags[p] as number;
        if (f !== 0) {
          if (f & LATIN_END && !latinEndOk(text, e)) continue;
          if (f & CASE && !this.capitalsOk(text, i, e, p)) continue;
          if (f & HAN && this.segmentation && this.cutsThroughWord(text, i, e)) continue;
        }
        out.push({ start: i, end: e, pattern: p });
        next = e;
        break;
      }
      prevWord = next === i + 1 ? word : WORD[FOLD[text.charCodeAt(next - 1)] as number] === 1;
      i = next;
      c = i < n ? (FOLD[text.charCodeAt(i)] as number) : 0;
    }
    return out;
  }

  /** True when [start, end) splits a dictionary word so that the text segments better without it. */
  cutsThroughWord(text: string, start: number, end: number): boolean {
    let ws = start;
    while (ws > 0 && start - ws < WINDOW && isHan(text.charCodeAt(ws - 1))) ws--;
    let we = end;
    while (we < text.length && we - end < WINDOW && isHan(text.charCodeAt(we))) we++;
    if (ws === start && we === end) return false;
    const free = this.segments(text, ws, we);
    const forced = this.segments(text, ws, start) + WORD_COST + this.segments(text, end, we);
    return forced > free;
  }

  /**
   * Cheapest split of [from, to) into dictionary words (cost 2) and single characters (cost 2 for
   * function characters such as 和/在/的, 3 for others): the fewest pieces, and among equals the split
   * that leaves function characters alone (和/政治, not 和政/治).
   */
  private segments(text: string, from: number, to: number): number {
    if (from >= to) return 0;
    const dp = this.dp;
    const len = to - from;
    dp[0] = 0;
    for (let x = 1; x <= len; x++) dp[x] = 1 << 20;
    const lexicon = this.lexicon;
    const nodes = lexicon.nodes;
    for (let p = from; p < to; p++) {
      const here = dp[p - from] as number;
      const single = here + (FUNCTION_CHAR[text.charCodeAt(p)] === 1 ? WORD_COST : CHAR_COST);
      if (single < (dp[p - from + 1] as number)) dp[p - from + 1] = single;
      const base = here + WORD_COST;
      if (p + 2 > to) continue;
      let state = lexicon.pair(FOLD[text.charCodeAt(p)] as number, FOLD[text.charCodeAt(p + 1)] as number);
      let q = p + 2;
      while (state !== 0) {
        if (nodes[state] !== 0 && base < (dp[q - from] as number)) dp[q - from] = base;
        if (q === to) break;
        state = lexicon.child(state, FOLD[text.charCodeAt(q)] as number);
        q++;
      }
    }
    return dp[len] as number;
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
  const trie = PatternTrie.build(patterns.map((p) => p.key));
  const lexicon = dictionary instanceof PatternTrie ? dictionary : lexiconFor(patterns, dictionary);
  const flags = new Uint8Array(patterns.length);
  const capitalStarts = new Uint32Array(patterns.length + 1);
  const capitals: number[] = [];
  for (let i = 0; i < patterns.length; i++) {
    const { key, originals } = patterns[i] as MatcherPattern;
    let f = 0;
    if (WORD[key.charCodeAt(key.length - 1)] === 1) f |= LATIN_END;
    if (isHan(key.charCodeAt(0)) || isHan(key.charCodeAt(key.length - 1))) f |= HAN;
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
    capitals: Uint16Array.from(capitals),
    capitalStarts,
  };
}

/** The segmentation check's lexicon: the Han pattern keys and the dictionary words. */
export function lexiconFor(
  patterns: readonly MatcherPattern[],
  dictionaryWords: readonly string[],
): PatternTrie {
  const hanKeys = patterns.map((p) => p.key).filter((k) => k.length > 0 && isHan(k.charCodeAt(0)));
  return PatternTrie.build([...hanKeys, ...dictionaryWords]);
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
