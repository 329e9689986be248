// "Import your own articles": pick files or a folder, or drop them; a progress bar while the
// background parses and stores them; then how many were imported and every file that failed, with
// its file:line: message. Mounted in the options page (the search page may mount it too). Everything
// shown (file names, messages) is rendered as text.
import { useRef, useState } from 'preact/hooks';
import { type ImportProgress, type ImportReport, runImport, type SendImport } from '../import/client.ts';
import { formatProblem } from '../import/protocol.ts';
import { droppedFrom, type PickedFile, pickedFrom } from '../import/read-files.ts';
import { useT } from './locale.tsx';

export interface ImportProps {
  send: SendImport;
  /** Called after each import with its report (e.g. to refresh the list of imported articles). */
  onDone?: (report: ImportReport) => void;
}

export function Import({ send, onDone }: ImportProps) {
  const t = useT();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const running = useRef(false);

  const start = async (files: PickedFile[]) => {
    if (running.current || files.length === 0) return;
    running.current = true;
    setReport(null);
    setFailure(null);
    try {
      const result = await runImport(files, send, setProgress);
      setReport(result);
      onDone?.(result);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      running.current = false;
      setProgress(null);
    }
  };

  const onPick = (fromFolder: boolean) => (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = pickedFrom(input.files ?? [], fromFolder);
    input.value = '';
    void start(files);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer)
      void droppedFrom(e.dataTransfer).then(start, (error: unknown) => setFailure(String(error)));
  };

  const busy = progress !== null;
  return (
    <section class="fl-import" aria-labelledby="fl-import-heading">
      <h2 id="fl-import-heading">{t('importHeading')}</h2>
      <p class="fl-muted">{t('importHelp')}</p>
      <fieldset
        class={over ? 'fl-dropzone fl-dropzone-over' : 'fl-dropzone'}
        data-testid="import-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label class="fl-button">
          {t('importPickFiles')}
          <input
            type="file"
            multiple
            accept=".md,.txt,text/markdown,text/plain"
            data-testid="import-files"
            disabled={busy}
            onChange={onPick(false)}
          />
        </label>
        <label class="fl-button">
          {t('importPickFolder')}
          <input
            type="file"
            multiple
            data-testid="import-folder"
            disabled={busy}
            onChange={onPick(true)}
            {...{ webkitdirectory: true }}
          />
        </label>
        <span class="fl-muted">{t('importDrop')}</span>
      </fieldset>
      {progress && (
        <div class="fl-import-progress">
          <progress max={progress.total} value={progress.done} aria-labelledby="fl-import-progress-text" />
          <span id="fl-import-progress-text" role="status">
            {t('importProgress', { done: progress.done, total: progress.total })}
          </span>
        </div>
      )}
      {failure && (
        <p class="fl-error" role="alert">
          {t('importFailed', { message: failure })}
        </p>
      )}
      {report && <ImportSummary report={report} />}
    </section>
  );
}

function ImportSummary({ report }: { report: ImportReport }) {
  const t = useT();
  return (
    <div class="fl-import-report">
      <p
        class="fl-import-summary"
        role="status"
        data-imported={report.imported.length}
        data-errors={report.errors.length}
      >
        {t('importDone', { imported: report.imported.length, errors: report.errors.length })}
      </p>
      {report.errors.length > 0 && (
        <section class="fl-import-errors">
          <h3>{t('importErrorsHeading')}</h3>
          <ul>
            {report.errors.map((p, i) => (
              <li key={i}>
                <code>{formatProblem(p)}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.warnings.length > 0 && (
        <details class="fl-import-warnings">
          <summary>
            {t('importWarningsHeading')} ({report.warnings.length})
          </summary>
          <ul>
            {report.warnings.map((p, i) => (
              <li key={i}>
                <code>{formatProblem(p)}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
