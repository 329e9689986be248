// `factlens corpus [DIR|FILE]... [--json]`: reads article files (default: seeds/), prints the
// counts (articles, passages by kind, scripts, date range, images, links, videos, sources) and
// every error and warning as `file:line: message`. Exit 0 when it ran, even if files had errors
// (they are reported); 2 for usage errors (unknown option, missing path).
import { formatIssue } from '../corpus/issues.ts';
import { loadCorpus } from '../corpus/load.ts';
import { readCorpusFiles } from '../corpus/node-files.ts';
import { type CorpusSummary, summarizeCorpus } from '../corpus/summary.ts';
import type { Command } from './main.ts';

const usage = `usage: factlens corpus [DIR|FILE]... [--json]

Reads the .txt/.md article files in each DIR (recursively, README.md excepted) and each FILE
(default: seeds/), then prints counts and every error and warning as file:line: message.

options:
  --json       print one JSON document (counts and issues) instead of text
  --entities   also list the extracted entities with kind and alias sources
`;

interface Options {
  json: boolean;
  paths: string[];
  /** Also list the extracted entities (src/cli/entities-listing.ts). */
  entities?: boolean;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { json: false, paths: [] };
  let flags = true;
  for (const arg of args) {
    if (flags && arg === '--') flags = false;
    else if (flags && arg === '--json') options.json = true;
    else if (flags && arg === '--entities') options.entities = true;
    else if (flags && arg.startsWith('-') && arg !== '-') return `unknown option "${arg}"`;
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) options.paths.push('seeds');
  return options;
}

function textReport(s: CorpusSummary): string {
  const kinds = (['paragraph', 'subheading', 'caption', 'gallery-heading', 'gallery-item', 'byline'] as const)
    .map((k) => `${k} ${s.passages[k]}`)
    .join(', ');
  const scripts = Object.entries(s.scripts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const sources = Object.entries(s.sources)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const dates =
    s.dates.first && s.dates.last ? `${s.dates.first.slice(0, 10)} … ${s.dates.last.slice(0, 10)}` : '-';
  return [
    `files:     ${s.files}`,
    `articles:  ${s.articles}`,
    `passages:  ${s.passages.total} (${kinds})`,
    `scripts:   ${scripts}`,
    `dates:     ${dates}`,
    `images:    ${s.images}`,
    `links:     ${s.links}`,
    `videos:    ${s.videos}`,
    `sources:   ${sources || '-'}`,
    `errors:    ${s.errors}`,
    `warnings:  ${s.warnings}`,
    '',
  ].join('\n');
}

export const corpusCommand: Command = async (args) => {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`factlens corpus: ${options}\n${usage}`);
    return 2;
  }
  const { files, missing } = await readCorpusFiles(options.paths);
  if (missing.length > 0) {
    for (const path of missing) process.stderr.write(`factlens corpus: ${path}: no such file or directory\n`);
    return 2;
  }
  const { articles, issues } = loadCorpus(files);
  const summary = summarizeCorpus(articles, issues, files.length);

  const entities = options.entities
    ? await (await import('./entities-listing.ts')).entitiesListing(articles)
    : undefined;

  if (options.json) {
    const report = {
      ...summary,
      issues: issues.map((i) => ({ ...i, text: formatIssue(i) })),
      ...(entities ? { entities } : {}),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(textReport(summary));
    for (const issue of issues) process.stdout.write(`${formatIssue(issue)}\n`);
    if (entities) process.stdout.write((await import('./entities-listing.ts')).entitiesText(entities));
  }
  return 0;
};
