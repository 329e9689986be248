// Paired comparison of extension builds on bench:page's 1 MB page (not a test): one Chromium per build,
// loads interleaved round by round (the order flipped every other round), so a busy moment of the
// shared 2-core machine hits every build alike. Prints each build's median total marking time
// (DOMContentLoaded → all marked, as bench/page.ts measures it) and the sorted loads, then the median
// from navigation start (a change that moves work into the page's load shows there) and of the scanner's
// main-thread time (its slices summed: steadier than the total). On this machine a
// single bench:page median moved by ±50 ms between runs of the same build; compare builds with this,
// 12+ rounds, and repeat it before believing a difference.
// Build the variants first, e.g. `FACTLENS_OUT_DIR=/tmp/a npx wxt build` at each commit to compare.
// Run: npx tsx bench/page-ab.ts ROUNDS BUILD_DIR... (each a chrome-mv3 folder)
import { e2eUnavailable, launch, serveFixtures } from '../test/e2e/harness.ts';
import { articlePage, markBigPage } from './page.ts';

const [roundsArg, ...dirs] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!Number.isInteger(rounds) || rounds < 1 || dirs.length === 0) {
  console.error('usage: npx tsx bench/page-ab.ts ROUNDS BUILD_DIR... (chrome-mv3 folders)');
  process.exit(2);
}
const why = e2eUnavailable();
if (why) throw new Error(why);
const server = await serveFixtures(dirs[0] as string, {
  'big.html': articlePage(1_000_000),
  'small.html': articlePage(2_000),
});
const browsers = [];
for (const dir of dirs) {
  const browser = await launch(dir);
  // Warm-up: the worker loads its corpus.
  const page = await browser.context.newPage();
  await page.goto(server.url('small.html'));
  await page.waitForTimeout(1_000);
  await page.close();
  browsers.push(browser);
}
const totals = dirs.map(() => [] as number[]);
const sinceStart = dirs.map(() => [] as number[]);
const busy = dirs.map(() => [] as number[]);
for (let r = 0; r < rounds; r++) {
  const order = dirs.map((_, i) => i);
  if (r % 2 === 1) order.reverse();
  for (const i of order) {
    const m = await markBigPage(browsers[i] as (typeof browsers)[number], server);
    (totals[i] as number[]).push(Math.round(m.total));
    (sinceStart[i] as number[]).push(Math.round(m.sinceStart));
    if (m.busy !== null) (busy[i] as number[]).push(Math.round(m.busy));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
dirs.forEach((dir, i) => {
  const xs = [...(totals[i] as number[])].sort((a, b) => a - b);
  console.log(`${dir}: median ${median(xs)} ms; loads ${xs.join(' ')}`);
  console.log(`  navigation start → all marked: median ${median(sinceStart[i] as number[])} ms`);
  console.log(`  the scanner's main-thread time: median ${median(busy[i] as number[])} ms`);
});
for (const browser of browsers) await browser.close();
await server.close();
