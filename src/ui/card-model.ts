// Pure helpers behind the hover card: which passages, which name forms, what snippet, which date,
// which links are safe. No DOM, no browser APIs: tested directly.
import type { Entity, EntityKind } from '../entities/types.ts';

export interface PassageLike {
  text: string;
  highlights: ReadonlyArray<readonly [number, number]>;
  url: string;
  publishedAt: string;
}

/** A fact-bearing passage (numbers, dates, quotes) reads better in a card. */
export function factScore(text: string): number {
  let score = 0;
  if (/[0-9０-９]/.test(text)) score += 2;
  if (/[〇一二三四五六七八九十百千萬万億亿]+(?:年|月|日|%|％|億|亿|萬|万|人|名)/.test(text)) score += 1;
  if (/[「」『』“”"]/.test(text)) score += 1;
  return score;
}

/** The best `n` passages: fact-bearing ones first, the lookup's order otherwise, no duplicate text. */
export function pickPassages<T extends PassageLike>(passages: readonly T[], n = 3): T[] {
  const seen = new Set<string>();
  const unique = passages.filter((p) => {
    if (seen.has(p.text)) return false;
    seen.add(p.text);
    return true;
  });
  return unique
    .map((p, i) => ({ p, i, s: factScore(p.text) > 0 ? 1 : 0 }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, n)
    .map((x) => x.p);
}

const FORM_PRIORITY: Record<string, number> = {
  'variant-table': 0,
  opencc: 1,
  corpus: 2,
  parenthetical: 3,
  'variant-gloss': 4,
  cedict: 5,
  'short-form': 6,
  heading: 7,
  quoted: 8,
  pinyin: 9,
  'variant-phonetic': 10,
  'given-name': 11,
};

/** Aliases in the order the card offers them (the worker sorts them so, see handleLookup). */
export function byFormPriority<T extends { source: string }>(aliases: readonly T[]): T[] {
  return [...aliases].sort((a, b) => (FORM_PRIORITY[a.source] ?? 20) - (FORM_PRIORITY[b.source] ?? 20));
}

/**
 * The entity's other forms, for "普京 · 普丁 · Vladimir Putin": the page's form first, then up to `max`,
 * aliases in their given order (byFormPriority).
 */
export function otherForms(entity: Entity, surface: string, max = 3): string[] {
  const key = (s: string) => s.toLowerCase();
  const seen = new Set([key(surface)]);
  const out: string[] = [];
  const push = (s: string | undefined) => {
    if (!s || seen.has(key(s)) || out.length >= max) return;
    seen.add(key(s));
    out.push(s);
  };
  push(entity.name);
  const aliases = entity.aliases;
  const english = entity.english && !seen.has(key(entity.english)) ? entity.english : undefined;
  for (const a of aliases) {
    if (out.length >= max - (english ? 1 : 0)) break;
    push(a.text);
  }
  push(english);
  return out;
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * The passage around its first highlight, at most `max` characters, as parts to render (marked parts
 * are the mention). Ellipses show where text was cut.
 */
export function snippet(
  text: string,
  highlights: ReadonlyArray<readonly [number, number]>,
  max = 140,
): SnippetPart[] {
  const hs = highlights
    .filter(([s, e]) => s >= 0 && e <= text.length && s < e)
    .slice()
    .sort((a, b) => a[0] - b[0]);
  let from = 0;
  let to = text.length;
  if (text.length > max) {
    const first = hs[0];
    const center = first ? Math.floor((first[0] + first[1]) / 2) : 0;
    from = Math.max(0, Math.min(center - Math.floor(max / 2), text.length - max));
    to = from + max;
  }
  const parts: SnippetPart[] = [];
  const push = (t: string, mark: boolean) => {
    if (t) parts.push({ text: t, mark });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const [s, e] of hs) {
    if (e <= at || s >= to) continue;
    const a = Math.max(s, at);
    const b = Math.min(e, to);
    push(text.slice(at, a), false);
    push(text.slice(a, b), true);
    at = b;
  }
  push(text.slice(at, to), false);
  if (to < text.length) push('…', false);
  return parts;
}

/** The URL if it is http(s), else null (never a javascript: or data: link). */
export function safeHttpUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function formatDate(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

export interface CardStrings {
  kinds: Record<EntityKind, string>;
  articles: (n: number) => string;
  close: string;
  more: string;
  passages: string;
  /** While the passages are on their way (a worker that was stopped reads the articles first). */
  loading: string;
  /** The passages could not be had (the background failed twice, or no longer knows the entity). */
  failed: string;
  card: (name: string) => string;
  source: string;
}

const ZH_HANT: CardStrings = {
  kinds: { person: '人物', place: '地點', organisation: '組織', topic: '話題', event: '事件' },
  articles: (n) => `${n} 篇文章`,
  close: '關閉',
  more: '更多',
  passages: '語料中的段落',
  loading: '正在載入段落…',
  failed: '無法載入段落。',
  card: (name) => `Factlens：${name}`,
  source: '原文',
};

const ZH_HANS: CardStrings = {
  kinds: { person: '人物', place: '地点', organisation: '组织', topic: '话题', event: '事件' },
  articles: (n) => `${n} 篇文章`,
  close: '关闭',
  more: '更多',
  passages: '语料中的段落',
  loading: '正在载入段落…',
  failed: '无法载入段落。',
  card: (name) => `Factlens：${name}`,
  source: '原文',
};

const EN: CardStrings = {
  kinds: { person: 'Person', place: 'Place', organisation: 'Organisation', topic: 'Topic', event: 'Event' },
  articles: (n) => `${n} ${n === 1 ? 'article' : 'articles'}`,
  close: 'Close',
  more: 'More',
  passages: 'Passages from the corpus',
  loading: 'Loading passages…',
  failed: 'The passages could not be loaded.',
  card: (name) => `Factlens: ${name}`,
  source: 'Original article',
};

/** Card strings for a language tag: Traditional for zh-Hant/TW/HK/MO, Simplified for other Chinese. */
export function cardStrings(locale: string): CardStrings {
  const tag = locale.toLowerCase();
  if (!tag.startsWith('zh')) return EN;
  return /hant|-tw|-hk|-mo/.test(tag) ? ZH_HANT : ZH_HANS;
}
