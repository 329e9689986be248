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
  /** Its place in page order within one scan (set by the content script's scanner). */
  order?: number;
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

/** Elements skipped with their whole subtree (one string, split: fewer bytes in the content script). */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'script style noscript template textarea input select option optgroup datalist button code ' +
    'pre kbd samp svg math rt rp head title iframe frame object embed canvas video audio img ' +
    'picture'
  ).split(' '),
);

/** Elements that flow inside a line: their text joins the surrounding run. Everything else is a block. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'a abbr b bdi bdo big cite data del dfn em font i ins label mark nobr q ruby rb s small ' +
    'span strike strong sub sup time tt u var wbr img picture'
  ).split(' '),
);

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

/**
 * Collects the text runs under `root` (a document, an element, a shadow root or a fragment), in document
 * order. `root` itself is never skipped, even when it would be (so a caller may scan inside anything).
 */
export function collectTextRuns(root: Node, opts: CollectOptions = {}): TextRun[] {
  const walker = new TextRunWalker(root, opts);
  const out: TextRun[] = [];
  for (let run = walker.next(); run; run = walker.next()) out.push(run);
  return out;
}

/** One tree being walked: a root (the start node or an open shadow root) and where the walk is in it. */
interface Frame {
  root: Node;
  node: Node;
  /** Whether the children of `node` are still to be visited. */
  descend: boolean;
  /** The shadow root's host (its runs end when the shadow tree is done), or null. */
  host: Node | null;
}

/**
 * The walk behind collectTextRuns, resumable run by run (`next()`), in document order: a caller can
 * stop after a time budget and resume later (the DOM must not change in between, or runs may hold
 * stale nodes: check with `isRunIntact`). Without recursion: a stack of frames, one per open shadow
 * tree being walked. The content script drives it directly in time slices. Written as a plain loop with the run's text built by concatenation
 * (the first Text node's data as it is when a run has one segment, the common case): against the
 * generator-and-builder walk it replaced, on the 1 MB bench page in Chromium, 3.4 instead of 9.8 ms hot
 * and 11–25 instead of 20–32 ms on a page's first (cold) walk (medians of 15 / 6 runs; the run-by-run
 * equality with that walk is fuzz-tested against a copy of it in test/fuzz).
 */
export class TextRunWalker {
  readonly #outer: Node;
  readonly #opts: CollectOptions;
  readonly #shadows: boolean;
  readonly #keepBlank: boolean;
  readonly #frames: Frame[] = [];
  /** Finished runs not handed out yet, from #head on. */
  #ready: TextRun[] = [];
  #head = 0;
  #finished = false;
  // The run being built.
  #text = '';
  #first: Text | null = null;
  #segments: TextSegment[] | null = null;
  #block: Node;

  constructor(root: Node, opts: CollectOptions = {}) {
    this.#outer = root;
    this.#opts = opts;
    this.#shadows = opts.shadowRoots ?? true;
    this.#keepBlank = opts.keepBlank ?? false;
    const start =
      root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
    this.#block = start ?? root;
    if (start) {
      const frame: Frame = { root: start, node: start, descend: false, host: null };
      this.#frames.push(frame);
      frame.descend = this.#enter(start, start);
    }
  }

  /** The next run, or undefined when the walk is done. */
  next(): TextRun | undefined {
    while (this.#head >= this.#ready.length) {
      if (this.#head > 0) {
        this.#ready = [];
        this.#head = 0;
      }
      const frame = this.#frames[this.#frames.length - 1];
      if (frame) this.#step(frame);
      else if (this.#finished) return undefined;
      else {
        this.#finished = true;
        this.#flush(this.#outer);
      }
    }
    return this.#ready[this.#head++];
  }

  /** Moves one node on in `frame`: to the first child, or up to the next sibling (ending blocks left). */
  #step(frame: Frame): void {
    const root = frame.root;
    if (frame.descend) {
      const child = frame.node.firstChild;
      if (child) {
        frame.node = child;
        frame.descend = this.#enter(child, root);
        return;
      }
    }
    let current: Node | null = frame.node;
    while (current) {
      this.#leave(current, root);
      if (current === root) break;
      const sibling: Node | null = current.nextSibling;
      if (sibling) {
        frame.node = sibling;
        frame.descend = this.#enter(sibling, root);
        return;
      }
      current = current.parentNode;
    }
    // This tree is done: a shadow tree's runs end with it, and the host's light children follow.
    this.#frames.pop();
    if (frame.host) this.#flush(frame.host);
  }

  /** Enters `node`; true when its children are to be visited. */
  #enter(node: Node, root: Node): boolean {
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) return false;
      if (this.#first === null) {
        this.#first = node as Text;
        this.#text = data;
      } else {
        this.#segments ??= [{ node: this.#first, start: 0 }];
        this.#segments.push({ node: node as Text, start: this.#text.length });
        this.#text += data;
      }
      return false;
    }
    if (type !== ELEMENT_NODE) return node === root; // documents/fragments/shadow roots: only the root
    const element = node as Element;
    const block = isBlockElement(element);
    if (node !== root && isSkippedElement(element, this.#opts)) {
      // A skipped element separates the text around it: a block (e.g. <pre>) ends the block; an
      // inline one (hidden text, <code>, an input) ends the run, so no mark's Range can span text
      // the run left out (王<span hidden>…</span>毅 is no mention of 王毅).
      this.#flush(block ? (element.parentNode ?? root) : this.#block);
      return false;
    }
    if (block) this.#flush(element.localName === 'br' ? (element.parentNode ?? root) : element);
    const shadow = this.#shadows
      ? (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot
      : null;
    if (shadow) {
      // The shadow tree renders in place of the host; its text is a set of runs of its own. The light
      // children are usually slotted into it, so they are collected too, as runs of their own.
      this.#flush(shadow);
      this.#frames.push({ root: shadow, node: shadow, descend: true, host: element });
    }
    return true;
  }

  #leave(node: Node, root: Node): void {
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    if (isBlockElement(element) && element.localName !== 'br') this.#flush(element.parentNode ?? root);
  }

  /** Ends the current run; `next` is the block the following text belongs to. */
  #flush(next: Node): void {
    const first = this.#first;
    if (first !== null) {
      const text = this.#text;
      if (this.#keepBlank || NON_BLANK.test(text)) {
        this.#ready.push({
          text,
          segments: this.#segments ?? [{ node: first, start: 0 }],
          block: this.#block,
        });
      }
      this.#first = null;
      this.#segments = null;
      this.#text = '';
    }
    this.#block = next;
  }
}

const NON_BLANK = /\S/;

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
