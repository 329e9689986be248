// Wires imports into the background: wraps the bundle's corpus cache so every handler sees imported
// articles joined (matchRuns, lookupEntity, ping), answers the import messages from extension pages
// only, and bumps the corpus revision after each change so every tab re-scans.
import type { CorpusCache } from '../background/corpus.ts';
import { withNameForm } from '../background/name-form.ts';
import { onMessage } from '../messaging.ts';
import { type NameForm, nameFormItem } from '../settings.ts';
import { bumpCorpusRevision } from './revision.ts';
import { createImportService, type ImportService } from './service.ts';
import { openImportStore } from './store.ts';

/** True for messages from the extension's own pages (options, search), never from a web page's frame. */
export function fromExtensionPage(
  sender: { url?: string } | undefined,
  getURL: (path: string) => string,
): boolean {
  const origin = getURL('/');
  return typeof sender?.url === 'string' && sender.url.startsWith(origin);
}

export function installImports(base: CorpusCache, getURL: (path: string) => string): ImportService {
  const service = createImportService({
    base,
    openStore: () => openImportStore(),
    onChanged: async () => {
      await bumpCorpusRevision();
    },
  });
  const guard = (sender: { url?: string } | undefined, what: string) => {
    if (!fromExtensionPage(sender, getURL)) throw new Error(`${what}: only the extension's pages may ask`);
  };
  onMessage('importArticles', ({ data, sender }) => {
    guard(sender, 'importArticles');
    return service.importArticles(data);
  });
  onMessage('listImported', ({ sender }) => {
    guard(sender, 'listImported');
    return service.list();
  });
  onMessage('removeImported', async ({ data, sender }) => {
    guard(sender, 'removeImported');
    return { removed: await service.remove(data?.ids) };
  });
  // Load imported articles from IndexedDB at start, so the first page scan already sees them.
  void service.get().catch(() => undefined);
  // Names as the options say (src/background/name-form.ts); tabs re-scan when the option changes.
  let form: NameForm = 'source';
  const formRead = nameFormItem.getValue().then(
    (f) => {
      form = f;
    },
    () => undefined,
  );
  nameFormItem.watch((f) => {
    form = f;
    void bumpCorpusRevision();
  });
  return {
    ...service,
    get: async () => {
      await formRead;
      return withNameForm(await service.get(), form);
    },
    peek: () => {
      const corpus = service.peek();
      return corpus && withNameForm(corpus, form);
    },
  };
}
