// The background's side of imports: parses files with the corpus loader, keeps imported articles in
// IndexedDB and in memory, and serves the corpus with them joined (merge.ts). Changes are serialized,
// the joined corpus is rebuilt after each, and `onChanged` is called so every tab re-scans.
import type { CorpusCache, LoadedCorpus } from '../background/corpus.ts';
import { MAX_FILE_BYTES } from '../corpus/decode.ts';
import { loadCorpus } from '../corpus/load.ts';
import type { Article } from '../corpus/types.ts';
import type { EntityPageSource } from '../search/entity-page.ts';
import { joinEntitySource } from './entity-source.ts';
import { type CreateDetector, mergeImported } from './merge.ts';
import {
  base64ToBytes,
  IMPORT_LIMITS,
  type ImportedArticleSummary,
  type ImportFilesRequest,
  type ImportFilesResponse,
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
  importFiles(request: ImportFilesRequest): Promise<ImportFilesResponse>;
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

function checkRequest(request: ImportFilesRequest): ImportFilesRequest['files'] {
  const files = request?.files;
  if (!Array.isArray(files)) throw new Error('importFiles: expected {files: [...]}');
  if (files.length > IMPORT_LIMITS.filesPerRequest) {
    throw new Error(
      `importFiles: ${files.length} files in one request (at most ${IMPORT_LIMITS.filesPerRequest})`,
    );
  }
  // base64 is 4/3 of the bytes: one file up to the loader's limit, a request up to the page's batch
  // size plus one such file (a large file travels alone).
  const perFile = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4;
  let total = 0;
  for (const f of files) {
    if (typeof f?.name !== 'string' || typeof f.data !== 'string' || typeof f.size !== 'number') {
      throw new Error('importFiles: every file needs {name, data, size}');
    }
    if (f.data.length > perFile)
      throw new Error(`importFiles: ${f.name} is larger than ${MAX_FILE_BYTES} bytes`);
    total += f.data.length;
  }
  if (total > Math.ceil((IMPORT_LIMITS.bytesPerRequest * 4) / 3) + perFile) {
    throw new Error('importFiles: too many bytes in one request; send fewer files at a time');
  }
  return files;
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
    importFiles: async (request) => {
      const files = checkRequest(request);
      return serial(async () => {
        const { articles, issues } = loadCorpus(
          files.map((f) => ({
            name: f.name,
            bytes: f.size > MAX_FILE_BYTES ? new Uint8Array(0) : base64ToBytes(f.data),
            size: f.size,
          })),
        );
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
        const problem = (i: (typeof issues)[number]) => ({
          file: i.file,
          ...(i.line ? { line: i.line } : {}),
          message: i.message,
        });
        return {
          files: files.length,
          imported: fresh.map(summarize),
          errors: issues.filter((i) => i.severity === 'error').map(problem),
          warnings: issues.filter((i) => i.severity === 'warning').map(problem),
        };
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
