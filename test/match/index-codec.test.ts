// The binary detector index (src/match/index-codec.ts) that data/detector.bin carries: a round trip
// gives the same arrays and the same mentions, the arrays are views over the file's bytes, the bytes
// are deterministic, and a damaged file is refused with a clear reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEntityData } from '../../src/entities/node-data.ts';
import type { Entity } from '../../src/entities/types.ts';
import {
  type CompiledDetectorIndex,
  compileDetectorIndex,
  createDetector,
  type DetectorIndexJson,
  detectorIndexJson,
} from '../../src/match/detector.ts';
import {
  DETECTOR_INDEX_BINARY_VERSION,
  decodeDetectorIndex,
  encodeDetectorIndex,
} from '../../src/match/index-codec.ts';

let entities: Entity[];
let dictionaryWords: string[];
let compiled: CompiledDetectorIndex;

const RUNS = [
  '中國外長王毅9日在北京會晤俄國外長拉夫羅夫，普京和習近平通了電話。',
  '他說一口四川普通話，「川普又來了」。',
  "Vladimir Putin's spokesman said Sergey Lavrov met Wang Yi; la NATO e la Nato.",
  '普丁與 Putin 與 一帶一路',
];

beforeAll(async () => {
  const { data } = await loadEntityData([]);
  entities = data.entities;
  dictionaryWords = data.dictionaryWords;
  compiled = compileDetectorIndex(entities, dictionaryWords);
}, 60_000);

function fields(index: CompiledDetectorIndex) {
  const { format, version, patternCount, strings, ownerCount, owners, originals, matcher } = index;
  return { format, version, patternCount, strings, ownerCount, owners, originals, matcher };
}

describe('binary detector index', () => {
  it('round-trips: the same arrays and strings, and a detector that finds the same mentions', () => {
    expect(compiled.patternCount).toBeGreaterThan(10);
    const decoded = decodeDetectorIndex(encodeDetectorIndex(compiled));
    expect(fields(decoded)).toEqual(fields(compiled));
    const fresh = createDetector(entities, { dictionaryWords }).detect(RUNS);
    expect(fresh.length).toBeGreaterThan(3);
    expect(createDetector(entities, { index: decoded }).detect(RUNS)).toEqual(fresh);
    expect(createDetector(entities, { index: compiled }).detect(RUNS)).toEqual(fresh);
  });

  it('keeps weak keys (Entity.weakKeys) in both forms', () => {
    const pu = entities.find((e) => e.name === '普丁') as Entity;
    const weakened = entities.map((e) => (e === pu ? { ...e, weakKeys: ['普丁'] } : e));
    const index = compileDetectorIndex(weakened, dictionaryWords);
    const weakOf = (json: DetectorIndexJson) => json.patterns.filter((p) => p[3] === 1).map((p) => p[0]);
    const json = JSON.parse(JSON.stringify(index)) as DetectorIndexJson;
    expect(weakOf(json)).toEqual(['普丁']);
    expect(weakOf(detectorIndexJson(decodeDetectorIndex(encodeDetectorIndex(index))))).toEqual(['普丁']);
    expect(weakOf(JSON.parse(JSON.stringify(compiled)) as DetectorIndexJson)).toEqual([]);
    // Outside a tie a weak key matches as before.
    for (const detector of [createDetector(weakened, { index }), createDetector(weakened, { index: json })])
      expect(detector.detect(['普丁與習近平']).map((m) => m.text)).toContain('普丁');
  });

  it('wraps the bytes without copying them', () => {
    const bytes = encodeDetectorIndex(compiled);
    const decoded = decodeDetectorIndex(bytes.buffer as ArrayBuffer);
    expect(decoded.matcher.trie.nodes.buffer).toBe(bytes.buffer);
    expect(decoded.matcher.lexicon.pairs.buffer).toBe(bytes.buffer);
    expect(decoded.matcher.edgeGrams.buffer).toBe(bytes.buffer);
    expect(decoded.owners.buffer).toBe(bytes.buffer);
  });

  it('reads a Uint8Array that does not start on a 4-byte boundary', () => {
    const bytes = encodeDetectorIndex(compiled);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const decoded = decodeDetectorIndex(shifted.subarray(1));
    expect(fields(decoded)).toEqual(fields(compiled));
  });

  it('gives the same bytes for the same input', () => {
    const again = compileDetectorIndex(entities, dictionaryWords);
    expect(encodeDetectorIndex(again)).toEqual(encodeDetectorIndex(compiled));
    const reencoded = encodeDetectorIndex(decodeDetectorIndex(encodeDetectorIndex(compiled)));
    expect(reencoded).toEqual(encodeDetectorIndex(compiled));
  });

  it('keeps strings exact, also across a BOM, astral characters and empty alias lists', () => {
    const odd: Entity[] = [
      { id: 'e:\ufeff甲乙', name: '\ufeff甲乙', kind: 'topic', aliases: [], articleCount: 1 },
      {
        id: 'e:𠀀𠀁',
        name: '𠀀𠀁',
        kind: 'person',
        aliases: [{ text: 'Ｚｈａｏ Ｑｉ', source: 'pinyin' }],
        articleCount: 1,
      },
    ];
    const index = compileDetectorIndex(odd, []);
    const decoded = decodeDetectorIndex(encodeDetectorIndex(index));
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(index));
    expect(createDetector(odd, { index: decoded }).detect(['見𠀀𠀁與Zhao Qi'])).toEqual(
      createDetector(odd).detect(['見𠀀𠀁與Zhao Qi']),
    );
  });

  it('says clearly what is wrong with a damaged file', () => {
    const bytes = encodeDetectorIndex(compiled);
    expect(() => decodeDetectorIndex(bytes.slice(0, bytes.length - 4))).toThrow(/truncated/);
    expect(() => decodeDetectorIndex(bytes.slice(0, 20))).toThrow(/truncated.*no complete header/);
    expect(() => decodeDetectorIndex(new Uint8Array(0))).toThrow(/truncated/);
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    expect(() => decodeDetectorIndex(longer)).toThrow(/unexpected bytes after the end/);
    const version = bytes.slice();
    new DataView(version.buffer).setUint32(4, DETECTOR_INDEX_BINARY_VERSION + 1, true);
    expect(() => decodeDetectorIndex(version)).toThrow(
      new RegExp(`unsupported version ${DETECTOR_INDEX_BINARY_VERSION + 1}`),
    );
    const magic = bytes.slice();
    magic[0] = 0x7b; // '{': a JSON file
    expect(() => decodeDetectorIndex(magic)).toThrow(/not a factlens detector index/);
    const sections = bytes.slice();
    const view = new DataView(sections.buffer);
    view.setUint32(36, view.getUint32(36, true) + 4, true);
    expect(() => decodeDetectorIndex(sections)).toThrow(/section lengths/);
  });

  it("still writes and reads the JSON form (the CLI's entity cache)", () => {
    const json = JSON.parse(JSON.stringify(compiled)) as DetectorIndexJson;
    expect(json.version).toBe(1);
    expect(json.patterns.length).toBe(compiled.patternCount);
    expect(createDetector(entities, { index: json }).detect(RUNS)).toEqual(
      createDetector(entities, { index: compiled }).detect(RUNS),
    );
  });
});
