// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { pack } from '../../src/background/handlers.ts';
import { placeCard } from '../../src/content/card-host.ts';
import { type HighlightLike, liveRange, Marks } from '../../src/content/marks.ts';
import {
  closestBlock,
  isInSkipped,
  type Matcher,
  packedMentions,
  SCAN_LIMITS,
  Scanner,
} from '../../src/content/scanner.ts';
import {
  disabledSitesItem,
  enabledItem,
  isEnabledFor,
  isOn,
  setSiteEnabled,
  siteKey,
  watchSite,
} from '../../src/content/site-switch.ts';
import type { Mention } from '../../src/entities/types.ts';
import type { MatchRunsResponse } from '../../src/messaging.ts';

const NAMES = ['拉夫罗夫', '王毅', '普京'];

/** A matcher over a fixed list of names, counting its calls; answers packed when asked (as the background does). */
function fakeMatcher() {
  const calls: string[][] = [];
  const match: Matcher = async ({ runs, packed }) => {
    calls.push(runs);
    const mentions: Mention[] = [];
    const entities: MatchRunsResponse['entities'] = {};
    runs.forEach((text, run) => {
      for (const name of NAMES) {
        for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
          mentions.push({ run, start: i, end: i + name.length, text: name, entityId: `e:${name}`, score: 1 });
          entities[`e:${name}`] = { id: `e:${name}`, name, kind: 'person', articleCount: 1 };
        }
      }
    });
    return packed ? pack(mentions, entities) : { mentions, entities };
  };
  return { match, calls };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const texts = (marks: Marks) => marks.list().map((m) => m.text);

