// End-to-end harness: the built extension (.output/chrome-mv3) in Debian's Chromium through
// playwright-core, fixture pages served from 127.0.0.1 on a random port, every request recorded.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBundle } from '../../src/corpus/bundle.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
// FACTLENS_EXTENSION: another build to drive (e.g. one written with FACTLENS_OUT_DIR).
export const EXTENSION = process.env.FACTLENS_EXTENSION ?? join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.FACTLENS_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS = join(ROOT, 'test-results');

/** Fixture pages: the repo's copy, else the shared originals (while the copy has not landed). */
export const PAGES = [join(ROOT, 'test/fixtures/pages'), resolve(ROOT, '../shared/fixtures/pages')].find(
  (dir) => existsSync(join(dir, 'zh-hans-briefing.html')),
);

/**
 * Why the e2e suite cannot run here, or null. With CI=true a missing browser or build is an error
 * (thrown), never a silent skip.
 */
export function e2eUnavailable(): string | null {
  let reason: string | null = null;
  if (!existsSync(CHROMIUM)) {
    reason = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-zenhei)`;
  } else if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    reason = `no extension build in ${EXTENSION} (run npm run build first)`;
  } else if (!PAGES) {
    reason = 'no fixture pages (test/fixtures/pages)';
  }
  if (reason && process.env.CI === 'true') throw new Error(`e2e: ${reason}`);
  if (reason) console.warn(`[e2e] skipped: ${reason}`);
  return reason;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves `dir` (plus in-memory `extra` pages) on 127.0.0.1, on a random port. */
export async function serveFixtures(dir: string, extra: Record<string, string> = {}): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const name = path.replace(/^\/+/, '');
    const inline = extra[name];
    if (inline !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] ?? '' }).end(inline);
      return;
    }
    const file = normalize(join(dir, name));
    if (!file.startsWith(dir) || !existsSync(file) || name === '') {
      res.writeHead(404).end('not found');
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request seen (pages, frames and, where Chromium reports them, the service worker). */
  requests: string[];
  close(): Promise<void>;
}

/** Launches Chromium with the built extension (default: EXTENSION) loaded, and waits for its service worker. */
export async function launch(extension: string = EXTENSION): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'factlens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1000, height: 700 },
    locale: 'zh-CN',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
  });
  const requests: string[] = [];
  context.on('request', (request) => {
    requests.push(request.url());
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that are neither the local fixture server nor the extension itself. */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter(
    (url) =>
      !url.startsWith(`${origin}/`) &&
      !url.startsWith('chrome-extension://') &&
      !url.startsWith('data:') &&
      url !== 'about:blank',
  );
}

/**
 * Evaluates expressions in the content script's isolated world of `page` (its `__factlens` handle:
 * invisible to the page), across the page's navigations. Create it before navigating.
 */
export async function contentWorld(page: Page): Promise<(expression: string) => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  const contexts = new Map<number, { id: number; name: string; origin: string }>();
  cdp.on('Runtime.executionContextCreated', (e) => contexts.set(e.context.id, e.context));
  cdp.on('Runtime.executionContextDestroyed', (e) => contexts.delete(e.executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');
  return async (expression) => {
    for (const c of contexts.values()) {
      if (!c.origin.startsWith('chrome-extension://') && c.name !== 'Factlens') continue;
      const r = await cdp.send('Runtime.evaluate', { expression, contextId: c.id, returnByValue: true });
      if (r.result.value !== undefined && r.result.value !== null) return r.result.value;
    }
    return null;
  };
}

/**
 * Runs in the page (any driver's evaluate): the texts of the `factlens` highlight's ranges. The marks
 * are StaticRanges: their text through a live Range. A range whose text left the document is not
 * painted (see probe.ts's MARK_TEXTS).
 */
export function readMarkTexts(): string[] {
  const h = CSS.highlights?.get('factlens');
  if (!h) return [];
  return Array.from(h as Iterable<AbstractRange>)
    .filter((r) => r.startContainer.isConnected)
    .map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
}

/** Runs in the page: the viewport box of the first mark whose text is `text` (null: none). */
export function readMarkBox(text: string): { x: number; y: number; left: number; right: number } | null {
  for (const r of (CSS.highlights.get('factlens') ?? []) as Iterable<AbstractRange>) {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    if (live.toString() !== text) continue;
    const b = live.getClientRects()[0] ?? live.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, left: b.left, right: b.right };
  }
  return null;
}

/** Reads until `pred` holds on what was read (or the timeout passes); returns the last reading. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  pred: (value: T) => boolean,
  timeout: number,
  fallback: T,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read().catch(() => fallback);
    if (pred(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A page of either driver (playwright-core's for Chromium, puppeteer-core's for Firefox). */
export interface MarkedPage {
  evaluate(fn: () => string[]): Promise<string[]>;
}

/** The ranges of the `factlens` highlight, read from the page's own world. */
export function highlightTexts(page: MarkedPage): Promise<string[]> {
  return page.evaluate(readMarkTexts);
}

/** Polls the highlight's texts until `pred` holds (or the timeout passes); returns the last ones read. */
export function marksUntil(
  page: MarkedPage,
  pred: (texts: string[]) => boolean,
  timeout = 10_000,
): Promise<string[]> {
  return pollUntil(() => highlightTexts(page), pred, timeout, []);
}

/**
 * Checks a page's marks against its gold file: each string as often as the gold file counts it, and
 * each marked string referring to an entity named in its `refers_to` (`terms`: the tab's summary, as
 * the popup lists it).
 */
export function expectGold(
  name: string,
  marked: readonly string[],
  terms: readonly SummaryTerm[],
  /**
   * The names an entity goes by, as score-detect.mjs accepts them (its name or an alias); by default
   * the name the popup shows, so that gold files list it.
   */
  namesOf: (term: SummaryTerm) => readonly string[] = (t) => [t.name],
): void {
  const gold = readGold(name);
  const counts = tally(marked.map(norm));
  for (const m of gold.mentions) {
    expect(counts.get(norm(m.text)) ?? 0, `${name}: "${m.text}"`).toBe(m.count);
  }
  for (const m of gold.mentions.filter((x) => x.count > 0 && x.refers_to)) {
    const ok = new Set((m.refers_to ?? []).map((r) => norm(r).toLowerCase()));
    const named = terms.filter((t) => t.texts.some((x) => norm(x) === norm(m.text)));
    expect(named.length, `${name}: "${m.text}" in the tab summary`).toBeGreaterThan(0);
    for (const t of named) {
      const names = namesOf(t);
      expect(
        names.some((n) => ok.has(norm(n).toLowerCase())),
        `${name}: "${m.text}" → ${names.join(' / ')}`,
      ).toBe(true);
    }
  }
}

/**
 * Opens a fixture page and checks that Factlens marks exactly what its gold file asks for (see
 * expectGold; `namesOf` as there).
 */
export async function expectMarkedAsGold(
  browser: Browser,
  server: FixtureServer,
  name: string,
  namesOf?: (term: SummaryTerm) => readonly string[],
): Promise<void> {
  const gold = readGold(name);
  const expected = gold.mentions.reduce((n, m) => n + m.count, 0);
  const page = await browser.context.newPage();
  await page.goto(server.url(name));
  await waitForMarks(page, expected);
  await page.waitForTimeout(300); // anything extra would arrive by now
  expectGold(name, await highlightTexts(page), await tabSummary(browser.worker, page.url()), namesOf);
  await page.close();
}

/**
 * Builds the extension with seeds/ and the corpus folders `dirs` into `dir` (its own public/ and
 * output folders, through the variables wxt.config.ts and scripts/compile-corpus.ts read); returns
 * the chrome-mv3 folder.
 */
export function buildExtensionWith(dirs: readonly string[], dir: string): string {
  const publicDir = join(dir, 'public');
  rmSync(publicDir, { recursive: true, force: true });
  mkdirSync(publicDir, { recursive: true });
  cpSync(join(ROOT, 'public/icon'), join(publicDir, 'icon'), { recursive: true });
  const env = {
    ...process.env,
    FACTLENS_CORPUS: dirs.join(':'),
    FACTLENS_PUBLIC_DIR: publicDir,
    FACTLENS_OUT_DIR: join(dir, 'output'),
  };
  const run = (args: string[]) =>
    execFileSync('npx', args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  run(['tsx', 'scripts/compile-corpus.ts']);
  run(['wxt', 'build']);
  return join(dir, 'output', 'chrome-mv3');
}

/**
 * Why a suite of a build with the shared corpus folder `dir` (gold files' `corpus` label `corpus`)
 * cannot run here: no browser, or no such folder (said once on the console); null when it can.
 */
export function corpusSuiteUnavailable(dir: string, corpus: string): string | null {
  const why = e2eUnavailable();
  if (why !== null || existsSync(dir)) return why;
  const missing = `no ${dir}: the "${corpus}" gold pages are not checked in the extension`;
  console.warn(`[e2e] skipped: ${missing}`);
  return missing;
}

/** One test per gold page: the build marks exactly what the page's gold file asks for. */
export function itMarksGoldPages(build: CorpusBuild, pages: readonly string[]): void {
  for (const name of pages) {
    it(`marks exactly what ${name}'s gold file asks for`, async () => {
      await expectMarkedAsGold(
        build.browser,
        build.server,
        name,
        (t) => build.names.get(t.entityId) ?? [t.name],
      );
    });
  }
}

