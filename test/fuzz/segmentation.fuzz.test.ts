// The matcher's Chinese segmentation check against a plain reference (the check as first written:
// three separate dynamic programs over a Set of words, no trie): over random texts built from
// patterns, dictionary words and loose characters of a small alphabet (so words overlap patterns'
// edges often), the fast path (cutsAtEdge: build-time edge flags, the unit-pair and edge-gram
// filters, a crossing-word test, one-pass program over a window cut at an edge the filters rule out)
// and the full check (cutsThroughWord) answer exactly as the reference for every occurrence of every
// pattern, and a scan keeps exactly the occurrences the reference keeps. FUZZ_RUNS sets the case
// count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AliasMatcher,
  compileMatcherTables,
  lexiconFor,
  type MatcherPattern,
} from '../../src/match/matcher.ts';
import { PatternTrie } from '../../src/match/trie.ts';
import { fold, foldKey, isHan } from '../../src/text/fold.ts';
import { RUNS } from './arbitraries.ts';

/** Han characters (Traditional and Simplified forms of some, two function characters, two numerals), a space, a letter. */
const ALPHABET = [
  '四',
  '十',
  '川',
  '普',
  '通',
  '話',
  '话',
  '和',
  '的',
  '政',
  '治',
  '平',
  '京',
  '國',
  '国',
  ' ',
  'a',
];
const FUNCTION = new Set(
  '的了在和与及对向由被把将是为从给跟同说称让令据自于以因而但并或又也都就才还再已曾该这那此其之每各等與對為從給說稱讓據於並還這',
);

const word = fc
  .array(fc.constantFrom(...ALPHABET.filter((c) => isHan(c.charCodeAt(0)))), { minLength: 2, maxLength: 5 })
  .map((cs) => cs.join(''));

/**
 * The matcher's number rules, written out plainly: a key that begins with a place unit is no match
 * right after a numeral (四万年); a key made only of numerals is none after a numeral, 第 or 双, nor
 * before a unit or classifier (十一个).
 */
const NUMERALS = '0123456789０１２３４５６７８９一二三四五六七八九十百千万两几数多萬兩幾數';
function referenceNumberRule(key: string, text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  if ('十百千万亿兆萬億'.includes(key[0] as string) && before !== '' && NUMERALS.includes(before))
    return true;
  if (![...key].every((ch) => '〇零一二三四五六七八九十百千万两兩萬'.includes(ch))) return false;
  const after = text[end] ?? '';
  return (
    (before !== '' && (NUMERALS.includes(before) || '第双雙'.includes(before))) ||
    (after !== '' && '天年月日号个名位次届岁周號個屆歲週大条條项項家人多余餘点點'.includes(after))
  );
}

/** The check as first written: window, then free vs forced segmentation over a Set of folded words. */
function referenceCuts(words: ReadonlySet<string>, text: string, start: number, end: number): boolean {
  let ws = start;
  while (ws > 0 && start - ws < 4 && isHan(text.charCodeAt(ws - 1))) ws--;
  let we = end;
  while (we < text.length && we - end < 4 && isHan(text.charCodeAt(we))) we++;
  if (ws === start && we === end) return false;
  const segments = (from: number, to: number): number => {
    const dp = [0];
    for (let x = 1; x <= to - from; x++) dp[x] = 1 << 20;
    for (let p = from; p < to; p++) {
      const here = dp[p - from] as number;
      const single = here + (FUNCTION.has(text[p] as string) ? 2 : 3);
      dp[p - from + 1] = Math.min(dp[p - from + 1] as number, single);
      for (let q = p + 2; q <= to; q++)
        if (words.has(fold(text.slice(p, q)))) dp[q - from] = Math.min(dp[q - from] as number, here + 2);
    }
    return dp[to - from] as number;
  };
  return segments(ws, start) + 2 + segments(end, we) > segments(ws, we);
}

const cases = fc.record({
  patterns: fc.uniqueArray(word, { minLength: 1, maxLength: 6 }),
  dictionary: fc.uniqueArray(word, { maxLength: 12 }),
  pieces: fc.array(fc.oneof(fc.nat(), fc.constantFrom(...ALPHABET)), { maxLength: 14 }),
});

function build(patterns: string[], dictionary: string[], pieces: Array<number | string>) {
  const keys = patterns.map(foldKey);
  const mps: MatcherPattern[] = patterns.map((p) => ({ key: foldKey(p), originals: [p] }));
  const words = dictionary.map(foldKey);
  const pool = [...patterns, ...dictionary];
  const text = pieces.map((x) => (typeof x === 'number' ? (pool[x % pool.length] as string) : x)).join('');
  const lexicon = new Set([...keys.filter((k) => isHan(k.charCodeAt(0))), ...words]);
  return { keys, mps, words, text, lexicon };
}

describe(`fuzz: the segmentation check against the reference (${RUNS} cases)`, () => {
  it('answers as the reference for every occurrence of every pattern (edge flags, crossing test, one pass)', () => {
    fc.assert(
      fc.property(cases, ({ patterns, dictionary, pieces }) => {
        const { keys, mps, words, text, lexicon } = build(patterns, dictionary, pieces);
        // Dictionary as words, as a prebuilt lexicon trie (with leaf references, and without as
        // in a version-1 JSON index), and as tables compiled before.
        const matchers = [
          new AliasMatcher(mps, words),
          new AliasMatcher(mps, lexiconFor(mps, words)),
          new AliasMatcher(mps, PatternTrie.build([...lexicon])),
          new AliasMatcher(compileMatcherTables(mps, words)),
        ];
        const folded = fold(text);
        keys.forEach((key, p) => {
          for (let s = folded.indexOf(key); s !== -1; s = folded.indexOf(key, s + 1)) {
            const want = referenceCuts(lexicon, text, s, s + key.length);
            for (const m of matchers) {
              expect(m.cutsThroughWord(text, s, s + key.length)).toBe(want);
              expect(m.cutsAtEdge(text, s, s + key.length, p)).toBe(want);
            }
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('scans keep exactly the longest-leftmost occurrences the reference keeps', () => {
    fc.assert(
      fc.property(cases, ({ patterns, dictionary, pieces }) => {
        const { keys, mps, words, text, lexicon } = build(patterns, dictionary, pieces);
        const folded = fold(text);
        const want: Array<[number, number, number]> = [];
        for (let i = 0; i < text.length; ) {
          let best: [number, number, number] | undefined;
          keys.forEach((key, p) => {
            if (key.length < 2 || !folded.startsWith(key, i)) return;
            if (best && best[1] - best[0] >= key.length) return;
            if (isHan(key.charCodeAt(0)) && referenceCuts(lexicon, text, i, i + key.length)) return;
            if (referenceNumberRule(key, text, i, i + key.length)) return;
            best = [i, i + key.length, p];
          });
          if (best) want.push(best);
          i = best ? best[1] : i + 1;
        }
        const got = new AliasMatcher(mps, words).scan(text).map((m) => [m.start, m.end, m.pattern]);
        expect(got).toEqual(want);
      }),
      { numRuns: RUNS },
    );
  });
});
