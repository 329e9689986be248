// The page's side of an import: which picked or dropped files to take, reading them (all entries of
// a dropped folder too), and splitting them into requests small enough for one extension message.
// No Node APIs: runs on the extension page.
import { MAX_FILE_BYTES } from '../corpus/decode.ts';
import { bytesToBase64, IMPORT_LIMITS, type ImportFilePayload } from './protocol.ts';

/** A file as picked: the browser's File and the name to report (folder-relative where known). */
export interface PickedFile {
  name: string;
  file: Blob & { size: number };
}

/** Article files in a folder, as the build's reader takes them: .txt and .md, except README.md. */
export function isArticleName(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return /\.(txt|md)$/i.test(base) && base.toLowerCase() !== 'readme.md' && !base.startsWith('.');
}

/** Files from an <input type=file>: folder picks keep only article files; single picks keep all. */
export function pickedFrom(list: ArrayLike<File>, fromFolder: boolean): PickedFile[] {
  const out: PickedFile[] = [];
  for (let i = 0; i < list.length; i++) {
    const file = list[i] as File & { webkitRelativePath?: string };
    const name = file.webkitRelativePath || file.name;
    if (fromFolder && !isArticleName(name)) continue;
    out.push({ name, file });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath?: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: EntryLike[]) => void, fail: (e: unknown) => void): void };
}

async function walk(entry: EntryLike, out: PickedFile[], inFolder: boolean): Promise<void> {
  const path = (entry.fullPath ?? entry.name).replace(/^\//, '');
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, fail) => entry.file?.(ok, fail));
    if (!inFolder || isArticleName(path)) out.push({ name: path, file });
    return;
  }
  if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    for (;;) {
      // readEntries answers in chunks (100 in Chromium) until an empty one.
      const chunk = await new Promise<EntryLike[]>((ok, fail) => reader.readEntries(ok, fail));
      if (chunk.length === 0) break;
      for (const child of chunk) await walk(child, out, true);
    }
  }
}

/** Files from a drop: dropped folders are walked (article files only), dropped files all taken. */
export async function droppedFrom(data: DataTransfer): Promise<PickedFile[]> {
  const items = Array.from(data.items ?? []);
  const entries = items
    .map((item) => (item as { webkitGetAsEntry?: () => EntryLike | null }).webkitGetAsEntry?.() ?? null)
    .filter((e): e is EntryLike => e !== null);
  if (entries.length === 0) return pickedFrom(data.files, false);
  const out: PickedFile[] = [];
  for (const entry of entries) await walk(entry, out, false);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Splits files into requests within IMPORT_LIMITS (a file larger than the byte limit goes alone). */
export function batches<T extends { file: { size: number } }>(files: readonly T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const f of files) {
    const size = f.file.size > MAX_FILE_BYTES ? 0 : f.file.size;
    if (
      current.length > 0 &&
      (current.length >= IMPORT_LIMITS.filesPerRequest || bytes + size > IMPORT_LIMITS.bytesPerRequest)
    ) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  return new Uint8Array(await new Response(blob).arrayBuffer());
}

/** The message payload of one file (oversized files are sent without their bytes; the loader names them). */
export async function toPayload(picked: PickedFile): Promise<ImportFilePayload> {
  const size = picked.file.size;
  if (size > MAX_FILE_BYTES) return { name: picked.name, data: '', size };
  return { name: picked.name, data: bytesToBase64(await bytesOf(picked.file)), size };
}
