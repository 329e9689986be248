// The hover card: the entity as the page writes it, its other forms, kind and article count, and the
// best three passages with the mention highlighted, each with source, date and a link to the article.
// Rendered by Preact inside our own shadow root; every string is rendered as text (escaped).
import type { EntityCard } from '../messaging.ts';
import cardCss from './card.css?inline';
import { cardStrings, formatDate, otherForms, safeHttpUrl, snippet } from './card-model.ts';

export interface CardProps {
  /** The mention as the page writes it. */
  surface: string;
  card: EntityCard;
  locale: string;
  onClose: () => void;
  onMore?: () => void;
  /**
   * The card shows what the mark knows without passages, and says why: they are still on their way
   * ('loading'), or the background could not give them ('failed').
   */
  status?: CardStatus;
}

export type CardStatus = 'loading' | 'failed';

export function Card({ surface, card, locale, onClose, onMore, status }: CardProps) {
  const t = cardStrings(locale);
  const { entity } = card;
  const forms = otherForms(entity, surface);
  // The worker picked them (handleLookup: pickPassages), so the content script carries no ranking.
  const passages = card.passages.slice(0, 3);
  return (
    <section class="card" role="dialog" aria-label={t.card(surface)}>
      <header class="head">
        <div class="names">
          <h2 class="name">{surface}</h2>
          {forms.length > 0 && <span class="forms">{forms.map((f) => ` · ${f}`).join('')}</span>}
        </div>
        <button type="button" class="close" aria-label={t.close} title={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="meta">
        <span class="kind">{t.kinds[entity.kind] ?? entity.kind}</span>
        <span aria-hidden="true"> · </span>
        <span class="count">{t.articles(card.articleCount)}</span>
      </p>
      {status && (
        <p class="meta" role="status">
          {t[status]}
        </p>
      )}
      <ol class="passages" aria-label={t.passages} aria-busy={status === 'loading' ? 'true' : undefined}>
        {passages.map((p) => {
          const href = safeHttpUrl(p.url);
          const date = formatDate(p.publishedAt, locale);
          return (
            <li class="passage" key={`${p.articleId}:${p.text.slice(0, 20)}`}>
              <p class="text">
                {snippet(p.text, p.highlights).map((part, i) =>
                  part.mark ? <mark key={i}>{part.text}</mark> : part.text,
                )}
              </p>
              <p class="source">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" title={`${t.source}: ${p.title}`}>
                    {p.title}
                  </a>
                ) : (
                  <span>{p.title}</span>
                )}
                <span class="byline">
                  {p.source}
                  {date && (
                    <>
                      {' · '}
                      <time dateTime={p.publishedAt}>{date}</time>
                    </>
                  )}
                </span>
              </p>
            </li>
          );
        })}
      </ol>
      {onMore && (
        <footer class="foot">
          <button type="button" class="more" onClick={onMore}>
            {t.more} →
          </button>
        </footer>
      )}
    </section>
  );
}

/** The card's styles (card.css, minified by the build). */
export const CARD_CSS: string = cardCss;
