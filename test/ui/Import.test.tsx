// @vitest-environment happy-dom
// The import flow on the page: files picked, a progress bar while batches go to the background, then
// the count imported and every failing file listed with file:line: message while the rest import.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createCorpusCache } from '../../src/background/corpus.ts';
import { runImport } from '../../src/import/client.ts';
import type { ImportFilesRequest, ImportFilesResponse } from '../../src/import/protocol.ts';
import { batches, isArticleName, pickedFrom } from '../../src/import/read-files.ts';
import { createImportService } from '../../src/import/service.ts';
import { openImportStore } from '../../src/import/store.ts';
import { Import } from '../../src/ui/Import.tsx';
import { LocaleProvider } from '../../src/ui/locale.tsx';
import { BROKEN_TEXT, baseCorpus, importFiles, MA_TEXT, OTHER_TEXT } from '../import/helpers.ts';

afterEach(cleanup);

let n = 0;
function backend() {
  return createImportService({
    base: createCorpusCache(async () => baseCorpus()),
    openStore: () => openImportStore(`ui-import-${++n}`),
  });
}

const file = (name: string, text: string) => new File([text], name, { type: 'text/markdown' });

function pick(input: HTMLElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

function renderImport(
  send: (r: ImportFilesRequest) => Promise<ImportFilesResponse>,
  locale: 'en' | 'zh-Hant' = 'en',
) {
  const reports: unknown[] = [];
  render(
    <LocaleProvider locale={locale}>
      <Import send={send} onDone={(r) => reports.push(r)} />
    </LocaleProvider>,
  );
  return reports;
}

describe('Import', () => {
  it('imports picked files, lists the broken one with file:line, and imports the others', async () => {
    const service = backend();
    const reports = renderImport((r) => importFiles(service, r));
    pick(screen.getByTestId('import-files'), [
      file('ma.md', MA_TEXT),
      file('broken.md', BROKEN_TEXT),
      file('other.md', OTHER_TEXT),
    ]);
    const summary = await screen.findByText('2 imported, 1 failed');
    expect(summary.getAttribute('data-imported')).toBe('2');
    expect(screen.getByText('Not imported')).toBeTruthy();
    const items = Array.from(document.querySelectorAll('.fl-import-errors li')).map((li) => li.textContent);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^broken\.md:\d+: \S/);
    expect(reports).toHaveLength(1);
    expect((await service.list()).map((a) => a.id).sort()).toEqual(['9001', '9002']);
    expect((await service.get()).detect(['馬英九']).length).toBe(1);
  });

  it('shows a progress bar while the background works', async () => {
    let release: () => void = () => undefined;
    const send = (r: ImportFilesRequest) =>
      new Promise<ImportFilesResponse>((ok) => {
        release = () => ok({ files: r.files.length, imported: [], errors: [], warnings: [] });
      });
    renderImport(send, 'zh-Hant');
    pick(screen.getByTestId('import-files'), [file('a.md', MA_TEXT), file('b.md', OTHER_TEXT)]);
    const bar = (await waitFor(() => {
      const el = document.querySelector('progress');
      if (!el) throw new Error('no progress bar yet');
      return el;
    })) as HTMLProgressElement;
    expect(bar.getAttribute('max')).toBe('2');
    expect(bar.getAttribute('value')).toBe('0');
    expect(screen.getByRole('status').textContent).toBe('正在匯入第 0／2 個檔案…');
    await waitFor(() => expect(release).not.toBe(undefined));
    release();
    await screen.findByText('已匯入 0 篇，0 個錯誤');
    expect(document.querySelector('progress')).toBeNull();
  });

  it('lists every file of a batch whose message failed, and goes on with the next batch', async () => {
    let calls = 0;
    const send = async (r: ImportFilesRequest): Promise<ImportFilesResponse> => {
      calls++;
      if (calls === 1) throw new Error('Could not establish connection');
      return { files: r.files.length, imported: [], errors: [], warnings: [] };
    };
    const many = Array.from({ length: 201 }, (_, i) => ({ name: `f${i}.md`, file: new Blob(['x']) }));
    const progress: number[] = [];
    const report = await runImport(many, send, (p) => progress.push(p.done));
    expect(calls).toBe(2);
    expect(progress).toEqual([0, 200, 201]);
    expect(report.errors).toHaveLength(200);
    expect(report.errors[0]).toEqual({ file: 'f0.md', message: 'Could not establish connection' });
  });
});

describe('dropping', () => {
  it('walks a dropped folder (article files only) and imports them', async () => {
    const service = backend();
    renderImport((r) => importFiles(service, r));
    const entry = (path: string, text: string) => ({
      isFile: true,
      isDirectory: false,
      name: path.split('/').pop() ?? path,
      fullPath: `/${path}`,
      file: (ok: (f: File) => void) => ok(file(path.split('/').pop() ?? path, text)),
    });
    const children = [
      entry('dw/ma.md', MA_TEXT),
      entry('dw/README.md', '# notes'),
      entry('dw/other.md', OTHER_TEXT),
    ];
    let served = false;
    const folder = {
      isFile: false,
      isDirectory: true,
      name: 'dw',
      fullPath: '/dw',
      createReader: () => ({
        readEntries: (ok: (entries: unknown[]) => void) => {
          ok(served ? [] : children);
          served = true;
        },
      }),
    };
    const dataTransfer = { items: [{ webkitGetAsEntry: () => folder }], files: [] };
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: dataTransfer });
    screen.getByTestId('import-dropzone').dispatchEvent(drop);
    await screen.findByText('2 imported, 0 failed');
    expect((await service.list()).map((a) => a.file).sort()).toEqual(['dw/ma.md', 'dw/other.md']);
  });
});

describe('picking', () => {
  it('takes article files from a folder, everything from a file pick', () => {
    const files = [
      Object.assign(file('README.md', ''), { webkitRelativePath: 'dw/README.md' }),
      Object.assign(file('b.md', ''), { webkitRelativePath: 'dw/b.md' }),
      Object.assign(file('a.txt', ''), { webkitRelativePath: 'dw/a.txt' }),
      Object.assign(file('x.png', ''), { webkitRelativePath: 'dw/x.png' }),
    ];
    expect(pickedFrom(files, true).map((f) => f.name)).toEqual(['dw/a.txt', 'dw/b.md']);
    expect(pickedFrom([file('x.png', '')], false).map((f) => f.name)).toEqual(['x.png']);
    expect(isArticleName('dw/.hidden.md')).toBe(false);
  });

  it('splits large picks by count and bytes', () => {
    const small = Array.from({ length: 450 }, () => ({ file: { size: 10 } }));
    expect(batches(small).map((b) => b.length)).toEqual([200, 200, 50]);
    const big = Array.from({ length: 3 }, () => ({ file: { size: 3 * 1024 * 1024 } }));
    expect(batches(big).map((b) => b.length)).toEqual([1, 1, 1]);
  });
});
