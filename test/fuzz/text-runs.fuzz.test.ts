// Fuzzing the page side of detection (fast-check + happy-dom): random trees and hostile texts, text
// collection, the alias matcher over every run, the mapping of matches back to DOM Ranges, and random
// mutations between collection and mapping. Properties: nothing throws; the page (nodes and text) is
// never changed by any of it; every run is exactly its segments; every mark's Range text is exactly the
// run's slice, which folds to the matched alias. FUZZ_RUNS sets the case count (npm run fuzz: 10,000).
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { AliasMatcher } from '../../src/match/matcher.ts';
import {
  collectTextRuns,
  isRunIntact,
  isSkippedElement,
  rangeForMention,
  type TextRun,
  type TextSegment,
} from '../../src/match/text-runs.ts';
import { fold, foldKey } from '../../src/text/fold.ts';
import {
  ALIASES,
  applyMutation,
  build,
  mutation,
  nodesUnder,
  RUNS,
  type TreeSpec,
  text,
  tree,
} from './arbitraries.ts';
import { referenceTextRuns } from './text-runs-reference.ts';

/** Per property: the default 30 s is far too short for the 10,000-case run. */
const TIMEOUT = 30_000 + RUNS * 100;

const window = new Window({ url: 'http://127.0.0.1/' });
const document = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

const keys = [...new Set(ALIASES.map(foldKey))];
const matcher = new AliasMatcher(
  keys.map((key) => ({ key, originals: ALIASES.filter((a) => foldKey(a) === key) })),
  ['四川', '普通話', '普通话', '外长', '会见'],
);

/** Structure and text of everything under `root`, open shadow trees included: any change shows. */
function fingerprint(root: Node): string {
  const parts: string[] = [];
  for (const n of nodesUnder(root)) {
    parts.push(
      n.nodeType === 3 || n.nodeType === 8 ? `${n.nodeName}:${(n as CharacterData).data}` : n.nodeName,
    );
    const shadow = (n as Element).shadowRoot;
    if (shadow) parts.push(`#shadow[${fingerprint(shadow)}]`);
  }
  return parts.join('\u0001');
}

/** Text nodes the collector must reach: not under a skipped element, not in a closed shadow root. */
function expectedTextNodes(root: Node): Text[] {
  const out: Text[] = [];
  const visit = (start: Node) => {
    const stack: Node[] = [start];
    while (stack.length > 0) {
      const n = stack.pop() as Node;
      if (n.nodeType === 3) {
        if (/\S/.test((n as Text).data)) out.push(n as Text);
        continue;
      }
      if (n.nodeType === 1 && n !== start && isSkippedElement(n as Element)) continue;
      const shadow = n.nodeType === 1 ? (n as Element).shadowRoot : null;
      if (shadow) visit(shadow);
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  };
  visit(root);
  return out;
}

/** True when `node` lies under a skipped element (below the body / its shadow root). */
function underSkipped(node: Node): boolean {
  for (let n = node.parentNode; n && n !== document.body; n = n.parentNode) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
  }
  return false;
}

/** A cheap assertion for the hot loops (vitest's expect costs tens of µs a call). */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

function checkRuns(runs: readonly TextRun[]): void {
  for (const run of runs) {
    check(run.segments.length > 0, () => 'a run without segments');
    check(/\S/.test(run.text), () => `a blank run ${show(run.text)}`);
    let joined = '';
    for (const [i, seg] of run.segments.entries()) {
      check(seg.node.nodeType === 3, () => `segment ${i} is not a Text node`);
      check(seg.start === joined.length, () => `segment ${i} starts at ${seg.start}, not ${joined.length}`);
      check(seg.node.data.length > 0, () => `segment ${i} is empty`);
      check(!underSkipped(seg.node), () => `segment ${show(seg.node.data)} lies in a skipped element`);
      joined += seg.node.data;
    }
    check(joined === run.text, () => `run ${show(run.text)} is not its segments ${show(joined)}`);
    check(isRunIntact(run), () => `fresh run ${show(run.text)} is not intact`);
  }
}

/** Matches in every run, checked, with their Ranges; returns the count. */
function checkMatches(runs: readonly TextRun[]): number {
  let count = 0;
  for (const run of runs) {
    const matches = matcher.scan(run.text);
    let last = 0;
    for (const m of matches) {
      check(
        m.start >= last && m.end > m.start && m.end <= run.text.length,
        () => `bad match ${JSON.stringify(m)}`,
      );
      last = m.end;
      const slice = run.text.slice(m.start, m.end);
      // The matched text folds (spaces collapsed) to the alias' key.
      const folded = fold(slice).replace(/ {2,}/g, ' ');
      check(
        folded === keys[m.pattern],
        () => `${show(slice)} folds to ${show(folded)}, not ${keys[m.pattern]}`,
      );
      const got = rangeForMention(run, m.start, m.end, document)?.toString();
      check(
        got === slice,
        () => `the Range of ${show(slice)} reads ${got === undefined ? 'nothing' : show(got)}`,
      );
      count++;
    }
  }
  return count;
}

function fresh(specs: readonly TreeSpec[]): HTMLElement {
  document.body.replaceChildren();
  const main = document.createElement('main');
  document.body.appendChild(main);
  build(document, main, specs);
  return document.body;
}

