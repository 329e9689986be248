// The parsing half of an import, run in the extension page that imports, not in the background: the
// corpus loader (cheerio with its HTML entity tables and selector engine, ~260 kB of the background's
// 413 kB bundle) was evaluated at every start of the MV3 service worker, which the browser stops after
// 30 s idle. Without it the worker answered its first matchRuns after a cold start ~30 ms sooner
// (2,046-article build, 15 cold starts each, interleaved: 160 → 128 and 186 → 157 ms medians). The
// page checks its own batch (the same bounds as the message), parses it with the corpus loader and
// sends the background the articles and the files' problems (importArticles).
import { MAX_FILE_BYTES } from '../corpus/decode.ts';
import { loadCorpus } from '../corpus/load.ts';
import {
  base64ToBytes,
  IMPORT_LIMITS,
  type ImportArticlesRequest,
  type ImportFilesRequest,
  type ImportProblem,
} from './protocol.ts';

function checkRequest(request: ImportFilesRequest): ImportFilesRequest['files'] {
  const files = request?.files;
  if (!Array.isArray(files)) throw new Error('import: expected {files: [...]}');
  if (files.length > IMPORT_LIMITS.filesPerRequest) {
    throw new Error(
      `import: ${files.length} files in one request (at most ${IMPORT_LIMITS.filesPerRequest})`,
    );
  }
  // base64 is 4/3 of the bytes: one file up to the loader's limit, a request up to the page's batch
  // size plus one such file (a large file travels alone).
  const perFile = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4;
  let total = 0;
  for (const f of files) {
    if (typeof f?.name !== 'string' || typeof f.data !== 'string' || typeof f.size !== 'number') {
      throw new Error('import: every file needs {name, data, size}');
    }
    if (f.data.length > perFile) throw new Error(`import: ${f.name} is larger than ${MAX_FILE_BYTES} bytes`);
    total += f.data.length;
  }
  if (total > Math.ceil((IMPORT_LIMITS.bytesPerRequest * 4) / 3) + perFile) {
    throw new Error('import: too many bytes in one request; send fewer files at a time');
  }
  return files;
}

/** One batch of picked files parsed: the articles to import, and each file's errors and warnings. */
export function parseImportFiles(request: ImportFilesRequest): ImportArticlesRequest {
  const files = checkRequest(request);
  const { articles, issues } = loadCorpus(
    files.map((f) => ({
      name: f.name,
      bytes: f.size > MAX_FILE_BYTES ? new Uint8Array(0) : base64ToBytes(f.data),
      size: f.size,
    })),
  );
  const problem = (i: (typeof issues)[number]): ImportProblem => ({
    file: i.file,
    ...(i.line ? { line: i.line } : {}),
    message: i.message,
  });
  return {
    files: files.length,
    articles,
    errors: issues.filter((i) => i.severity === 'error').map(problem),
    warnings: issues.filter((i) => i.severity === 'warning').map(problem),
  };
}
