// The entity page's source (src/search/entity-page.ts) with imported articles joined: their mentions
// found with the joined corpus' detector, indexed after the bundle's articles, and the entities only
// imports know added — so an imported entity's page (the card's "more" link) and a bundled entity's
// page both show imported articles. Computed once per (source, joined corpus).
import type { LoadedCorpus } from '../background/corpus.ts';
import type { Article } from '../corpus/types.ts';
import type { MentionRef } from '../entities/extract.ts';
import type { Entity } from '../entities/types.ts';
import type { EntityPageSource } from '../search/entity-page.ts';

const cache = new WeakMap<EntityPageSource, WeakMap<LoadedCorpus, EntityPageSource>>();

export function joinEntitySource(
  base: EntityPageSource,
  imported: readonly Article[],
  corpus: LoadedCorpus,
): EntityPageSource {
  if (imported.length === 0) return base;
  let byCorpus = cache.get(base);
  const hit = byCorpus?.get(corpus);
  if (hit) return hit;
  const known = new Set(base.entities.map((e) => e.id));
  const entities: Entity[] = [...base.entities];
  for (const id of corpus.entities.keys()) {
    if (known.has(id)) continue;
    // The full entity (every alias): entity pages are shown after the bundle is read.
    const entity = corpus.entity(id);
    if (entity) entities.push(entity);
  }
  const bundled = new Set(base.articles.map((a) => a.id));
  const extra = imported.filter((a) => !bundled.has(a.id));
  const offset = base.mentionIndex.articles.length;
  const byEntity: Record<string, MentionRef[]> = {};
  for (const [id, refs] of Object.entries(base.mentionIndex.byEntity)) byEntity[id] = [...refs];
  extra.forEach((article, i) => {
    for (const m of corpus.detect(article.passages.map((p) => p.text))) {
      const refs = byEntity[m.entityId] ?? [];
      refs.push([offset + i, m.run, m.start, m.end]);
      byEntity[m.entityId] = refs;
    }
  });
  const joined: EntityPageSource = {
    entities,
    articles: [...base.articles, ...extra],
    mentionIndex: { articles: [...base.mentionIndex.articles, ...extra.map((a) => a.id)], byEntity },
  };
  if (!byCorpus) {
    byCorpus = new WeakMap();
    cache.set(base, byCorpus);
  }
  byCorpus.set(corpus, joined);
  return joined;
}
