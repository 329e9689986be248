// The toolbar popup: asks the active tab's content script what it marked, searches through the
// background, flips the per-site switch, and opens the extension page.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { siteKey } from '../../src/content/site-switch.ts';
import { setSiteEnabled } from '../../src/content/site-switch-items.ts';
import { sendMessage, withRetry } from '../../src/messaging.ts';
import { getLocale, nameFormItem } from '../../src/settings.ts';
import { formatHash } from '../../src/ui/hash.ts';
import { articleHref } from '../../src/ui/links.ts';
import { LocaleProvider } from '../../src/ui/locale.tsx';
import { Popup, type PopupSummary } from '../../src/ui/Popup.tsx';
import type { SearchFn } from '../../src/ui/use-search.ts';
import { useStorageItem } from '../../src/ui/use-storage-item.ts';
import '../../src/ui/styles.css';

const search: SearchFn = (query, filters) => withRetry(() => sendMessage('search', { query, filters }));
// The worker loads its search index while the popup opens (a woken one takes ~1 s for it).
void sendMessage('ping', { search: true }).catch(() => undefined);

/**
 * The tab the popup is about: the active tab of the current window, or the tab named by `?tabId=N`
 * (when popup.html is opened as a page, e.g. by the end-to-end tests).
 */
async function activeTab(): Promise<{ id?: number; url?: string } | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(named) && named > 0) return browser.tabs.get(named).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

type Summary = (PopupSummary & { url: string }) | 'unavailable';

async function summaryOf(tabId: number | undefined): Promise<Summary> {
  if (tabId === undefined) return 'unavailable';
  try {
    const s = await sendMessage('summarizeTab', undefined, { tabId, frameId: 0 });
    return { enabled: s.enabled, terms: s.terms, url: s.url };
  } catch {
    return 'unavailable';
  }
}

function App() {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [tab, setTab] = useState<{ id?: number; url?: string }>();
  const [nameForm] = useStorageItem(nameFormItem);
  useEffect(() => {
    void activeTab().then(async (t) => {
      setTab(t);
      setSummary(await summaryOf(t?.id));
    });
  }, []);
  // Without the "tabs" permission the tab's URL is unknown here; the content script reports it.
  const url = tab?.url ?? (summary && summary !== 'unavailable' ? summary.url : undefined);
  const site = url && /^(https?|file):/.test(url) ? siteKey(url) : undefined;
  return (
    <Popup
      summary={summary}
      site={site}
      pageForms={(nameForm ?? 'source') === 'source'}
      search={search}
      onToggleSite={async (on) => {
        if (!site) return;
        await setSiteEnabled(site, on);
        setSummary((s) => (s && s !== 'unavailable' ? { ...s, enabled: on } : s));
        // The content script re-scans (or clears) on the storage change; ask again for its terms.
        setTimeout(() => void summaryOf(tab?.id).then(setSummary), 600);
      }}
      onTermClick={async (term) => {
        // Scroll the page to the term's first mark; without an answer, open its entity page.
        const tabId = tab?.id;
        const shown =
          tabId !== undefined &&
          (await sendMessage('revealEntity', { entityId: term.entityId }, { tabId, frameId: 0 }).catch(
            () => false,
          ));
        if (!shown) await sendMessage('openEntity', { entityId: term.entityId });
        window.close();
      }}
      onOpenArticle={(articleId) => {
        const url = `${browser.runtime.getURL('/search.html')}${articleHref(articleId)}`;
        void browser.tabs.create({ url }).then(() => window.close());
      }}
      onOpenPage={(query) => {
        const url = `${browser.runtime.getURL('/search.html')}${formatHash({ query: query.trim(), filters: {} })}`;
        void browser.tabs.create({ url }).then(() => window.close());
      }}
    />
  );
}

const locale = await getLocale();
document.documentElement.lang = locale;
render(
  <LocaleProvider locale={locale}>
    <App />
  </LocaleProvider>,
  document.getElementById('app') as HTMLElement,
);
