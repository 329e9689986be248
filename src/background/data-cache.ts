// The background's data files (data/detector.bin, data/corpus.json, data/search.json), read from a
// copy in Cache Storage when the worker has one, else from the extension package (then copied there
// for the next start).
// Why: an MV3 service worker is stopped after 30 s idle and reads detector.bin again at every start,
// before its first answer; Chromium delivers a packaged file at ~20–25 ms per MB here (fetch → Blob;
// 3.8 MB, the 2,046-article build: 80–100 ms of a ~140 ms cold start) and the same bytes from Cache
// Storage ~3× faster (25–35 ms, an extension page, 11 reads each). Cold starts of that build, 16
// interleaved each: 127 → 84 ms (median; detector.bin 77 → 31 ms, opening the cache included); the
// first lookup of a stopped worker, which reads corpus.json (19.8 MB) too: 873 → 526 ms.
// The copies are keyed by the build's data id (a hash of the files, see wxt.config.ts), in a cache of
// that name: a new build reads its own files once and deletes the caches of older ones. The request
// URL is only a key (Cache Storage takes http(s) URLs only; `.invalid` never resolves): nothing is
// ever requested from it. Any failure of the cache (none in this browser, storage full or evicted,
// a copy of the wrong size) falls back to the package: the cache can make a start faster, never fail.
export type DataSource = 'package' | 'cache';

export interface DataFiles {
  /** The file at `path` (e.g. "/data/detector.bin") and where it was read from. */
  read(path: string): Promise<{ blob: Blob; source: DataSource }>;
}

export interface DataFilesOptions {
  /** Reads a file from the extension package. */
  fetchPackaged(path: string): Promise<Blob>;
  /** The build's data id; null: no cache (a build without data files). */
  id: string | null;
  /** The worker's CacheStorage (`globalThis.caches`); undefined: no cache. */
  caches: CacheStorage | undefined;
  /** Told of cache failures (they never fail a read). */
  warn?(message: string, error: unknown): void;
}

/** Caches of this prefix belong to Factlens' data; the build's data id follows it. */
export const DATA_CACHE_PREFIX = 'factlens-data-';
const KEY_ORIGIN = 'https://factlens.invalid';
/** The copy's size, checked on reading (a truncated copy is read from the package instead). */
const SIZE_HEADER = 'x-factlens-bytes';

export function dataFiles(options: DataFilesOptions): DataFiles {
  const { fetchPackaged, id, caches } = options;
  const warn = options.warn ?? (() => undefined);
  if (!id || !caches)
    return { read: async (path) => ({ blob: await fetchPackaged(path), source: 'package' }) };
  const name = DATA_CACHE_PREFIX + id;
  let opened: Promise<Cache> | null = null;
  const open = () => {
    if (!opened) {
      opened = caches.open(name);
      // A failed open is tried again by the next read.
      opened.catch(() => {
        opened = null;
      });
    }
    return opened;
  };
  let swept = false;
  /** Deletes the caches of other builds' data, once per worker. */
  const sweep = async () => {
    if (swept) return;
    swept = true;
    for (const other of await caches.keys())
      if (other.startsWith(DATA_CACHE_PREFIX) && other !== name) await caches.delete(other);
  };
  return {
    async read(path) {
      const key = KEY_ORIGIN + path;
      let cache: Cache | null = null;
      try {
        cache = await open();
        const hit = await cache.match(key);
        if (hit) {
          const blob = await hit.blob();
          if (String(blob.size) === hit.headers.get(SIZE_HEADER)) return { blob, source: 'cache' };
          warn(
            `[factlens] the cached copy of ${path} has ${blob.size} bytes, not ${hit.headers.get(SIZE_HEADER)}`,
            null,
          );
        }
      } catch (error) {
        warn(`[factlens] could not read ${path} from the cache`, error);
      }
      const blob = await fetchPackaged(path);
      if (cache) {
        // Not awaited: the answer need not wait for the copy.
        const copy = cache;
        void (async () => {
          try {
            await copy.put(key, new Response(blob, { headers: { [SIZE_HEADER]: String(blob.size) } }));
            await sweep();
          } catch (error) {
            warn(`[factlens] could not keep a copy of ${path}`, error);
          }
        })();
      }
      return { blob, source: 'package' };
    },
  };
}
