// Node-only: reads corpus files from disk for the CLI and the build (the one file in src/corpus
// that uses Node APIs; everything else also runs in the extension). Walks DIR|FILE arguments,
// takes `.txt` and `.md` files except README.md, in sorted order, and leaves oversized files
// unread so the loader can refuse them by size.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from './decode.ts';
import type { CorpusFile } from './load.ts';

export interface ReadResult {
  files: CorpusFile[];
  /** Arguments that do not exist or cannot be read (usage errors). */
  missing: string[];
}

const isArticleName = (name: string) => /\.(txt|md)$/i.test(name) && name.toLowerCase() !== 'readme.md';

async function collect(path: string, out: string[]): Promise<void> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const entries = await readdir(path, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) await collect(child, out);
      else if (entry.isFile() && isArticleName(entry.name)) out.push(child);
    }
  } else {
    out.push(path); // a file named explicitly is read whatever its name
  }
}

/** Reads the article files under the given paths (directories recursively). */
export async function readCorpusFiles(paths: string[]): Promise<ReadResult> {
  const names: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    try {
      await collect(path, names);
    } catch {
      missing.push(path);
    }
  }
  const files: CorpusFile[] = [];
  for (const name of names) {
    const { size } = await stat(name);
    if (size > MAX_FILE_BYTES) files.push({ name, bytes: new Uint8Array(0), size });
    else files.push({ name, bytes: new Uint8Array(await readFile(name)) });
  }
  return { files, missing };
}
