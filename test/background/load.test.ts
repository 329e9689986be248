// The background's two-stage load: data/detector.bin (briefs + compiled detector index) answers
// matchRuns; data/corpus.json (articles, full entities) is read only when passages are needed, and
// only once. The binary file is validated with errors that name it.
import { describe, expect, it, vi } from 'vitest';
import {
  CORPUS_PATH,
  DETECTOR_DATA_VERSION,
  DETECTOR_PATH,
  loadCorpus,
  readDetectorData,
  serializeDetectorData,
} from '../../src/background/load.ts';
import { createBundle, serializeBundle } from '../../src/corpus/bundle.ts';
import { extractEntities } from '../../src/entities/extract.ts';
import type { Entity } from '../../src/entities/types.ts';
import {
  type CompiledDetectorIndex,
  compileDetectorIndex,
  createDetector,
} from '../../src/match/detector.ts';
import { file, load, SEED_TEXT } from '../corpus/helpers.ts';

const { articles } = load(file('seeds/seed.txt', SEED_TEXT));
const { entities, mentionIndex, detectorIndex } = extractEntities(articles);
const compiled = detectorIndex as CompiledDetectorIndex;
const files: Record<string, Uint8Array> = {
  [DETECTOR_PATH]: serializeDetectorData(articles.length, entities, compiled),
  [CORPUS_PATH]: new TextEncoder().encode(
    serializeBundle(createBundle(articles, { entities, extra: { mentionIndex } })),
  ),
};
const detectorBytes = files[DETECTOR_PATH] as Uint8Array;

function sources() {
  const fetched: string[] = [];
  return {
    fetched,
    fetchBytes: async (path: string) => {
      fetched.push(path);
      const bytes = files[path];
      if (bytes === undefined) throw new Error(`no ${path}`);
      return bytes;
    },
    fetchText: async (path: string) => {
      fetched.push(path);
      const bytes = files[path];
      if (bytes === undefined) throw new Error(`no ${path}`);
      return new TextDecoder().decode(bytes);
    },
  };
}

/** A copy of the detector file with `edit` applied to its bytes. */
function damaged(edit: (bytes: Uint8Array, view: DataView) => void): Uint8Array {
  const copy = detectorBytes.slice();
  edit(copy, new DataView(copy.buffer));
  return copy;
}

