// Node-only (CLI): the entity data for a set of corpus paths — articles, entities, mention index and the
// matcher's dictionary words — compiled once and cached on disk under node_modules/.cache/factlens/,
// keyed by a hash of the corpus files and of the extractor's own source, so `factlens detect --corpus
// DIR` pays the extraction (CC-CEDICT load, 2,000 articles) once and then starts in well under a second.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../corpus/load.ts';
import { readCorpusFiles } from '../corpus/node-files.ts';
import type { Article, CorpusIssue } from '../corpus/types.ts';
import type { ExtractResult } from './extract.ts';

export interface EntityData extends ExtractResult {
  articles: Article[];
}

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_ROOT = resolve(SRC, '..');
export const SEEDS_DIR = join(PACKAGE_ROOT, 'seeds');

function sourceHash(): string {
  const h = createHash('sha256');
  for (const dir of ['entities', 'match', 'text', 'corpus']) {
    const full = join(SRC, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).sort())
      if (f.endsWith('.ts')) h.update(f).update(readFileSync(join(full, f)));
  }
  return h.digest('hex');
}

function cacheDir(): string {
  return join(PACKAGE_ROOT, 'node_modules', '.cache', 'factlens');
}

/** extractEntities for already parsed articles, cached by their content (for `factlens corpus --entities`). */
export async function extractCached(articles: Article[]): Promise<ExtractResult> {
  const key = createHash('sha256')
    .update(sourceHash())
    .update(JSON.stringify(articles))
    .digest('hex')
    .slice(0, 32);
  const file = join(cacheDir(), `extract-${key}.json`);
  if (existsSync(file)) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as ExtractResult;
    } catch {
      // rebuilt below
    }
  }
  const { extractEntities } = await import('./extract.ts');
  const result = extractEntities(articles);
  try {
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(file, JSON.stringify(result));
  } catch {
    // no cache
  }
  return result;
}

export interface LoadedData {
  data: EntityData;
  issues: CorpusIssue[];
  missing: string[];
  cached: boolean;
}

/** Seeds plus the given corpus paths, compiled (or read from the cache). */
export async function loadEntityData(extraPaths: readonly string[], withSeeds = true): Promise<LoadedData> {
  const paths = [...(withSeeds ? [SEEDS_DIR] : []), ...extraPaths];
  const { files, missing } = await readCorpusFiles(paths);
  const h = createHash('sha256').update(sourceHash());
  for (const f of files)
    h.update(f.name)
      .update('\0')
      .update(f.bytes)
      .update(String(f.size ?? ''))
      .update('\0');
  const key = h.digest('hex').slice(0, 32);
  const cacheFile = join(cacheDir(), `entities-${key}.json`);
  if (existsSync(cacheFile)) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
        data: EntityData;
        issues: CorpusIssue[];
      };
      return { data: cached.data, issues: cached.issues, missing, cached: true };
    } catch {
      // a broken cache file is rebuilt below
    }
  }
  const { articles, issues } = loadCorpus(files);
  // Imported here: the extractor pulls in opencc-js, pinyin-pro and CC-CEDICT, which a cached run never needs.
  const { extractEntities } = await import('./extract.ts');
  const data: EntityData = { articles, ...extractEntities(articles) };
  try {
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ data, issues }));
  } catch {
    // no cache (read-only install): still correct, just slower
  }
  return { data, issues, missing, cached: false };
}
