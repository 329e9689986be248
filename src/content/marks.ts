// The marks on the page: one CSS Custom Highlight ("factlens") holding a range per mention, and an
// index from Text nodes to marks for hit-testing. Nothing is inserted into the page's DOM.
//
// Ranges are StaticRanges, not live Ranges: the browser keeps every live Range of a document up to
// date on every DOM change, so with the ~17,900 marks of bench/page.ts's 1 MB page each mutation of
// the page cost ~1.4 ms (200 mutations: 280 ms with live ranges, 1 ms with static ones, measured in
// Chromium). A mark whose text changes is re-scanned by the scanner's MutationObserver; geometry
// (hit-testing, placing the card) takes a live Range made on demand (liveRange).
//
// A new mark is indexed at once but drawn only at the next commit(). Chrome rebuilds the markers of
// every range of every registered highlight in each frame after a highlight or the DOM changed (blink's
// HighlightRegistry::ValidateHighlightMarkers): a frame that draws 17,900 marks is a 35–80 ms task,
// and once drawn, every later DOM change of the page costs the same again. So beyond DRAWING.allUpTo
// marks only those whose block is near the viewport are drawn; every mark stays indexed (hover, the
// popup's list and "show me where" see them all). While a scan runs, nearness comes from box reads at
// each commit, by bisection over the commit's blocks in page order (see #decide), and only after the
// first frame (no read forces the page's first layout); once the scan is done (follow()), an
// IntersectionObserver set up in idle time watches the blocks (at most ~WATCHED of them: beyond, one
// in every few stands for its group, see follow()), so the browser follows scrolling, inner scrollers
// included. Watching every block from the start cost the 1 MB
// bench page's scan ~30 ms of the browser's intersection updates and ~20 ms of ours (traced); reading
// every block's box instead cost as much. The renderer's busy time in that scan went from 254–367 ms
// to 197–257 ms (three traces each); bench:page's wall-clock total did not show it reliably (paired
// medians of 12–16 loads: 312 → 195, 239 → 232 and 246 → 248 ms in three runs).

import { segmentIndexAt, type TextRun, type TextSegment } from '../match/text-runs.ts';
import type { EntityBrief } from '../messaging.ts';

export const HIGHLIGHT_NAME = 'factlens';

export const DRAWING = {
  /** Up to this many marks all are drawn; beyond, only the drawing window's. */
  allUpTo: 2_000,
  /** Near the viewport: within this margin of it (IntersectionObserver rootMargin). */
  margin: '200% 0px',
} as const;

export interface Mark {
  /** See the header; liveRange() for geometry. */
  readonly range: AbstractRange;
  entityId: string;
  /** The text as the page writes it. */
  text: string;
  brief: EntityBrief;
  /** The block the mark's run belongs to (for the drawing window). */
  block: Node;
}

/**
 * A mark whose StaticRange is made on first use: on a page with many marks most are never drawn (see
 * the header), and making 17,900 StaticRanges cost the 1 MB page ~23 ms of main thread.
 */
class PageMark implements Mark {
  #range: StaticRange | null = null;
  // Declared, not parameter properties: those emit a class field per property besides the
  // assignment (~70 bytes of the content script's 40 kB budget).
  /** Where the mark starts: a Text node and an offset into it. */
  declare readonly node: Text;
  declare readonly offset: number;
  declare readonly endNode: Text;
  declare readonly endOffset: number;
  declare readonly entityId: string;
  declare readonly text: string;
  declare readonly brief: EntityBrief;
  declare readonly block: Node;
  /** The run's place in page order (TextRun.order). */
  declare readonly order: number;
  constructor(
    node: Text,
    offset: number,
    endNode: Text,
    endOffset: number,
    entityId: string,
    text: string,
    brief: EntityBrief,
    block: Node,
    order: number,
  ) {
    this.node = node;
    this.offset = offset;
    this.endNode = endNode;
    this.endOffset = endOffset;
    this.entityId = entityId;
    this.text = text;
    this.brief = brief;
    this.block = block;
    this.order = order;
  }

