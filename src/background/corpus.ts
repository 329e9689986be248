// The corpus in the background: loaded lazily on the first request that needs it, kept in memory for
// the life of the worker. An MV3 worker is killed after ~30 s idle, so loading must stay cheap: one
// fetch of the compiled bundle (an extension-internal URL), one JSON.parse, one detector build.
import type { CorpusBundle } from '../corpus/bundle.ts';
import type { Entity, Mention } from '../entities/types.ts';
import type { EntityCard } from '../messaging.ts';

/** Everything the handlers need, whatever the bundle's layout. */
export interface LoadedCorpus {
  articleCount: number;
  entities: ReadonlyMap<string, Entity>;
  detect(runs: readonly string[]): Mention[];
  lookup(entityId: string): EntityCard | null;
  /** Milliseconds spent loading (fetch + parse + build). */
  loadMs: number;
  /** Where the load time went: fetching the bundle's text, reading it (parse + validate), the detector. */
  loadTimings?: LoadTimings;
  /** The bundle it was built from (the search service reuses it instead of reading it again). */
  bundle?: CorpusBundle;
}

export interface LoadTimings {
  fetchMs: number;
  readMs: number;
  detectorMs: number;
}

export interface CorpusCache {
  /** The corpus, loading it on first use; a failed load is retried on the next call. */
  get(): Promise<LoadedCorpus>;
  /** The corpus if it is already loaded (never starts a load). */
  peek(): LoadedCorpus | null;
}

export function createCorpusCache(load: () => Promise<LoadedCorpus>): CorpusCache {
  let loaded: LoadedCorpus | null = null;
  let pending: Promise<LoadedCorpus> | null = null;
  return {
    get() {
      if (loaded) return Promise.resolve(loaded);
      pending ??= load().then(
        (corpus) => {
          loaded = corpus;
          return corpus;
        },
        (error: unknown) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
    peek: () => loaded,
  };
}
