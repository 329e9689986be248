// Builds the background's corpus from the two files the build writes (scripts/compile-corpus.ts):
//   data/detector.bin — all that answering matchRuns needs: the entities' briefs and the compiled
//                       detector index (binary, see below);
//   data/corpus.json  — the bundle: articles, full entities, mention index, search index (readBundle).
// A woken service worker reads only the first file before it answers matchRuns (its cold start is
// what every page pays); the second is read on the first request that shows passages (lookup,
// search, entity page, reader) or shortly after start-up, whichever comes first.
//
// data/detector.bin is fetched as an ArrayBuffer: no text decoding of the index, no JSON parse of its
// big parts, and the index's typed arrays are views over the buffer (src/match/index-codec.ts), so
// createDetector does no build work. Layout (little-endian u32 words):
//   magic "FLDD" | version | total bytes | meta bytes | index bytes
//   | meta: UTF-8 JSON {articleCount, entities, otherKeys}, zero-padded so the index starts 8-aligned
//   | index: encodeDetectorIndex's bytes.
// Entities are tuples [name, kind, articleCount, english or "", script forms, id?]: script forms are
// [text, source, …] for the aliases that write the name in the other Chinese script (the name-form
// option needs them), the id is left out when it is "e:" + name. otherKeys are the folded names and
// aliases that are no pattern key (ambiguous or unusable ones), so `knows` answers for every form.
// Measured (2,046-article corpus): the JSON form (4.9 MB) cost fetch 77–158 + parse 19–36 + detector
// 58–301 ms per cold start; see docs/ARCHITECTURE.md for the binary form's figures.
import { type CorpusBundle, readBundle } from '../corpus/bundle.ts';
import type { MentionIndex } from '../entities/extract.ts';
import { type EntityLookupData, lookupEntity } from '../entities/lookup.ts';
import type { Alias, AliasSource, Entity, EntityKind } from '../entities/types.ts';
import { type CompiledDetectorIndex, createDetector } from '../match/detector.ts';
import { decodeDetectorIndex, encodeDetectorIndex } from '../match/index-codec.ts';
import { foldKey, hasHan } from '../text/fold.ts';
import { type EntityInfo, type LoadedCorpus, loadOnce } from './corpus.ts';

export const CORPUS_PATH = '/data/corpus.json';
export const DETECTOR_PATH = '/data/detector.bin';

/** "FLDD": FactLens Detector Data. */
const MAGIC = 0x44444c46;
export const DETECTOR_DATA_VERSION = 2;
const HEADER_BYTES = 20;

const KINDS: ReadonlySet<EntityKind> = new Set(['person', 'place', 'organisation', 'topic', 'event']);

/** One entity in the file (see the header). */
type EntityTuple =
  | [string, EntityKind, number, string, string[]]
  | [string, EntityKind, number, string, string[], string];

interface DetectorMeta {
  articleCount: number;
  entities: EntityTuple[];
  otherKeys: string[];
}

/** The contents of data/detector.bin. */
export interface DetectorData {
  articleCount: number;
  entities: EntityInfo[];
  /** Folded names and aliases that are no key of the index's patterns. */
  otherKeys: string[];
  index: CompiledDetectorIndex;
}

/** The folded pattern keys of a compiled index (its strings after the owner ids, see detector.ts). */
function patternKeys(index: CompiledDetectorIndex): string[] {
  const { text, ends } = index.strings;
  const keys: string[] = [];
  for (let p = 0; p < index.patternCount; p++) {
    const s = index.ownerCount + p;
    keys.push(text.slice(s === 0 ? 0 : ends[s - 1], ends[s]));
  }
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
  const meta: DetectorMeta = {
    articleCount,
    entities: entities.map((e) => {
      const forms = scriptForms(e).flatMap((a) => [a.text, a.source]);
      const tuple: EntityTuple = [e.name, e.kind, e.articleCount, e.english ?? '', forms];
      if (e.id !== `e:${e.name}`) tuple.push(e.id);
      return tuple;
    }),
    otherKeys: [...other].sort(),
  };
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const indexBytes = encodeDetectorIndex(index);
  const at = pad8(HEADER_BYTES + json.byteLength);
  const total = at + indexBytes.byteLength;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, DETECTOR_DATA_VERSION, true);
  view.setUint32(8, total, true);
  view.setUint32(12, json.byteLength, true);
  view.setUint32(16, indexBytes.byteLength, true);
  bytes.set(json, HEADER_BYTES);
  bytes.set(indexBytes, at);
  return bytes;
}

