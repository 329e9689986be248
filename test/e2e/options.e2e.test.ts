// The options page with the built extension in Chromium: what it writes reaches open tabs at once —
// mark style (the highlight CSS), hover delay (card timing), where to run (marks removed and back) —
// and a screenshot of the page for the README (test-results/options.png).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  e2eUnavailable,
  type FixtureServer,
  launch,
  RESULTS,
  ROOT,
  serveFixtures,
  waitForMarks,
} from './harness.ts';

const skip = e2eUnavailable();
const PAGE = 'import-ma-ying-jeou.html';

/** The highlight CSS the content script adopted (adopted sheets are shared by the page's worlds). */
const highlightCss = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.adoptedStyleSheets, (s) => Array.from(s.cssRules, (r) => r.cssText).join('\n')).join(
      '\n',
    ),
  );

async function hoverFirstMark(page: Page) {
  const box = await page.evaluate(() => {
    const live = (x: AbstractRange) => {
      const l = document.createRange();
      l.setStart(x.startContainer, x.startOffset);
      l.setEnd(x.endContainer, x.endOffset);
      return l;
    };
    const s = [...((CSS.highlights.get('factlens') ?? []) as Iterable<AbstractRange>)][0];
    const b = s ? live(s).getClientRects()[0] : undefined;
    return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : null;
  });
  expect(box).not.toBeNull();
  if (!box) return;
  await page.mouse.move(box.x - 30, box.y + 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
}

describe.skipIf(skip !== null)('options reach open tabs (Chromium)', () => {
  let browser: Browser;
  let server: FixtureServer;
  let options: Page;
  let page: Page;

  beforeAll(async () => {
    server = await serveFixtures(join(ROOT, 'test/fixtures/pages'));
    browser = await launch();
    page = await browser.context.newPage();
    await page.goto(server.url(PAGE));
    await waitForMarks(page, 1);
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('.fl-options').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('writes a screenshot of the options page', async () => {
    mkdirSync(RESULTS, { recursive: true });
    await options.setViewportSize({ width: 900, height: 1100 });
    await options.screenshot({ path: join(RESULTS, 'options.png'), fullPage: true });
  });

  it('changes the mark style on an open page at once', async () => {
    expect(await highlightCss(page)).toMatch(/text-decoration: underline/);
    await options.locator('input[name=markStyle][value=tint]').check();
    await expect.poll(() => highlightCss(page), { timeout: 3_000 }).toMatch(/text-decoration(-line)?: none/);
    await options.locator('input[name=markStyle][value=underline]').check();
    await expect.poll(() => highlightCss(page), { timeout: 3_000 }).toMatch(/background-color: transparent/);
    await options.locator('input[name=markStyle][value=both]').check();
  });

  it('applies the hover delay', async () => {
    await options.locator('#fl-hover-delay').fill('1500');
    await expect.poll(() => options.locator('output').textContent(), { timeout: 2_000 }).toMatch(/1500/);
    await page.bringToFront();
    await hoverFirstMark(page);
    await page.waitForTimeout(800);
    // (The card may be built and laid out ahead, hidden: none is visible before the delay.)
    expect(await page.locator('factlens-card .card:visible').count()).toBe(0);
    await page.locator('factlens-card .card').waitFor({ state: 'visible', timeout: 3_000 });
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 650);
  });

  it('runs only on listed sites, then everywhere again', async () => {
    await options.bringToFront();
    await options.locator('input[name=siteMode][value=only-listed]').check();
    await page.waitForFunction(() => (CSS.highlights.get('factlens')?.size ?? 0) === 0, undefined, {
      timeout: 3_000,
    });
    await options.locator('#fl-site-list').fill('127.0.0.1');
    await options.getByRole('button', { name: /Save the list|保存列表|儲存清單/ }).click();
    expect((await waitForMarks(page, 1, 3_000)).length).toBeGreaterThan(0);
    await options.locator('input[name=siteMode][value=all]').check();
    expect((await waitForMarks(page, 1, 3_000)).length).toBeGreaterThan(0);
  });
});
