// The options page (options.html, opened in a tab): settings and imported articles (src/ui/Options.tsx),
// talking to the background through the typed messages.
import { render } from 'preact';
import { sendMessage, withRetry } from '../../src/messaging.ts';
import { type ImportsApi, Options } from '../../src/ui/Options.tsx';
import '../../src/ui/styles.css';
import '../../src/ui/options.css';

const imports: ImportsApi = {
  send: (request) => withRetry(() => sendMessage('importFiles', request)),
  list: () => withRetry(() => sendMessage('listImported', undefined)),
  remove: (ids) => withRetry(() => sendMessage('removeImported', { ids })),
};

render(<Options imports={imports} />, document.getElementById('app') as HTMLElement);
