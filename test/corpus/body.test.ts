// The body walk's building blocks: image URLs out of the weserv proxy, byline and boilerplate
// recognition, dateline removal, and the block rules (subheadings, captions, galleries, footer).
import {
  htmlToText,
  isBoilerplate,
  isByline,
  isSubheading,
  parseBody,
  stripDateline,
  unproxyImageUrl,
} from '../../src/corpus/body.ts';

describe('unproxyImageUrl', () => {
  it('recovers the original URL with an explicit scheme', () => {
    expect(unproxyImageUrl('https://images.weserv.nl/?url=static.dw.com/image/68773106_303.jpg')).toBe(
      'https://static.dw.com/image/68773106_303.jpg',
    );
    expect(unproxyImageUrl('https://images.weserv.nl/?url=http://example.org/a.jpg&w=300')).toBe(
      'http://example.org/a.jpg',
    );
    expect(unproxyImageUrl('//static.dw.com/image/1_303.jpg')).toBe('https://static.dw.com/image/1_303.jpg');
    expect(unproxyImageUrl('https://static.dw.com/image/15681462_303.jpg')).toBe(
      'https://static.dw.com/image/15681462_303.jpg',
    );
  });

  it('gives nothing for empty, relative or non-http sources', () => {
    expect(unproxyImageUrl('')).toBeUndefined();
    expect(unproxyImageUrl('images/a.jpg')).toBeUndefined();
    expect(unproxyImageUrl('data:image/png;base64,AAAA')).toBeUndefined();
    expect(unproxyImageUrl('https://images.weserv.nl/?w=300')).toBeUndefined();
  });
});

describe('bylines, boilerplate, datelines, subheadings', () => {
  it.each([
    '（綜合報導）',
    '邹宗翰/张慈 (法新社等)',
    '文山/苗子/(路透社等)',
    'Phoebe Kong/杨威廉 (美联社，法新社)',
    '邹宗翰/杨威廉/文木',
    '作者：Marcel Fürstenau 编译：李鱼',
    '责编：石涛',
    '乐然（综合报道）',
  ])('%s is a byline', (text) => {
    expect(isByline(text)).toBe(true);
  });

  it.each([
    '德国总理默克尔（Angela Merkel）',
    '他说：“我们会继续努力。”',
    '刘文',
    '（資料照）這是一段很長的說明文字，不是署名。',
  ])('%s is not a byline', (text) => {
    expect(isByline(text)).toBe(false);
  });

  it('recognises the boilerplate and nothing else', () => {
    for (const text of [
      '© 2024年德國之聲版權聲明：本文所有內容受到著作權法保護，如無德國之聲特別授權，不得擅自使用。',
      '©️ 2020年 德国之声版权声明：本文所有内容受到着作权法保护',
      '摘编自他媒体的内容，不代表德国之声的立场或观点。',
      '[摘编自其它媒体，不代表德国之声观点]',
      '德国之声致力于为您提供客观中立的新闻报道，以及展现多种角度的评论分析。',
      '获取更多RSS：',
      'This article appeared in the Middle East & Africa section of the print edition under the headline "Wheels of injustice"',
    ]) {
      expect(isBoilerplate(text), text).toBe(true);
    }
    expect(isBoilerplate('网友N©Rth₃₁则相对冷静地写道')).toBe(false);
    expect(isBoilerplate('德国之声记者报道了版权问题。')).toBe(false);
  });

  it('decodes entities in titles', () => {
    expect(htmlToText('Russia menaces Alexei Navalny after he exposed its agents&#x27; ineptitude')).toBe(
      "Russia menaces Alexei Navalny after he exposed its agents' ineptitude",
    );
    expect(htmlToText('中俄齊抗西方制裁 王毅：反對「築牆設壘」')).toBe(
      '中俄齊抗西方制裁 王毅：反對「築牆設壘」',
    );
  });

  it('strips the dateline in both scripts', () => {
    expect(stripDateline('（德國之聲中文網）俄羅斯外長')).toBe('俄羅斯外長');
    expect(stripDateline('(德国之声中文网) 乌克兰总统')).toBe('乌克兰总统');
    expect(stripDateline('德国之声中文网）《怪物猎人》')).toBe('《怪物猎人》');
    expect(stripDateline('在德国之声中文网的推文下')).toBe('在德国之声中文网的推文下');
  });

  it('takes short bold blocks as subheadings, not interview questions', () => {
    expect(isSubheading('中俄深化關係')).toBe(true);
    expect(isSubheading('德国之声：这一协议对下届美国总统拜登的经济政策走向意味着什么？')).toBe(false);
    expect(isSubheading('The orderly and peaceful transfer of power')).toBe(true);
  });
});

