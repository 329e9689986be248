// Scanning: collect text runs, ask the background for mentions, mark them, the viewport first; no
// main-thread slice longer than a few milliseconds. Later changes come through a debounced, bounded
// MutationObserver that re-scans only the blocks that changed.
//
// The order of work (measured on bench/page.ts's 1 MB page, ~17,900 marks; see docs/ARCHITECTURE.md):
// - runs are collected in slices, and batches go out while the page is still being collected: first a
//   small one (the top of the page, before the layout is known), then full ones. The first slice, at
//   DOMContentLoaded, ends as soon as that small batch is sent: the page's own first layout and paint
//   follow in the same task, and 8 ms of ours before them delayed the page's first paint (traced on
//   the 100 KB bench article: our DOMContentLoaded work 11 → 5 ms, the page's first frame and the
//   first marks ~5-15 ms sooner; wall-clock bench medians could not resolve the difference);
// - once collection is done, after the next frame (layout done by the browser), a few box reads find
//   the runs in the viewport (findVisible), which jump the queue (RunQueue). On a long page opened
//   scrolled down (an #anchor, a restored scroll position), the visible runs therefore wait for the
//   whole collection (a few slices of ~8 ms on a 1 MB page), not for the batches before them;
// - requests are pipelined, several in flight, so the background matches the next batches while one is
//   marked (waiting for requestIdleCallback before each batch cost ~50 ms per batch: a callback posted
//   during an idle period runs in the next one); answers come packed (numbers, not objects). Once the
//   viewport's runs are queued first, all the rest go out, a slice of sending at a time, without
//   waiting for answers (up to inFlightOnceQueued): with six in flight to the end, each later
//   request waited for an answer to be marked, and on the 1 MB page an answer took 50–170 ms to
//   come back (sent → delivered) while the worker spent 0.5–2 ms on it: the time is the browser
//   routing messages and the two cores shared by every process (a timeline of one load, 2026-11-27).
//   Paired loads: total 500 → 469, 478 → 441, 423 → 428 ms (16 rounds each) and 505 → 471 ms (30
//   rounds; sends bounded to a slice, see fill). Tried and dropped then: one long-lived port
//   (runtime.connect) for the batches instead of a sendMessage each (one channel instead of a
//   channel per batch: round trip 1.8 → 1.1 ms on an idle page, the browser's CPU per 1 MB load
//   ~30 ms less) showed no steady gain in paired loads (481 → 452, 423 → 434 ms) for 0.9 kB more
//   content script;
// - marks are drawn in few steps, and on a page with many marks only near the viewport (see Marks:
//   every frame after a draw costs the browser time for every mark drawn).

import {
  isBlockElement,
  isRunIntact,
  isSkippedElement,
  type TextRun,
  TextRunWalker,
} from '../match/text-runs.ts';
import type { MatchRunsRequest, MatchRunsResponse } from '../messaging.ts';
import { afterNextFrame, DRAWING, type Marks } from './marks.ts';
import { findVisible, RunQueue } from './run-queue.ts';

export const SCAN_LIMITS = {
  /** Main-thread budget of one slice of work. */
  sliceMs: 8,
  /** One matchRuns request carries at most this many characters / runs. */
  batchChars: 20_000,
  batchRuns: 400,
  /** The first request (the top of the page, before the layout is known) is small: marks come sooner. */
  firstBatchChars: 3_000,
  firstBatchRuns: 60,
  /** Requests in flight at once while the page is collected (the background answers them in order). */
  inFlight: 6,
  /** ...and once the viewport's runs are queued first (see scan()): the rest go out together. */
  inFlightOnceQueued: 32,
  /** Mutations are applied this long after the last one (but at least every maxWaitMs). */
  debounceMs: 200,
  maxWaitMs: 1_000,
  /** More dirty blocks than this in one flush: re-scan the whole body instead. */
  maxDirtyBlocks: 100,
  /** Viewport margin (in viewport heights) still counted as "visible first". */
  viewportMargin: 0.5,
} as const;

export type Matcher = (request: MatchRunsRequest) => Promise<MatchRunsResponse>;

export interface ScannerOptions {
  marks: Marks;
  match: Matcher;
  /** Our own UI and anything else never scanned. */
  skip?: (element: Element) => boolean;
  /** Called after marks are drawn (for the highlight to be registered lazily). */
  onMarked?: () => void;
  onError?: (error: unknown) => void;
}

const now = () => performance.now();

type Scheduler = { yield?: () => Promise<void>; postTask?: (task: () => void, o?: object) => Promise<void> };

