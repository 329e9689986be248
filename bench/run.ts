// `npm run bench`: runs every benchmark of the project — the matcher (bench/match.ts), the search
// (bench/search.ts), the extension in Chromium (bench/page.ts) and the corpus scale series
// (bench/scale.ts) — each in a process of its own, reads their figures, and prints one table
// `figure | value | goal | met`, also written to bench/results.json. A bench that is missing or fails
// shows as "missing" (with the reason in the JSON), never as an invented number.
// Options: --only match,search,page,scale   --sizes 2046,5000,10000,20000 (scale)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './corpus-source.ts';
import type { ScaleRow } from './scale.ts';

export interface Goal {
  op: '<=' | '>=';
  value: number;
}

export interface Figure {
  bench: string;
  figure: string;
  value: number | null;
  unit: string;
  goal?: Goal;
  /** Why the value is missing, or what it was measured on. */
  note?: string;
}

const BENCHES = ['match', 'search', 'page', 'scale'] as const;
type Bench = (typeof BENCHES)[number];

interface Run {
  ok: boolean;
  stdout: string;
  reason: string;
}

/** Runs a bench script with tsx (and --expose-gc for its heap figures). */
function runScript(file: string, args: string[] = []): Run {
  if (!existsSync(join(ROOT, file))) return { ok: false, stdout: '', reason: `${file} does not exist` };
  const t0 = performance.now();
  process.stderr.write(`bench: ${file} ${args.join(' ')}…\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 30 * 60_000,
  });
  process.stderr.write(`bench: ${file} done in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  if (run.status !== 0) {
    const tail = (run.stderr || run.stdout || String(run.error ?? ''))
      .trim()
      .split('\n')
      .slice(-3)
      .join(' / ');
    return { ok: false, stdout: run.stdout ?? '', reason: `${file} exited ${run.status}: ${tail}` };
  }
  return { ok: true, stdout: run.stdout, reason: '' };
}

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s.replace(/,/g, '')));

/** One figure from a regular expression over a bench's output; missing (with the reason) when absent. */
function grab(
  bench: string,
  run: Run,
  figure: string,
  unit: string,
  pattern: RegExp,
  goal?: Goal,
  note?: string,
): Figure {
  const m = run.ok ? pattern.exec(run.stdout) : null;
  const value = num(m?.[1]);
  const f: Figure = { bench, figure, value, unit };
  if (goal) f.goal = goal;
  if (value === null) f.note = run.ok ? `not found in the output (${pattern.source})` : run.reason;
  else if (note) f.note = note;
  return f;
}

/**
 * bench/match.ts prints, per alias set ("names: N aliases", "dense: N aliases"; older versions one
 * unlabelled set with "aliases: N"), our build/scan/memory, the scan with the segmentation check, the
 * library's scan, and the speed-ups.
 */
function matchFigures(): Figure[] {
  const run = runScript('bench/match.ts');
  const headers = [...run.stdout.matchAll(/^(\w+): (\d+) aliases$/gm)];
  const blocks = headers.length
    ? headers.map((h, i) => ({
        label: `${h[1]} (${h[2]} aliases)`,
        text: run.stdout.slice(h.index, headers[i + 1]?.index ?? undefined),
      }))
    : [{ label: `${/aliases: (\d+)/.exec(run.stdout)?.[1] ?? '?'} aliases`, text: run.stdout }];
  const out: Figure[] = [];
  const n = '([\\d.]+)';
  for (const b of blocks) {
    const r = { ...run, stdout: b.text };
    const at = (name: string) => `${b.label}: ${name}`;
    out.push(
      grab('match', r, at('matcher build'), 'ms', new RegExp(`factlens AliasMatcher\\s+${n}`)),
      grab(
        'match',
        r,
        at('matcher scan (matching alone)'),
        'ms/MB',
        new RegExp(`factlens AliasMatcher\\s+[\\d.]+\\s+${n}`),
      ),
      grab(
        'match',
        r,
        at('matcher scan (+ segmentation check)'),
        'ms/MB',
        new RegExp(`segmentation check\\s+${n}`),
      ),
      grab(
        'match',
        r,
        at('matcher memory'),
        'MB',
        new RegExp(`factlens AliasMatcher\\s+[\\d.]+\\s+[\\d.]+\\s+${n}`),
      ),
      grab(
        'match',
        r,
        at('@monyone/aho-corasick fast scan'),
        'ms/MB',
        new RegExp(`aho-corasick fast\\s+[\\d.]+\\s+${n}`),
      ),
      grab('match', r, at('speed-up vs aho-corasick (matching alone)'), '×', /speed-up: ([\d.]+)× matching/, {
        op: '>=',
        value: 5,
      }),
      grab(
        'match',
        r,
        at('speed-up vs aho-corasick (+ segmentation)'),
        '×',
        /([\d.]+)× with the segmentation/,
        { op: '>=', value: 5 },
      ),
    );
  }
  return out;
}

