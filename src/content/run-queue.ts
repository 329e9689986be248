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
  /** 1 for each run handed out (grown with the runs). */
  private taken = new Uint8Array(64);
  private handedOut = 0;
  /** The first run (in document order) that may not be taken yet. */
  private next = 0;
  private priority: number[] = [];
  private nextPriority = 0;
  /** Characters of the runs before `summed` / before `next` (their difference: those ahead). */
  private total = 0;
  private summed = 0;
  private passed = 0;

  declare private readonly runs: readonly TextRun[];

  /** `runs` may grow while the queue is in use (the page is still being collected). */
  constructor(runs: readonly TextRun[]) {
    this.runs = runs;
  }

  /** Runs not handed out yet. */
  get remaining(): number {
    return this.runs.length - this.handedOut;
  }

  /** Moves these runs (indices into the queue's runs) to the front, in the order given. */
  prioritize(indices: readonly number[]): void {
    this.priority = indices.filter((i) => i >= 0 && i < this.runs.length && !this.isTaken(i));
    this.nextPriority = 0;
  }

  /**
   * The next batch: at most `maxRuns` runs and `maxChars` characters (one run at least); null when
   * none is left. With `fullOnly`, a batch only when it is full (more runs may still come).
   */
  take(maxChars: number, maxRuns: number, fullOnly = false): TextRun[] | null {
    if (this.remaining === 0) return null;
    const runs = this.runs;
    for (; this.summed < runs.length; this.summed++) this.total += (runs[this.summed] as TextRun).text.length;
    // While runs are still collected (the scanner asks every 16): too few runs and characters ahead
    // for a full batch, counted without picking them one by one and putting them back (that cost the
    // 1 MB bench page ~6 ms of main thread, CPU profiles). Taken runs count too: an upper bound.
    if (
      fullOnly &&
      this.nextPriority >= this.priority.length &&
      runs.length - this.next < maxRuns &&
      this.total - this.passed <= maxChars
    )
      return null;
    const picked: number[] = [];
    let chars = 0;
    /** Takes run i if it fits; false when the batch is full. */
    const pick = (i: number): boolean => {
      if (this.isTaken(i)) return true;
      const length = (this.runs[i] as TextRun).text.length;
      if (picked.length > 0 && (picked.length >= maxRuns || chars + length > maxChars)) return false;
      picked.push(i);
      chars += length;
      this.setTaken(i);
      return true;
    };
    const [p0, n0, c0] = [this.nextPriority, this.next, this.passed];
    let full = false;
    while (this.nextPriority < this.priority.length && !full) {
      if (pick(this.priority[this.nextPriority] as number)) this.nextPriority++;
      else full = true;
    }
    while (this.next < runs.length && !full) {
      if (pick(this.next)) this.passed += (runs[this.next++] as TextRun).text.length;
      else full = true;
    }
    if (picked.length === 0 || (fullOnly && !full && picked.length < maxRuns)) {
      // Not full yet: put them back.
      for (const i of picked) (this.taken as Uint8Array)[i] = 0;
      [this.nextPriority, this.next, this.passed] = [p0, n0, c0];
      return null;
    }
    this.handedOut += picked.length;
    return picked.map((i) => this.runs[i] as TextRun);
  }

  private isTaken(i: number): boolean {
    return i < this.taken.length && this.taken[i] === 1;
  }

  private setTaken(i: number): void {
    if (i >= this.taken.length) {
      const grown = new Uint8Array(Math.max(this.taken.length * 2, i + 1));
      grown.set(this.taken);
      this.taken = grown;
    }
    this.taken[i] = 1;
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
