// happy-dom has no StaticRange (the marks are StaticRanges: src/content/marks.ts): a minimal one, as
// the DOM standard defines it (https://dom.spec.whatwg.org/#interface-staticrange), for the unit tests.
if (typeof (globalThis as { StaticRange?: unknown }).StaticRange !== 'function') {
  class StaticRangeForTests {
    readonly startContainer: Node;
    readonly startOffset: number;
    readonly endContainer: Node;
    readonly endOffset: number;
    constructor(init: StaticRangeInit) {
      this.startContainer = init.startContainer;
      this.startOffset = init.startOffset;
      this.endContainer = init.endContainer;
      this.endOffset = init.endOffset;
    }
    get collapsed(): boolean {
      return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
    }
  }
  (globalThis as { StaticRange?: unknown }).StaticRange = StaticRangeForTests;
}
