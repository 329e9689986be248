// Content script: collects the page's text runs and marks what the corpus knows (src/content).
import { startContent } from '../src/content/main.ts';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  allFrames: true,
  // At document_start only to wake the background (the corpus loads while the page does); the scan
  // itself starts once the DOM is parsed.
  runAt: 'document_start',
  main(ctx) {
    void startContent(ctx);
  },
});
