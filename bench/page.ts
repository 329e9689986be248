// Benchmark (not a test): the built extension (.output/chrome-mv3) in Debian's Chromium, driven by
// playwright-core through the e2e harness (test/e2e/harness.ts). Prints, against the goals of the
// page issue: total marking time and longest main-thread task of Factlens on a 1 MB page, time to
// first marks on a 100 KB article (warm worker), service-worker cold start to first answer (worker
// stopped via CDP, then matchRuns, corpus load included), hover-to-card after the show delay, and the
// content script's minified size. Medians of several runs. Needs `npm run build` first.
// Run: npm run bench:page [-- --json] [-- --runs N]   (--json adds one line {"figures":[...]} for
// bench/run.ts; --runs: loads per median, default 9)
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { LoadTimings } from '../src/background/corpus.ts';
import { HOVER } from '../src/content/hover.ts';
import type { PingResponse } from '../src/messaging.ts';
import {
  type Browser,
  contentWorld,
  EXTENSION,
  e2eUnavailable,
  type FixtureServer,
  launch,
  serveFixtures,
} from '../test/e2e/harness.ts';
import { buildBigExtension } from './big-build.ts';
import type { Figure } from './run.ts';

const SENTENCES = [
  '俄罗斯外长拉夫罗夫本周二在北京先后会见了国家主席习近平和外长王毅。双方表示，中俄关系处在历史最高水平。',
  '外界普遍认为，此行是在为普丁五月访华做准备。普丁三月连任后尚未出访。',
  'Sergei Lavrov met Wang Yi in Beijing on Tuesday; the two sides described relations as the best in history.',
  '据海关统计，2023年两国贸易额达到2400亿美元，这一段落没有提到任何人名，只是补足长度。',
];

