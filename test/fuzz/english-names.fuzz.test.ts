// Fuzzing the reading of English articles' names (src/entities/english-names.ts) with hostile text
// salted with names, titles and particles: nothing throws; runs and hits lie inside the text, in
// order, without overlap, and say exactly what the text says there; every titled person found is a
// name the text writes. FUZZ_RUNS sets the case count.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { capitalisedRuns, dictionaryNameHits, TitledPeople } from '../../src/entities/english-names.ts';
import { Lexicon } from '../../src/entities/lexicon.ts';
import { piece, RUNS, text } from './arbitraries.ts';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = new Lexicon();
}, 60_000);

const NAMES = [
  'Mr ',
  'Ms ',
  'President ',
  'The ',
  ' of ',
  ' bin ',
  'al-',
  'Saudi Arabia',
  'Joe Biden',
  'Brad Raffensperger',
  'Raffensperger',
  'West Virginia',
  'Chen Yi',
  'Xinhua',
  '’s',
  "'s",
  '. ',
  ', ',
  ' and ',
];

/** English-looking text: names, titles, particles and punctuation among hostile pieces. */
const english = fc
  .array(fc.oneof(piece, fc.constantFrom(...NAMES), fc.constantFrom('word', 'Capital', 'ALLCAPS', ' ')), {
    maxLength: 24,
  })
  .map((xs) => xs.join(''));
const passage = fc.oneof(english, text);

describe(`fuzz: names in English text (${RUNS} cases)`, () => {
  it('keeps runs of capitalised words inside the text, in order, as the text writes them', () => {
    fc.assert(
      fc.property(passage, (t) => {
        let end = 0;
        for (const { words } of capitalisedRuns(t)) {
          expect(words.length).toBeGreaterThan(0);
          for (const w of words) {
            expect(w.start).toBeGreaterThanOrEqual(end);
            expect(t.slice(w.start, w.end)).toBe(w.text);
            end = w.end;
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps dictionary hits inside the text, in order, without overlap, each naming keys', () => {
    const usable = (key: string) => key.length >= 2 && !lexicon.common.has(key);
    fc.assert(
      fc.property(passage, (t) => {
        let end = 0;
        for (const h of dictionaryNameHits(t, lexicon, usable)) {
          expect(h.start).toBeGreaterThanOrEqual(end);
          expect(t.slice(h.start, h.end)).toBe(h.name);
          expect(h.keys.length).toBeGreaterThan(0);
          for (const k of h.keys) expect(lexicon.proper.has(k)).toBe(true);
          end = h.end;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('finds only titled people whose names the passages write', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a1', 'a2'), passage), { maxLength: 6 }), (passages) => {
        const people = new TitledPeople();
        for (const [id, t] of passages) people.add(id, t, lexicon);
        const all = passages.map(([, t]) => t).join('\n');
        for (const e of people.entities(new Set(), lexicon)) {
          expect(e.kind).toBe('person');
          expect(all).toContain(e.name);
          for (const a of e.aliases) expect(all).toContain(a.text);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
