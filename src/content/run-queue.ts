// The order in which a scan sends its text runs to the background: document order, except that runs
// found in (or near) the viewport jump the queue once the layout is known. Kept apart from the
// scanner so the ordering is tested without a browser.

import type { TextRun } from '../match/text-runs.ts';

/** The part of a box the viewport test needs (a DOMRect). */
export interface Box {
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export class RunQueue {
  private readonly taken: Uint8Array;
  /** The first run (in document order) that may not be taken yet. */
  private next = 0;
  private priority: number[] = [];
  private nextPriority = 0;
  private left: number;

  /** `sent`: the first runs were handed out already. */
  constructor(
    private readonly runs: readonly TextRun[],
    sent = 0,
  ) {
    this.taken = new Uint8Array(runs.length);
    const n = Math.min(Math.max(0, sent), runs.length);
    this.taken.fill(1, 0, n);
    this.next = n;
    this.left = runs.length - n;
  }

  /** Runs not handed out yet. */
  get remaining(): number {
    return this.left;
  }

  /** Moves these runs (indices into the queue's runs) to the front, in the order given. */
  prioritize(indices: readonly number[]): void {
    this.priority = indices.filter((i) => i >= 0 && i < this.runs.length && !this.taken[i]);
    this.nextPriority = 0;
  }

  /** The next batch: at most `maxRuns` runs and `maxChars` characters (one run at least); null when none is left. */
  take(maxChars: number, maxRuns: number): TextRun[] | null {
    if (this.left === 0) return null;
    const batch: TextRun[] = [];
    let chars = 0;
    const fits = (run: TextRun) =>
      batch.length === 0 || (batch.length < maxRuns && chars + run.text.length <= maxChars);
    const add = (i: number): boolean => {
      const run = this.runs[i] as TextRun;
      if (!fits(run)) return false;
      batch.push(run);
      chars += run.text.length;
      this.taken[i] = 1;
      this.left--;
      return true;
    };
    for (; this.nextPriority < this.priority.length; this.nextPriority++) {
      const i = this.priority[this.nextPriority] as number;
      if (this.taken[i]) continue;
      if (!add(i)) return batch;
    }
    for (; this.next < this.runs.length; this.next++) {
      if (this.taken[this.next]) continue;
      if (!add(this.next)) break;
    }
    return batch;
  }
}

/** How far past the viewport's bottom the search goes: this many blocks in a row below it. */
const BELOW_TO_STOP = 24;

/**
 * The indices of the runs whose block's box meets [top, bottom] (viewport coordinates), found with
 * a few box reads rather than one per run: a binary search for the first block not above `top`,
 * then a walk forward until blocks stay below `bottom`. It assumes blocks mostly follow document
 * order down the page; where they do not (positioned or reordered elements), a visible run may be
 * missed and is simply marked in document order, a little later. Stops reading boxes when
 * `deadline()` says so.
 */
export function findVisible(
  runs: readonly TextRun[],
  top: number,
  bottom: number,
  boxOf: (block: Node) => Box | null,
  deadline: () => boolean = () => false,
): number[] {
  let cachedBlock: Node | null = null;
  let cachedBox: Box | null = null;
  const box = (i: number): Box | null => {
    const block = (runs[i] as TextRun).block;
    if (block !== cachedBlock) {
      cachedBlock = block;
      const b = boxOf(block);
      cachedBox = b && (b.width > 0 || b.height > 0) ? b : null; // not rendered
    }
    return cachedBox;
  };
  /** A rendered run at or after i (a few steps at most), for the search. */
  const rendered = (i: number, limit: number): { i: number; box: Box } | null => {
    for (let j = i; j < limit && j < i + 8; j++) {
      const b = box(j);
      if (b) return { i: j, box: b };
    }
    return null;
  };
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = rendered(mid, hi);
    if (r && r.box.bottom < top) lo = r.i + 1;
    else hi = mid;
  }
  const visible: number[] = [];
  let below = 0;
  let lastBlock: Node | null = null;
  for (let i = lo; i < runs.length && below < BELOW_TO_STOP; i++) {
    const b = box(i);
    const block = (runs[i] as TextRun).block;
    const newBlock = block !== lastBlock;
    lastBlock = block;
    if (!b) continue;
    if (b.top > bottom) {
      if (newBlock) below++;
    } else if (b.bottom >= top) {
      visible.push(i);
      below = 0;
    }
    if ((i & 15) === 15 && deadline()) break;
  }
  return visible;
}