/** An article page of about `bytes` bytes; a page script records long tasks and the first mark. */
export function articlePage(bytes: number): string {
  const body: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<p id="p${i}">${SENTENCES[i % SENTENCES.length]}</p>\n`;
    body.push(p);
    size += Buffer.byteLength(p);
  }
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>bench</title>
<script>
window.__longTasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });
window.__firstMark = 0;
window.__firstMarkPainted = 0;
window.__lastMark = 0;
let seen = 0;
// At each frame: did the highlight change? __firstMark is the start of the frame that first draws
// marks; the __...Painted / __lastMark times are taken by a task posted from that frame, which runs
// once the frame's rendering (which includes the browser's work on the highlight) is done.
(function poll() {
  const h = CSS.highlights.get('factlens');
  const n = h ? h.size : 0;
  if (n !== seen) {
    seen = n;
    if (!window.__firstMark) window.__firstMark = performance.now();
    setTimeout(() => {
      window.__lastMark = performance.now();
      if (!window.__firstMarkPainted) window.__firstMarkPainted = window.__lastMark;
    }, 0);
  }
  requestAnimationFrame(poll);
})();
</script></head><body><article>${body.join('')}</article></body></html>`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
/** "range a–b ms" of a list of timings (the machine is shared: medians alone hide the spread). */
const spread = (xs: number[]) =>
  xs.length ? `range ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms` : 'no runs';

/**
 * Marking a 1 MB page: from DOMContentLoaded until every mention is marked (indexed by the content
 * script, and the marks near the viewport drawn), and the longest task after DOMContentLoaded. Done
 * when the content script's mark count has not grown over a second; the end is the later of the
 * scan's end (its `doneAt`) and the end of the frame that last changed the highlight (recorded by the
 * page). Until 2026-11-26 the end was the highlight's last change read from here by a page.evaluate
 * every 20 ms (up to one poll interval plus a round trip late), but before the browser's work on that
 * frame (when every mark was drawn, the last frame alone took Chrome 35–80 ms on this page).
 * Nothing looks into the renderer while it marks: until 2026-11-26 (second session) the mark count was
 * read through CDP every 20 ms from DOMContentLoaded on, each read an evaluation on the renderer's main
 * thread in the middle of the work measured; the same build, loads alternating between the two ways of
 * waiting (16 each, twice): medians 239 → 197 and 217 → 194 ms, the slowest loads 358 → 291 and
 * 347 → 264 ms.
 */
export async function markBigPage(
  browser: Browser,
  server: FixtureServer,
): Promise<{
  total: number;
  /** Navigation start → all marked: the total with the page's own loading, which the scan overlaps. */
  sinceStart: number;
  first: number;
  longest: number;
  slice: number | null;
  /** The scanner's slices on this page, summed (Scanner.busyMs). */
  busy: number | null;
  marks: number;
  drawn: number;
}> {
  const page = await browser.context.newPage();
  const content = await contentWorld(page);
  await page.goto(server.url('big.html'), { waitUntil: 'domcontentloaded' });
  const started = Date.now();
  await page.waitForTimeout(1_500);
  let last = -1;
  for (;;) {
    const n = ((await content('globalThis.__factlens?.marks.size')) as number | null) ?? 0;
    if ((n === last && n > 0) || Date.now() - started > 30_000) break;
    last = n;
    await page.waitForTimeout(1_000);
  }
  const { dcl, tasks, firstMark, lastMark, drawn } = await page.evaluate(() => ({
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .domContentLoadedEventEnd,
    tasks: (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks,
    firstMark: (window as unknown as { __firstMark: number }).__firstMark,
    lastMark: (window as unknown as { __lastMark: number }).__lastMark,
    drawn: CSS.highlights.get('factlens')?.size ?? 0,
  }));
  const doneAt = ((await content('globalThis.__factlens?.scanner.doneAt')) as number | null) ?? 0;
  const after = tasks.filter(([start]) => start >= dcl).map(([, d]) => d);
  const slice = (await content('globalThis.__factlens?.scanner?.longestSliceMs')) as number | null;
  const busy = (await content('globalThis.__factlens?.scanner?.busyMs')) as number | null;
  await page.close();
  return {
    total: Math.max(doneAt, lastMark) - dcl,
    sinceStart: Math.max(doneAt, lastMark),
    first: firstMark - dcl,
    longest: after.length ? Math.max(...after) : 0,
    slice,
    busy,
    marks: last,
    drawn,
  };
}

/**
 * Time from DOMContentLoaded to the first mark on a 100 KB article (worker warm): to the start of the
 * frame that draws it (`ms`, the figure) and to the end of that frame's rendering (`painted`, which
 * includes the page's own first paint when they coincide); `fcp`, the page's own first contentful
 * paint, for context: in a new tab it came ~90-120 ms after DOMContentLoaded here (traced), whatever
 * Factlens did, so the figure cannot go much below it.
 */
export async function firstMarks(
  browser: Browser,
  server: FixtureServer,
): Promise<{ ms: number; painted: number; fcp: number }> {
  const page = await browser.context.newPage();
  await page.goto(server.url('article.html'));
  // Quiet while the page is marked (see markBigPage): the first evaluation injects Playwright's
  // utility script into the page, on its main thread.
  await page.waitForTimeout(1_000);
  await page.waitForFunction(
    () => (window as unknown as { __firstMarkPainted: number }).__firstMarkPainted > 0,
    undefined,
    { timeout: 10_000 },
  );
  // The paint entry is reported once the frame is presented, a little after it is drawn.
  await page
    .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, {
      timeout: 2_000,
    })
    .catch(() => undefined);
  const r = await page.evaluate(() => {
    const w = window as unknown as { __firstMark: number; __firstMarkPainted: number };
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .domContentLoadedEventEnd;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    return { ms: w.__firstMark - dcl, painted: w.__firstMarkPainted - dcl, fcp: fcp - dcl };
  });
  await page.close();
  return r;
}

/**
 * Worker stopped, then one matchRuns from an extension page: start + corpus load + answer. A send
 * that meets the stopping worker ("Receiving end does not exist") is no cold start: stop and retry,
 * waiting longer each time (on 2026-11-27 three attempts 300 ms apart all met it once, on a busy host,
 * and the whole bench was lost).
 */
async function coldStart(browser: Browser, control: Page): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const cdp = await browser.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await control.waitForTimeout(300 * attempt);
    const ms = await control.evaluate(async () => {
      const c = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      const t0 = performance.now();
      try {
        await c.runtime.sendMessage({
          id: 1,
          type: 'matchRuns',
          data: { runs: ['俄罗斯外长拉夫罗夫在北京会见王毅'] },
          timestamp: Date.now(),
        });
      } catch (error) {
        if (/Receiving end does not exist/.test(String(error))) return null;
        throw error;
      }
      return performance.now() - t0;
    });
    if (ms !== null) return ms;
    if (attempt >= 6) throw new Error('cold start: the worker did not answer after six restarts');
  }
}

