// The options page (options.html, opened in a tab): settings and imported articles (src/ui/Options.tsx),
// talking to the background through the typed messages.
import { render } from 'preact';
import { sendMessage, withRetry } from '../../src/messaging.ts';
import { type ImportsApi, Options } from '../../src/ui/Options.tsx';
import '../../src/ui/styles.css';
import '../../src/ui/options.css';

const imports: ImportsApi = {
  // Parsed here, not in the background (see src/import/parse-files.ts); the parser is a chunk of its
  // own, loaded at the first import, so the options page itself stays small.
  send: async (request) => {
    const { parseImportFiles } = await import('../../src/import/parse-files.ts');
    const parsed = parseImportFiles(request);
    return withRetry(() => sendMessage('importArticles', parsed));
  },
  list: () => withRetry(() => sendMessage('listImported', undefined)),
  remove: (ids) => withRetry(() => sendMessage('removeImported', { ids })),
};

render(<Options imports={imports} />, document.getElementById('app') as HTMLElement);
