// A second build of the extension with the large corpus (seeds + ../shared/corpus), beside the
// default one: the page issue's cold-start goal is stated for the 2,046-article corpus, and the
// default build ships only the seed. Written to .bench/ (git-ignored) through the two build
// directories wxt.config.ts and scripts/compile-corpus.ts read from the environment.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDirs, ROOT } from './corpus-source.ts';

// FACTLENS_BENCH_DIR: where the large build goes (default .bench/).
const DIR = process.env.FACTLENS_BENCH_DIR ?? join(ROOT, '.bench');
export const BIG_PUBLIC = join(DIR, 'public');
export const BIG_OUT = join(DIR, 'output');
export const BIG_EXTENSION = join(BIG_OUT, 'chrome-mv3');

/** Builds .bench/output/chrome-mv3 with the shared corpus; null (with the reason) when it is absent. */
export function buildBigExtension(argv: readonly string[] = []): { extension: string | null; why?: string } {
  const dirs = corpusDirs(argv);
  if (dirs.length === 0) return { extension: null, why: 'no ../shared/corpus folders: large build skipped' };
  rmSync(BIG_PUBLIC, { recursive: true, force: true });
  mkdirSync(BIG_PUBLIC, { recursive: true });
  cpSync(join(ROOT, 'public/icon'), join(BIG_PUBLIC, 'icon'), { recursive: true });
  const env = {
    ...process.env,
    FACTLENS_CORPUS: dirs.join(':'),
    FACTLENS_PUBLIC_DIR: BIG_PUBLIC,
    FACTLENS_OUT_DIR: BIG_OUT,
  };
  const run = (args: string[]) =>
    execFileSync('npx', args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  run(['tsx', 'scripts/compile-corpus.ts']);
  run(['wxt', 'build']);
  if (!existsSync(join(BIG_EXTENSION, 'manifest.json')))
    return { extension: null, why: 'large build failed' };
  return { extension: BIG_EXTENSION };
}
