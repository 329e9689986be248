// Scanning: collect text runs, ask the background for mentions, mark them. The viewport first, the
// rest in idle time; every main-thread slice stays within a small time budget (well under 50 ms).
// Later changes come through a debounced, bounded MutationObserver that re-scans only the blocks that
// changed.

import {
  isBlockElement,
  isRunIntact,
  isSkippedElement,
  iterateTextRuns,
  type TextRun,
} from '../match/text-runs.ts';
import type { MatchRunsResponse } from '../messaging.ts';
import type { Marks } from './marks.ts';

export const SCAN_LIMITS = {
  /** Main-thread budget of one slice of work. */
  sliceMs: 8,
  /** One matchRuns request carries at most this many characters / runs. */
  batchChars: 20_000,
  batchRuns: 400,
  /** Mutations are applied this long after the last one (but at least every maxWaitMs). */
  debounceMs: 200,
  maxWaitMs: 1_000,
  /** More dirty blocks than this in one flush: re-scan the whole body instead. */
  maxDirtyBlocks: 100,
  /** Viewport margin (in viewport heights) still counted as "visible first". */
  viewportMargin: 0.5,
} as const;

export type Matcher = (runs: string[]) => Promise<MatchRunsResponse>;

export interface ScannerOptions {
  marks: Marks;
  match: Matcher;
  /** Our own UI and anything else never scanned. */
  skip?: (element: Element) => boolean;
  /** Called after each batch is marked (for the highlight to be registered lazily). */
  onMarked?: () => void;
  onError?: (error: unknown) => void;
}

const now = () => performance.now();

/** Lets the browser handle input and paint before the next slice. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the next frame has been rendered (or after 100 ms when no frame comes: hidden tabs). */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

export function whenIdle(timeout = 500): Promise<void> {
  if (typeof requestIdleCallback === 'function') {
    return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout }));
  }
  return new Promise((resolve) => setTimeout(resolve, 1));
}

function isVisible(run: TextRun, top: number, bottom: number): boolean {
  const block = run.block as Element;
  if (typeof block.getBoundingClientRect !== 'function') return true;
  const rect = block.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  return rect.bottom >= top && rect.top <= bottom;
}

