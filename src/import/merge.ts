// Imported articles joined to the background's loaded corpus without rebuilding it: a second detector
// for the entities only imports know, mentions of both merged (longest first, the bundle winning
// ties), and hover cards that carry passages from imported articles — for new entities and for the
// bundle's own entities that imported articles mention too (their forms found on first lookup).

import type { LoadedCorpus } from '../background/corpus.ts';
import { JoinedEntities } from '../background/entity-map.ts';
import type { Article, PassageKind } from '../corpus/types.ts';
import type { Entity, Mention } from '../entities/types.ts';
import type { EntityCard } from '../messaging.ts';
import { FOLD, foldKey, WORD } from '../text/fold.ts';
import { createImportDetector } from './detector.ts';
import { extractImportedEntities } from './entities.ts';

type CardPassage = EntityCard['passages'][number];

export interface Detector {
  detect(runs: readonly string[]): Mention[];
}

export type CreateDetector = (entities: readonly Entity[]) => Detector;

/** Passages of imported articles shown per card, at most. */
export const CARD_LIMITS = { passages: 6, perArticle: 2 } as const;

/** Mentions of two detectors over the same runs: overlaps resolved longest first, `a` winning ties. */
export function mergeMentions(a: readonly Mention[], b: readonly Mention[]): Mention[] {
  const all = [...a.map((m) => ({ m, p: 0 })), ...b.map((m) => ({ m, p: 1 }))];
  all.sort((x, y) => y.m.end - y.m.start - (x.m.end - x.m.start) || x.p - y.p);
  const taken = new Map<number, Array<[number, number]>>();
  const out: Mention[] = [];
  for (const { m } of all) {
    const spans = taken.get(m.run) ?? [];
    if (spans.some(([s, e]) => m.start < e && s < m.end)) continue;
    spans.push([m.start, m.end]);
    taken.set(m.run, spans);
    out.push(m);
  }
  return out.sort((x, y) => x.run - y.run || x.start - y.start);
}

interface Hit {
  article: Article;
  /** -1 for the title. */
  passage: number;
  start: number;
  end: number;
}

const KIND_ORDER: Record<PassageKind, number> = {
  paragraph: 0,
  subheading: 1,
  caption: 2,
  'gallery-item': 3,
  'gallery-heading': 4,
  byline: 5,
};

/** Card passages from imported hits: newest articles first, paragraphs preferred, mentions highlighted. */
function passagesFrom(hits: readonly Hit[]): { passages: CardPassage[]; articleCount: number } {
  const byArticle = new Map<Article, Map<number, Array<[number, number]>>>();
  for (const h of hits) {
    if (h.passage < 0) continue;
    const passages = byArticle.get(h.article) ?? new Map<number, Array<[number, number]>>();
    byArticle.set(h.article, passages);
    const ranges = passages.get(h.passage) ?? [];
    ranges.push([h.start, h.end]);
    passages.set(h.passage, ranges);
  }
  const articles = [...new Set(hits.map((h) => h.article))].sort((a, b) =>
    a.publishedAt > b.publishedAt ? -1 : a.publishedAt < b.publishedAt ? 1 : 0,
  );
  const passages: CardPassage[] = [];
  for (const article of articles) {
    const found = [...(byArticle.get(article) ?? new Map<number, Array<[number, number]>>())].sort(
      ([a], [b]) =>
        KIND_ORDER[article.passages[a]?.kind ?? 'byline'] -
          KIND_ORDER[article.passages[b]?.kind ?? 'byline'] || a - b,
    );
    for (const [index, ranges] of found.slice(0, CARD_LIMITS.perArticle)) {
      const p = article.passages[index];
      if (!p) continue;
      passages.push({
        articleId: article.id,
        title: article.title,
        url: article.url,
        publishedAt: article.publishedAt,
        source: article.source,
        text: p.text,
        kind: p.kind,
        highlights: ranges.sort((x, y) => x[0] - y[0]),
      });
      if (passages.length >= CARD_LIMITS.passages) break;
    }
    if (passages.length >= CARD_LIMITS.passages) break;
  }
  return { passages, articleCount: articles.length };
}

/** Every text of the imported articles as runs, with the way back to (article, passage). */
function runsOf(articles: readonly Article[]) {
  const runs: string[] = [];
  const where: Array<{ article: Article; passage: number }> = [];
  for (const article of articles) {
    runs.push(article.title);
    where.push({ article, passage: -1 });
    article.passages.forEach((p, i) => {
      runs.push(p.text);
      where.push({ article, passage: i });
    });
  }
  return { runs, where };
}

/**
 * Finds an entity's forms in the imported texts on demand (for its card): folded, so either script
 * matches; Latin forms only on word boundaries. Cheap enough per lookup (a few ms for thousands of
 * articles), so nothing is scanned up front and a cold service worker is ready at once.
 */
const utf16 = new TextDecoder('utf-16le');

/** fold() for long texts: one typed-array pass and a native decode (fold() appends char by char). */
export function foldLong(text: string): string {
  const table: Uint16Array = FOLD; // a local: module bindings can be getters under some loaders
  const n = text.length;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) units[i] = table[text.charCodeAt(i)] ?? 0;
  return utf16.decode(units);
}

