// A dying background: the MV3 service worker is stopped (CDP ServiceWorker.stopAllWorkers) while the
// pointer rests on a mark — once just as the hover starts, once over and over during the dwell — and
// the card still appears, from a worker that restarted (the old one's marker global is gone).
import type { Page, Worker } from 'playwright-core';
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
import { hoverMark } from './probe.ts';

const skip = e2eUnavailable();
const CARD = 'factlens-card .card';

describe.skipIf(skip !== null)('a dying service worker (Chromium)', () => {
  let browser: Browser;
  let server: FixtureServer;
  let control: Page;

  /** Stops every service worker of the profile (the extension's is the only one). */
  const stopWorkers = async () => {
    const cdp = await browser.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  };

  /** Workers that have not closed, newest last (a stopped worker's handle would hang evaluate()). */
  const alive: Worker[] = [];
  const track = (w: Worker) => {
    alive.push(w);
    w.on('close', () => alive.splice(alive.indexOf(w), 1));
  };
  const withTimeout = <T>(p: Promise<T>, ms: number, fallback: T) =>
    Promise.race([p, new Promise<T>((ok) => setTimeout(() => ok(fallback), ms))]);

  /** Marks the running worker; false afterwards means it was replaced by a fresh one. */
  const markWorker = async () => {
    // Wake the worker (a ping from the extension page) so that there is one to mark.
    await control.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime
        .sendMessage({ id: 1, type: 'ping', timestamp: Date.now() })
        .catch(() => undefined),
    );
    const worker = alive.at(-1) ?? (await browser.context.waitForEvent('serviceworker'));
    await worker.evaluate(() => {
      (globalThis as { __dyingMarker?: boolean }).__dyingMarker = true;
    });
  };
  const sameWorker = async () => {
    const worker = alive.at(-1);
    if (!worker) return false;
    return withTimeout(
      worker
        .evaluate(() => (globalThis as { __dyingMarker?: boolean }).__dyingMarker === true)
        .catch(() => false),
      2_000,
      false,
    );
  };

  beforeAll(async () => {
    server = await serveFixtures(PAGES as string);
    browser = await launch();
    for (const w of browser.context.serviceWorkers()) track(w);
    browser.context.on('serviceworker', track);
    control = await browser.context.newPage();
    await control.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the card when the worker is stopped just as the hover starts', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    await waitForMarks(page, 5);
    await markWorker();
    expect(await hoverMark(page, '拉夫罗夫')).toBe(true);
    await stopWorkers();
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 8_000 });
    expect(await card.locator('.name').textContent()).toBe('拉夫罗夫');
    expect(await card.locator('.passage').count()).toBeGreaterThan(0);
    expect(await sameWorker()).toBe(false);
    await page.close();
  });

  it('shows the card after the worker is stopped again and again during the dwell', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('zh-hans-briefing.html'));
    await waitForMarks(page, 5);
    await markWorker();
    expect(await hoverMark(page, '拉夫罗夫')).toBe(true);
    for (let i = 0; i < 5; i++) {
      await stopWorkers();
      await page.waitForTimeout(80);
    }
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 8_000 });
    expect(await card.locator('.name').textContent()).toBe('拉夫罗夫');
    expect(await sameWorker()).toBe(false);
    await page.close();
  });
});
