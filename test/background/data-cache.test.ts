// The data files' copies in Cache Storage: read from the cache when a copy of this build's data is
// there, else from the package (then copied); never failing because of the cache.
import { describe, expect, it } from 'vitest';
import { DATA_CACHE_PREFIX, type DataFilesOptions, dataFiles } from '../../src/background/data-cache.ts';

/** A CacheStorage in memory, with switches for failures. */
class FakeCaches {
  readonly stores = new Map<string, Map<string, Response>>();
  failOpen = 0;
  failPut = false;
  opens = 0;
  async open(name: string): Promise<Cache> {
    this.opens++;
    if (this.failOpen > 0) {
      this.failOpen--;
      throw new Error('open failed');
    }
    let store = this.stores.get(name);
    if (!store) {
      store = new Map();
      this.stores.set(name, store);
    }
    const entries = store;
    const fake = {
      match: async (key: string) => entries.get(key)?.clone(),
      put: async (key: string, res: Response) => {
        if (this.failPut) throw new Error('quota exceeded');
        // As Cache Storage does: the body is read in full before put resolves.
        const body = await res.blob();
        entries.set(key, new Response(body, { headers: res.headers }));
      },
    };
    return fake as unknown as Cache;
  }
  async keys(): Promise<string[]> {
    return [...this.stores.keys()];
  }
  async delete(name: string): Promise<boolean> {
    return this.stores.delete(name);
  }
}

const FILES: Record<string, string> = { '/data/detector.bin': 'DETECTOR', '/data/corpus.json': '{"a":1}' };

function setup(overrides: Partial<DataFilesOptions> = {}) {
  const caches = new FakeCaches();
  const fetched: string[] = [];
  const warnings: string[] = [];
  const files = dataFiles({
    fetchPackaged: async (path) => {
      fetched.push(path);
      const text = FILES[path];
      if (text === undefined) throw new Error(`${path}: HTTP 404`);
      return new Blob([text]);
    },
    id: 'abc123',
    caches: caches as unknown as CacheStorage,
    warn: (message) => warnings.push(message),
    ...overrides,
  });
  return { caches, fetched, warnings, files };
}

/** Lets the copy that a read started (not awaited by the read) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('dataFiles', () => {
  it('reads the package first, then its copy from the cache', async () => {
    const { files, fetched, caches } = setup();
    const first = await files.read('/data/detector.bin');
    expect(first.source).toBe('package');
    expect(await first.blob.text()).toBe('DETECTOR');
    await settle();
    expect([...caches.stores.keys()]).toEqual([`${DATA_CACHE_PREFIX}abc123`]);
    const second = await files.read('/data/detector.bin');
    expect(second.source).toBe('cache');
    expect(await second.blob.text()).toBe('DETECTOR');
    expect(fetched).toEqual(['/data/detector.bin']);
    // Each file has its own copy.
    expect((await files.read('/data/corpus.json')).source).toBe('package');
    await settle();
    expect(await (await files.read('/data/corpus.json')).blob.text()).toBe('{"a":1}');
  });

  it("finds the copies in a later worker's start, and a new build's data id does not", async () => {
    const { caches } = setup();
    const make = (id: string) =>
      dataFiles({
        fetchPackaged: async (path) => new Blob([`${id}:${path}`]),
        id,
        caches: caches as unknown as CacheStorage,
      });
    await make('v1').read('/data/detector.bin');
    await settle();
    const restarted = await make('v1').read('/data/detector.bin');
    expect(restarted.source).toBe('cache');
    const updated = await make('v2').read('/data/detector.bin');
    expect(updated).toMatchObject({ source: 'package' });
    expect(await updated.blob.text()).toBe('v2:/data/detector.bin');
  });

  it("deletes older builds' copies once it has copied its own, and no one else's caches", async () => {
    const { caches, files } = setup();
    await caches.open(`${DATA_CACHE_PREFIX}old`);
    await caches.open('some-other-cache');
    await files.read('/data/detector.bin');
    await settle();
    expect([...caches.stores.keys()].sort()).toEqual([`${DATA_CACHE_PREFIX}abc123`, 'some-other-cache']);
  });

  it('reads a copy of the wrong size from the package instead', async () => {
    const { caches, files, fetched, warnings } = setup();
    const store = new Map([
      [
        'https://factlens.invalid/data/detector.bin',
        new Response('DETEC', { headers: { 'x-factlens-bytes': '8' } }),
      ],
    ]);
    caches.stores.set(`${DATA_CACHE_PREFIX}abc123`, store);
    const read = await files.read('/data/detector.bin');
    expect(read.source).toBe('package');
    expect(await read.blob.text()).toBe('DETECTOR');
    expect(fetched).toEqual(['/data/detector.bin']);
    expect(warnings.join('\n')).toMatch(/detector\.bin has 5 bytes, not 8/);
    // …and the copy is replaced.
    await settle();
    expect((await files.read('/data/detector.bin')).source).toBe('cache');
  });

  it('never fails a read because of the cache', async () => {
    const { caches, files, warnings } = setup();
    caches.failOpen = 1;
    const read = await files.read('/data/detector.bin');
    expect(read.source).toBe('package');
    expect(warnings.join('\n')).toMatch(/could not read \/data\/detector\.bin from the cache/);
    // A failed open is tried again.
    caches.failPut = true;
    expect((await files.read('/data/detector.bin')).source).toBe('package');
    await settle();
    expect(caches.opens).toBe(2);
    expect(warnings.join('\n')).toMatch(/could not keep a copy of \/data\/detector\.bin/);
    // The package's own failure is the read's.
    await expect(files.read('/data/missing.bin')).rejects.toThrow('/data/missing.bin: HTTP 404');
  });

  it('reads the package alone without a data id or a cache', async () => {
    for (const options of [{ id: null }, { caches: undefined }]) {
      const { files, fetched, caches } = setup(options);
      expect((await files.read('/data/detector.bin')).source).toBe('package');
      await settle();
      expect((await files.read('/data/detector.bin')).source).toBe('package');
      expect(fetched).toHaveLength(2);
      expect(caches.stores.size).toBe(0);
    }
  });
});