describe('Scanner', () => {
  let marks: Marks;
  let scanner: Scanner;
  let matcher: ReturnType<typeof fakeMatcher>;

  beforeEach(() => {
    document.body.innerHTML = '';
    marks = new Marks();
    matcher = fakeMatcher();
    scanner = new Scanner({ marks, match: matcher.match });
  });

  afterEach(() => {
    scanner.disconnect();
    scanner.cancel();
  });

  it('marks the top of a page still loading: only blocks the parser is done with, then no duplicates', async () => {
    document.body.innerHTML = '<p id="a">王毅会见普京</p><p id="b">拉夫罗夫</p><p id="c">普京</p>';
    const open = document.getElementById('c') as Element;
    const isComplete = (run: { block: Node }) => run.block !== open;
    expect(await scanner.scanTop(document.body, isComplete)).toBe(true);
    expect(matcher.calls).toEqual([['王毅会见普京', '拉夫罗夫']]);
    expect(texts(marks).sort()).toEqual(['拉夫罗夫', '普京', '王毅']);
    // The full scan at DOMContentLoaded sends everything again; the early marks are not doubled.
    await scanner.scan(document.body);
    expect(texts(marks).sort()).toEqual(['拉夫罗夫', '普京', '普京', '王毅']);
    // Nothing complete yet: nothing sent.
    scanner.cancel();
    marks.clear();
    expect(await scanner.scanTop(document.body, () => false)).toBe(false);
    expect(matcher.calls).toHaveLength(2);
  });

  it('marks every mention with a Range over the page text, across inline elements', async () => {
    document.body.innerHTML =
      '<p>外长<b>拉夫</b>罗夫会见王毅</p><pre>王毅</pre><p contenteditable="true">普京</p>';
    await scanner.scan(document.body);
    expect(texts(marks)).toEqual(['拉夫罗夫', '王毅']);
    const lavrov = marks.list()[0];
    expect(lavrov && liveRange(lavrov.range)?.toString()).toBe('拉夫罗夫');
    expect(lavrov?.brief.name).toBe('拉夫罗夫');
    // Indexed under both Text nodes it spans, for hit-testing.
    const b = document.querySelector('b')?.firstChild as Text;
    expect(marks.onNode(b)).toContain(lavrov);
  });

  it('re-scans only the blocks that change, after a debounce', async () => {
    document.body.innerHTML = '<div id="feed"><p>王毅</p></div><p id="other">普京</p>';
    await scanner.scan(document.body);
    scanner.observe(document.body);
    expect(texts(marks).sort()).toEqual(['普京', '王毅'].sort());
    const p = document.createElement('p');
    p.textContent = '新段落：拉夫罗夫';
    document.getElementById('feed')?.append(p);
    await wait(400);
    expect(texts(marks).sort()).toEqual(['普京', '拉夫罗夫', '王毅'].sort());
    // Only the new block was sent (not the whole feed, not the rest of the page).
    expect(matcher.calls.at(-1)).toEqual(['新段落：拉夫罗夫']);
    // Removed text loses its mark.
    document.getElementById('other')?.remove();
    await wait(400);
    expect(texts(marks).sort()).toEqual(['拉夫罗夫', '王毅'].sort());
  });

  it('re-scans blocks changed together in one request, in page order', async () => {
    document.body.innerHTML = '<div id="a"><p>王毅</p></div><div id="b"><p>普京</p></div>';
    await scanner.scan(document.body);
    scanner.observe(document.body);
    const calls = matcher.calls.length;
    const later = document.createElement('p');
    later.textContent = '后：普京';
    document.getElementById('b')?.append(later);
    const earlier = document.createElement('p');
    earlier.textContent = '前：拉夫罗夫';
    document.getElementById('a')?.append(earlier);
    await wait(400);
    expect(matcher.calls.slice(calls)).toEqual([['前：拉夫罗夫', '后：普京']]);
    expect(texts(marks).sort()).toEqual(['拉夫罗夫', '普京', '普京', '王毅'].sort());
  });

  it('re-scans the run around inserted inline text, and nothing for whitespace between blocks', async () => {
    document.body.innerHTML = '<div id="feed"><p id="p">外长<b>王</b></p></div>';
    await scanner.scan(document.body);
    scanner.observe(document.body);
    expect(marks.size).toBe(0);
    document.querySelector('b')?.append('毅');
    await wait(400);
    expect(texts(marks)).toEqual(['王毅']);
    expect(matcher.calls.at(-1)).toEqual(['外长王毅']);
    const calls = matcher.calls.length;
    document.getElementById('feed')?.append('\n  ');
    document.getElementById('feed')?.append(document.createComment('x'));
    await wait(400);
    expect(matcher.calls.length).toBe(calls);
  });

  it('ignores changes inside editable regions', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p id="e">x</p></div>';
    await scanner.scan(document.body);
    scanner.observe(document.body);
    (document.getElementById('e') as HTMLElement).textContent = '王毅';
    await wait(400);
    expect(marks.size).toBe(0);
  });

  it('drops results that arrive after a cancel (switched off)', async () => {
    document.body.innerHTML = '<p>王毅</p>';
    const pending = scanner.scan(document.body);
    scanner.cancel();
    await pending;
    expect(marks.size).toBe(0);
  });

  it('draws every mark by the end of a scan of many batches, the first batch before the last answer', async () => {
    const drawn = new Set<AbstractRange>();
    const highlight: HighlightLike = {
      add: (r) => drawn.add(r),
      delete: (r) => drawn.delete(r),
      clear: () => {},
    };
    marks = new Marks(highlight);
    const answers: Array<() => void> = [];
    const drawnAtAnswer: number[] = [];
    const inner = fakeMatcher();
    // Answers wait until released, so the test sees what is drawn while requests are pending.
    const match: Matcher = (request) =>
      new Promise((resolve) => {
        answers.push(() => {
          drawnAtAnswer.push(drawn.size);
          resolve(inner.match(request));
        });
      });
    let marked = 0;
    scanner = new Scanner({ marks, match, onMarked: () => marked++ });
    const n = SCAN_LIMITS.batchRuns * 3 + 10;
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>${i} 王毅</p>`).join('');
    let finished = false;
    const done = scanner.scan(document.body).then(() => (finished = true));
    for (let released = 0; !finished; released++) {
      while (answers.length <= released && !finished) await wait(5);
      if (finished) break;
      // Never more requests in flight than the limit (and the first, small one).
      expect(answers.length - released).toBeLessThanOrEqual(SCAN_LIMITS.inFlight + 1);
      answers[released]?.();
      // On to the next answer once this one is marked (every run holds one mention).
      const sent = inner.calls.slice(0, released + 1).flat().length;
      while (marks.size < sent) await wait(5);
    }
    await done;
    const calls = inner.calls;
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(calls.flat().length).toBe(n);
    // Runs are sent in page order (nothing is visible in happy-dom's layout-less DOM).
    expect(calls.flat()).toEqual(Array.from({ length: n }, (_, i) => `${i} 王毅`));
    // The first batch is small and drawn at once, while the later answers are pending.
    expect(calls[0]?.length).toBeLessThanOrEqual(SCAN_LIMITS.firstBatchRuns);
    expect(drawnAtAnswer[0]).toBe(0);
    expect(drawnAtAnswer[1]).toBe(calls[0]?.length);
    expect([marks.size, marks.pending, drawn.size]).toEqual([n, 0, n]);
    expect(marked).toBeGreaterThan(0);
  });

  /**
   * Scans a page of `n` paragraphs (a mention each) whose answers are held until releaseAll();
   * `onSend` sees each request as it goes out. More marks than DRAWING.allUpTo: no drawing window to
   * follow (no IntersectionObserver here).
   */
  const heldScan = (n: number, onSend: (runs: string[]) => void) => {
    const held: Array<() => void> = [];
    const inner = fakeMatcher();
    const match: Matcher = (request) => {
      onSend(request.runs);
      return new Promise((resolve) => held.push(() => resolve(inner.match(request))));
    };
    marks = new Marks(null, { idle: () => {} });
    scanner = new Scanner({ marks, match });
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>${i} 王毅</p>`).join('');
    const done = scanner.scan(document.body);
    return {
      held,
      releaseAll: async () => {
        for (const release of held) release();
        await done;
      },
    };
  };
  /** The requests a scan of `n` runs makes: the small first one, then full ones. */
  const batchesFor = (n: number) => 1 + Math.ceil((n - SCAN_LIMITS.firstBatchRuns) / SCAN_LIMITS.batchRuns);

  it('sends all the rest at once when the viewport is known, without waiting for answers', async () => {
    const sent: string[][] = [];
    const n = SCAN_LIMITS.batchRuns * 10;
    const scan = heldScan(n, (runs) => sent.push(runs));
    // Collection ends, then a frame (or afterNextFrame's 100 ms) passes: no answer has come back.
    await wait(400);
    const batches = batchesFor(n);
    expect(batches).toBeGreaterThan(SCAN_LIMITS.inFlight + 1);
    expect(batches).toBeLessThanOrEqual(SCAN_LIMITS.inFlightOnceQueued);
    expect(sent.length).toBe(batches);
    expect(sent.flat().length).toBe(n);
    await scan.releaseAll();
    expect(marks.size).toBe(n);
  });

  it('sends for at most about a slice at a time when sending is slow', async () => {
    // Each request costs 5 ms of main thread here (the clock only moves when one is sent).
    let clock = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    try {
      const n = SCAN_LIMITS.batchRuns * 10;
      const scan = heldScan(n, () => {
        clock += 5;
      });
      await wait(400);
      // All went out, yet no slice ran more than one request past the budget.
      expect(scan.held.length).toBe(batchesFor(n));
      expect(scanner.longestSliceMs).toBeLessThanOrEqual(SCAN_LIMITS.sliceMs + 5);
      await scan.releaseAll();
      expect(marks.size).toBe(n);
    } finally {
      spy.mockRestore();
    }
  });

  it('ends its first slice once the top of the page is sent, whatever the time budget', async () => {
    // At DOMContentLoaded the page's own first layout and paint come next: the first slice sends the
    // first (small) request and gives way, even with time left (the clock is frozen here).
    const n = SCAN_LIMITS.batchRuns * 2;
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>${i} 王毅</p>`).join('');
    const clock = vi.spyOn(performance, 'now').mockReturnValue(0);
    let done: Promise<void>;
    try {
      done = scanner.scan(document.body); // runs synchronously up to its first yield
      expect(matcher.calls.length).toBe(1);
      expect(matcher.calls[0]?.length).toBeLessThanOrEqual(SCAN_LIMITS.firstBatchRuns);
    } finally {
      clock.mockRestore();
    }
    await done;
    expect(marks.size).toBe(n);
  });

  it('marks nothing in a run whose text changed between collection and the answer', async () => {
    document.body.innerHTML = '<p id="a">王毅会见普京</p><p id="b">拉夫罗夫</p>';
    const inner = fakeMatcher();
    const match: Matcher = async (request) => {
      // The page changes while the request is out: 普京 becomes 普丁 in the first paragraph.
      const text = document.getElementById('a')?.firstChild as Text;
      text.data = '王毅会见普丁';
      return inner.match(request);
    };
    scanner = new Scanner({ marks, match });
    await scanner.scan(document.body);
    // The answer's offsets are for the old text: the changed run gets no mark (its re-scan will).
    expect(texts(marks)).toEqual(['拉夫罗夫']);
  });

  it('clears every mark at once', async () => {
    document.body.innerHTML = '<p>王毅 普京</p>';
    await scanner.scan(document.body);
    expect(marks.size).toBe(2);
    marks.clear();
    expect(marks.size).toBe(0);
    expect(marks.onNode(document.querySelector('p')?.firstChild as Text)).toEqual([]);
  });
});

describe('scanner helpers', () => {
  it('reads mentions as packed numbers, and nothing from an answer without them', () => {
    const brief = { id: 'e:王毅', name: '王毅', kind: 'person' as const, articleCount: 1 };
    const mentions = [
      { run: 0, start: 1, end: 3, text: '王毅', entityId: 'e:王毅', score: 1 },
      { run: 2, start: 0, end: 2, text: '普京', entityId: 'e:普京', score: 1 },
    ];
    const entities = { 'e:王毅': brief, 'e:普京': { ...brief, id: 'e:普京', name: '普京' } };
    const res = pack(mentions, entities);
    expect(packedMentions(res)).toEqual({ packed: [0, 1, 3, 0, 2, 0, 2, 1], ids: ['e:王毅', 'e:普京'] });
    expect(packedMentions({ mentions, entities })).toEqual({ packed: [], ids: [] });
  });

  it('finds the closest block and skipped ancestors', () => {
    document.body.innerHTML =
      '<div id="d"><p id="p"><b id="b">x</b></p></div><pre><span id="s">y</span></pre>';
    const b = document.getElementById('b') as HTMLElement;
    expect((closestBlock(b.firstChild, document.body) as Element).id).toBe('p');
    expect(closestBlock(document.body, document.body)).toBe(document.body);
    expect(isInSkipped(document.getElementById('s') as Node, {})).toBe(true);
    expect(isInSkipped(b, {})).toBe(false);
  });

  it('places the card below, flipping above and left near the edges', () => {
    expect(placeCard({ left: 100, top: 100, right: 150, bottom: 120 }, 300, 200, 1000, 700)).toEqual({
      left: 100,
      top: 126,
      placement: 'below',
    });
    expect(placeCard({ left: 100, top: 600, right: 150, bottom: 620 }, 300, 200, 1000, 700)).toEqual({
      left: 100,
      top: 394,
      placement: 'above',
    });
    expect(placeCard({ left: 900, top: 100, right: 950, bottom: 120 }, 300, 200, 1000, 700).left).toBe(650);
    // Larger than the viewport: pinned to the margin.
    expect(placeCard({ left: 10, top: 10, right: 20, bottom: 20 }, 300, 900, 400, 700).top).toBe(8);
  });
});

describe('site switch', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keys sites by host name, any port; files share one key', () => {
    expect(siteKey('http://127.0.0.1:4711/a.html')).toBe('127.0.0.1');
    expect(siteKey('https://WWW.DW.com/zh')).toBe('www.dw.com');
    expect(siteKey('file:///tmp/a.html')).toBe('file:');
    expect(siteKey('not a url')).toBe('');
    expect(isOn(true, ['a.com'], 'b.com')).toBe(true);
    expect(isOn(false, [], 'b.com')).toBe(false);
  });

  it('turns a site off and on, and tells watchers at once', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSite('www.dw.com', (on) => seen.push(on));
    await wait(10);
    expect(await isEnabledFor('www.dw.com')).toBe(true);
    await setSiteEnabled('www.dw.com', false);
    await wait(10);
    expect(await disabledSitesItem.getValue()).toEqual(['www.dw.com']);
    expect(await isEnabledFor('www.dw.com')).toBe(false);
    expect(await isEnabledFor('example.org')).toBe(true);
    await setSiteEnabled('www.dw.com', true);
    await wait(10);
    await enabledItem.setValue(false);
    await wait(10);
    expect(seen).toEqual([false, true, false]);
    unwatch();
  });
});
