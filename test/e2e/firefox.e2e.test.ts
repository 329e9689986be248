// The Firefox build (MV2, background page) on the fixture pages in Debian's Firefox ESR: the marks the
// gold files ask for and the entities they refer to (as the popup lists them), an unchanged page, the
// hover card with its sources and its "more" link to the entity page, the per-site switch, text
// added later, and on a page with thousands of marks, drawing only near the viewport as it jumps.
// The Chromium suite covers the rest; this one shows that the Firefox build works, not only that it
// lints.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_ORIGIN,
  extensionPageOpenedBy,
  firefoxUnavailable,
  launchFirefox,
  setStorage,
  tabSummary,
} from './firefox-harness.ts';
import {
  bigPage,
  drawnParagraphs,
  expectGold,
  type FixtureServer,
  goldPagesFor,
  highlightTexts,
  LATER_PAGE,
  marksUntil,
  PAGES,
  readGold,
  readMarkBox,
  scrollToFraction,
  serveFixtures,
} from './harness.ts';

const skip = firefoxUnavailable();
// The Firefox build carries the same corpus as the Chromium one: the seed.
const GOLD_PAGES = goldPagesFor('seed');

/** Paragraphs of the page with thousands of marks (beyond marks.ts DRAWING.allUpTo: windowed). */
const MANY = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(skip !== null)('Factlens on fixture pages (Firefox)', () => {
  let browser: Browser;
  let server: FixtureServer;
  /** The add-on's entity page, opened from a card: storage and tab messages, as the popup uses them. */
  let ext: Page;

  /**
   * Opens the card for `text` on `page` (hovering its first mark); resolves once it shows passages.
   * (The card is built and laid out ahead, hidden: it counts once visible.)
   */
  async function openCard(page: Page, text: string): Promise<void> {
    await marksUntil(page, (texts) => texts.includes(text));
    const at = await page.evaluate(readMarkBox, text);
    expect(at, `a mark for ${text}`).not.toBeNull();
    if (!at) return;
    await page.mouse.move(at.x - 30, at.y + 40);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await page.waitForFunction(
      () => {
        const card = document.querySelector('factlens-card')?.shadowRoot?.querySelector('.card');
        return !!card?.querySelector('.passage') && getComputedStyle(card).visibility === 'visible';
      },
      { timeout: 5_000 },
    );
  }

  beforeAll(async () => {
    server = await serveFixtures(PAGES as string, { 'later.html': LATER_PAGE, 'many.html': bigPage(MANY) });
    browser = await launchFirefox();
    // "More" in a card opens the extension page on that entity, in a tab.
    const page = await browser.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    await openCard(page, '拉夫罗夫');
    ext = await extensionPageOpenedBy(browser, async () => {
      const more = await page.evaluate(() => {
        const b = document.querySelector('factlens-card')?.shadowRoot?.querySelector('.more');
        const r = b?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      });
      if (more) await page.mouse.click(more.x, more.y);
    });
    await page.close();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has seed gold pages to check, and opened the entity page from a card', async () => {
    expect(GOLD_PAGES.length).toBeGreaterThan(0);
    const href = await ext.evaluate(() => location.href);
    expect(href.startsWith(`${EXTENSION_ORIGIN}/search.html?entity=`)).toBe(true);
    expect(decodeURIComponent(new URL(href).searchParams.get('entity') ?? '')).toContain('拉夫');
  });

  for (const name of GOLD_PAGES) {
    it(`marks exactly what ${name}'s gold file asks for, and leaves the page's DOM as parsed`, async () => {
      const gold = readGold(name);
      const expected = gold.mentions.reduce((n, m) => n + m.count, 0);
      const page = await browser.newPage();
      await page.goto(server.url(name));
      await marksUntil(page, (texts) => texts.length >= expected);
      await sleep(300); // anything extra would arrive by now
      expectGold(name, await highlightTexts(page), await tabSummary(ext, page.url()));
      // No element or text of ours in the page: its body is the served HTML as the browser parses it
      // (the card's host, when there is one, lives outside <body>).
      const same = await page.evaluate(async () => {
        const html = await (await fetch(location.href)).text();
        const parsed = new DOMParser().parseFromString(html, 'text/html');
        return parsed.body.innerHTML === document.body.innerHTML;
      });
      expect(same, `${name}: the body as served`).toBe(true);
      await page.close();
    });
  }

  it('shows the card for 拉夫罗夫 on hover, with a seed passage and its dw.com link; Esc closes it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    await openCard(page, '拉夫罗夫');
    const seen = await page.evaluate(() => {
      const c = document.querySelector('factlens-card')?.shadowRoot?.querySelector('.card');
      return {
        name: c?.querySelector('.name')?.textContent,
        forms: c?.querySelector('.forms')?.textContent ?? '',
        passages: c?.querySelectorAll('.passage').length ?? 0,
        marked: c?.querySelector('.passage mark')?.textContent,
        links: Array.from(c?.querySelectorAll('.passage a') ?? [], (a) => a.getAttribute('href') ?? ''),
        role: c?.getAttribute('role'),
      };
    });
    expect(seen.name).toBe('拉夫罗夫');
    expect(seen.forms).toContain('拉夫羅夫');
    expect(seen.passages).toBeGreaterThan(0);
    expect(seen.passages).toBeLessThanOrEqual(3);
    expect(seen.marked).toMatch(/拉夫[羅罗]夫/);
    expect(seen.links.some((href) => /^https:\/\/www\.dw\.com\//.test(href))).toBe(true);
    expect(seen.role).toBe('dialog');
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('factlens-card')?.shadowRoot?.querySelector('.card'),
      { timeout: 2_000 },
    );
    await page.close();
  });

  it('removes every mark at once when the site is switched off, and marks again when on', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    const before = (await marksUntil(page, (t) => t.length >= 10)).length;
    expect(before).toBeGreaterThanOrEqual(10);
    await setStorage(ext, { disabledSites: ['127.0.0.1'] });
    await page.waitForFunction(() => (CSS.highlights.get('factlens')?.size ?? 0) === 0, { timeout: 2_000 });
    await page.reload();
    await sleep(500);
    expect(await highlightTexts(page)).toEqual([]);
    await setStorage(ext, { disabledSites: [] });
    expect((await marksUntil(page, (t) => t.length >= before)).length).toBe(before);
    await page.close();
  });

  it('marks text added a second after load', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('later.html'));
    const texts = await marksUntil(page, (t) => t.includes('拉夫罗夫') && t.includes('王毅'), 6_000);
    expect(texts.sort()).toEqual(['拉夫罗夫', '王毅']);
    await page.close();
  });

  it('on a page with thousands of marks draws those near the viewport, and follows jumps', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('many.html'));
    // Every paragraph with names gets marked (the popup's counts), only those near the top drawn.
    let marked = 0;
    for (const end = Date.now() + 30_000; Date.now() < end; await sleep(500)) {
      const n = (await tabSummary(ext, page.url())).reduce((sum, term) => sum + term.count, 0);
      if (n > 0 && n === marked) break;
      marked = n;
    }
    expect(marked).toBeGreaterThan(2 * MANY);
    let drawn = await page.evaluate(drawnParagraphs);
    expect(drawn).toContain('p0');
    expect(drawn).not.toContain(`p${MANY - 2}`);
    expect(drawn.length).toBeLessThan(marked / 5);
    for (const at of [1, 0.5, 0.137]) {
      const inView = await page.evaluate(scrollToFraction, at);
      expect(inView.length).toBeGreaterThan(3);
      let missing = inView;
      for (const end = Date.now() + 5_000; missing.length > 0 && Date.now() < end; await sleep(100)) {
        drawn = await page.evaluate(drawnParagraphs);
        missing = inView.filter((id) => !drawn.includes(id));
      }
      expect(missing, `drawn after a jump to ${at}`).toEqual([]);
      expect(drawn).not.toContain('p0');
      expect(drawn.length).toBeLessThan(marked / 5);
    }
    await page.close();
  }, 60_000);

  it('keeps a copy of its data files in Cache Storage, as in Chromium (src/background/data-cache.ts)', async () => {
    // The add-on's pages share the background's origin, so they see its caches.
    const copies = () =>
      ext.evaluate(async () => {
        const out: string[] = [];
        for (const name of await caches.keys()) {
          if (!name.startsWith('factlens-data-')) continue;
          for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
        }
        return out.sort();
      });
    // The card read detector.bin and corpus.json, the extension page (a search page) search.json;
    // their copies are made after the reads.
    const end = Date.now() + 5_000;
    let found = await copies();
    while (found.length < 3 && Date.now() < end) {
      await sleep(100);
      found = await copies();
    }
    expect(found).toEqual(['/data/corpus.json', '/data/detector.bin', '/data/search.json']);
  });
});
