// A small stand-in for WXT's ContentScriptContext (`wxt/utils/content-script-context`) in the content
// script's build only (wxt.config.ts aliases the module to this file for content scripts; WXT's entry
// wrapper constructs it and hands it to main()). Why: WXT's class (timers, frames, idle callbacks, a
// logger, its location watcher) was ~2.3 kB of the content script's 40 kB budget, and the content
// script uses four members of it: isValid, isInvalid, onInvalidated and addEventListener (with
// "wxt:locationchange"). src/content/main.ts takes a Pick of WXT's type with exactly those, so tsc
// refuses a use of anything else. Semantics follow WXT 0.21 for those (test/content/context-lite.test.ts
// runs both): a context is invalid once its extension is gone (runtime.id undefined) or a newer copy
// of the same content script started in the page (an extension update or reload: the newer one
// announces itself with a document event), and listeners added through it are removed then. One
// difference, on purpose: WXT's also announces each start with window.postMessage, which the page
// can read; this one does not.
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  readonly #abort = new AbortController();

  constructor(name: string) {
    const type = `${browser.runtime?.id}:content:started`;
    // A string, not an object: a newer copy may run in another JavaScript world, where an object
    // detail reads as null.
    const me = `${name}\n${Math.random()}`;
    document.dispatchEvent(new CustomEvent(type, { detail: me }));
    document.addEventListener(
      type,
      (event) => {
        const other = (event as CustomEvent).detail;
        if (typeof other === 'string' && other !== me && other.startsWith(`${name}\n`))
          this.notifyInvalidated();
      },
      { signal: this.#abort.signal },
    );
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.#abort.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  notifyInvalidated(): void {
    this.#abort.abort();
  }

  onInvalidated(cb: () => void): () => void {
    const { signal } = this.#abort;
    signal.addEventListener('abort', cb);
    return () => signal.removeEventListener('abort', cb);
  }

  /**
   * target.addEventListener until the context is invalidated. "wxt:locationchange" (on window) is
   * called when the page changes its URL without loading a document (history.pushState, …): on the
   * Navigation API's navigate events where there is one, else checked every second.
   */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: never) => void,
    options?: AddEventListenerOptions,
  ): void {
    const signal = this.#abort.signal;
    if (type !== 'wxt:locationchange') {
      target.addEventListener(type, handler as EventListener, { ...options, signal });
      return;
    }
    let url = location.href;
    const check = (to: string) => {
      if (to === url || this.isInvalid) return;
      url = to;
      (handler as () => void)();
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => check(new URL((event as Event & { destination: { url: string } }).destination.url).href),
        { signal },
      );
    } else {
      const timer = setInterval(() => check(location.href), 1_000);
      this.onInvalidated(() => clearInterval(timer));
    }
  }
}
