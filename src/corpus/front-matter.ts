// The YAML front-matter block of format variant B (`---` … `---` with `key: value` lines such as
// title, date, author, from, tags). Only the flat subset the feed archive writes is read: plain,
// double- or single-quoted scalars and `[ a, b ]` lists; anything else is reported, not guessed.
import type { CorpusIssue } from './types.ts';

export type FrontMatterValue = string | string[];

export interface FrontMatter {
  fields: Record<string, FrontMatterValue>;
  /** 1-based line of each key, for messages. */
  lines: Record<string, number>;
  /** Index (0-based) of the first line after the closing `---`. */
  next: number;
}

function scalar(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replaceAll("''", "'");
  return v;
}

/**
 * Reads a front-matter block starting at `lines[start]` (which must be `---`). Returns undefined
 * (with an error in `issues`) when the block is never closed.
 */
export function readFrontMatter(
  lines: string[],
  start: number,
  file: string,
  issues: CorpusIssue[],
): FrontMatter | undefined {
  const fields: Record<string, FrontMatterValue> = {};
  const keyLines: Record<string, number> = {};
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^---\s*$/.test(line)) return { fields, lines: keyLines, next: i + 1 };
    if (/^<!--|^\[.*\]\(|^-{4,}\s*$/.test(line)) break; // the article header: the block never closed
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:\s?(.*)$/.exec(line);
    if (!m) {
      issues.push({
        file,
        line: i + 1,
        severity: 'warning',
        message: `front matter: expected "key: value", found "${line.slice(0, 40)}"; line ignored`,
      });
      continue;
    }
    const key = m[1] ?? '';
    const value = (m[2] ?? '').trim();
    const list = /^\[(.*)\]$/.exec(value);
    fields[key] = list
      ? (list[1] ?? '')
          .split(',')
          .map(scalar)
          .filter((s) => s !== '')
      : scalar(value);
    keyLines[key] = i + 1;
  }
  issues.push({
    file,
    line: start + 1,
    severity: 'error',
    message: 'unterminated front matter: no closing "---" line after the opening one',
  });
  return undefined;
}
