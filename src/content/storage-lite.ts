// A small stand-in for @wxt-dev/storage in the content script's build only (wxt.config.ts aliases the
// package to this file for content scripts). Why: the content script only reads and watches a few
// settings, and @wxt-dev/storage (with superlock and dequal: versioning, metadata, bulk operations,
// locks) was ~9 kB of its minified bundle; this is under 1 kB. Because only the implementation is
// swapped, the `*Item` definitions in src/settings.ts, src/content/site-switch.ts and
// src/import/revision.ts stay the one source of every key and default, for the pages and the content
// script alike. Semantics follow @wxt-dev/storage 1.x for what is implemented (test/content/
// storage-lite.test.ts runs both against the same fake storage): "area:key" names, the value or the
// fallback (else null), and watchers called with (new ?? fallback, old ?? fallback) only when the
// stored value really changed.
import { browser } from 'wxt/browser';

type Area = 'local' | 'session' | 'sync' | 'managed';
type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/** The part of @wxt-dev/storage's item that content code may use. */
export interface LiteItem<T> {
  readonly key: string;
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(cb: (newValue: T, oldValue: T) => void): () => void;
}

/** Equal for the JSON-like values settings hold (what dequal decides for them). */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function defineItem<T>(
  name: string,
  opts?: { fallback?: T; defaultValue?: T; init?: unknown; version?: unknown; migrations?: unknown },
): LiteItem<T> {
  // What this stand-in does not do must not pass silently into the content build.
  if (opts?.init || opts?.version || opts?.migrations)
    throw Error(`${name}: init/version/migrations need @wxt-dev/storage`);
  const colon = name.indexOf(':');
  const area = name.slice(0, colon) as Area;
  const key = name.slice(colon + 1);
  if (colon < 0 || !['local', 'session', 'sync', 'managed'].includes(area)) {
    throw Error(
      `Storage key should be prefixed with "local:", "session:", "sync:" or "managed:", got "${name}"`,
    );
  }
  const fallback = (opts?.fallback ?? opts?.defaultValue ?? null) as T;
  const storageArea = () => browser.storage[area];
  return {
    key: name,
    fallback,
    async getValue() {
      const got = (await storageArea().get(key)) as Record<string, unknown>;
      return (got[key] ?? fallback) as T;
    },
    async setValue(value) {
      await (value == null ? storageArea().remove(key) : storageArea().set({ [key]: value }));
    },
    watch(cb) {
      const listener = (changes: Changes) => {
        const change = changes[key];
        if (!change || same(change.newValue, change.oldValue)) return;
        cb((change.newValue ?? fallback) as T, (change.oldValue ?? fallback) as T);
      };
      storageArea().onChanged.addListener(listener);
      return () => storageArea().onChanged.removeListener(listener);
    },
  };
}

/**
 * Several items in one read per storage area (as @wxt-dev/storage's getItems with items): the
 * content script's first decision (is Factlens on here?) waits for one round trip, not four queued
 * behind the other start-up reads.
 */
async function getItems(
  items: ReadonlyArray<LiteItem<unknown>>,
): Promise<Array<{ key: string; value: unknown }>> {
  const byArea = new Map<Area, string[]>();
  for (const { key } of items) {
    const [area, name] = [key.slice(0, key.indexOf(':')) as Area, key.slice(key.indexOf(':') + 1)];
    byArea.set(area, [...(byArea.get(area) ?? []), name]);
  }
  const got = new Map<string, unknown>();
  await Promise.all(
    Array.from(byArea, async ([area, names]) => {
      const values = (await browser.storage[area].get(names)) as Record<string, unknown>;
      for (const name of names) got.set(`${area}:${name}`, values[name]);
    }),
  );
  return items.map(({ key, fallback }) => ({ key, value: got.get(key) ?? fallback }));
}

export const storage = { defineItem, getItems };