function createHitFinder(runs: readonly string[], where: ReturnType<typeof runsOf>['where']) {
  let folded: string[] | null = null;
  return (forms: readonly string[]): Hit[] => {
    folded ??= runs.map(foldLong);
    const keys = [...new Set(forms.map(foldKey))]
      .filter((k) => k.length >= 2)
      .sort((x, y) => y.length - x.length);
    const hits: Hit[] = [];
    folded.forEach((text, r) => {
      const at = where[r];
      if (!at) return;
      const taken: Array<[number, number]> = [];
      for (const key of keys) {
        const latinStart = WORD[key.charCodeAt(0)] === 1;
        const latinEnd = WORD[key.charCodeAt(key.length - 1)] === 1;
        for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
          const end = i + key.length;
          if (latinStart && i > 0 && WORD[text.charCodeAt(i - 1)] === 1) continue;
          if (latinEnd && end < text.length && WORD[text.charCodeAt(end)] === 1) continue;
          if (taken.some(([s, e]) => i < e && s < end)) continue;
          taken.push([i, end]);
          hits.push({ ...at, start: i, end });
        }
      }
    });
    return hits;
  };
}

/** The texts of hits, as the articles write them (e.g. both 馬英九 and 马英九). */
function writtenForms(hits: readonly Hit[]): string[] {
  const forms = new Set<string>();
  for (const h of hits) {
    const text = h.passage < 0 ? h.article.title : (h.article.passages[h.passage]?.text ?? '');
    forms.add(text.slice(h.start, h.end));
  }
  return [...forms].filter(Boolean);
}

export interface MergeOptions {
  /** The detector for the imports' own entities (createImportDetector unless a test swaps it). */
  createDetector?: CreateDetector;
}

/**
 * The base corpus with `imported` joined. With no imports the base itself is returned. Every other
 * field of the base (added later by its owners) is kept as is.
 */
export function mergeImported(
  base: LoadedCorpus,
  imported: readonly Article[],
  options: MergeOptions = {},
): LoadedCorpus & { importedArticles: number; importedEntities: number } {
  if (imported.length === 0)
    return Object.assign(Object.create(Object.getPrototypeOf(base)), base, {
      importedArticles: 0,
      importedEntities: 0,
    });
  const { runs, where } = runsOf(imported);
  const findHits = createHitFinder(runs, where);
  const isKnown = (form: string) => base.knows(form);
  const fresh = extractImportedEntities(imported, { isKnown }).filter((e) => !base.entities.has(e.id));
  const detector = (options.createDetector ?? createImportDetector)(fresh);

  const freshById = new Map(fresh.map((e) => [e.id, e]));
  // A view, not a copy: copying made every bundled entity's object at each cold start.
  const entities = new JoinedEntities(base.entities, freshById);
  const known = new Set(freshById.keys());
  const freshForms = new Set(fresh.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(foldKey)));
  // Imported passages per entity, found on the first lookup and kept.
  const found = new Map<string, { passages: CardPassage[]; articleCount: number; forms: string[] }>();
  const importedFor = (entity: Entity) => {
    let f = found.get(entity.id);
    if (!f) {
      const hits = findHits([entity.name, ...entity.aliases.map((a) => a.text)]);
      f = { ...passagesFrom(hits), forms: writtenForms(hits) };
      found.set(entity.id, f);
    }
    return f;
  };
  return Object.assign(Object.create(Object.getPrototypeOf(base)), base, {
    articleCount: base.articleCount + imported.length,
    entities,
    importedArticles: imported.length,
    importedEntities: fresh.length,
    detect(input: readonly string[]): Mention[] {
      const ours = detector.detect(input).filter((m) => known.has(m.entityId));
      const theirs = base.detect(input);
      return ours.length === 0 ? theirs : mergeMentions(theirs, ours);
    },
    knows: (form: string) => base.knows(form) || freshForms.has(foldKey(form)),
    entity: (id: string) => freshById.get(id) ?? base.entity(id),
    lookup(id: string): EntityCard | null {
      // Every alias of a bundled entity (lookups come after full(), so base.entity answers).
      const entity = freshById.get(id) ?? (entities.has(id) ? base.entity(id) : null);
      if (!entity) return base.lookup(id);
      const more = importedFor(entity);
      if (known.has(id)) {
        if (more.articleCount === 0) return null;
        // The forms imported articles write it in become aliases (for the name-form option).
        const aliases = [...entity.aliases];
        for (const text of more.forms)
          if (!aliases.some((a) => a.text === text)) aliases.push({ text, source: 'corpus' });
        const shown = { ...entity, aliases, articleCount: more.articleCount };
        return { entity: shown, articleCount: more.articleCount, passages: more.passages };
      }
      const baseCard = base.lookup(id);
      if (more.articleCount === 0) return baseCard;
      if (!baseCard) return { entity, articleCount: more.articleCount, passages: more.passages };
      return {
        ...baseCard,
        articleCount: baseCard.articleCount + more.articleCount,
        passages: [...more.passages.slice(0, 2), ...baseCard.passages],
      };
    },
  });
}
