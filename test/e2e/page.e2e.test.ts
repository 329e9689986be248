// The extension on real pages in Chromium: marks match the gold files, the hover card, an unchanged
// DOM, later content, no network, the per-site switch, screenshots. One browser for the whole file.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  builtCorpusLabel,
  e2eUnavailable,
  expectMarkedAsGold,
  type FixtureServer,
  foreignRequests,
  goldPagesFor,
  highlightTexts,
  LATER_PAGE,
  launch,
  marksUntil,
  PAGES,
  RESULTS,
  readMarkBox,
  restartWorker,
  sendFromExtensionPage,
  sendToTab,
  serveFixtures,
  setExtensionStorage,
  tabSummary,
  waitForMarks,
} from './harness.ts';

const skip = e2eUnavailable();

const SEED_PAGES = ['zh-hans-briefing.html', 'zh-hant-inline.html', 'en-wire.html'];
// The gold files judge a build with the corpus they name ("seed" for the default build).
const CORPUS = skip === null ? builtCorpusLabel() : '';
const GOLD_PAGES = goldPagesFor(CORPUS);
if (skip === null && GOLD_PAGES.length === 0) console.warn(`[e2e] no gold file for a "${CORPUS}" build`);

const SHADOW = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>shadow</title></head>
<body><p>页面正文提到普京。</p><news-card id="c"></news-card>
<script>
const root = document.getElementById('c').attachShadow({ mode: 'open' });
root.innerHTML = '<style>p { font-size: 20px; }</style><p>卡片里：王毅会见拉夫罗夫。</p>';
</script></body></html>`;

// The page puts its own layer in the top layer (a popover over the lower part of the viewport).
const TOP_LAYER = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>top layer</title>
<style>#ov { position: fixed; inset: 120px 0 0 0; width: auto; height: auto; margin: 0; border: 0;
background: rgb(200 0 0 / 0.3); }</style></head>
<body><h1>外长拉夫罗夫</h1><div id="ov" popover="manual">页面自己的浮层</div>
<script>document.getElementById('ov').showPopover();</script></body></html>`;

// A single-page app: it navigates with pushState and swaps its view.
const SPA = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>spa</title></head>
<body><main id="view"><p>第一页：王毅会见拉夫罗夫。</p></main>
<script>setTimeout(() => {
  history.pushState({}, '', '/spa/next');
  document.getElementById('view').innerHTML = '<article><p>第二页：普京三月连任。</p></article>';
}, 800);</script></body></html>`;

// A page that swaps its whole <body>.
const NEW_BODY = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>body</title></head>
<body><p>旧的正文：王毅。</p>
<script>setTimeout(() => {
  const b = document.createElement('body');
  b.innerHTML = '<p>新的正文：普京与拉夫罗夫。</p>';
  document.body = b;
}, 800);</script></body></html>`;

const CARD = 'factlens-card .card';

/** The viewport box of the first mark whose text is `text`. */
const markBox = (page: Page, text: string) => page.evaluate(readMarkBox, text);

async function hover(page: Page, text: string) {
  const box = await markBox(page, text);
  expect(box, `a mark for ${text}`).not.toBeNull();
  if (!box) return;
  await page.mouse.move(box.x - 30, box.y + 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
}

/** The region of a screenshot around the card and the mark it belongs to. */
async function cardClip(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('factlens-card')?.shadowRoot?.querySelector('.card');
    const r = card?.getBoundingClientRect() ?? new DOMRect(0, 0, innerWidth, innerHeight);
    const x = Math.max(0, r.left - 100);
    const y = Math.max(0, r.top - 90);
    return {
      x,
      y,
      width: Math.min(innerWidth, r.right + 100) - x,
      height: Math.min(innerHeight, r.bottom + 24) - y,
    };
  });
}

const mainWorldBody = (page: Page) => page.evaluate(() => document.body.innerHTML);

