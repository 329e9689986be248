// The Firefox side of the end-to-end suite: the built MV2 extension (.output/firefox-mv2) in Debian's
// Firefox ESR, driven by puppeteer-core over WebDriver BiDi (Playwright drives only its own patched
// Firefox builds, which cannot be downloaded here). The extension is installed as a temporary add-on.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PAGES, ROOT } from './harness.ts';

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
    await browser.installExtension(FIREFOX_EXTENSION);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/** The texts of the `factlens` highlight's ranges, read from the page. */
export function highlightTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
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
  });
}

/** Polls the highlight until `pred` holds on its texts (or the timeout passes); returns them. */
export async function marksUntil(
  page: Page,
  pred: (texts: string[]) => boolean,
  timeout = 10_000,
): Promise<string[]> {
  const end = Date.now() + timeout;
  for (;;) {
    const texts = await highlightTexts(page).catch(() => [] as string[]);
    if (pred(texts) || Date.now() > end) return texts;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
