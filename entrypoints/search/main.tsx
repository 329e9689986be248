// The extension page (search.html): full-text search over every passage, answered by the background.
import { render } from 'preact';
import { sendMessage, withRetry } from '../../src/messaging.ts';
import { getLocale } from '../../src/settings.ts';
import { LocaleProvider } from '../../src/ui/locale.tsx';
import { SearchPage } from '../../src/ui/SearchPage.tsx';
import type { SearchFn } from '../../src/ui/use-search.ts';
import '../../src/ui/styles.css';

const search: SearchFn = (query, filters) => withRetry(() => sendMessage('search', { query, filters }));
const locale = await getLocale();
document.documentElement.lang = locale;

render(
  <LocaleProvider locale={locale}>
    <SearchPage search={search} />
  </LocaleProvider>,
  document.getElementById('app') as HTMLElement,
);