describe(`fuzz: text runs, matcher and ranges (${RUNS} cases each)`, () => {
  it(
    'collects every visible text node exactly once, never changes the page, maps every offset pair',
    () => {
      fc.assert(
        fc.property(tree, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }), (specs, pairs) => {
          const body = fresh(specs);
          const before = fingerprint(body);
          const runs = collectTextRuns(body);
          checkRuns(runs);
          // Coverage: each reachable non-blank Text node is in exactly one segment.
          const seen = new Map<Text, number>();
          for (const run of runs)
            for (const seg of run.segments) seen.set(seg.node, (seen.get(seg.node) ?? 0) + 1);
          for (const node of expectedTextNodes(body))
            expect(seen.get(node), JSON.stringify(node.data.slice(0, 40))).toBe(1);
          // Any offset pair inside a run maps to a Range whose text is the slice.
          for (const [i, [a, b]] of pairs.entries()) {
            const run = runs[i % Math.max(1, runs.length)];
            if (!run) break;
            const s = a % run.text.length;
            const e = s + 1 + (b % (run.text.length - s));
            const got = rangeForMention(run, s, e, document)?.toString();
            expect(got).toBe(run.text.slice(s, e));
          }
          expect(
            rangeForMention(runs[0] ?? { text: '', segments: [], block: body }, 0, 0, document),
          ).toBeNull();
          expect(fingerprint(body)).toBe(before);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'yields exactly the runs of the walk it replaced (text, segments, blocks), with or without shadow roots',
    () => {
      const same = (a: readonly TextRun[], b: readonly TextRun[]): string | null => {
        if (a.length !== b.length) return `${a.length} runs instead of ${b.length}`;
        for (const [i, run] of a.entries()) {
          const ref = b[i] as TextRun;
          if (run.text !== ref.text) return `run ${i}: ${show(run.text)} instead of ${show(ref.text)}`;
          if (run.block !== ref.block) return `run ${i} (${show(run.text)}): another block`;
          if (run.segments.length !== ref.segments.length) return `run ${i}: segment count differs`;
          for (const [k, seg] of run.segments.entries()) {
            const r = ref.segments[k] as TextSegment;
            if (seg.node !== r.node || seg.start !== r.start) return `run ${i}, segment ${k} differs`;
          }
        }
        return null;
      };
      fc.assert(
        fc.property(tree, fc.boolean(), fc.boolean(), (specs, shadowRoots, keepBlank) => {
          const body = fresh(specs);
          const opts = { shadowRoots, keepBlank, skip: (e: Element) => e.localName === 'blockquote' };
          for (const root of [document as Node, body, body.firstChild as Node]) {
            const diff = same(collectTextRuns(root, opts), [...referenceTextRuns(root, opts)]);
            check(diff === null, () => diff as string);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'every match is in order, folds to its alias, and its Range text is exactly the matched text',
    () => {
      let total = 0;
      fc.assert(
        fc.property(tree, (specs) => {
          const body = fresh(specs);
          const before = fingerprint(body);
          total += checkMatches(collectTextRuns(body));
          expect(fingerprint(body)).toBe(before);
        }),
        { numRuns: RUNS },
      );
      // The generator plants aliases often: a run without a single match would mean a broken harness.
      expect(total).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'the matcher never throws on arbitrary strings and keeps its matches inside the text',
    () => {
      fc.assert(
        fc.property(fc.oneof(text, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
          for (const m of matcher.scan(s)) {
            expect(fold(s.slice(m.start, m.end)).replace(/ {2,}/g, ' ')).toBe(keys[m.pattern]);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  // A skipped inline element ends the run, so no mark spans the text it hides.
  it('a hidden inline element splits the run: no mark spans it', () => {
    const body = fresh([]);
    (body.firstChild as Element).innerHTML = '<p>外长王<span hidden>（隐藏）</span>毅会见拉夫罗夫</p>';
    const runs = collectTextRuns(body);
    expect(runs.map((r) => r.text)).toEqual(['外长王', '毅会见拉夫罗夫']);
    for (const run of runs) {
      for (const m of matcher.scan(run.text)) {
        expect(rangeForMention(run, m.start, m.end, document)?.toString()).toBe(
          run.text.slice(m.start, m.end),
        );
      }
    }
  });

  it(
    'survives random mutations between collection and mapping, and re-collects correctly',
    () => {
      fc.assert(
        fc.property(tree, fc.array(mutation, { minLength: 1, maxLength: 5 }), (specs, mutations) => {
          const body = fresh(specs);
          const runs = collectTextRuns(body);
          const matches = runs.map((run) => matcher.scan(run.text));
          for (const mu of mutations) applyMutation(document, body.firstChild as Node, mu);
          const after = fingerprint(body);
          for (const [i, run] of runs.entries()) {
            // Stale runs are detected; intact ones still map exactly.
            const intact = isRunIntact(run);
            for (const m of matches[i] ?? []) {
              const range = rangeForMention(run, m.start, m.end, document);
              const slice = run.text.slice(m.start, m.end);
              if (intact) expect(range?.toString()).toBe(slice);
            }
          }
          expect(fingerprint(body)).toBe(after);
          const again = collectTextRuns(body);
          checkRuns(again);
          checkMatches(again);
          expect(fingerprint(body)).toBe(after);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