/**
 * Waits until a newly launched extension's worker answers a ping, so that no cold-start probe stops
 * it during its first start (install, context menus, the large build's prefetch). On 2026-11-27 two of
 * four bench:page runs lost the large build's cold starts: every send met "Receiving end does not
 * exist", through six restarts; 36 cold starts of the same build in a script of their own all answered.
 */
async function untilAnswering(control: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const ok = await control.evaluate(async () => {
      const c = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      try {
        await c.runtime.sendMessage({ id: 3, type: 'ping', timestamp: Date.now() });
        return true;
      } catch {
        return false;
      }
    });
    if (ok) return;
    if (attempt >= 40) throw new Error('the extension worker did not answer a ping within 10 s');
    await control.waitForTimeout(250);
  }
}

/** An extension that does nothing (an empty worker): a browser with it loads pages as without Factlens. */
export function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factlens-empty-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'empty',
      version: '1',
      background: { service_worker: 'bg.js' },
    }),
  );
  writeFileSync(join(dir, 'bg.js'), '');
  return dir;
}

/**
 * The 1 MB page's longest task after DOMContentLoaded without Factlens (an empty extension): the
 * page's own final layout and paint, which no extension can shorten. Measured 2026-11-27, 5 loads:
 * 56–129 ms without Factlens, 61–92 ms with it, in the same place (20–110 ms after DOMContentLoaded).
 */
