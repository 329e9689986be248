// Many files → articles + every problem, without ever throwing: each file is decoded and parsed
// on its own (a crash inside the parser becomes `file: internal error: …`), so one broken file
// never loses the others. Duplicate ids keep the newest article and warn. No Node APIs: the
// extension uses it for user imports; node-files.ts feeds it from disk for the CLI and the build.
import { decodeCorpusBytes } from './decode.ts';
import { compareIssues } from './issues.ts';
import { type ParseOptions, parseArticle } from './parse.ts';
import type { Article, CorpusIssue } from './types.ts';

export interface CorpusFile {
  /** Path or import name, used in messages and as `Article.file`. */
  name: string;
  bytes: Uint8Array;
  /** The real size when `bytes` was left empty because the file is too large to read. */
  size?: number;
}

export interface LoadResult {
  /** In input order (first occurrence of each id). */
  articles: Article[];
  /** Sorted by file and line. */
  issues: CorpusIssue[];
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Decodes and parses one file. Never throws. */
export function loadFile(
  file: CorpusFile,
  options: ParseOptions = {},
): { article?: Article; issues: CorpusIssue[] } {
  try {
    const decoded = decodeCorpusBytes(file.name, file.bytes, file.size ?? file.bytes.length);
    if (decoded.text === undefined) return { issues: decoded.issues };
    const parsed = parseArticle(decoded.text, file.name, options);
    return {
      ...(parsed.article ? { article: parsed.article } : {}),
      issues: [...decoded.issues, ...parsed.issues],
    };
  } catch (error) {
    return {
      issues: [{ file: file.name, severity: 'error', message: `internal error: ${errorMessage(error)}` }],
    };
  }
}

/** Newer: later publication time, then later update time. */
function isNewer(a: Article, b: Article): boolean {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt > b.publishedAt;
  return (a.updatedAt ?? a.publishedAt) > (b.updatedAt ?? b.publishedAt);
}

/** Loads many files. Never throws. */
export function loadCorpus(files: Iterable<CorpusFile>, options: ParseOptions = {}): LoadResult {
  const issues: CorpusIssue[] = [];
  const byId = new Map<string, Article>();
  const order: string[] = [];
  try {
    for (const file of files) {
      const result = loadFile(file, options);
      issues.push(...result.issues);
      const article = result.article;
      if (!article) continue;
      const previous = byId.get(article.id);
      if (!previous) {
        byId.set(article.id, article);
        order.push(article.id);
        continue;
      }
      const [kept, dropped] = isNewer(article, previous) ? [article, previous] : [previous, article];
      byId.set(article.id, kept);
      issues.push({
        file: dropped.file,
        severity: 'warning',
        message: `duplicate article id ${article.id} (also in ${kept.file}); kept the newer one from ${kept.file} (${kept.publishedAt}), dropped this one (${dropped.publishedAt})`,
      });
    }
  } catch (error) {
    issues.push({ file: '(corpus)', severity: 'error', message: `internal error: ${errorMessage(error)}` });
  }
  const articles = order.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
  return { articles, issues: issues.sort(compareIssues) };
}
