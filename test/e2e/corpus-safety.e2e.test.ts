// A corpus that cannot hurt: articles whose bodies carry <script>, on*= handlers, javascript: links,
// <iframe srcdoc>, <svg onload> and CSS tricks — both as real markup and as escaped text that decodes
// to markup — are imported through the options page (the user's own articles take the same path as
// the bundle's into cards, search and reader) and shown in the hover card, the search results and the
// reader. Nothing executes (every payload would set window.__factlensPwned), nothing loads (every
// payload points at /pwned-* on the fixture server), and no link is active unless it is http(s).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, e2eUnavailable, type FixtureServer, launch, PAGES, serveFixtures } from './harness.ts';
import { hoverMark, marksWhen, outsideRequests } from './probe.ts';

const skip = e2eUnavailable();

/** Markup that would set the flag (or fetch /pwned-*) if it were ever interpreted. */
const PAYLOADS = [
  `<img src="/pwned-img" onerror="window.__factlensPwned='img'">`,
  `<script>window.__factlensPwned='script'</script>`,
  `<svg onload="window.__factlensPwned='svg'"><rect/></svg>`,
  `<a href="javascript:window.__factlensPwned='link'">点此</a>`,
  `<iframe srcdoc="<script>parent.__factlensPwned='iframe'</script>"></iframe>`,
  `<div style="position:fixed;inset:0;z-index:99999;background:url(/pwned-css)">覆盖</div>`,
  `<style>@import url(/pwned-style); *{display:none!important}</style>`,
  `<object data="javascript:window.__factlensPwned='object'"></object>`,
  // mXSS shape, closed so that the passages after it survive parsing:
  `<math><mtext><table><mglyph><style><img src=/pwned-mxss onerror="window.__factlensPwned='mxss'"></style></mglyph></table></mtext></math>`,
];

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The imported hostile article (its DW id, from the a-NNNN of its URL). */
const HOSTILE_ID = '99999001';

/** The unique word every hostile passage carries, to find them in search. */
const TOKEN = 'FLPAYLOAD';

function hostileArticle(url: string, when: number): string {
  const facts = (i: number) =>
    `${TOKEN} ${i} 中国外长王毅2026年11月${10 + i}日表示：「合作共赢」，双方贸易额达2400亿美元。`;
  const body = [
    `<div><i>null<br>${new Date(when).toISOString()}</i></div>`,
    ...PAYLOADS.map((p, i) => `<p>${facts(i)}${p}</p>`),
    ...PAYLOADS.map((p, i) => `<p>${facts(i + PAYLOADS.length)}${escapeHtml(p)}</p>`),
    `<p><a href="javascript:window.__factlensPwned='ref'" rel="ArticleRef">王毅的链接</a>：${TOKEN} 文章引用。</p>`,
    `<p><a href="https://api.dw.com/api/detail/article/68774250" rel="ArticleRef">正常的引用</a>。</p>`,
  ].join('');
  const title = `王毅 ${TOKEN} ${escapeHtml(PAYLOADS[0] as string)}`;
  return `<!--${when}-->\n[${title}](${url})\n------\n\n${body}\n`;
}

