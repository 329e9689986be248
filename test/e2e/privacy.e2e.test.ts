// Privacy: a tour of everything Factlens does — every gold page and every hostile page marked, a card
// hovered, the popup, the search page with a query, an entity page, the options page — during which
// no request leaves for anywhere but the local fixture server (and the extension's own files). The
// context's request events include the service worker's own fetches (its corpus.json load is seen,
// which proves it). hostile, corpus-safety and dying-worker assert the same for their own runs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  e2eUnavailable,
  type FixtureServer,
  launch,
  PAGES,
  ROOT,
  serveFixtures,
  waitForMarks,
} from './harness.ts';
import { hoverMark, outsideRequests } from './probe.ts';

const skip = e2eUnavailable();

describe.skipIf(skip !== null)('privacy: no request leaves the machine (Chromium)', () => {
  let browser: Browser;
  let pages: FixtureServer;
  let hostile: FixtureServer;
  beforeAll(async () => {
    pages = await serveFixtures(PAGES as string);
    hostile = await serveFixtures(join(ROOT, 'test/fixtures/hostile'));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await hostile?.close();
  });

  it('tours the gold pages, the hostile pages, a card and every extension page', async () => {
    const page = await browser.context.newPage();
    for (const name of readdirSync(PAGES as string).filter((f) => f.endsWith('.html'))) {
      await page.goto(pages.url(name));
      await waitForMarks(page, 1, 5_000);
    }
    await page.goto(pages.url('zh-hans-briefing.html'));
    await waitForMarks(page, 5);
    expect(await hoverMark(page, '拉夫罗夫')).toBe(true);
    await page.locator('factlens-card .card').waitFor({ state: 'visible', timeout: 5_000 });
    for (const name of ['csp.html', 'shadow.html', 'frames.html', 'prototypes.html']) {
      await page.goto(hostile.url(name));
      await page.waitForTimeout(500);
    }
    const ext = `chrome-extension://${browser.extensionId}`;
    for (const path of [
      'popup.html',
      `search.html#q=${encodeURIComponent('王毅')}`,
      'search.html?entity=e%3A%E7%8E%8B%E6%AF%85',
      'options.html',
    ]) {
      await page.goto(`${ext}/${path}`);
      await page.waitForTimeout(800);
    }
    await page.close();
  });

  it('made no request beyond the fixture servers and the extension itself', () => {
    const origins = [pages.origin, hostile.origin, hostile.origin.replace('127.0.0.1', 'localhost')];
    expect(browser.requests.length).toBeGreaterThan(10);
    expect(outsideRequests(browser.requests, origins)).toEqual([]);
    // The worker's own fetches are in the list (its bundle), so they were watched too.
    expect(
      browser.requests.some((u) => u.startsWith('chrome-extension://') && u.endsWith('/data/corpus.json')),
    ).toBe(true);
  });
});