  get range(): AbstractRange {
    this.#range ??= new StaticRange({
      startContainer: this.node,
      startOffset: this.offset,
      endContainer: this.endNode,
      endOffset: this.endOffset,
    });
    return this.#range;
  }
}

export type HighlightLike = {
  add(r: AbstractRange): unknown;
  delete(r: AbstractRange): unknown;
  clear(): void;
};

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A live Range over a mark's range (for geometry and text), or null when its offsets no longer fit. */
export function liveRange(range: AbstractRange): Range | null {
  if (typeof (range as Range).getClientRects === 'function') return range as Range;
  const live = range.startContainer.ownerDocument?.createRange();
  if (!live) return null;
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return null;
  }
  return live;
}

/** What Marks reads of an IntersectionObserverEntry. */
export type BlockEntry = Pick<IntersectionObserverEntry, 'target' | 'isIntersecting' | 'boundingClientRect'>;

/** What Marks needs of an IntersectionObserver (a test can pass its own). */
export type BlockObserver = Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

export interface MarksOptions {
  /**
   * Makes the observer of the blocks holding marks, called with what to do when blocks come near the
   * viewport or leave it (default: an IntersectionObserver with DRAWING.margin).
   */
  observer?: (onChange: (entries: ReadonlyArray<BlockEntry>) => void) => BlockObserver;
  /** Where an element is now, from its box (default sideOf): see Side. */
  sideOf?: (element: Element) => Side;
  /** Runs `f` once a frame has been rendered (default afterNextFrame); then box reads cost no layout. */
  afterFrame?: (f: () => void) => void;
  /** Runs `f` in idle time (default requestIdleCallback). */
  idle?: (f: () => void) => void;
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

/**
 * Where a block is against the drawing window (DRAWING.margin: two viewport heights above and below
 * it, as the observer sees it): NEAR (or without a box, display: contents: drawn anyway), ABOVE or
 * BELOW it, or ASIDE (beside the viewport).
 */
export const NEAR = 0;
export const ABOVE = -1;
export const BELOW = 1;
export const ASIDE = 2;
export type Side = typeof NEAR | typeof ABOVE | typeof BELOW | typeof ASIDE;

function sideOf(element: Element): Side {
  const box = element.getBoundingClientRect();
  const h = innerHeight;
  if (box.width === 0 && box.height === 0) return NEAR;
  if (box.bottom < -2 * h) return ABOVE;
  if (box.top > 3 * h) return BELOW;
  return box.right >= 0 && box.left <= innerWidth ? NEAR : ASIDE;
}

/** Above every TextRun.order (a page has far fewer runs). */
const NO_ORDER = 1e9;

/**
 * At most about this many blocks are watched once the scan is done; beyond, one block in every few
 * stands for its group (see follow()). The browser computes every watched block's intersection in
 * every frame it renders: watching all ~8,000 blocks of bench/page.ts's 1 MB page (which renders every
 * frame: its own requestAnimationFrame loop) put 108 ms per 2 s in computeIntersections (traced), ~5 %
 * of a core for as long as the page animates.
 */
const WATCHED = 500;

export class Marks {
  readonly #highlight: HighlightLike | null;
  /** Every mark, in insertion order (an array: Set.add was a third of add()'s time, CPU profile). */
  #all: PageMark[] = [];
  /** Marks added since the last commit, in order. */
  #undrawn: PageMark[] = [];
  /** Marks in the highlight. */
  readonly #inHighlight = new Set<PageMark>();
  /** Beyond DRAWING.allUpTo: only the drawing window's marks are drawn (until clear()). */
  #windowed = false;
  readonly #byBlock = new Map<Node, PageMark[]>();
  /** The run of the last mark added (its root node was looked at already) and its block's marks. */
  #lastRun: TextRun | null = null;
  #inBlock: PageMark[] = [];
  readonly #byNode = new Map<Node, PageMark[]>();
  /**
   * "offset:text" of the marks starting in a Text node, made for nodes with many marks only: a mention
   * marked twice (a re-scan of a block that a scan in flight also reaches) is then found in O(1), not
   * by walking every mark of the node (quadratic for one long text node with thousands of mentions).
   */
  readonly #startsByNode = new Map<Node, Map<string, PageMark>>();
  #registered = false;
  readonly #makeObserver: NonNullable<MarksOptions['observer']>;
  /** Watches the blocks holding marks (windowed, once follow() has set it up). */
  #observer: BlockObserver | null = null;
  /** Following: the scan's blocks in page order, cut into groups (see follow()). */
  #groups: Node[][] = [];
  /** Per group: the watched element that stands for it (its first block's). */
  #sentinels: Element[] = [];
  /** Per group: whether its sentinel meets the drawing window (at its last report). */
  #meets: boolean[] = [];
  /** Per group: whether its marks are drawn (undefined: not decided yet). */
  #groupNear: Array<boolean | undefined> = [];
  /** Each grouped block (and sentinel element) → its group's index. */
  readonly #groupOf = new Map<Node, number>();
  /**
   * Blocks (an element: the block itself or a shadow root's host) near the viewport, as read during
   * the scan (#decide) or reported for a block watched on its own; a grouped block's is its group's.
   */
  readonly #near = new Set<Element>();
  /** Windowed, before the observer: marks waiting for the first frame (box reads) to be drawn or not. */
  #undecided: PageMark[] | null = null;
  /** A frame has been rendered since windowing began: box reads are cheap. */
  #laidOut = false;
  /**
   * Windowed, before the observer: the least page order (TextRun.order) of a block read below the
   * window (NO_ORDER: none yet).
   */
  #belowFrom = NO_ORDER;
  /** Bumped by clear(): callbacks scheduled before it do nothing. */
  #epoch = 0;
  #following = false;
  readonly #sideOf: (element: Element) => Side;
  readonly #afterFrame: (f: () => void) => void;
  readonly #idle: (f: () => void) => void;
  /** Open shadow roots holding marks (for their styles and for hit-testing inside them). */
  readonly shadowRoots = new Set<ShadowRoot>();