function entityOf(t: unknown, i: number, fail: (why: string) => never): EntityInfo {
  if (!Array.isArray(t) || t.length < 5) return fail(`entity ${i} is not a [name, kind, count, …] tuple`);
  const [name, kind, articleCount, english, forms, id] = t as unknown[];
  if (typeof name !== 'string' || name === '') fail(`entity ${i} has no name`);
  if (!KINDS.has(kind as EntityKind)) fail(`entity ${i} has an unknown kind ${JSON.stringify(kind)}`);
  if (typeof articleCount !== 'number' || typeof english !== 'string' || !Array.isArray(forms))
    fail(`entity ${i} is malformed`);
  if (id !== undefined && typeof id !== 'string') fail(`entity ${i} has a malformed id`);
  const aliases: Alias[] = [];
  const list = forms as unknown[];
  for (let k = 0; k + 1 < list.length; k += 2)
    aliases.push({ text: String(list[k]), source: list[k + 1] as AliasSource });
  const info: EntityInfo = {
    id: (id as string | undefined) ?? `e:${name as string}`,
    name: name as string,
    kind: kind as EntityKind,
    articleCount: articleCount as number,
    aliases,
  };
  if (english) info.english = english as string;
  return info;
}

/**
 * Reads and validates data/detector.bin; throws a message naming the file (`file`) and what is
 * wrong with it otherwise. The index's arrays are views over `bytes`.
 */
export function readDetectorData(bytes: ArrayBuffer | Uint8Array, file = DETECTOR_PATH): DetectorData {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}. Rebuild it with \`npm run compile-corpus\``);
  };
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.byteLength < HEADER_BYTES) fail(`truncated (${u8.byteLength} bytes, no complete header)`);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  if (view.getUint32(0, true) !== MAGIC) fail('not Factlens detector data (wrong magic)');
  const version = view.getUint32(4, true);
  if (version !== DETECTOR_DATA_VERSION)
    fail(`unsupported version ${version} (this build reads version ${DETECTOR_DATA_VERSION})`);
  const total = view.getUint32(8, true);
  if (u8.byteLength !== total)
    fail(`${u8.byteLength} bytes, the header says ${total} (truncated or damaged)`);
  const metaBytes = view.getUint32(12, true);
  const indexBytes = view.getUint32(16, true);
  const at = pad8(HEADER_BYTES + metaBytes);
  if (at + indexBytes !== total) fail('section lengths do not add up to the file size');

  let meta: Partial<DetectorMeta>;
  try {
    meta = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(u8.subarray(HEADER_BYTES, HEADER_BYTES + metaBytes)),
    );
  } catch (error) {
    return fail(`entities are not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof meta?.articleCount !== 'number') fail('"articleCount" is missing');
  if (!Array.isArray(meta.entities)) fail('"entities" is not an array');
  if (!Array.isArray(meta.otherKeys)) fail('"otherKeys" is not an array');
  const entities = (meta.entities as unknown[]).map((t, i) => entityOf(t, i, fail));

  let index: CompiledDetectorIndex;
  try {
    index = decodeDetectorIndex(u8.subarray(at, total));
  } catch (error) {
    return fail(error instanceof Error ? error.message.replace(/\. Rebuild it.*$/, '') : String(error));
  }
  return {
    articleCount: meta.articleCount as number,
    entities,
    otherKeys: meta.otherKeys as string[],
    index,
  };
}

const EMPTY_INDEX: MentionIndex = { articles: [], byEntity: {} };

/** The mention index the compiler stores in the bundle's `extra`. */
export function bundleMentionIndex(bundle: CorpusBundle): MentionIndex {
  const index = bundle.extra?.mentionIndex as MentionIndex | undefined;
  return index && Array.isArray(index.articles) && typeof index.byEntity === 'object' ? index : EMPTY_INDEX;
}

export interface CorpusSources {
  /** Reads an extension-internal file (DETECTOR_PATH, CORPUS_PATH) as bytes. */
  fetchBytes(path: string): Promise<ArrayBuffer | Uint8Array>;
  /** Reads the articles this long after the detector is ready, if nothing asked for them before. */
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
  // The briefs come from the file's entities (below), so the detector is given none of its own.
  const detector = createDetector([], { index: data.index });
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const detectorMs = performance.now() - t2;

  // Built on first use (imports only): every folded name and alias.
  let known: Set<string> | null = null;
  let stage: { lookup: EntityLookupData; byId: Map<string, Entity> } | null = null;
  const articles = loadOnce(async () => {
    const raw = await sources.fetchBytes(CORPUS_PATH);
    const read = readBundle(new TextDecoder().decode(raw));
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
  const full = () => articles.get();
  if (sources.prefetchAfterMs !== undefined)
    setTimeout(() => void full().catch(() => undefined), sources.prefetchAfterMs);

  return {
    articleCount: data.articleCount,
    entities,
    knows(form) {
      known ??= new Set([...patternKeys(data.index), ...data.otherKeys]);
      return known.has(foldKey(form));
    },
    entity: (id) => loaded().byId.get(id) ?? null,
    detect: (runs) => detector.detect(runs),
    lookup: (id) => lookupEntity(loaded().lookup, id) ?? null,
    full,
    loadMs: performance.now() - t0,
    loadTimings: { fetchMs, readMs, detectorMs },
  };
}
