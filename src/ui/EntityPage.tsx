// The entity page: the name and its other forms, how many articles and mentions, a monthly timeline,
// the entities mentioned with it most, related articles through ArticleRef links, and every mention
// grouped by article (newest first) with the name highlighted.
import type { EntityPageData } from '../search/entity-page.ts';
import { Highlighted } from './Highlighted.tsx';
import { LoadStatus } from './LoadStatus.tsx';
import { ENTITY_KIND_LABEL, KIND_LABEL } from './labels.ts';
import { articleHref, entityHref, searchHref } from './links.ts';
import { useT } from './locale.tsx';
import { Timeline } from './Timeline.tsx';
import { useLoad } from './use-load.ts';

export interface EntityPageProps {
  entityId: string;
  load: (entityId: string) => Promise<EntityPageData | null>;
}

export function EntityPage({ entityId, load }: EntityPageProps) {
  const t = useT();
  const status = useLoad(() => load(entityId), entityId);
  if (status.state !== 'done') return <LoadStatus status={status} />;
  const page = status.value;
  if (!page) {
    return (
      <main class="fl-search-page">
        <p class="fl-empty">{t('entityNotFound')}</p>
        <a href={searchHref('')}>{t('backToSearch')}</a>
      </main>
    );
  }
  const { entity } = page;
  document.title = `${entity.name} · ${t('appName')}`;
  const forms = [...new Set(entity.aliases.map((a) => a.text))].filter((f) => f !== entity.name).slice(0, 12);
  const more = page.articleCount - page.articles.length;
  return (
    <main class="fl-search-page fl-entity-page">
      <nav>
        <a href={searchHref(entity.name)}>{t('backToSearch')}</a>
      </nav>
      <header class="fl-header">
        <h1>
          {entity.name} {entity.english ? <span class="fl-muted">{entity.english}</span> : null}
        </h1>
        <p class="fl-tagline">
          {t(ENTITY_KIND_LABEL[entity.kind])} · {t('entityArticles', { count: page.articleCount })} ·{' '}
          {t('entityMentions', { count: page.mentionCount })}
        </p>
        {forms.length ? (
          <p class="fl-forms">
            <span class="fl-filter-name">{t('entityAlsoKnownAs')}</span> {forms.join(' · ')}
          </p>
        ) : null}
      </header>
      <section>
        <h2>{t('entityTimeline')}</h2>
        <Timeline months={page.timeline} />
      </section>
      {page.cooccurring.length ? (
        <section>
          <h2>{t('entityCooccurring')}</h2>
          <ul class="fl-chips">
            {page.cooccurring.map((c) => (
              <li key={c.entityId}>
                <a class="fl-term" href={entityHref(c.entityId)}>
                  {c.name} <span class="fl-count">{c.articles}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {page.related.length ? (
        <section>
          <h2>{t('entityRelated')}</h2>
          <ul class="fl-related">
            {page.related.map((r) => (
              <li key={r.articleId}>
                <a href={articleHref(r.articleId)}>{r.title}</a>{' '}
                <span class="fl-muted">
                  {r.publishedAt.slice(0, 10)} ·{' '}
                  {t(r.direction === 'links-to' ? 'relatedLinksTo' : 'relatedLinkedFrom')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h2>{t('entityMentionsHeading')}</h2>
        <ol class="fl-results">
          {page.articles.map((a) => (
            <li key={a.articleId} class="fl-result" data-article={a.articleId}>
              <h3 class="fl-result-title">
                <a href={articleHref(a.articleId)}>{a.title}</a>
              </h3>
              <p class="fl-result-meta">
                {a.source} · <time dateTime={a.publishedAt}>{a.publishedAt.slice(0, 10)}</time> ·{' '}
                {t('entityMentions', { count: a.mentions })} ·{' '}
                <a href={a.url} target="_blank" rel="noreferrer noopener">
                  {t('openArticle')}
                </a>
              </p>
              <ul class="fl-passages">
                {a.passages.map((p) => (
                  <li key={p.index} class="fl-passage">
                    <span class="fl-kind">{t(KIND_LABEL[p.kind])}</span>
                    <Highlighted text={p.text} ranges={p.highlights} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
        {more > 0 ? <p class="fl-muted">{t('entityMoreArticles', { count: more })}</p> : null}
      </section>
    </main>
  );
}
