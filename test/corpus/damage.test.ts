// Every kind of damaged input gets one clear message naming the file and line, and never costs
// the other files: each case loads the broken file next to the intact seed.
import { MAX_FILE_BYTES } from '../../src/corpus/decode.ts';
import type { CorpusFile } from '../../src/corpus/load.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { parseArticle } from '../../src/corpus/parse.ts';
import { article, bytes, file, frontMatterArticle, load, NOW, SEED_PATH, SEED_TEXT } from './helpers.ts';

const seedFile = () => file(SEED_PATH, SEED_TEXT);

/** Loads the broken file with the seed; the seed must survive. */
function damaged(name: string, content: string | Uint8Array) {
  const result = load(file(name, content), seedFile());
  expect(result.articles.map((a) => a.file)).toContain(SEED_PATH);
  return result;
}

const concat = (...parts: (string | number[] | Uint8Array)[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? bytes(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

describe('damaged files: errors (the file is dropped, the others load)', () => {
  it('1 empty file', () => {
    expect(damaged('seeds/empty.txt', '').messages).toEqual(['seeds/empty.txt: empty file']);
  });

  it('2 only blank lines', () => {
    expect(damaged('seeds/blank.txt', '\n  \n\n').messages).toEqual([
      'seeds/blank.txt:1: no content (only blank lines)',
    ]);
  });

  it('3 binary file (PNG)', () => {
    const png = concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR');
    expect(damaged('seeds/image.txt', png).messages).toEqual([
      'seeds/image.txt:1: binary file (PNG image), not an article',
    ]);
  });

  it('4 binary file (NUL bytes throughout)', () => {
    const data = new Uint8Array(4000).map((_, i) => (i * 37) % 251);
    expect(damaged('seeds/random.txt', data).messages).toEqual([
      'seeds/random.txt:1: binary file (16 NUL bytes), not an article',
    ]);
  });

  it('5 UTF-16 with a byte-order mark', () => {
    const text = article();
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(damaged('seeds/utf16.txt', utf16).messages).toEqual([
      'seeds/utf16.txt:1: UTF-16 text (little-endian byte-order mark); save the file as UTF-8',
    ]);
  });

  it('6 UTF-16 without a byte-order mark', () => {
    const text = '<!--1712654223000-->\n[title](https://www.dw.com/a-1)\n------\n<p>text</p>\n';
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[i * 2 + 1] = text.charCodeAt(i);
    expect(damaged('seeds/utf16be.txt', utf16).messages).toEqual([
      'seeds/utf16be.txt:1: UTF-16 text (big-endian, no byte-order mark); save the file as UTF-8',
    ]);
  });

  it('7 GBK-encoded Chinese', () => {
    // 中文新闻 in GBK: D6 D0 CE C4 D0 C2 CE C5
    const gbk = concat(
      '<!--1712654223000-->\n[',
      [0xd6, 0xd0, 0xce, 0xc4, 0xd0, 0xc2, 0xce, 0xc5],
      '](https://www.dw.com/zh/x/a-9)\n',
    );
    expect(damaged('seeds/gbk.txt', gbk).messages).toEqual([
      'seeds/gbk.txt:2: not UTF-8: looks like GBK/GB18030-encoded Chinese (byte 0xD6); save the file as UTF-8',
    ]);
  });

  it('8 invalid UTF-8 of an unknown encoding', () => {
    const latin1 = concat('<!--1712654223000-->\n\n[caf', [0xe9], ' ](https://www.dw.com/a-1)\n');
    expect(damaged('seeds/latin1.txt', latin1).messages).toEqual([
      'seeds/latin1.txt:3: not valid UTF-8 (byte 0xE9 at offset 26); binary file or unknown encoding',
    ]);
  });

  it('9 a 50 MB file is refused by size, without decoding', () => {
    const huge = new Uint8Array(50 * 1024 * 1024);
    expect(damaged('seeds/huge.txt', huge).messages).toEqual([
      'seeds/huge.txt: file is 50.0 MB, larger than the 5 MB limit for one article; not read',
    ]);
    // The Node reader passes only the size of such files.
    const unread: CorpusFile = { name: 'seeds/huge.md', bytes: new Uint8Array(0), size: MAX_FILE_BYTES + 1 };
    expect(load(unread).messages).toEqual([
      'seeds/huge.md: file is 5.0 MB, larger than the 5 MB limit for one article; not read',
    ]);
  });

  it('10 missing timestamp', () => {
    const text = article().split('\n').slice(1).join('\n');
    expect(damaged('seeds/x.txt', text).messages).toEqual([
      'seeds/x.txt:1: expected the publication time comment "<!--milliseconds since 1970-->"',
    ]);
  });

  it('11 non-numeric timestamp', () => {
    expect(damaged('seeds/x.txt', article({ ms: 'yesterday' })).messages).toEqual([
      'seeds/x.txt:1: publication time "yesterday" is not a number of milliseconds since 1970',
    ]);
  });

  it('12 a date in the far past (seconds instead of milliseconds)', () => {
    expect(damaged('seeds/x.txt', article({ ms: '1712654223' })).messages).toEqual([
      'seeds/x.txt:1: publication time 1712654223 is 1970-01-20T19:44:14.223Z, before 1990: not a plausible date (seconds instead of milliseconds?)',
    ]);
  });

  it('13 a date in the far future', () => {
    expect(damaged('seeds/x.txt', article({ ms: '4102444800000' })).messages).toEqual([
      'seeds/x.txt:1: publication time 4102444800000 is 2100-01-01T00:00:00.000Z, in the future',
    ]);
  });

  it('14 missing title link', () => {
    const text = article().replace(/^\[.*\n/m, '');
    expect(damaged('seeds/x.txt', text).messages).toEqual([
      'seeds/x.txt:2: expected a markdown link "[title](url)"',
    ]);
  });

  it('15 empty title', () => {
    expect(damaged('seeds/x.txt', article({ title: ' ' })).messages).toEqual([
      'seeds/x.txt:2: empty title in "[title](url)"',
    ]);
  });

  it('16 bad URL', () => {
    expect(damaged('seeds/x.txt', article({ url: 'www.dw.com/zh/a-1' })).messages).toEqual([
      'seeds/x.txt:2: bad URL "www.dw.com/zh/a-1": not an absolute http(s) URL',
    ]);
  });

  it('17 a javascript: URL as the article URL', () => {
    expect(damaged('seeds/x.txt', article({ url: 'javascript:alert(1)' })).messages).toEqual([
      'seeds/x.txt:2: bad URL "javascript:alert(1)": scheme javascript: is not http(s)',
    ]);
  });

  it('18 missing dash line', () => {
    expect(damaged('seeds/x.txt', article({ dash: '' })).messages).toEqual([
      'seeds/x.txt:3: expected a dash line "------" after the title link',
    ]);
  });

  it('19 unterminated front matter', () => {
    const text = frontMatterArticle().replace(/^---\n<!--/m, '<!--');
    expect(damaged('dw-zh/x.md', text).messages).toEqual([
      'dw-zh/x.md:1: unterminated front matter: no closing "---" line after the opening one',
    ]);
  });

  it('20 truncated HTML: the body ends inside a tag', () => {
    const text = `${article({ body: '<p>第一段。</p>\n<p>第二段</p><img src="https://images.weserv.nl/?url=static' })}`;
    expect(damaged('seeds/x.txt', text).messages).toEqual([
      'seeds/x.txt:6: truncated HTML: the body ends inside a tag "<img src="https://images.weser"',
    ]);
  });

  it('21 truncated HTML: a <div> never closed', () => {
    const text = frontMatterArticle().replace(/<\/div>\n$/, '');
    expect(damaged('dw-zh/x.md', text).messages).toEqual([
      'dw-zh/x.md:14: truncated HTML: <div> is never closed (the file ends before its </div>)',
    ]);
  });

  it('21b truncated HTML: the file ends in the middle of a paragraph', () => {
    const text = article({ body: '<p>第一段。</p>\n<p>第二段寫到一半' });
    expect(damaged('seeds/x.txt', text).messages).toEqual([
      'seeds/x.txt:6: truncated HTML: <p> is never closed (the file ends before its </p>)',
    ]);
  });

  it('21c a file cut inside a UTF-8 character', () => {
    const whole = bytes(article({ body: '<p>第一段。</p>\n<p>第二段' }));
    expect(damaged('seeds/x.txt', whole.subarray(0, whole.length - 1)).messages).toEqual([
      'seeds/x.txt:6: truncated HTML: <p> is never closed (the file ends before its </p>)',
      'seeds/x.txt:6: warning: the file ends in the middle of a UTF-8 character (truncated?); the partial character is dropped',
    ]);
  });

  it('22 no body', () => {
    expect(damaged('seeds/x.txt', article({ body: '' })).messages).toEqual([
      'seeds/x.txt:3: no body after the dash line',
    ]);
  });

  it('23 a body of only boilerplate', () => {
    const body =
      '<p><em>© 2024年德國之聲版權聲明：本文所有內容受到著作權法保護，如無德國之聲特別授權，不得擅自使用。</em></p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a><br></div>';
    expect(damaged('seeds/x.txt', article({ body })).messages).toEqual([
      'seeds/x.txt:5: the body has only boilerplate (copyright notice, feed footer): no article passages',
    ]);
  });

  it('24 a body without text (an image, an empty caption, an empty bold paragraph)', () => {
    const body =
      '<img src=""><div><small style="color: #999;"></small></div><p><strong></strong></p><p> </p>';
    expect(damaged('seeds/x.txt', article({ body })).messages).toEqual([
      'seeds/x.txt:5: the body has no text: no article passages',
    ]);
  });

  it('25 a crash inside the parser is contained per file', () => {
    const exploding = {
      name: 'seeds/exploding.txt',
      get bytes(): Uint8Array {
        throw new Error('disk on fire');
      },
    };
    const result = load(exploding, seedFile());
    expect(result.messages).toEqual(['seeds/exploding.txt: internal error: disk on fire']);
    expect(result.articles).toHaveLength(1);
    // parseArticle itself never throws either.
    const parsed = parseArticle(42 as unknown as string, 'seeds/not-text.txt');
    expect(parsed.article).toBeUndefined();
    expect(parsed.issues.map((i) => `${i.file}: ${i.message}`)).toEqual([
      'seeds/not-text.txt: internal error: text.split is not a function',
    ]);
  });
});

describe('damaged files: warnings (the article is kept)', () => {
  it('26 a UTF-8 byte-order mark is removed', () => {
    const result = damaged('seeds/bom.txt', concat([0xef, 0xbb, 0xbf], article()));
    expect(result.messages).toEqual(['seeds/bom.txt:1: warning: UTF-8 byte-order mark removed']);
    expect(result.articles.find((a) => a.file === 'seeds/bom.txt')?.id).toBe('123');
  });

  it('27 stray NUL bytes are removed', () => {
    const result = damaged('seeds/nul.txt', concat(article({ body: '<p>第一段' }), [0], '。</p>'));
    expect(result.messages).toEqual(['seeds/nul.txt:5: warning: 1 NUL byte removed']);
    expect(result.articles.find((a) => a.file === 'seeds/nul.txt')?.passages[0]?.text).toBe('第一段。');
  });

  it('28 duplicate ids keep the newest article', () => {
    const older = article({ ms: '1712000000000', title: '舊版' });
    const newer = article({ ms: '1712654223000', title: '新版' });
    const result = load(file('seeds/new.txt', newer), file('seeds/old.txt', older));
    expect(result.articles.map((a) => a.title)).toEqual(['新版']);
    expect(result.messages).toEqual([
      'seeds/old.txt: warning: duplicate article id 123 (also in seeds/new.txt); kept the newer one from seeds/new.txt (2024-04-09T09:17:03.000Z), dropped this one (2024-04-01T19:33:20.000Z)',
    ]);
    // Whatever the order of the files.
    const reversed = load(file('seeds/old.txt', older), file('seeds/new.txt', newer));
    expect(reversed.articles.map((a) => a.title)).toEqual(['新版']);
    expect(reversed.messages).toEqual(result.messages);
  });

  it('29 <script> and <style> elements are dropped, never kept as text', () => {
    const body =
      '<p>正文<script>alert("x")</script>繼續。</p><style>p{color:red}</style><script src="https://evil.example/x.js"></script>';
    const result = damaged('seeds/x.txt', article({ body }));
    expect(result.messages).toEqual([
      'seeds/x.txt:5: warning: dropped <script> element',
      'seeds/x.txt:5: warning: dropped <style> element',
      'seeds/x.txt:5: warning: dropped <script> element',
    ]);
    const parsed = result.articles.find((a) => a.file === 'seeds/x.txt');
    expect(parsed?.passages.map((p) => p.text)).toEqual(['正文繼續。']);
    expect(JSON.stringify(parsed)).not.toMatch(/alert|color:red|evil/);
  });

  it('30 event-handler attributes are dropped', () => {
    const body =
      '<p onclick="steal()">第一段。</p>\n<img src="https://static.dw.com/image/1_303.jpg" onerror="steal()">';
    const result = damaged('seeds/x.txt', article({ body }));
    expect(result.messages).toEqual([
      'seeds/x.txt:5: warning: dropped event-handler attribute onclick= on <p>',
      'seeds/x.txt:6: warning: dropped event-handler attribute onerror= on <img>',
    ]);
    const parsed = result.articles.find((a) => a.file === 'seeds/x.txt');
    expect(JSON.stringify(parsed)).not.toMatch(/steal/);
    expect(parsed?.images).toEqual([{ url: 'https://static.dw.com/image/1_303.jpg', caption: '' }]);
  });

  it('31 javascript: links are dropped (the anchor text stays plain text)', () => {
    const body =
      '<p>請<a href="javascript:alert(1)" rel="ArticleRef">點這裡</a>，或<a href=" JaVa\tScript:void(0)">這裡</a>。</p>';
    const result = damaged('seeds/x.txt', article({ body }));
    expect(result.messages).toEqual([
      'seeds/x.txt:5: warning: dropped javascript: URL in href= of <a>',
      'seeds/x.txt:5: warning: dropped javascript: URL in href= of <a>',
    ]);
    const parsed = result.articles.find((a) => a.file === 'seeds/x.txt');
    expect(parsed?.links).toEqual([]);
    expect(parsed?.passages.map((p) => p.text)).toEqual(['請點這裡，或這裡。']);
  });

  it('32 a front-matter date far from the publication time', () => {
    const result = damaged('dw-zh/x.md', frontMatterArticle({ date: '2020-12-24T09:53:34.000Z' }));
    expect(result.messages).toEqual([
      'dw-zh/x.md:4: warning: front matter: date 2020-12-24T09:53:34.000Z is 45 days after the publication time 2020-11-09T09:53:34.000Z',
    ]);
  });

  it('33 a header time far from the publication time (kept as updatedAt)', () => {
    const result = damaged('dw-zh/x.md', frontMatterArticle({ header: '<br>2019-11-09T09:16:01.487Z' }));
    expect(result.messages).toEqual([
      'dw-zh/x.md:15: warning: header time 2019-11-09T09:16:01.487Z is 366 days before the publication time 2020-11-09T09:53:34.000Z',
    ]);
    expect(result.articles.find((a) => a.file === 'dw-zh/x.md')?.updatedAt).toBe('2019-11-09T09:16:01.487Z');
  });

  it('34 a front-matter "from" URL that differs from the title link', () => {
    const result = damaged('dw-zh/x.md', frontMatterArticle({ from: 'https://www.dw.com/zh/other/a-999' }));
    expect(result.messages).toEqual([
      "dw-zh/x.md:6: warning: front matter: from https://www.dw.com/zh/other/a-999 differs from the title link's URL https://www.dw.com/zh/example/a-456",
    ]);
  });

  it('35 a front-matter line that is not "key: value"', () => {
    const text = frontMatterArticle().replace('layout: post', 'this is not yaml');
    expect(damaged('dw-zh/x.md', text).messages).toEqual([
      'dw-zh/x.md:2: warning: front matter: expected "key: value", found "this is not yaml"; line ignored',
    ]);
  });

  it('36 a header time that is not a date', () => {
    const text = article({ body: '<div><i>作者<br>2024-13-45T99:00:00Z</i></div><p>正文。</p>' });
    expect(damaged('seeds/x.txt', text).messages).toEqual([
      'seeds/x.txt:5: warning: header time "2024-13-45T99:00:00Z" is not a date',
    ]);
  });
});

describe('tolerated variations', () => {
  it('Windows line ends parse like Unix ones', () => {
    const crlf = load(file('seeds/crlf.txt', SEED_TEXT.replace(/\n/g, '\r\n')));
    const lf = load(file('seeds/crlf.txt', SEED_TEXT));
    expect(crlf.messages).toEqual([]);
    expect(crlf.articles).toEqual(lf.articles);
  });

  it('an inline element left open mid-body is not truncation', () => {
    const result = load(file('seeds/x.txt', article({ body: '<p>第一段<b>粗體。</p><p>第二段。</p>' })));
    expect(result.messages).toEqual([]);
  });

  it('omitted </p> end tags are not truncation', () => {
    const result = load(file('seeds/x.txt', article({ body: '<p>第一段。<p>第二段。<div>說明</div>' })));
    expect(result.messages).toEqual([]);
    expect(result.articles[0]?.passages.map((p) => p.text)).toEqual(['第一段。', '第二段。', '說明']);
  });
});

describe('all the damage at once', () => {
  it('reports every broken file and keeps every good one; never throws', () => {
    const files = [
      file('a/empty.txt', ''),
      file('a/no-link.txt', article().replace(/^\[.*\n/m, '')),
      file('a/good.txt', article({ url: 'https://www.dw.com/zh/a/a-777' })),
      file('a/truncated.txt', article({ body: '<p>abc</p><p' })),
      seedFile(),
    ];
    const result = loadCorpus(files, { now: NOW });
    expect(result.articles.map((a) => a.id).sort()).toEqual(['68774250', '777']);
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.file)).toEqual([
      'a/empty.txt',
      'a/no-link.txt',
      'a/truncated.txt',
    ]);
  });
});
