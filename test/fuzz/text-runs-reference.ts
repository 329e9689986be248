// Test oracle: the text-run walk as it was before TextRunWalker (a generator over a RunBuilder, as of
// b8fec89), kept so the fuzz suite can check that the faster walker yields exactly the same runs.
import {
  type CollectOptions,
  isBlockElement,
  isSkippedElement,
  type TextRun,
  type TextSegment,
} from '../../src/match/text-runs.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

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

/** The runs under `root`, as collectTextRuns made them before TextRunWalker. */
export function* referenceTextRuns(
  root: Node,
  opts: CollectOptions = {},
): Generator<TextRun, void, undefined> {
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
