// The corpus revision: a counter the background bumps after imported articles are added or removed.
// Content scripts (every frame of every tab) and extension pages watch it and re-scan or re-query;
// storage change events reach them all without the `tabs` permission.
import { storage } from '@wxt-dev/storage';

export const corpusRevisionItem = storage.defineItem<number>('local:corpusRevision', { fallback: 0 });

export async function bumpCorpusRevision(): Promise<number> {
  const next = (await corpusRevisionItem.getValue()) + 1;
  await corpusRevisionItem.setValue(next);
  return next;
}
