// The content script's stand-in for @webext-core/messaging (src/content/messaging-lite.ts) talks to the
// real package in both directions, through a fake `chrome.runtime`/`chrome.tabs` that delivers each
// message to every listener the way the browser does (the first one that returns true answers).
import { defineExtensionMessaging as real } from '@webext-core/messaging';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineExtensionMessaging as lite } from '../../src/content/messaging-lite.ts';
import { isTransientError, withRetry } from '../../src/messaging.ts';

type Listener = (
  message: unknown,
  sender: unknown,
  sendResponse: (r: unknown) => void,
) => boolean | undefined;

function fakeChrome() {
  const listeners = new Set<Listener>();
  const runtime = {
    lastError: undefined as { message: string } | undefined,
    onMessage: {
      addListener: (l: Listener) => listeners.add(l),
      removeListener: (l: Listener) => listeners.delete(l),
    },
    sendMessage(message: unknown, callback: (r: unknown) => void) {
      // Structured clone, as across contexts.
      const copy = structuredClone(message);
      const answer = (r: unknown) => setTimeout(() => callback(structuredClone(r)));
      for (const l of listeners) if (l(copy, { id: 'ext' }, answer) === true) return;
      setTimeout(() => {
        runtime.lastError = { message: 'Could not establish connection. Receiving end does not exist.' };
        callback(undefined);
        runtime.lastError = undefined;
      });
    },
  };
  const tabs = {
    sendMessage: (_tab: number, message: unknown, _o: unknown, callback: (r: unknown) => void) =>
      runtime.sendMessage(message, callback),
  };
  return { runtime, tabs, listeners };
}

interface Protocol {
  add(data: { a: number; b: number }): number;
  fail(): void;
  echo(data: string): { data: string; senderId: unknown };
}

describe('messaging-lite', () => {
  let chrome: ReturnType<typeof fakeChrome>;
  beforeEach(() => {
    chrome = fakeChrome();
    vi.stubGlobal('chrome', chrome);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends to a real receiver and gets its answer or its error', async () => {
    const background = real<Protocol>();
    const content = lite();
    background.onMessage('add', ({ data }) => data.a + data.b);
    background.onMessage('fail', () => {
      throw new TypeError('no such entity');
    });
    expect(await content.sendMessage('add', { a: 2, b: 3 })).toBe(5);
    const error = await content.sendMessage('fail').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'TypeError', message: 'no such entity' });
    background.removeAllListeners();
  });

  it('answers a real sender, errors included, and stops listening when the last handler goes', async () => {
    const popup = real<Protocol>();
    const content = lite();
    const offEcho = content.onMessage('echo', async (m) => ({
      data: m.data as string,
      senderId: (m.sender as { id: string }).id,
    }));
    const offFail = content.onMessage('fail', () => {
      throw new RangeError('nothing at the caret');
    });
    expect(() => content.onMessage('echo', () => 1)).toThrow(/only one listener/);
    expect(await popup.sendMessage('echo', '拉夫罗夫', 1)).toEqual({ data: '拉夫罗夫', senderId: 'ext' });
    await expect(popup.sendMessage('fail', undefined, 1)).rejects.toMatchObject({
      name: 'RangeError',
      message: 'nothing at the caret',
    });
    offEcho();
    expect(chrome.listeners.size).toBe(1);
    offFail();
    expect(chrome.listeners.size).toBe(0);
  });

  it('rejects with the browser’s error when nothing listens, so withRetry can tell a transient failure', async () => {
    const content = lite();
    const error = await content.sendMessage('add', { a: 1, b: 1 }).catch((e: unknown) => e);
    expect(isTransientError(error)).toBe(true);
    // The worker comes back on the second attempt.
    const background = real<Protocol>();
    let calls = 0;
    const answer = await withRetry(
      () => {
        if (++calls === 2) background.onMessage('add', ({ data }) => data.a + data.b);
        return content.sendMessage('add', { a: 1, b: 1 }) as Promise<number>;
      },
      3,
      1,
    );
    expect(answer).toBe(2);
    background.removeAllListeners();
  });

  it('ignores messages that are not its format or have no handler', () => {
    const content = lite();
    content.onMessage('echo', () => 1);
    const [listener] = chrome.listeners;
    const respond = vi.fn();
    expect(listener?.({ hello: 1 }, {}, respond)).toBe(false);
    expect(listener?.({ id: 1, type: 'add', data: 1, timestamp: 1 }, {}, respond)).toBe(false);
    expect(listener?.({ id: 1, type: 'echo', data: 1 }, {}, respond)).toBe(false);
    expect(respond).not.toHaveBeenCalled();
    content.removeAllListeners();
    expect(chrome.listeners.size).toBe(0);
  });
});
