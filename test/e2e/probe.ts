// Reading a page from a fresh isolated world (CDP Page.createIsolatedWorld): pristine built-ins even
// on pages that booby-trap Array.prototype.map, JSON, Promise.prototype.then and friends, and the
// same document (CSS.highlights is per document, so the `factlens` highlight is visible here too).
// For the hostile, corpus-safety and dying-worker e2e files; the general helpers are in harness.ts.
import type { Page, Request } from 'playwright-core';

/** Evaluates `fn` (source of a function without arguments) in a new isolated world of the top frame. */
export async function probe<T>(page: Page, fn: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'factlens-probe',
    });
    const r = await cdp.send('Runtime.evaluate', {
      expression: `(${fn})()`,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails)
      throw new Error(`probe: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The texts of the `factlens` highlight's ranges that the page shows: the marks are StaticRanges, and
 * one whose text left the document (not painted) stays in the highlight until the content script's
 * next re-scan of the changed block.
 */
export const MARK_TEXTS = `() => {
  const live = (x) => { const l = document.createRange(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; };
  const h = CSS.highlights.get('factlens');
  const out = [];
  if (h) for (const r of h) if (r.startContainer.isConnected) out.push(live(r).toString());
  return out;
}`;

/** Polls until `pred(marks)` holds or `timeout` passes; returns the last marks read. */
export async function marksWhen(
  page: Page,
  pred: (marks: string[]) => boolean,
  timeout = 10_000,
): Promise<string[]> {
  const end = Date.now() + timeout;
  let marks: string[] = [];
  for (;;) {
    marks = await probe<string[]>(page, MARK_TEXTS).catch(() => []);
    if (pred(marks) || Date.now() > end) return marks;
    await page.waitForTimeout(100);
  }
}

export const count = (marks: readonly string[], text: string) => marks.filter((m) => m === text).length;

/** The viewport centre of the first mark reading `text` (null when there is none). */
export function markCentre(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return probe(
    page,
    `() => {
      const live = (x) => { const l = document.createRange(); l.setStart(x.startContainer, x.startOffset); l.setEnd(x.endContainer, x.endOffset); return l; };
      const h = CSS.highlights.get('factlens');
      if (h) for (const s of h) { const r = live(s); if (r.toString() === ${JSON.stringify(text)}) {
        const b = r.getClientRects()[0] || r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      } }
      return null;
    }`,
  );
}

/** Moves the pointer onto the mark reading `text` the way a reader would (from below, a few steps). */
export async function hoverMark(page: Page, text: string): Promise<boolean> {
  const at = await markCentre(page, text);
  if (!at) return false;
  await page.mouse.move(at.x - 30, at.y + 40);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  return true;
}

/** URLs that left the machine's fixture servers and the extension: what privacy forbids. */
export function outsideRequests(requests: readonly string[], origins: readonly string[]): string[] {
  return requests.filter(
    (url) =>
      !origins.some((o) => url.startsWith(`${o}/`) || url === o) &&
      !url.startsWith('chrome-extension://') &&
      !url.startsWith('data:') &&
      !url.startsWith('blob:') &&
      url !== 'about:blank' &&
      url !== 'about:srcdoc',
  );
}

/** Records the URL of every request a page makes (for pages opened outside the harness' context hook). */
export function recordRequests(page: Page, into: string[]): void {
  page.on('request', (r: Request) => {
    into.push(r.url());
  });
}
