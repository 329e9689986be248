// The hover card: the entity as the page writes it, its other forms, kind and article count, and the
// best three passages with the mention highlighted, each with source, date and a link to the article.
// Rendered by Preact inside our own shadow root; every string is rendered as text (escaped).
import type { EntityCard } from '../messaging.ts';
import { cardStrings, formatDate, otherForms, pickPassages, safeHttpUrl, snippet } from './card-model.ts';

export interface CardProps {
  /** The mention as the page writes it. */
  surface: string;
  card: EntityCard;
  locale: string;
  onClose: () => void;
  onMore?: () => void;
}

export function Card({ surface, card, locale, onClose, onMore }: CardProps) {
  const t = cardStrings(locale);
  const { entity } = card;
  const forms = otherForms(entity, surface);
  const passages = pickPassages(card.passages, 3);
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
      <ol class="passages" aria-label={t.passages}>
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

/** The card's type face: system UI fonts, then CJK ones (also used to warm fonts up, card-host.ts). */
export const CARD_FONTS =
  'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif';

export const CARD_CSS = `
:host { all: initial; }
.card {
  all: initial;
  box-sizing: border-box;
  display: block;
  position: fixed;
  width: min(380px, calc(100vw - 16px));
  max-height: calc(100vh - 16px);
  overflow: auto;
  padding: 12px 14px;
  border-radius: 10px;
  border: 1px solid rgb(0 0 0 / 0.12);
  background: #fff;
  color: #1f2328;
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.18);
  font: 14px/1.5 ${CARD_FONTS};
  text-align: start;
  z-index: 2147483647;
}
.card * { box-sizing: border-box; }
.head { display: flex; align-items: flex-start; gap: 8px; }
.names { flex: 1; min-width: 0; }
.name { display: inline; margin: 0; font-size: 17px; font-weight: 650; }
.forms { color: #57606a; font-size: 13px; }
.close {
  all: unset; cursor: pointer; width: 24px; height: 24px; line-height: 22px; text-align: center;
  border-radius: 6px; font-size: 18px; color: #57606a;
}
.close:hover, .close:focus-visible { background: rgb(0 0 0 / 0.07); }
.meta { margin: 2px 0 8px; color: #57606a; font-size: 12px; }
.kind { text-transform: none; font-weight: 600; }
.passages { list-style: none; margin: 0; padding: 0; }
.passage { margin: 0; padding: 8px 0; border-top: 1px solid rgb(0 0 0 / 0.08); }
.text { margin: 0 0 4px; }
mark { background: rgb(250 204 21 / 0.35); color: inherit; border-radius: 2px; padding: 0 1px; }
.source { margin: 0; font-size: 12px; color: #57606a; display: flex; flex-direction: column; }
a { color: #0969da; text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.foot { padding-top: 6px; text-align: end; }
.more { all: unset; cursor: pointer; color: #0969da; font-size: 13px; padding: 2px 4px; border-radius: 4px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1c2128; color: #e6edf3; border-color: rgb(255 255 255 / 0.14); box-shadow: 0 8px 28px rgb(0 0 0 / 0.5); }
  .forms, .meta, .source, .close { color: #9da7b3; }
  .passage { border-top-color: rgb(255 255 255 / 0.1); }
  mark { background: rgb(250 204 21 / 0.3); }
  a, .more { color: #58a6ff; }
  .close:hover, .close:focus-visible { background: rgb(255 255 255 / 0.1); }
}
@media (prefers-reduced-motion: no-preference) {
  .card { animation: factlens-in 120ms ease-out; }
  @keyframes factlens-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
`;