/** bench/search.ts prints a block per corpus ("corpus", "synthetic"): build, size, load, query. */
function searchFigures(): Figure[] {
  const run = runScript('bench/search.ts');
  const block = (label: string) => {
    const at = run.stdout.indexOf(`\n${label}: `);
    const next = run.stdout.indexOf('\n\n', at + 2);
    return { ...run, stdout: at < 0 ? '' : run.stdout.slice(at, next < 0 ? undefined : next) };
  };
  const out: Figure[] = [];
  for (const [label, name, p95] of [
    ['corpus', 'real corpus', 20],
    ['synthetic', '20,000 synthetic', 50],
  ] as const) {
    const b = block(label);
    if (b.ok && !b.stdout) {
      b.ok = false;
      b.reason = `no "${label}" block in bench/search.ts output`;
    }
    const articles = /: (\d+) articles/.exec(b.stdout)?.[1];
    const note = articles ? `${articles} articles` : undefined;
    out.push(
      grab('search', b, `${name}: index build`, 'ms', /build\s+([\d.]+) ms/, undefined, note),
      grab('search', b, `${name}: index size`, 'MB', /index size\s+([\d.]+) MB JSON/, undefined, note),
      grab('search', b, `${name}: index size gzip`, 'MB', /([\d.]+) MB gzip/, undefined, note),
      grab('search', b, `${name}: load`, 'ms', /load\s+([\d.]+) ms/, undefined, note),
      grab('search', b, `${name}: query p50`, 'ms', /p50 ([\d.]+) ms/, undefined, note),
      grab('search', b, `${name}: query p95`, 'ms', /p95 ([\d.]+) ms/, { op: '<=', value: p95 }, note),
    );
  }
  return out;
}

/** bench/page.ts prints one JSON line (`{"figures":[...]}`) with --json. */
function pageFigures(): Figure[] {
  const run = runScript('bench/page.ts', ['--json']);
  const line = run.stdout.split('\n').find((l) => l.startsWith('{"figures"'));
  if (run.ok && line) return (JSON.parse(line) as { figures: Figure[] }).figures;
  const reason = run.ok ? 'bench/page.ts printed no JSON line' : run.reason;
  const names: Array<[string, string, Goal]> = [
    ['marking a 1 MB page: total', 'ms', { op: '<=', value: 300 }],
    ['marking a 1 MB page: longest main-thread task', 'ms', { op: '<=', value: 50 }],
    ['time to first marks, 100 KB article', 'ms', { op: '<=', value: 100 }],
    ['service-worker cold start, 2,046-article build', 'ms', { op: '<=', value: 150 }],
    ['hover-to-card after the delay', 'ms', { op: '<=', value: 30 }],
    ['content script bundle (minified)', 'kB', { op: '<=', value: 40 }],
  ];
  return names.map(([figure, unit, goal]) => ({
    bench: 'page',
    figure,
    value: null,
    unit,
    goal,
    note: reason,
  }));
}

