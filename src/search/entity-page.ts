// The entity page's data, computed in the background from the corpus and its mention index: every
// mention across articles (newest article first), a timeline of articles per month, the entities
// that co-occur most (sharing articles), and related articles through ArticleRef links (articles the
// entity's articles link to, or that link to them). Plain data, so it crosses the message boundary.
import type { Article, PassageKind } from '../corpus/types.ts';
import type { MentionIndex } from '../entities/extract.ts';
import type { Entity, EntityKind } from '../entities/types.ts';
import type { HighlightRange } from './types.ts';

export interface EntityPageData {
  entity: Entity;
  articleCount: number;
  mentionCount: number;
  /** Newest first; at most `maxArticles`, each with at most `maxPassages` passages. */
  articles: EntityPageArticle[];
  /** Articles per month (YYYY-MM), every month from the first to the last. */
  timeline: { month: string; count: number }[];
  cooccurring: { entityId: string; name: string; kind: EntityKind; articles: number }[];
  related: RelatedArticle[];
}

export interface EntityPageArticle {
  articleId: string;
  title: string;
  url: string;
  source: string;
  publishedAt: string;
  mentions: number;
  passages: { index: number; kind: PassageKind; text: string; highlights: HighlightRange[] }[];
}

export interface RelatedArticle {
  articleId: string;
  title: string;
  publishedAt: string;
  /** How many of the entity's articles link to it or are linked from it. */
  links: number;
  direction: 'links-to' | 'linked-from';
}

export interface EntityPageSource {
  entities: readonly Entity[];
  articles: readonly Article[];
  mentionIndex: MentionIndex;
}

interface Prepared {
  byId: Map<string, Entity>;
  articles: Map<string, Article>;
  /** article id → entity ids mentioned in it */
  entitiesOf: Map<string, Set<string>>;
  /** article id → ids of articles that link to it */
  linkedFrom: Map<string, Set<string>>;
}

const prepared = new WeakMap<object, Prepared>();

function prepare(source: EntityPageSource): Prepared {
  let p = prepared.get(source);
  if (p) return p;
  const entitiesOf = new Map<string, Set<string>>();
  for (const [entityId, refs] of Object.entries(source.mentionIndex.byEntity)) {
    for (const [ai] of refs) {
      const id = source.mentionIndex.articles[ai];
      if (id === undefined) continue;
      let set = entitiesOf.get(id);
      if (!set) {
        set = new Set();
        entitiesOf.set(id, set);
      }
      set.add(entityId);
    }
  }
  const linkedFrom = new Map<string, Set<string>>();
  for (const a of source.articles) {
    for (const link of a.links) {
      let set = linkedFrom.get(link.id);
      if (!set) {
        set = new Set();
        linkedFrom.set(link.id, set);
      }
      set.add(a.id);
    }
  }
  p = {
    byId: new Map(source.entities.map((e) => [e.id, e])),
    articles: new Map(source.articles.map((a) => [a.id, a])),
    entitiesOf,
    linkedFrom,
  };
  prepared.set(source, p);
  return p;
}

/** Every month from `first` to `last` (YYYY-MM), inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while ((y < ly || (y === ly && m <= lm)) && out.length < 1200) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function buildEntityPage(
  source: EntityPageSource,
  entityId: string,
  options: { maxArticles?: number; maxPassages?: number; maxRelated?: number; maxCooccurring?: number } = {},
): EntityPageData | null {
  const { maxArticles = 100, maxPassages = 5, maxRelated = 10, maxCooccurring = 12 } = options;
  const p = prepare(source);
  const entity = p.byId.get(entityId);
  if (!entity) return null;
  const refs = source.mentionIndex.byEntity[entityId] ?? [];
  // article id → passage index → ranges
  const byArticle = new Map<string, Map<number, HighlightRange[]>>();
  for (const [ai, pi, start, end] of refs) {
    const id = source.mentionIndex.articles[ai];
    if (id === undefined || !p.articles.has(id)) continue;
    let passages = byArticle.get(id);
    if (!passages) {
      passages = new Map();
      byArticle.set(id, passages);
    }
    const ranges = passages.get(pi) ?? [];
    ranges.push([start, end]);
    passages.set(pi, ranges);
  }
  const articles = [...byArticle.keys()]
    .map((id) => p.articles.get(id) as Article)
    .sort((a, b) =>
      a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : a.id < b.id ? -1 : 1,
    );

  const months = new Map<string, number>();
  for (const a of articles) {
    const month = a.publishedAt.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  const sortedMonths = [...months.keys()].sort();
  const timeline =
    sortedMonths.length > 0
      ? monthsBetween(sortedMonths[0] as string, sortedMonths[sortedMonths.length - 1] as string).map(
          (month) => ({
            month,
            count: months.get(month) ?? 0,
          }),
        )
      : [];

  const co = new Map<string, number>();
  for (const a of articles) {
    for (const other of p.entitiesOf.get(a.id) ?? []) {
      if (other !== entityId) co.set(other, (co.get(other) ?? 0) + 1);
    }
  }
  const cooccurring = [...co.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, maxCooccurring)
    .flatMap(([id, n]) => {
      const e = p.byId.get(id);
      return e ? [{ entityId: id, name: e.name, kind: e.kind, articles: n }] : [];
    });

  const own = new Set(byArticle.keys());
  const related = new Map<string, RelatedArticle>();
  const addRelated = (id: string, direction: RelatedArticle['direction']): void => {
    if (own.has(id)) return;
    const target = p.articles.get(id);
    if (!target) return;
    const r = related.get(id);
    if (r) r.links++;
    else
      related.set(id, {
        articleId: id,
        title: target.title,
        publishedAt: target.publishedAt,
        links: 1,
        direction,
      });
  };
  for (const a of articles) {
    for (const link of a.links) addRelated(link.id, 'links-to');
    for (const from of p.linkedFrom.get(a.id) ?? []) addRelated(from, 'linked-from');
  }

  let mentionCount = 0;
  for (const passages of byArticle.values()) for (const r of passages.values()) mentionCount += r.length;
  return {
    entity,
    articleCount: articles.length,
    mentionCount,
    articles: articles.slice(0, maxArticles).map((a): EntityPageArticle => {
      const passages = byArticle.get(a.id) ?? new Map<number, HighlightRange[]>();
      let mentions = 0;
      for (const r of passages.values()) mentions += r.length;
      return {
        articleId: a.id,
        title: a.title,
        url: a.url,
        source: a.source,
        publishedAt: a.publishedAt,
        mentions,
        passages: [...passages.entries()]
          .sort((x, y) => x[0] - y[0])
          .slice(0, maxPassages)
          .flatMap(([index, ranges]) => {
            const passage = a.passages[index];
            if (!passage) return [];
            const highlights = ranges.sort((x, y) => x[0] - y[0]);
            return [{ index, kind: passage.kind, text: passage.text, highlights }];
          }),
      };
    }),
    timeline,
    cooccurring,
    related: [...related.values()]
      .sort((x, y) => y.links - x.links || (x.publishedAt < y.publishedAt ? 1 : -1))
      .slice(0, maxRelated),
  };
}