describe('background corpus load', () => {
  it('is a compiled index from the extractor', () => {
    expect(compiled.version).toBe(2);
  });

  it('marks from the detector data alone, and reads the articles once, on demand', async () => {
    const src = sources();
    const corpus = await loadCorpus(src);
    expect(src.fetched).toEqual([DETECTOR_PATH]);
    const mentions = corpus.detect(['外长拉夫罗夫会见王毅']);
    expect(mentions.map((m) => m.text)).toEqual(['拉夫罗夫', '王毅']);
    const id = mentions[0]?.entityId as string;
    expect(() => corpus.lookup(id)).toThrow(/not loaded yet/);
    expect(() => corpus.entity(id)).toThrow(/not loaded yet/);
    await Promise.all([corpus.full(), corpus.full()]);
    expect(src.fetched).toEqual([DETECTOR_PATH, CORPUS_PATH]);
    const card = corpus.lookup(id);
    expect(card?.passages[0]?.url).toMatch(/^https:\/\/www\.dw\.com\/.*a-68774250$/);
    expect(card?.passages[0]?.text).toContain('拉夫羅夫');
    expect(corpus.entity(id)).toEqual(entities.find((e) => e.id === id));
  });

  it('gives every entity its brief and its other-script forms before the articles', async () => {
    const corpus = await loadCorpus(sources());
    expect(corpus.entities.size).toBe(entities.length);
    for (const e of entities) {
      const info = corpus.entities.get(e.id);
      expect(info).toBeDefined();
      expect({ ...info, aliases: undefined }).toEqual({
        id: e.id,
        name: e.name,
        kind: e.kind,
        articleCount: e.articleCount,
        english: e.english,
        aliases: undefined,
      });
      // Only aliases of the name's own length that fold to it (the other script), each a real alias.
      for (const a of info?.aliases ?? []) {
        expect(e.aliases).toContainEqual(a);
        expect(a.text.length).toBe(e.name.length);
      }
    }
    const lavrov = [...corpus.entities.values()].find((e) => e.name === '拉夫羅夫');
    expect(lavrov?.aliases.map((a) => a.text)).toEqual(['拉夫罗夫']);
  });

  it('knows every name and alias, folded, before the articles', async () => {
    const corpus = await loadCorpus(sources());
    for (const e of entities) {
      for (const text of [e.name, ...e.aliases.map((a) => a.text)])
        expect(corpus.knows(text), text).toBe(true);
    }
    expect(corpus.knows('拉夫罗夫')).toBe(true);
    expect(corpus.knows('SERGEI LAVROV')).toBe(entities.some((e) => e.english === 'Sergei Lavrov'));
    expect(corpus.knows('王毅毅')).toBe(false);
  });

  it('knows forms the detector leaves out (shared by two entities, too short)', async () => {
    const two: Entity[] = [
      {
        id: 'e:甲',
        name: '甲乙',
        kind: 'person',
        aliases: [{ text: 'Jia', source: 'pinyin' }],
        articleCount: 1,
      },
      {
        id: 'e:丙',
        name: '丙丁',
        kind: 'person',
        aliases: [{ text: 'Jia', source: 'pinyin' }],
        articleCount: 1,
      },
      { id: 'e:戊', name: '戊', kind: 'place', aliases: [], articleCount: 1 },
    ];
    const bytes = serializeDetectorData(3, two, compileDetectorIndex(two, []));
    const corpus = await loadCorpus({ ...sources(), fetchBytes: async () => bytes });
    expect(corpus.detect(['Jia 甲乙 戊']).map((m) => m.text)).toEqual(['甲乙']);
    expect(corpus.knows('jia')).toBe(true);
    expect(corpus.knows('戊')).toBe(true);
    expect(corpus.entities.get('e:甲')?.name).toBe('甲乙');
    expect(readDetectorData(bytes).otherKeys()).toEqual(['jia', '戊']);
  });

  it('prefetches the articles once pages stop asking for marks, at the latest 5× the quiet time', async () => {
    vi.useFakeTimers();
    try {
      const src = sources();
      const corpus = await loadCorpus({ ...src, prefetchAfterMs: 100 });
      const readArticles = () => src.fetched.includes(CORPUS_PATH);
      await vi.advanceTimersByTimeAsync(90);
      corpus.detect(['王毅']);
      await vi.advanceTimersByTimeAsync(90);
      expect(readArticles()).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      expect(readArticles()).toBe(true);
      // Marks asked for without pause: read anyway, 5 × 100 ms after the detector was ready.
      const busy = sources();
      const second = await loadCorpus({ ...busy, prefetchAfterMs: 100 });
      for (let t = 0; t < 480; t += 40) {
        second.detect(['王毅']);
        await vi.advanceTimersByTimeAsync(40);
      }
      expect(busy.fetched).toEqual([DETECTOR_PATH]);
      second.detect(['王毅']);
      await vi.advanceTimersByTimeAsync(40);
      expect(busy.fetched).toEqual([DETECTOR_PATH, CORPUS_PATH]);
      // Asked for before the prefetch: read once.
      const asked = sources();
      const third = await loadCorpus({ ...asked, prefetchAfterMs: 100 });
      await third.full();
      await vi.advanceTimersByTimeAsync(1000);
      expect(asked.fetched).toEqual([DETECTOR_PATH, CORPUS_PATH]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when the prefetch of the articles fails, and reads them again when asked', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      let fail = true;
      const src = sources();
      const corpus = await loadCorpus({
        ...src,
        prefetchAfterMs: 100,
        fetchText: async (path) => {
          if (path === CORPUS_PATH && fail) throw new Error('worker went away');
          return src.fetchText(path);
        },
      });
      await vi.advanceTimersByTimeAsync(150);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/prefetch of the articles failed/),
        expect.objectContaining({ message: 'worker went away' }),
      );
      fail = false;
      expect((await corpus.full()).articles).toHaveLength(1);
    } finally {
      warn.mockRestore();
      vi.useRealTimers();
    }
  });

  it('retries the articles after a failed read', async () => {
    let fail = true;
    const src = sources();
    const corpus = await loadCorpus({
      ...src,
      fetchText: async (path) => {
        if (path === CORPUS_PATH && fail) throw new Error('worker went away');
        return src.fetchText(path);
      },
    });
    await expect(corpus.full()).rejects.toThrow('worker went away');
    fail = false;
    expect((await corpus.full()).articles).toHaveLength(1);
  });

  it("drops what the CLI's detector drops, from the detector data alone", async () => {
    // The filters after matching read each entity's kind and English name (the worker: its entity
    // table) and the everyday-word flag of each pattern (the index). Without them the worker kept
    // Gates in "Robert Gates", West opening a sentence and 福尔曼 named otherwise in brackets.
    const make = (name: string, kind: Entity['kind'], aliases: string[], extra: Partial<Entity> = {}) =>
      ({
        id: `e:${name}`,
        name,
        kind,
        articleCount: 3,
        aliases: aliases.map((text) => ({ text, source: 'cedict' as const })),
        ...extra,
      }) satisfies Entity;
    const own = [
      make('比尔·盖茨', 'person', ['Bill Gates', 'Gates'], { english: 'Bill Gates' }),
      make('西方', 'place', ['West'], { english: 'the West', everydayKeys: ['west'] }),
      make('乔治·福尔曼', 'person', ['福尔曼', 'George Foreman'], { english: 'George Foreman' }),
    ];
    const index = compileDetectorIndex(own, []);
    const bytes = serializeDetectorData(1, own, index);
    const corpus = await loadCorpus({ ...sources(), fetchBytes: async () => bytes });
    const runs = [
      'The deal was signed by Robert Gates, a former secretary. Bill Gates agreed.',
      'West of the river, it rained.',
      '德国官员福尔曼（Johann Fuhrmann）表示反对。',
    ];
    const cli = createDetector(own, { index });
    const texts = (ms: readonly { run: number; text: string }[]) => ms.map((m) => `${m.run}:${m.text}`);
    expect(texts(corpus.detect(runs))).toEqual(['0:Bill Gates']);
    expect(texts(corpus.detect(runs))).toEqual(texts(cli.detect(runs)));
  });

  it('writes the same bytes when the same articles are compiled again', () => {
    const second = extractEntities(load(file('seeds/seed.txt', SEED_TEXT)).articles);
    const again = serializeDetectorData(
      articles.length,
      second.entities,
      second.detectorIndex as CompiledDetectorIndex,
    );
    expect(Buffer.from(again).equals(Buffer.from(detectorBytes))).toBe(true);
  });

  it('reads an ArrayBuffer and a Uint8Array that does not start on a word boundary', () => {
    const buffer = detectorBytes.slice().buffer;
    expect(readDetectorData(buffer).entities.size).toBe(entities.length);
    const shifted = new Uint8Array(detectorBytes.byteLength + 1);
    shifted.set(detectorBytes, 1);
    const data = readDetectorData(shifted.subarray(1));
    expect(data.articleCount).toBe(1);
    expect(data.index.patternCount).toBe(compiled.patternCount);
  });

  it('refuses a damaged file or another version with a message naming the file', () => {
    const read = (bytes: Uint8Array) => () => readDetectorData(bytes);
    expect(read(new TextEncoder().encode('{"format":"factlens-detector-data"}'))).toThrow(
      /^\/data\/detector\.bin: not Factlens detector data \(wrong magic\)/,
    );
    expect(read(new Uint8Array(3))).toThrow(/detector\.bin: truncated \(3 bytes/);
    expect(read(damaged((_, v) => v.setUint32(4, DETECTOR_DATA_VERSION + 1, true)))).toThrow(
      /detector\.bin: unsupported version 4 \(this build reads version 3\).*npm run compile-corpus/,
    );
    expect(read(detectorBytes.subarray(0, detectorBytes.byteLength - 8))).toThrow(
      /detector\.bin: \d+ bytes, the header says \d+ \(truncated or damaged\)/,
    );
    expect(read(damaged((_, v) => v.setUint32(20, v.getUint32(20, true) - 4, true)))).toThrow(
      /detector\.bin: section lengths do not add up/,
    );
    expect(() => readDetectorData(new Uint8Array(0), 'data/x.bin')).toThrow(/^data\/x\.bin: truncated/);
  });

  it('refuses a damaged entity table, naming the file', () => {
    const table = entityTable(detectorBytes);
    const read = (edit: (t: Uint8Array, v: DataView) => void) => () =>
      readDetectorData(damaged((b) => edit(b.subarray(24, 24 + table.bytes), new DataView(b.buffer, 24))));
    expect(read((_, v) => v.setUint32(0, table.count + 1, true))).toThrow(
      /^\/data\/detector\.bin: entity table of \d+ bytes does not hold \d+ entities and \d+ strings\. Rebuild it/,
    );
    // A name's bytes overwritten: no longer UTF-8 (0xff never is).
    expect(read((t) => t.fill(0xff, table.text, table.text + 1))).toThrow(
      /detector\.bin: entity table: names are not valid UTF-8/,
    );
    expect(read((t) => t.fill(9, table.kinds, table.kinds + 1))).toThrow(
      /detector\.bin: entity table: entity 0 has an unknown kind/,
    );
    expect(read((_, v) => v.setUint32(12, 1 << 30, true))).toThrow(/entity table: string offsets/);
    // Two entities' places swapped in the offsets: the ids are out of order.
    expect(
      read((t, v) => {
        const a = v.getUint32(table.firsts + 4, true);
        v.setUint32(table.firsts + 4, v.getUint32(table.firsts + 8, true), true);
        v.setUint32(table.firsts + 8, a, true);
        void t;
      }),
    ).toThrow(/entity table: (ids out of order|entity 1 has no id)/);
  });

  it("refuses a damaged index, with the codec's reason under the file's name", () => {
    const at = (24 + entityTable(detectorBytes).bytes + 7) & ~7;
    expect(() => readDetectorData(damaged((b) => void b.fill(0, at, at + 4)))).toThrow(
      /^\/data\/detector\.bin: detector index: not a factlens detector index \(wrong magic\)\. Rebuild/,
    );
  });
});

/** Where the parts of the entity table lie (byte offsets inside the table; see entity-table.ts). */
function entityTable(file: Uint8Array) {
  const v = new DataView(file.buffer, file.byteOffset);
  const bytes = v.getUint32(16, true);
  const count = v.getUint32(24, true);
  const strings = v.getUint32(28, true);
  const pad4 = (n: number) => (n + 3) & ~3;
  const ends = 12;
  const firsts = ends + strings * 4;
  const counts = firsts + (count + 1) * 4;
  const kinds = counts + count * 4;
  const sources = kinds + pad4(count);
  const text = sources + pad4(strings);
  return { bytes, count, strings, firsts, kinds, sources, text };
}
