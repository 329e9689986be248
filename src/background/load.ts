// Builds the background's corpus from the compiled bundle (public/data/corpus.json).
import type { Entity } from '../entities/types.ts';
import type { LoadedCorpus } from './corpus.ts';
import { createDetector, type EntityCard } from './interim.ts';

export const CORPUS_PATH = '/data/corpus.json';

interface InterimBundle {
  format: string;
  entities: Entity[];
  cards?: Record<string, EntityCard>;
  articles: unknown[];
}

export function buildCorpus(raw: unknown, loadStarted: number): LoadedCorpus {
  const bundle = raw as InterimBundle;
  if (bundle?.format !== 'factlens-corpus') throw new Error('corpus.json: not a factlens-corpus bundle');
  const entities = new Map(bundle.entities.map((e) => [e.id, e]));
  const detector = createDetector(bundle.entities);
  return {
    articleCount: bundle.articles.length,
    entities,
    detect: (runs) => detector.detect(runs),
    lookup: (id) => bundle.cards?.[id] ?? null,
    loadMs: performance.now() - loadStarted,
  };
}

/** Fetches and builds the corpus; `fetchJson` reads the extension-internal bundle URL. */
export async function loadCorpus(fetchJson: () => Promise<unknown>): Promise<LoadedCorpus> {
  const t0 = performance.now();
  return buildCorpus(await fetchJson(), t0);
}
