// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, findVisible, RunQueue } from '../../src/content/run-queue.ts';
import type { TextRun } from '../../src/match/text-runs.ts';

/** Runs of `n` characters each, one block per run (blocks are plain objects standing in for elements). */
function runsOf(lengths: number[]): TextRun[] {
  return lengths.map((n, i) => ({ text: 'x'.repeat(n), segments: [], block: { id: i } as unknown as Node }));
}
const ids = (batch: TextRun[] | null) => batch?.map((r) => (r.block as unknown as { id: number }).id) ?? null;

describe('RunQueue', () => {
  it('hands out batches in document order, bounded by runs and characters', () => {
    const q = new RunQueue(runsOf([5, 5, 5, 5, 20, 5]));
    expect(ids(q.take(100, 2))).toEqual([0, 1]);
    expect(ids(q.take(12, 10))).toEqual([2, 3]);
    // A run longer than the limit still goes, alone.
    expect(ids(q.take(12, 10))).toEqual([4]);
    expect(q.remaining).toBe(1);
    expect(ids(q.take(12, 10))).toEqual([5]);
    expect(q.take(12, 10)).toBeNull();
    expect(q.remaining).toBe(0);
  });

  it('follows runs added while it is in use, and hands out only full batches when asked', () => {
    const runs = runsOf([5, 5]);
    const q = new RunQueue(runs);
    expect(q.take(100, 3, true)).toBeNull(); // 2 runs, 10 characters: not full, more may come
    expect(q.remaining).toBe(2);
    runs.push(...runsOf([5, 5]).map((r, i) => ({ ...r, block: { id: 2 + i } as unknown as Node })));
    expect(ids(q.take(100, 3, true))).toEqual([0, 1, 2]); // full by count
    expect(q.take(8, 3, true)).toBeNull();
    runs.push(...runsOf([5]).map((r) => ({ ...r, block: { id: 4 } as unknown as Node })));
    expect(ids(q.take(8, 3, true))).toEqual([3]); // full by characters (the next does not fit)...
    expect(q.take(100, 3, true)).toBeNull();
    expect(ids(q.take(100, 3))).toEqual([4]); // ...and the rest when the page is complete
    expect(q.take(100, 3)).toBeNull();
  });

  it('sends prioritized runs first, each run once', () => {
    const q = new RunQueue(runsOf([1, 1, 1, 1, 1, 1, 1, 1]));
    expect(ids(q.take(100, 2))).toEqual([0, 1]);
    q.prioritize([1, 5, 6]); // 1 was sent already
    expect(ids(q.take(100, 1))).toEqual([5]);
    expect(ids(q.take(100, 3))).toEqual([6, 2, 3]);
    expect(ids(q.take(100, 9))).toEqual([4, 7]);
    expect(q.take(100, 9)).toBeNull();
  });
});

/** RunQueue.take as it was before it counted the characters ahead: pick run by run, put back. */
class PickingQueue {
  private readonly taken = new Set<number>();
  private next = 0;
  private priority: number[] = [];
  private nextPriority = 0;
  constructor(private readonly runs: readonly TextRun[]) {}
  prioritize(indices: readonly number[]): void {
    this.priority = indices.filter((i) => i >= 0 && i < this.runs.length && !this.taken.has(i));
    this.nextPriority = 0;
  }
  take(maxChars: number, maxRuns: number, fullOnly: boolean): number[] | null {
    if (this.runs.length === this.taken.size) return null;
    const picked: number[] = [];
    let chars = 0;
    const pick = (i: number) => {
      if (this.taken.has(i)) return true;
      const length = (this.runs[i] as TextRun).text.length;
      if (picked.length > 0 && (picked.length >= maxRuns || chars + length > maxChars)) return false;
      picked.push(i);
      chars += length;
      this.taken.add(i);
      return true;
    };
    const [p0, n0] = [this.nextPriority, this.next];
    let full = false;
    while (this.nextPriority < this.priority.length && !full) {
      if (pick(this.priority[this.nextPriority] as number)) this.nextPriority++;
      else full = true;
    }
    while (this.next < this.runs.length && !full) {
      if (pick(this.next)) this.next++;
      else full = true;
    }
    if (picked.length === 0 || (fullOnly && !full && picked.length < maxRuns)) {
      for (const i of picked) this.taken.delete(i);
      [this.nextPriority, this.next] = [p0, n0];
      return null;
    }
    return picked;
  }
}

describe('RunQueue against picking run by run', () => {
  it('hands out the same batches while runs keep coming, whatever the limits and priorities', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ add: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 20 }) }),
            fc.record({
              chars: fc.integer({ min: 1, max: 150 }),
              runs: fc.integer({ min: 1, max: 8 }),
              full: fc.boolean(),
            }),
            fc.record({ prioritize: fc.array(fc.nat({ max: 200 }), { maxLength: 6 }) }),
          ),
          { maxLength: 60 },
        ),
        (ops) => {
          const runs: TextRun[] = [];
          const q = new RunQueue(runs);
          const reference = new PickingQueue(runs);
          for (const op of ops) {
            if ('add' in op)
              runs.push(
                ...runsOf(op.add).map((r, i) => ({
                  ...r,
                  block: { id: runs.length + i } as unknown as Node,
                })),
              );
            else if ('prioritize' in op) {
              q.prioritize(op.prioritize);
              reference.prioritize(op.prioritize);
            } else
              expect(ids(q.take(op.chars, op.runs, op.full))).toEqual(
                reference.take(op.chars, op.runs, op.full),
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('findVisible', () => {
  /** Blocks 20 px tall, one under the other, the viewport [top, bottom] scrolled to `scroll`. */
  const flow =
    (scroll: number, hidden: ReadonlySet<number> = new Set()) =>
    (block: Node): Box => {
      const id = (block as unknown as { id: number }).id;
      if (hidden.has(id)) return { top: 0, bottom: 0, width: 0, height: 0 };
      return { top: id * 20 - scroll, bottom: id * 20 + 20 - scroll, width: 100, height: 20 };
    };

  it('finds the runs in the viewport with a few box reads', () => {
    const runs = runsOf(Array.from({ length: 10_000 }, () => 3));
    let reads = 0;
    const boxOf = flow(100_000);
    const visible = findVisible(runs, 0, 700, (b) => {
      reads++;
      return boxOf(b);
    });
    // Blocks 5000..5035 meet [0, 700] once scrolled by 100,000 px.
    expect(visible[0]).toBe(4999);
    expect(visible.at(-1)).toBe(5035);
    expect(visible.length).toBe(37);
    expect(reads).toBeLessThan(120);
  });

  it('passes over blocks that are not rendered', () => {
    const runs = runsOf(Array.from({ length: 100 }, () => 3));
    const hidden = new Set([0, 1, 2, 10, 11, 40]);
    const visible = findVisible(runs, 0, 200, flow(0, hidden));
    expect(visible).toEqual([3, 4, 5, 6, 7, 8, 9]); // 10 meets the viewport but is hidden
  });

  it('finds nothing on a page with nothing rendered, and stops at the deadline', () => {
    const runs = runsOf(Array.from({ length: 50 }, () => 3));
    expect(findVisible(runs, 0, 700, () => ({ top: 0, bottom: 0, width: 0, height: 0 }))).toEqual([]);
    expect(findVisible(runs, 0, 700, flow(0), () => true).length).toBe(16);
  });
});
