// The import messages' data: what an extension page sends the background (file bytes as base64, since
// extension messages are JSON) and what comes back (articles imported, files that failed with
// file:line: message, warnings). Plain data only.
import type { Script } from '../corpus/types.ts';

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

/** Bounds on one importFiles request; the page splits larger picks into several requests. */
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
