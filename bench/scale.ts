// Benchmark (not a test): how the corpus-bound figures grow from the real 2,046 articles to 20,000
// (the real ones plus synthetic articles from bench/synthetic.ts): compiled bundle size (raw, gzip),
// compile time (search index + bundle), load time as the background does it (readBundle +
// loadSearchIndex), heap held by the loaded corpus, search p50/p95, and the alias matcher built from
// the names the corpus introduces (build time, scan time over the same 1 MB of real text).
// Each size runs in a child process of its own so that memory figures do not mix.
// Run: npm run bench -- --only scale, or npx tsx bench/scale.ts [--sizes 2046,5000,10000,20000] [--json]
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { createBundle, readBundle, serializeBundle } from '../src/corpus/bundle.ts';
import type { Article } from '../src/corpus/types.ts';
import { AliasMatcher } from '../src/match/matcher.ts';
import {
  buildSearchIndex,
  loadSearchIndex,
  type SearchIndex,
  type SerializedSearchIndex,
} from '../src/search/index.ts';
import { foldKey } from '../src/text/fold.ts';
import { loadRealCorpus, ROOT } from './corpus-source.ts';
import { corpusNames, synthesize } from './synthetic.ts';

export const DEFAULT_SIZES = [2_046, 5_000, 10_000, 20_000];

export interface ScaleRow {
  articles: number;
  /** Of which synthetic. */
  synthetic: number;
  bundleMb: number;
  bundleGzipMb: number;
  compileMs: number;
  loadMs: number;
  heapMb: number;
  searchP50Ms: number;
  searchP95Ms: number;
  aliases: number;
  matchBuildMs: number;
  matchMsPerMb: number;
}

/** Queries timed at every size: names and topics in both scripts and English, short and long. */
export const SCALE_QUERIES = [
  '拉夫罗夫',
  '拉夫羅夫',
  '王毅',
  '習近平',
  '习近平 拜登',
  '普丁',
  '新冠疫苗',
  '香港 国安法',
  '中国',
  '美国 中国 贸易',
  '台湾',
  '德国之声',
  '世卫组织 武汉',
  '一帶一路',
  '默克尔',
  '欧盟',
  '北约',
  '人权',
  '疫情',
  '选举',
  'Biden',
  'Trump election',
  'vaccine',
  'Brexit deal',
  'China',
  'Xi Jinping',
  'Lavrov',
  'stock market',
  'covid-19 variant',
  'the',
];

const gc = (globalThis as { gc?: () => void }).gc;
function heap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** About 1 MB of real passage text, in corpus order: the same text at every size. */
function sampleText(articles: readonly Article[], chars = 1_000_000): string[] {
  const runs: string[] = [];
  let total = 0;
  for (const a of articles) {
    for (const p of a.passages) {
      runs.push(p.text);
      total += p.text.length;
      if (total >= chars) return runs;
    }
  }
  return runs;
}