/**
 * Lets the browser handle input and paint before the next slice. scheduler.yield() resumes before
 * the tasks already queued (the slices of one job stay together); with `fair`, a normal task resumes
 * after them, so an answer that has arrived (a message task) is handled first.
 * Open question (2026-11-26, traced on the 1 MB bench page): right after DOMContentLoaded the fair
 * continuation resumed ~127 ms late, together with the first answer's task, while the renderer sat
 * idle; a MessageChannel message resumed at once, but paired loads showed no steady gain (one run of
 * three: 218 → 180 ms), so these yields stay until that is understood.
 */
export function yieldToMain(fair = false): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (fair && s?.postTask) return s.postTask(() => {}, { priority: 'user-visible' });
  if (!fair && s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function boxOf(block: Node): DOMRect | null {
  const element = block as Element;
  return typeof element.getBoundingClientRect === 'function' ? element.getBoundingClientRect() : null;
}

/**
 * The mentions of an answer as packed numbers (run, start, end, entity index). The scanner always asks
 * for this form, and the worker and this script ship together, so no other form is read.
 */
export function packedMentions(res: MatchRunsResponse): {
  packed: readonly number[];
  ids: readonly string[];
} {
  return { packed: res.packed ?? [], ids: res.entityIds ?? [] };
}

export class Scanner {
  #generation = 0;
  #observer: MutationObserver | null = null;
  #dirty = new Set<Node>();
  #debounceTimer: ReturnType<typeof setTimeout> | undefined;
  #firstDirtyAt = 0;
  /** Blocks were removed: their marks are dropped at the next flush. */
  #prune = false;
  /** When the last scan finished (performance.now()), for the benchmark. */
  doneAt = 0;
  /** Set when the first marks were drawn: collection lets a frame paint them first (see #commit). */
  #paintFirst: Promise<void> | null = null;
  /** Longest main-thread slice seen (ms), for the benchmark. */
  longestSliceMs = 0;
  /** All slices together (ms), for the benchmark: less at the mercy of a busy machine than the total. */
  busyMs = 0;

  declare private readonly opts: ScannerOptions;
  // Declared, not a parameter property (which emits a class field too: bytes of the content script).
  constructor(opts: ScannerOptions) {
    this.opts = opts;
  }

  /** Cancels every scan in flight (their results are dropped). */
  cancel(): void {
    this.#generation++;
    this.#dirty.clear();
    this.#prune = false;
    clearTimeout(this.#debounceTimer);
    this.#debounceTimer = undefined;
  }

  /** Scans `root` (or several roots, in order): the runs in (or near) the viewport first, then the rest. */
  async scan(root: Node | readonly Node[]): Promise<void> {
    const gen = this.#generation;
    this.#paintFirst = null; // the first marks were drawn before this scan (while the page loaded)
    const L = SCAN_LIMITS;
    const { marks } = this.opts;
    const runs: TextRun[] = [];
    const queue = new RunQueue(runs);
    const shown = new Set<TextRun>();
    let collecting = true;
    // Requests in flight, answered in order: the background matches the next ones while one is
    // marked. They go out while the page is still being collected, the first one small (the top of
    // the page), the others once full.
    const inFlight: Array<{ batch: TextRun[]; answer: Promise<MatchRunsResponse | null> }> = [];
    let sent = 0;
    let firstDrawn = false;
    let limit: number = L.inFlight;
    let wake: (() => void) | null = null;
    // Sends what the limit allows, for at most a slice's time: a send costs 0.3–1 ms alone, but up to
    // tens of ms each while every process wants the cores, so sending twenty at once made long tasks.
    const fill = () => {
      const t0 = now();
      while (gen === this.#generation && inFlight.length < limit && now() - t0 < L.sliceMs) {
        const batch =
          sent === 0
            ? queue.take(L.firstBatchChars, L.firstBatchRuns, collecting)
            : queue.take(L.batchChars, L.batchRuns, collecting);
        if (!batch) break;
        sent++;
        inFlight.push({ batch, answer: this.#request(batch) });
      }
      if (wake && (inFlight.length > 0 || !collecting)) {
        const resume = wake;
        wake = null;
        resume();
      }
    };
    const marking = (async () => {
      for (let i = 0; ; i++) {
        while (inFlight.length === 0) {
          if (!collecting || gen !== this.#generation) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
        const { batch, answer } = inFlight[0] as (typeof inFlight)[number];
        const res = await answer;
        inFlight.shift();
        if (gen !== this.#generation) return;
        // The next requests go out before this answer is marked (the background matches them
        // meanwhile), except after the first answer: its marks are drawn first.
        if (i > 0) fill();
        if (res && !(await this.#markBatch(batch, res, gen))) return;
        // The first batch and the viewport's are drawn at once, the rest at the end (each draw costs
        // the browser time for every mark drawn); beyond DRAWING.allUpTo marks every batch, as only
        // its marks in the drawing window are drawn (see Marks), few or none.
        const inView = i === 0 || batch.some((run) => shown.has(run));
        if (inView || marks.size > DRAWING.allUpTo) this.#commit();
        if (i === 0) fill();
        firstDrawn = true;
      }
    })();
    // While the first answer is awaited, collection yields fairly: the answer (a message task) is
    // marked and drawn in the next frame instead of after the whole page is collected (on a 100 KB
    // page, ~20–40 ms sooner; the first paint of the page is often that close).
    const collected = await this.#collect(root, gen, runs, fill, () => sent > 0 && !firstDrawn);
    collecting = false;
    if (collected && runs.length > 0) {
      // The viewport, once the layout is known: its runs are sent next and drawn at once.
      void afterNextFrame().then(async () => {
        if (gen !== this.#generation || queue.remaining === 0) return;
        const t0 = now();
        const margin = innerHeight * L.viewportMargin;
        const deadline = () => now() - t0 > L.sliceMs;
        const visible = findVisible(runs, -margin, innerHeight + margin, boxOf, deadline);
        for (const i of visible) shown.add(runs[i] as TextRun);
        queue.prioritize(visible);
        this.#note(t0);
        // The viewport's runs go first; the rest need no holding back any more: all of them go out
        // now, in slices of their own, instead of one request per answer marked (see the header).
        limit = L.inFlightOnceQueued;
        for (let before = -1; before !== sent && queue.remaining > 0 && inFlight.length < limit; ) {
          await yieldToMain();
          if (gen !== this.#generation) return;
          const t1 = now();
          before = sent;
          fill();
          this.#note(t1);
        }
      });
    }
    fill();
    await marking;
    if (gen === this.#generation) {
      this.#commit();
      this.doneAt = now();
      marks.follow();
    }
  }

  /**
   * While the page is still loading: marks the top of what is parsed so far (one small batch of the
   * blocks the parser is done with, see isComplete), so the first marks can come with the page's first
   * paint instead of after the layout that follows DOMContentLoaded. The scan at DOMContentLoaded
   * sends these runs again; Marks refuses the duplicates. False when nothing complete was found.
   */
  async scanTop(root: Node, isComplete: (run: TextRun) => boolean): Promise<boolean> {
    const gen = this.#generation;
    const t0 = now();
    const batch: TextRun[] = [];
    let chars = 0;
    const walker = new TextRunWalker(root, { skip: this.opts.skip });
    for (let run = walker.next(); run; run = walker.next()) {
      if (!isComplete(run)) break;
      batch.push(run);
      chars += run.text.length;
      if (chars >= SCAN_LIMITS.firstBatchChars || batch.length >= SCAN_LIMITS.firstBatchRuns) break;
    }
    this.#note(t0);
    if (batch.length === 0) return false;
    const res = await this.#request(batch);
    if (gen !== this.#generation || !res) return true;
    if (await this.#markBatch(batch, res, gen)) this.#commit();
    return true;
  }

  /**
   * Collects the runs under `roots` into `runs`, in slices; `onProgress` runs every 16 runs (batches
   * go out as soon as they are full). False when the scan was cancelled meanwhile.
   */
  async #collect(
    roots: Node | readonly Node[],
    gen: number,
    runs: TextRun[],
    onProgress: () => void,
    fair: () => boolean,
  ): Promise<boolean> {
    const list: readonly Node[] = Array.isArray(roots) ? roots : [roots as Node];
    if (list.length === 0) return true;
    const skip = { skip: this.opts.skip };
    let r = 0;
    let walker = new TextRunWalker(list[0] as Node, skip);
    for (let slice = 0; ; slice++) {
      const t0 = now();
      for (let n = 1; ; n++) {
        let run = walker.next();
        while (!run && ++r < list.length) {
          walker = new TextRunWalker(list[r] as Node, skip);
          run = walker.next();
        }
        if (!run) {
          this.#note(t0);
          return true;
        }
        run.order = runs.push(run);
        if ((n & 15) === 0) {
          onProgress();
          // The first slice ends once the top of the page is sent (the first request): at
          // DOMContentLoaded the page's own first layout and paint come next, and the rest of the
          // collection waits for them instead of delaying them.
          if (now() - t0 >= SCAN_LIMITS.sliceMs || (slice === 0 && fair())) break;
        }
      }
      this.#note(t0);
      await yieldToMain(fair());
      // The first marks were drawn meanwhile (an answer handled while this slice waited): a frame
      // paints them before the next slice.
      const paint = this.#paintFirst;
      this.#paintFirst = null;
      if (paint) await paint;
      if (gen !== this.#generation) return false;
    }
  }

  #note(t0: number): void {
    const d = now() - t0;
    this.busyMs += d;
    if (d > this.longestSliceMs) this.longestSliceMs = d;
  }

  async #request(batch: TextRun[]): Promise<MatchRunsResponse | null> {
    try {
      return await this.opts.match({ runs: batch.map((r) => r.text), packed: true });
    } catch (error) {
      this.opts.onError?.(error);
      return null;
    }
  }

  /** Draws the marks made so far. */
  #commit(): void {
    if (this.opts.marks.pending === 0) return;
    const t0 = now();
    const first = this.opts.marks.drawn === 0;
    this.opts.marks.commit();
    this.#note(t0);
    this.opts.onMarked?.();
    // The first marks on the page: the next collection slice waits until a frame has drawn them.
    // (Slices resume through scheduler.yield(), ahead of rendering: on the 100 KB bench article one to
    // three slices, 14-30 ms, ran between the first answer and the frame that drew it, traced.)
    if (first && this.opts.marks.drawn > 0) this.#paintFirst = afterNextFrame();
  }

  /** Marks one batch's mentions in slices; false when the scan was cancelled meanwhile. */
  async #markBatch(batch: TextRun[], res: MatchRunsResponse, gen: number): Promise<boolean> {
    const { marks } = this.opts;
    const { packed, ids } = packedMentions(res);
    let t0 = now();
    let checked = -1;
    let intact = false;
    for (let i = 0; i < packed.length; i += 4) {
      const r = packed[i] as number;
      const run = batch[r];
      const entityId = ids[packed[i + 3] as number];
      const brief = entityId === undefined ? undefined : res.entities[entityId];
      if (!run || !brief || entityId === undefined) continue;
      if (checked !== r) {
        checked = r;
        intact = isRunIntact(run);
      }
      if (!intact) continue; // changed since collection: the MutationObserver re-scans it
      marks.add(run, packed[i + 1] as number, packed[i + 2] as number, entityId, brief);
      if ((i & 63) === 60 && now() - t0 > SCAN_LIMITS.sliceMs) {
        this.#note(t0);
        await yieldToMain();
        if (gen !== this.#generation) return false;
        t0 = now();
        checked = -1;
      }
    }
    this.#note(t0);
    return true;
  }

  /** Watches `root` (the body) for content that arrives later. */
  observe(root: Node): void {
    this.#observer?.disconnect();
    this.#observer = new MutationObserver((records) => this.#onMutations(records, root));
    this.#observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  #onMutations(records: MutationRecord[], root: Node): void {
    if (this.#dirty.size === 0 && !this.#prune) this.#firstDirtyAt = now();
    const dirty = (node: Node | null) => {
      if (node) this.#dirty.add(node);
    };
    for (const record of records) {
      if (this.#dirty.has(root)) break;
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
        if (node.nodeType === 1 && isBlockElement(node as Element)) this.#prune = true;
        else if (affectsRun(node)) runChanged = true;
      }
      if (runChanged) dirty(closestBlock(record.target, root));
      if (this.#dirty.size > SCAN_LIMITS.maxDirtyBlocks) {
        this.#dirty.clear();
        this.#dirty.add(root);
      }
    }
    if (this.#dirty.size === 0 && !this.#prune) return;
    clearTimeout(this.#debounceTimer);
    const wait = Math.min(
      SCAN_LIMITS.debounceMs,
      Math.max(0, this.#firstDirtyAt + SCAN_LIMITS.maxWaitMs - now()),
    );
    this.#debounceTimer = setTimeout(() => this.#flushDirty(), wait);
  }

  #flushDirty(): void {
    this.#debounceTimer = undefined;
    this.#prune = false;
    const skip = { skip: this.opts.skip };
    const blocks = Array.from(this.#dirty).filter((b) => b.isConnected && !isInSkipped(b, skip));
    this.#dirty.clear();
    // Only the outermost dirty blocks: a block inside another is scanned with it.
    const outer = blocks.filter((b) => !blocks.some((other) => other !== b && other.contains(b)));
    this.opts.marks.removeWithin(outer);
    // One scan for them all, in page order: one queue of requests, one draw at its end.
    outer.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    if (outer.length > 0) void this.scan(outer);
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