/** A build made and launched for one describe block (see corpusBuildSuite); set in its beforeAll. */
export interface CorpusBuild {
  extension: string;
  browser: Browser;
  server: FixtureServer;
  /** Every entity's name and aliases, from the build's corpus.json (as score-detect.mjs accepts them). */
  names: Map<string, string[]>;
}

/**
 * Registers, in the calling describe block, a build with seeds/ and `dirs` (buildExtensionWith, in
 * a temporary folder), the fixture pages served, and Chromium launched with it; all undone after.
 */
export function corpusBuildSuite(dirs: readonly string[], prefix: string): CorpusBuild {
  const suite = {} as CorpusBuild;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    suite.extension = buildExtensionWith(dirs, dir);
    const bundle = readBundle(readFileSync(join(suite.extension, 'data/corpus.json'), 'utf8'));
    suite.names = new Map(bundle.entities.map((e) => [e.id, [e.name, ...e.aliases.map((a) => a.text)]]));
    suite.server = await serveFixtures(PAGES as string);
    suite.browser = await launch(suite.extension);
  }, 240_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return suite;
}

const BIG_PARAGRAPHS = [
  '俄罗斯外长拉夫罗夫本周二在北京先后会见了国家主席习近平和外长王毅。双方表示，中俄关系处在历史最高水平。',
  '外界普遍认为，此行是在为普京五月访华做准备。普京三月连任后尚未出访。',
  '与此同时，美国财长耶伦也在中国访问，她警告中国企业不要向俄罗斯提供物资支持。',
  '据中国海关统计，2023年两国贸易额达到2400亿美元，一个没有名字的段落补足长度。',
];

