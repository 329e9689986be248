// The one typed message contract between the content script, the extension pages and the background.
// Built on @webext-core/messaging: `sendMessage('matchRuns', {...})` is checked against this protocol
// at compile time; errors thrown by a handler reach the caller as rejected promises. The content
// script's build speaks the same wire format through src/content/messaging-lite.ts (wxt.config.ts).
//
// Who answers what:
//   background   ping, matchRuns, lookupEntity, openEntity, importArticles, listImported, removeImported
//   content (top frame of a tab, sent with {tabId, frameId: 0})   summarizeTab, showCardAtCaret
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DataSource } from './background/data-cache.ts';
import type { Article } from './corpus/types.ts';
import type { EntityCard } from './entities/lookup.ts';
import type { EntityKind, Mention } from './entities/types.ts';
import type {
  ImportArticlesRequest,
  ImportedArticleSummary,
  ImportFilesResponse,
} from './import/protocol.ts';
import type { EntityPageData } from './search/entity-page.ts';
import type { SearchRequest, SearchResponse } from './search/handlers.ts';

export type { EntityCard };

/** What the content script needs to know about a matched entity without a lookup. */
export interface EntityBrief {
  id: string;
  name: string;
  kind: EntityKind;
  articleCount: number;
  english?: string;
}

export interface MatchRunsRequest {
  /** Text runs in page order; mentions refer to them by index. */
  runs: string[];
  /**
   * Answer with `packed` (and `mentions` empty): a fifth of the bytes, and the message's size is
   * most of its round trip (~6 ms for 840 mentions as objects, ~2 ms for none). The content script's form.
   */
  packed?: boolean;
}

export interface MatchRunsResponse {
  /** Sorted by run and offset (empty when `packed` was asked for). */
  mentions: Mention[];
  /** The entities the mentions refer to, by id. */
  entities: Record<string, EntityBrief>;
  /** With `packed`: four numbers per mention, run, start, end and its entity's index in `entityIds`. */
  packed?: number[];
  entityIds?: string[];
}

export interface LookupEntityRequest {
  entityId: string;
}

export interface PingResponse {
  ok: true;
  /** True once the corpus is loaded in this worker (a plain ping never loads it). */
  ready: boolean;
  /** Milliseconds since this worker started (a small number after a cold start). */
  uptimeMs: number;
  /** Articles and entities in the loaded corpus (0 until ready). */
  articles: number;
  entities: number;
  /** Milliseconds the corpus took to load in this worker (fetch + parse + build; 0 until ready). */
  loadMs: number;
  /** The load split into fetching the bundle, reading it (JSON parse + validation) and the detector. */
  loadTimings?: { fetchMs: number; readMs: number; detectorMs: number };
  /**
   * Where this worker read each data file it has read so far ("/data/detector.bin": "cache"): from
   * the extension package, or from its copy in Cache Storage (src/background/data-cache.ts).
   */
  dataFrom?: Record<string, DataSource>;
}

/** One entity found on a tab. */
export interface TabTerm {
  entityId: string;
  name: string;
  kind: EntityKind;
  /** How many marks on the page. */
  count: number;
  /** The forms the page writes it in. */
  texts: string[];
}

export interface TabSummary {
  url: string;
  /** False when Factlens is switched off (globally or for this site). */
  enabled: boolean;
  terms: TabTerm[];
}

export interface FactlensProtocol {
  /**
   * Answers at once; what it asks for loads meanwhile. warm: the detector (a page is loading: the
   * content script sends it at document_start); articles: the articles too (a pointer dwells on a
   * mark: its card will need them, and a worker woken for it reads ~13 MB); search: the search index
   * (the popup or the search page opened: a query will follow).
   */
  ping(data?: { warm?: boolean; articles?: boolean; search?: boolean }): PingResponse;
  matchRuns(data: MatchRunsRequest): MatchRunsResponse;
  lookupEntity(data: LookupEntityRequest): EntityCard | null;
  /** Opens the extension's search page on an entity in a new tab. */
  openEntity(data: { entityId: string }): void;
  /** Answered by the content script of the tab's top frame. */
  summarizeTab(): TabSummary;
  /** Answered by the content script: opens the card for the mention at the caret or focus. */
  showCardAtCaret(): boolean;
  /**
   * Popup → content script of the tab's top frame: scroll to the entity's first mark and flash it;
   * false when the page has none. (Until the content script answers, the popup opens the entity page.)
   */
  revealEntity(data: { entityId: string }): boolean;
  /** Extension pages → background: parse and keep the user's own article files (src/import). */
  importArticles(data: ImportArticlesRequest): ImportFilesResponse;
  /** The imported articles, newest import first. */
  listImported(): ImportedArticleSummary[];
  /** Removes imported articles by id; answers how many were removed. */
  removeImported(data: { ids: string[] }): { removed: number };
  /** Extension pages (search page, popup) → background: full-text passage search (src/search). */
  search(data: SearchRequest): SearchResponse;
  /** Extension page → background: the entity page (mentions, timeline, co-occurring, related). */
  entityPage(data: { entityId: string }): EntityPageData | null;
  /** Extension page → background: one article for the reader. */
  article(data: { articleId: string }): Article | null;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<FactlensProtocol>();

/** Errors that mean the background went away mid-request (an MV3 worker killed or restarting). */
const TRANSIENT = [
  'Receiving end does not exist',
  'message port closed',
  // "A listener indicated an asynchronous response by returning true, but the message channel closed
  // before a response was received": the worker was stopped after its listener took the message. Not
  // retried before 2026-11-27, the likely cause of the dying-worker e2e test's rare failures.
  'message channel closed',
  'No response',
  'Could not establish connection',
  'disconnected port',
];

export function isTransientError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return TRANSIENT.some((t) => message.includes(t));
}

/**
 * Calls `send` again (up to `attempts` times, backing off exponentially to at most 16 × `delayMs`)
 * when the worker died mid-request.
 */
export async function withRetry<T>(send: () => Promise<T>, attempts = 8, delayMs = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await send();
    } catch (error) {
      if (i >= attempts || !isTransientError(error)) throw error;
      // 50, 100, 200, 400, 800, 800, 800 ms: a worker stopped again and again gets ~3 s to come back.
      // With ~1.5 s (six attempts), the e2e test that stops the worker five times during a hover's
      // dwell failed once in a full run on a loaded machine (2026-11-27): the restarts took longer.
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** Math.min(i - 1, 4)));
    }
  }
}
