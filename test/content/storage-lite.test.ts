// The content script's stand-in for @wxt-dev/storage (src/content/storage-lite.ts) against the real
// package, on the same fake storage: same keys, same fallbacks, same values, same change callbacks.
import { storage as real } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  allowedSitesItem,
  disabledSitesItem,
  enabledItem,
  siteModeItem,
} from '../../src/content/site-switch.ts';
import { storage as lite } from '../../src/content/storage-lite.ts';
import { hoverDelayItem, markStyleItem } from '../../src/settings.ts';

describe('storage-lite', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what the real items write, with the same fallbacks', async () => {
    for (const item of [markStyleItem, hoverDelayItem, enabledItem]) {
      const mine = lite.defineItem<unknown>(item.key, { fallback: item.fallback });
      expect(mine.key).toBe(item.key);
      expect(await mine.getValue()).toEqual(await item.getValue());
    }
    await markStyleItem.setValue('tint');
    await hoverDelayItem.setValue(0);
    await enabledItem.setValue(false);
    for (const item of [markStyleItem, hoverDelayItem, enabledItem]) {
      expect(await lite.defineItem<unknown>(item.key, { fallback: item.fallback }).getValue()).toEqual(
        await item.getValue(),
      );
    }
    expect(await lite.defineItem<number>('local:hoverDelayMs', { fallback: 350 }).getValue()).toBe(0);
  });

  it('is null without a fallback, and setValue(null) removes the value', async () => {
    const a = lite.defineItem<string | null>('local:x');
    const b = real.defineItem<string>('local:x');
    expect(await a.getValue()).toBeNull();
    await a.setValue('v');
    expect(await b.getValue()).toBe('v');
    await a.setValue(null);
    expect(await b.getValue()).toBeNull();
    expect(await fakeBrowser.storage.local.get('x')).toEqual({});
  });

  it('calls watchers like the real item: (new ?? fallback, old ?? fallback), only on real changes', async () => {
    const realItem = real.defineItem<string[]>('local:sites', { fallback: [] });
    const liteItem = lite.defineItem<string[]>('local:sites', { fallback: [] });
    const seenReal = vi.fn();
    const seenLite = vi.fn();
    const offReal = realItem.watch(seenReal);
    const offLite = liteItem.watch(seenLite);
    await realItem.setValue(['a.com']);
    await realItem.setValue(['a.com']);
    await fakeBrowser.storage.local.set({ sites: ['a.com'] });
    await realItem.removeValue();
    await fakeBrowser.storage.local.set({ other: 1 });
    expect(seenLite.mock.calls).toEqual(seenReal.mock.calls);
    expect(seenLite.mock.calls).toEqual([
      [['a.com'], []],
      [[], ['a.com']],
    ]);
    offLite();
    await realItem.setValue(['b.com']);
    expect(seenLite).toHaveBeenCalledTimes(2);
    offReal();
  });

  it('rejects what it does not implement instead of ignoring it', () => {
    expect(() => lite.defineItem('markStyle')).toThrow(/prefixed/);
    expect(() => lite.defineItem('local:v', { fallback: 1, version: 2 })).toThrow(/@wxt-dev\/storage/);
  });
  it('reads several items at once like the real getItems, fallbacks included', async () => {
    const items = [enabledItem, disabledSitesItem, siteModeItem, allowedSitesItem];
    const liteItems = items.map((i) => lite.defineItem<unknown>(i.key, { fallback: i.fallback }));
    expect(await lite.getItems(liteItems)).toEqual(await real.getItems(items));
    await disabledSitesItem.setValue(['a.com']);
    await enabledItem.setValue(false);
    const both = await lite.getItems(liteItems);
    expect(both).toEqual(await real.getItems(items));
    expect(both.map((r) => r.value)).toEqual([false, ['a.com'], 'all-but-listed', []]);
  });
});