const PAGE = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>safety</title></head>
<body><p id="lead">新闻：中国外长王毅今天发表讲话。</p></body></html>`;

/** Everything a payload could have left behind, read from a page (main world). */
async function damage(
  page: Page,
): Promise<{ flag: unknown; scripts: number; handlers: string[]; badLinks: string[] }> {
  return page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    let scripts = 0;
    const handlers: string[] = [];
    const badLinks: string[] = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll('*')) {
        if (
          ['script', 'iframe', 'object', 'embed'].includes(el.localName) &&
          el.closest('body, factlens-card')
        )
          scripts++;
        for (const a of el.getAttributeNames())
          if (a.startsWith('on')) handlers.push(`${el.localName}[${a}]`);
        const href = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data');
        if (href && /^\s*(javascript|data|vbscript):/i.test(href)) badLinks.push(`${el.localName}: ${href}`);
        if (el.localName === 'a' && href && !/^(https?:|\.\/|\?|#|chrome-extension:)/.test(href)) {
          badLinks.push(`a: ${href}`);
        }
      }
    }
    return {
      flag: (window as unknown as { __factlensPwned?: unknown }).__factlensPwned,
      scripts,
      handlers,
      badLinks,
    };
  });
}

describe.skipIf(skip !== null)('a corpus that cannot hurt (Chromium)', () => {
  let browser: Browser;
  let server: FixtureServer;
  let scratch: string;
  let imported = 0;

  beforeAll(async () => {
    server = await serveFixtures(PAGES as string, { 'safety.html': PAGE });
    browser = await launch();
    scratch = mkdtempSync(join(tmpdir(), 'factlens-safety-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('imports the hostile articles (a javascript: article URL is refused or kept inert)', async () => {
    const files = [join(scratch, 'hostile-http.md'), join(scratch, 'hostile-javascript-url.md')];
    const now = Date.parse('2026-11-20T08:00:00Z');
    writeFileSync(files[0] as string, hostileArticle(`https://www.dw.com/zh/hostile/a-${HOSTILE_ID}`, now));
    writeFileSync(files[1] as string, hostileArticle("javascript:window.__factlensPwned='url'", now + 1));
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[data-testid=import-files]').setInputFiles(files);
    const summary = options.locator('.fl-import-summary');
    await summary.waitFor({ state: 'visible', timeout: 20_000 });
    imported = Number(await summary.getAttribute('data-imported'));
    const errors = await options.locator('.fl-import-errors li').allTextContents();
    console.log(`[e2e] hostile import: ${imported} imported; errors: ${JSON.stringify(errors)}`);
    expect(imported).toBeGreaterThanOrEqual(1);
    expect(await damage(options)).toEqual({ flag: undefined, scripts: 0, handlers: [], badLinks: [] });
    await options.close();
  });

  it('shows the hostile passages in the hover card as text, with nothing executed or loaded', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('safety.html'));
    await marksWhen(page, (m) => m.includes('王毅'));
    expect(await hoverMark(page, '王毅')).toBe(true);
    const card = page.locator('factlens-card .card');
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    const text = (await card.textContent()) ?? '';
    // The newest, fact-rich passages are the hostile ones: shown, as text.
    expect(text).toContain(TOKEN);
    await page.waitForTimeout(500);
    expect(await damage(page)).toEqual({ flag: undefined, scripts: 0, handlers: [], badLinks: [] });
    const links = await card.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) expect(href).toMatch(/^(https?:\/\/|chrome-extension:|\.\/|\?|#)/);
    await page.close();
  });

  /**
   * Whether the background answers a message type at all (an unanswered one closes the port). The
   * search page and the reader need `search` and `article`; until the background wires them, their
   * tests skip with this reason instead of failing on something that is not there.
   */
  const unanswered = async (type: string, data: unknown): Promise<string | null> => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const err = await page.evaluate(
      async ({ type, data }) => {
        const c = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome;
        try {
          const res = (await c.runtime.sendMessage({ id: 9, type, data, timestamp: Date.now() })) as
            | { res?: unknown; err?: unknown }
            | undefined;
          return res === undefined ? 'no response' : null;
        } catch (e) {
          return String(e);
        }
      },
      { type, data },
    );
    await page.close();
    return err && /no response|port closed|Receiving end does not exist/i.test(err)
      ? `the background does not answer "${type}" (${err})`
      : null;
  };

  it('shows them in search results as text, with nothing executed or loaded', async (ctx) => {
    const missing = await unanswered('search', { query: TOKEN });
    if (missing) {
      console.warn(`[e2e] search-page safety skipped: ${missing}`);
      ctx.skip();
    }
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/search.html#q=${TOKEN}`);
    const results = page.locator('.fl-result');
    await results.first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.fl-results').textContent()).toContain('<img src="/pwned-img"');
    await page.waitForTimeout(500);
    expect(await damage(page)).toEqual({ flag: undefined, scripts: 0, handlers: [], badLinks: [] });
    await page.close();
  });

  it('shows the hostile article in the reader as text, with nothing executed or loaded', async (ctx) => {
    const missing = await unanswered('article', { articleId: HOSTILE_ID });
    if (missing) {
      console.warn(`[e2e] reader safety skipped: ${missing}`);
      ctx.skip();
    }
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/search.html?article=${HOSTILE_ID}`);
    await page.getByText(TOKEN, { exact: false }).first().waitFor({ timeout: 10_000 });
    expect(await page.locator('body').textContent()).toContain('<script>window.__factlensPwned');
    await page.waitForTimeout(500);
    expect(await damage(page)).toEqual({ flag: undefined, scripts: 0, handlers: [], badLinks: [] });
    await page.close();
  });

  it('fetched no payload URL and nothing beyond the fixture server', () => {
    expect(browser.requests.filter((u) => u.includes('/pwned'))).toEqual([]);
    expect(outsideRequests(browser.requests, [server.origin])).toEqual([]);
  });
});
