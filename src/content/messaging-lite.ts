// A small stand-in for @webext-core/messaging in the content script's build only (wxt.config.ts aliases
// the package to this file for content scripts), ~0.6 kB instead of ~3 kB minified (the generic
// messenger, its logger hooks and @aklinker1/zero-serialize-error). src/messaging.ts keeps its one
// typed contract (`defineExtensionMessaging<FactlensProtocol>()`, type-checked against the real
// package); only the implementation differs, and it speaks the same wire format, so the background and
// the pages (real package) and the content script (this file) understand each other:
//   request  {id, type, data, timestamp}   through chrome.runtime.sendMessage
//   response {res} or {err: {name, message, stack}}, answered asynchronously (the listener returns true)
// test/content/messaging-lite.test.ts runs both directions against the real package.
// What the content script does not use (sending to a tab, per-message logging, verifyMessageData) is
// left out.

interface Message {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
  sender?: unknown;
}
type Handler = (message: Message) => unknown;
type SendResponse = (response: unknown) => void;

interface ChromeRuntime {
  sendMessage(message: unknown, callback: (response: unknown) => void): void;
  lastError?: { message?: string };
  onMessage: {
    addListener(l: (m: unknown, sender: unknown, send: SendResponse) => boolean): void;
    removeListener(l: (m: unknown, sender: unknown, send: SendResponse) => boolean): void;
  };
}

const runtime = () => (globalThis as unknown as { chrome: { runtime: ChromeRuntime } }).chrome.runtime;

interface Serialized {
  name: string;
  message: string;
  stack?: string;
}

const toError = (e: Serialized): Error => Object.assign(Error(e.message), { name: e.name, stack: e.stack });

export function defineExtensionMessaging() {
  let id = Math.floor(Math.random() * 1e4);
  const handlers: Record<string, Handler> = {};
  let root: ((m: unknown, sender: unknown, send: SendResponse) => boolean) | undefined;

  const sendMessage = async (type: string, data?: unknown): Promise<unknown> => {
    const message = { id: id++, type, data, timestamp: Date.now() };
    const response = await new Promise<{ res?: unknown; err?: Serialized } | undefined>((resolve, reject) =>
      runtime().sendMessage(message, (r) => {
        const error = runtime().lastError;
        if (error) reject(Error(error.message));
        else resolve(r as { res?: unknown; err?: Serialized } | undefined);
      }),
    );
    if (!response) throw Error('No response');
    if (response.err != null) throw toError(response.err);
    return response.res;
  };

  const onMessage = (type: string, handler: Handler): (() => void) => {
    if (handlers[type]) throw Error(`only one listener for ${type}`); // (shorter than the library's)
    handlers[type] = handler;
    if (!root) {
      root = (m, sender, send) => {
        const message = m as Message;
        const handler = typeof message?.type === 'string' ? handlers[message.type] : undefined;
        if (!handler || typeof message.timestamp !== 'number') return false;
        (async () => handler({ ...message, sender }))().then(
          (res) => send({ res }),
          (e: unknown) => {
            const error = e instanceof Error ? e : Error(String(e));
            send({ err: { name: error.name, message: error.message, stack: error.stack ?? '' } });
          },
        );
        return true;
      };
      runtime().onMessage.addListener(root);
    }
    return () => {
      delete handlers[type];
      if (root && Object.keys(handlers).length === 0) {
        runtime().onMessage.removeListener(root);
        root = undefined;
      }
    };
  };

  const removeAllListeners = () => {
    for (const type of Object.keys(handlers)) delete handlers[type];
    if (root) runtime().onMessage.removeListener(root);
    root = undefined;
  };

  return { sendMessage, onMessage, removeAllListeners };
}
