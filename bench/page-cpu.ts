// What marking bench:page's 1 MB page costs in CPU time, per Chromium process and thread (not a test):
// wall-clock totals on this shared 2-core machine move by ±50 ms between runs, while the CPU each
// process spends is steadier and shows where a change saves work (or only moves it). One Chromium per
// build, plus one with an empty extension (the page's own cost: parsing, layout, painting), loads
// interleaved round by round as in page-ab.ts; per load, user + system time from /proc of every
// process under each browser, for the 2.5 s after navigation starts (the scan ends well inside it).
// Prints per build the median per process/thread (the main thread of a renderer is "chromium";
// ThreadPoolForeg is V8's compiler and GC helpers), then the same minus the empty extension's.
// First figures (2026-11-27, 8 rounds): the extension added ~600 ms of CPU to a 1 MB load, of which
// ~250 ms on the page's main thread, ~150 ms in the page's V8 helper threads, ~100 ms in its service
// worker and ~90 ms in the browser process.
// Run: npx tsx bench/page-cpu.ts ROUNDS BUILD_DIR... (each a chrome-mv3 folder; Linux only)
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { type Browser, e2eUnavailable, launch, serveFixtures } from '../test/e2e/harness.ts';
import { articlePage, emptyExtension } from './page.ts';

const [roundsArg, ...dirs] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!Number.isInteger(rounds) || rounds < 1 || dirs.length === 0) {
  console.error('usage: npx tsx bench/page-cpu.ts ROUNDS BUILD_DIR... (chrome-mv3 folders)');
  process.exit(2);
}
const why = e2eUnavailable();
if (why) throw new Error(why);

/** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICK_MS = 10;
const pids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d));
const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread ended meanwhile
  }
};
/** The fields of a stat line after the command name (which may hold spaces). */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
const browserPids = () =>
  new Set(
    pids().filter((p) => {
      const cmd = read(`/proc/${p}/cmdline`) ?? '';
      return cmd.includes('--load-extension') && !cmd.includes('--type=');
    }),
  );

/** CPU ms per "process type/thread name" of every process under the browser process `root`. */
function cpuBy(root: number): Map<string, number> {
  const parent = new Map<number, number>();
  const all = pids();
  for (const p of all) {
    const stat = read(`/proc/${p}/stat`);
    if (stat) parent.set(Number(p), Number(statFields(stat)[1]));
  }
  const out = new Map<string, number>();
  for (const p of all) {
    let up = Number(p);
    while (up > 1 && up !== root) up = parent.get(up) ?? 0;
    if (up !== root) continue;
    const cmd = read(`/proc/${p}/cmdline`) ?? '';
    let type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
    if (type === 'renderer' && cmd.includes('--extension-process')) type = 'extension';
    for (const t of readdirSync(`/proc/${p}/task`)) {
      const stat = read(`/proc/${p}/task/${t}/stat`);
      if (!stat) continue;
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '#');
      const f = statFields(stat);
      const key = `${type}/${name}`;
      out.set(key, (out.get(key) ?? 0) + (Number(f[11]) + Number(f[12])) * TICK_MS);
    }
  }
  return out;
}

const empty = emptyExtension();
const builds = [...dirs, empty];
const label = (dir: string) => (dir === empty ? 'empty extension (the page alone)' : dir);

const server = await serveFixtures(dirs[0] as string, {
  'big.html': articlePage(1_000_000),
  'small.html': articlePage(2_000),
});
const runs: Array<{ dir: string; browser: Browser; root: number; cpu: Map<string, number[]> }> = [];
for (const dir of builds) {
  const before = browserPids();
  const browser = await launch(dir);
  const root = [...browserPids()].find((p) => !before.has(p));
  if (!root) throw new Error(`no browser process found for ${dir}`);
  // Warm-up: the worker loads its corpus.
  const page = await browser.context.newPage();
  await page.goto(server.url('small.html'));
  await page.waitForTimeout(1_000);
  await page.close();
  runs.push({ dir, browser, root: Number(root), cpu: new Map() });
}
for (let r = 0; r < rounds; r++) {
  for (const run of r % 2 ? [...runs].reverse() : runs) {
    const page = await run.browser.context.newPage();
    await page.waitForTimeout(300);
    const a = cpuBy(run.root);
    await page.goto(server.url('big.html'), { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(2_500);
    const b = cpuBy(run.root);
    await page.close();
    let sum = 0;
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const ms = (b.get(key) ?? 0) - (a.get(key) ?? 0);
      sum += ms;
      run.cpu.set(key, [...(run.cpu.get(key) ?? []), ms]);
    }
    run.cpu.set('all processes', [...(run.cpu.get('all processes') ?? []), sum]);
  }
}
/** Median over the rounds (a thread absent from a round counts 0). */
const median = (xs: number[]) => {
  const all = [...xs, ...Array(rounds - xs.length).fill(0)].sort((x, y) => x - y);
  return all[Math.floor(all.length / 2)] as number;
};
const base = runs.at(-1) as (typeof runs)[number];
for (const run of runs) {
  console.log(
    `${label(run.dir)}: CPU ms per 1 MB load, medians of ${rounds}${run === base ? '' : ' (+ over the empty extension)'}`,
  );
  const keys = [...run.cpu.keys()].sort((x, y) =>
    x === 'all processes' ? -1 : y === 'all processes' ? 1 : x < y ? -1 : 1,
  );
  for (const key of keys) {
    const m = median(run.cpu.get(key) as number[]);
    const added = m - median(base.cpu.get(key) ?? []);
    const extra = run === base ? '' : `  (${added >= 0 ? '+' : ''}${added})`;
    if (m >= 20) console.log(`  ${key.padEnd(34)} ${String(m).padStart(6)}${extra}`);
  }
}
for (const run of runs) await run.browser.close();
await server.close();
rmSync(empty, { recursive: true, force: true });
