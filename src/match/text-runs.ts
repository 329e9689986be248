// Text runs: the page's readable text, one run per block, with a map back to the DOM.
//
// DOM-API-only (firstChild / nextSibling / parentNode / localName / getAttribute / shadowRoot), so the
// same code runs in a real page, in happy-dom and in linkedom (the `factlens detect` CLI). linkedom's
// TreeWalker supports neither filters nor firstChild()/nextSibling(), so the walk is done by hand, in
// document order, without recursion except for (shallow) shadow-root nesting.
//
// A run is the text of one block element; inline elements are joined into it, so `李<span>輝</span>` is
// one run "李輝" with two segments. Skipped: script, style, noscript, template, form fields, editable
// regions, code/pre/kbd/samp, svg/math, ruby annotations, `hidden` / `aria-hidden="true"` subtrees and
// our own UI. Open shadow roots are entered; their text forms runs of its own (a Range cannot span a
// shadow boundary). CSS-generated text (::before/::after content) is not in the DOM and so not collected.

/** A piece of a run: the Text node whose data starts at `start` (a UTF-16 offset into the run). */
export interface TextSegment {
  node: Text;
  start: number;
}

export interface TextRun {
  /** The joined text of the run, exactly the concatenation of its segments' data. */
  text: string;
  /** In run order; segment i covers [segments[i].start, segments[i+1].start or text.length). */
  segments: TextSegment[];
  /** The block element (or shadow root / root) the run belongs to, e.g. for viewport checks. */
  block: Node;
}

export interface CollectOptions {
  /** Extra elements to skip with their subtree (our own UI host, for example). */
  skip?: (element: Element) => boolean;
  /** Enter open shadow roots (default true). */
  shadowRoots?: boolean;
  /** Keep runs made only of whitespace (default false). */
  keepBlank?: boolean;
}

/** Host elements of Factlens' own UI are named `factlens-*`; they are always skipped. */
export const UI_HOST_PREFIX = 'factlens-';

/** Elements skipped with their whole subtree. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'rt',
  'rp',
  'head',
  'title',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
]);

/** Elements that flow inside a line: their text joins the surrounding run. Everything else is a block. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  'rb',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'img',
  'picture',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** True when an element (with its subtree) holds no text to mark. */
export function isSkippedElement(element: Element, opts?: CollectOptions): boolean {
  const name = element.localName;
  if (SKIPPED_ELEMENTS.has(name)) return true;
  if (name.startsWith(UI_HOST_PREFIX)) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return opts?.skip?.(element) ?? false;
}

/** True when an element starts and ends a run of its own. */
export function isBlockElement(element: Element): boolean {
  return !INLINE_ELEMENTS.has(element.localName);
}

class RunBuilder {
  readonly runs: TextRun[] = [];
  private parts: string[] = [];
  private segments: TextSegment[] = [];
  private length = 0;
  private block: Node;

  constructor(
    root: Node,
    private readonly keepBlank: boolean,
  ) {
    this.block = root;
  }

  add(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.segments.push({ node, start: this.length });
    this.parts.push(data);
    this.length += data.length;
  }

  get ready(): boolean {
    return this.runs.length > 0;
  }

  /** Hands over the finished runs. */
  take(): TextRun[] {
    return this.runs.splice(0, this.runs.length);
  }

  /** Ends the current run inside the same block (text on either side of a skipped inline element). */
  split(): void {
    this.flush(this.block);
  }

  /** Ends the current run; `next` is the block the following text belongs to. */
  flush(next: Node): void {
    if (this.segments.length > 0) {
      const text = this.parts.join('');
      if (this.keepBlank || /\S/.test(text)) {
        this.runs.push({ text, segments: this.segments, block: this.block });
      }
      this.parts = [];
      this.segments = [];
      this.length = 0;
    }
    this.block = next;
  }
}

/**
 * Collects the text runs under `root` (a document, an element, a shadow root or a fragment), in document
 * order. `root` itself is never skipped, even when it would be (so a caller may scan inside anything).
 */
export function collectTextRuns(root: Node, opts: CollectOptions = {}): TextRun[] {
  return Array.from(iterateTextRuns(root, opts));
}

/**
 * The same runs as `collectTextRuns`, produced lazily: a caller can stop after a time budget and resume
 * later (the DOM must not change in between, or runs may hold stale nodes: check with `isRunIntact`).
 */
export function* iterateTextRuns(root: Node, opts: CollectOptions = {}): Generator<TextRun, void, undefined> {
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  const builder = new RunBuilder(start ?? root, opts.keepBlank ?? false);
  if (start) yield* walk(start, builder, opts);
  builder.flush(root);
  yield* builder.take();
}

