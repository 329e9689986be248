// The extension page (search.html): search, entity pages and the reader, answered by the background.
import { render } from 'preact';
import { sendMessage, withRetry } from '../../src/messaging.ts';
import { getLocale } from '../../src/settings.ts';
import { ExtensionPage } from '../../src/ui/ExtensionPage.tsx';
import { LocaleProvider } from '../../src/ui/locale.tsx';
import type { SearchFn } from '../../src/ui/use-search.ts';
import '../../src/ui/styles.css';

const search: SearchFn = (query, filters) => withRetry(() => sendMessage('search', { query, filters }));
// The worker loads its search index while the page opens (a woken one takes ~1 s for it).
void sendMessage('ping', { search: true }).catch(() => undefined);
const locale = await getLocale();
document.documentElement.lang = locale;

render(
  <LocaleProvider locale={locale}>
    <ExtensionPage
      search={search}
      entityPage={(entityId) => withRetry(() => sendMessage('entityPage', { entityId }))}
      article={(articleId) => withRetry(() => sendMessage('article', { articleId }))}
      detect={async (runs) => (await withRetry(() => sendMessage('matchRuns', { runs }))).mentions}
    />
  </LocaleProvider>,
  document.getElementById('app') as HTMLElement,
);
