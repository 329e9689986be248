// The article body (HTML) → passages in reading order, images with captions, ArticleRef links and
// videos. Walks the cheerio (htmlparser2, `cheerio/slim`) tree of the feed archive's markup: the
// header `<div><i>author<br>time</i></div>`, proxied images with `<div><small>` captions,
// paragraphs, `<p><strong>` subheadings, `相关图集` galleries, bylines, DW/Economist boilerplate.
// Active content (script/style elements, on* attributes, javascript: URLs) is dropped with a
// warning and never reaches text or links. No Node or DOM APIs.
import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { ArticleImage, ArticleLink, ArticleVideo, PassageKind } from './types.ts';

export interface RawPassage {
  kind: PassageKind;
  text: string;
  title?: string;
}

export interface BodyIssue {
  /** Offset of the element in the body HTML, for the line number. */
  offset: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface BodyResult {
  passages: RawPassage[];
  images: ArticleImage[];
  links: ArticleLink[];
  videos: ArticleVideo[];
  /** From the header `<div><i>author<br>time</i></div>`. */
  header?: { author?: string; time?: string; offset: number };
  /** How many blocks were dropped as boilerplate (copyright, feed footer, app promotions, …). */
  boilerplate: number;
  issues: BodyIssue[];
}

/** Elements whose content is never article text. */
const ACTIVE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'object',
  'embed',
  'applet',
  'form',
  'frame',
  'frameset',
  'base',
  'svg',
  'math',
]);
/** Silently skipped: metadata and decoration. */
const SKIPPED = new Set([
  'meta',
  'link',
  'aside',
  'hr',
  'input',
  'button',
  'select',
  'textarea',
  'audio',
  'source',
  'track',
]);
/** Elements that start a new block when met inside a container. */
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'figure',
  'figcaption',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'img',
  'video',
  'iframe',
  'center',
  'pre',
  'hr',
  'aside',
  ...ACTIVE,
]);

