// @vitest-environment happy-dom
// The content script's stand-in for WXT's ContentScriptContext (src/content/context-lite.ts) against
// the real class: the same answers from isValid/isInvalid, onInvalidated, addEventListener and
// "wxt:locationchange", and a newer copy of a content script invalidating the older one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext as Real } from 'wxt/utils/content-script-context';
import { ContentScriptContext as Lite } from '../../src/content/context-lite.ts';
import type { ContentContext } from '../../src/content/main.ts';

const kinds: Array<[string, (name: string) => ContentContext & { notifyInvalidated(): void }]> = [
  ['WXT', (name) => new Real(name)],
  ['lite', (name) => new Lite(name) as unknown as ContentContext & { notifyInvalidated(): void }],
];

describe.each(kinds)('ContentScriptContext (%s)', (_, make) => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('is valid until invalidated, then calls its callbacks and drops its listeners', () => {
    const ctx = make('a');
    const target = new EventTarget();
    const seen: string[] = [];
    ctx.addEventListener(target, 'ping', () => seen.push('ping'));
    const gone = vi.fn();
    const kept = vi.fn();
    ctx.onInvalidated(gone);
    const off = ctx.onInvalidated(kept);
    off();
    target.dispatchEvent(new Event('ping'));
    expect([ctx.isValid, ctx.isInvalid, seen]).toEqual([true, false, ['ping']]);
    ctx.notifyInvalidated();
    target.dispatchEvent(new Event('ping'));
    expect([ctx.isValid, ctx.isInvalid, seen]).toEqual([false, true, ['ping']]);
    expect([gone.mock.calls.length, kept.mock.calls.length]).toEqual([1, 0]);
  });

  it('passes listener options through (once)', () => {
    const ctx = make('a');
    const target = new EventTarget();
    const handler = vi.fn();
    ctx.addEventListener(target, 'ping', handler, { once: true });
    target.dispatchEvent(new Event('ping'));
    target.dispatchEvent(new Event('ping'));
    expect(handler).toHaveBeenCalledTimes(1);
    ctx.notifyInvalidated();
  });

  it('is invalid once the extension is gone (runtime.id undefined)', () => {
    const ctx = make('a');
    const gone = vi.fn();
    ctx.onInvalidated(gone);
    vi.spyOn(browser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isInvalid).toBe(true);
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('is invalidated by a newer copy of the same content script, not by another script', () => {
    const old = make('content');
    const other = make('other');
    const newer = make('content');
    expect([old.isValid, other.isValid, newer.isValid]).toEqual([false, true, true]);
    newer.notifyInvalidated();
    other.notifyInvalidated();
  });

  it('reports a URL changed without a load ("wxt:locationchange"), once per change', () => {
    vi.useFakeTimers();
    const ctx = make('a');
    const changed = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', changed);
    const start = location.href;
    history.pushState({}, '', '/next-page');
    vi.advanceTimersByTime(1_100);
    expect(changed).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3_000);
    expect(changed).toHaveBeenCalledTimes(1);
    ctx.notifyInvalidated();
    history.pushState({}, '', '/third-page');
    vi.advanceTimersByTime(3_000);
    expect(changed).toHaveBeenCalledTimes(1);
    history.replaceState({}, '', start);
  });
});
