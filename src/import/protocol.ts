// The import messages' data: the picked files' batches as the importing page reads them (file bytes as
// base64), what the page sends the background once it has parsed a batch (the articles, and the
// files' problems) and what comes back (articles imported, files that failed with file:line: message,
// warnings). Plain data only.
import type { Article, Script } from '../corpus/types.ts';

export interface ImportFilePayload {
  /** The file's name, folder-relative when picked as a folder. */
  name: string;
  /** Its bytes as base64; empty when the file is too large to send (`size` says how large). */
  data: string;
  size: number;
}

export interface ImportFilesRequest {
  files: ImportFilePayload[];
}

/**
 * A batch of picked files as the importing page parsed it (parse-files.ts): the background stores the
 * articles and passes the files' problems back in its answer.
 */
export interface ImportArticlesRequest {
  /** Files read for this request. */
  files: number;
  articles: Article[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

export interface ImportProblem {
  file: string;
  line?: number;
  message: string;
}

export interface ImportedArticleSummary {
  id: string;
  title: string;
  url: string;
  source: string;
  publishedAt: string;
  script: Script;
  file: string;
  importedAt: number;
}

export interface ImportFilesResponse {
  /** Files read in this request. */
  files: number;
  imported: ImportedArticleSummary[];
  /** One entry per error: the file is not imported. */
  errors: ImportProblem[];
  /** The file was imported anyway. */
  warnings: ImportProblem[];
}

/** Bounds on one batch of files (and so on one importArticles request); larger picks are split. */
export const IMPORT_LIMITS = {
  filesPerRequest: 200,
  bytesPerRequest: 4 * 1024 * 1024,
} as const;

/** "file:line: message", as the CLI writes problems. */
export function formatProblem(p: ImportProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
