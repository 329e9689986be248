// A second build of the extension with the large corpus (seeds + ../shared/corpus), beside the
// default one: the page issue's cold-start goal is stated for the 2,046-article corpus, and the
// default build ships only the seed. Written to .bench/ (git-ignored) by the e2e harness'
// buildExtensionWith (through the build directories wxt.config.ts and scripts/compile-corpus.ts
// read from the environment).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtensionWith } from '../test/e2e/harness.ts';
import { corpusDirs, ROOT } from './corpus-source.ts';

// FACTLENS_BENCH_DIR: where the large build goes (default .bench/).
const DIR = process.env.FACTLENS_BENCH_DIR ?? join(ROOT, '.bench');

/** Builds .bench/output/chrome-mv3 with the shared corpus; null (with the reason) when it is absent. */
export function buildBigExtension(argv: readonly string[] = []): { extension: string | null; why?: string } {
  const dirs = corpusDirs(argv);
  if (dirs.length === 0) return { extension: null, why: 'no ../shared/corpus folders: large build skipped' };
  const extension = buildExtensionWith(dirs, DIR);
  if (!existsSync(join(extension, 'manifest.json'))) return { extension: null, why: 'large build failed' };
  return { extension };
}