function* walk(root: Node, builder: RunBuilder, opts: CollectOptions): Generator<TextRun, void, undefined> {
  const shadows = opts.shadowRoots ?? true;
  let pendingShadow: ShadowRoot | null = null;
  // Enter `node`; returns true when its children should be visited.
  const enter = (node: Node): boolean => {
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      builder.add(node as Text);
      return false;
    }
    if (type !== ELEMENT_NODE) return node === root; // documents/fragments/shadow roots: only the root
    const element = node as Element;
    if (node !== root && isSkippedElement(element, opts)) {
      // A skipped element separates the text around it: a block (e.g. <pre>) ends the block; an
      // inline one (hidden text, <code>, an input) ends the run, so no mark's Range can span text
      // the run left out (王<span hidden>…</span>毅 is no mention of 王毅).
      if (isBlockElement(element)) builder.flush(element.parentNode ?? root);
      else builder.split();
      return false;
    }
    if (isBlockElement(element))
      builder.flush(element.localName === 'br' ? (element.parentNode ?? root) : element);
    const shadow = shadows ? (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot : null;
    if (shadow) pendingShadow = shadow;
    return true;
  };
  const leave = (node: Node): void => {
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    if (isBlockElement(element) && element.localName !== 'br') builder.flush(element.parentNode ?? root);
  };
  // The shadow tree renders in place of the host; its text is a set of runs of its own. The light
  // children are usually slotted into it, so they are collected too, as runs of their own.
  function* enterShadow(host: Node): Generator<TextRun, void, undefined> {
    const shadow = pendingShadow as ShadowRoot;
    pendingShadow = null;
    builder.flush(shadow);
    yield* walk(shadow, builder, opts);
    builder.flush(host);
  }

  let node: Node | null = root;
  let descend = enter(root);
  while (node) {
    if (pendingShadow) yield* enterShadow(node);
    if (builder.ready) yield* builder.take();
    const child: Node | null = descend ? node.firstChild : null;
    if (child) {
      node = child;
      descend = enter(child);
      continue;
    }
    // No (visited) children: leave this node and climb until a sibling is found.
    let current: Node | null = node;
    node = null;
    while (current) {
      leave(current);
      if (current === root) break;
      const sibling: Node | null = current.nextSibling;
      if (sibling) {
        node = sibling;
        descend = enter(sibling);
        break;
      }
      current = current.parentNode;
    }
  }
  if (builder.ready) yield* builder.take();
}

/** The index of the segment holding run offset `offset` (the last one starting at or before it). */
export function segmentIndexAt(run: TextRun, offset: number): number {
  const segs = run.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segs[mid] as TextSegment).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps a run offset to a DOM position. `end` prefers the end of a segment over the start of the next. */
export function positionAt(run: TextRun, offset: number, end = false): { node: Text; offset: number } {
  let i = segmentIndexAt(run, offset);
  let seg = run.segments[i] as TextSegment;
  if (end && i > 0 && seg.start === offset) {
    i -= 1;
    seg = run.segments[i] as TextSegment;
  }
  return { node: seg.node, offset: offset - seg.start };
}

/** Maps a DOM position (a Text node inside the run and an offset into it) to a run offset, or -1. */
export function runOffsetOf(run: TextRun, node: Node, offset: number): number {
  for (const seg of run.segments) if (seg.node === node) return seg.start + offset;
  return -1;
}

/** True when the run's Text nodes still hold the text they held when the run was collected. */
export function isRunIntact(run: TextRun): boolean {
  const segs = run.segments;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as TextSegment;
    const end = i + 1 < segs.length ? (segs[i + 1] as TextSegment).start : run.text.length;
    if (!seg.node.isConnected || seg.node.data !== run.text.slice(seg.start, end)) return false;
  }
  return true;
}

/**
 * A DOM Range over run offsets [start, end) (a Mention's offsets), possibly spanning several Text nodes.
 * Returns null when the offsets are out of the run or its nodes changed length since collection.
 * Needs a DOM with Range.setStart/setEnd (browsers, happy-dom; not linkedom).
 */
export function rangeForMention(run: TextRun, start: number, end: number, doc?: Document): Range | null {
  if (start < 0 || end > run.text.length || start >= end || run.segments.length === 0) return null;
  const a = positionAt(run, start);
  const b = positionAt(run, end, true);
  const owner = doc ?? a.node.ownerDocument;
  const range = owner.createRange();
  try {
    // Throws when an offset is past the end of its node (the node got shorter): no range.
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return range;
}