const GALLERY_HEADING = /^相[关關][图圖]集\s*[：:]\s*/;
const DATELINE = /^(?:[（(]\s*)?德[国國]之[声聲]中文[网網]\s*[）)]\s*/;
/** Interview questions set in bold are paragraphs, not subheadings. */
const INTERVIEW_PREFIX = /^(德[国國]之[声聲]|DW)\s*[：:]/;
const BOILERPLATE: RegExp[] = [
  /德[国國]之[声聲]\s*版[权權][声聲]明/, // © 2024年德国之声版权声明：本文所有内容受到著作权法保护…
  /^©\s*\d{4}\s*(年\s*)?(德[国國]之[声聲]|Deutsche Welle|DW)/i,
  /dingyue\.info/i, // app and newsletter promotions
  /^德[国國]之[声聲]致力于为您提供客观中立的新闻报[道导]/, // the commentary disclaimer
  /^德[國国]之[聲声]致力於為您提供客觀中立的新聞報[導道]/,
  /^\[?摘[编編译譯]?自其?[他它]媒[体體].{0,12}不代表德[国國]之[声聲]/, // "excerpted" note
  /^Editor[’']s note: (Some of our covid-19 coverage is free|This article has been updated since)/i, // Economist notes
  /^德[国國]之[声聲]对自杀事件的报道持谨慎态度|^德國之聲對自殺事件的報導持謹慎態度/, // the suicide-reporting note
  /^欢迎订阅德国之声.{0,12}播客|^歡迎訂閱德國之聲.{0,12}播客/, // podcast promotion
  /^(Feed-URL|iTunes)\s*:?$/i,
  /^(更多|延伸)[阅閱][读讀]\s*[：:]/, // "read more" teasers linking other articles
  /^https?:\/\/\S+$/, // a bare URL (podcast feed links)
  /^获取更多RSS|^獲取更多RSS/,
  /^This article appeared in the .* (section|edition)/i, // The Economist's print-edition footnote
];
const ARTICLE_REF = /^https?:\/\/api\.dw\.com\/api\/detail\/article\/(\d+)/;
const DW_ARTICLE = /^https?:\/\/(?:www\.)?dw\.com\/.*\/a-(\d+)(?:[/?#]|$)/;
const AGENCY =
  /社|报|報|等|综合|綜合|编|編|电|電|记者|記者|dpa|afp|ap\b|reuters|kna|epd|efe|ansa|rtr|DW|德[国國]之[声聲]/i;
/** Two or more Chinese names joined by slashes: `邹宗翰/杨威廉/文木`. */
const NAME_LIST = /^[\p{Script=Han}·]{2,5}(?:\s*[/／]\s*[\p{Script=Han}·]{2,5})+$/u;
/** Names (`邹宗翰/张慈`, `Phoebe Kong/杨威廉`) followed by agencies in parentheses. */
const NAMES_AND_AGENCIES =
  /^[^（）()，。,:：/／、]{1,24}((?:[/／、][^（）()，。,:：/／、]{1,24})*)[/／]?\s*[（(]([^（）()]{1,30})[）)]$/u;

export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.some((re) => re.test(text));
}

/** Bylines: `（綜合報導）`, `邹宗翰/张慈 (法新社等)`, `邹宗翰/杨威廉/文木`, `作者：… 编译：…`, `责编：…`. */
export function isByline(text: string): boolean {
  if (text.length > 80 || /[。！？!?]$/.test(text)) return false;
  if (/^(作者|编译|編譯|责编|責編|编辑|編輯|撰稿|记者|記者)\s*[：:]/.test(text)) return true;
  const paren = /^[（(]([^（）()]{1,30})[）)]$/.exec(text);
  if (paren) return !/[。，,]/.test(paren[1] ?? '');
  if (NAME_LIST.test(text) || /^.{2,40}对本文亦有贡献。?$/.test(text)) return true;
  const names = NAMES_AND_AGENCIES.exec(text);
  // Several names (`文山/苗子/(路透社等)`, `李京慧/叶宣（ARD）`), or one name with agencies.
  return names !== null && (names[1] !== '' || AGENCY.test(names[2] ?? ''));
}

/** A bold block is a subheading when it is short and not an interview question. */
export function isSubheading(text: string): boolean {
  return text.length <= (/[\u3400-\u9fff]/.test(text) ? 40 : 100) && !INTERVIEW_PREFIX.test(text);
}

/** Removes the `（德國之聲中文網）` dateline prefix. */
export function stripDateline(text: string): string {
  return text.replace(DATELINE, '');
}

/** Plain text of a one-line HTML string such as a title (`agents&#x27; ineptitude`). */
export function htmlToText(html: string): string {
  if (!/[&<]/.test(html)) return normalizeText(html);
  return normalizeText(
    load(html, { xml: { xmlMode: false } }, false)
      .root()
      .text(),
  );
}

/** Collapses whitespace (incl. no-break and ideographic spaces) and trims. */
export function normalizeText(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

const isElement = (node: AnyNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

const childElements = (el: Element): Element[] => el.children.filter(isElement);

const hasText = (node: AnyNode): boolean =>
  node.type === 'text' && normalizeText((node as unknown as { data: string }).data) !== '';

/** The original URL of an image proxied through images.weserv.nl (scheme made explicit). */
export function unproxyImageUrl(src: string): string | undefined {
  let url = src.trim();
  if (url === '') return undefined;
  if (url.startsWith('//')) url = `https:${url}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (/(^|\.)weserv\.nl$/i.test(parsed.hostname)) {
    const inner = parsed.searchParams.get('url');
    if (!inner) return undefined;
    return unproxyImageUrl(
      /^[a-z][a-z0-9+.-]*:/i.test(inner) ? inner : `https://${inner.replace(/^\/\//, '')}`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href;
}

function safeHttpUrl(src: string | undefined): string | undefined {
  if (!src) return undefined;
  try {
    const url = new URL(src.trim().startsWith('//') ? `https:${src.trim()}` : src.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function parseBody(html: string): BodyResult {
  const result: BodyResult = { passages: [], images: [], links: [], videos: [], boilerplate: 0, issues: [] };
  // htmlparser2 in HTML mode (xmlMode false), recording where each element starts.
  const $ = load(html, { xml: { xmlMode: false, withStartIndices: true } }, false);
  const root = $.root()[0];
  if (!root) return result;
  const warn = (node: AnyNode, message: string) =>
    result.issues.push({ offset: node.startIndex ?? 0, severity: 'warning', message });

  sanitize(root.children, warn);

  /** Index of the image whose `<div><small>` caption may follow; -1 for an image without a URL. */
  let awaitingCaption: number | undefined;
  const push = (kind: PassageKind, rawText: string, title?: string) => {
    const text = normalizeText(rawText);
    if (text === '' && !title) return;
    result.passages.push(title === undefined ? { kind, text } : { kind, text, title });
  };

  /** Text of inline content; records links, inline images and videos on the way. */
  const inlineText = (nodes: AnyNode[]): string => {
    let out = '';
    for (const node of nodes) {
      if (node.type === 'text') out += (node as unknown as { data: string }).data;
      if (!isElement(node)) continue;
      const name = node.name.toLowerCase();
      if (ACTIVE.has(name) || SKIPPED.has(name)) continue;
      if (name === 'br') {
        out += ' ';
      } else if (name === 'img') {
        addImage(node);
      } else if (name === 'video' || name === 'iframe') {
        addVideo(node);
      } else if (name === 'a') {
        const text = inlineText(node.children);
        addLink(node, text);
        out += text;
      } else {
        const text = inlineText(node.children);
        out += BLOCK.has(name) ? ` ${text} ` : text;
      }
    }
    return out;
  };

  const addLink = (a: Element, text: string) => {
    const href = (a.attribs.href ?? '').trim();
    const m = ARTICLE_REF.exec(href) ?? DW_ARTICLE.exec(href);
    if (m?.[1]) result.links.push({ id: m[1], text: normalizeText(text) });
  };

  const addImage = (img: Element) => {
    const url = unproxyImageUrl(img.attribs.src ?? '');
    if (!url) {
      awaitingCaption = -1;
      return;
    }
    result.images.push({ url, caption: '' });
    awaitingCaption = result.images.length - 1;
  };

  const addVideo = (el: Element) => {
    const sources = [
      el.attribs.src,
      ...childElements(el).map((c) => (c.name === 'source' ? c.attribs.src : undefined)),
    ];
    for (const src of sources) {
      const url = safeHttpUrl(src);
      if (url) {
        result.videos.push({ url });
        return;
      }
    }
  };

  const boilerplate = () => {
    result.boilerplate++;
  };

  /** A `<p>`-like block of inline content. */
  const textBlock = (el: Element | undefined, nodes: AnyNode[]) => {
    if (el?.attribs['data-test-id'] === 'Footnote') return boilerplate();
    const text = stripDateline(normalizeText(inlineText(nodes)));
    if (text === '') return;
    if (isBoilerplate(text)) return boilerplate();
    const meaningful = nodes.filter((n) => (isElement(n) && n.name !== 'br') || hasText(n));
    const only = meaningful.length === 1 ? meaningful[0] : undefined;
    if (only && isElement(only) && /^(strong|b|h\d)$/i.test(only.name) && isSubheading(text)) {
      return push('subheading', text);
    }
    if (isByline(text)) return push('byline', text);
    push('paragraph', text);
  };

  const isHeader = (el: Element): boolean => {
    const kids = childElements(el);
    const i = kids[0];
    return (
      result.header === undefined &&
      kids.length === 1 &&
      i?.name === 'i' &&
      /\d{4}-\d\d-\d\dT\d\d:\d\d/.test(normalizeText($(i).text()))
    );
  };

  const readHeader = (el: Element) => {
    const i = childElements(el)[0] as Element;
    let before = '';
    let after = '';
    let seenBr = false;
    for (const node of i.children) {
      if (isElement(node) && node.name === 'br') seenBr = true;
      else if (seenBr) after += $(node).text();
      else before += $(node).text();
    }
    const author = normalizeText(before).replace(/^null\b\s*/i, '');
    const time = normalizeText(after || before);
    result.header = {
      ...(author && !/^null$/i.test(author) && seenBr ? { author } : {}),
      ...(/^\d{4}-/.test(time) ? { time } : {}),
      offset: el.startIndex ?? 0,
    };
  };

  const isCaption = (el: Element): boolean => {
    const kids = childElements(el);
    return kids.length === 1 && kids[0]?.name === 'small' && !el.children.some(hasText);
  };

  const isGalleryItem = (el: Element): boolean => {
    const kids = childElements(el);
    return kids.some((k) => k.name === 'img') && kids.some((k) => k.name === 'b' || k.name === 'strong');
  };

  const galleryItem = (el: Element) => {
    let title = '';
    let rest = '';
    let imageSeen = false;
    for (const node of el.children) {
      if (isElement(node) && node.name === 'img') {
        if (!imageSeen) addImage(node);
        imageSeen = true;
      } else if (isElement(node) && (node.name === 'b' || node.name === 'strong') && title === '') {
        title = normalizeText(inlineText(node.children));
      } else {
        rest += inlineText([node]);
      }
    }
    const text = normalizeText(rest).replace(/^[：:]\s*/, '');
    if (awaitingCaption !== undefined && awaitingCaption >= 0) {
      const image = result.images[awaitingCaption];
      if (image) image.caption = text;
    }
    awaitingCaption = undefined;
    push('gallery-item', text, title);
  };

  const block = (el: Element) => {
    const name = el.name.toLowerCase();
    if (ACTIVE.has(name) || SKIPPED.has(name) || name === 'br') return;
    if (name === 'img') return addImage(el);
    if (name === 'video' || name === 'iframe') return addVideo(el);
    const pending = awaitingCaption;
    awaitingCaption = undefined;
    if (/^h[1-6]$/.test(name)) {
      const text = normalizeText(inlineText(el.children));
      if (GALLERY_HEADING.test(text)) return push('gallery-heading', text.replace(GALLERY_HEADING, ''));
      if (isBoilerplate(text)) return boilerplate();
      return push('subheading', text);
    }
    if (name === 'div' && isHeader(el)) return readHeader(el);
    if ((name === 'div' && isCaption(el)) || name === 'figcaption') {
      const text = normalizeText(inlineText(el.children));
      if (pending !== undefined && pending >= 0) {
        const image = result.images[pending];
        if (image) image.caption = text;
      }
      if (isBoilerplate(text)) return boilerplate();
      return push('caption', text);
    }
    if (name === 'div' && isGalleryItem(el)) return galleryItem(el);
    if (name === 'div' && /^(获取|獲取)更多RSS/.test(normalizeText($(el).text()))) return boilerplate();
    if (name === 'p' || name === 'li' || name === 'dt' || name === 'dd' || name === 'pre') {
      return textBlock(el, el.children);
    }
    if (name === 'tr') return textBlock(el, el.children);
    // Containers: blocks inside are walked in order; runs of inline content become paragraphs.
    walk(el.children);
  };

  const walk = (nodes: AnyNode[]) => {
    let run: AnyNode[] = [];
    const flush = () => {
      if (run.length > 0) textBlock(undefined, run);
      run = [];
    };
    for (const node of nodes) {
      if (isElement(node) && BLOCK.has(node.name.toLowerCase())) {
        flush();
        block(node);
      } else if (isElement(node) && node.name.toLowerCase() === 'br') {
        flush();
      } else if (node.type === 'text' || isElement(node)) {
        run.push(node);
      }
    }
    flush();
  };

  walk(root.children);
  return result;
}

/** Browsers ignore control characters inside a URL scheme ("java\tscript:"); so do we. */
function withoutControls(value: string): string {
  let out = '';
  for (const ch of value) if (ch.charCodeAt(0) >= 0x20) out += ch;
  return out;
}

/**
 * Drops active content before anything reads the tree: script-like elements, on* event-handler
 * attributes and javascript:/vbscript:/data: URLs in links and media. Each is reported once.
 */
function sanitize(nodes: AnyNode[], warn: (node: AnyNode, message: string) => void): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const name = node.name.toLowerCase();
    if (ACTIVE.has(name)) {
      warn(node, `dropped <${name}> element`);
      node.children = [];
      continue;
    }
    for (const attr of Object.keys(node.attribs)) {
      if (/^on/i.test(attr)) {
        warn(node, `dropped event-handler attribute ${attr}= on <${name}>`);
        delete node.attribs[attr];
      }
    }
    for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
      const value = node.attribs[attr];
      if (value !== undefined && /^\s*(javascript|vbscript|data)\s*:/i.test(withoutControls(value))) {
        const scheme = (/^\s*(\w+)/.exec(withoutControls(value))?.[1] ?? '').toLowerCase();
        warn(node, `dropped ${scheme}: URL in ${attr}= of <${name}>`);
        delete node.attribs[attr];
      }
    }
    sanitize(node.children, warn);
  }
}
