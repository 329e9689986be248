// Build step: reads seeds/ (plus the folders named in FACTLENS_CORPUS, separated by ':'), extracts
// entities and builds the search index, and writes the versioned, deterministic corpus bundle to
// public/data/corpus.json, its search index to public/data/search.json (only searches read it: a
// lookup of a woken worker reads corpus.json and no more) plus what answering matchRuns needs (entity
// briefs, the compiled detector index; binary, see src/background/load.ts) to
// public/data/detector.bin, which WXT copies into both browser builds. Broken files are reported
// with file:line and skipped; they never stop the build of the rest.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SEARCH_PATH, serializeDetectorData } from '../src/background/load.ts';
import { createBundle, serializeBundle } from '../src/corpus/bundle.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { readCorpusFiles } from '../src/corpus/node-files.ts';
import { extractEntities } from '../src/entities/extract.ts';
import { buildSearchIndex } from '../src/search/index.ts';

// FACTLENS_PUBLIC_DIR: the benchmark's second build writes its data elsewhere (bench/big-build.ts).
const PUBLIC = process.env.FACTLENS_PUBLIC_DIR ?? 'public';
const OUT = `${PUBLIC}/data/corpus.json`;
const DETECTOR_OUT = `${PUBLIC}/data/detector.bin`;
const SEARCH_OUT = `${PUBLIC}${SEARCH_PATH}`;
/** The JSON form earlier builds wrote: removed, or WXT would still ship it. */
const STALE = [`${PUBLIC}/data/detector.json`];

async function compile(): Promise<number> {
  const started = performance.now();
  const extra = (process.env.FACTLENS_CORPUS ?? '').split(':').filter(Boolean);
  const { files, missing } = await readCorpusFiles(['seeds', ...extra]);
  if (missing.length > 0) {
    process.stderr.write(`compile-corpus: cannot read ${missing.join(', ')}\n`);
    return 1;
  }
  const { articles, issues } = loadCorpus(files);
  for (const issue of issues) {
    const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
    process.stderr.write(`${where}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}\n`);
  }
  const { entities, mentionIndex, detectorIndex } = extractEntities(articles);
  const bundle = createBundle(articles, { entities, extra: { mentionIndex } });
  const json = serializeBundle(bundle);
  const search = JSON.stringify(buildSearchIndex(articles));
  if (detectorIndex.version !== 2)
    throw new Error('compile-corpus: the extractor gave no compiled detector index');
  // All files made before any is written: a failure leaves the last build's set, never a mix.
  const detectorData = serializeDetectorData(bundle.articles.length, bundle.entities, detectorIndex);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, json);
  writeFileSync(DETECTOR_OUT, detectorData);
  writeFileSync(SEARCH_OUT, search);
  for (const stale of STALE) rmSync(stale, { force: true });
  const errors = issues.filter((i) => i.severity === 'error').length;
  process.stdout.write(
    `compile-corpus: ${articles.length} articles, ${bundle.entities.length} entities, ${errors} errors → ${OUT} (${(json.length / 1024).toFixed(0)} kB), ${DETECTOR_OUT} (${(detectorData.byteLength / 1024).toFixed(0)} kB), ${SEARCH_OUT} (${(search.length / 1024).toFixed(0)} kB) in ${(performance.now() - started).toFixed(0)} ms\n`,
  );
  return 0;
}

process.exitCode = await compile();
