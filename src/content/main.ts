// The content script's life: wait for the switch, scan, watch for changes, hover, answer the popup.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { corpusRevisionItem } from '../import/revision.ts';
import { onMessage, sendMessage, type TabSummary, type TabTerm, withRetry } from '../messaging.ts';
import {
  clampHoverDelay,
  HOVER_DELAY,
  hoverDelayItem,
  type LocaleSetting,
  markStyleItem,
  uiLocaleItem,
} from '../settings.ts';
import { CardHost, HOST_TAG } from './card-host.ts';
import { HoverController } from './hover.ts';
import { Marks } from './marks.ts';
import { adoptHighlightStyle, setMarkStyle } from './page-style.ts';
import { revealEntity } from './reveal.ts';
import { Scanner } from './scanner.ts';
import { isEnabledFor, siteKey, watchSite } from './site-switch.ts';

const isOurs = (element: Element) => element.localName === HOST_TAG;
/** A dwell on a mark asks the worker to read the articles at most this often (see onDwell). */
const WARM_EVERY_MS = 5_000;

export interface FactlensPage {
  marks: Marks;
  scanner: Scanner;
  hover: HoverController;
}

/**
 * What the content script uses of WXT's context: in its build, src/content/context-lite.ts stands in
 * for WXT's class (see there) and implements exactly these.
 */
export type ContentContext = Pick<
  ContentScriptContext,
  'isValid' | 'isInvalid' | 'onInvalidated' | 'addEventListener'
>;

