// The import service: files parsed with the corpus loader (in the importing page, parseImportFiles),
// failures listed with file:line while the rest import, the background's side storing the articles,
// the joined corpus rebuilt and watchers told, removal, restart.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCorpusCache } from '../../src/background/corpus.ts';
import { IMPORT_LIMITS } from '../../src/import/protocol.ts';
import { createImportService } from '../../src/import/service.ts';
import { openImportStore } from '../../src/import/store.ts';
import { frontMatterArticle } from '../corpus/helpers.ts';
import { articlesOf, BROKEN_TEXT, baseCorpus, importFiles, MA_TEXT, OTHER_TEXT, payload } from './helpers.ts';

let n = 0;

function service(name = `svc-${++n}`) {
  const changes: number[] = [];
  const svc = createImportService({
    base: createCorpusCache(async () => baseCorpus()),
    openStore: () => openImportStore(name),
    onChanged: () => {
      changes.push(1);
    },
    now: () => 42,
  });
  return { svc, changes, name };
}

describe('import service', () => {
  it('imports good files, lists each failing one with file:line, and joins the rest at once', async () => {
    const { svc, changes } = service();
    const report = await importFiles(svc, {
      files: [payload('ma.md', MA_TEXT), payload('broken.md', BROKEN_TEXT), payload('other.md', OTHER_TEXT)],
    });
    expect(report.files).toBe(3);
    expect(report.imported.map((a) => a.id).sort()).toEqual(['9001', '9002']);
    expect(report.imported[0]?.importedAt).toBe(42);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.file).toBe('broken.md');
    expect(report.errors[0]?.line).toBeGreaterThan(0);
    expect(report.errors[0]?.message.length).toBeGreaterThan(0);
    expect(changes).toHaveLength(1);
    const corpus = await svc.get();
    expect(corpus.detect(['馬英九']).map((m) => m.entityId)).toEqual(['e:馬英九']);
    expect(svc.peek()).toBe(corpus);
  });

  it('survives a restart: a new service over the same database loads them', async () => {
    const first = service();
    await importFiles(first.svc, { files: [payload('ma.md', MA_TEXT)] });
    const second = service(first.name);
    const corpus = await second.svc.get();
    expect(corpus.articleCount).toBe(2);
    expect(corpus.lookup('e:馬英九')?.passages[0]?.articleId).toBe('9001');
    expect((await second.svc.list()).map((a) => a.title)).toEqual(['馬英九再訪北京']);
  });

  it('removes imported articles and forgets their entities', async () => {
    const { svc, changes } = service();
    await importFiles(svc, { files: [payload('ma.md', MA_TEXT), payload('other.md', OTHER_TEXT)] });
    expect(await svc.remove(['9001'])).toBe(1);
    expect(changes).toHaveLength(2);
    const corpus = await svc.get();
    expect(corpus.detect(['馬英九'])).toEqual([]);
    expect((await svc.list()).map((a) => a.id)).toEqual(['9002']);
    expect(await svc.remove(['9001'])).toBe(0);
    expect(changes).toHaveLength(2);
  });

  it('reports without a change when nothing imports, and refuses malformed requests', async () => {
    const { svc, changes } = service();
    const report = await importFiles(svc, { files: [payload('broken.md', BROKEN_TEXT)] });
    expect(report.imported).toEqual([]);
    expect(report.errors).toHaveLength(1);
    expect(changes).toHaveLength(0);
    await expect(importFiles(svc, {} as never)).rejects.toThrow(/expected/);
    const many = Array.from({ length: IMPORT_LIMITS.filesPerRequest + 1 }, () => payload('a.md', MA_TEXT));
    await expect(importFiles(svc, { files: many })).rejects.toThrow(/at most/);
    await expect(svc.remove('x' as never)).rejects.toThrow(/ids/);
    const huge = { name: 'x.md', data: 'A'.repeat(8 * 1024 * 1024), size: 6 * 1024 * 1024 };
    await expect(importFiles(svc, { files: [huge] })).rejects.toThrow(/larger than/);
    const big = { name: 'y.md', data: 'A'.repeat(4 * 1024 * 1024), size: 3 * 1024 * 1024 };
    await expect(importFiles(svc, { files: [big, big, big, big] })).rejects.toThrow(/too many bytes/);
  });

  it('refuses, in the background, articles that are no articles, naming the file', async () => {
    const { svc, changes } = service();
    const [good] = articlesOf(MA_TEXT);
    const bad = { ...good, passages: 'x' } as never;
    await expect(svc.importArticles({ files: 1, articles: [bad], errors: [], warnings: [] })).rejects.toThrow(
      /article 1 \(f0\.md\): "passages" is not an array/,
    );
    await expect(svc.importArticles({ files: 1 } as never)).rejects.toThrow(/expected/);
    await expect(
      svc.importArticles({ files: 1, articles: [], errors: [{ file: 1 } as never], warnings: [] }),
    ).rejects.toThrow(/problem/);
    expect(changes).toHaveLength(0);
    expect(await svc.list()).toEqual([]);
  });

  it('names a file too large to read', async () => {
    const { svc } = service();
    const report = await importFiles(svc, { files: [{ name: 'huge.md', data: '', size: 50 * 1024 * 1024 }] });
    expect(report.errors[0]?.message).toMatch(/larger than/);
  });
});

describe('import service articles (for search)', () => {
  it('gives the same array until imports change', async () => {
    const { svc } = service();
    expect(await svc.articles()).toEqual([]);
    await importFiles(svc, { files: [payload('ma.md', MA_TEXT)] });
    const a = await svc.articles();
    expect(a.map((x) => x.id)).toEqual(['9001']);
    expect(await svc.articles()).toBe(a);
    await svc.remove(['9001']);
    expect(await svc.articles()).toEqual([]);
  });
});

describe('both archive variants', () => {
  it('imports a front-matter (variant B) file next to a variant A one', async () => {
    const { svc } = service();
    const report = await importFiles(svc, {
      files: [payload('b.md', frontMatterArticle()), payload('a.md', MA_TEXT)],
    });
    expect(report.errors).toEqual([]);
    expect(report.imported.map((a) => a.title).sort()).toEqual(['德国历史上的11月9日', '馬英九再訪北京']);
  });
});

describe('without IndexedDB', () => {
  it('still serves the bundle, and says why imports fail', async () => {
    const svc = createImportService({
      base: createCorpusCache(async () => baseCorpus()),
      openStore: () => Promise.reject(new Error('IndexedDB is not available')),
    });
    const corpus = await svc.get();
    expect(corpus.detect(['王毅']).length).toBe(1);
    expect(await svc.articles()).toEqual([]);
    await expect(importFiles(svc, { files: [payload('ma.md', MA_TEXT)] })).rejects.toThrow(/IndexedDB/);
  });
});