/**
 * A page of `n` paragraphs `p0`, `p1`, … cycling through four texts; every fourth (`id % 4 === 3`)
 * holds no name. 7,000 paragraphs are about 1 MB. Long tasks are recorded in `__longTasks` (Chromium).
 */
export function bigPage(n: number): string {
  const body: string[] = [];
  for (let i = 0; i < n; i++)
    body.push(`<p id="p${i}">${i}. ${BIG_PARAGRAPHS[i % BIG_PARAGRAPHS.length]}</p>`);
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>big</title>
<script>
window.__longTasks = [];
try {
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
} catch {}
</script></head><body><article>${body.join('\n')}</article></body></html>`;
}

/** In a bigPage: the ids of the paragraphs holding drawn marks. */
export function drawnParagraphs(): string[] {
  return Array.from(
    (CSS.highlights.get('factlens') ?? []) as Iterable<AbstractRange>,
    (r) => r.startContainer.parentElement?.id ?? '',
  );
}

/** In a bigPage: jumps to fraction `f` of its height; the ids of the paragraphs with names in view. */
export function scrollToFraction(f: number): string[] {
  scrollTo(0, document.documentElement.scrollHeight * f);
  return Array.from(document.querySelectorAll('p'))
    .filter((p) => {
      const box = p.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight && Number(p.id.slice(1)) % 4 !== 3;
    })
    .map((p) => p.id);
}

/** A page to which text with names is added one second after load. */
export const LATER_PAGE = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>later</title></head>
<body><main id="main"><p>开头没有人名。</p></main>
<script>setTimeout(() => {
  const p = document.createElement('p');
  p.textContent = '一秒后：王毅会见拉夫罗夫。';
  document.getElementById('main').append(p);
}, 1000);</script></body></html>`;

/** Waits until the highlight holds at least `n` ranges (or the timeout passes); returns the texts. */
export async function waitForMarks(page: Page, n: number, timeout = 10_000): Promise<string[]> {
  await page
    .waitForFunction((min) => (CSS.highlights.get('factlens')?.size ?? 0) >= min, n, { timeout })
    .catch(() => undefined);
  return highlightTexts(page);
}

export interface GoldMention {
  text: string;
  count: number;
  refers_to?: string[];
}

export interface Gold {
  page: string;
  corpus: string;
  mentions: GoldMention[];
}

/**
 * The corpus the built extension carries, named as the gold files name it: "seed" for seeds/ alone,
 * "seed + dw-zh" for seeds/ and a dw-zh folder, otherwise the folder names joined with " + ".
 */
export function builtCorpusLabel(extension: string = EXTENSION): string {
  const file = join(extension, 'data/corpus.json');
  if (!existsSync(file)) return '';
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { articles: Array<{ file: string }> };
  const folders = new Set(bundle.articles.map((a) => a.file.split('/').slice(0, -1).pop() ?? ''));
  const names = [...folders]
    .map((f) => (f === 'seeds' ? 'seed' : f))
    .sort((a, b) => (a === 'seed' ? -1 : b === 'seed' ? 1 : a < b ? -1 : 1));
  return names.join(' + ');
}

/** The fixture pages whose gold file assumes `corpus`. */
export function goldPagesFor(corpus: string): string[] {
  if (!PAGES) return [];
  return readdirSync(PAGES)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.replace(/\.gold\.json$/, '.html'))
    .filter((page) => readGold(page).corpus === corpus)
    .sort();
}