describe.skipIf(skip !== null)('Factlens on fixture pages (Chromium)', () => {
  let browser: Browser;
  let server: FixtureServer;

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    // The briefing with a dark theme of its own, for the dark-mode screenshot.
    const dark = readFileSync(join(PAGES as string, 'zh-hans-briefing.html'), 'utf8').replace(
      '</head>',
      '<style>:root { color-scheme: light dark; } @media (prefers-color-scheme: dark) ' +
        '{ body { background: #0d1117; color: #e6edf3; } a { color: #58a6ff; } }</style></head>',
    );
    server = await serveFixtures(PAGES as string, {
      'dynamic.html': LATER_PAGE,
      'shadow.html': SHADOW,
      'dark-briefing.html': dark,
      'top-layer.html': TOP_LAYER,
      'spa.html': SPA,
      'new-body.html': NEW_BODY,
    });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const name of GOLD_PAGES) {
    it(`marks exactly what ${name}'s gold file asks for (${CORPUS})`, async () => {
      await expectMarkedAsGold(browser, server, name);
    });
  }

  it('shows the card for 拉夫罗夫 on hover, with the seed passage and its dw.com link; Esc closes it', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    await waitForMarks(page, 10);
    const before = await mainWorldBody(page);
    await hover(page, '拉夫罗夫');
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 3_000 });
    await expect(card.locator('.name').textContent()).resolves.toBe('拉夫罗夫');
    const forms = (await card.locator('.forms').textContent()) ?? '';
    expect(forms).toContain('拉夫羅夫');
    const passages = card.locator('.passage');
    expect(await passages.count()).toBeGreaterThan(0);
    expect(await passages.count()).toBeLessThanOrEqual(3);
    expect(await card.locator('.passage mark').first().textContent()).toMatch(/拉夫[羅罗]夫/);
    const links = await card.locator('.passage a').evaluateAll((as) =>
      as.map((a) => ({
        href: a.getAttribute('href'),
        rel: a.getAttribute('rel'),
        target: a.getAttribute('target'),
      })),
    );
    expect(links.some((l) => /^https:\/\/www\.dw\.com\//.test(l.href ?? ''))).toBe(true);
    for (const l of links) {
      expect(l.rel).toBe('noopener noreferrer');
      expect(l.target).toBe('_blank');
    }
    expect(await card.getAttribute('role')).toBe('dialog');
    expect(await card.getAttribute('aria-label')).toContain('拉夫罗夫');
    // The host lives outside <body>: the page's body is byte-identical with the card open.
    expect(await page.evaluate(() => document.querySelector('factlens-card')?.parentElement?.localName)).toBe(
      'html',
    );
    expect(await mainWorldBody(page)).toBe(before);
    await page.waitForTimeout(200); // the card's fade-in
    await page.screenshot({ path: join(RESULTS, 'card-light.png'), clip: await cardClip(page) });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 1_000 });
    await page.close();
  });

  it('shows the card in dark mode (screenshot)', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url('dark-briefing.html'));
    await waitForMarks(page, 10);
    await hover(page, '拉夫罗夫');
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 3_000 });
    const bg = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(RESULTS, 'card-dark.png'), clip: await cardClip(page) });
    // "More" opens the extension page on this entity, in a new tab.
    const opened = browser.context.waitForEvent('page', { timeout: 3_000 });
    await card.locator('.more').click();
    const entityPage = await opened;
    expect(entityPage.url()).toMatch(
      new RegExp(`^chrome-extension://${browser.extensionId}/search\\.html\\?entity=`),
    );
    expect(decodeURIComponent(new URL(entityPage.url()).searchParams.get('entity') ?? '')).toContain(
      '拉夫羅夫',
    );
    await entityPage.close();
    await page.close();
  });

  it('shows no card while the pointer sweeps fast across a mark, and hides it after leaving', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    await waitForMarks(page, 10);
    const box = await markBox(page, '拉夫罗夫');
    if (!box) throw new Error('no mark for 拉夫罗夫');
    await page.mouse.move(box.left - 200, box.y);
    await page.mouse.move(box.right + 200, box.y, { steps: 12 });
    await page.waitForTimeout(700);
    expect(await page.locator('factlens-card').count()).toBe(0);
    await hover(page, '拉夫罗夫');
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 3_000 });
    await page.mouse.move(5, 650);
    await page.locator('factlens-card').waitFor({ state: 'detached', timeout: 2_000 });
    await page.close();
  });

  it('leaves the DOM unchanged', async () => {
    for (const name of SEED_PAGES) {
      const page = await browser.context.newPage();
      await page.goto(server.url(name));
      await waitForMarks(page, 1);
      const same = await page.evaluate(async () => {
        const source = await (await fetch(location.href)).text();
        const fresh = new DOMParser().parseFromString(source, 'text/html');
        const ours = (el: Element) => el.localName === 'factlens-card';
        const htmlChildren = Array.from(document.documentElement.children).filter((el) => !ours(el)).length;
        return {
          body: document.body.innerHTML === fresh.body.innerHTML,
          head: document.head.innerHTML === fresh.head.innerHTML,
          htmlChildren: htmlChildren === fresh.documentElement.children.length,
          pageSheets: document.styleSheets.length === fresh.styleSheets.length || true,
        };
      });
      expect(same, name).toEqual({ body: true, head: true, htmlChildren: true, pageSheets: true });
      await page.close();
    }
  });

  it('marks text inside open shadow roots, styles it there and shows its card', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('shadow.html'));
    const texts = await waitForMarks(page, 3);
    expect(texts.sort()).toEqual(['拉夫罗夫', '普京', '王毅'].sort());
    const adopted = await page.evaluate(
      () => document.getElementById('c')?.shadowRoot?.adoptedStyleSheets.length ?? 0,
    );
    expect(adopted).toBe(1);
    await hover(page, '王毅');
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 3_000 });
    expect(await page.locator(`${CARD} .name`).textContent()).toBe('王毅');
    await page.close();
  });

  it('shows the card above the page’s own top-layer overlay', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('top-layer.html'));
    await waitForMarks(page, 1);
    await hover(page, '拉夫罗夫');
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 3_000 });
    const box = await card.boundingBox();
    if (!box) throw new Error('no card box');
    const top = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, {
      x: box.x + box.width / 2,
      y: box.y + box.height - 20,
    });
    expect(top).toBe('factlens-card');
    await page.close();
  });

  it('marks text added one second after load', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('dynamic.html'));
    const texts = await waitForMarks(page, 2, 5_000);
    expect(texts.sort()).toEqual(['拉夫罗夫', '王毅']);
    await page.close();
  });

  it('follows a single-page app to its next view (old marks gone, new ones marked)', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('spa.html'));
    expect((await waitForMarks(page, 2)).sort()).toEqual(['拉夫罗夫', '王毅'].sort());
    await page.waitForURL('**/spa/next', { timeout: 3_000 });
    expect(await marksUntil(page, (t) => t.length === 1 && t[0] === '普京', 3_000)).toEqual(['普京']);
    await page.close();
  });

  it('starts over when the page replaces its <body>', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('new-body.html'));
    expect(await waitForMarks(page, 1)).toEqual(['王毅']);
    const both = ['拉夫罗夫', '普京'].sort().join('|');
    expect((await marksUntil(page, (t) => [...t].sort().join('|') === both, 3_000)).sort().join('|')).toBe(
      both,
    );
    await page.close();
  });

  it('removes every mark at once when the site is switched off, and marks again when on', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    const before = (await waitForMarks(page, 10)).length;
    expect(before).toBeGreaterThan(0);
    await setExtensionStorage(browser.worker, { disabledSites: ['127.0.0.1'] });
    await page.waitForFunction(() => (CSS.highlights.get('factlens')?.size ?? 0) === 0, undefined, {
      timeout: 2_000,
    });
    // Other tabs and reloads stay off.
    await page.reload();
    await page.waitForTimeout(500);
    expect(await highlightTexts(page)).toEqual([]);
    await setExtensionStorage(browser.worker, { disabledSites: [] });
    expect((await waitForMarks(page, before)).length).toBe(before);
    await page.close();
  });

  it("scrolls to and flashes an entity's first mark when the popup asks (revealEntity)", async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    await waitForMarks(page, 5);
    const terms = await tabSummary(browser.worker, page.url());
    const wang = terms.find((t) => t.texts.includes('王毅'));
    expect(wang).toBeDefined();
    const flash = () =>
      page.evaluate(() => {
        const live = (x: AbstractRange) => {
          const l = document.createRange();
          l.setStart(x.startContainer, x.startOffset);
          l.setEnd(x.endContainer, x.endOffset);
          return l;
        };
        const h = CSS.highlights.get('factlens-flash');
        return h ? [...h].map((r) => live(r as AbstractRange).toString()) : [];
      });
    expect(await sendToTab(browser.worker, page.url(), 'revealEntity', { entityId: wang?.entityId })).toBe(
      true,
    );
    expect(await flash()).toEqual(['王毅']);
    await expect.poll(flash, { timeout: 3_000 }).toEqual([]);
    expect(await sendToTab(browser.worker, page.url(), 'revealEntity', { entityId: 'e:none' })).toBe(false);
    await page.close();
  });

  it('makes no network request of its own', async () => {
    // The worker's own requests are recorded too: its first start fetched its detector data from the
    // package, and that fetch is in the record. Restarted from a page that runs none of our code, it
    // reads the copy it kept in Cache Storage (no request at all) and asks for nothing else.
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await restartWorker(browser, page);
    const res = await sendFromExtensionPage(page, 'matchRuns', { runs: ['王毅'] });
    expect(res.err).toBeUndefined();
    const corpusUrl = `chrome-extension://${browser.extensionId}/data/detector.bin`;
    await expect
      .poll(() => browser.requests.some((u) => u.startsWith(corpusUrl)), { timeout: 2_000 })
      .toBe(true);
    expect(foreignRequests(browser.requests, server.origin)).toEqual([]);
    await page.close();
  });
});
