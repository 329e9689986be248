// The compiled corpus bundle: what the build writes once and the background script loads on every
// start. A versioned JSON document, deterministic (the same articles give byte-identical output:
// articles sorted, fixed key order, object keys of entities/extra sorted) and compact (passages as
// tuples, a passage's script only where it differs from the article's, image captions stored as
// the index of the passage that already holds the text). `readBundle` validates and expands it.
import type { Entity } from '../entities/types.ts';
import type { Article, ArticleImage, Passage, PassageKind, Script } from './types.ts';

export const BUNDLE_FORMAT = 'factlens-corpus';
export const BUNDLE_VERSION = 1;

/** A bundle as the code uses it (expanded). */
export interface CorpusBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  articles: Article[];
  /** Filled by the entity extractor (src/entities); empty until then. */
  entities: Entity[];
  /** Room for more indexes (search, aliases, …), keyed by name; JSON values only. */
  extra?: Record<string, unknown>;
}

export class BundleError extends Error {
  override name = 'BundleError';
}

const KIND_CODES: Record<PassageKind, string> = {
  paragraph: 'p',
  subheading: 'h',
  caption: 'c',
  'gallery-heading': 'gh',
  'gallery-item': 'gi',
  byline: 'b',
};
const KINDS = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as PassageKind]));
const SCRIPTS = new Set<Script>(['zh-Hant', 'zh-Hans', 'en']);

/** [kind code, text, script (null: the article's), title?] */
type PassageTuple =
  | [string, string]
  | [string, string, Script | null]
  | [string, string, Script | null, string];
/** [url, caption]: the caption as the index of the passage holding it, or the text itself. */
type ImageTuple = [string] | [string, number | string];

interface BundleArticle {
  id: string;
  url: string;
  title: string;
  publishedAt: string;
  updatedAt?: string;
  author?: string;
  source: string;
  script: Script;
  file: string;
  passages: PassageTuple[];
  images: ImageTuple[];
  links: [string, string][];
  videos: string[];
}

/** Newest first, then by id: a stable order whatever order the files were read in. */
export function compareArticles(a: Article, b: Article): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt > b.publishedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function encodeArticle(a: Article): BundleArticle {
  const passages = a.passages.map((p): PassageTuple => {
    const code = KIND_CODES[p.kind];
    const script = p.script === a.script ? null : p.script;
    if (p.title !== undefined) return [code, p.text, script, p.title];
    return script === null ? [code, p.text] : [code, p.text, script];
  });
  const images = a.images.map((image): ImageTuple => {
    if (image.caption === '') return [image.url];
    const at = a.passages.findIndex(
      (p) => (p.kind === 'caption' || p.kind === 'gallery-item') && p.text === image.caption,
    );
    return [image.url, at >= 0 ? at : image.caption];
  });
  return {
    id: a.id,
    url: a.url,
    title: a.title,
    publishedAt: a.publishedAt,
    ...(a.updatedAt !== undefined ? { updatedAt: a.updatedAt } : {}),
    ...(a.author !== undefined ? { author: a.author } : {}),
    source: a.source,
    script: a.script,
    file: a.file,
    passages,
    images,
    links: a.links.map((l): [string, string] => [l.id, l.text]),
    videos: a.videos.map((v) => v.url),
  };
}

/** JSON with object keys sorted at every level: deterministic for any plain data. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/** Builds a bundle from loaded articles (sorted here) and, optionally, entities and more indexes. */
export function createBundle(
  articles: readonly Article[],
  options: { entities?: readonly Entity[]; extra?: Record<string, unknown> } = {},
): CorpusBundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    articles: [...articles].sort(compareArticles),
    entities: [...(options.entities ?? [])],
    ...(options.extra ? { extra: options.extra } : {}),
  };
}

/** The bundle as JSON text: byte-identical for the same input. */
export function serializeBundle(bundle: CorpusBundle): string {
  const articles = [...bundle.articles].sort(compareArticles).map(encodeArticle);
  const doc = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    articleCount: articles.length,
    articles,
    entities: canonical(bundle.entities),
    ...(bundle.extra ? { extra: canonical(bundle.extra) } : {}),
  };
  return `${JSON.stringify(doc)}\n`;
}

function fail(message: string): never {
  throw new BundleError(`corpus bundle: ${message}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function decodeArticle(raw: unknown, index: number): Article {
  if (!isObject(raw)) fail(`article ${index} is not an object`);
  const a = raw as unknown as BundleArticle;
  for (const key of ['id', 'url', 'title', 'publishedAt', 'source', 'script', 'file'] as const) {
    if (typeof a[key] !== 'string') fail(`article ${index} has no string "${key}"`);
  }
  if (!SCRIPTS.has(a.script)) fail(`article ${a.id} has an unknown script "${a.script}"`);
  if (
    !Array.isArray(a.passages) ||
    !Array.isArray(a.images) ||
    !Array.isArray(a.links) ||
    !Array.isArray(a.videos)
  ) {
    fail(`article ${a.id} lacks its passages/images/links/videos arrays`);
  }
  const passages = a.passages.map(([code, text, script, title], i): Passage => {
    const kind = KINDS.get(code);
    if (!kind || typeof text !== 'string') fail(`article ${a.id}: passage ${i} is malformed`);
    const p: Passage = { kind, text, script: script ?? a.script };
    if (title !== undefined) p.title = title;
    return p;
  });
  const images = a.images.map(
    ([url, caption]): ArticleImage => ({
      url,
      caption: typeof caption === 'number' ? (passages[caption]?.text ?? '') : (caption ?? ''),
    }),
  );
  return {
    id: a.id,
    url: a.url,
    title: a.title,
    publishedAt: a.publishedAt,
    ...(a.updatedAt !== undefined ? { updatedAt: a.updatedAt } : {}),
    ...(a.author !== undefined ? { author: a.author } : {}),
    source: a.source,
    script: a.script,
    passages,
    images,
    links: a.links.map(([id, text]) => ({ id, text })),
    videos: a.videos.map((url) => ({ url })),
    file: a.file,
  };
}

/** Parses and validates bundle JSON; throws a BundleError with a clear message otherwise. */
export function readBundle(json: string): CorpusBundle {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    fail(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(doc)) fail('not a JSON object');
  if (doc.format !== BUNDLE_FORMAT) {
    fail(
      `not a Factlens corpus bundle (format is ${JSON.stringify(doc.format)}, expected "${BUNDLE_FORMAT}")`,
    );
  }
  if (doc.version !== BUNDLE_VERSION) {
    fail(
      `unsupported version ${JSON.stringify(doc.version)}; this build reads version ${BUNDLE_VERSION}. Rebuild the bundle with \`npm run compile-corpus\``,
    );
  }
  if (!Array.isArray(doc.articles)) fail('"articles" is not an array');
  if (!Array.isArray(doc.entities)) fail('"entities" is not an array');
  if (doc.extra !== undefined && !isObject(doc.extra)) fail('"extra" is not an object');
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    articles: doc.articles.map(decodeArticle),
    entities: doc.entities as Entity[],
    ...(doc.extra !== undefined ? { extra: doc.extra as Record<string, unknown> } : {}),
  };
}
