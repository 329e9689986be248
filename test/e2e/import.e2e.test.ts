// Importing your own articles, end to end in Chromium with the built extension: the five files of
// ../shared/corpus/dw-2023-24 through the options page's file input (5 imported, 0 failed); a page
// mentioning 馬英九 — known only from an imported article — marked at once in an open tab and on a new
// one, hovered with that article as the source, and still marked after the service worker restarts
// (IndexedDB); a damaged file listed with its error while the rest import; removal; and the
// context-menu lookup (its click handler, called in the background) opening search.html#q=….
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  e2eUnavailable,
  type FixtureServer,
  highlightTexts,
  launch,
  marksUntil,
  ROOT,
  serveFixtures,
} from './harness.ts';

const DW = resolve(ROOT, process.env.FACTLENS_SHARED_CORPUS ?? '../shared/corpus', 'dw-2023-24');
const OWN_PAGES = join(ROOT, 'test/fixtures/pages');
const PAGE = 'import-ma-ying-jeou.html';
/** The dw-2023-24 article that mentions 馬英九 (no seed article does). */
const MA_TITLE = '馬英九再會老朋友？學者：習近平對台釋訊號';

const unavailable = e2eUnavailable();
const noCorpus = existsSync(DW) ? null : `no shared corpus at ${DW}`;
if (!unavailable && noCorpus) console.warn(`[e2e] import tests skipped: ${noCorpus}`);
const skip = unavailable ?? noCorpus;

const marksOf = async (page: Page, text: string, timeout = 10_000) =>
  (await marksUntil(page, (t) => t.includes(text), timeout)).filter((t) => t === text).length;

async function hover(page: Page, text: string) {
  const box = await page.evaluate((t) => {
    const live = (x: AbstractRange) => {
      const l = document.createRange();
      l.setStart(x.startContainer, x.startOffset);
      l.setEnd(x.endContainer, x.endOffset);
      return l;
    };
    for (const s of (CSS.highlights.get('factlens') ?? []) as Iterable<AbstractRange>) {
      const r = live(s);
      if (r.toString() === t) {
        const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  }, text);
  expect(box, `a mark for ${text}`).not.toBeNull();
  if (!box) return;
  await page.mouse.move(box.x - 30, box.y + 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
}

async function openOptions(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('[data-testid=import-files]').waitFor({ state: 'attached' });
  return page;
}

async function importThrough(page: Page, files: string[]) {
  const before = await page.locator('.fl-import-summary').count();
  await page.locator('[data-testid=import-files]').setInputFiles(files);
  const summary = page.locator('.fl-import-summary');
  await summary.waitFor({ state: 'visible', timeout: 20_000 });
  expect(before === 0 || (await summary.count()) === 1).toBe(true);
  return {
    imported: Number(await summary.getAttribute('data-imported')),
    errors: Number(await summary.getAttribute('data-errors')),
    text: (await summary.textContent()) ?? '',
    errorItems: await page.locator('.fl-import-errors li').allTextContents(),
  };
}

describe.skipIf(skip !== null)('importing your own articles (Chromium)', () => {
  let browser: Browser;
  let server: FixtureServer;
  let scratch: string;

  beforeAll(async () => {
    server = await serveFixtures(OWN_PAGES);
    browser = await launch();
    scratch = mkdtempSync(join(tmpdir(), 'factlens-import-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('imports the five dw-2023-24 files (5 imported, 0 failed); an open tab marks 馬英九 at once', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(PAGE));
    // The bundle knows 王毅 but not 馬英九.
    expect(await marksOf(page, '王毅')).toBeGreaterThan(0);
    expect((await highlightTexts(page)).filter((t) => t === '馬英九')).toEqual([]);

    const options = await openOptions(browser);
    const files = readdirSync(DW)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(DW, f));
    expect(files).toHaveLength(5);
    const report = await importThrough(options, files);
    expect(report).toMatchObject({ imported: 5, errors: 0, errorItems: [] });
    expect(report.text).toMatch(/5/);
    // The list of imported articles shows them, with remove buttons.
    await options.locator('.fl-imported-list li').nth(4).waitFor({ timeout: 5_000 });
    expect(await options.locator('.fl-imported-list li').count()).toBe(5);
    expect(await options.locator('.fl-imported-list').textContent()).toContain(MA_TITLE);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await options.setViewportSize({ width: 900, height: 1400 });
    await options.screenshot({ path: join(ROOT, 'test-results', 'import.png'), fullPage: true });

    // The tab opened before the import re-scans by itself.
    expect(await marksOf(page, '馬英九')).toBe(2);
    await page.close();
  });

  it('marks 馬英九 on a new page and hovers it with the imported article as source', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(PAGE));
    expect(await marksOf(page, '馬英九')).toBe(2);
    await hover(page, '馬英九');
    const card = page.locator('factlens-card .card');
    await card.waitFor({ state: 'visible', timeout: 3_000 });
    expect(await card.locator('.name').textContent()).toBe('馬英九');
    const sources = await card.locator('.passage .source').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.includes(MA_TITLE))).toBe(true);
    expect(await card.locator('.passage mark').first().textContent()).toBe('馬英九');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'import-card.png') });
    await page.close();
  });

  it('still knows the imported articles after the service worker restarts (IndexedDB)', async () => {
    const options = await openOptions(browser);
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await options.waitForTimeout(300);
    const page = await browser.context.newPage();
    await page.goto(server.url(PAGE));
    expect(await marksOf(page, '馬英九')).toBe(2);
    await page.close();
    await options.close();
  });

  it('lists a damaged file with its error and imports the rest', async () => {
    const good = join(scratch, 'feed-1023833.md');
    copyFileSync(join(DW, 'feed-1023833.md'), good);
    const damaged = join(scratch, 'damaged.md');
    writeFileSync(damaged, '<!--1711694824000-->\nno title link here\n------\n\n<p>正文</p>\n');
    const options = await openOptions(browser);
    const report = await importThrough(options, [damaged, good]);
    expect(report.imported).toBe(1);
    expect(report.errors).toBe(1);
    expect(report.errorItems).toHaveLength(1);
    expect(report.errorItems[0]).toMatch(/^damaged\.md:\d+: \S/);
    console.log(`[e2e] damaged file reported as: ${report.errorItems[0]}`);
    await options.close();
  });

  it('imports a picked folder (the folder input takes its article files)', async () => {
    const options = await openOptions(browser);
    await options.locator('[data-testid=import-folder]').setInputFiles(DW);
    const summary = options.locator('.fl-import-summary');
    await summary.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await summary.getAttribute('data-imported')).toBe('5');
    expect(await summary.getAttribute('data-errors')).toBe('0');
    await options.close();
  });

  it('opens the extension page on the selection from the context menu (click handler in the background)', async () => {
    const worker =
      browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    const opened = browser.context.waitForEvent('page');
    const url = await worker.evaluate(async () => {
      const menu = (
        globalThis as unknown as {
          __factlensMenu: {
            click(info: { menuItemId: string; selectionText: string }): Promise<string | null>;
          };
        }
      ).__factlensMenu;
      return menu.click({ menuItemId: 'factlens-lookup', selectionText: ' 馬英九 ' });
    });
    expect(url).toBe(
      `chrome-extension://${browser.extensionId}/search.html#q=${encodeURIComponent('馬英九')}`,
    );
    const page = await opened;
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe(url);
    const box = page.locator('input[type=search], .fl-search-box').first();
    await box.waitFor({ timeout: 5_000 });
    expect(await box.inputValue()).toBe('馬英九');
    // Imported articles join search at once: the imported article about him comes first.
    const first = page.locator('.fl-result-title').first();
    await first.waitFor({ timeout: 10_000 });
    expect(await first.textContent()).toContain(MA_TITLE);
    await page.close();
  });

  it('removes imported articles: 馬英九 is no longer marked', async () => {
    const options = await openOptions(browser);
    await options.locator('.fl-imported-list li').first().waitFor({ timeout: 5_000 });
    const page = await browser.context.newPage();
    await page.goto(server.url(PAGE));
    expect(await marksOf(page, '馬英九')).toBe(2);
    await options.getByRole('button', { name: /^Remove all$|^全部移除$/ }).click();
    await options.locator('.fl-imported-list').waitFor({ state: 'detached', timeout: 5_000 });
    expect(await marksUntil(page, (t) => !t.includes('馬英九'), 5_000)).not.toContain('馬英九');
    expect(await marksOf(page, '王毅', 2_000)).toBeGreaterThan(0);
    await page.close();
    await options.close();
  });
});

