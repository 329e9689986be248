// Builds the background's corpus from the compiled bundle (public/data/corpus.json, made by
// scripts/compile-corpus.ts): readBundle validates and expands it; the detector (src/match/detector.ts)
// is built once from its entities and dictionary words; lookups read the mention index
// (src/entities/lookup.ts).
import { type CorpusBundle, readBundle } from '../corpus/bundle.ts';
import type { MentionIndex } from '../entities/extract.ts';
import { lookupEntity } from '../entities/lookup.ts';
import { createDetector, type DetectorIndex } from '../match/detector.ts';
import type { LoadedCorpus } from './corpus.ts';

export const CORPUS_PATH = '/data/corpus.json';

const EMPTY_INDEX: MentionIndex = { articles: [], byEntity: {} };

/** The mention index and the precompiled detector index the compiler stores in the bundle's `extra`. */
export function bundleExtras(bundle: CorpusBundle): {
  mentionIndex: MentionIndex;
  detectorIndex?: DetectorIndex;
} {
  const extra = bundle.extra ?? {};
  const index = extra.mentionIndex as MentionIndex | undefined;
  const detector = extra.detectorIndex as DetectorIndex | undefined;
  const validDetector =
    detector?.format === 'factlens-detector' && detector.version === 1 && Array.isArray(detector.patterns);
  return {
    mentionIndex:
      index && Array.isArray(index.articles) && typeof index.byEntity === 'object' ? index : EMPTY_INDEX,
    ...(validDetector ? { detectorIndex: detector } : {}),
  };
}

export function corpusFromBundle(
  bundle: CorpusBundle,
  loadStarted: number,
  timings: { fetchMs: number; readMs: number } = { fetchMs: 0, readMs: 0 },
): LoadedCorpus {
  const { mentionIndex, detectorIndex } = bundleExtras(bundle);
  const t0 = performance.now();
  // Without a precompiled index (an old bundle) the detector still works, without the segmentation
  // check's dictionary words.
  const detector = createDetector(bundle.entities, detectorIndex ? { index: detectorIndex } : {});
  const detectorMs = performance.now() - t0;
  const data = { entities: bundle.entities, articles: bundle.articles, mentionIndex };
  return {
    articleCount: bundle.articles.length,
    entities: detector.entities,
    detect: (runs) => detector.detect(runs),
    lookup: (id) => lookupEntity(data, id) ?? null,
    loadMs: performance.now() - loadStarted,
    loadTimings: { ...timings, detectorMs },
    bundle,
  };
}

export function buildCorpus(json: string, loadStarted: number, fetchMs = 0): LoadedCorpus {
  const t0 = performance.now();
  const bundle = readBundle(json);
  return corpusFromBundle(bundle, loadStarted, { fetchMs, readMs: performance.now() - t0 });
}

/** Fetches and builds the corpus; `fetchText` reads the extension-internal bundle URL. */
export async function loadCorpus(fetchText: () => Promise<string>): Promise<LoadedCorpus> {
  const t0 = performance.now();
  const text = await fetchText();
  return buildCorpus(text, t0, performance.now() - t0);
}
