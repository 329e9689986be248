// The IndexedDB store of imported articles (fake-indexeddb): put, replace, list, remove, reopen.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type ImportedRecord, openImportStore } from '../../src/import/store.ts';
import { articlesOf, MA_TEXT, OTHER_TEXT } from './helpers.ts';

let n = 0;
const freshName = () => `test-imports-${++n}`;

function records(importedAt: number): ImportedRecord[] {
  return articlesOf(MA_TEXT, OTHER_TEXT).map((article) => ({
    id: article.id,
    article,
    file: article.file,
    importedAt,
  }));
}

describe('import store', () => {
  it('keeps articles across a close and reopen (a browser restart)', async () => {
    const name = freshName();
    const store = await openImportStore(name);
    await store.put(records(1));
    store.close();
    const again = await openImportStore(name);
    const all = await again.all();
    expect(all.map((r) => r.id).sort()).toEqual(['9001', '9002']);
    expect(all.find((r) => r.id === '9001')?.article.title).toBe('馬英九再訪北京');
    expect(all[0]?.article.passages.length).toBeGreaterThan(0);
    again.close();
  });

  it('replaces an article imported again, by id', async () => {
    const store = await openImportStore(freshName());
    await store.put(records(1));
    await store.put(records(2).slice(0, 1));
    const all = await store.all();
    expect(all).toHaveLength(2);
    expect(all.find((r) => r.id === '9001')?.importedAt).toBe(2);
    store.close();
  });

  it('removes by id and says how many existed', async () => {
    const store = await openImportStore(freshName());
    await store.put(records(1));
    expect(await store.remove(['9001', 'nope'])).toBe(1);
    expect((await store.all()).map((r) => r.id)).toEqual(['9002']);
    await store.clear();
    expect(await store.all()).toEqual([]);
    store.close();
  });
});
