// The background's service for the extension page: loads the compiled index from the corpus bundle
// (extra.search, written by scripts/compile-corpus.ts) on first use, and also searches articles that
// are not in the bundle (imported ones) through a small index rebuilt whenever that set changes;
// results of both are merged by score. It also answers the entity page (from the bundle's mention
// index, or one computed once with the detector when the bundle has none) and the reader (one article).
import type { CorpusBundle } from '../corpus/bundle.ts';
import type { Article } from '../corpus/types.ts';
import type { MentionIndex, MentionRef } from '../entities/extract.ts';
import type { AliasSource, Entity, Mention } from '../entities/types.ts';
import { buildSearchIndex } from './build.ts';
import { buildEntityPage, type EntityPageData, type EntityPageSource } from './entity-page.ts';
import { foldText } from './fold.ts';
import { type EntityMatch, handleSearch, type SearchRequest, type SearchResponse } from './handlers.ts';
import { loadSearchIndex } from './search.ts';
import { SEARCH_INDEX_FORMAT, type SearchIndex, type SerializedSearchIndex } from './types.ts';

/** Alias sources trusted as search synonyms (romanisations and phonetic guesses are left out). */
const SYNONYM_SOURCES = new Set<AliasSource>([
  'corpus',
  'parenthetical',
  'cedict',
  'opencc',
  'variant-table',
  'variant-gloss',
  'short-form',
]);

/**
 * Synonyms from the corpus's entities: a folded name → the folded other names of the entities it
 * names (普丁 → 普京, Lavrov → 拉夫罗夫), so a search for one form finds the others.
 */
export function synonymsFromEntities(entities: readonly Entity[]): (folded: string) => readonly string[] {
  const forms = new Map<string, Set<string>>();
  for (const e of entities) {
    const names = [e.name, ...e.aliases.filter((a) => SYNONYM_SOURCES.has(a.source)).map((a) => a.text)]
      .map((n) => foldText(n.trim()))
      .filter((n) => n.length >= 2);
    const unique = [...new Set(names)];
    if (unique.length < 2) continue;
    for (const n of unique) {
      let set = forms.get(n);
      if (!set) {
        set = new Set();
        forms.set(n, set);
      }
      for (const other of unique) if (other !== n) set.add(other);
    }
  }
  return (folded) => [...(forms.get(folded) ?? [])];
}

/** A lookup of entities by any of their names (folded): what the query names, for links to entity pages. */
export function entitiesByName(entities: readonly Entity[]): (query: string) => EntityMatch[] {
  const byName = new Map<string, Entity[]>();
  for (const e of entities) {
    for (const n of new Set([
      e.name,
      ...e.aliases.filter((a) => SYNONYM_SOURCES.has(a.source)).map((a) => a.text),
    ])) {
      const key = foldText(n.trim());
      if (key.length < 2) continue;
      const list = byName.get(key) ?? [];
      if (!list.includes(e)) list.push(e);
      byName.set(key, list);
    }
  }
  return (query) =>
    (byName.get(foldText(query.trim())) ?? [])
      .slice()
      .sort((a, b) => b.articleCount - a.articleCount || (a.id < b.id ? -1 : 1))
      .slice(0, 3)
      .map((e) => ({ id: e.id, name: e.name, kind: e.kind, articleCount: e.articleCount }));
}

/** A search index file's text (data/search.json), checked; errors name the file. */
export function parseSearchIndex(json: string, file: string): SerializedSearchIndex {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const format = (doc as { format?: unknown } | null)?.format;
  if (format !== SEARCH_INDEX_FORMAT)
    throw new Error(
      `${file}: not a Factlens search index (format is ${JSON.stringify(format)}, expected "${SEARCH_INDEX_FORMAT}")`,
    );
  return doc as SerializedSearchIndex;
}

/** The bundle's search index, or one built from its articles when the bundle carries none. */
export function searchIndexOfBundle(
  bundle: Pick<CorpusBundle, 'articles' | 'extra'> & Partial<Pick<CorpusBundle, 'entities'>>,
): SearchIndex {
  const stored = bundle.extra?.search as SerializedSearchIndex | undefined;
  const serialized = stored?.format === SEARCH_INDEX_FORMAT ? stored : buildSearchIndex(bundle.articles);
  const entities = bundle.entities ?? [];
  return loadSearchIndex(
    serialized,
    bundle.articles,
    entities.length ? { synonyms: synonymsFromEntities(entities) } : {},
  );
}

/** Several indexes searched as one: results merged by score, sources united. */
export function combineIndexes(indexes: readonly SearchIndex[]): SearchIndex {
  if (indexes.length === 1 && indexes[0]) return indexes[0];
  return {
    search(query, filters = {}) {
      const all = indexes.flatMap((i) => i.search(query, filters));
      return all.sort((a, b) => b.score - a.score).slice(0, filters.limit ?? 20);
    },
    documentCount: indexes.reduce((n, i) => n + i.documentCount, 0),
    sources: [...new Set(indexes.flatMap((i) => i.sources))].sort(),
  };
}

/** A mention index found by running a detector over every passage (when the bundle carries none). */
export function computeMentionIndex(
  articles: readonly Article[],
  detect: (runs: readonly string[]) => Mention[],
): MentionIndex {
  const byEntity: Record<string, MentionRef[]> = {};
  articles.forEach((a, ai) => {
    for (const m of detect(a.passages.map((p) => p.text))) {
      let list = byEntity[m.entityId];
      if (!list) {
        list = [];
        byEntity[m.entityId] = list;
      }
      list.push([ai, m.run, m.start, m.end]);
    }
  });
  return { articles: articles.map((a) => a.id), byEntity };
}

