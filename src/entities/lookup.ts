// Lookup for the hover card and `factlens lookup`: find an entity by any of its names (exact alias,
// then folded — script, width, case — then fuzzy for Latin names) and collect its best passages from
// the mention index: passages that carry facts (numbers, dates, quotes) first, one per article before
// a second from the same article, newer articles first among equals.
import type { Article } from '../corpus/types.ts';
import { FuzzyResolver } from '../match/fuzzy.ts';
import { foldKey, hasHan } from '../text/fold.ts';
import type { MentionIndex } from './extract.ts';
import type { Entity } from './types.ts';

export interface EntityLookupData {
  entities: readonly Entity[];
  articles: readonly Article[];
  mentionIndex: MentionIndex;
}

export interface CardPassage {
  articleId: string;
  title: string;
  url: string;
  publishedAt: string;
  source: string;
  text: string;
  kind: string;
  /** [start, end) offsets of the mentions in `text`. */
  highlights: Array<[number, number]>;
}

export interface EntityCard {
  entity: Entity;
  articleCount: number;
  passages: CardPassage[];
}

interface Index {
  byId: Map<string, Entity>;
  articles: Map<string, Article>;
  /** Built on the first findEntity only: a card lookup by id never needs them. */
  names?: {
    exact: Map<string, string[]>;
    folded: Map<string, string[]>;
    fuzzyEntries: Array<{ text: string; entityId: string }>;
    fuzzy?: FuzzyResolver;
  };
}

const indexes = new WeakMap<object, Index>();

function indexOf(data: EntityLookupData): Index {
  let ix = indexes.get(data);
  if (!ix) {
    ix = {
      byId: new Map(data.entities.map((e) => [e.id, e])),
      articles: new Map(data.articles.map((a) => [a.id, a])),
    };
    indexes.set(data, ix);
  }
  return ix;
}

function namesOf(data: EntityLookupData): NonNullable<Index['names']> {
  const ix = indexOf(data);
  if (ix.names) return ix.names;
  const exact = new Map<string, string[]>();
  const folded = new Map<string, string[]>();
  const fuzzyEntries: Array<{ text: string; entityId: string }> = [];
  const push = (m: Map<string, string[]>, k: string, id: string) => {
    const list = m.get(k) ?? [];
    if (!list.includes(id)) list.push(id);
    m.set(k, list);
  };
  for (const e of data.entities) {
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
      push(exact, text, e.id);
      push(folded, foldKey(text), e.id);
      if (!hasHan(text)) fuzzyEntries.push({ text, entityId: e.id });
    }
  }
  ix.names = { exact, folded, fuzzyEntries };
  return ix.names;
}

/** The entity a term names: exact alias, folded alias, then a fuzzy Latin name. Ambiguous terms prefer the entity in more articles. */
export function findEntity(data: EntityLookupData, term: string): Entity | undefined {
  const ix = indexOf(data);
  const names = namesOf(data);
  const pick = (ids: string[] | undefined) =>
    ids && ids.length > 0
      ? ids
          .map((id) => ix.byId.get(id) as Entity)
          .sort((a, b) => b.articleCount - a.articleCount || (a.id < b.id ? -1 : 1))[0]
      : undefined;
  const t = term.trim();
  const hit = pick(names.exact.get(t)) ?? pick(names.folded.get(foldKey(t)));
  if (hit) return hit;
  names.fuzzy ??= new FuzzyResolver(names.fuzzyEntries);
  const fuzzy = names.fuzzy.resolve(t);
  return fuzzy ? ix.byId.get(fuzzy.entityId) : undefined;
}

/** How much a passage tells: numbers, dates, quotations; paragraphs over captions over headings. */
export function factScore(text: string, kind: string): number {
  let s = 0;
  if (/\d/.test(text)) s += 2;
  if (/[年月日]|週|周[一二三四五六日]|星期/.test(text)) s += 1;
  if (/[%％]|億|亿|萬|万|美元|歐元|欧元/.test(text)) s += 1;
  if (/[「“"『]/.test(text)) s += 1.5;
  if (kind === 'paragraph') s += 1;
  else if (kind === 'caption' || kind === 'gallery-item') s += 0.5;
  else s -= 1;
  if (text.length < 20) s -= 1;
  return s;
}

export function lookupEntity(data: EntityLookupData, entityId: string, limit = 3): EntityCard | undefined {
  const ix = indexOf(data);
  const entity = ix.byId.get(entityId);
  if (!entity) return undefined;
  const refs = data.mentionIndex.byEntity[entityId] ?? [];
  const byPassage = new Map<string, { ai: number; pi: number; highlights: Array<[number, number]> }>();
  for (const [ai, pi, start, end] of refs) {
    const k = `${ai}:${pi}`;
    const entry = byPassage.get(k) ?? { ai, pi, highlights: [] };
    entry.highlights.push([start, end]);
    byPassage.set(k, entry);
  }
  const candidates: Array<CardPassage & { score: number }> = [];
  for (const { ai, pi, highlights } of byPassage.values()) {
    const article = ix.articles.get(data.mentionIndex.articles[ai] as string);
    const passage = article?.passages[pi];
    if (!article || !passage) continue;
    candidates.push({
      articleId: article.id,
      title: article.title,
      url: article.url,
      publishedAt: article.publishedAt,
      source: article.source,
      text: passage.text,
      kind: passage.kind,
      highlights,
      score: factScore(passage.text, passage.kind),
    });
  }
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0) ||
      (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0),
  );
  // One passage per article first, then seconds.
  const picked: typeof candidates = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (picked.length >= limit) break;
    if (seen.has(c.articleId)) continue;
    seen.add(c.articleId);
    picked.push(c);
  }
  for (const c of candidates) {
    if (picked.length >= limit) break;
    if (!picked.includes(c)) picked.push(c);
  }
  const articleCount = new Set(refs.map((r) => r[0])).size;
  return { entity, articleCount, passages: picked.map(({ score: _score, ...p }) => p) };
}
