// Content script: collects the page's text runs and marks what the corpus knows (src/content).
import { startContent } from '../src/content/main.ts';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    void startContent(ctx);
  },
});
