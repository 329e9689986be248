// Wires the search service into the background: answers the extension page's `search`, `entityPage`
// and `article` messages. The bundle comes from the corpus when it keeps it, else it is fetched and
// read again here (on the first search only, not at worker start), and its search index from
// data/search.json (read by the first search, or by SearchService.warm); imported articles come from
// the import service, and mentions for entity pages from the corpus's detector when the bundle
// carries no mention index.
import { CORPUS_PATH, SEARCH_PATH } from '../background/load.ts';
import { type CorpusBundle, readBundle } from '../corpus/bundle.ts';
import type { Article } from '../corpus/types.ts';
import type { Mention } from '../entities/types.ts';
import { onMessage } from '../messaging.ts';
import type { EntityPageSource } from './entity-page.ts';
import { createSearchService, parseSearchIndex, type SearchService } from './service.ts';

export interface SearchCorpus {
  get(): Promise<{ detect(runs: readonly string[]): Mention[] }>;
  /** Imported articles (src/import), joined to search at once. */
  articles?(): Promise<readonly Article[]>;
  /** The bundle the corpus already read, if it keeps it: saves a second fetch and parse. */
  bundle?(): Promise<CorpusBundle>;
  /** The text of data/search.json, the bundle's search index (see SEARCH_PATH). */
  searchIndexText?(): Promise<string>;
  /** Imported articles and entities joined to the bundle's entity page source (src/import). */
  entitySource?(base: EntityPageSource): Promise<EntityPageSource>;
}

export function installSearch(getURL: (path: string) => string, corpus: SearchCorpus): SearchService {
  const service = createSearchService({
    loadBundle: async () => {
      if (corpus.bundle) return corpus.bundle();
      const res = await fetch(getURL(CORPUS_PATH));
      if (!res.ok) throw new Error(`corpus.json: HTTP ${res.status}`);
      return readBundle(await res.text());
    },
    ...(corpus.searchIndexText
      ? {
          loadSearchIndex: async () =>
            parseSearchIndex((await corpus.searchIndexText?.()) ?? '', SEARCH_PATH.slice(1)),
        }
      : {}),
    ...(corpus.articles ? { extraArticles: () => corpus.articles?.() ?? Promise.resolve([]) } : {}),
    detect: async (runs) => (await corpus.get()).detect(runs),
    ...(corpus.entitySource
      ? { joinEntitySource: (base: EntityPageSource) => corpus.entitySource?.(base) ?? Promise.resolve(base) }
      : {}),
  });
  onMessage('search', ({ data }) => service.search(data));
  onMessage('entityPage', ({ data }) => service.entityPage(data));
  onMessage('article', ({ data }) => service.article(data));
  return service;
}
