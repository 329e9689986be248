// Imported articles in IndexedDB (through idb), owned by the background: written when the user
// imports files, read once when the background starts, so imports survive a browser restart. One
// record per article, keyed by article id: importing a newer copy of an article replaces it.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Article } from '../corpus/types.ts';

export const IMPORT_DB = 'factlens-imports';
const VERSION = 1;

export interface ImportedRecord {
  id: string;
  article: Article;
  /** The file name it came from (as picked: folder-relative path where the browser gives one). */
  file: string;
  /** Milliseconds since the epoch. */
  importedAt: number;
}

interface ImportSchema extends DBSchema {
  articles: { key: string; value: ImportedRecord };
}

export interface ImportStore {
  all(): Promise<ImportedRecord[]>;
  /** Adds or replaces records (one transaction). */
  put(records: readonly ImportedRecord[]): Promise<void>;
  /** Removes records by article id; returns how many existed. */
  remove(ids: readonly string[]): Promise<number>;
  clear(): Promise<void>;
  close(): void;
}

/** Opens (creating on first use) the store in the global IndexedDB (fake-indexeddb/auto in tests). */
export async function openImportStore(name = IMPORT_DB): Promise<ImportStore> {
  const db: IDBPDatabase<ImportSchema> = await openDB<ImportSchema>(name, VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('articles')) db.createObjectStore('articles', { keyPath: 'id' });
    },
    // A newer version of the extension wants to upgrade the database: let it.
    blocking() {
      db.close();
    },
  });
  return {
    all: () => db.getAll('articles'),
    async put(records) {
      const tx = db.transaction('articles', 'readwrite');
      await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
    },
    async remove(ids) {
      const tx = db.transaction('articles', 'readwrite');
      let removed = 0;
      for (const id of ids) {
        if ((await tx.store.getKey(id)) !== undefined) {
          removed++;
          await tx.store.delete(id);
        }
      }
      await tx.done;
      return removed;
    },
    async clear() {
      await db.clear('articles');
    },
    close: () => db.close(),
  };
}
