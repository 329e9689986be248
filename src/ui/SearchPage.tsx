// The extension page's search: a query box (focused by "/"), filters, and results grouped by article.
// The query and filters live in the URL fragment so a search can be bookmarked or opened from the
// context menu; the search itself is a function the entrypoint wires to the background.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchFilters } from '../search/types.ts';
import { FilterBar } from './FilterBar.tsx';
import { formatHash, parseHash } from './hash.ts';
import { ENTITY_KIND_LABEL } from './labels.ts';
import { entityHref } from './links.ts';
import { useT } from './locale.tsx';
import { SearchResults } from './SearchResults.tsx';
import { type SearchFn, useSearch } from './use-search.ts';

/** Articles per page of results. */
const PAGE = 20;
const MAX_RESULTS = 100;

export interface SearchPageProps {
  search: SearchFn;
  /** Where the state is read from and written to (default: window.location). */
  location?: Pick<Location, 'hash'>;
  delayMs?: number;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable === true;
}

export function SearchPage({ search, location = window.location, delayMs }: SearchPageProps) {
  const t = useT();
  const initial = parseHash(location.hash);
  const [query, setQuery] = useState(initial.query);
  const [filters, setFilters] = useState<SearchFilters>(initial.filters);
  const box = useRef<HTMLInputElement>(null);
  const [limit, setLimit] = useState(PAGE);
  const { response, loading, error } = useSearch(search, query, { ...filters, limit }, delayMs);
  // A new query or new filters start again from the first page.
  const key = `${query}\n${JSON.stringify(filters)}`;
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setLimit(PAGE);
  }

  // Keep the URL in step with the state, and the state with the URL (back/forward, bookmarks).
  useEffect(() => {
    document.title = query.trim() ? `${query.trim()} · ${t('appName')}` : t('appName');
  }, [query, t]);
  useEffect(() => {
    const hash = formatHash({ query, filters });
    if (hash !== location.hash && `#${location.hash.replace(/^#/, '')}` !== hash) {
      if (typeof history !== 'undefined' && location === window.location) {
        history.replaceState(null, '', hash || window.location.pathname);
      } else {
        location.hash = hash;
      }
    }
  }, [query, filters, location]);
  useEffect(() => {
    const onHash = (): void => {
      const s = parseHash(location.hash);
      setQuery(s.query);
      setFilters(s.filters);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === '/' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        box.current?.focus();
        box.current?.select();
      }
    };
    window.addEventListener('hashchange', onHash);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('keydown', onKey);
    };
  }, [location]);

  const results = response?.results ?? [];
  return (
    <main class="fl-search-page">
      <header class="fl-header">
        <h1>{t('appName')}</h1>
        <p class="fl-tagline">{t('tagline')}</p>
      </header>
      <form
        class="fl-search-form"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <input
          ref={box}
          type="search"
          class="fl-search-box"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          // biome-ignore lint/a11y/noAutofocus: the page exists to search
          autoFocus
        />
        <span class="fl-hint">{t('searchHint')}</span>
      </form>
      <FilterBar filters={filters} sources={response?.sources ?? []} onChange={setFilters} />
      <section class="fl-results-section" aria-live="polite" aria-busy={loading}>
        {error ? (
          <p class="fl-error" role="alert">
            {t('searchError', { message: error })}
          </p>
        ) : !query.trim() ? (
          <p class="fl-empty">{t('emptyQuery')}</p>
        ) : loading && !response ? (
          <p class="fl-status">{t('searching')}</p>
        ) : response && results.length === 0 ? (
          <p class="fl-empty">{t('noResults', { query })}</p>
        ) : response ? (
          <>
            {response.entities?.length ? (
              <ul class="fl-entity-links">
                {response.entities.map((e) => (
                  <li key={e.id}>
                    <a href={entityHref(e.id)}>{t('entityPageLink', { name: e.name })}</a>{' '}
                    <span class="fl-muted">
                      {t(ENTITY_KIND_LABEL[e.kind])} · {t('entityArticles', { count: e.articleCount })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            <p class="fl-status">{t('resultCount', { count: results.length })}</p>
            <SearchResults results={results} readerLinks />
            {results.length >= limit && limit < MAX_RESULTS ? (
              <button type="button" class="fl-more" onClick={() => setLimit(limit + PAGE)}>
                {t('showMore')}
              </button>
            ) : null}
          </>
        ) : null}
      </section>
    </main>
  );
}
