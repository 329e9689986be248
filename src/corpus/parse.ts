// One article file's text → an Article plus the problems found, each naming the file and line.
// Reads both variants of the feed-archive format: optional YAML front matter, `<!--ms-->`,
// `[title](url)`, a dash line, then the HTML body (see ../shared/corpus/README.md). Dates are
// cross-checked (front-matter date, body header time); errors drop the article, warnings keep it.
// No Node or DOM APIs: the same code parses user imports in the service worker.
import { detectScript } from '../text/script.ts';
import { htmlToText, parseBody } from './body.ts';
import { readFrontMatter } from './front-matter.ts';
import { sourceOfHost } from './source.ts';
import { fnv1a64 } from './stable-hash.ts';
import type { Article, CorpusIssue, Passage } from './types.ts';

export interface ParseOptions {
  /** "Now" in ms, for the far-future check (default Date.now()). */
  now?: number;
}

export interface ParseResult {
  article?: Article;
  issues: CorpusIssue[];
}

/** Earliest plausible publication time: 1990-01-01 (before any web news archive). */
export const EARLIEST_MS = Date.UTC(1990, 0, 1);
/** Publication times more than this beyond "now" are an error. */
export const FUTURE_SLACK_MS = 2 * 24 * 3600 * 1000;
/** Front-matter date or body header time further than this from `<!--ms-->` is a warning. */
export const DATE_DISAGREEMENT_MS = 7 * 24 * 3600 * 1000;

const DAY = 24 * 3600 * 1000;

/** Thrown after the error was already added to the issues. */
class Reported extends Error {}

class ParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Article id: the DW id from `/a-NNNN` in the URL, else a stable hash of the URL. */
export function articleId(url: string): string {
  const m = /\/a-(\d+)(?:[/?#]|$)/.exec(url);
  return m?.[1] ?? `h${fnv1a64(url)}`;
}

function describeDays(ms: number): string {
  const days = Math.round(Math.abs(ms) / DAY);
  if (days >= 1) return `${days} day${days === 1 ? '' : 's'}`;
  return `${Math.round(Math.abs(ms) / 60000)} minutes`;
}

/** Parses one file's decoded text. Never throws. */
export function parseArticle(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const issues: CorpusIssue[] = [];
  try {
    const article = parseOrThrow(text, file, options, issues);
    return { article, issues };
  } catch (error) {
    if (error instanceof Reported) {
      // already in `issues`
    } else if (error instanceof ParseError) {
      issues.push({ file, line: error.line, severity: 'error', message: error.message });
    } else {
      issues.push({
        file,
        severity: 'error',
        message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    return { issues };
  }
}

function parseOrThrow(text: string, file: string, options: ParseOptions, issues: CorpusIssue[]): Article {
  const lines = text.split('\n');
  const warn = (line: number | undefined, message: string) =>
    issues.push({ file, ...(line ? { line } : {}), severity: 'warning', message });
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  };
  skipBlank();
  if (i >= lines.length) throw new ParseError(1, 'no content (only blank lines)');

  // Variant B: YAML front matter.
  let front: ReturnType<typeof readFrontMatter>;
  if (/^---\s*$/.test(lines[i] ?? '')) {
    front = readFrontMatter(lines, i, file, issues);
    if (!front) throw new Reported();
    i = front.next;
    skipBlank();
  }

  // <!--ms-->
  const stampLine = i + 1;
  const stamp = /^<!--\s*(.*?)\s*-->\s*$/.exec(lines[i] ?? '');
  if (!stamp) {
    throw new ParseError(stampLine, 'expected the publication time comment "<!--milliseconds since 1970-->"');
  }
  const stampText = stamp[1] ?? '';
  if (!/^\d{1,16}$/.test(stampText)) {
    throw new ParseError(
      stampLine,
      `publication time "${stampText.slice(0, 40)}" is not a number of milliseconds since 1970`,
    );
  }
  const ms = Number(stampText);
  const now = options.now ?? Date.now();
  if (ms < EARLIEST_MS) {
    const hint =
      ms * 1000 >= EARLIEST_MS && ms * 1000 <= now + FUTURE_SLACK_MS
        ? ' (seconds instead of milliseconds?)'
        : '';
    throw new ParseError(
      stampLine,
      `publication time ${stampText} is ${new Date(ms).toISOString()}, before 1990: not a plausible date${hint}`,
    );
  }
  if (ms > now + FUTURE_SLACK_MS || ms > 8.64e15) {
    const iso = ms > 8.64e15 ? 'beyond the year 275760' : new Date(ms).toISOString();
    throw new ParseError(stampLine, `publication time ${stampText} is ${iso}, in the future`);
  }
  const publishedAt = new Date(ms).toISOString();
  i++;
  skipBlank();

  // [title](url)
  const linkLine = i + 1;
  const link = /^\[(.*)\]\((.*)\)\s*$/.exec(lines[i] ?? '');
  if (!link) throw new ParseError(linkLine, 'expected a markdown link "[title](url)"');
  const title = htmlToText((link[1] ?? '').replace(/\\([[\]\\])/g, '$1'));
  const rawUrl = (link[2] ?? '').trim();
  if (title === '') throw new ParseError(linkLine, 'empty title in "[title](url)"');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ParseError(linkLine, `bad URL "${rawUrl.slice(0, 80)}": not an absolute http(s) URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ParseError(linkLine, `bad URL "${rawUrl.slice(0, 80)}": scheme ${url.protocol} is not http(s)`);
  }
  i++;

  // ------
  const dashLine = i + 1;
  if (!/^-{3,}\s*$/.test(lines[i] ?? '')) {
    throw new ParseError(dashLine, 'expected a dash line "------" after the title link');
  }
  i++;

  // Body
  skipBlank();
  const bodyStart = i; // 0-based index of the body's first line
  const html = lines.slice(i).join('\n');
  if (html.trim() === '') throw new ParseError(dashLine, 'no body after the dash line');
  const bodyLine = (offset: number) => {
    let line = bodyStart + 1;
    for (let k = 0; k < offset && k < html.length; k++) if (html.charCodeAt(k) === 10) line++;
    return line;
  };
  const truncation = findTruncation(html);
  if (truncation) throw new ParseError(bodyLine(truncation.offset), truncation.message);

  const body = parseBody(html);
  for (const issue of body.issues) {
    issues.push({ file, line: bodyLine(issue.offset), severity: issue.severity, message: issue.message });
  }
  if (body.passages.length === 0) {
    const what = body.boilerplate > 0 ? 'only boilerplate (copyright notice, feed footer)' : 'no text';
    throw new ParseError(bodyStart + 1, `the body has ${what}: no article passages`);
  }

  // Cross-checks against the front matter and the body header.
  let updatedAt: string | undefined;
  if (front) {
    const fmLine = (key: string) => front?.lines[key];
    const date = front.fields.date;
    if (typeof date === 'string' && date !== '') {
      const t = Date.parse(date);
      if (Number.isNaN(t)) warn(fmLine('date'), `front matter: date "${date}" is not a date`);
      else if (Math.abs(t - ms) > DATE_DISAGREEMENT_MS) {
        warn(
          fmLine('date'),
          `front matter: date ${date} is ${describeDays(t - ms)} ${t > ms ? 'after' : 'before'} the publication time ${publishedAt}`,
        );
      }
    }
    const from = front.fields.from;
    if (typeof from === 'string' && from !== '' && from !== rawUrl) {
      warn(fmLine('from'), `front matter: from ${from} differs from the title link's URL ${rawUrl}`);
    }
  }
  if (body.header?.time) {
    const t = Date.parse(body.header.time);
    const line = bodyLine(body.header.offset);
    if (Number.isNaN(t)) warn(line, `header time "${body.header.time}" is not a date`);
    else {
      if (t !== ms) updatedAt = new Date(t).toISOString();
      if (Math.abs(t - ms) > DATE_DISAGREEMENT_MS) {
        warn(
          line,
          `header time ${body.header.time} is ${describeDays(t - ms)} ${t > ms ? 'after' : 'before'} the publication time ${publishedAt}`,
        );
      }
    }
  }

  const script = detectScript(
    [
      title,
      ...body.passages.filter((p) => p.kind === 'paragraph' || p.kind === 'subheading').map((p) => p.text),
    ].join('\n'),
  );
  const passages: Passage[] = body.passages.map((p) => ({
    kind: p.kind,
    text: p.text,
    script: detectScript(`${p.title ?? ''} ${p.text}`, script),
    ...(p.title !== undefined ? { title: p.title } : {}),
  }));
  return {
    id: articleId(url.href),
    url: url.href,
    title,
    publishedAt,
    ...(updatedAt ? { updatedAt } : {}),
    ...(body.header?.author ? { author: body.header.author } : {}),
    source: sourceOfHost(url.hostname),
    script,
    passages,
    images: body.images,
    links: body.links,
    videos: body.videos,
    file,
  };
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * Containers whose end tag is never optional: one left open means the rest of the file is
 * missing. (An inline element left open is more likely a slip; it counts when the body ends in text.)
 */
const CONTAINERS = new Set([
  'div',
  'table',
  'ul',
  'ol',
  'blockquote',
  'figure',
  'section',
  'article',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'script',
  'style',
  'video',
  'iframe',
]);

/**
 * A body cut off mid-way: it ends inside a tag or comment, leaves a container open (`<div>`,
 * `<h3>`, …), or ends in text inside an open element (`<p>`, `<strong>`, …). Stray closing tags
 * are tolerated (the archive has some); no file of the sample corpus leaves an element open.
 */
export function findTruncation(html: string): { offset: number; message: string } | undefined {
  const tail = html.trimEnd();
  const lastOpen = tail.lastIndexOf('<');
  if (lastOpen >= 0 && tail.indexOf('>', lastOpen) < 0) {
    return {
      offset: lastOpen,
      message: `truncated HTML: the body ends inside a tag "${tail.slice(lastOpen, lastOpen + 30)}"`,
    };
  }
  const commentOpen = tail.lastIndexOf('<!--');
  if (commentOpen >= 0 && tail.indexOf('-->', commentOpen) < 0) {
    return { offset: commentOpen, message: 'truncated HTML: the body ends inside a comment "<!--"' };
  }
  const stack: { name: string; offset: number }[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = (m[2] ?? '').toLowerCase();
    if (VOID.has(name) || m[3] === '/') continue;
    if (m[1] === '/') {
      const at = stack.map((s) => s.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else if (name === 'script' || name === 'style') {
      const close = html.toLowerCase().indexOf(`</${name}`, tag.lastIndex);
      if (close < 0) stack.push({ name, offset: m.index });
      else tag.lastIndex = close;
    } else {
      stack.push({ name, offset: m.index });
    }
  }
  const endsInText = !tail.endsWith('>');
  const open = stack.find((s) => CONTAINERS.has(s.name) || endsInText);
  if (open) {
    return {
      offset: open.offset,
      message: `truncated HTML: <${open.name}> is never closed (the file ends before its </${open.name}>)`,
    };
  }
  return undefined;
}
