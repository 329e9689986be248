// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ABOVE,
  ASIDE,
  BELOW,
  type BlockEntry,
  DRAWING,
  type HighlightLike,
  liveRange,
  Marks,
  NEAR,
  type Side,
} from '../../src/content/marks.ts';
import { collectTextRuns, type TextRun } from '../../src/match/text-runs.ts';
import type { EntityBrief } from '../../src/messaging.ts';

/** Records what is drawn, like a registered Highlight (a set of ranges). */
function fakeHighlight() {
  const ranges = new Set<AbstractRange>();
  const highlight: HighlightLike = {
    add: (r) => ranges.add(r),
    delete: (r) => ranges.delete(r),
    clear: () => ranges.clear(),
  };
  return { highlight, ranges };
}

const brief = (name: string): EntityBrief => ({ id: `e:${name}`, name, kind: 'person', articleCount: 1 });
const drawnTexts = (ranges: Set<AbstractRange>) => Array.from(ranges, (r) => liveRange(r)?.toString());

describe('Marks', () => {
  let runs: TextRun[];

  beforeEach(() => {
    document.body.innerHTML = '<p id="a">外长<b>拉夫</b>罗夫会见王毅</p><p id="b">普京</p>';
    runs = collectTextRuns(document.body);
  });

  it('indexes a mark at once and draws it at the next commit', () => {
    const { highlight, ranges } = fakeHighlight();
    const marks = new Marks(highlight);
    const run = runs[0] as TextRun;
    const lavrov = marks.add(run, 2, 6, 'e:拉夫罗夫', brief('拉夫罗夫'));
    marks.add(run, 8, 10, 'e:王毅', brief('王毅'));
    expect(lavrov?.text).toBe('拉夫罗夫');
    expect(marks.size).toBe(2);
    expect([marks.pending, marks.drawn]).toEqual([2, 0]);
    expect(ranges.size).toBe(0);
    // Hit-testing finds a mark before it is drawn (under both Text nodes it spans).
    const b = document.querySelector('b')?.firstChild as Text;
    expect(marks.onNode(b)).toEqual([lavrov]);
    marks.commit();
    expect([marks.pending, marks.drawn]).toEqual([0, 2]);
    expect(drawnTexts(ranges)).toEqual(['拉夫罗夫', '王毅']);
    marks.add(runs[1] as TextRun, 0, 2, 'e:普京', brief('普京'));
    expect(ranges.size).toBe(2);
    marks.commit();
    expect(drawnTexts(ranges)).toEqual(['拉夫罗夫', '王毅', '普京']);
  });

  it('removes drawn and undrawn marks alike', () => {
    const { highlight, ranges } = fakeHighlight();
    const marks = new Marks(highlight);
    marks.add(runs[0] as TextRun, 8, 10, 'e:王毅', brief('王毅'));
    marks.commit();
    marks.add(runs[1] as TextRun, 0, 2, 'e:普京', brief('普京'));
    marks.removeWithin([document.getElementById('a') as Node, document.getElementById('b') as Node]);
    expect([marks.size, marks.pending, marks.drawn]).toEqual([0, 0, 0]);
    expect(ranges.size).toBe(0);
    // A mark removed before its commit is never drawn.
    marks.commit();
    expect(ranges.size).toBe(0);
  });

  it('clear() drops undrawn marks too', () => {
    const { highlight, ranges } = fakeHighlight();
    const marks = new Marks(highlight);
    marks.add(runs[1] as TextRun, 0, 2, 'e:普京', brief('普京'));
    marks.clear();
    marks.commit();
    expect([marks.size, marks.pending, ranges.size]).toEqual([0, 0, 0]);
  });

  it('marks a mention once, however many scans reach it', () => {
    const marks = new Marks(null);
    const run = runs[0] as TextRun;
    expect(marks.add(run, 8, 10, 'e:王毅', brief('王毅'))).not.toBeNull();
    const again = collectTextRuns(document.getElementById('a') as Node)[0] as TextRun;
    expect(marks.add(again, 8, 10, 'e:王毅', brief('王毅'))).toBeNull();
    expect(marks.add(run, 2, 6, 'e:拉夫罗夫', brief('拉夫罗夫'))).not.toBeNull();
    expect(marks.size).toBe(2);
  });

  it('marks a mention again once its mark was removed (re-scan of a changed block)', () => {
    const marks = new Marks(null);
    const run = runs[0] as TextRun;
    expect(marks.add(run, 8, 10, 'e:王毅', brief('王毅'))).not.toBeNull();
    marks.removeWithin(document.getElementById('a') as Node);
    expect(marks.size).toBe(0);
    expect(marks.add(run, 8, 10, 'e:王毅', brief('王毅'))).not.toBeNull();
    expect(marks.size).toBe(1);
  });

  it('refuses every repeated mention of a long text node holding thousands of marks', () => {
    document.body.innerHTML = `<p id="long">${'王毅会见普京。'.repeat(5_000)}</p>`;
    const [run] = collectTextRuns(document.body) as [TextRun];
    const marks = new Marks(null);
    for (let i = 0; i < 5_000; i++) marks.add(run, i * 7, i * 7 + 2, 'e:王毅', brief('王毅'));
    expect(marks.size).toBe(5_000);
    for (let i = 0; i < 5_000; i++)
      expect(marks.add(run, i * 7, i * 7 + 2, 'e:王毅', brief('王毅'))).toBeNull();
    expect(marks.size).toBe(5_000);
  });

  it('maps a mention that ends where a segment ends to that segment, not the next one', () => {
    document.body.innerHTML = '<p id="s">王<b>毅</b>会见</p>';
    const [run] = collectTextRuns(document.body) as [TextRun];
    const marks = new Marks(null);
    const mark = marks.add(run, 0, 2, 'e:王毅', brief('王毅'));
    const bold = document.querySelector('#s b')?.firstChild;
    expect(mark?.range.endContainer).toBe(bold);
    expect(mark?.range.endOffset).toBe(1);
    expect(liveRange(mark?.range as AbstractRange)?.toString()).toBe('王毅');
  });
});

