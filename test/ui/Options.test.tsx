// @vitest-environment happy-dom
// The options page: each setting written to its storage item, the site list per mode, the interface
// language switching the page at once, and imported articles listed and removed.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCorpusCache } from '../../src/background/corpus.ts';
import { createImportService } from '../../src/import/service.ts';
import { openImportStore } from '../../src/import/store.ts';
import {
  allowedSitesItem,
  disabledSitesItem,
  enabledItem,
  hoverDelayItem,
  markStyleItem,
  nameFormItem,
  siteModeItem,
  uiLocaleItem,
} from '../../src/settings.ts';
import { type ImportsApi, Options } from '../../src/ui/Options.tsx';
import { baseCorpus, importFiles, MA_TEXT, OTHER_TEXT, payload } from '../import/helpers.ts';

let n = 0;
function imports(): ImportsApi & { service: ReturnType<typeof createImportService> } {
  const service = createImportService({
    base: createCorpusCache(async () => baseCorpus()),
    openStore: () => openImportStore(`ui-options-${++n}`),
  });
  return {
    service,
    send: (r) => importFiles(service, r),
    list: () => service.list(),
    remove: async (ids) => ({ removed: await service.remove(ids) }),
  };
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('Options', () => {
  it('writes each setting as it changes', async () => {
    render(<Options imports={imports()} browserLanguage="en-US" />);
    await screen.findByText('Factlens options');

    fireEvent.click(screen.getByLabelText('Underline'));
    await waitFor(async () => expect(await markStyleItem.getValue()).toBe('underline'));

    const delay = screen.getByLabelText('Hover delay') as HTMLInputElement;
    fireEvent.input(delay, { target: { value: '600' } });
    await waitFor(async () => expect(await hoverDelayItem.getValue()).toBe(600));
    expect(screen.getByText('600 ms')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('In Simplified Chinese'));
    await waitFor(async () => expect(await nameFormItem.getValue()).toBe('zh-Hans'));

    fireEvent.click(screen.getByLabelText('Mark names and topics on pages'));
    await waitFor(async () => expect(await enabledItem.getValue()).toBe(false));
  });

  it('keeps a site list per mode, and hides it when running everywhere', async () => {
    await disabledSitesItem.setValue(['example.com']);
    render(<Options imports={imports()} browserLanguage="en-US" />);
    const list = (await screen.findByLabelText(/^Sites, one per line/)) as HTMLTextAreaElement;
    await waitFor(() => expect(list.value).toBe('example.com'));

    fireEvent.click(screen.getByLabelText('Only on the sites listed'));
    await waitFor(async () => expect(await siteModeItem.getValue()).toBe('only-listed'));
    const only = screen.getByLabelText(/^Sites, one per line/) as HTMLTextAreaElement;
    await waitFor(() => expect(only.value).toBe(''));
    fireEvent.input(only, { target: { value: 'https://www.dw.com/zh\nbbc.co.uk' } });
    fireEvent.click(screen.getByText('Save the list'));
    await waitFor(async () => expect(await allowedSitesItem.getValue()).toEqual(['www.dw.com', 'bbc.co.uk']));
    await screen.findByText('Saved');
    expect(await disabledSitesItem.getValue()).toEqual(['example.com']);

    fireEvent.click(screen.getByLabelText('On all sites'));
    await waitFor(() => expect(screen.queryByLabelText(/^Sites, one per line/)).toBeNull());
  });

  it('switches the interface language at once', async () => {
    render(<Options imports={imports()} browserLanguage="en-US" />);
    const select = (await screen.findByLabelText('Interface language')) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'zh-Hant' } });
    await screen.findByText('Factlens 選項');
    expect(await uiLocaleItem.getValue()).toBe('zh-Hant');
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-Hant'));
    expect(screen.getByText('匯入你自己的文章')).toBeTruthy();
  });

  it('follows the browser language by default', async () => {
    render(<Options imports={imports()} browserLanguage="zh-CN" />);
    await screen.findByText('Factlens 选项');
  });

  it('lists imported articles and removes them one by one or all at once', async () => {
    const api = imports();
    await importFiles(api.service, { files: [payload('ma.md', MA_TEXT), payload('other.md', OTHER_TEXT)] });
    render(<Options imports={api} browserLanguage="en-US" />);
    await screen.findByText('2 imported articles');
    expect(screen.getByText('馬英九再訪北京')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Remove “馬英九再訪北京”'));
    await screen.findByText('1 imported article');
    expect(screen.queryByText('馬英九再訪北京')).toBeNull();
    expect((await api.service.list()).map((a) => a.id)).toEqual(['9002']);
    fireEvent.click(screen.getByText('Remove all'));
    await screen.findByText('No imported articles yet.');
  });

  it('refreshes the list after an import from the page', async () => {
    const api = imports();
    render(<Options imports={api} browserLanguage="en-US" />);
    await screen.findByText('No imported articles yet.');
    const input = screen.getByTestId('import-files');
    Object.defineProperty(input, 'files', { value: [new File([MA_TEXT], 'ma.md')], configurable: true });
    fireEvent.change(input);
    await screen.findByText('1 imported, 0 failed');
    await screen.findByText('1 imported article');
  });
});