describe('parseBody', () => {
  it('reads the header, captions, gallery and footer', () => {
    const body = parseBody(
      '<div><i>null 杜宗熹<br>2024-03-29T06:43:34.955Z</i></div>' +
        '<img src="https://images.weserv.nl/?url=static.dw.com/image/1_303.jpg" width="100%"><div><small style="color: #999;">圖說</small></div>' +
        '<p>正文<br>第二行</p><p><strong></strong></p><p><strong><strong>小標</strong></strong></p>' +
        '<h3>相關圖集：兩岸</h3><div><img src="https://images.weserv.nl/?url=static.dw.com/image/2_303.jpg"><br><b>握手</b>：說明文字</div>' +
        '<video src="https://example.org/v.mp4" controls></video><iframe src="https://www.youtube.com/embed/x"> </iframe>' +
        '<br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>',
    );
    expect(body.header).toMatchObject({ author: '杜宗熹', time: '2024-03-29T06:43:34.955Z' });
    expect(body.passages).toEqual([
      { kind: 'caption', text: '圖說' },
      { kind: 'paragraph', text: '正文 第二行' },
      { kind: 'subheading', text: '小標' },
      { kind: 'gallery-heading', text: '兩岸' },
      { kind: 'gallery-item', text: '說明文字', title: '握手' },
    ]);
    expect(body.images).toEqual([
      { url: 'https://static.dw.com/image/1_303.jpg', caption: '圖說' },
      { url: 'https://static.dw.com/image/2_303.jpg', caption: '說明文字' },
    ]);
    expect(body.videos).toEqual([
      { url: 'https://example.org/v.mp4' },
      { url: 'https://www.youtube.com/embed/x' },
    ]);
    expect(body.boilerplate).toBe(1);
  });

  it('reads a video item with stray markup and inline topic spans', () => {
    const body = parseBody(
      '<p>它被称作“空中卫士23”。</small></p><video src="https://tvdownloaddw-a.akamaihd.net/v.mp4" controls style="width:100%"></video>' +
        '<p>促使<a href="https://api.dw.com/api/detail/article/68766136" rel="ArticleRef">德国企业</a>在<span data-id="62235618" data-type="AUTO_TOPIC">对华贸易</span>中“去风险”。</p>',
    );
    expect(body.passages.map((p) => p.text)).toEqual([
      '它被称作“空中卫士23”。',
      '促使德国企业在对华贸易中“去风险”。',
    ]);
    expect(body.videos).toEqual([{ url: 'https://tvdownloaddw-a.akamaihd.net/v.mp4' }]);
    expect(body.links).toEqual([{ id: '68766136', text: '德国企业' }]);
  });

  it('reads Economist markup: small caps, asides and footnotes', () => {
    const body = parseBody(
      '<aside ><div ><time dateTime="2021-01-02T00:00:00Z" >Jan 2nd 2021</time><meta itemProp="author" content="The Economist"/></div></aside>' +
        '<p ><span data-caps="initial">I</span><small>F LOUJAIN AL-HATHLOUL</small> is guilty, says the <small>UN</small> &amp; the <small>G</small>20.</p>' +
        '<h2>Back to black</h2><p data-test-id="Footnote" >This article appeared in the print edition</p>',
    );
    expect(body.passages).toEqual([
      { kind: 'paragraph', text: 'IF LOUJAIN AL-HATHLOUL is guilty, says the UN & the G20.' },
      { kind: 'subheading', text: 'Back to black' },
    ]);
    expect(body.boilerplate).toBe(1);
  });
});
