// The toolbar popup: the terms Factlens found on the current tab (grouped by kind, with counts), a
// search box with results as you type, the per-site switch, a link to the extension page, and an
// empty state that says what Factlens does and why nothing is marked. Pure UI: the entrypoint
// supplies the tab summary and the actions.
import { useState } from 'preact/hooks';
import type { EntityKind } from '../entities/types.ts';
import { ENTITY_KIND_LABEL, ENTITY_KINDS } from './labels.ts';
import { useT } from './locale.tsx';
import { SearchResults } from './SearchResults.tsx';
import { type SearchFn, useSearch } from './use-search.ts';

/** One entity found on the tab (structurally the messaging contract's TabTerm). */
export interface PopupTerm {
  entityId: string;
  name: string;
  kind: EntityKind;
  count: number;
  /** The forms the page writes it in (the first is shown when `pageForms` is on). */
  texts?: readonly string[];
}

export interface PopupSummary {
  /** False when Factlens is switched off for this site. */
  enabled: boolean;
  terms: readonly PopupTerm[];
}

export interface PopupProps {
  /** The tab's summary; null while loading; 'unavailable' when the page cannot be read. */
  summary: PopupSummary | null | 'unavailable';
  /** The tab's host name, shown on the switch; no switch without it. */
  site?: string;
  search: SearchFn;
  onToggleSite(enabled: boolean): void;
  onTermClick(term: PopupTerm): void;
  /** Opens the extension page, on a query when there is one. */
  onOpenPage(query: string): void;
  /** Opens an article in the reader; without it, result titles open the source. */
  onOpenArticle?: (articleId: string) => void;
  delayMs?: number;
  /** Show each term as the page writes it (the "as the source writes them" option); default on. */
  pageForms?: boolean;
}

export function Popup({
  summary,
  site,
  search,
  onToggleSite,
  onTermClick,
  onOpenPage,
  onOpenArticle,
  delayMs,
  pageForms = true,
}: PopupProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const { response, loading } = useSearch(search, query, { limit: 5, passagesPerArticle: 1 }, delayMs);
  const enabled = summary !== null && summary !== 'unavailable' ? summary.enabled : true;
  const terms = summary !== null && summary !== 'unavailable' ? summary.terms : [];

  let body: preact.ComponentChildren;
  if (query.trim()) {
    const results = response?.results ?? [];
    body = (
      <section class="fl-popup-results" aria-busy={loading}>
        {response && results.length === 0 ? <p class="fl-empty">{t('noResults', { query })}</p> : null}
        <SearchResults results={results} compact onOpenArticle={onOpenArticle} />
      </section>
    );
  } else if (summary === null) {
    body = <p class="fl-status">{t('popupLoading')}</p>;
  } else if (summary === 'unavailable' || !enabled || terms.length === 0) {
    const why = summary === 'unavailable' ? 'emptyUnavailable' : !enabled ? 'emptyDisabled' : 'emptyNoTerms';
    body = (
      <section class="fl-popup-empty">
        <h2>{t('emptyTitle')}</h2>
        <p>{t(why)}</p>
        <p class="fl-muted">{t('emptyWhat')}</p>
      </section>
    );
  } else {
    body = (
      <section class="fl-popup-terms">
        <h2>{t('popupTermsHeading')}</h2>
        {ENTITY_KINDS.map((kind) => {
          const group = terms.filter((x) => x.kind === kind).sort((a, b) => b.count - a.count);
          if (group.length === 0) return null;
          return (
            <div key={kind} class="fl-term-group">
              <h3>
                {t(ENTITY_KIND_LABEL[kind])} <span class="fl-count">{group.length}</span>
              </h3>
              <ul>
                {group.map((term) => (
                  <li key={term.entityId}>
                    <button type="button" class="fl-term" onClick={() => onTermClick(term)}>
                      <span class="fl-term-name" title={term.name}>
                        {(pageForms && term.texts?.[0]) || term.name}
                      </span>{' '}
                      <span class="fl-count">{t('popupTermCount', { count: term.count })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    );
  }

  return (
    <main class="fl-popup">
      <header class="fl-popup-header">
        <strong>{t('appName')}</strong>
        {site && summary !== 'unavailable' ? (
          <label class="fl-switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={enabled}
              checked={enabled}
              onChange={(e) => onToggleSite(e.currentTarget.checked)}
            />
            {t('popupSiteSwitch', { site })}
          </label>
        ) : null}
      </header>
      <form
        class="fl-search-form"
        onSubmit={(e) => {
          e.preventDefault();
          onOpenPage(query);
        }}
      >
        <input
          type="search"
          class="fl-search-box"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          // biome-ignore lint/a11y/noAutofocus: typing a query is the popup's first action
          autoFocus
        />
      </form>
      {body}
      <footer class="fl-popup-footer">
        <button type="button" class="fl-link" onClick={() => onOpenPage(query)}>
          {query.trim() ? t('popupMoreResults') : t('popupOpenPage')}
        </button>
      </footer>
    </main>
  );
}
