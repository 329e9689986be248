// `npm run eval`: the quality numbers. (1) Detection recall/precision on every gold page — the repo's
// test/fixtures/pages and ../shared/fixtures/pages (the repo's copy wins for a page in both) — scored
// by ../shared/tools/score-detect.mjs over `factlens detect PAGE --json` with the corpus each gold file
// names. (2) Passage relevance: eval/queries.json (Traditional, Simplified and English queries, each
// with the articles that answer it) through the project's search (searchIndexOfBundle, synonyms from
// the entities) and lookup (findEntity + lookupEntity), scored as MRR and recall@3.
// Queries and pages that need ../shared/corpus are skipped, and said so, when it is absent.
// Writes test-results/eval.json (ignored by git and Biome, like bench/results.json).
// Run: npm run eval [-- --only detect|relevance] [--verbose]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findEntity, lookupEntity } from '../src/entities/lookup.ts';
import { loadEntityData } from '../src/entities/node-data.ts';
import { searchIndexOfBundle } from '../src/search/service.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared');
const SCORER = join(SHARED, 'tools/score-detect.mjs');
const PAGE_DIRS = [join(ROOT, 'test/fixtures/pages'), join(SHARED, 'fixtures/pages')];
const CORPUS_DIRS = ['dw-zh', 'dw-2023-24', 'economist-en'].map((d) => join(SHARED, 'corpus', d));

export interface Query {
  id: string;
  mode: 'search' | 'lookup';
  query: string;
  script: 'zh-Hant' | 'zh-Hans' | 'en';
  answers: string[];
  corpus: 'seed' | 'shared';
  passage?: string;
  /** Lookups: a passage mentioning the entity in one of these forms answers it (any article). */
  mentions?: string[];
  note?: string;
}

interface PageScore {
  page: string;
  dir: string;
  corpus: string;
  found: number;
  wanted: number;
  falsePositives: number;
  misses: string[];
  extras: string[];
}

const pct = (x: number) => x.toFixed(3);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** "seed + dw-zh" → the shared corpus folders it names (null when one is missing). */
function corpusFor(tag: string): string[] | null {
  const dirs = tag
    .split('+')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'seed')
    .map((name) => join(SHARED, 'corpus', name));
  return dirs.every((d) => existsSync(d)) ? dirs : null;
}

function detection(verbose: boolean): { pages: PageScore[]; skipped: string[] } {
  const pages: PageScore[] = [];
  const skipped: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  if (!existsSync(SCORER)) return { pages, skipped: [`the scorer ${SCORER} is absent`] };
  for (const dir of PAGE_DIRS.filter((d) => existsSync(d))) {
    const golds = readdirSync(dir).filter((f) => f.endsWith('.gold.json'));
    const tags = new Set(
      golds.map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { corpus: string }).corpus),
    );
    for (const tag of [...tags].sort()) {
      const dirs = corpusFor(tag);
      const names = golds.filter(
        (f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { corpus: string }).corpus === tag,
      );
      if (!dirs) {
        skipped.push(`${names.join(', ')} in ${dir}: corpus "${tag}" is not in ../shared/corpus`);
        continue;
      }
      process.stderr.write(`eval: detecting ${names.length} page(s) of ${dir} with corpus "${tag}"…\n`);
      const run = spawnSync(
        process.execPath,
        [
          SCORER,
          '--pages',
          dir,
          '--corpus',
          tag,
          '--json',
          '--',
          process.execPath,
          join(ROOT, 'bin/factlens.mjs'),
          'detect',
          '{page}',
          '--json',
          ...dirs.flatMap((d) => ['--corpus', d]),
        ],
        { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 },
      );
      let out: { pages: Omit<PageScore, 'dir' | 'corpus'>[] };
      try {
        out = JSON.parse(run.stdout);
      } catch {
        skipped.push(
          `${names.join(', ')}: the scorer failed (exit ${run.status}): ${run.stderr.slice(0, 300)}`,
        );
        continue;
      }
      for (const p of out.pages) {
        if (seen.has(p.page)) {
          duplicates.push(p.page); // the repo's copy was scored first
          continue;
        }
        seen.add(p.page);
        pages.push({
          ...p,
          dir: dir.startsWith(ROOT) ? 'test/fixtures/pages' : '../shared/fixtures/pages',
          corpus: tag,
        });
        if (verbose) for (const m of [...p.misses, ...p.extras]) process.stderr.write(`  ${p.page}: ${m}\n`);
      }
    }
  }
  pages.sort((a, b) => a.page.localeCompare(b.page));
  if (duplicates.length > 0) {
    skipped.push(
      `(not skipped) ${duplicates.sort().join(', ')}: in both folders, scored once (the repo's copy)`,
    );
  }
  return { pages, skipped };
}

interface QueryResult {
  id: string;
  mode: string;
  script: string;
  query: string;
  rank: number | null;
  top: string[];
}