/** Splits runs into requests of bounded size. */
export function batchRuns(runs: readonly TextRun[], maxChars: number, maxRuns: number): TextRun[][] {
  const batches: TextRun[][] = [];
  let batch: TextRun[] = [];
  let chars = 0;
  for (const run of runs) {
    if (batch.length > 0 && (chars + run.text.length > maxChars || batch.length >= maxRuns)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(run);
    chars += run.text.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export class Scanner {
  private generation = 0;
  private observer: MutationObserver | null = null;
  private dirty = new Set<Node>();
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private firstDirtyAt = 0;
  /** Blocks were removed: their marks are dropped at the next flush. */
  private prune = false;
  /** Longest main-thread slice seen (ms), for the benchmark. */
  longestSliceMs = 0;

  constructor(private readonly opts: ScannerOptions) {}

  /** Cancels every scan in flight (their results are dropped). */
  cancel(): void {
    this.generation++;
    this.dirty.clear();
    this.prune = false;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
  }

  /** Scans `root`: the runs in (or near) the viewport first, the rest in idle time. */
  async scan(root: Node): Promise<void> {
    const gen = this.generation;
    const runs: TextRun[] = [];
    const iterator = iterateTextRuns(root, { skip: this.opts.skip });
    for (;;) {
      const t0 = now();
      let done = false;
      while (now() - t0 < SCAN_LIMITS.sliceMs) {
        const next = iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        runs.push(next.value);
      }
      this.note(t0);
      if (done) break;
      await yieldToMain();
      if (gen !== this.generation) return;
    }
    if (runs.length === 0) return;
    // Reading boxes forces a layout: after the next frame the browser has done it already.
    await afterNextFrame();
    if (gen !== this.generation) return;
    const margin = innerHeight * SCAN_LIMITS.viewportMargin;
    const visible: TextRun[] = [];
    const rest: TextRun[] = [];
    for (let i = 0; i < runs.length; ) {
      const t0 = now();
      for (; i < runs.length && now() - t0 < SCAN_LIMITS.sliceMs; i++) {
        const run = runs[i] as TextRun;
        (isVisible(run, -margin, innerHeight + margin) ? visible : rest).push(run);
      }
      this.note(t0);
      if (i < runs.length) {
        await yieldToMain();
        if (gen !== this.generation) return;
      }
    }
    const { batchChars, batchRuns: maxRuns } = SCAN_LIMITS;
    const first = batchRuns(visible, batchChars, maxRuns);
    const later = batchRuns(rest, batchChars, maxRuns);
    // Visible batches are requested together (the background answers them in order).
    await Promise.all(first.map((batch) => this.markBatch(batch, gen)));
    for (const batch of later) {
      if (gen !== this.generation) return;
      await whenIdle();
      await this.markBatch(batch, gen);
    }
  }

  private note(t0: number): void {
    const d = now() - t0;
    if (d > this.longestSliceMs) this.longestSliceMs = d;
  }

  private async markBatch(batch: TextRun[], gen: number): Promise<void> {
    let res: MatchRunsResponse;
    try {
      res = await this.opts.match(batch.map((r) => r.text));
    } catch (error) {
      this.opts.onError?.(error);
      return;
    }
    if (gen !== this.generation) return;
    const { marks } = this.opts;
    let t0 = now();
    let checked = -1;
    let intact = false;
    for (const m of res.mentions) {
      const run = batch[m.run];
      const brief = res.entities[m.entityId];
      if (!run || !brief) continue;
      if (checked !== m.run) {
        checked = m.run;
        intact = isRunIntact(run);
      }
      if (!intact) continue; // changed since collection: the MutationObserver re-scans it
      marks.add(run, m.start, m.end, m.entityId, brief);
      if (now() - t0 > SCAN_LIMITS.sliceMs) {
        this.note(t0);
        this.opts.onMarked?.();
        await yieldToMain();
        if (gen !== this.generation) return;
        t0 = now();
        checked = -1;
      }
    }
    this.note(t0);
    this.opts.onMarked?.();
  }

  /** Watches `root` (the body) for content that arrives later. */
  observe(root: Node): void {
    this.observer?.disconnect();
    this.observer = new MutationObserver((records) => this.onMutations(records, root));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private onMutations(records: MutationRecord[], root: Node): void {
    if (this.dirty.size === 0 && !this.prune) this.firstDirtyAt = now();
    const dirty = (node: Node | null) => {
      if (node) this.dirty.add(node);
    };
    for (const record of records) {
      if (this.dirty.has(root)) break;
      if (record.type === 'characterData') {
        dirty(closestBlock(record.target.parentNode, root));
        continue;
      }
      // A block added (a new post in a feed) is scanned alone; text or an inline element added or
      // removed changes the run around it, so its block is scanned again. Removed blocks take their
      // marks with them (pruned, nothing to scan).
      let runChanged = false;
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && isBlockElement(node as Element)) dirty(node);
        else if (affectsRun(node)) runChanged = true;
      }
      for (const node of record.removedNodes) {
        if (node.nodeType === 1 && isBlockElement(node as Element)) this.prune = true;
        else if (affectsRun(node)) runChanged = true;
      }
      if (runChanged) dirty(closestBlock(record.target, root));
      if (this.dirty.size > SCAN_LIMITS.maxDirtyBlocks) {
        this.dirty.clear();
        this.dirty.add(root);
      }
    }
    if (this.dirty.size === 0 && !this.prune) return;
    clearTimeout(this.debounceTimer);
    const wait = Math.min(
      SCAN_LIMITS.debounceMs,
      Math.max(0, this.firstDirtyAt + SCAN_LIMITS.maxWaitMs - now()),
    );
    this.debounceTimer = setTimeout(() => this.flushDirty(), wait);
  }

  private flushDirty(): void {
    this.debounceTimer = undefined;
    this.prune = false;
    const skip = { skip: this.opts.skip };
    const blocks = Array.from(this.dirty).filter((b) => b.isConnected && !isInSkipped(b, skip));
    this.dirty.clear();
    // Only the outermost dirty blocks: a block inside another is scanned with it.
    const outer = blocks.filter((b) => !blocks.some((other) => other !== b && other.contains(b)));
    this.opts.marks.removeWithin(outer);
    for (const block of outer) void this.scan(block);
  }
}

/** Whether adding or removing `node` can change a text run (whitespace between blocks cannot). */
function affectsRun(node: Node): boolean {
  if (node.nodeType === 1) return true;
  if (node.nodeType !== 3) return false; // comments, processing instructions
  if (/\S/.test((node as Text).data)) return true;
  const isBlock = (n: Node | null) => !n || (n.nodeType === 1 && isBlockElement(n as Element));
  return !(isBlock(node.previousSibling) || isBlock(node.nextSibling));
}

/** The nearest block element at or above `node` (never above `root`). */
export function closestBlock(node: Node | null, root: Node): Node | null {
  for (let n = node; n; n = n.parentNode) {
    if (n === root) return root;
    if (n.nodeType === 1 && isBlockElement(n as Element)) return n;
  }
  return null;
}

/** True when `node` or one of its ancestors is skipped (an editable region, a <pre>, our own UI...). */
export function isInSkipped(node: Node, opts: { skip?: (element: Element) => boolean }): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && isSkippedElement(n as Element, opts)) return true;
  }
  return false;
}