  /** `highlight`: where marks are drawn (default: a new Highlight where supported; null: nowhere). */
  constructor(highlight?: HighlightLike | null, options: MarksOptions = {}) {
    this.#highlight = highlight !== undefined ? highlight : highlightsSupported() ? new Highlight() : null;
    this.#makeObserver =
      options.observer ?? ((onChange) => new IntersectionObserver(onChange, { rootMargin: DRAWING.margin }));
    this.#sideOf = options.sideOf ?? sideOf;
    this.#afterFrame = options.afterFrame ?? ((f) => void afterNextFrame().then(f));
    this.#idle = options.idle ?? ((f) => requestIdleCallback(f));
  }

  get size(): number {
    return this.#all.length;
  }

  /** Marks added since the last commit (indexed, not drawn yet). */
  get pending(): number {
    return this.#undrawn.length;
  }

  /** Marks drawn (in the highlight). */
  get drawn(): number {
    return this.#inHighlight.size;
  }

  /** Whether only the marks near the viewport are drawn (more than DRAWING.allUpTo marks). */
  get isWindowed(): boolean {
    return this.#windowed;
  }

  /**
   * Draws the marks added since the last commit: one highlight change for all of them. Beyond
   * DRAWING.allUpTo marks, only those whose block is near the viewport; once follow() has set up the
   * observer, the others are drawn when their block comes near (and leave the highlight when it goes).
   */
  commit(): void {
    const marks = this.#undrawn;
    this.#undrawn = [];
    if (!this.#windowed && this.#all.length > DRAWING.allUpTo) {
      this.#windowed = true;
      // What is drawn stays drawn until the first frame; then the far blocks' marks leave.
      this.#undecided = [...this.#inHighlight];
      const epoch = this.#epoch;
      this.#afterFrame(() => {
        if (epoch !== this.#epoch || this.#following) return;
        this.#laidOut = true;
        this.#decide([]);
      });
    }
    if (!this.#windowed) for (const mark of marks) this.#draw(mark);
    else if (this.#following) {
      let block: Node | null = null;
      for (const mark of marks) {
        if (mark.block !== block) {
          block = mark.block;
          // A block new since the blocks were grouped: watched on its own, drawn when the observer
          // says it is near.
          if (this.#sentinels.length > 0 && !this.#groupOf.has(block)) this.#watch(block);
        }
        if (this.#isNear(mark.block)) this.#draw(mark);
      }
    } else if (this.#laidOut) this.#decide(marks);
    else this.#undecided?.push(...marks);
  }

  /**
   * Windowed, before the observer: draws the marks (and those waiting) whose block is near the viewport,
   * and takes the far ones out. All box reads first, then the highlight changes (a read after a change
   * would update the page's style again). The blocks come in page order, mostly one below the other: a
   * stretch whose first and last blocks are both above or both below the window is taken as far
   * without reading the boxes between (one box read per block cost the 1 MB page's scan about as much
   * as the observer did: 284 ms against 211 ms without either, paired medians of 12 loads, one run).
   * Where the layout is not in that order (floats, grids, columns) a block between may be near: the
   * observer, set up when the scan is done, draws it then.
   */
  #decide(newMarks: readonly PageMark[]): void {
    const waiting = this.#undecided ?? [];
    this.#undecided = null;
    // By the same assumption, a block after one read below the window is below it too: a new mark
    // there (not drawn yet) is far without a sort, a lookup or a box read. On the 1 MB bench page that
    // is nearly every batch after the first frame (#decide: 12-22 ms of main thread per load before).
    const marks = newMarks.filter((mark) => mark.order < this.#belowFrom);
    const blocks: Element[] = [];
    const orders: number[] = [];
    // In page order (a later batch may hold blocks above an earlier one: the viewport's go first), by
    // the runs' places in the scan: compareDocumentPosition walks the siblings between two blocks, and
    // sorting with it made a 275 ms task on the e2e suite's 1 MB page. A block's marks are then next
    // to each other.
    for (const mark of [...waiting, ...marks].sort((a, b) => a.order - b.order)) {
      const element = Marks.#elementOf(mark.block);
      if (!element || element === blocks.at(-1) || this.#near.has(element)) continue;
      blocks.push(element);
      orders.push(mark.order);
    }
    const below = (i: number, side: Side) => {
      if (side === BELOW) this.#belowFrom = Math.min(this.#belowFrom, orders[i] as number);
    };
    // Within a commit each block's box is read at most once (a stretch's ends are read by whoever
    // split it); only near blocks are remembered, so a far block that gets marks of a later commit is
    // read again (rare: the blocks after one below the window are skipped above).
    const classify = (lo: number, hi: number, a: Side, b: Side): void => {
      if (hi - lo > 1 && a === b && (a === ABOVE || a === BELOW)) {
        below(lo, a); // the whole stretch is far
      } else if (hi - lo <= 1) {
        if (a === NEAR) this.#near.add(blocks[lo] as Element);
        if (b === NEAR) this.#near.add(blocks[hi] as Element);
        below(lo, a);
        below(hi, b);
      } else {
        const mid = (lo + hi) >> 1;
        const m = this.#sideOf(blocks[mid] as Element);
        classify(lo, mid, a, m);
        classify(mid, hi, m, b);
      }
    };
    const n = blocks.length - 1;
    if (n >= 0) classify(0, n, this.#sideOf(blocks[0] as Element), this.#sideOf(blocks[n] as Element));
    for (const list of [waiting, marks]) {
      for (const mark of list) {
        if (this.#isNear(mark.block)) this.#draw(mark);
        else if (this.#inHighlight.delete(mark)) this.#highlight?.delete(mark.range);
      }
    }
  }

  /**
   * After a scan: with many marks, hands the drawing window to an IntersectionObserver, set up in idle
   * time; from then on it follows scrolling. The blocks, in page order (by their first mark's place in
   * the scan), are cut into at most ~WATCHED groups of consecutive blocks; only each group's first
   * block (its sentinel) is watched. A group is drawn when its sentinel or the next one meets the
   * window, or when the window lies inside it: the last sentinel above the window (a bisection by box
   * reads, ~9 per report, assuming page order is layout order as #decide does) starts it. Blocks that
   * get their first marks later are watched one by one.
   */
  follow(): void {
    if (!this.#windowed || this.#following) return;
    this.#following = true;
    const epoch = this.#epoch;
    this.#observer = this.#makeObserver((entries) => this.#onNear(entries));
    // In idle time: sorting and grouping ~8,000 blocks took ~4 ms (CPU profile of the 1 MB page),
    // which would delay the frame drawing the scan's last marks. A block that gets its first marks
    // before then is grouped with the others.
    this.#idle(() => {
      if (epoch !== this.#epoch) return;
      const blocks = [...this.#byBlock]
        .filter(([block]) => Marks.#elementOf(block))
        .sort((a, b) => (a[1][0] as PageMark).order - (b[1][0] as PageMark).order);
      const size = Math.ceil(blocks.length / WATCHED);
      for (let i = 0; i < blocks.length; i += size) {
        const g = this.#groups.length;
        const group = blocks.slice(i, i + size).map(([block]) => block);
        const sentinel = Marks.#elementOf(group[0] as Node) as Element;
        for (const block of group) this.#groupOf.set(block, g);
        this.#groupOf.set(sentinel, g);
        this.#groups.push(group);
        this.#sentinels.push(sentinel);
        this.#observer?.observe(sentinel);
      }
    });
    // Marks still waiting for a frame: each group's first decision draws or undraws all of its marks.
    this.#undecided = null;
  }

  /** The element the observer watches for a block (a shadow root's host), or null for none. */
  static #elementOf(block: Node): Element | null {
    const element = block.nodeType === 11 ? (block as ShadowRoot).host : block;
    return element.nodeType === 1 ? (element as Element) : null;
  }

  /** Watches a block (observing an element twice is a no-op). */
  #watch(block: Node): void {
    const element = Marks.#elementOf(block);
    if (element) this.#observer?.observe(element);
  }

  #isNear(block: Node): boolean {
    const g = this.#groupOf.get(block);
    if (g !== undefined) return !!this.#groupNear[g];
    const element = Marks.#elementOf(block);
    return !element || this.#near.has(element); // no element to watch: drawn, to be safe
  }

  #onNear(entries: ReadonlyArray<BlockEntry>): void {
    let moved = false;
    for (const entry of entries) {
      const { target, boundingClientRect: box } = entry;
      // An element without a box (display: contents) never intersects: its marks are drawn anyway.
      const near = entry.isIntersecting || (box.width === 0 && box.height === 0);
      const g = this.#groupOf.get(target) as number;
      if (this.#sentinels[g] === target) {
        this.#meets[g] = near;
        moved = true;
      } else if (near !== this.#near.has(target)) {
        // A block watched on its own: its marks and its open shadow root's (whose box is the host's).
        if (near) this.#near.add(target);
        else this.#near.delete(target);
        this.#drawBlock(target, near);
        if (target.shadowRoot) this.#drawBlock(target.shadowRoot, near);
      }
    }
    if (!moved) return;
    // The last sentinel above the window: the window may lie inside its group.
    let inside = -1;
    for (let hi = this.#sentinels.length; hi - inside > 1; ) {
      const mid = (inside + hi) >> 1;
      if (this.#sideOf(this.#sentinels[mid] as Element) === ABOVE) inside = mid;
      else hi = mid;
    }
    this.#groups.forEach((group, g) => {
      const near = !!(this.#meets[g] || this.#meets[g + 1]) || g === inside;
      if (near === this.#groupNear[g]) return;
      this.#groupNear[g] = near;
      for (const block of group) this.#drawBlock(block, near);
    });
  }

  /** Draws a block's marks (near) or takes them out of the highlight. */
  #drawBlock(block: Node, near: boolean): void {
    for (const mark of this.#byBlock.get(block) ?? []) {
      if (near) this.#draw(mark);
      else if (this.#inHighlight.delete(mark)) this.#highlight?.delete(mark.range);
    }
  }

  #draw(mark: PageMark): void {
    if (this.#inHighlight.has(mark)) return;
    this.#inHighlight.add(mark);
    this.#highlight?.add(mark.range);
  }

  /** Shows the highlight (registers it under `factlens`). */
  register(): void {
    if (this.#registered || !this.#highlight) return;
    CSS.highlights.set(HIGHLIGHT_NAME, this.#highlight as Highlight);
    this.#registered = true;
  }

  /** Removes every mark at once. */
  clear(): void {
    this.#highlight?.clear();
    if (this.#registered) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.#registered = false;
    this.#all = [];
    this.#undrawn = [];
    this.#inHighlight.clear();
    this.#windowed = false;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#groups = [];
    this.#sentinels = [];
    this.#meets = [];
    this.#groupNear = [];
    this.#groupOf.clear();
    this.#following = false;
    this.#laidOut = false;
    this.#belowFrom = NO_ORDER;
    this.#undecided = null;
    this.#epoch++;
    this.#near.clear();
    this.#byBlock.clear();
    this.#lastRun = null;
    this.#byNode.clear();
    this.#startsByNode.clear();
    this.shadowRoots.clear();
  }

  /**
   * Indexes a mention of `run` (drawn at the next commit). The run must still be intact (isRunIntact):
   * the scanner checks each run once before adding its mentions, instead of each mark comparing its
   * text with the page's (two strings per mark, ~18,000 marks on the 1 MB bench page).
   */
  add(run: TextRun, start: number, end: number, entityId: string, brief: EntityBrief): Mark | null {
    if (start < 0 || end > run.text.length || start >= end || run.segments.length === 0) return null;
    const segs = run.segments;
    const first = segmentIndexAt(run, start);
    let last = segmentIndexAt(run, end);
    if (last > first && (segs[last] as TextSegment).start === end) last--;
    const text = run.text.slice(start, end);
    const seg = segs[first] as TextSegment;
    const offset = start - seg.start;
    // Already marked (a re-scan of a block that a scan still in flight also reaches): once is enough.
    const onFirst = this.#byNode.get(seg.node);
    if (onFirst && this.#isMarked(seg.node, onFirst, offset, text)) return null;
    // The end in the last segment it touches (a segment's end rather than the next one's start, as
    // text-runs' positionAt maps it); the run is intact, so both offsets fit their nodes.
    const endSeg = segs[last] as TextSegment;
    const mark = new PageMark(
      seg.node,
      offset,
      endSeg.node,
      end - endSeg.start,
      entityId,
      text,
      brief,
      run.block,
      run.order ?? 0,
    );
    if (run !== this.#lastRun) {
      this.#lastRun = run;
      const root = seg.node.getRootNode();
      if (root.nodeType === 11 && (root as ShadowRoot).host) this.shadowRoots.add(root as ShadowRoot);
      const inBlock = this.#byBlock.get(run.block);
      this.#inBlock = inBlock ?? [];
      if (!inBlock) this.#byBlock.set(run.block, this.#inBlock);
    }
    this.#all.push(mark);
    this.#undrawn.push(mark);
    this.#inBlock.push(mark);
    // The first node's list was looked up above (marks of one run mostly share their node).
    if (onFirst) onFirst.push(mark);
    else this.#byNode.set(seg.node, [mark]);
    for (let i = first + 1; i <= last; i++) {
      const node = (segs[i] as TextSegment).node;
      const list = this.#byNode.get(node);
      if (list) list.push(mark);
      else this.#byNode.set(node, [mark]);
    }
    this.#startsByNode.get(seg.node)?.set(`${offset}:${text}`, mark);
    return mark;
  }

  /** Whether a mark of `text` starts at `offset` in `node` (`list`: the node's marks). */
  #isMarked(node: Node, list: readonly PageMark[], offset: number, text: string): boolean {
    if (list.length < 16) {
      for (const m of list) {
        if (m.node === node && m.offset === offset && m.text === text) return true;
      }
      return false;
    }
    let starts = this.#startsByNode.get(node);
    if (!starts) {
      starts = new Map();
      for (const m of list) {
        if (m.node === node) starts.set(`${m.offset}:${m.text}`, m);
      }
      this.#startsByNode.set(node, starts);
    }
    return starts.has(`${offset}:${text}`);
  }

  /**
   * Removes the marks inside any of `roots` (their text is about to be scanned again) and every mark
   * whose text left the page. One pass over the marks, walking up from each (across shadow roots).
   */
  removeWithin(roots: Node | readonly Node[]): void {
    const set = new Set<Node>(Array.isArray(roots) ? roots : [roots as Node]);
    const dropped = new Set<PageMark>();
    for (const mark of this.#all) {
      const { node } = mark;
      if (!node.isConnected || insideAny(node, set)) dropped.add(mark);
    }
    if (dropped.size === 0) return;
    this.#lastRun = null; // its block's list may be replaced below
    this.#all = this.#all.filter((m) => !dropped.has(m));
    for (const mark of dropped) {
      if (this.#inHighlight.delete(mark)) this.#highlight?.delete(mark.range);
    }
    if (this.#undrawn.length > 0) this.#undrawn = this.#undrawn.filter((m) => !dropped.has(m));
    if (this.#undecided) this.#undecided = this.#undecided.filter((m) => !dropped.has(m));
    for (const map of [this.#byNode, this.#byBlock]) {
      for (const [node, list] of map) {
        const kept = list.filter((m) => !dropped.has(m));
        if (kept.length > 0) {
          if (kept.length !== list.length) map.set(node, kept);
          continue;
        }
        map.delete(node);
        // A block that left the page leaves its group too (the group would keep it alive); its
        // sentinel stays, as it stands for the group.
        const g = map === this.#byBlock && !node.isConnected ? this.#groupOf.get(node) : undefined;
        if (g !== undefined && this.#sentinels[g] !== node) {
          this.#groupOf.delete(node);
          this.#groups[g] = (this.#groups[g] as Node[]).filter((block) => block !== node);
        }
        const element = map === this.#byBlock ? Marks.#elementOf(node) : null;
        if (
          element &&
          !map.has(element) &&
          !(element.shadowRoot && map.has(element.shadowRoot)) &&
          !this.#sentinels.includes(element) // a sentinel stands for its group
        ) {
          this.#observer?.unobserve(element);
          this.#near.delete(element);
        }
      }
    }
    for (const [node, starts] of this.#startsByNode) {
      for (const [key, mark] of starts) if (dropped.has(mark)) starts.delete(key);
      if (starts.size === 0) this.#startsByNode.delete(node);
    }
    for (const root of this.shadowRoots) if (!root.host.isConnected) this.shadowRoots.delete(root);
  }

  /** The marks touching a Text node. */
  onNode(node: Node): readonly Mark[] {
    return this.#byNode.get(node) ?? [];
  }

  /** Every mark, in insertion order. */
  list(): Mark[] {
    return this.#all.slice();
  }

  /** The mark under a viewport point, given the caret position there. */
  hitTest(node: Node | null, x: number, y: number): Mark | null {
    if (!node) return null;
    for (const mark of this.onNode(node)) {
      const range = liveRange(mark.range);
      if (!range) continue;
      for (const rect of range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return mark;
      }
    }
    return null;
  }

  /** The mark containing a DOM position (for the keyboard command). */
  atPosition(node: Node, offset: number): Mark | null {
    for (const mark of this.#all) {
      try {
        if (liveRange(mark.range)?.isPointInRange(node, offset)) return mark;
      } catch {
        // a point in another tree
      }
    }
    return null;
  }

  /** The first mark inside an element. */
  firstWithin(element: Node): Mark | null {
    for (const mark of this.#all) if (element.contains(mark.node)) return mark;
    return null;
  }
}

/** True when `node` is one of `roots` or inside one, shadow hosts included. */
function insideAny(node: Node, roots: ReadonlySet<Node>): boolean {
  if (roots.size === 0) return false;
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as Partial<ShadowRoot>).host ?? null) {
    if (roots.has(n)) return true;
  }
  return false;
}
