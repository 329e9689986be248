// Message handlers as pure functions of (corpus, request): the background wires them to messages, the
// unit tests call them directly.
import type { Mention } from '../entities/types.ts';
import type {
  EntityBrief,
  EntityCard,
  LookupEntityRequest,
  MatchRunsRequest,
  MatchRunsResponse,
  PingResponse,
} from '../messaging.ts';
import { byFormPriority, pickPassages } from '../ui/card-model.ts';
import type { LoadedCorpus } from './corpus.ts';
import type { DataSource } from './data-cache.ts';

/** Bounds on one matchRuns request: content scripts send batches well below these. */
export const MATCH_LIMITS = {
  maxRuns: 5_000,
  maxChars: 2_000_000,
} as const;

export class RequestError extends Error {
  override name = 'RequestError';
}

function checkRuns(data: unknown): string[] {
  const runs = (data as MatchRunsRequest | undefined)?.runs;
  if (!Array.isArray(runs)) throw new RequestError('matchRuns: expected {runs: string[]}');
  if (runs.length > MATCH_LIMITS.maxRuns) {
    throw new RequestError(`matchRuns: ${runs.length} runs in one request (at most ${MATCH_LIMITS.maxRuns})`);
  }
  let chars = 0;
  for (const run of runs) {
    if (typeof run !== 'string') throw new RequestError('matchRuns: every run must be a string');
    chars += run.length;
  }
  if (chars > MATCH_LIMITS.maxChars) {
    throw new RequestError(
      `matchRuns: ${chars} characters in one request (at most ${MATCH_LIMITS.maxChars})`,
    );
  }
  return runs;
}

export function briefOf(corpus: LoadedCorpus, entityId: string): EntityBrief | null {
  const entity = corpus.entities.get(entityId);
  if (!entity) return null;
  const brief: EntityBrief = {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    articleCount: entity.articleCount,
  };
  if (entity.english) brief.english = entity.english;
  return brief;
}

/** Finds the corpus' entities in the runs; mentions come back sorted by run and offset. */
export function handleMatchRuns(corpus: LoadedCorpus, data: MatchRunsRequest): MatchRunsResponse {
  const runs = checkRuns(data);
  const entities: Record<string, EntityBrief> = {};
  const mentions: Mention[] = [];
  if (runs.length === 0) return data.packed === true ? pack(mentions, entities) : { mentions, entities };
  for (const m of corpus.detect(runs)) {
    const run = runs[m.run];
    if (run === undefined || m.start < 0 || m.end > run.length || m.start >= m.end) continue;
    if (!entities[m.entityId]) {
      const brief = briefOf(corpus, m.entityId);
      if (!brief) continue;
      entities[m.entityId] = brief;
    }
    mentions.push(m);
  }
  mentions.sort((a, b) => a.run - b.run || a.start - b.start);
  return data.packed === true ? pack(mentions, entities) : { mentions, entities };
}

/** The packed form of an answer (MatchRunsRequest.packed): numbers instead of objects. */
export function pack(mentions: readonly Mention[], entities: Record<string, EntityBrief>): MatchRunsResponse {
  const entityIds = Object.keys(entities);
  const index = new Map(entityIds.map((id, i) => [id, i]));
  const packed: number[] = [];
  for (const m of mentions) packed.push(m.run, m.start, m.end, index.get(m.entityId) ?? -1);
  return { mentions: [], entities, packed, entityIds };
}

export function handleLookup(corpus: LoadedCorpus, data: LookupEntityRequest): EntityCard | null {
  const id = data?.entityId;
  if (typeof id !== 'string' || id.length === 0 || id.length > 500) {
    throw new RequestError('lookupEntity: expected {entityId: string}');
  }
  const card = corpus.lookup(id);
  // The hover card's three passages and its alias order, worked out here: the content script stays
  // small.
  return (
    card && {
      ...card,
      entity: { ...card.entity, aliases: byFormPriority(card.entity.aliases) },
      passages: pickPassages(card.passages, 3),
    }
  );
}

export function handlePing(
  corpus: LoadedCorpus | null,
  uptimeMs: number,
  dataFrom?: ReadonlyMap<string, DataSource>,
): PingResponse {
  return {
    ok: true,
    ready: corpus !== null,
    uptimeMs: Math.round(uptimeMs),
    articles: corpus?.articleCount ?? 0,
    entities: corpus?.entities.size ?? 0,
    loadMs: Math.round(corpus?.loadMs ?? 0),
    ...(corpus?.loadTimings
      ? {
          loadTimings: {
            fetchMs: Math.round(corpus.loadTimings.fetchMs),
            readMs: Math.round(corpus.loadTimings.readMs),
            detectorMs: Math.round(corpus.loadTimings.detectorMs),
          },
        }
      : {}),
    ...(dataFrom?.size ? { dataFrom: Object.fromEntries(dataFrom) } : {}),
  };
}

/** The URL of the extension page showing one entity (the search page). */
export function entityPageUrl(getURL: (path: string) => string, entityId: string): string {
  return `${getURL('/search.html')}?entity=${encodeURIComponent(entityId)}`;
}
