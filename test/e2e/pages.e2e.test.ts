// The extension's own pages, end to end in Chromium with the built extension (default build: the seed
// article only): the search page (typing, #q= in the URL, Traditional and Simplified queries, highlights,
// "/" to focus), the popup opened for a fixture tab (popup.html?tabId=N: its terms grouped by kind with
// counts), an entity page (mentions and timeline) and the reader (passages, captions, no image fetched
// until asked). Writes popup.png, search.png, entity.png and reader.png to test-results/ and copies them
// to docs/images/ for the README. One browser for the whole file.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  e2eUnavailable,
  type FixtureServer,
  foreignRequests,
  launch,
  PAGES,
  RESULTS,
  ROOT,
  type SummaryTerm,
  serveFixtures,
  tabSummary,
  waitForMarks,
} from './harness.ts';

const skip = e2eUnavailable();

const SEED_ID = '68774250';
const SEED_TITLE = '中俄齊抗西方制裁 王毅：反對「築牆設壘」';
const BRIEFING = 'zh-hans-briefing.html';
const DOCS_IMAGES = join(ROOT, 'docs/images');
const PAGE_VIEWPORT = { width: 1000, height: 800 };
const POPUP_VIEWPORT = { width: 400, height: 600 };
// A 1×1 transparent PNG, served instead of the corpus's image host once the reader is asked for one.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Writes test-results/<name> (after the fonts are in) and copies it to docs/images/. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const file = join(RESULTS, name);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  copyFileSync(file, join(DOCS_IMAGES, name));
}

/** The id of the tab showing `url`: its content script's summarizeTab answer names the URL. */
function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (u) => {
    type Tabs = {
      query(q: unknown): Promise<Array<{ id?: number }>>;
      sendMessage(id: number, m: unknown, o: unknown): Promise<{ res?: { url?: string } } | undefined>;
    };
    const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
    for (const tab of await tabs.query({})) {
      if (tab.id === undefined) continue;
      const ask = { id: 5, type: 'summarizeTab', timestamp: Date.now() };
      const answer = await tabs.sendMessage(tab.id, ask, { frameId: 0 }).catch(() => undefined);
      if (answer?.res?.url === u) return tab.id;
    }
    throw new Error(`no tab answered for ${u}`);
  }, url);
}

/** The first result's article id and title, once results are shown. */
async function firstResult(page: Page) {
  const first = page.locator('.fl-results > .fl-result').first();
  await first.waitFor({ state: 'visible', timeout: 10_000 });
  return {
    id: await first.getAttribute('data-article'),
    title: (await first.locator('.fl-result-title').textContent())?.trim(),
  };
}

/** The highlighted texts (<mark>) in the result list. */
const markTexts = (page: Page) => page.locator('.fl-results mark').allTextContents();

