// Builds the background's corpus from the compiled bundle (public/data/corpus.json, made by
// scripts/compile-corpus.ts): readBundle validates and expands it, the detector is built once.
import { readBundle } from '../corpus/bundle.ts';
import type { LoadedCorpus } from './corpus.ts';
import { createDetector, lookupEntity } from './interim.ts';

export const CORPUS_PATH = '/data/corpus.json';

export function buildCorpus(json: string, loadStarted: number): LoadedCorpus {
  const bundle = readBundle(json);
  const entities = new Map(bundle.entities.map((e) => [e.id, e]));
  const detector = createDetector(bundle.entities);
  return {
    articleCount: bundle.articles.length,
    entities,
    detect: (runs) => detector.detect(runs),
    lookup: (id) => lookupEntity(bundle, id),
    loadMs: performance.now() - loadStarted,
  };
}

/** Fetches and builds the corpus; `fetchText` reads the extension-internal bundle URL. */
export async function loadCorpus(fetchText: () => Promise<string>): Promise<LoadedCorpus> {
  const t0 = performance.now();
  return buildCorpus(await fetchText(), t0);
}