function isMentionIndex(value: unknown): value is MentionIndex {
  const v = value as MentionIndex | undefined;
  return Array.isArray(v?.articles) && typeof v?.byEntity === 'object' && v.byEntity !== null;
}

type Bundle = Pick<CorpusBundle, 'articles' | 'extra'> & Partial<Pick<CorpusBundle, 'entities'>>;

export interface SearchServiceOptions {
  /** The bundle (loaded once). */
  loadBundle: () => Promise<Bundle>;
  /** The bundle's search index, where it is a file of its own (data/search.json; loaded once). */
  loadSearchIndex?: () => Promise<SerializedSearchIndex>;
  /** Articles outside the bundle (imports); called on every search, so keep it cheap. */
  extraArticles?: () => Promise<readonly Article[]>;
  /** A detector over the bundle's entities, for a bundle without a mention index. */
  detect?: (runs: readonly string[]) => Promise<Mention[]> | Mention[];
  /** Joins imported articles and entities to the bundle's entity page source (src/import). */
  joinEntitySource?: (base: EntityPageSource) => Promise<EntityPageSource>;
}

export interface SearchService {
  /**
   * Loads what the first search needs (bundle, index, entity names) without searching: a woken
   * worker takes ~1 s for it with the 2,046-article build, which a page that will search soon can
   * ask for as it opens. Failures are left to the search that follows.
   */
  warm(): void;
  search(request: SearchRequest): Promise<SearchResponse>;
  entityPage(request: { entityId: string }): Promise<EntityPageData | null>;
  article(request: { articleId: string }): Promise<Article | null>;
}

const NO_ARTICLES: readonly Article[] = [];

/** Answers kept for repeated queries. */
const RECENT = 32;

export function createSearchService(options: SearchServiceOptions): SearchService {
  let bundle: Promise<Bundle> | null = null;
  const loadBundle = (): Promise<Bundle> => {
    bundle ??= options.loadBundle().catch((error: unknown) => {
      bundle = null;
      throw error;
    });
    return bundle;
  };
  let entitySource: Promise<EntityPageSource> | null = null;
  let base: Promise<SearchIndex> | null = null;
  let named: Promise<(query: string) => EntityMatch[]> | null = null;
  const recent = new Map<string, SearchResponse>();
  let joined: { articles: readonly Article[]; source: EntityPageSource } | null = null;
  let extra: { key: string; index: SearchIndex | null } = { key: '', index: null };
  const baseIndex = (): Promise<SearchIndex> => {
    base ??= Promise.all([loadBundle(), options.loadSearchIndex?.()]).then(
      ([b, search]) => searchIndexOfBundle(search ? { ...b, extra: { ...b.extra, search } } : b),
      (error: unknown) => {
        base = null;
        throw error;
      },
    );
    return base;
  };
  const extraIndex = async (): Promise<SearchIndex | null> => {
    const articles = (await options.extraArticles?.()) ?? [];
    const key = articles.map((a) => `${a.id}@${a.updatedAt ?? a.publishedAt}`).join('\n');
    if (key !== extra.key) {
      extra = { key, index: articles.length ? loadSearchIndex(buildSearchIndex(articles), articles) : null };
    }
    return extra.index;
  };
  const names = () => {
    if (!named) {
      named = loadBundle().then((bundle) => entitiesByName(bundle.entities ?? []));
      // A failed load is tried again by the next search.
      named.catch(() => {
        named = null;
      });
    }
    return named;
  };
  return {
    warm() {
      void baseIndex()
        .then(names)
        .catch(() => undefined);
    },
    async search(request) {
      const [b, x] = await Promise.all([baseIndex(), extraIndex()]);
      // Recent answers are kept: typing, backspacing and back/forward repeat queries.
      const key = `${extra.key}\u0000${JSON.stringify(request)}`;
      const cached = recent.get(key);
      if (cached) {
        recent.delete(key);
        recent.set(key, cached);
        return cached;
      }
      const response = handleSearch(combineIndexes(x ? [b, x] : [b]), request);
      const entities = (await names())(response.query);
      const answer = entities.length ? { ...response, entities } : response;
      recent.set(key, answer);
      if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
      return answer;
    },
    async entityPage(request) {
      if (typeof request?.entityId !== 'string') throw new Error('entityPage: entityId must be a string');
      entitySource ??= loadBundle().then(async (b): Promise<EntityPageSource> => {
        const stored = b.extra?.mentionIndex ?? b.extra?.mentions;
        let mentionIndex: MentionIndex = { articles: [], byEntity: {} };
        if (isMentionIndex(stored)) mentionIndex = stored;
        else if (options.detect) {
          const detect = options.detect;
          const runs = await Promise.all(b.articles.map((a) => detect(a.passages.map((p) => p.text))));
          mentionIndex = computeMentionIndex(b.articles, (_r) => runs.shift() ?? []);
        }
        return { entities: b.entities ?? [], articles: b.articles, mentionIndex };
      });
      entitySource.catch(() => {
        entitySource = null;
      });
      const base = await entitySource;
      if (!options.joinEntitySource) return buildEntityPage(base, request.entityId);
      // The joined source is rebuilt only when the imported articles change (buildEntityPage keeps
      // its prepared tables per source object).
      const articles = (await options.extraArticles?.()) ?? NO_ARTICLES;
      if (joined?.articles !== articles) joined = { articles, source: await options.joinEntitySource(base) };
      return buildEntityPage(joined.source, request.entityId);
    },
    async article(request) {
      if (typeof request?.articleId !== 'string') throw new Error('article: articleId must be a string');
      const b = await loadBundle();
      const found = b.articles.find((a) => a.id === request.articleId);
      if (found) return found;
      const extra = (await options.extraArticles?.()) ?? [];
      return extra.find((a) => a.id === request.articleId) ?? null;
    },
  };
}
