// Builds the background's corpus from the two files the build writes (scripts/compile-corpus.ts):
//   data/detector.json — entities and the precompiled detector index: all that marking a page needs;
//   data/corpus.json   — the bundle: articles, mention index, search index (readBundle validates it).
// A woken service worker reads only the small first file before it answers matchRuns (its cold start
// is what every page pays); the articles are read on the first request that shows passages (lookup,
// search, entity page, reader) or shortly after start-up, whichever comes first.
import { type CorpusBundle, readBundle } from '../corpus/bundle.ts';
import type { MentionIndex } from '../entities/extract.ts';
import { lookupEntity } from '../entities/lookup.ts';
import type { Entity } from '../entities/types.ts';
import { createDetector, type DetectorIndex } from '../match/detector.ts';
import { type LoadedCorpus, loadOnce } from './corpus.ts';

export const CORPUS_PATH = '/data/corpus.json';
export const DETECTOR_PATH = '/data/detector.json';

export const DETECTOR_DATA_FORMAT = 'factlens-detector-data';
export const DETECTOR_DATA_VERSION = 1;

/** The contents of data/detector.json. */
export interface DetectorData {
  format: typeof DETECTOR_DATA_FORMAT;
  version: typeof DETECTOR_DATA_VERSION;
  articleCount: number;
  entities: Entity[];
  detectorIndex: DetectorIndex;
}

/** data/detector.json as text: deterministic for deterministic entities and index. */
export function serializeDetectorData(
  articleCount: number,
  entities: Entity[],
  index: DetectorIndex,
): string {
  const doc: DetectorData = {
    format: DETECTOR_DATA_FORMAT,
    version: DETECTOR_DATA_VERSION,
    articleCount,
    entities,
    detectorIndex: index,
  };
  return `${JSON.stringify(doc)}\n`;
}

/** Parses and validates data/detector.json; throws with a clear message otherwise. */
export function readDetectorData(json: string): DetectorData {
  const fail = (why: string): never => {
    throw new Error(`detector data: ${why}. Rebuild it with \`npm run compile-corpus\``);
  };
  let doc: Partial<DetectorData>;
  try {
    doc = JSON.parse(json) as Partial<DetectorData>;
  } catch (error) {
    return fail(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (doc?.format !== DETECTOR_DATA_FORMAT) fail(`format is ${JSON.stringify(doc?.format)}`);
  if (doc.version !== DETECTOR_DATA_VERSION) fail(`unsupported version ${JSON.stringify(doc.version)}`);
  if (!Array.isArray(doc.entities)) fail('"entities" is not an array');
  const index = doc.detectorIndex;
  if (index?.format !== 'factlens-detector' || index.version !== 1 || !Array.isArray(index.patterns))
    fail('"detectorIndex" is missing or of another version');
  return doc as DetectorData;
}

const EMPTY_INDEX: MentionIndex = { articles: [], byEntity: {} };

/** The mention index the compiler stores in the bundle's `extra`. */
export function bundleMentionIndex(bundle: CorpusBundle): MentionIndex {
  const index = bundle.extra?.mentionIndex as MentionIndex | undefined;
  return index && Array.isArray(index.articles) && typeof index.byEntity === 'object' ? index : EMPTY_INDEX;
}

export interface CorpusSources {
  /** Reads an extension-internal file (DETECTOR_PATH, CORPUS_PATH) as text. */
  fetchText(path: string): Promise<string>;
  /** Reads the articles this long after the detector is ready, if nothing asked for them before. */
  prefetchAfterMs?: number;
}

/** Loads the detector now and the articles on demand; see the header. */
export async function loadCorpus(sources: CorpusSources): Promise<LoadedCorpus> {
  const t0 = performance.now();
  const text = await sources.fetchText(DETECTOR_PATH);
  const fetchMs = performance.now() - t0;
  const t1 = performance.now();
  const data = readDetectorData(text);
  const readMs = performance.now() - t1;
  const t2 = performance.now();
  const detector = createDetector(data.entities, { index: data.detectorIndex });
  const detectorMs = performance.now() - t2;

  let mentionIndex = EMPTY_INDEX;
  const articles = loadOnce(async () => {
    const read = readBundle(await sources.fetchText(CORPUS_PATH));
    mentionIndex = bundleMentionIndex(read);
    return read;
  });
  const full = () => articles.get();
  if (sources.prefetchAfterMs !== undefined)
    setTimeout(() => void full().catch(() => undefined), sources.prefetchAfterMs);

  return {
    articleCount: data.articleCount,
    entities: detector.entities,
    detect: (runs) => detector.detect(runs),
    lookup: (id) => {
      const bundle = articles.peek();
      if (!bundle) throw new Error('corpus: the articles are not loaded yet (await full() first)');
      return lookupEntity({ entities: data.entities, articles: bundle.articles, mentionIndex }, id) ?? null;
    },
    full,
    loadMs: performance.now() - t0,
    loadTimings: { fetchMs, readMs, detectorMs },
  };
}
