// Background (MV3 service worker / Firefox event page): owns the corpus and answers the content script.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (typeof message === 'object' && message !== null && (message as { type?: string }).type === 'ping') {
      return Promise.resolve({ type: 'pong' });
    }
    return undefined;
  });
});