export function readGold(name: string): Gold {
  return JSON.parse(readFileSync(join(PAGES ?? '', name.replace(/\.html$/, '.gold.json')), 'utf8')) as Gold;
}

/** Counts of each string in a list. */
export function tally(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Writes to the extension's storage.local from its service worker (as the popup's switch does). */
export function setExtensionStorage(worker: Worker, values: Record<string, unknown>): Promise<void> {
  return worker.evaluate((v) => {
    const c = (
      globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
    ).chrome;
    return c.storage.local.set(v);
  }, values);
}

/** What the scorer (../shared/tools/score-detect.mjs) compares: NFKC, whitespace collapsed, trimmed. */
export const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, ' ').trim();

export interface SummaryTerm {
  entityId: string;
  name: string;
  count: number;
  texts: string[];
}

/** Sends one message to the content script of the tab showing `url` (top frame), as the popup does. */
export async function sendToTab<T>(worker: Worker, url: string, type: string, data?: unknown): Promise<T> {
  return worker.evaluate(
    async ({ u, type, data }) => {
      type Tabs = {
        query(q: unknown): Promise<Array<{ id?: number }>>;
        sendMessage(
          id: number,
          m: unknown,
          o: unknown,
        ): Promise<{ res?: unknown; err?: unknown } | undefined>;
      };
      const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
      // Without the "tabs" permission tab URLs are hidden: ask every tab which URL it shows.
      for (const tab of await tabs.query({})) {
        if (tab.id === undefined) continue;
        const ask = { id: 3, type: 'summarizeTab', timestamp: Date.now() };
        const summary = await tabs.sendMessage(tab.id, ask, { frameId: 0 }).catch(() => undefined);
        if ((summary?.res as { url?: string } | undefined)?.url !== u) continue;
        if (type === 'summarizeTab') return summary?.res as T;
        const message = { id: 4, type, data, timestamp: Date.now() };
        const answer = await tabs.sendMessage(tab.id, message, { frameId: 0 });
        if (answer?.err) throw new Error(JSON.stringify(answer.err));
        return answer?.res as T;
      }
      throw new Error(`no tab answered for ${u}`);
    },
    { u: url, type, data },
  ) as Promise<T>;
}

/** The content script's summary of a tab (the `summarizeTab` message, as the popup asks for it). */
export async function tabSummary(worker: Worker, url: string): Promise<SummaryTerm[]> {
  return (await sendToTab<{ terms: SummaryTerm[] }>(worker, url, 'summarizeTab')).terms;
}

/** Sends one @webext-core/messaging message from an extension page and times the answer. */
export async function sendFromExtensionPage(page: Page, type: string, data: unknown) {
  return page.evaluate(
    async ({ type, data }) => {
      const c = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      const t0 = performance.now();
      // As the content script does (withRetry): a worker caught stopping is asked again.
      for (let attempt = 1; ; attempt++) {
        try {
          const res = (await c.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() })) as {
            res?: unknown;
            err?: unknown;
          };
          return { ms: performance.now() - t0, res: res?.res, err: res?.err, attempt };
        } catch (error) {
          if (attempt >= 4 || !/Receiving end does not exist|message port closed/.test(String(error)))
            throw error;
          await new Promise((r) => setTimeout(r, 50 * attempt));
        }
      }
    },
    { type, data },
  );
}

/** Stops the extension's service worker (CDP), as Chrome does after 30 s idle; the next message restarts it. */
export async function restartWorker(browser: Browser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.waitForTimeout(100);
}
