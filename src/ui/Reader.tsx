// The article reader: the article rebuilt from its parsed passages (never the corpus's raw HTML), its
// entities marked and linked to their entity pages, captions shown, and images fetched only when the
// user asks (Factlens makes no network requests of its own).
import { useState } from 'preact/hooks';
import type { Article, ArticleImage, Passage } from '../corpus/types.ts';
import type { Mention } from '../entities/types.ts';
import { LoadStatus } from './LoadStatus.tsx';
import { entityHref, searchHref } from './links.ts';
import { useT } from './locale.tsx';
import { useLoad } from './use-load.ts';

export interface ReaderProps {
  articleId: string;
  load: (articleId: string) => Promise<Article | null>;
  /** Entity mentions per passage (run i = passage i); optional. */
  detect?: (runs: string[]) => Promise<Mention[]>;
}

interface Loaded {
  article: Article | null;
  mentions: Mention[];
}

/** Text with entity mentions as links; overlapping mentions keep the first. */
function Marked({ text, mentions }: { text: string; mentions: readonly Mention[] }) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < at || m.end > text.length) continue;
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <a key={`${m.start}:${m.end}`} class="fl-entity" href={entityHref(m.entityId)} data-entity={m.entityId}>
        {text.slice(m.start, m.end)}
      </a>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function ImageOnRequest({ image }: { image: ArticleImage }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  if (shown) return <img class="fl-image" src={image.url} alt={image.caption} referrerpolicy="no-referrer" />;
  return (
    <button
      type="button"
      class="fl-image-button"
      title={t('readerImageNote', { host: hostOf(image.url) })}
      onClick={() => setShown(true)}
    >
      {t('readerShowImage')}
    </button>
  );
}

function PassageView({
  passage,
  mentions,
  image,
}: {
  passage: Passage;
  mentions: readonly Mention[];
  image?: ArticleImage;
}) {
  const body = <Marked text={passage.text} mentions={mentions} />;
  switch (passage.kind) {
    case 'subheading':
      return <h2 class="fl-subheading">{body}</h2>;
    case 'gallery-heading':
      return <h3 class="fl-gallery-heading">{body}</h3>;
    case 'caption':
      return (
        <figure class="fl-figure">
          {image ? <ImageOnRequest image={image} /> : null}
          <figcaption>{body}</figcaption>
        </figure>
      );
    case 'gallery-item':
      return (
        <figure class="fl-figure">
          {image ? <ImageOnRequest image={image} /> : null}
          <figcaption>
            {passage.title ? <strong>{passage.title}：</strong> : null}
            {body}
          </figcaption>
        </figure>
      );
    case 'byline':
      return <p class="fl-byline fl-muted">{body}</p>;
    default:
      return <p>{body}</p>;
  }
}

export function Reader({ articleId, load, detect }: ReaderProps) {
  const t = useT();
  const status = useLoad(async (): Promise<Loaded> => {
    const article = await load(articleId);
    if (!article || !detect) return { article, mentions: [] };
    const mentions = await detect(article.passages.map((p) => p.text)).catch(() => []);
    return { article, mentions };
  }, articleId);
  if (status.state !== 'done') return <LoadStatus status={status} />;
  const { article, mentions } = status.value;
  if (!article) {
    return (
      <main class="fl-search-page">
        <p class="fl-empty">{t('articleNotFound')}</p>
        <a href={searchHref('')}>{t('backToSearch')}</a>
      </main>
    );
  }
  document.title = `${article.title} · ${t('appName')}`;
  // Images belong to the caption (or gallery item) that carries their caption text.
  const images = new Map<string, ArticleImage>();
  for (const image of article.images)
    if (image.caption && !images.has(image.caption)) images.set(image.caption, image);
  const byRun = new Map<number, Mention[]>();
  for (const m of mentions) byRun.set(m.run, [...(byRun.get(m.run) ?? []), m]);
  return (
    <main class="fl-search-page fl-reader" lang={article.script === 'en' ? 'en' : article.script}>
      <nav>
        <a href={searchHref('')}>{t('backToSearch')}</a>
      </nav>
      <article>
        <h1>{article.title}</h1>
        <p class="fl-result-meta">
          {article.source} · <time dateTime={article.publishedAt}>{article.publishedAt.slice(0, 10)}</time>
          {article.updatedAt ? <> · {t('readerUpdated', { date: article.updatedAt.slice(0, 10) })}</> : null}
          {article.author ? <> · {t('readerByline', { author: article.author })}</> : null} ·{' '}
          <a href={article.url} target="_blank" rel="noreferrer noopener">
            {t('openArticle')}
          </a>
        </p>
        {mentions.length ? <p class="fl-hint">{t('readerEntitiesHint')}</p> : null}
        {article.passages.map((p, i) => {
          const image = p.kind === 'caption' || p.kind === 'gallery-item' ? images.get(p.text) : undefined;
          return <PassageView key={i} passage={p} mentions={byRun.get(i) ?? []} image={image} />;
        })}
      </article>
    </main>
  );
}
