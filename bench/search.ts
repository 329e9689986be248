// Benchmark (not a test): the passage search over the real 2,046-article corpus (seed + the shared
// test corpus) and over 20,000 synthetic articles made by recombining its real sentences. Prints
// build time, serialized index size (raw and gzip), load time (JSON.parse + loadSearchIndex) and
// p50/p95 query time over a fixed mix of queries: names and topics in both scripts and English, and
// 2–4-character Chinese strings and English words sampled from the corpus; one-character queries
// are timed apart (see sampleQueries). Wall-clock times: the load average is printed with them.
// Run: npm run bench:search [-- --corpus DIR]... [--synthetic N]
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { loadCorpus } from '../src/corpus/load.ts';
import { readCorpusFiles } from '../src/corpus/node-files.ts';
import type { Article, Passage } from '../src/corpus/types.ts';
import { buildSearchIndex, loadSearchIndex, type SearchIndex } from '../src/search/index.ts';
import { rng } from './synthetic.ts';

const argv = process.argv.slice(2);
const dirs: string[] = [];
for (let i = 0; i < argv.length; i++)
  if (argv[i] === '--corpus' && argv[i + 1]) dirs.push(argv[++i] as string);
const syntheticCount = argv.includes('--synthetic') ? Number(argv[argv.indexOf('--synthetic') + 1]) : 20_000;
const defaults = ['../shared/corpus/dw-zh', '../shared/corpus/dw-2023-24', '../shared/corpus/economist-en'];
const corpusDirs = dirs.length ? dirs : defaults.filter((d) => existsSync(d));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const FIXED = [
  '西伯利亞力量',
  '西伯利亚力量',
  '谭德塞 武汉',
  '習近平',
  '习近平 拜登',
  '普丁',
  '普京',
  '拉夫罗夫',
  '新冠疫苗',
  '香港 国安法',
  '中国',
  '美国 中国 贸易',
  '台湾',
  '德国之声',
  '世卫组织',
  '一带一路',
  'Biden',
  'Trump election',
  'vaccine',
  'Lavrov',
  'covid-19 variant',
  'Brexit deal',
  'China',
  'Xi Jinping',
];

/**
 * The fixed queries plus strings sampled from article titles and passages (deterministic): Chinese
 * strings of 2–4 characters (what an IME commits), English words and word pairs. One-character
 * queries are measured apart: they are rare as searches (only a transient state while typing) and
 * cost the most, since the index holds bigrams and must unite every bigram starting with the character.
 */
function sampleQueries(articles: readonly Article[], count: number, singleCharacter = false): string[] {
  const random = rng(singleCharacter ? 9 : 7);
  const out = singleCharacter ? [] : [...FIXED];
  const han = /[\u4e00-\u9fff]{2,}/g;
  while (out.length < count && articles.length) {
    const a = articles[Math.floor(random() * articles.length)] as Article;
    const text =
      random() < 0.5 ? a.title : (a.passages[Math.floor(random() * a.passages.length)]?.text ?? '');
    if (a.script === 'en') {
      if (singleCharacter) continue;
      const words = text.split(/\W+/).filter((w) => w.length > 3);
      const w = words[Math.floor(random() * words.length)];
      if (w) out.push(random() < 0.3 ? `${w} ${words[Math.floor(random() * words.length)] ?? ''}` : w);
    } else {
      const runs = text.match(han) ?? [];
      const run = runs[Math.floor(random() * runs.length)];
      if (!run) continue;
      const len = singleCharacter ? 1 : 2 + Math.floor(random() * Math.min(3, run.length - 1));
      const at = Math.floor(random() * (run.length - len + 1));
      out.push(run.slice(at, at + len));
    }
  }
  return out;
}