describe.skipIf(skip !== null)('popup, search, entity page and reader (Chromium)', () => {
  let browser: Browser;
  let server: FixtureServer;
  let base: string;
  /** The briefing's terms as its content script reports them (filled by the popup test). */
  let briefingTerms: SummaryTerm[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    mkdirSync(DOCS_IMAGES, { recursive: true });
    server = await serveFixtures(PAGES as string);
    browser = await launch();
    base = `chrome-extension://${browser.extensionId}`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('search: 西伯利亞力量 typed into the box lists the seed article first, highlighted; "/" focuses the box', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(PAGE_VIEWPORT);
    await page.goto(`${base}/search.html`);
    const box = page.locator('input.fl-search-box');
    await box.waitFor({ state: 'visible' });
    await box.fill('西伯利亞力量');
    expect(await firstResult(page)).toEqual({ id: SEED_ID, title: SEED_TITLE });
    // The Traditional query finds the Simplified gallery item, and marks it there.
    const marks = await markTexts(page);
    expect(marks.join('|')).toContain('西伯利亚力量');
    expect(
      marks.every((m) => /^[西伯利亞亚力量]+$/u.test(m)),
      marks.join('|'),
    ).toBe(true);
    await page.waitForFunction(() => location.hash !== '');
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#q=西伯利亞力量');

    // "/" focuses the box (and is not typed into it) once focus is elsewhere.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(false);
    await page.keyboard.press('/');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe('西伯利亞力量');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await screenshot(page, 'search.png');
    await page.close();
  });

  it('search: #q= in the URL, Traditional and Simplified, lists the seed article first', async () => {
    const page = await browser.context.newPage();
    for (const query of ['西伯利亞力量', '西伯利亚力量']) {
      await page.goto(`${base}/search.html#q=${encodeURIComponent(query)}`);
      await page.reload(); // a fresh load from the URL, not a hash change of the page already open
      expect(await page.locator('input.fl-search-box').inputValue()).toBe(query);
      expect(await firstResult(page), query).toEqual({ id: SEED_ID, title: SEED_TITLE });
      expect((await markTexts(page)).join('|'), query).toContain('西伯利亚力量');
    }
    // A query the corpus does not hold lists nothing (the assertions above can fail).
    await page.goto(`${base}/search.html#q=${encodeURIComponent('馬英九')}`);
    await page.reload();
    await page.locator('.fl-empty').waitFor({ state: 'visible' });
    expect(await page.locator('.fl-result').count()).toBe(0);
    await page.close();
  });

  it('popup for the zh-hans-briefing tab lists its terms grouped by kind with counts', async () => {
    const tab = await browser.context.newPage();
    const url = server.url(BRIEFING);
    await tab.goto(url);
    // The gold file's 10 marks (拉夫罗夫 2, 习近平 1, 王毅 2, 普京 2, 耶伦 1, 北约 1, 脱钩断链 1) and places.
    expect((await waitForMarks(tab, 10)).length).toBeGreaterThanOrEqual(10);
    briefingTerms = await tabSummary(browser.worker, url);
    const tabId = await tabIdOf(browser.worker, url);

    const popup = await browser.context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(`${base}/popup.html?tabId=${tabId}`);
    await popup.locator('.fl-popup-terms').waitFor({ state: 'visible', timeout: 10_000 });
    const groups = await popup.locator('.fl-term-group').evaluateAll((els) =>
      els.map((g) => ({
        heading: g.querySelector('h3')?.textContent?.trim() ?? '',
        terms: Array.from(
          g.querySelectorAll('.fl-term'),
          (b) =>
            `${b.querySelector('.fl-term-name')?.textContent} ${b.querySelector('.fl-count')?.textContent}`,
        ),
      })),
    );
    const shown = groups.flatMap((g) => g.terms);
    const has = (names: RegExp, count: number) =>
      expect(
        shown.filter((t) => new RegExp(`^(${names.source}) ${count} 次$`, 'u').test(t)),
        names.source,
      ).toHaveLength(1);
    // Counts as the popup writes them (zh-Hans: "N 次"), as the gold file has them.
    has(/拉夫罗夫|拉夫羅夫/u, 2);
    has(/王毅/u, 2);
    has(/普京|普丁/u, 2);
    has(/习近平|習近平/u, 1);
    has(/耶伦|耶倫/u, 1);
    has(/北约|北約/u, 1);
    has(/脱钩断链|脫鉤斷鏈/u, 1);
    // Grouped by kind in a fixed order, each heading with its group's size; most mentioned first.
    const headings = groups.map((g) => g.heading.replace(/ \d+$/u, ''));
    expect(headings).toEqual(['人物', '地点', '机构', '话题']);
    for (const g of groups) expect(g.heading).toBe(`${g.heading.replace(/ \d+$/u, '')} ${g.terms.length}`);
    const person = groups[0]?.terms ?? [];
    expect(person.map((t) => t.split(' ')[0])).toEqual([
      expect.stringMatching(/^(拉夫[罗羅]夫|王毅|普[京丁])$/u),
      expect.stringMatching(/^(拉夫[罗羅]夫|王毅|普[京丁])$/u),
      expect.stringMatching(/^(拉夫[罗羅]夫|王毅|普[京丁])$/u),
      expect.stringMatching(/^([习習]近平|耶[伦倫])$/u),
      expect.stringMatching(/^([习習]近平|耶[伦倫])$/u),
    ]);
    expect(groups[2]?.terms).toEqual([expect.stringMatching(/^北[约約] 1 次$/u)]);
    expect(groups[3]?.terms).toEqual([expect.stringMatching(/^(脱钩断链|脫鉤斷鏈) 1 次$/u)]);
    expect(groups[1]?.terms[0]).toMatch(/^中[国國] 3 次$/u);
    // Exactly what the tab's content script reports, each term as the page writes it.
    expect([...shown].sort()).toEqual(
      briefingTerms.map((t) => `${t.texts[0] ?? t.name} ${t.count} 次`).sort(),
    );
    expect(shown).toContain('普京 2 次');
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await screenshot(popup, 'popup.png');
    await popup.close();
    await tab.close();
  });

  it('entity page for 王毅 shows the entity, its mentions in the seed article and the timeline', async () => {
    const wang = briefingTerms.find((t) => t.name === '王毅');
    expect(wang, 'the briefing tab reported 王毅').toBeDefined();
    const page = await browser.context.newPage();
    await page.setViewportSize(PAGE_VIEWPORT);
    await page.goto(`${base}/search.html?entity=${encodeURIComponent(wang?.entityId ?? '')}`);
    const heading = page.locator('.fl-entity-page h1');
    await heading.waitFor({ state: 'visible', timeout: 10_000 });
    expect((await heading.textContent())?.trim()).toMatch(/^王毅(\s|$)/u);
    // 王毅 is written 8 times in the seed article's passages.
    expect(await page.locator('.fl-entity-page .fl-tagline').textContent()).toBe(
      '人物 · 1 篇文章 · 8 次提及',
    );
    // Mentions: the seed article, its passages with 王毅 highlighted.
    const articles = page.locator('.fl-entity-page .fl-results > .fl-result');
    expect(await articles.count()).toBe(1);
    expect(await articles.first().getAttribute('data-article')).toBe(SEED_ID);
    expect((await articles.first().locator('.fl-result-title').textContent())?.trim()).toBe(SEED_TITLE);
    expect(await articles.first().locator('.fl-result-meta').textContent()).toContain('8 次提及');
    // At most 5 passages per article, the first being the lead photo's caption.
    const passages = articles.first().locator('.fl-passage');
    expect(await passages.count()).toBe(5);
    expect(await passages.first().textContent()).toBe('图说中國外長王毅9日在北京會晤俄國外長拉夫羅夫。');
    const marks = await articles.first().locator('mark').allTextContents();
    expect(marks).toHaveLength(6);
    expect(new Set(marks)).toEqual(new Set(['王毅']));
    // Timeline: one article, in April 2024.
    const bars = await page
      .locator('svg.fl-timeline g[data-month]')
      .evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-month')}:${g.getAttribute('data-count')}`));
    expect(bars).toEqual(['2024-04:1']);
    await screenshot(page, 'entity.png');
    await page.close();
  });

  it('reader rebuilds the seed article from its passages with captions; no image loads until asked', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(PAGE_VIEWPORT);
    const seen: string[] = [];
    page.on('request', (r) => {
      seen.push(r.url());
    });
    const before = browser.requests.length;
    await page.goto(`${base}/search.html?article=${SEED_ID}`);
    const article = page.locator('.fl-reader article');
    await article.locator('h1').waitFor({ state: 'visible', timeout: 10_000 });
    expect((await article.locator('h1').textContent())?.trim()).toBe(SEED_TITLE);
    expect(await article.locator('h2.fl-subheading').allTextContents()).toEqual([
      '中俄深化關係',
      '中國再對俄烏議題表態',
    ]);
    expect(await article.locator('h3.fl-gallery-heading').allTextContents()).toEqual([
      '2023年中俄关系：没有最高只有更高？',
    ]);
    const captions = await article.locator('figure figcaption').allTextContents();
    expect(captions).toHaveLength(10);
    expect(captions[0]).toBe('中國外長王毅9日在北京會晤俄國外長拉夫羅夫。');
    expect(captions.some((c) => c.includes('“西伯利亚力量”管道全线贯通'))).toBe(true);
    expect((await article.locator('p.fl-byline').textContent())?.trim()).toBe('（綜合報導）');
    // Entities are marked and link to their pages.
    const entityLinks = article.locator('a.fl-entity');
    await entityLinks.first().waitFor({ state: 'attached' });
    expect(await entityLinks.allTextContents()).toEqual(expect.arrayContaining(['王毅', '拉夫羅夫']));
    expect(await entityLinks.first().getAttribute('href')).toMatch(/^\?entity=/);
    // The article's own HTML is never used: no image and no request beyond the extension.
    const buttons = article.locator('button.fl-image-button');
    expect(await buttons.count()).toBe(10);
    expect(await page.locator('img').count()).toBe(0);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
    expect(foreignRequests(browser.requests.slice(before), server.origin)).toEqual([]);
    await screenshot(page, 'reader.png');

    // Asked for, the first image is fetched from the corpus's image host (served here by a stub).
    await browser.context.route('https://static.dw.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }),
    );
    await buttons.first().click();
    const img = article.locator('img.fl-image');
    await img.waitFor({ state: 'attached' });
    expect(await img.getAttribute('src')).toBe('https://static.dw.com/image/68773106_303.jpg');
    await page.waitForFunction(() => (document.querySelector('img.fl-image') as HTMLImageElement)?.complete);
    expect(seen.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([
      'https://static.dw.com/image/68773106_303.jpg',
    ]);
    expect(await article.locator('button.fl-image-button').count()).toBe(9);
    await page.close();
  });
});
