// Fuzzing the detector the background runs (createDetector over the seed's extracted entities and
// dictionary words: exact aliases plus fuzzy Latin names) with hostile runs: nothing throws, every
// mention lies inside its run in order without overlap, its text is exactly the run's slice, its
// entity exists, and an exact mention (score 1) folds to one of that entity's aliases; the detector
// made from the binary index (compiled, encoded, decoded) finds exactly the same mentions. FUZZ_RUNS
// sets the case count.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEntityData } from '../../src/entities/node-data.ts';
import type { Entity } from '../../src/entities/types.ts';
import { compileDetectorIndex, createDetector, type Detector } from '../../src/match/detector.ts';
import { decodeDetectorIndex, encodeDetectorIndex } from '../../src/match/index-codec.ts';
import { fold, foldKey } from '../../src/text/fold.ts';
import { piece, RUNS, text } from './arbitraries.ts';

let detector: Detector;
/** The same detector as a worker gets it: compiled index, binary, decoded. */
let fromBinary: Detector;
let entities: Map<string, Entity>;
const keysOf = new Map<string, Set<string>>();

beforeAll(async () => {
  const { data } = await loadEntityData([]);
  entities = new Map(data.entities.map((e) => [e.id, e]));
  for (const e of data.entities)
    keysOf.set(e.id, new Set([e.name, ...e.aliases.map((a) => a.text)].map(foldKey)));
  detector = createDetector(data.entities, { dictionaryWords: data.dictionaryWords });
  const bytes = encodeDetectorIndex(compileDetectorIndex(data.entities, data.dictionaryWords));
  fromBinary = createDetector(data.entities, { index: decodeDetectorIndex(bytes) });
}, 60_000);

/** Runs mixing hostile text with the seed's own names, in both scripts and in English. */
const runs = fc.array(
  fc.oneof(
    text,
    fc
      .array(
        fc.oneof(
          piece,
          fc.constantFrom('普丁', '普京', 'Putin', 'Vladimir Putin', '一帶一路', 'Sergey Lavrov', 'Lavrov'),
        ),
        {
          maxLength: 10,
        },
      )
      .map((xs) => xs.join('')),
  ),
  { maxLength: 8 },
);

describe(`fuzz: the detector over hostile runs (${RUNS} cases)`, () => {
  it(
    'keeps every mention inside its run, exact, in order, and on a known entity',
    () => {
      expect(entities.size).toBeGreaterThan(0);
      fc.assert(
        fc.property(runs, (rs) => {
          const mentions = detector.detect(rs);
          let last = { run: -1, end: 0 };
          for (const m of mentions) {
            const run = rs[m.run];
            if (run === undefined) throw new Error(`mention in run ${m.run} of ${rs.length}`);
            if (!(m.start >= 0 && m.start < m.end && m.end <= run.length))
              throw new Error(`bad offsets ${JSON.stringify(m)}`);
            if (m.run < last.run || (m.run === last.run && m.start < last.end))
              throw new Error(`out of order ${JSON.stringify(m)}`);
            last = { run: m.run, end: m.end };
            if (m.text !== run.slice(m.start, m.end)) throw new Error(`text ${m.text} is not the slice`);
            if (!entities.has(m.entityId)) throw new Error(`unknown entity ${m.entityId}`);
            if (m.score === 1) {
              const folded = fold(m.text).replace(/ {2,}/g, ' ');
              if (!keysOf.get(m.entityId)?.has(folded))
                throw new Error(`"${m.text}" is no alias of ${m.entityId}`);
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    30_000 + RUNS * 50,
  );

  it('finds the same mentions from the decoded binary index as from a detector built in place', () => {
    fc.assert(
      fc.property(runs, (rs) => {
        expect(fromBinary.detect(rs)).toEqual(detector.detect(rs));
      }),
      { numRuns: RUNS },
    );
  });
});
