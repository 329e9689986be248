// The marks on the page: one CSS Custom Highlight ("factlens") holding a live Range per mention, and
// an index from Text nodes to marks for hit-testing. Nothing is inserted into the page's DOM.
//
// A new mark is indexed at once but drawn only at the next commit(): Chrome rebuilds the markers of
// every range of every registered highlight in each frame in which a highlight changed (blink's
// HighlightRegistry::ValidateHighlightMarkers), so drawing after every batch costs a frame's work per
// batch for the whole page (measured: 17,900 marks drawn over ~25 frames spent ~780 ms in PrePaint;
// the scanner draws in doubling steps instead).

import { rangeForMention, segmentIndexAt, type TextRun, type TextSegment } from '../match/text-runs.ts';
import type { EntityBrief } from '../messaging.ts';

export const HIGHLIGHT_NAME = 'factlens';

export interface Mark {
  range: Range;
  entityId: string;
  /** The text as the page writes it. */
  text: string;
  brief: EntityBrief;
}

export type HighlightLike = {
  add(r: AbstractRange): unknown;
  delete(r: AbstractRange): unknown;
  clear(): void;
};

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Marks {
  private readonly highlight: HighlightLike | null;
  private readonly all = new Set<Mark>();
  /** Marks not yet in the highlight, in order. */
  private undrawn: Mark[] = [];
  /** The run of the last mark added (its root node was looked at already). */
  private lastRun: TextRun | null = null;
  private readonly byNode = new Map<Node, Mark[]>();
  /**
   * "offset:text" of the marks starting in each Text node, as added: a mention marked twice (a
   * re-scan of a block that a scan in flight also reaches) is found in O(1), not by walking every mark
   * of the node (quadratic for one long text node with thousands of mentions).
   */
  private readonly startsByNode = new Map<Node, Map<string, Mark>>();
  private registered = false;
  /** Open shadow roots holding marks (for their styles and for hit-testing inside them). */
  readonly shadowRoots = new Set<ShadowRoot>();

  /** `highlight`: where marks are drawn (default: a new Highlight where the browser supports them). */
  constructor(highlight?: HighlightLike | null) {
    this.highlight = highlight !== undefined ? highlight : highlightsSupported() ? new Highlight() : null;
  }

  get size(): number {
    return this.all.size;
  }

  /** Marks added since the last commit (indexed, not drawn yet). */
  get pending(): number {
    return this.undrawn.length;
  }

  /** Marks drawn (in the highlight). */
  get drawn(): number {
    return this.all.size - this.undrawn.length;
  }

  /** Draws the marks added since the last commit: one highlight change for all of them. */
  commit(): void {
    const highlight = this.highlight;
    if (highlight) for (const mark of this.undrawn) highlight.add(mark.range);
    this.undrawn = [];
  }

  /** Shows the highlight (registers it under `factlens`). */
  register(): void {
    if (this.registered || !this.highlight) return;
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight as Highlight);
    this.registered = true;
  }

  /** Removes every mark at once. */
  clear(): void {
    this.highlight?.clear();
    if (this.registered) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.registered = false;
    this.all.clear();
    this.undrawn = [];
    this.lastRun = null;
    this.byNode.clear();
    this.startsByNode.clear();
    this.shadowRoots.clear();
  }

  add(run: TextRun, start: number, end: number, entityId: string, brief: EntityBrief): Mark | null {
    const range = rangeForMention(run, start, end);
    if (!range) return null;
    const segs = run.segments;
    const first = segmentIndexAt(run, start);
    let last = segmentIndexAt(run, end);
    if (last > first && (segs[last] as TextSegment).start === end) last--;
    const text = run.text.slice(start, end);
    // The page changed under us: skip, a re-scan follows. Within one Text node, its data is compared
    // directly (cheaper than range.toString(); ~18,000 marks on a 1 MB page).
    const seg = segs[first] as TextSegment;
    const now = first === last ? seg.node.data.slice(start - seg.start, end - seg.start) : range.toString();
    if (now !== text) return null;
    // Already marked (a re-scan of a block that a scan still in flight also reaches): once is enough.
    const startKey = `${start - seg.start}:${text}`;
    let starts = this.startsByNode.get(seg.node);
    if (starts?.has(startKey)) return null;
    const mark: Mark = { range, entityId, text, brief };
    if (!starts) {
      starts = new Map();
      this.startsByNode.set(seg.node, starts);
    }
    starts.set(startKey, mark);
    if (run !== this.lastRun) {
      this.lastRun = run;
      const root = seg.node.getRootNode();
      if (root.nodeType === 11 && (root as ShadowRoot).host) this.shadowRoots.add(root as ShadowRoot);
    }
    this.all.add(mark);
    this.undrawn.push(mark);
    for (let i = first; i <= last; i++) {
      const node = (segs[i] as TextSegment).node;
      const list = this.byNode.get(node);
      if (list) list.push(mark);
      else this.byNode.set(node, [mark]);
    }
    return mark;
  }

  /**
   * Removes the marks inside any of `roots` (their text is about to be scanned again) and every mark
   * whose text left the page. One pass over the marks, walking up from each (across shadow roots).
   */
  removeWithin(roots: Node | readonly Node[]): void {
    const set = new Set<Node>(Array.isArray(roots) ? roots : [roots as Node]);
    const dropped = new Set<Mark>();
    for (const mark of this.all) {
      const r = mark.range;
      if (r.collapsed || !r.startContainer.isConnected || insideAny(r.startContainer, set)) dropped.add(mark);
    }
    if (dropped.size === 0) return;
    const undrawn = new Set(this.undrawn);
    for (const mark of dropped) {
      this.all.delete(mark);
      if (!undrawn.has(mark)) this.highlight?.delete(mark.range);
    }
    if (this.undrawn.length > 0) this.undrawn = this.undrawn.filter((m) => !dropped.has(m));
    for (const [node, list] of this.byNode) {
      const kept = list.filter((m) => !dropped.has(m));
      if (kept.length === 0) this.byNode.delete(node);
      else if (kept.length !== list.length) this.byNode.set(node, kept);
    }
    for (const [node, starts] of this.startsByNode) {
      for (const [key, mark] of starts) if (dropped.has(mark)) starts.delete(key);
      if (starts.size === 0) this.startsByNode.delete(node);
    }
    for (const root of this.shadowRoots) if (!root.host.isConnected) this.shadowRoots.delete(root);
  }

  /** The marks touching a Text node. */
  onNode(node: Node): readonly Mark[] {
    return this.byNode.get(node) ?? [];
  }

  /** Every mark, in insertion order. */
  list(): Mark[] {
    return Array.from(this.all);
  }

  /** The mark under a viewport point, given the caret position there. */
  hitTest(node: Node | null, x: number, y: number): Mark | null {
    if (!node) return null;
    for (const mark of this.onNode(node)) {
      for (const rect of mark.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return mark;
      }
    }
    return null;
  }

  /** The mark containing a DOM position (for the keyboard command), or the first inside an element. */
  atPosition(node: Node, offset: number): Mark | null {
    for (const mark of this.all) {
      try {
        if (mark.range.isPointInRange(node, offset)) return mark;
      } catch {
        // a point in another tree
      }
    }
    return null;
  }

  firstWithin(element: Node): Mark | null {
    for (const mark of this.all) if (element.contains(mark.range.startContainer)) return mark;
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