async function relevance(): Promise<{ results: QueryResult[]; skipped: string[]; articles: number }> {
  const doc = JSON.parse(readFileSync(join(ROOT, 'eval/queries.json'), 'utf8')) as { queries: Query[] };
  const shared = CORPUS_DIRS.filter((d) => existsSync(d));
  const haveShared = shared.length === CORPUS_DIRS.length;
  const skipped: string[] = [];
  const queries = doc.queries.filter((q) => {
    if (q.corpus === 'shared' && !haveShared) {
      skipped.push(q.id);
      return false;
    }
    return true;
  });
  process.stderr.write(
    `eval: loading ${haveShared ? 'seeds + ../shared/corpus' : 'seeds'} (entities cached after the first run)…\n`,
  );
  const { data } = await loadEntityData(haveShared ? shared : []);
  const index = searchIndexOfBundle({ articles: data.articles, extra: {}, entities: data.entities });
  const titles = new Map(data.articles.map((a) => [a.id, a.title]));
  const results: QueryResult[] = [];
  for (const q of queries) {
    const answers = new Set(q.answers);
    let ranked: Array<{ articleId: string; text: string }> = [];
    if (q.mode === 'search') {
      ranked = index.search(q.query, { limit: 10 }).map((r) => ({ articleId: r.articleId, text: '' }));
    } else {
      const entity = findEntity(data, q.query);
      ranked = entity ? (lookupEntity(data, entity.id, 10)?.passages ?? []) : [];
    }
    const hit = (r: { articleId: string; text: string }) =>
      q.mentions?.length
        ? q.mentions.some((m) => r.text.includes(m))
        : answers.has(r.articleId) && (!q.passage || r.text.includes(q.passage));
    const at = ranked.findIndex(hit);
    results.push({
      id: q.id,
      mode: q.mode,
      script: q.script,
      query: q.query,
      rank: at >= 0 ? at + 1 : null,
      top: ranked.slice(0, 3).map((r) => `${r.articleId} ${titles.get(r.articleId) ?? ''}`),
    });
  }
  return { results, skipped, articles: data.articles.length };
}

function scores(rs: readonly QueryResult[]): { n: number; mrr: number; r3: number } {
  const n = rs.length;
  const mrr = n ? rs.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n : 0;
  const r3 = n ? rs.filter((r) => r.rank !== null && r.rank <= 3).length / n : 0;
  return { n, mrr, r3 };
}

async function main(argv: string[]): Promise<void> {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const verbose = argv.includes('--verbose');
  const report: Record<string, unknown> = { date: new Date().toISOString() };

  if (only !== 'relevance') {
    const { pages, skipped } = detection(verbose);
    const rows = pages.map((p) => [
      p.page,
      p.corpus,
      p.dir,
      `${p.found}/${p.wanted}`,
      String(p.falsePositives),
      pct(p.wanted ? p.found / p.wanted : 1),
      pct(p.found + p.falsePositives ? p.found / (p.found + p.falsePositives) : 1),
    ]);
    const found = pages.reduce((n, p) => n + p.found, 0);
    const wanted = pages.reduce((n, p) => n + p.wanted, 0);
    const fp = pages.reduce((n, p) => n + p.falsePositives, 0);
    rows.push([
      'all pages',
      '',
      '',
      `${found}/${wanted}`,
      String(fp),
      pct(wanted ? found / wanted : 1),
      pct(found + fp ? found / (found + fp) : 1),
    ]);
    process.stdout.write(`Detection (factlens detect, scored by score-detect.mjs)\n`);
    process.stdout.write(
      `${table(['page', 'corpus', 'from', 'found', 'false', 'recall', 'precision'], rows)}\n`,
    );
    for (const s of skipped) process.stdout.write(`skipped: ${s}\n`);
    for (const p of pages) for (const m of p.misses) process.stdout.write(`  ${p.page}: missed ${m}\n`);
    for (const p of pages) for (const e of p.extras) process.stdout.write(`  ${p.page}: extra ${e}\n`);
    report.detection = {
      pages,
      skipped,
      recall: wanted ? found / wanted : 1,
      precision: found + fp ? found / (found + fp) : 1,
    };
  }

  if (only !== 'detect') {
    const { results, skipped, articles } = await relevance();
    const groups: Array<[string, QueryResult[]]> = [];
    for (const mode of ['search', 'lookup']) {
      for (const script of ['zh-Hant', 'zh-Hans', 'en']) {
        const rs = results.filter((r) => r.mode === mode && r.script === script);
        if (rs.length) groups.push([`${mode} ${script}`, rs]);
      }
      groups.push([`${mode} (all)`, results.filter((r) => r.mode === mode)]);
    }
    groups.push(['all queries', results]);
    const rows = groups.map(([name, rs]) => {
      const s = scores(rs);
      return [name, String(s.n), pct(s.mrr), pct(s.r3)];
    });
    process.stdout.write(`\nPassage relevance (${results.length} queries over ${articles} articles)\n`);
    process.stdout.write(`${table(['queries', 'n', 'MRR', 'recall@3'], rows)}\n`);
    if (skipped.length) process.stdout.write(`skipped (need ../shared/corpus): ${skipped.join(', ')}\n`);
    for (const r of results.filter((x) => x.rank === null || x.rank > 3)) {
      process.stdout.write(
        `  ${r.id} ${r.mode} "${r.query}": rank ${r.rank ?? '>10'}; top: ${r.top.join(' | ') || '(nothing)'}\n`,
      );
    }
    report.relevance = { ...scores(results), results, skipped };
  }
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results/eval.json'), `${JSON.stringify(report, null, 2)}\n`);
}

await main(process.argv.slice(2));
