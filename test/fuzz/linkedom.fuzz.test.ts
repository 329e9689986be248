// Fuzzing the text collection across DOMs: the same random tree built in linkedom (what `factlens
// detect` parses pages with) and in happy-dom (a browser-like DOM) gives the same runs, so the CLI's
// detection scores speak for the extension. Shadow roots are left out (linkedom has no closed ones).
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { collectTextRuns } from '../../src/match/text-runs.ts';
import { build, RUNS, type TreeSpec, tree } from './arbitraries.ts';

const happy = new Window({ url: 'http://127.0.0.1/' });
afterAll(() => happy.happyDOM.close());

/** The spec without shadow roots. */
function light(specs: readonly TreeSpec[]): TreeSpec[] {
  return specs.map((s) => (s.t === 'el' ? { ...s, shadow: 'none', shadowKids: [], kids: light(s.kids) } : s));
}

function runsIn(doc: Document, specs: readonly TreeSpec[]): string[] {
  doc.body.replaceChildren();
  build(doc, doc.body, specs);
  return collectTextRuns(doc.body).map((r) => r.text);
}

describe(`fuzz: linkedom and happy-dom collect the same runs (${RUNS} cases)`, () => {
  it(
    'gives identical run texts for the same tree',
    () => {
      const { document: linked } = parseHTML('<!doctype html><html><head></head><body></body></html>');
      let total = 0;
      fc.assert(
        fc.property(tree, (specs) => {
          const plain = light(specs);
          const ours = runsIn(happy.document as unknown as Document, plain);
          expect(runsIn(linked as unknown as Document, plain)).toEqual(ours);
          total += ours.length;
        }),
        { numRuns: RUNS },
      );
      expect(total).toBeGreaterThan(RUNS / 2);
    },
    30_000 + RUNS * 50,
  );
});
