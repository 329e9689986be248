// The corpus in the background: loaded lazily on the first request that needs it, kept in memory for
// the life of the worker. An MV3 worker is killed after ~30 s idle, so loading must stay cheap: the
// detector and the entities' briefs first (small), the articles and full entities when passages are
// needed (see load.ts).
import type { CorpusBundle } from '../corpus/bundle.ts';
import type { Alias, Entity, Mention } from '../entities/types.ts';
import type { EntityBrief, EntityCard } from '../messaging.ts';

/**
 * An entity as the first stage knows it: its brief (what matchRuns returns) and, as `aliases`, only
 * its forms in the other Chinese script (for the name-form option, see name-form.ts). Every alias
 * and source comes with the articles: `LoadedCorpus.entity(id)`. A full Entity is one too.
 */
export interface EntityInfo extends EntityBrief {
  aliases: readonly Alias[];
}

/** Everything the handlers need, whatever the bundle's layout. */
export interface LoadedCorpus {
  articleCount: number;
  /** Every entity, by id: briefs and script forms, ready before the first answer. */
  entities: ReadonlyMap<string, EntityInfo>;
  /** True when some entity has this name or alias (compared folded: script, width, case). */
  knows(form: string): boolean;
  /** The entity with every alias and source, or null. Needs the articles: callers await `full()` first. */
  entity(entityId: string): Entity | null;
  detect(runs: readonly string[]): Mention[];
  /** Needs the articles: callers await `full()` first. */
  lookup(entityId: string): EntityCard | null;
  /** The whole bundle (articles, mention index, search index), read on first call. */
  full(): Promise<CorpusBundle>;
  /** Milliseconds spent loading (fetch + parse + build). */
  loadMs: number;
  /** Where the load time went: fetching data/detector.bin, reading it (decode + validate), the detector. */
  loadTimings?: LoadTimings;
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

/** A value loaded on first use and kept; a failed load is retried on the next call. */
export function loadOnce<T>(load: () => Promise<T>): { get(): Promise<T>; peek(): T | null } {
  let loaded: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    get() {
      if (loaded !== null) return Promise.resolve(loaded);
      pending ??= load().then(
        (value) => {
          loaded = value;
          return value;
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

export function createCorpusCache(load: () => Promise<LoadedCorpus>): CorpusCache {
  return loadOnce(load);
}
