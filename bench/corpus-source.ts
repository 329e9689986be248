// The real corpus the benchmarks and the evaluation start from: the seed plus the shared test corpus
// (../shared/corpus, read in place, never copied), or the folders given with --corpus DIR.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus/load.ts';
import { readCorpusFiles } from '../src/corpus/node-files.ts';
import type { Article } from '../src/corpus/types.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const SHARED_CORPUS = ['dw-zh', 'dw-2023-24', 'economist-en'].map((d) =>
  resolve(ROOT, '../shared/corpus', d),
);

/** The --corpus folders of argv, else the shared corpus folders that exist. */
export function corpusDirs(argv: readonly string[]): string[] {
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++)
    if (argv[i] === '--corpus' && argv[i + 1]) dirs.push(argv[++i] as string);
  return dirs.length > 0 ? dirs : SHARED_CORPUS.filter((d) => existsSync(d));
}

export async function loadRealCorpus(
  argv: readonly string[] = [],
): Promise<{ articles: Article[]; dirs: string[] }> {
  const dirs = corpusDirs(argv);
  const { files } = await readCorpusFiles([resolve(ROOT, 'seeds'), ...dirs]);
  const { articles } = loadCorpus(files);
  return { articles, dirs };
}
