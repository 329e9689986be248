// `factlens corpus --entities`: the entities extracted from the articles just read, with kind, article
// count and every alias with its source (and the forms that lose a tie, weakKeys, or are pieces of
// longer names, pieceKeys), plus counts by kind and by alias source (JSON or text).
import type { Article } from '../corpus/types.ts';
import { extractCached } from '../entities/node-data.ts';
import type { Entity } from '../entities/types.ts';

export interface EntitiesListing {
  total: number;
  byKind: Record<string, number>;
  bySource: Record<string, number>;
  entities: Array<
    Pick<
      Entity,
      | 'id'
      | 'name'
      | 'kind'
      | 'articleCount'
      | 'english'
      | 'sources'
      | 'aliases'
      | 'weakKeys'
      | 'pieceKeys'
      | 'everydayKeys'
    >
  >;
}

export async function entitiesListing(articles: Article[]): Promise<EntitiesListing> {
  const { entities } = await extractCached(articles);
  const byKind: Record<string, number> = {};
  const bySource: Record<string, number> = {};
  for (const e of entities) {
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    for (const a of e.aliases) bySource[a.source] = (bySource[a.source] ?? 0) + 1;
  }
  const sorted = [...entities].sort((a, b) => b.articleCount - a.articleCount || (a.id < b.id ? -1 : 1));
  return {
    total: entities.length,
    byKind,
    bySource,
    entities: sorted.map(
      ({ id, name, kind, articleCount, english, sources, aliases, weakKeys, pieceKeys, everydayKeys }) => ({
        id,
        name,
        kind,
        articleCount,
        ...(english ? { english } : {}),
        ...(sources ? { sources } : {}),
        aliases,
        ...(weakKeys ? { weakKeys } : {}),
        ...(everydayKeys ? { everydayKeys } : {}),
        ...(pieceKeys ? { pieceKeys } : {}),
      }),
    ),
  };
}

export function entitiesText(listing: EntitiesListing): string {
  const lines = [
    `entities:  ${listing.total} (${Object.entries(listing.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
    `aliases:   ${Object.entries(listing.bySource)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  ];
  for (const e of listing.entities) {
    lines.push(
      `${e.name}\t${e.kind}\t${e.articleCount}\t${e.aliases.map((a) => `${a.text} [${a.source}]`).join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