// Opt-in (FACTLENS_E2E_LARGE=1): the 2,000 files of ../shared/corpus/dw-zh through the folder input,
// then a cold service worker's first answer and first card with all of them joined.
const DW_ZH = resolve(DW, '../dw-zh');
const large = skip ?? (process.env.FACTLENS_E2E_LARGE === '1' && existsSync(DW_ZH) ? null : 'opt-in');
describe.skipIf(large !== null)('importing a 2,000-article folder (Chromium)', () => {
  it('imports dw-zh through the folder input; a cold worker answers with the imports joined', async () => {
    const browser = await launch();
    try {
      const options = await openOptions(browser);
      const t0 = Date.now();
      await options.locator('[data-testid=import-folder]').setInputFiles(DW_ZH);
      const summary = options.locator('.fl-import-summary');
      await summary.waitFor({ state: 'visible', timeout: 240_000 });
      const importMs = Date.now() - t0;
      expect(await summary.getAttribute('data-imported')).toBe('2000');
      const cdp = await browser.context.newCDPSession(options);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await options.waitForTimeout(300);
      const timed = (type: string, data: unknown) =>
        options.evaluate(
          async ({ type, data }) => {
            const c = (
              globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
            ).chrome;
            const t = performance.now();
            const r = (await c.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() })) as {
              res?: unknown;
            };
            return { ms: performance.now() - t, res: r?.res };
          },
          { type, data },
        );
      const match = await timed('matchRuns', { runs: ['台灣前總統馬英九與美國總統拜登'] });
      const mentions = (match.res as { mentions: Array<{ text: string; entityId: string }> }).mentions;
      expect(mentions.map((m) => m.text)).toContain('馬英九');
      const id = mentions.find((m) => m.text === '拜登')?.entityId ?? 'e:拜登';
      const card = await timed('lookupEntity', { entityId: id });
      expect((card.res as { articleCount: number } | null)?.articleCount ?? 0).toBeGreaterThan(100);
      console.log(
        `[e2e] 2,000-file folder import: ${importMs} ms; cold worker first matchRuns ${match.ms.toFixed(0)} ms; first card ${card.ms.toFixed(0)} ms`,
      );
    } finally {
      await browser.close();
    }
  }, 300_000);
});
