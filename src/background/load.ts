// Builds the background's corpus from the two files the build writes (scripts/compile-corpus.ts):
//   data/detector.bin — all that answering matchRuns needs: the entities' briefs and the compiled
//                       detector index (binary, see below);
//   data/corpus.json  — the bundle: articles, full entities, mention index (readBundle);
//   data/search.json  — the search index (read by the search service only, src/search/background.ts).
// A woken service worker reads only the first file before it answers matchRuns (its cold start is
// what every page pays); the second is read on the first request that shows passages (lookup,
// search, entity page, reader) or once pages have stopped asking for marks for a while
// (CorpusSources.prefetchAfterMs), whichever comes first.
//
// data/detector.bin is fetched as an ArrayBuffer: no JSON at all, and the index's typed arrays are
// views over the buffer (src/match/index-codec.ts), so createDetector does no build work; the
// entities are a binary table read lazily (entity-table.ts). Layout (little-endian u32 words):
//   magic "FLDD" | version | total bytes | article count | entity table bytes | index bytes
//   | entity table (entity-table.ts), zero-padded so the index starts 8-aligned
//   | index: encodeDetectorIndex's bytes.
// The table holds every entity's brief and the aliases that write its name in the other Chinese
// script (the name-form option needs them), plus the folded names and aliases that are no pattern
// key (ambiguous or unusable ones), so that `knows` answers for every form.
// Measured (2,046-article corpus): the JSON form (4.9 MB) cost fetch 77–158 + parse 19–36 + detector
// 58–301 ms per cold start; see docs/ARCHITECTURE.md for the binary form's figures.
import { type CorpusBundle, readBundle } from '../corpus/bundle.ts';
import type { MentionIndex } from '../entities/extract.ts';
import { type EntityLookupData, lookupEntity } from '../entities/lookup.ts';
import type { Alias, Entity } from '../entities/types.ts';
import { type CompiledDetectorIndex, createDetector, stringAt } from '../match/detector.ts';
import { decodeDetectorIndex, encodeDetectorIndex } from '../match/index-codec.ts';
import { foldKey, hasHan } from '../text/fold.ts';
import { type LoadedCorpus, loadOnce } from './corpus.ts';
import { decodeEntityTable, type EntityTable, encodeEntityTable } from './entity-table.ts';

export const CORPUS_PATH = '/data/corpus.json';
export const DETECTOR_PATH = '/data/detector.bin';
/**
 * The search index, a file of its own since 2026-11-27: inside corpus.json it was 7.1 of its 19.8 MB
 * (2,046-article build), which the first lookup of a woken worker read and parsed for nothing.
 */
export const SEARCH_PATH = '/data/search.json';

/** "FLDD": FactLens Detector Data. */
const MAGIC = 0x44444c46;
export const DETECTOR_DATA_VERSION = 3;
const HEADER_BYTES = 24;

/** The contents of data/detector.bin. */
export interface DetectorData {
  articleCount: number;
  /** Every entity by id, made on first access (entity-table.ts). */
  entities: EntityTable;
  /** Folded names and aliases that are no key of the index's patterns. */
  otherKeys(): string[];
  index: CompiledDetectorIndex;
}

/** The folded pattern keys of a compiled index (its strings after the owner ids, see detector.ts). */
function patternKeys(index: CompiledDetectorIndex): string[] {
  const keys: string[] = [];
  for (let p = 0; p < index.patternCount; p++) keys.push(stringAt(index.strings, index.ownerCount + p));
  return keys;
}

/** The aliases that write the entity's (Han) name in the other script: same length, same folded key. */
function scriptForms(entity: Entity): Alias[] {
  if (!hasHan(entity.name)) return [];
  const key = foldKey(entity.name);
  return entity.aliases.filter(
    (a) => a.text !== entity.name && a.text.length === entity.name.length && foldKey(a.text) === key,
  );
}

const pad8 = (n: number) => (n + 7) & ~7;

/** data/detector.bin: deterministic for deterministic entities and index. */
export function serializeDetectorData(
  articleCount: number,
  entities: readonly Entity[],
  index: CompiledDetectorIndex,
): Uint8Array {
  const keys = new Set(patternKeys(index));
  const other = new Set<string>();
  for (const e of entities) {
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
      const key = foldKey(text);
      if (!keys.has(key)) other.add(key);
    }
  }
  const table = encodeEntityTable(entities, scriptForms, [...other].sort());
  const indexBytes = encodeDetectorIndex(index);
  const at = pad8(HEADER_BYTES + table.byteLength);
  const total = at + indexBytes.byteLength;
  const bytes = new Uint8Array(total);
  new Uint32Array(bytes.buffer, 0, HEADER_BYTES / 4).set([
    MAGIC,
    DETECTOR_DATA_VERSION,
    total,
    articleCount,
    table.byteLength,
    indexBytes.byteLength,
  ]);
  bytes.set(table, HEADER_BYTES);
  bytes.set(indexBytes, at);
  return bytes;
}

/**
 * Reads and validates data/detector.bin; throws a message naming the file (`file`) and what is
 * wrong with it otherwise. The arrays are views over `bytes` (copied once if it is not 4-aligned).
 */
