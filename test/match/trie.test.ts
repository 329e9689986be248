// The pattern trie's build options (src/match/trie.ts): leaf references and compact pair tables find
// exactly the patterns the plain trie finds, in fewer node blocks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAIR_END, PatternTrie, startBit } from '../../src/match/trie.ts';

/** Every pattern id the trie finds starting at each position of text, walking as the matcher does. */
function findAll(trie: PatternTrie, text: string, leafRefs: boolean): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i + 1 < text.length; i++) {
    let state = trie.pair(text.charCodeAt(i), text.charCodeAt(i + 1));
    let j = i + 2;
    while (state !== 0) {
      if (leafRefs && state < 0) {
        out.push([i, j, -state - 1]);
        break;
      }
      const id = trie.patternAt(state);
      if (id >= 0) out.push([i, j, id]);
      if (j >= text.length) break;
      state = trie.child(state, text.charCodeAt(j));
      j++;
    }
  }
  return out;
}

describe('PatternTrie', () => {
  it('finds the same patterns with leaf references as without, in fewer node blocks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[abc川普通]{0,5}$/), { maxLength: 12 }),
        fc.stringMatching(/^[abc川普通]{0,30}$/),
        (patterns, text) => {
          const plain = PatternTrie.build(patterns);
          const leaves = PatternTrie.build(patterns, { leafRefs: true, compact: true });
          expect(findAll(leaves, text, true)).toEqual(findAll(plain, text, false));
          if (patterns.some((p) => p.length >= 2))
            expect(leaves.nodes.length).toBeLessThan(plain.nodes.length);
        },
      ),
    );
  });

  it("sets the start filter's bit of every pattern: its two units, or its first three", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ab川普通 ]{0,5}$/), { maxLength: 12 }), (patterns) => {
        for (const options of [{}, { leafRefs: true, compact: true }]) {
          const starts = PatternTrie.build(patterns, options).starts;
          for (const p of patterns) {
            if (p.length < 2) continue;
            const bit = startBit(
              p.charCodeAt(0),
              p.charCodeAt(1),
              p.length === 2 ? PAIR_END : p.charCodeAt(2),
            );
            expect((starts[bit >>> 5] as number) & (1 << (bit & 31))).not.toBe(0);
          }
        }
      }),
    );
  });

  it('gives equal patterns the first id and skips patterns under two units', () => {
    const trie = PatternTrie.build(['ab', 'a', 'abc', 'ab'], { leafRefs: true });
    const ab = trie.pair(0x61, 0x62);
    expect(trie.patternAt(ab)).toBe(0);
    expect(trie.child(ab, 0x63)).toBe(-(2 + 1));
  });
});
