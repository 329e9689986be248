// Content script: collects the page's text runs and marks what the corpus knows.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {},
});