/** Measures one size (in this process). */
export async function measureSize(size: number, argv: readonly string[] = []): Promise<ScaleRow> {
  const { articles: real } = await loadRealCorpus(argv);
  const extra = Math.max(0, size - real.length);
  let all: Article[] | null = extra > 0 ? [...real, ...synthesize(real, extra, 1)] : real.slice(0, size);
  const count = all.length;

  let t = performance.now();
  const json = serializeBundle(createBundle(all, { extra: { search: buildSearchIndex(all) } }));
  const compileMs = performance.now() - t;
  const gzip = gzipSync(json).length;

  const names = corpusNames(all);
  all = null;
  const loads: number[] = [];
  let index: SearchIndex | null = null;
  let held = 0;
  for (let i = 0; i < 3; i++) {
    index = null;
    const before = heap();
    t = performance.now();
    const bundle = readBundle(json);
    index = loadSearchIndex(bundle.extra?.search as SerializedSearchIndex, bundle.articles);
    loads.push(performance.now() - t);
    if (i === 0) held = heap() - before; // the cold load (later ones reuse V8's string caches)
  }
  const idx = index as SearchIndex;
  for (const q of SCALE_QUERIES) idx.search(q);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of SCALE_QUERIES) {
      t = performance.now();
      idx.search(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);

  const aliases = [...new Set([...names.han, ...names.latin])];
  const keys = new Map<string, string[]>();
  for (const a of aliases) {
    const k = foldKey(a);
    if (k.length >= 2) keys.set(k, [...(keys.get(k) ?? []), a]);
  }
  t = performance.now();
  const matcher = new AliasMatcher([...keys].map(([key, originals]) => ({ key, originals })));
  const matchBuildMs = performance.now() - t;
  const runs = sampleText(real);
  const mb = runs.reduce((n, r) => n + r.length, 0) / 1e6;
  const scans: number[] = [];
  for (let r = 0; r < 5; r++) {
    t = performance.now();
    for (const run of runs) matcher.scan(run);
    scans.push(performance.now() - t);
  }
  return {
    articles: count,
    synthetic: extra,
    bundleMb: json.length / 1e6,
    bundleGzipMb: gzip / 1e6,
    compileMs,
    loadMs: median(loads),
    heapMb: held / 1e6,
    searchP50Ms: pct(times, 50),
    searchP95Ms: pct(times, 95),
    aliases: keys.size,
    matchBuildMs,
    matchMsPerMb: median(scans) / mb,
  };
}

/** Every size, each in a child process (with --expose-gc); prints progress to stderr. */
export function measureScale(sizes = DEFAULT_SIZES, argv: readonly string[] = []): ScaleRow[] {
  const rows: ScaleRow[] = [];
  for (const size of sizes) {
    process.stderr.write(`bench:scale: ${size} articles…\n`);
    const run = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=8192',
        '--import',
        'tsx',
        'bench/scale.ts',
        '--one',
        String(size),
        ...argv,
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    const line = run.stdout.split('\n').find((l) => l.startsWith('{'));
    if (run.status !== 0 || !line) throw new Error(`bench:scale ${size}: ${run.stderr.slice(-800)}`);
    rows.push(JSON.parse(line) as ScaleRow);
  }
  return rows;
}

export function formatScale(rows: readonly ScaleRow[]): string {
  const head =
    'articles (synthetic) | bundle MB (gzip) | compile s | load ms | heap MB | search p50 / p95 ms | aliases | match build ms | scan ms/MB';
  const lines = rows.map(
    (r) =>
      `${r.articles} (${r.synthetic}) | ${r.bundleMb.toFixed(1)} (${r.bundleGzipMb.toFixed(1)}) | ${(r.compileMs / 1000).toFixed(1)} | ${r.loadMs.toFixed(0)} | ${r.heapMb.toFixed(0)} | ${r.searchP50Ms.toFixed(2)} / ${r.searchP95Ms.toFixed(2)} | ${r.aliases} | ${r.matchBuildMs.toFixed(0)} | ${r.matchMsPerMb.toFixed(1)}`,
  );
  return [head, ...lines].join('\n');
}

async function cli(argv: string[]): Promise<void> {
  const one = argv.indexOf('--one');
  const rest = argv.filter(
    (a, i) =>
      !['--one', '--sizes', '--json'].includes(a) && !['--one', '--sizes'].includes(argv[i - 1] ?? ''),
  );
  if (one >= 0) {
    process.stdout.write(`${JSON.stringify(await measureSize(Number(argv[one + 1]), rest))}\n`);
    return;
  }
  const s = argv.indexOf('--sizes');
  const sizes = s >= 0 ? (argv[s + 1] ?? '').split(',').map(Number) : DEFAULT_SIZES;
  const rows = measureScale(sizes, rest);
  process.stdout.write(argv.includes('--json') ? `${JSON.stringify(rows)}\n` : `${formatScale(rows)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await cli(process.argv.slice(2));