function scaleFigures(sizes: string | undefined): Figure[] {
  const run = runScript('bench/scale.ts', ['--json', ...(sizes ? ['--sizes', sizes] : [])]);
  const line = run.stdout.split('\n').find((l) => l.startsWith('['));
  if (!run.ok || !line) {
    return [
      {
        bench: 'scale',
        figure: 'scale series',
        value: null,
        unit: '',
        note: run.ok ? 'no JSON' : run.reason,
      },
    ];
  }
  const rows = JSON.parse(line) as ScaleRow[];
  const out: Figure[] = [];
  for (const r of rows) {
    const at = `${r.articles} articles`;
    const f = (figure: string, value: number, unit: string): Figure => ({
      bench: 'scale',
      figure: `${at}: ${figure}`,
      value: Math.round(value * 100) / 100,
      unit,
      ...(r.synthetic > 0 ? { note: `${r.synthetic} synthetic` } : { note: 'real corpus' }),
    });
    out.push(
      f('bundle size', r.bundleMb, 'MB'),
      f('bundle size gzip', r.bundleGzipMb, 'MB'),
      f('compile (index + bundle)', r.compileMs / 1000, 's'),
      f('bundle load (readBundle + loadSearchIndex)', r.loadMs, 'ms'),
      f('heap held by the loaded corpus', r.heapMb, 'MB'),
      f('search p50', r.searchP50Ms, 'ms'),
      f('search p95', r.searchP95Ms, 'ms'),
      f('aliases (names the corpus introduces)', r.aliases, ''),
      f('matcher build', r.matchBuildMs, 'ms'),
      f('matcher scan, 1 MB real text', r.matchMsPerMb, 'ms/MB'),
    );
  }
  return out;
}

export function met(f: Figure): 'yes' | 'NO' | 'missing' | '—' {
  if (f.value === null) return 'missing';
  if (!f.goal) return '—';
  return (f.goal.op === '<=' ? f.value <= f.goal.value : f.value >= f.goal.value) ? 'yes' : 'NO';
}

function fmtValue(f: Figure): string {
  if (f.value === null) return 'missing';
  const v =
    Math.abs(f.value) >= 100
      ? f.value.toFixed(0)
      : Math.abs(f.value) >= 10
        ? f.value.toFixed(1)
        : f.value.toFixed(2);
  return f.unit ? `${v} ${f.unit}` : v;
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    `${f.bench}: ${f.figure}`,
    fmtValue(f),
    f.goal
      ? `${f.goal.op === '<=' ? '≤' : '≥'} ${f.goal.value}${f.unit && f.unit !== '×' ? ` ${f.unit}` : f.unit}`
      : '—',
    met(f),
  ]);
  const head = ['figure', 'value', 'goal', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = new Set((opt('--only') ?? BENCHES.join(',')).split(',') as Bench[]);
  const started = new Date();
  const figures: Figure[] = [];
  if (only.has('match')) figures.push(...matchFigures());
  if (only.has('search')) figures.push(...searchFigures());
  if (only.has('page')) figures.push(...pageFigures());
  if (only.has('scale')) figures.push(...scaleFigures(opt('--sizes')));
  // A partial run (--only) keeps the other benches' last figures in results.json (and says when).
  const file = join(ROOT, 'bench/results.json');
  if (opt('--only') && existsSync(file)) {
    try {
      const old = JSON.parse(readFileSync(file, 'utf8')) as { date: string; figures: Figure[] };
      for (const f of old.figures) {
        if (only.has(f.bench as Bench)) continue;
        const note = f.note?.includes('from the run of')
          ? f.note
          : `${f.note ? `${f.note}; ` : ''}from the run of ${old.date}`;
        figures.push({ ...f, note });
      }
    } catch {
      // an unreadable old file is replaced
    }
  }
  const order = (f: Figure) => BENCHES.indexOf(f.bench as Bench);
  figures.sort((a, b) => order(a) - order(b));
  const table = formatTable(figures);
  process.stdout.write(`${table}\n`);
  const results = {
    date: started.toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: process.platform },
    figures: figures.map((f) => ({ ...f, met: met(f) })),
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const missing = figures.filter((f) => f.value === null).length;
  const failed = figures.filter((f) => met(f) === 'NO').length;
  process.stdout.write(
    `\n${figures.length} figures, ${failed} goals not met, ${missing} missing → bench/results.json\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