describe('Marks on a page with many marks: only those near the viewport are drawn', () => {
  const N = DRAWING.allUpTo + 500;
  let runs: TextRun[];

  /** An IntersectionObserver stand-in: `near(ids)` reports those blocks near, every other watched one not. */
  function fakeObserver() {
    const watched = new Set<Element>();
    let onChange: (entries: BlockEntry[]) => void = () => {};
    const observer = (callback: typeof onChange) => {
      onChange = callback;
      return {
        observe: (e: Element) => watched.add(e),
        unobserve: (e: Element) => watched.delete(e),
        disconnect: () => watched.clear(),
      };
    };
    const near = (ids: Set<string>) =>
      onChange(
        Array.from(watched, (target) => ({
          target,
          isIntersecting: ids.has(target.id),
          boundingClientRect: new DOMRect(0, 0, target.id === 'p2' ? 0 : 100, target.id === 'p2' ? 0 : 20),
        })),
      );
    return { observer, near, watched };
  }
  const ids = (from: number, to: number) =>
    new Set(Array.from({ length: to - from }, (_, i) => `p${from + i}`));
  const index = (id: string) => Number(id.slice(1));
  /** Blocks per group once the scan is done: N blocks in at most ~500 groups (marks.ts WATCHED). */
  const GROUP = Math.ceil(N / 500);
  /** Scrolls: the box reads and the observer then agree that `nearIds` are near. */
  const scroll = (
    times: { scroll: (ids: Set<string>) => void },
    near: (ids: Set<string>) => void,
    nearIds: Set<string>,
  ) => {
    times.scroll(nearIds);
    near(nearIds);
  };
  const blocksOf = (ranges: Set<AbstractRange>) =>
    new Set(Array.from(ranges, (r) => (r.startContainer.parentNode as Element).id));

  /**
   * Stand-ins for box reads, the next frame and idle time, run when the test says. The paragraphs
   * stand one below the other; `nearIds` are near the viewport (a contiguous stretch), the ones before
   * above it, the ones after below it, except `aside` (beside the viewport) and `boxless` (no box).
   */
  function fakeTimes(nearIds: Set<string>, aside = new Set<string>(), boxless = new Set<string>()) {
    const frames: Array<() => void> = [];
    const idles: Array<() => void> = [];
    const read: string[] = [];
    const index = (id: string) => Number(id.slice(1));
    const firstNear = () => Math.min(...Array.from(nearIds, index));
    return {
      /** Scrolls: these blocks are near from now on. */
      scroll: (ids: Set<string>) => {
        nearIds = ids;
      },
      read,
      options: {
        sideOf: (e: Element): Side => {
          read.push(e.id);
          if (aside.has(e.id)) return ASIDE;
          if (boxless.has(e.id) || nearIds.has(e.id)) return NEAR;
          return index(e.id) < firstNear() ? ABOVE : BELOW;
        },
        afterFrame: (f: () => void) => frames.push(f),
        idle: (f: () => void) => idles.push(f),
      },
      frame: () => {
        for (const f of frames.splice(0)) f();
      },
      idle: () => {
        while (idles.length > 0) (idles.shift() as () => void)();
      },
    };
  }

  beforeEach(() => {
    document.body.innerHTML = Array.from({ length: N }, (_, i) => `<p id="p${i}">王毅会见普京</p>`).join('');
    runs = collectTextRuns(document.body);
    runs.forEach((run, i) => {
      run.order = i; // as the scanner numbers them
    });
  });

  it(`draws every mark up to ${DRAWING.allUpTo}, then only those whose block is near the viewport`, () => {
    const { highlight, ranges } = fakeHighlight();
    const { observer, near, watched } = fakeObserver();
    const times = fakeTimes(ids(0, 10));
    const marks = new Marks(highlight, { observer, ...times.options });
    for (let i = 0; i < DRAWING.allUpTo; i++) marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    expect([marks.isWindowed, ranges.size, times.read.length]).toEqual([false, DRAWING.allUpTo, 0]);
    for (let i = DRAWING.allUpTo; i < N; i++) marks.add(runs[i] as TextRun, 4, 6, 'e:普京', brief('普京'));
    marks.commit();
    // Until a frame has been rendered no box is read (it could force the page's first layout): what
    // was drawn stays drawn, the new marks wait.
    expect([marks.isWindowed, ranges.size, times.read.length]).toEqual([true, DRAWING.allUpTo, 0]);
    times.frame();
    expect([...blocksOf(ranges)].sort()).toEqual([...ids(0, 10)].sort());
    expect(marks.drawn).toBe(10);
    // Stretches of blocks all below the window are not read block by block.
    expect(times.read.length).toBeLessThan(100);
    expect(times.read.length).toBe(new Set(times.read).size);
    // Later marks: a block decided before is not read again.
    const reads = times.read.length;
    marks.add(runs[5] as TextRun, 4, 6, 'e:普京', brief('普京'));
    marks.add(runs[N - 1] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    expect(marks.drawn).toBe(11);
    expect(times.read).toHaveLength(reads);
    // No observer until the scan is done (follow), then it watches, in idle time, the first block of
    // each group of GROUP consecutive blocks (at most ~500 groups).
    expect(watched.size).toBe(0);
    marks.follow();
    expect(watched.size).toBe(0);
    times.idle();
    expect(watched.size).toBe(N / GROUP);
    expect([...watched].every((e) => index(e.id) % GROUP === 0)).toBe(true);
    near(ids(0, 10)); // the observer agrees with the box reads: nothing changes
    expect(marks.drawn).toBe(11);
    scroll(times, near, ids(1000, 1010)); // scrolled down
    // The groups whose first block meets the window, and the one just above (it ends in the window).
    expect([...blocksOf(ranges)].sort()).toEqual([...ids(1000 - GROUP, 1010)].sort());
    // Scrolled to the middle of a group: no watched block meets the window, yet the group is drawn.
    scroll(times, near, ids(1001, 1004));
    expect([...blocksOf(ranges)].sort()).toEqual([...ids(1000, 1000 + GROUP)].sort());
    expect(marks.drawn).toBe(GROUP);
    expect(marks.size).toBe(N + 2);
    // Every mark stays indexed for hit-testing and the popup's list.
    expect(marks.onNode((document.getElementById(`p${N - 1}`) as Element).firstChild as Node)).toHaveLength(
      2,
    );
  });

  it('takes blocks after one read below the window as far, without reading their boxes', () => {
    const { highlight, ranges } = fakeHighlight();
    const { observer, near } = fakeObserver();
    const times = fakeTimes(ids(0, 10));
    const marks = new Marks(highlight, { observer, ...times.options });
    for (let i = 0; i < DRAWING.allUpTo + 100; i++)
      marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    times.frame();
    expect([...blocksOf(ranges)].sort()).toEqual([...ids(0, 10)].sort());
    const reads = times.read.length;
    // The next batches: every block comes after one already read below the window.
    for (let i = DRAWING.allUpTo + 100; i < N; i++)
      marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    expect(times.read).toHaveLength(reads);
    expect(marks.drawn).toBe(10);
    // Once the scan is done, the observer draws them when they come near.
    marks.follow();
    times.idle();
    scroll(times, near, ids(N - 5, N));
    expect([...blocksOf(ranges)].sort()).toEqual([...ids(N - 2 * GROUP, N)].sort());
  });

  it('finds a window in the middle of the page, and blocks beside it, in any commit order', () => {
    const { highlight, ranges } = fakeHighlight();
    const { observer } = fakeObserver();
    const times = fakeTimes(ids(1200, 1230), new Set(['p1210']));
    const marks = new Marks(highlight, { observer, ...times.options });
    // The viewport's batch first (as the scanner sends it), then the page from the top.
    const order = [
      ...Array.from({ length: 100 }, (_, i) => 1180 + i),
      ...Array.from({ length: N }, (_, i) => i),
    ];
    for (const i of order) marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    times.frame();
    const expected = [...ids(1200, 1230)].filter((id) => id !== 'p1210');
    expect([...blocksOf(ranges)].sort()).toEqual(expected.sort());
    expect(times.read.length).toBeLessThan(200);
  });

  it('hands what is drawn to the observer when the scan ends before the first frame', () => {
    const { highlight, ranges } = fakeHighlight();
    const { observer, near } = fakeObserver();
    const times = fakeTimes(ids(0, 10));
    const marks = new Marks(highlight, { observer, ...times.options });
    for (let i = 0; i < DRAWING.allUpTo; i++) marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    for (let i = DRAWING.allUpTo; i < N; i++) marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    marks.follow(); // no frame yet (a hidden tab, say): no box was read
    times.frame();
    times.idle();
    expect([times.read.length, ranges.size]).toEqual([0, DRAWING.allUpTo]);
    near(ids(0, 10));
    // The far blocks' drawn marks leave; the near ones stay.
    expect([...blocksOf(ranges)].sort()).toEqual([...ids(0, 10)].sort());
  });

  it('groups a block that gets its first marks between follow() and the grouping', () => {
    const { highlight, ranges } = fakeHighlight();
    const { observer, near, watched } = fakeObserver();
    const times = fakeTimes(ids(0, 10));
    const marks = new Marks(highlight, { observer, ...times.options });
    for (let i = 0; i < N - 1; i++) marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    times.frame();
    marks.follow();
    marks.add(runs[N - 1] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    expect(watched.size).toBe(0);
    times.idle();
    // N blocks again: the last one is in the last group, not watched on its own.
    expect(watched.size).toBe(N / GROUP);
    expect(blocksOf(ranges).has(`p${N - 1}`)).toBe(false);
    scroll(times, near, ids(N - 3, N));
    expect(blocksOf(ranges).has(`p${N - 1}`)).toBe(true);
  });

  it('keeps drawing the right groups after blocks, a sentinel among them, left the page', () => {
    const { highlight, ranges } = fakeHighlight();
    const { observer, near } = fakeObserver();
    const times = fakeTimes(ids(0, 10));
    const marks = new Marks(highlight, { observer, ...times.options });
    for (let i = 0; i < N; i++) marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    times.frame();
    marks.follow();
    times.idle();
    const gone = document.getElementById('p1002') as Element;
    gone.remove();
    marks.removeWithin([]);
    expect(marks.onNode(gone.firstChild as Node)).toHaveLength(0);
    scroll(times, near, ids(1000, 1010));
    expect([...blocksOf(ranges)].sort()).toEqual(
      [...ids(1000 - GROUP, 1010)].filter((id) => id !== 'p1002').sort(),
    );
    // A group whose first block left the page is still drawn with it (its sentinel stays watched).
    (document.getElementById('p1005') as Element).remove();
    marks.removeWithin([]);
    scroll(times, near, ids(1006, 1009));
    expect(blocksOf(ranges).has('p1007')).toBe(true);
  });

  it('does nothing scheduled before clear()', () => {
    const { highlight, ranges } = fakeHighlight();
    const { observer, watched } = fakeObserver();
    const times = fakeTimes(ids(0, 10));
    const marks = new Marks(highlight, { observer, ...times.options });
    for (let i = 0; i < N; i++) marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    marks.follow();
    marks.clear();
    times.frame();
    times.idle();
    expect([ranges.size, watched.size, times.read.length]).toEqual([0, 0, 0]);
  });

  it('follows the viewport, and draws new marks only near it', () => {
    const { highlight, ranges } = fakeHighlight();
    const { observer, near, watched } = fakeObserver();
    const times = fakeTimes(new Set());
    const marks = new Marks(highlight, { observer, ...times.options });
    for (let i = 0; i < N - 1; i++) marks.add(runs[i] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.commit();
    marks.follow(); // before the first frame: the observer decides it all
    times.frame();
    times.idle();
    expect(times.read).toHaveLength(0);
    scroll(times, near, ids(0, 10));
    scroll(times, near, ids(1000, 1010)); // scrolled down
    expect([...blocksOf(ranges)].sort()).toEqual([...ids(1000 - GROUP, 1010)].sort());
    // A new mark far from the viewport is indexed and watched, not drawn; one near it is drawn at once.
    marks.add(runs[N - 1] as TextRun, 0, 2, 'e:王毅', brief('王毅'));
    marks.add(runs[1005] as TextRun, 4, 6, 'e:普京', brief('普京'));
    marks.commit();
    expect(blocksOf(ranges).has(`p${N - 1}`)).toBe(false);
    expect(watched.has(document.getElementById(`p${N - 1}`) as Element)).toBe(true);
    expect(
      Array.from(ranges).filter((r) => (r.startContainer.parentNode as Element).id === 'p1005'),
    ).toHaveLength(2);
    expect(marks.size).toBe(N + 1);
    // A block whose marks are removed leaves the highlight; one watched on its own is no longer
    // watched (a group's first block still is: it stands for the group).
    marks.removeWithin(document.getElementById('p1005') as Node);
    expect(blocksOf(ranges).has('p1005')).toBe(false);
    expect(watched.has(document.getElementById('p1005') as Element)).toBe(true);
    const last = document.getElementById(`p${N - 1}`) as Element;
    marks.removeWithin(last);
    expect(watched.has(last)).toBe(false);
    // A block of a near group that gets marks again is drawn again.
    marks.add(
      collectTextRuns(document.getElementById('p1005') as Element)[0] as TextRun,
      0,
      2,
      'e:王毅',
      brief('王毅'),
    );
    marks.commit();
    expect(blocksOf(ranges).has('p1005')).toBe(true);
    // clear() ends it all.
    marks.clear();
    expect([marks.isWindowed, ranges.size, marks.drawn, watched.size]).toEqual([false, 0, 0, 0]);
  });
});
