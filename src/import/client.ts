// Runs an import from an extension page: reads the picked files batch by batch, sends each batch to
// the background, reports progress after each, and gathers one report. A batch whose message fails
// lists each of its files with that error; the other batches still import.
import type { ImportFilesRequest, ImportFilesResponse, ImportProblem } from './protocol.ts';
import { batches, type PickedFile, toPayload } from './read-files.ts';

export type SendImport = (request: ImportFilesRequest) => Promise<ImportFilesResponse>;

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportReport {
  files: number;
  imported: ImportFilesResponse['imported'];
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runImport(
  files: readonly PickedFile[],
  send: SendImport,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportReport> {
  const report: ImportReport = { files: files.length, imported: [], errors: [], warnings: [] };
  let done = 0;
  onProgress({ done, total: files.length });
  for (const batch of batches(files)) {
    try {
      const payloads = await Promise.all(batch.map(toPayload));
      const answer = await send({ files: payloads });
      report.imported.push(...answer.imported);
      report.errors.push(...answer.errors);
      report.warnings.push(...answer.warnings);
    } catch (error) {
      for (const f of batch) report.errors.push({ file: f.name, message: messageOf(error) });
    }
    done += batch.length;
    onProgress({ done, total: files.length });
  }
  return report;
}