async function pageAloneLongest(server: FixtureServer, runs: number): Promise<number[]> {
  const dir = emptyExtension();
  const browser = await launch(dir);
  try {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      await page.goto(server.url('big.html'), { waitUntil: 'domcontentloaded' });
      await page.waitForTimeout(2_500);
      const { dcl, tasks } = await page.evaluate(() => ({
        dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
        tasks: (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks,
      }));
      const after = tasks.filter(([start]) => start >= dcl).map(([, d]) => d);
      out.push(after.length ? Math.max(...after) : 0);
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * From the pointer's last move onto a mark to the card on screen (`card`) and to its passages on
 * screen (`passages`: later when the lookup was late, see HOVER.earlyMs), minus the show delay. With
 * `stopped`, the worker is stopped first (as MV3 does after 30 s idle: the first hover after a pause
 * of reading meets a stopped worker, which must read the articles before it can answer).
 */
export async function hoverToCard(
  browser: Browser,
  server: FixtureServer,
  options: { stopped?: boolean } = {},
): Promise<{ card: number; passages: number }> {
  const page = await browser.context.newPage();
  await page.goto(server.url('article.html'));
  // Quiet while the page is marked (see markBigPage): the first evaluation injects Playwright's
  // utility script into the page, on its main thread.
  await page.waitForTimeout(1_000);
  await page.waitForFunction(() => (CSS.highlights.get('factlens')?.size ?? 0) > 3, undefined, {
    timeout: 10_000,
  });
  // A string, not a function: tsx would wrap the named inner function in a __name() helper the page lacks.
  await page.evaluate(`(() => {
    window.__lastMove = 0;
    window.__cardAt = 0;
    window.__passagesAt = 0;
    addEventListener('pointermove', (e) => (window.__lastMove = e.timeStamp), { capture: true });
    // The card is built and laid out ahead, hidden (CardHost.prepare): it counts once it is visible.
    const poll = () => {
      const card = [...(document.querySelector('factlens-card')?.shadowRoot?.querySelectorAll('.card') ?? [])]
        .find((c) => getComputedStyle(c).visibility === 'visible' && c.getBoundingClientRect().height > 0);
      if (!window.__cardAt && card) window.__cardAt = performance.now();
      if (card && card.querySelector('.passage')) window.__passagesAt = performance.now();
      else requestAnimationFrame(poll);
    };
    poll();
  })()`);
  const box = await page.evaluate(() => {
    // The marks are StaticRanges: text and boxes through a live Range.
    for (const s of (CSS.highlights.get('factlens') ?? []) as Iterable<AbstractRange>) {
      const r = document.createRange();
      r.setStart(s.startContainer, s.startOffset);
      r.setEnd(s.endContainer, s.endOffset);
      if (r.toString() === '拉夫罗夫') {
        const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  });
  if (!box) throw new Error('no mark to hover');
  if (options.stopped) {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.waitForTimeout(500);
  }
  await page.mouse.move(box.x - 30, box.y + 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  await page.waitForFunction(
    () => (window as unknown as { __passagesAt: number }).__passagesAt > 0,
    undefined,
    { timeout: 5_000 },
  );
  const { card, passages } = await page.evaluate(() => {
    const w = window as unknown as { __lastMove: number; __cardAt: number; __passagesAt: number };
    return { card: w.__cardAt - w.__lastMove, passages: w.__passagesAt - w.__lastMove };
  });
  await page.close();
  return { card: card - HOVER.showMs, passages: passages - HOVER.showMs };
}

/** The worker's own account of its last load (ping's loadTimings, and where detector.bin came from). */
async function workerLoadTimings(control: Page): Promise<{ timings: LoadTimings; from?: string } | null> {
  const res = await control.evaluate(async () => {
    const c = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome;
    return c.runtime.sendMessage({ id: 2, type: 'ping', timestamp: Date.now() });
  });
  const ping = (res as { res?: PingResponse } | undefined)?.res;
  if (!ping?.loadTimings) return null;
  const from = ping.dataFrom?.['/data/detector.bin'];
  return { timings: ping.loadTimings, ...(from ? { from } : {}) };
}

/**
 * Cold starts of the large-corpus build (bench/big-build.ts): the goal's own condition; and hovers
 * that meet a stopped worker there (the card needs the articles, which the worker must read first).
 */
async function bigColdStarts(
  runs: number,
  server: FixtureServer,
): Promise<{ values: number[]; note: string; stoppedHovers: Array<{ card: number; passages: number }> }> {
  process.stderr.write('bench:page: building the extension with the large corpus (.bench/output)…\n');
  const { extension, why } = buildBigExtension();
  if (!extension) return { values: [], note: why ?? 'no large build', stoppedHovers: [] };
  const browser = await launch(extension);
  try {
    const control = await browser.context.newPage();
    await control.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await untilAnswering(control);
    // Warm-up: the worker keeps a copy of its data files in Cache Storage (src/background/
    // data-cache.ts), as it does after its first start for every user; the OS disk cache holds them.
    await coldStart(browser, control);
    const values: number[] = [];
    const timings: LoadTimings[] = [];
    const from = new Set<string>();
    // At least 9: one cold start is cheap, and their spread is wide on a busy machine.
    const n = Math.max(runs, 9);
    for (let i = 0; i < n; i++) {
      values.push(await coldStart(browser, control));
      const t = await workerLoadTimings(control);
      if (t) timings.push(t.timings);
      if (t?.from) from.add(t.from);
    }
    const stoppedHovers: Array<{ card: number; passages: number }> = [];
    for (let i = 0; i < Math.min(runs, 5); i++)
      stoppedHovers.push(await hoverToCard(browser, server, { stopped: true }));
    const data = join(extension, 'data');
    const sizes = ['detector.bin', 'corpus.json', 'search.json']
      .map((f) => {
        try {
          return `${f} ${(statSync(join(data, f)).size / 1e6).toFixed(1)} MB`;
        } catch {
          return null;
        }
      })
      .filter(Boolean)
      .join(', ');
    const part = (k: keyof LoadTimings) => median(timings.map((t) => t[k])).toFixed(0);
    const load = timings.length
      ? `; in the worker: fetch ${part('fetchMs')} (from the ${[...from].join(' or ')}) + read ${part('readMs')} + detector ${part('detectorMs')} ms (medians)`
      : '';
    return {
      values,
      note: `median of ${n}, ${spread(values)}${load}; seeds + ../shared/corpus build (${sizes})`,
      stoppedHovers,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Every figure is the median of `runs` loads (9 since 2026-11-26: with 5, the 1 MB total's median moved
 * by ±50 ms between runs of one build on the shared 2-core machine).
 */
export async function measurePage(runs = 9): Promise<Figure[]> {
  const why = e2eUnavailable();
  if (why) throw new Error(why);
  const server = await serveFixtures(join(EXTENSION, '..'), {
    'big.html': articlePage(1_000_000),
    'article.html': articlePage(100_000),
  });
  const browser = await launch();
  try {
    const control = await browser.context.newPage();
    await control.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await untilAnswering(control);
    const big: Array<Awaited<ReturnType<typeof markBigPage>>> = [];
    const first: number[] = [];
    const painted: number[] = [];
    const fcp: number[] = [];
    const cold: number[] = [];
    const hover: number[] = [];
    await firstMarks(browser, server); // warm-up: the worker loads the corpus
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`bench:page: run ${i + 1}/${runs}\n`);
      // From the second load on, the worker was just woken by the cold-start probe below: its
      // matcher runs unoptimised code at first. Measured 2026-11-26: a woken worker spent 76 ms
      // matching the page's 24 requests against 63 ms warm (5 loads each, alternating in one
      // browser), and the 1 MB total's median was ~245 against ~226 ms (4 loads each: within the
      // noise). Warming the matcher up on its own pattern keys once the corpus is loaded (five
      // passes over 1,500 keys) gave 273 against 281 ms paired (12 loads each), within noise, and
      // was not kept. MV3 workers are woken like this all the time, so the figure keeps that case.
      big.push(await markBigPage(browser, server));
      const f = await firstMarks(browser, server);
      first.push(f.ms);
      painted.push(f.painted);
      fcp.push(f.fcp);
      hover.push((await hoverToCard(browser, server)).card);
      cold.push(await coldStart(browser, control));
    }
    const alone = await pageAloneLongest(server, runs);
    const large = await bigColdStarts(runs, server);
    const content = join(EXTENSION, 'content-scripts/content.js');
    const bytes = statSync(content).size;
    const gzip = gzipSync(readFileSync(content)).length;
    const slices = big.map((b) => b.slice).filter((s): s is number => s !== null);
    const busies = big.map((b) => b.busy).filter((s): s is number => s !== null);
    const note = `median of ${runs}`;
    const figures: Figure[] = [
      {
        bench: 'page',
        figure: 'marking a 1 MB page: total',
        value: median(big.map((b) => b.total)),
        unit: 'ms',
        goal: { op: '<=', value: 300 },
        note: `${note}, ${spread(big.map((b) => b.total))}; ${big[0]?.marks} marks, ${big[0]?.drawn} of them drawn (those near the viewport); DOMContentLoaded → all marked (first marks: median ${median(big.map((b) => b.first)).toFixed(0)} ms)`,
      },
      {
        bench: 'page',
        figure: 'marking a 1 MB page: longest main-thread task',
        value: median(big.map((b) => b.longest)),
        unit: 'ms',
        goal: { op: '<=', value: 50 },
        note: `${note}, ${spread(big.map((b) => b.longest))}; long tasks (> 50 ms) after DOMContentLoaded, page and extension together; 0 = none`,
      },
      {
        bench: 'page',
        figure: 'marking a 1 MB page: longest task without Factlens',
        value: alone.length ? median(alone) : null,
        unit: 'ms',
        note: `${note}, ${spread(alone)}; the same page with an empty extension: the page's own layout and paint after DOMContentLoaded, a floor for the figure above`,
      },
      {
        bench: 'page',
        figure: "marking a 1 MB page: scanner's longest slice",
        value: slices.length ? median(slices) : null,
        unit: 'ms',
        goal: { op: '<=', value: 50 },
        note: slices.length
          ? `${note}, ${spread(slices)}`
          : '__factlens handle not reachable in the content world',
      },
      {
        bench: 'page',
        figure: "marking a 1 MB page: the scanner's main-thread time",
        value: busies.length ? median(busies) : null,
        unit: 'ms',
        note: busies.length
          ? `${note}, ${spread(busies)}; its slices summed (collecting, sending, marking, drawing; not the browser's work on the marks), a steadier figure than the total on a busy machine`
          : '__factlens handle not reachable in the content world',
      },
      {
        bench: 'page',
        figure: 'time to first marks, 100 KB article',
        value: median(first),
        unit: 'ms',
        goal: { op: '<=', value: 100 },
        note: `${note}, ${spread(first)}; DOMContentLoaded → start of the frame that draws the first mark (that frame painted: median ${median(painted).toFixed(0)} ms; the page's own first contentful paint, before which no mark can be painted: median ${median(fcp).toFixed(0)} ms), worker warm`,
      },
      {
        bench: 'page',
        figure: 'service-worker cold start, 2,046-article build',
        value: large.values.length ? median(large.values) : null,
        unit: 'ms',
        goal: { op: '<=', value: 150 },
        note: `${large.note}; stopped via CDP, then matchRuns (data load included)`,
      },
      {
        bench: 'page',
        figure: 'service-worker cold start, seed build',
        value: median(cold),
        unit: 'ms',
        note: `${note}; stopped via CDP, then matchRuns (data load included)`,
      },
      {
        bench: 'page',
        figure: 'hover-to-card after the delay',
        value: median(hover),
        unit: 'ms',
        goal: { op: '<=', value: 30 },
        note: `${note}; last pointermove → card painted, minus ${HOVER.showMs} ms`,
      },
      {
        bench: 'page',
        figure: 'hover-to-card, worker stopped, 2,046-article build',
        value: large.stoppedHovers.length ? median(large.stoppedHovers.map((h) => h.card)) : null,
        unit: 'ms',
        note: `median of ${large.stoppedHovers.length}, ${spread(large.stoppedHovers.map((h) => h.card))}; as above, but the worker was stopped before the pointer moved (MV3 stops it after 30 s idle): the card shows what the mark knows if the lookup is late`,
      },
      {
        bench: 'page',
        figure: 'hover-to-passages, worker stopped, 2,046-article build',
        value: large.stoppedHovers.length ? median(large.stoppedHovers.map((h) => h.passages)) : null,
        unit: 'ms',
        note: `median of ${large.stoppedHovers.length}, ${spread(large.stoppedHovers.map((h) => h.passages))}; the same hovers, until the card shows its passages: the worker starts and reads the articles before it answers`,
      },
      {
        bench: 'page',
        figure: 'content script bundle (minified)',
        value: bytes / 1000,
        unit: 'kB',
        goal: { op: '<=', value: 40 },
        note: `${(gzip / 1000).toFixed(1)} kB gzip`,
      },
    ];
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** "goal ≤ 150 ms", or blanks for a figure reported without a goal. */
function goalText(f: Figure): string {
  if (!f.goal) return ' '.repeat(18);
  return `goal ${f.goal.op === '<=' ? '≤' : '≥'} ${f.goal.value} ${f.unit}`.padEnd(18);
}

async function cli(argv: string[]): Promise<void> {
  const figures = await measurePage(Number(argv[argv.indexOf('--runs') + 1]) || undefined);
  for (const f of figures) {
    const v = f.value === null ? 'missing' : `${f.value.toFixed(1)} ${f.unit}`;
    process.stdout.write(`${f.figure.padEnd(48)} ${v.padStart(12)}   ${goalText(f)}   (${f.note ?? ''})\n`);
  }
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ figures })}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await cli(process.argv.slice(2));
