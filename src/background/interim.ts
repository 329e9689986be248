// INTERIM (removed once src/match/detector.ts and src/entities/lookup.ts land): a thin stand-in for the
// matcher's API so the runtime can be built and tested end to end meanwhile.
import type { Entity, Mention } from '../entities/types.ts';

export interface CardPassage {
  articleId: string;
  title: string;
  url: string;
  publishedAt: string;
  source: string;
  text: string;
  kind: string;
  /** [start, end) offsets of the mention in `text`. */
  highlights: Array<[number, number]>;
}

export interface EntityCard {
  entity: Entity;
  articleCount: number;
  passages: CardPassage[];
}

export function createDetector(entities: readonly Entity[]): { detect(runs: readonly string[]): Mention[] } {
  const forms: Array<[string, string]> = [];
  for (const e of entities) for (const a of [e.name, ...e.aliases.map((x) => x.text)]) forms.push([a, e.id]);
  forms.sort((a, b) => b[0].length - a[0].length);
  return {
    detect(runs) {
      const out: Mention[] = [];
      runs.forEach((text, run) => {
        const taken: boolean[] = [];
        for (const [form, entityId] of forms) {
          let i = text.indexOf(form);
          while (i >= 0) {
            if (!taken.slice(i, i + form.length).some(Boolean)) {
              for (let k = i; k < i + form.length; k++) taken[k] = true;
              out.push({ run, start: i, end: i + form.length, text: form, entityId, score: 1 });
            }
            i = text.indexOf(form, i + form.length);
          }
        }
      });
      return out.sort((a, b) => a.run - b.run || a.start - b.start);
    },
  };
}

export function lookupEntity(
  data: { articles: readonly import('../corpus/types.ts').Article[]; entities: readonly Entity[] },
  entityId: string,
): EntityCard | null {
  const entity = data.entities.find((e) => e.id === entityId);
  if (!entity) return null;
  const forms = [entity.name, ...entity.aliases.map((a) => a.text)];
  const passages: CardPassage[] = [];
  const articles = new Set<string>();
  for (const a of data.articles) {
    for (const p of a.passages) {
      const form = forms.find((f) => p.text.includes(f));
      if (!form) continue;
      articles.add(a.id);
      const at = p.text.indexOf(form);
      passages.push({
        articleId: a.id,
        title: a.title,
        url: a.url,
        publishedAt: a.publishedAt,
        source: a.source,
        text: p.text,
        kind: p.kind,
        highlights: [[at, at + form.length]],
      });
    }
  }
  return { entity, articleCount: articles.size, passages };
}
