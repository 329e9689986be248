// The extension page (search.html) as one app with three views chosen by the URL: the search
// (default, #q=…), an entity page (?entity=ID) and the article reader (?article=ID).
import type { Article } from '../corpus/types.ts';
import type { Mention } from '../entities/types.ts';
import type { EntityPageData } from '../search/entity-page.ts';
import { EntityPage } from './EntityPage.tsx';
import { viewOf } from './links.ts';
import { Reader } from './Reader.tsx';
import { SearchPage } from './SearchPage.tsx';
import type { SearchFn } from './use-search.ts';

export interface ExtensionPageProps {
  search: SearchFn;
  entityPage: (entityId: string) => Promise<EntityPageData | null>;
  article: (articleId: string) => Promise<Article | null>;
  detect?: (runs: string[]) => Promise<Mention[]>;
  location?: Pick<Location, 'hash' | 'search'>;
}

export function ExtensionPage({
  search,
  entityPage,
  article,
  detect,
  location = window.location,
}: ExtensionPageProps) {
  const view = viewOf(location.search);
  if (view.view === 'entity') return <EntityPage entityId={view.entityId} load={entityPage} />;
  if (view.view === 'article') return <Reader articleId={view.articleId} load={article} detect={detect} />;
  return <SearchPage search={search} location={location} />;
}
