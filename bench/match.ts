// Benchmark (not a test): the alias matcher against @monyone/aho-corasick's fast variant, same run,
// same ~100,000 aliases (CC-CEDICT words and English names) over ~1 MB of mixed Chinese/English text
// (DW articles + English glosses), scanned run by run as the extension does. Prints build time,
// scan throughput and heap growth. Run: npm run bench:match [-- --corpus DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { loadCedict } from '../src/entities/cedict.ts';
import { AliasMatcher, type MatcherPattern } from '../src/match/matcher.ts';
import { fold, foldKey } from '../src/text/fold.ts';

const argv = process.argv.slice(2);
const corpusDir = argv.includes('--corpus')
  ? (argv[argv.indexOf('--corpus') + 1] as string)
  : '../shared/corpus/dw-zh';
const ALIASES = 100_000;
const TEXT_CHARS = 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

const cedict = loadCedict();
const random = rng(42);
const chinese = new Set<string>();
const english = new Set<string>();
for (const e of cedict.entries) {
  if (e.simplified.length >= 2 && e.simplified.length <= 8) chinese.add(e.simplified);
  if (e.proper) {
    for (const g of e.glosses) {
      const name = /^([A-Z][a-z]+(?: [A-Z][a-z]+){0,3})\b/.exec(g)?.[1];
      if (name && name.length >= 4) english.add(name);
    }
  }
}
const shuffle = <T>(xs: T[]): T[] => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
};
const englishList = shuffle([...english]).slice(0, 15_000);
const aliases = [...englishList, ...shuffle([...chinese]).slice(0, ALIASES - englishList.length)];

// Text: DW paragraphs, one English sentence (names from the glosses) after every third paragraph.
const runs: string[] = [];
let total = 0;
const files = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.md'))
  .sort();
outer: for (const f of files) {
  const html = readFileSync(join(corpusDir, f), 'utf8');
  for (const m of html.matchAll(/<p>(.*?)<\/p>/gs)) {
    const text = (m[1] as string).replace(/<[^>]+>/g, '').trim();
    if (!text) continue;
    runs.push(text);
    total += text.length;
    if (runs.length % 3 === 0) {
      const a = englishList[Math.floor(random() * englishList.length)];
      const b = englishList[Math.floor(random() * englishList.length)];
      const s = `On Tuesday ${a} met ${b}'s delegation, and the talks on trade were described as "constructive".`;
      runs.push(s);
      total += s.length;
    }
    if (total >= TEXT_CHARS) break outer;
  }
}
const mb = total / 1e6;
console.log(
  `aliases: ${aliases.length} (${englishList.length} English), text: ${total} chars in ${runs.length} runs`,
);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

// --- ours
let h0 = heapMb();
const patterns: MatcherPattern[] = aliases.map((a) => ({ key: foldKey(a), originals: [a] }));
const [matcher, oursBuild] = time(() => new AliasMatcher(patterns));
const oursHeap = heapMb() - h0;
function scanAll(): [number, number] {
  const times: number[] = [];
  let count = 0;
  for (let r = 0; r < 7; r++) {
    const [n, ms] = time(() => {
      let c = 0;
      for (const run of runs) c += matcher.scan(run).length;
      return c;
    });
    count = n;
    times.push(ms);
  }
  return [median(times), count];
}
matcher.segmentation = false;
const [oursRawMs, oursRawCount] = scanAll();
matcher.segmentation = true;
const [oursMs, oursCount] = scanAll();

// --- library (fast variant), given the folded keywords and pre-folded text (folding not timed for it)
const foldedRuns = runs.map(fold);
h0 = heapMb();
const [lib, libBuild] = time(() => new AhoCorasick(patterns.map((p) => p.key)));
const libHeap = heapMb() - h0;
const libTimes: number[] = [];
let libCount = 0;
for (let r = 0; r < 7; r++) {
  const [n, ms] = time(() => {
    let c = 0;
    for (const run of foldedRuns) c += lib.matchInText(run).length;
    return c;
  });
  libCount = n;
  libTimes.push(ms);
}

const ours = oursMs / mb;
const oursRaw = oursRawMs / mb;
const theirs = median(libTimes) / mb;
const fmt = (x: number) => x.toFixed(1).padStart(8);
console.log('engine                              build ms   scan ms/MB   heap MB   matches');
console.log(
  `factlens AliasMatcher               ${fmt(oursBuild)}   ${fmt(oursRaw)}   ${fmt(oursHeap)}   ${oursRawCount}`,
);
console.log(`  + Chinese segmentation check                 ${fmt(ours)}               ${oursCount}`);
console.log(
  `@monyone/aho-corasick fast          ${fmt(libBuild)}   ${fmt(theirs)}   ${fmt(libHeap)}   ${libCount}`,
);
console.log(
  `speed-up: ${(theirs / oursRaw).toFixed(1)}× matching alone, ${(theirs / ours).toFixed(1)}× with the segmentation check (goal ≥ 5×)${gc ? '' : '  [heap figures without --expose-gc are noisy]'}`,
);
