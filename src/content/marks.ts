// The marks on the page: one CSS Custom Highlight ("factlens") holding a live Range per mention, and
// an index from Text nodes to marks for hit-testing. Nothing is inserted into the page's DOM.
//
// A new mark is indexed at once but drawn only at the next commit(): Chrome rebuilds the markers of
// every range of every registered highlight in each frame in which a highlight changed (blink's
// HighlightRegistry::ValidateHighlightMarkers), so drawing after every batch costs a frame's work per
// batch for the whole page (measured: 17,900 marks drawn over ~25 frames spent ~780 ms in PrePaint;
// the scanner draws in doubling steps instead).

import { rangeForMention, type TextRun } from '../match/text-runs.ts';
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
  /** Marks not yet in the highlight. */
  private readonly undrawn = new Set<Mark>();
  private readonly byNode = new Map<Node, Mark[]>();
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
    return this.undrawn.size;
  }

  /** Marks drawn (in the highlight). */
  get drawn(): number {
    return this.all.size - this.undrawn.size;
  }

  /** Draws the marks added since the last commit: one highlight change for all of them. */
  commit(): void {
    if (this.undrawn.size === 0) return;
    const highlight = this.highlight;
    if (highlight) for (const mark of this.undrawn) highlight.add(mark.range);
    this.undrawn.clear();
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
    this.undrawn.clear();
    this.byNode.clear();
    this.shadowRoots.clear();
  }

  add(run: TextRun, start: number, end: number, entityId: string, brief: EntityBrief): Mark | null {
    const range = rangeForMention(run, start, end);
    if (!range) return null;
    const text = run.text.slice(start, end);
    if (range.toString() !== text) return null; // the page changed under us: skip, a re-scan follows
    const mark: Mark = { range, entityId, text, brief };
    const root = range.startContainer.getRootNode();
    if (root.nodeType === 11 && (root as ShadowRoot).host) this.shadowRoots.add(root as ShadowRoot);
    this.all.add(mark);
    this.undrawn.add(mark);
    for (const seg of run.segments) {
      if (seg.start >= end) break;
      const segEnd = seg.start + seg.node.data.length;
      if (segEnd <= start) continue;
      const list = this.byNode.get(seg.node);
      if (list) list.push(mark);
      else this.byNode.set(seg.node, [mark]);
    }
    return mark;
  }

  private remove(mark: Mark): void {
    this.all.delete(mark);
    if (!this.undrawn.delete(mark)) this.highlight?.delete(mark.range);
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
    for (const mark of dropped) this.remove(mark);
    for (const [node, list] of this.byNode) {
      const kept = list.filter((m) => !dropped.has(m));
      if (kept.length === 0) this.byNode.delete(node);
      else if (kept.length !== list.length) this.byNode.set(node, kept);
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
