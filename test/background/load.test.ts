// The background's two-stage load: data/detector.json answers matchRuns; data/corpus.json (articles)
// is read only when passages are needed, and only once.
import { describe, expect, it } from 'vitest';
import {
  CORPUS_PATH,
  DETECTOR_PATH,
  loadCorpus,
  readDetectorData,
  serializeDetectorData,
} from '../../src/background/load.ts';
import { createBundle, serializeBundle } from '../../src/corpus/bundle.ts';
import { extractEntities } from '../../src/entities/extract.ts';
import { file, load, SEED_TEXT } from '../corpus/helpers.ts';

const { articles } = load(file('seeds/seed.txt', SEED_TEXT));
const { entities, mentionIndex, detectorIndex } = extractEntities(articles);
const files: Record<string, string> = {
  [DETECTOR_PATH]: serializeDetectorData(articles.length, entities, detectorIndex),
  [CORPUS_PATH]: serializeBundle(createBundle(articles, { entities, extra: { mentionIndex } })),
};

function sources() {
  const fetched: string[] = [];
  return {
    fetched,
    fetchText: async (path: string) => {
      fetched.push(path);
      const text = files[path];
      if (text === undefined) throw new Error(`no ${path}`);
      return text;
    },
  };
}

describe('background corpus load', () => {
  it('marks from the detector data alone, and reads the articles once, on demand', async () => {
    const src = sources();
    const corpus = await loadCorpus(src);
    expect(src.fetched).toEqual([DETECTOR_PATH]);
    const mentions = corpus.detect(['外长拉夫罗夫会见王毅']);
    expect(mentions.map((m) => m.text)).toEqual(['拉夫罗夫', '王毅']);
    const id = mentions[0]?.entityId as string;
    expect(() => corpus.lookup(id)).toThrow(/not loaded yet/);
    await Promise.all([corpus.full(), corpus.full()]);
    expect(src.fetched).toEqual([DETECTOR_PATH, CORPUS_PATH]);
    const card = corpus.lookup(id);
    expect(card?.passages[0]?.url).toMatch(/^https:\/\/www\.dw\.com\/.*a-68774250$/);
    expect(card?.passages[0]?.text).toContain('拉夫羅夫');
  });

  it('retries the articles after a failed read', async () => {
    let fail = true;
    const corpus = await loadCorpus({
      fetchText: async (path) => {
        if (path === CORPUS_PATH && fail) throw new Error('worker went away');
        return files[path] as string;
      },
    });
    await expect(corpus.full()).rejects.toThrow('worker went away');
    fail = false;
    expect((await corpus.full()).articles).toHaveLength(1);
  });

  it('refuses detector data of another format or version with a clear message', () => {
    expect(() => readDetectorData('{')).toThrow(/detector data: not valid JSON/);
    expect(() => readDetectorData('{"format":"x"}')).toThrow(/detector data: format is "x"/);
    const doc = JSON.parse(files[DETECTOR_PATH] as string);
    expect(() => readDetectorData(JSON.stringify({ ...doc, version: 2 }))).toThrow(
      /unsupported version 2.*npm run compile-corpus/,
    );
  });
});
