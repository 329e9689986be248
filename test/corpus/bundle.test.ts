// The compiled bundle: byte-identical output for the same input (whatever the file order),
// a lossless round trip through readBundle, and clear rejections of foreign or newer bundles.
import { BundleError, createBundle, readBundle, serializeBundle } from '../../src/corpus/bundle.ts';
import type { Entity } from '../../src/entities/types.ts';
import { article, file, frontMatterArticle, load, SEED_PATH, SEED_TEXT } from './helpers.ts';

const files = [
  file(SEED_PATH, SEED_TEXT),
  file('seeds/a.txt', article({ url: 'https://www.dw.com/zh/a/a-1' })),
  file('seeds/b.md', frontMatterArticle()),
  file('seeds/c.txt', article({ url: 'https://example.org/news/1', ms: '1712654223000' })),
];
const entities: Entity[] = [
  {
    id: 'e:王毅',
    name: '王毅',
    kind: 'person',
    aliases: [{ text: '王毅', source: 'corpus' }],
    articleCount: 1,
  },
];

describe('corpus bundle', () => {
  it('is byte-identical for the same input, whatever the order of the files', () => {
    const a = serializeBundle(
      createBundle(load(...files).articles, { entities, extra: { b: 1, a: { z: 2, y: 3 } } }),
    );
    const b = serializeBundle(
      createBundle(load(...[...files].reverse()).articles, { entities, extra: { a: { y: 3, z: 2 }, b: 1 } }),
    );
    expect(a).toBe(b);
    expect(a.startsWith('{"format":"factlens-corpus","version":1,')).toBe(true);
  });

  it('round-trips the articles, entities and extra indexes', () => {
    const bundle = createBundle(load(...files).articles, { entities, extra: { search: { terms: 3 } } });
    const back = readBundle(serializeBundle(bundle));
    expect(back).toEqual(bundle);
    // Newest first, equal times by id; a URL without a DW id gets a stable hash id.
    expect(back.articles.map((x) => x.id)).toEqual([
      '1',
      '68774250',
      expect.stringMatching(/^h[0-9a-f]{16}$/),
      '456',
    ]);
  });

  it('stores no text twice: image captions point at their passages', () => {
    const json = serializeBundle(createBundle(load(file(SEED_PATH, SEED_TEXT)).articles));
    expect(json.split('中國外長王毅9日在北京會晤俄國外長拉夫羅夫。').length - 1).toBe(1);
    expect(json.split('2023年初，一位女性在黑龙江省黑河市直播').length - 1).toBe(1);
  });

  it('rejects a wrong version with a clear message', () => {
    const json = serializeBundle(createBundle([])).replace('"version":1', '"version":2');
    expect(() => readBundle(json)).toThrow(BundleError);
    expect(() => readBundle(json)).toThrow(
      'corpus bundle: unsupported version 2; this build reads version 1. Rebuild the bundle with `npm run compile-corpus`',
    );
  });

  it('rejects other JSON and broken JSON', () => {
    expect(() => readBundle('{"format":"something-else","version":1}')).toThrow(
      'corpus bundle: not a Factlens corpus bundle (format is "something-else", expected "factlens-corpus")',
    );
    expect(() => readBundle('{"format":"factlens-corpus"')).toThrow(/^corpus bundle: not valid JSON \(/);
    expect(() => readBundle('[]')).toThrow('corpus bundle: not a JSON object');
    expect(() => readBundle('{"format":"factlens-corpus","version":1,"articles":{},"entities":[]}')).toThrow(
      'corpus bundle: "articles" is not an array',
    );
  });
});