export async function startContent(ctx: ContentContext): Promise<void> {
  const site = siteKey(location.href);
  // The first read, before the options and watchers: marking waits for it (at DOMContentLoaded the
  // storage reads of start-up were still queued on a 100 KB page, 20-50 ms late).
  const enabledRead = isEnabledFor(site);
  const marks = new Marks();
  const shadowStyles = new Map<ShadowRoot, () => void>();
  const host = new CardHost(document);
  const scanner = new Scanner({
    marks,
    match: (request) => withRetry(() => sendMessage('matchRuns', request)),
    skip: isOurs,
    onMarked: () => {
      if (marks.size > 0) marks.register();
      // Document styles do not reach into shadow trees: each one holding marks adopts the style too.
      for (const root of marks.shadowRoots) {
        if (!shadowStyles.has(root)) shadowStyles.set(root, adoptHighlightStyle(root));
      }
    },
    onError: (error) => {
      if (ctx.isValid) console.debug('[factlens] matchRuns failed', error);
    },
  });
  // Options (src/settings.ts): read once, then followed as they change.
  let showDelay: number = HOVER_DELAY.fallback;
  let uiLocale: LocaleSetting = 'auto';
  void hoverDelayItem.getValue().then((ms) => (showDelay = clampHoverDelay(ms)));
  void markStyleItem.getValue().then(setMarkStyle);
  void uiLocaleItem.getValue().then((l) => (uiLocale = l));
  const unwatchOptions = [
    hoverDelayItem.watch((ms) => (showDelay = clampHoverDelay(ms))),
    markStyleItem.watch(setMarkStyle),
    uiLocaleItem.watch((l) => (uiLocale = l)),
  ];
  let lastWarm = Number.NEGATIVE_INFINITY;
  const hover = new HoverController({
    showDelayMs: () => showDelay,
    marks,
    host,
    lookup: (entityId) => withRetry(() => sendMessage('lookupEntity', { entityId })),
    locale: () => (uiLocale !== 'auto' ? uiLocale : navigator.language || 'en'),
    onMore: (entityId) => void sendMessage('openEntity', { entityId }).catch(() => undefined),
    onDwell: () => {
      // MV3 stops an idle worker after 30 s, so the first hover after a pause of reading meets a
      // stopped one, which must read the articles (corpus.json) before it can answer: ask for them
      // at the dwell's start, HOVER.lookupMs before the lookup. At most every WARM_EVERY_MS.
      const now = performance.now();
      if (now - lastWarm < WARM_EVERY_MS) return;
      lastWarm = now;
      void sendMessage('ping', { warm: true, articles: true }).catch(() => undefined);
    },
  });

  let on = false;
  let removeStyle: (() => void) | null = null;

  const start = () => {
    if (on || !document.body) return;
    on = true;
    removeStyle ??= adoptHighlightStyle(document);
    void scanner.scan(document.body);
    scanner.observe(document.body);
  };
  // While the page loads, the top of what is parsed is marked early (Scanner.scanTop): a block is done
  // when the parser has moved past it, i.e. it does not hold the document's last node.
  let early: MutationObserver | null = null;
  const stopEarly = () => {
    early?.disconnect();
    early = null;
  };
  const markTopWhileLoading = () => {
    const root = document.documentElement;
    if (!root) return;
    let busy = false;
    let tries = 0; // each try walks from the top: a page whose top has no text gets a few, not one per insertion
    early = new MutationObserver(() => {
      if (busy || !document.body) return;
      if (++tries > 20) return stopEarly();
      busy = true;
      let last: Node = root; // the parser's position: the document's last node
      while (last.lastChild) last = last.lastChild;
      void scanner
        .scanTop(document.body, (run) => !run.block.contains(last))
        .then(
          (done) => {
            busy = false;
            if (done) stopEarly();
          },
          () => stopEarly(),
        );
    });
    early.observe(root, { childList: true, subtree: true });
  };
  const stop = () => {
    stopEarly();
    on = false;
    scanner.cancel();
    scanner.disconnect();
    hover.reset();
    marks.clear();
    removeStyle?.();
    removeStyle = null;
    for (const remove of shadowStyles.values()) remove();
    shadowStyles.clear();
  };
  const rescan = () => {
    if (!on || !document.body) return;
    scanner.cancel();
    hover.reset();
    marks.clear();
    void scanner.scan(document.body);
    scanner.observe(document.body);
  };
  // A page that replaces <body> itself (document.body = …, document.write) leaves the observer on the
  // old one: watch <html>'s children and start over on the new body.
  let body = document.body;
  const bodyWatch = new MutationObserver(() => {
    if (document.body === body) return;
    body = document.body;
    rescan();
  });
  if (document.documentElement) bodyWatch.observe(document.documentElement, { childList: true });
  ctx.onInvalidated(() => bodyWatch.disconnect());

  ctx.addEventListener(document, 'pointermove', (e) => on && hover.onPointerMove(e), { passive: true });
  if (document.documentElement) {
    ctx.addEventListener(document.documentElement, 'pointerleave', () => hover.onPointerLeaveDocument());
  }
  ctx.addEventListener(window, 'keydown', (e) => hover.onKeyDown(e), { capture: true });
  ctx.addEventListener(window, 'scroll', () => hover.onScroll(), { passive: true });
  ctx.addEventListener(window, 'wxt:locationchange', rescan);

  if (window === window.top) {
    const offSummary = onMessage('summarizeTab', (): TabSummary => summarize(marks, on));
    const offCommand = onMessage('showCardAtCaret', async () => {
      const mark = markAtCaret(marks);
      return mark ? hover.open(mark) : false;
    });
    const offReveal = onMessage('revealEntity', ({ data }) => revealEntity(marks, data.entityId));
    ctx.onInvalidated(() => {
      offSummary();
      offCommand();
      offReveal();
    });
  }

  let siteOn: boolean | null = null; // the switch's last change, once there was one
  const unwatch = watchSite(site, (enabled) => {
    siteOn = enabled;
    if (enabled) start();
    else stop();
  });
  // Imported articles were added or removed: the background's corpus changed, so scan again.
  const unwatchCorpus = corpusRevisionItem.watch(rescan);
  ctx.onInvalidated(() => {
    unwatch();
    unwatchCorpus();
    for (const off of unwatchOptions) off();
    stop();
    host.destroy();
  });

  const enabled = await enabledRead;
  if (enabled) void sendMessage('ping', { warm: true }).catch(() => undefined);
  // Adopted before the page is styled: adopting it at DOMContentLoaded restyles the whole page (a
  // 34-57 ms task on bench/page.ts's 1 MB page).
  if (siteOn ?? enabled) removeStyle ??= adoptHighlightStyle(document); // unless switched off meanwhile
  if (document.readyState === 'loading') {
    if (siteOn ?? enabled) markTopWhileLoading();
    await new Promise<void>((resolve) => {
      ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true });
    });
    stopEarly();
  }
  if (ctx.isInvalid) return;
  // Changes since document_start came through watchSite: no second storage read before marking
  // (it delayed the first marks by 40-100 ms on a busy machine).
  if (siteOn ?? enabled) start();
  // Exposed for the end-to-end tests and the benchmark (isolated world: invisible to the page).
  (globalThis as { __factlens?: FactlensPage }).__factlens = { marks, scanner, hover };
}

function summarize(marks: Marks, enabled: boolean): TabSummary {
  const terms = new Map<string, TabTerm>();
  for (const mark of marks.list()) {
    let term = terms.get(mark.entityId);
    if (!term) {
      term = { entityId: mark.entityId, name: mark.brief.name, kind: mark.brief.kind, count: 0, texts: [] };
      terms.set(mark.entityId, term);
    }
    term.count++;
    if (!term.texts.includes(mark.text)) term.texts.push(mark.text);
  }
  const list = Array.from(terms.values()).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { url: location.href, enabled, terms: list };
}

function markAtCaret(marks: Marks) {
  const selection = document.getSelection();
  if (selection?.focusNode) {
    const mark = marks.atPosition(selection.focusNode, selection.focusOffset);
    if (mark) return mark;
  }
  const active = document.activeElement;
  if (active && active !== document.body) return marks.firstWithin(active);
  return null;
}
