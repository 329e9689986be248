// Smoke: the built extension loads in Chromium, its content script runs on a page served from
// 127.0.0.1, and its background answers (marks appear on the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  e2eUnavailable,
  type FixtureServer,
  launch,
  PAGES,
  serveFixtures,
  waitForMarks,
} from './harness.ts';

const skip = e2eUnavailable();

describe.skipIf(skip !== null)('extension smoke test (Chromium)', () => {
  let browser: Browser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await serveFixtures(PAGES as string);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads, answers a ping and marks a fixture page', async () => {
    const ping = await browser.worker.evaluate(() => 'alive');
    expect(ping).toBe('alive');
    const page = await browser.context.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    const marks = await waitForMarks(page, 1);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks).toContain('拉夫罗夫');
  });
});
