// Search results grouped by article: the title (highlighted), source and date, then the best-matching
// passages with their kind and highlighted terms.
import type { SearchResult } from '../search/types.ts';
import { Highlighted } from './Highlighted.tsx';
import { KIND_LABEL } from './labels.ts';
import { articleHref } from './links.ts';
import { useT } from './locale.tsx';

export interface SearchResultsProps {
  results: readonly SearchResult[];
  /** Fewer details (the popup): no passage kinds, one passage per article. */
  compact?: boolean;
  /** Link each result to the reader (the extension page). */
  readerLinks?: boolean;
  /** Where a title click goes instead of the source (the popup opens the reader in a tab). */
  onOpenArticle?: (articleId: string) => void;
}

export function SearchResults({
  results,
  compact = false,
  readerLinks = false,
  onOpenArticle,
}: SearchResultsProps) {
  const t = useT();
  return (
    <ol class="fl-results" aria-label={t('resultCount', { count: results.length })}>
      {results.map((r) => (
        <li key={r.articleId} class="fl-result" data-article={r.articleId}>
          <h3 class="fl-result-title">
            <a
              href={r.url}
              target="_blank"
              rel="noreferrer noopener"
              title={onOpenArticle ? t('readArticle') : t('openArticle')}
              onClick={(e) => {
                if (!onOpenArticle) return;
                e.preventDefault();
                onOpenArticle(r.articleId);
              }}
            >
              <Highlighted text={r.title} ranges={r.titleHighlights} />
            </a>
          </h3>
          <p class="fl-result-meta">
            <span>{r.source}</span> · <time dateTime={r.publishedAt}>{r.publishedAt.slice(0, 10)}</time>
            {!compact && r.matchCount > 0 ? <> · {t('matchCount', { count: r.matchCount })}</> : null}
            {readerLinks ? (
              <a class="fl-reader-link" href={articleHref(r.articleId)}>
                {t('readArticle')}
              </a>
            ) : null}
          </p>
          <ul class="fl-passages">
            {(compact ? r.passages.slice(0, 1) : r.passages).map((p) => (
              <li key={p.index} class={`fl-passage fl-kind-${p.kind}`}>
                {compact ? null : <span class="fl-kind">{t(KIND_LABEL[p.kind])}</span>}
                <span class="fl-text">
                  <Highlighted text={p.text} ranges={p.highlights} />
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