/** 20,000 articles from real sentences: titles and passages recombined at random (deterministic). */
function synthesize(articles: readonly Article[], count: number): Article[] {
  const random = rng(11);
  const sentences: { text: string; script: Passage['script'] }[] = [];
  const titles: string[] = [];
  for (const a of articles) {
    titles.push(a.title);
    for (const p of a.passages) {
      for (const s of p.text.split(/(?<=[。！？!?；]|\. )/)) {
        if (s.trim().length > 4) sentences.push({ text: s.trim(), script: p.script });
      }
    }
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const base = pick(articles);
    const passages: Passage[] = [];
    const n = 5 + Math.floor(random() * 25);
    for (let p = 0; p < n; p++) {
      const parts = 1 + Math.floor(random() * 4);
      const first = pick(sentences);
      let text = first.text;
      for (let k = 1; k < parts; k++) text += pick(sentences).text;
      const r = random();
      passages.push({
        kind: r < 0.08 ? 'subheading' : r < 0.15 ? 'caption' : 'paragraph',
        text,
        script: first.script,
      });
    }
    out.push({ ...base, id: `syn-${i}`, title: pick(titles), passages, file: `synthetic-${i}` });
  }
  return out;
}

function timeQueries(
  idx: SearchIndex,
  queries: string[],
): { times: number[]; slowest: { q: string; ms: number } } {
  const times: number[] = [];
  let slowest = { q: '', ms: 0 };
  for (let round = 0; round < 2; round++) {
    for (const q of queries) {
      const t = performance.now();
      idx.search(q);
      const ms = performance.now() - t;
      times.push(ms);
      if (ms > slowest.ms) slowest = { q, ms };
    }
  }
  times.sort((a, b) => a - b);
  return { times, slowest };
}

function measure(label: string, articles: Article[], queries: string[], single: string[]): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let t = performance.now();
  const serialized = buildSearchIndex(articles);
  const buildMs = performance.now() - t;
  const json = JSON.stringify(serialized);
  const gzip = gzipSync(json).length;
  const loads: number[] = [];
  let index: SearchIndex | undefined;
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    index = loadSearchIndex(JSON.parse(json), articles);
    loads.push(performance.now() - t);
  }
  loads.sort((a, b) => a - b);
  const idx = index as SearchIndex;
  for (const q of queries.slice(0, 30)) idx.search(q); // warm-up
  const { times, slowest } = timeQueries(idx, queries);
  const one = timeQueries(idx, single);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  console.log(`\n${label}: ${articles.length} articles, ${idx.documentCount} documents`);
  console.log(`  build        ${buildMs.toFixed(0)} ms`);
  console.log(`  index size   ${mb(json.length)} JSON, ${mb(gzip)} gzip`);
  console.log(`  load         ${(loads[1] ?? 0).toFixed(0)} ms (JSON.parse + loadSearchIndex, median of 3)`);
  console.log(
    `  query        p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${slowest.ms.toFixed(1)} ms ("${slowest.q}") over ${times.length} queries`,
  );
  console.log(
    `  1-character  p50 ${percentile(one.times, 50).toFixed(2)} ms, p95 ${percentile(one.times, 95).toFixed(2)} ms over ${one.times.length} queries`,
  );
}

/** Wall-clock figures depend on what else runs: say how busy the machine was. */
function loadAverage(): string {
  const [one] = loadavg();
  return one !== undefined ? `load average ${one.toFixed(1)} on ${cpus().length} cores` : '';
}

async function main(): Promise<void> {
  if (corpusDirs.length === 0) {
    console.log('bench:search: ../shared/corpus is absent; benchmarking the seed alone.');
  }
  const { files } = await readCorpusFiles(['seeds', ...corpusDirs]);
  const { articles } = loadCorpus(files);
  const queries = sampleQueries(articles, 300);
  const single = sampleQueries(articles, 50, true);
  const load = loadAverage();
  if (load) console.log(load);
  measure('corpus', articles, queries, single);
  if (syntheticCount > 0) measure('synthetic', synthesize(articles, syntheticCount), queries, single);
}

await main();
