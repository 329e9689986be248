// The bundled seed article parses exactly: passage counts by kind, dateline removed, images
// un-proxied with captions, ArticleRef links, no boilerplate, per-passage script.
import { parseArticle } from '../../src/corpus/parse.ts';
import type { Article, PassageKind } from '../../src/corpus/types.ts';
import { NOW, SEED_PATH, SEED_TEXT } from './helpers.ts';

const result = parseArticle(SEED_TEXT, SEED_PATH, { now: NOW });
const seed = result.article as Article;
const texts = (kind: PassageKind) => seed.passages.filter((p) => p.kind === kind);

describe('the seed article', () => {
  it('parses without errors or warnings', () => {
    expect(result.issues).toEqual([]);
    expect(seed).toBeDefined();
  });

  it('has the header facts', () => {
    expect(seed.id).toBe('68774250');
    expect(seed.title).toBe('中俄齊抗西方制裁 王毅：反對「築牆設壘」');
    expect(seed.url).toMatch(/^https:\/\/www\.dw\.com\/zh\/.*\/a-68774250$/);
    expect(seed.publishedAt).toBe(new Date(1712654223000).toISOString());
    expect(seed.publishedAt).toBe('2024-04-09T09:17:03.000Z');
    expect(seed.updatedAt).toBe('2024-04-09T09:01:25.471Z');
    expect(seed.author).toBeUndefined();
    expect(seed.source).toBe('Deutsche Welle');
    expect(seed.script).toBe('zh-Hant');
    expect(seed.file).toBe(SEED_PATH);
  });

  it('has exactly the passages by kind', () => {
    const counts: Record<string, number> = {};
    for (const p of seed.passages) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
    expect(counts).toEqual({
      paragraph: 15,
      subheading: 2,
      byline: 1,
      caption: 2,
      'gallery-heading': 1,
      'gallery-item': 8,
    });
  });

  it('removes the dateline from the first paragraph', () => {
    const first = texts('paragraph')[0]?.text ?? '';
    expect(first.startsWith('俄羅斯外長拉夫羅夫（Sergei Lavrov）週二（4月9日）在北京會晤')).toBe(true);
    expect(seed.passages.some((p) => p.text.includes('德國之聲中文網'))).toBe(false);
  });

  it('keeps subheadings, byline, captions and the gallery', () => {
    expect(texts('subheading').map((p) => p.text)).toEqual(['中俄深化關係', '中國再對俄烏議題表態']);
    expect(texts('byline').map((p) => p.text)).toEqual(['（綜合報導）']);
    expect(texts('caption').map((p) => p.text)).toEqual([
      '中國外長王毅9日在北京會晤俄國外長拉夫羅夫。',
      '俄國今年3月舉行總統選舉，普丁拿到超過8成票數，但選舉遭批評「既不自由，也不公平」。（資料照）',
    ]);
    expect(texts('gallery-heading').map((p) => p.text)).toEqual(['2023年中俄关系：没有最高只有更高？']);
    const items = texts('gallery-item');
    expect(items.every((p) => p.title && p.title.length > 0)).toBe(true);
    expect(items[0]?.title).toBe('中俄关系“历史最好时期”');
    expect(items[0]?.text.startsWith('2023年初，一位女性在黑龙江省黑河市直播')).toBe(true);
    expect(items[7]?.title).toBe('2024年：中俄建交75周年');
  });

  it('ends with the byline and has no copyright text', () => {
    expect(seed.passages.at(-1)?.kind).toBe('byline');
    expect(seed.passages.some((p) => /版權聲明|版权声明|©/.test(p.text))).toBe(false);
  });

  it('records the script per passage: Traditional text, Simplified gallery', () => {
    expect(texts('paragraph').every((p) => p.script === 'zh-Hant')).toBe(true);
    expect(texts('gallery-heading')[0]?.script).toBe('zh-Hans');
    expect(texts('gallery-item').every((p) => p.script === 'zh-Hans')).toBe(true);
  });

  it('un-proxies images and keeps their captions', () => {
    expect(seed.images).toHaveLength(10);
    expect(seed.images[0]).toEqual({
      url: 'https://static.dw.com/image/68773106_303.jpg',
      caption: '中國外長王毅9日在北京會晤俄國外長拉夫羅夫。',
    });
    expect(seed.images.every((i) => i.url.startsWith('https://static.dw.com/image/'))).toBe(true);
    expect(seed.images[2]?.caption.startsWith('2023年初，一位女性')).toBe(true);
  });

  it('has the 8 ArticleRef links with their anchor text', () => {
    expect(seed.links.map((l) => l.id)).toEqual([
      '68761339',
      '68595199',
      '67156440',
      '68767920',
      '64805782',
      '65054944',
      '68641601',
      '68490761',
    ]);
    expect(seed.links[0]).toEqual({ id: '68761339', text: '拉夫羅夫此行' });
    expect(seed.videos).toEqual([]);
  });

  it('has plain text only: no markup, entities decoded, whitespace normalised', () => {
    for (const p of seed.passages) {
      expect(p.text).not.toMatch(/[<>]|&[a-z]+;|\s{2}|^\s|\s$/);
    }
  });
});
