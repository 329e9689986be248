// The background's side of imports: takes the articles the importing page parsed (parse-files.ts: the
// corpus loader stays out of the service worker), keeps them in IndexedDB and in memory, and serves
// the corpus with them joined (merge.ts). Changes are serialized, the joined corpus is rebuilt after
// each, and `onChanged` is called so every tab re-scans.
import type { CorpusCache, LoadedCorpus } from '../background/corpus.ts';
import type { Article } from '../corpus/types.ts';
import type { EntityPageSource } from '../search/entity-page.ts';
import { joinEntitySource } from './entity-source.ts';
import { type CreateDetector, mergeImported } from './merge.ts';
import {
  IMPORT_LIMITS,
  type ImportArticlesRequest,
  type ImportedArticleSummary,
  type ImportFilesResponse,
  type ImportProblem,
} from './protocol.ts';
import type { ImportedRecord, ImportStore } from './store.ts';

export interface ImportServiceOptions {
  base: CorpusCache;
  openStore: () => Promise<ImportStore>;
  /** The detector for the imports' own entities (see merge.ts). */
  createDetector?: CreateDetector;
  /** Called after imported articles were added or removed (and the joined corpus is ready). */
  onChanged?: () => void | Promise<void>;
  now?: () => number;
}

export interface ImportService extends CorpusCache {
  /** The imported articles (cached; the same array until imports change): for the search service. */
  articles(): Promise<readonly Article[]>;
  /** An entity page source with the imported articles and entities joined (see entity-source.ts). */
  entitySource(base: EntityPageSource): Promise<EntityPageSource>;
  /** Stores a batch the importing page parsed (parse-files.ts) and joins it to the corpus. */
  importArticles(request: ImportArticlesRequest): Promise<ImportFilesResponse>;
  list(): Promise<ImportedArticleSummary[]>;
  remove(ids: readonly string[]): Promise<number>;
}

export function summarize(record: ImportedRecord): ImportedArticleSummary {
  const a = record.article;
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    source: a.source,
    publishedAt: a.publishedAt,
    script: a.script,
    file: record.file,
    importedAt: record.importedAt,
  };
}

/** Why `a` is no article as the corpus loader makes them, if it is not. */
function articleProblem(a: unknown): string | undefined {
  if (typeof a !== 'object' || a === null) return 'not an object';
  const x = a as Record<string, unknown>;
  for (const k of ['id', 'url', 'title', 'publishedAt', 'source', 'script', 'file']) {
    if (typeof x[k] !== 'string') return `"${k}" is not a string`;
  }
  for (const k of ['passages', 'images', 'links', 'videos']) {
    if (!Array.isArray(x[k])) return `"${k}" is not an array`;
  }
  for (const p of x.passages as unknown[]) {
    const q = p as Record<string, unknown> | null;
    if (typeof q?.kind !== 'string' || typeof q.text !== 'string') return 'a passage needs {kind, text}';
  }
  return undefined;
}

/** The request, checked: it comes from an extension page (see background.ts), but as plain data. */
function checkRequest(request: ImportArticlesRequest): ImportArticlesRequest {
  const { files, articles, errors, warnings } = request ?? ({} as Partial<ImportArticlesRequest>);
  if (
    typeof files !== 'number' ||
    !Array.isArray(articles) ||
    !Array.isArray(errors) ||
    !Array.isArray(warnings)
  ) {
    throw new Error('importArticles: expected {files, articles: [...], errors: [...], warnings: [...]}');
  }
  if (articles.length > IMPORT_LIMITS.filesPerRequest) {
    throw new Error(
      `importArticles: ${articles.length} articles in one request (at most ${IMPORT_LIMITS.filesPerRequest})`,
    );
  }
  articles.forEach((a: unknown, i) => {
    const why = articleProblem(a);
    const file = (a as { file?: unknown } | null)?.file;
    if (why)
      throw new Error(`importArticles: article ${i + 1} (${typeof file === 'string' ? file : '?'}): ${why}`);
  });
  for (const p of [...errors, ...warnings] as unknown[]) {
    const q = p as Partial<ImportProblem> | null;
    if (typeof q?.file !== 'string' || typeof q.message !== 'string') {
      throw new Error('importArticles: every problem needs {file, message}');
    }
  }
  return request;
}

export function createImportService(options: ImportServiceOptions): ImportService {
  const now = options.now ?? Date.now;
  let store: Promise<ImportStore> | null = null;
  let records: Map<string, ImportedRecord> | null = null;
  let joined: LoadedCorpus | null = null;
  let joining: Promise<LoadedCorpus> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const getStore = () => {
    store ??= options.openStore().catch((error: unknown) => {
      store = null;
      throw error;
    });
    return store;
  };
  let articleList: Article[] | null = null;
  const getRecords = async () => {
    if (!records) {
      const all = await (await getStore()).all();
      records ??= new Map(all.map((r) => [r.id, r]));
    }
    return records;
  };
  const articles = async (): Promise<Article[]> => {
    const current = await getRecords();
    articleList ??= [...current.values()].map((r) => r.article);
    return articleList;
  };
  /** Runs changes one after another. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const join = async (): Promise<LoadedCorpus> => {
    const base = await options.base.get();
    let imported: Article[] = [];
    try {
      imported = await articles();
    } catch (error) {
      // No IndexedDB (private windows in some browsers): the bundle alone still works.
      console.warn('[factlens] imported articles unavailable', error);
    }
    return mergeImported(
      base,
      imported,
      options.createDetector ? { createDetector: options.createDetector } : {},
    );
  };
  const invalidate = () => {
    articleList = null;
    joined = null;
    joining = null;
  };
  const changed = async () => {
    invalidate();
    await get();
    await options.onChanged?.();
  };

  function get(): Promise<LoadedCorpus> {
    if (joined) return Promise.resolve(joined);
    if (!joining) {
      const p = join().then(
        (corpus) => {
          if (joining === p) joined = corpus;
          return corpus;
        },
        (error: unknown) => {
          if (joining === p) joining = null;
          throw error;
        },
      );
      joining = p;
    }
    return joining;
  }

  return {
    get,
    peek: () => joined,
    articles: () => articles().catch(() => []),
    entitySource: async (base) => joinEntitySource(base, await articles().catch(() => []), await get()),
    importArticles: async (request) => {
      const { files, articles, errors, warnings } = checkRequest(request);
      return serial(async () => {
        const importedAt = now();
        const fresh: ImportedRecord[] = articles.map((article) => ({
          id: article.id,
          article,
          file: article.file,
          importedAt,
        }));
        if (fresh.length > 0) {
          const current = await getRecords();
          await (await getStore()).put(fresh);
          for (const r of fresh) current.set(r.id, r);
          await changed();
        }
        return { files, imported: fresh.map(summarize), errors, warnings };
      });
    },
    list: async () =>
      [...(await getRecords()).values()]
        .map(summarize)
        .sort((a, b) => b.importedAt - a.importedAt || (a.publishedAt > b.publishedAt ? -1 : 1)),
    remove: (ids) => {
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
        return Promise.reject(new Error('removeImported: expected {ids: string[]}'));
      }
      return serial(async () => {
        const current = await getRecords();
        const removed = await (await getStore()).remove(ids);
        for (const id of ids) current.delete(id);
        if (removed > 0) await changed();
        return removed;
      });
    },
  };
}
