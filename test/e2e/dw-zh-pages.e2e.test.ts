// The gold pages that assume the dw-zh corpus ("seed + dw-zh"), marked by the extension itself: a
// build with seeds/ and ../shared/corpus/dw-zh (made here by buildExtensionWith, in a temporary
// folder, as bench/big-build.ts makes its large one), in Chromium. `npm run eval` scores the same pages with `factlens detect`;
// until 2026-11-27 no test looked at them in the extension, whose service worker then skipped the
// detector's filters that read entity kinds (Gates in "Robert Gates" stayed marked on pages).
// Skipped, with a message, where the shared corpus is absent.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtCorpusLabel,
  corpusBuildSuite,
  corpusSuiteUnavailable,
  goldPagesFor,
  itMarksGoldPages,
  ROOT,
} from './harness.ts';

const DW_ZH = resolve(ROOT, '../shared/corpus/dw-zh');
const CORPUS = 'seed + dw-zh';
const skip = corpusSuiteUnavailable(DW_ZH, CORPUS);
const GOLD_PAGES = skip === null ? goldPagesFor(CORPUS) : [];

describe.skipIf(skip !== null)(`Factlens built with ${CORPUS}, on its gold pages (Chromium)`, () => {
  const build = corpusBuildSuite([DW_ZH], 'factlens-dw-zh-');

  it(`is a build of ${CORPUS} with gold pages to check`, () => {
    expect(builtCorpusLabel(build.extension)).toBe(CORPUS);
    expect(GOLD_PAGES.length).toBeGreaterThanOrEqual(7);
  });

  itMarksGoldPages(build, GOLD_PAGES);
});
