// The Firefox side of the end-to-end suite: the built MV2 extension (.output/firefox-mv2) in Debian's
// Firefox ESR, driven by puppeteer-core over WebDriver BiDi (Playwright drives only its own patched
// Firefox builds, which cannot be downloaded here). The extension is installed as a temporary add-on
// with a fixed moz-extension:// origin; its own pages are reached through the UI that opens them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PAGES, ROOT, type SummaryTerm } from './harness.ts';

export const FIREFOX = process.env.FACTLENS_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION = join(ROOT, '.output/firefox-mv2');

/** Why the Firefox tests cannot run here, or null. With CI=true a missing browser or build throws. */
export function firefoxUnavailable(): string | null {
  let reason: string | null = null;
  if (!existsSync(FIREFOX)) reason = `Firefox not found at ${FIREFOX} (apt-get install -y firefox-esr)`;
  else if (!existsSync(join(FIREFOX_EXTENSION, 'manifest.json')))
    reason = `no Firefox build in ${FIREFOX_EXTENSION} (run npm run build first)`;
  else if (!PAGES) reason = 'no fixture pages (test/fixtures/pages)';
  if (reason && process.env.CI === 'true') throw new Error(`e2e (Firefox): ${reason}`);
  if (reason) console.warn(`[e2e] Firefox skipped: ${reason}`);
  return reason;
}

/** The add-on's id (browser_specific_settings.gecko.id in wxt.config.ts) and the UUID it gets here. */
const ADDON_ID = 'factlens@factlens.example';
const ADDON_UUID = '5f1c2a9e-7a51-4c1e-9d3b-2b7f5e0c1a11';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** Preferences for a closed network: no updates, telemetry, safe-browsing lists or portal checks. */
const QUIET_PREFS = {
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.telemetry.enabled': false,
  // A fixed moz-extension:// origin, so the tests can open the add-on's own pages.
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
};

/** Firefox with the extension installed. */
export async function launchFirefox(): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: QUIET_PREFS,
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION);
    if (id !== ADDON_ID) throw new Error(`installed as ${id}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/**
 * The add-on's page that `open` opens (a tab of its own: the hover card's "more" does it), once it
 * is there. WebDriver BiDi may not navigate to a moz-extension:// page, but it can script one the
 * add-on opened: that page then stands in for the popup (storage, messages to tabs).
 */
export async function extensionPageOpenedBy(browser: Browser, open: () => Promise<void>): Promise<Page> {
  const before = new Set(await browser.pages());
  await open();
  const end = Date.now() + 5_000;
  while (Date.now() < end) {
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(EXTENSION_ORIGIN)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no add-on page opened');
}

type Ext = {
  storage: { local: { set(values: unknown): Promise<void> } };
  tabs: {
    query(q: unknown): Promise<Array<{ id?: number }>>;
    sendMessage(id: number, message: unknown, options: unknown): Promise<{ res?: unknown } | undefined>;
  };
};

/** Writes to the add-on's storage.local, as the popup's switch does. */
export function setStorage(ext: Page, values: Record<string, unknown>): Promise<void> {
  return ext.evaluate(
    (v) => (globalThis as unknown as { browser: Ext }).browser.storage.local.set(v),
    values,
  );
}

/** What the popup lists for the tab showing `url`: the content script's summary (summarizeTab). */
export function tabSummary(ext: Page, url: string): Promise<SummaryTerm[]> {
  return ext.evaluate(async (u) => {
    const { tabs } = (globalThis as unknown as { browser: Ext }).browser;
    for (const tab of await tabs.query({})) {
      if (tab.id === undefined) continue;
      const ask = { id: 1, type: 'summarizeTab', timestamp: Date.now() };
      const answer = await tabs.sendMessage(tab.id, ask, { frameId: 0 }).catch(() => undefined);
      const summary = answer?.res as { url?: string; terms: SummaryTerm[] } | undefined;
      if (summary?.url === u) return summary.terms;
    }
    throw new Error(`no tab answered for ${u}`);
  }, url);
}
