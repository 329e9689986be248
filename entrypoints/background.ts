// Background (MV3 service worker / Firefox event page): owns the corpus and answers the content script.
// Listeners are registered synchronously at start-up; the corpus loads on the first request needing it.
import { installContextMenu } from '../src/background/context-menu.ts';
import { createCorpusCache } from '../src/background/corpus.ts';
import { type DataSource, dataFiles } from '../src/background/data-cache.ts';
import { entityPageUrl, handleLookup, handleMatchRuns, handlePing } from '../src/background/handlers.ts';
import { loadCorpus, SEARCH_PATH } from '../src/background/load.ts';
import { installImports } from '../src/import/background.ts';
import { onMessage, sendMessage } from '../src/messaging.ts';
import { installSearch } from '../src/search/background.ts';

export default defineBackground(() => {
  const getURL = browser.runtime.getURL as (path: string) => string;
  // Where each data file was read from, for ping.
  const dataFrom = new Map<string, DataSource>();
  const files = dataFiles({
    fetchPackaged: async (path) => {
      const res = await fetch(getURL(path));
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return res.blob();
    },
    // The build's data id (wxt.config.ts); a copy of the files in Cache Storage opens faster.
    id: __FACTLENS_DATA_ID__,
    caches: typeof caches === 'undefined' ? undefined : caches,
    warn: (message, error) => console.warn(message, error ?? ''),
  });
  const fetchBlob = async (path: string): Promise<Blob> => {
    const { blob, source } = await files.read(path);
    dataFrom.set(path, source);
    return blob;
  };
  const bundled = createCorpusCache(() =>
    loadCorpus({
      // Both through a Blob: Chromium then reads the packaged file in one go instead of the body's
      // stream in chunks on the worker's thread. Measured on the 2,046-article build (machine loaded):
      // detector.bin at cold start, A/B interleaved: data ready ~20 ms sooner (answer medians 85–104
      // vs 110–129 ms); corpus.json: with Blob.text() the longest block of the worker's thread while
      // reading and parsing it was 150–170 ms instead of 210–300 (arrayBuffer + TextDecoder).
      fetchBytes: async (path) => (await fetchBlob(path)).arrayBuffer(),
      fetchText: async (path) => (await fetchBlob(path)).text(),
      // Read the articles soon after start-up, once pages have stopped asking for marks for 1.5 s.
      prefetchAfterMs: 1500,
    }),
  );
  // Imported articles (IndexedDB) joined to the bundle's corpus; see src/import.
  const corpus = installImports(bundled, getURL);
  // search, entityPage and article for the extension pages, from the bundle the corpus already read.
  const search = installSearch(getURL, {
    get: () => corpus.get(),
    articles: () => corpus.articles(),
    entitySource: (base) => corpus.entitySource(base),
    bundle: async () => (await bundled.get()).full(),
    searchIndexText: async () => (await fetchBlob(SEARCH_PATH)).text(),
  });
  const menu = installContextMenu(getURL);
  // For the end-to-end tests: native context menus cannot be clicked headless.
  (globalThis as { __factlensMenu?: typeof menu }).__factlensMenu = menu;

  /** Reads the articles now: a card's lookup follows, which needs them. */
  const warmArticles = () =>
    void bundled
      .get()
      .then((loaded) => loaded.full())
      .catch(() => undefined);
  onMessage('ping', ({ data }) => {
    // A page is loading: load the corpus meanwhile, so its first matchRuns finds it ready.
    if (data?.warm) void corpus.get().catch(() => undefined);
    // The popup or the search page opened: a query follows.
    if (data?.search) search.warm();
    // A pointer dwells on a mark.
    if (data?.articles) warmArticles();
    return handlePing(corpus.peek(), performance.now(), dataFrom);
  });
  onMessage('matchRuns', async ({ data }) => handleMatchRuns(await corpus.get(), data));
  onMessage('lookupEntity', async ({ data }) => {
    const loaded = await corpus.get();
    await loaded.full();
    return handleLookup(loaded, data);
  });
  onMessage('openEntity', async ({ data }) => {
    await browser.tabs.create({ url: entityPageUrl(getURL, data.entityId) });
  });

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'show-card') return;
    // The command may have woken this worker: the card's lookup will need the articles.
    warmArticles();
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendMessage('showCardAtCaret', undefined, { tabId: tab.id, frameId: 0 }).catch(() => false);
  });
});