export function readDetectorData(input: ArrayBuffer | Uint8Array, file = DETECTOR_PATH): DetectorData {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}. Rebuild it with \`npm run compile-corpus\``);
  };
  let u8 = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (u8.byteOffset % 4 !== 0) u8 = u8.slice();
  if (u8.byteLength < HEADER_BYTES) fail(`truncated (${u8.byteLength} bytes, no complete header)`);
  const head = new Uint32Array(u8.buffer, u8.byteOffset, HEADER_BYTES / 4);
  if (head[0] !== MAGIC) fail('not Factlens detector data (wrong magic)');
  if (head[1] !== DETECTOR_DATA_VERSION)
    fail(`unsupported version ${head[1]} (this build reads version ${DETECTOR_DATA_VERSION})`);
  const total = head[2] as number;
  if (u8.byteLength !== total)
    fail(`${u8.byteLength} bytes, the header says ${total} (truncated or damaged)`);
  const tableBytes = head[4] as number;
  const at = pad8(HEADER_BYTES + tableBytes);
  if (at + (head[5] as number) !== total) fail('section lengths do not add up to the file size');
  const entities = decodeEntityTable(u8.subarray(HEADER_BYTES, HEADER_BYTES + tableBytes), fail);
  let index: CompiledDetectorIndex;
  try {
    index = decodeDetectorIndex(u8.subarray(at, total));
  } catch (error) {
    return fail(error instanceof Error ? error.message.replace(/\. Rebuild it.*$/, '') : String(error));
  }
  return { articleCount: head[3] as number, entities, otherKeys: () => entities.otherKeys(), index };
}

const EMPTY_INDEX: MentionIndex = { articles: [], byEntity: {} };

/** The mention index the compiler stores in the bundle's `extra`. */
export function bundleMentionIndex(bundle: CorpusBundle): MentionIndex {
  const index = bundle.extra?.mentionIndex as MentionIndex | undefined;
  return index && Array.isArray(index.articles) && typeof index.byEntity === 'object' ? index : EMPTY_INDEX;
}

export interface CorpusSources {
  /** Reads an extension-internal file (DETECTOR_PATH) as bytes. */
  fetchBytes(path: string): Promise<ArrayBuffer | Uint8Array>;
  /** Reads an extension-internal file (CORPUS_PATH) as text. */
  fetchText(path: string): Promise<string>;
  /**
   * Reads the articles once no page has asked for marks (detect) for this long after the detector
   * is ready, if nothing asked for them before; each detect postpones the read, up to 5× this long
   * after the detector is ready. Reading them holds the worker up for ~150–250 ms (the 2,046-article
   * bundle), so a page still being marked should not meet it.
   */
  prefetchAfterMs?: number;
}

/** Loads the detector now and the articles on demand; see the header. */
export async function loadCorpus(sources: CorpusSources): Promise<LoadedCorpus> {
  const t0 = performance.now();
  const bytes = await sources.fetchBytes(DETECTOR_PATH);
  const fetchMs = performance.now() - t0;
  const t1 = performance.now();
  const data = readDetectorData(bytes);
  const readMs = performance.now() - t1;
  const t2 = performance.now();
  // The briefs come from the file's entities, so the detector is given no list of its own: its
  // filters read kinds and English names from them (until 2026-11-27 they read nothing here, and the
  // worker kept marks the CLI drops: Gates in "Robert Gates", West opening a sentence).
  const entities = data.entities;
  const detector = createDetector([], { index: data.index, facts: entities });
  const detectorMs = performance.now() - t2;

  // Built on first use (imports only): every folded name and alias.
  let known: Set<string> | null = null;
  let stage: { lookup: EntityLookupData; byId: Map<string, Entity> } | null = null;
  const articles = loadOnce(async () => {
    const read = readBundle(await sources.fetchText(CORPUS_PATH));
    const mentionIndex = bundleMentionIndex(read);
    // One lookup object per bundle: lookupEntity caches its maps on it.
    stage = {
      lookup: { entities: read.entities, articles: read.articles, mentionIndex },
      byId: new Map(read.entities.map((e) => [e.id, e])),
    };
    return read;
  });
  const loaded = () => {
    if (!stage) throw new Error('corpus: the articles are not loaded yet (await full() first)');
    return stage;
  };
  let asked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const full = () => {
    asked = true;
    clearTimeout(timer);
    return articles.get();
  };
  const quiet = sources.prefetchAfterMs;
  const latest = Date.now() + 5 * (quiet ?? 0);
  /** (Re)arms the prefetch; see CorpusSources.prefetchAfterMs. */
  const prefetchLater = () => {
    if (quiet === undefined || asked) return;
    clearTimeout(timer);
    timer = setTimeout(
      // Not fatal (the next lookup reads again), but not silent either.
      () =>
        void full().catch((error: unknown) =>
          console.warn('[factlens] prefetch of the articles failed', error),
        ),
      Math.max(0, Math.min(quiet, latest - Date.now())),
    );
  };
  prefetchLater();

  return {
    articleCount: data.articleCount,
    entities,
    knows(form) {
      known ??= new Set([...patternKeys(data.index), ...data.otherKeys()]);
      return known.has(foldKey(form));
    },
    entity: (id) => loaded().byId.get(id) ?? null,
    detect: (runs) => {
      prefetchLater();
      return detector.detect(runs);
    },
    lookup: (id) => lookupEntity(loaded().lookup, id) ?? null,
    full,
    loadMs: performance.now() - t0,
    loadTimings: { fetchMs, readMs, detectorMs },
  };
}
