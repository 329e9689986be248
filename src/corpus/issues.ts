// How corpus problems are written for people: `file:line: message` (compiler style), warnings
// marked as such, and the sort order used by the CLI and the build.
import type { CorpusIssue } from './types.ts';

/** `seeds/x.txt:2: expected a markdown link "[title](url)"`; warnings say `warning:`. */
export function formatIssue(issue: CorpusIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return `${where}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

/** By file, then line; errors before warnings on the same line. */
export function compareIssues(a: CorpusIssue, b: CorpusIssue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if ((a.line ?? 0) !== (b.line ?? 0)) return (a.line ?? 0) - (b.line ?? 0);
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return 0;
}
