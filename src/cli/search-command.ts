// `factlens search QUERY [--corpus DIR]... [--json]`: full-text passage search from the command
// line, over the bundled seeds plus any corpus folders given, with the same index and ranking as
// the extension. Prints the best articles with their matching passages (terms in 【】, or bold on a
// terminal); --json prints the SearchResult list. Exit 0 when it ran (even with no hits), 2 for
// usage errors.
import { loadCorpus } from '../corpus/load.ts';
import { readCorpusFiles } from '../corpus/node-files.ts';
import type { Script } from '../corpus/types.ts';
import { segments } from '../search/highlight.ts';
import { buildSearchIndex, loadSearchIndex } from '../search/index.ts';
import type { HighlightRange, SearchFilters, SearchKind, SearchResult } from '../search/types.ts';
import type { Command } from './main.ts';

const KINDS: SearchKind[] = [
  'title',
  'paragraph',
  'subheading',
  'caption',
  'gallery-heading',
  'gallery-item',
  'byline',
];
const SCRIPTS: Script[] = ['zh-Hant', 'zh-Hans', 'en'];

const usage = `usage: factlens search QUERY [--corpus DIR]... [options]

Searches every passage of the seed articles (seeds/) and of each --corpus DIR. Chinese matches in
either script (by characters), English by words; results are grouped by article, best first.

options:
  --corpus DIR       also search the articles in DIR (repeatable)
  --no-seeds         leave out seeds/
  --limit N          at most N articles (default 10)
  --kind K[,K]       only these kinds: ${KINDS.join(', ')}
  --source NAME      only this source (repeatable), e.g. "Deutsche Welle"
  --script S[,S]     only text in these scripts: ${SCRIPTS.join(', ')}
  --from YYYY-MM-DD  only articles published on or after this day
  --to YYYY-MM-DD    only articles published on or before this day
  --json             print the results as JSON
`;

interface Options {
  query: string;
  corpus: string[];
  seeds: boolean;
  json: boolean;
  filters: SearchFilters;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { query: '', corpus: [], seeds: true, json: false, filters: { limit: 10 } };
  const words: string[] = [];
  const day = /^\d{4}-\d{2}-\d{2}$/;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = (): string | undefined => args[++i];
    if (arg === '--json') options.json = true;
    else if (arg === '--no-seeds') options.seeds = false;
    else if (arg === '--corpus') {
      const v = value();
      if (!v) return '--corpus needs a directory';
      options.corpus.push(v);
    } else if (arg === '--limit') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) return '--limit needs a positive whole number';
      options.filters.limit = n;
    } else if (arg === '--kind') {
      const list = (value() ?? '').split(',').filter(Boolean);
      const bad = list.find((k) => !(KINDS as string[]).includes(k));
      if (bad || list.length === 0) return `unknown kind "${bad ?? ''}" (one of ${KINDS.join(', ')})`;
      options.filters.kinds = list as SearchKind[];
    } else if (arg === '--script') {
      const list = (value() ?? '').split(',').filter(Boolean);
      const bad = list.find((s) => !(SCRIPTS as string[]).includes(s));
      if (bad || list.length === 0) return `unknown script "${bad ?? ''}" (one of ${SCRIPTS.join(', ')})`;
      options.filters.scripts = list as Script[];
    } else if (arg === '--source') {
      const v = value();
      if (!v) return '--source needs a name';
      options.filters.sources = [...(options.filters.sources ?? []), v];
    } else if (arg === '--from' || arg === '--to') {
      const v = value();
      if (!v || !day.test(v)) return `${arg} needs a date as YYYY-MM-DD`;
      options.filters[arg === '--from' ? 'from' : 'to'] = v;
    } else if (arg.startsWith('--')) return `unknown option "${arg}"`;
    else words.push(arg);
  }
  options.query = words.join(' ').trim();
  if (!options.query) return 'missing QUERY';
  return options;
}

function marked(text: string, ranges: readonly HighlightRange[], tty: boolean): string {
  return segments(text, ranges)
    .map((s) => (s.mark ? (tty ? `\x1b[1m${s.text}\x1b[22m` : `【${s.text}】`) : s.text))
    .join('');
}

function textReport(results: SearchResult[], tty: boolean): string {
  const lines: string[] = [];
  results.forEach((r, i) => {
    lines.push(`${i + 1}. ${marked(r.title, r.titleHighlights, tty)}`);
    lines.push(`   ${r.source} · ${r.publishedAt.slice(0, 10)} · ${r.matchCount} matching · ${r.url}`);
    for (const p of r.passages) {
      const text = p.text.length > 300 ? `${p.text.slice(0, 300)}…` : p.text;
      lines.push(
        `   [${p.kind}] ${marked(
          text,
          p.highlights.filter(([s]) => s < 300),
          tty,
        )}`,
      );
    }
    lines.push('');
  });
  return lines.join('\n');
}

export const searchCommand: Command = async (args) => {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`factlens search: ${options}\n${usage}`);
    return 2;
  }
  const paths = [...(options.seeds ? ['seeds'] : []), ...options.corpus];
  if (paths.length === 0) {
    process.stderr.write('factlens search: no articles to search (--no-seeds without --corpus)\n');
    return 2;
  }
  const { files, missing } = await readCorpusFiles(paths);
  if (missing.length > 0) {
    for (const path of missing) process.stderr.write(`factlens search: ${path}: no such file or directory\n`);
    return 2;
  }
  const { articles } = loadCorpus(files);
  const index = loadSearchIndex(buildSearchIndex(articles), articles);
  const start = performance.now();
  const results = index.search(options.query, options.filters);
  const tookMs = Math.round((performance.now() - start) * 10) / 10;
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ query: options.query, articles: articles.length, tookMs, results }, null, 2)}\n`,
    );
  } else if (results.length === 0) {
    process.stdout.write(`no passage matches "${options.query}" (${articles.length} articles searched)\n`);
  } else {
    process.stdout.write(textReport(results, process.stdout.isTTY === true));
    process.stdout.write(`${results.length} articles (${articles.length} searched) in ${tookMs} ms\n`);
  }
  return 0;
};
