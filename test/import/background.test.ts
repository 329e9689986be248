// Only the extension's own pages may import or remove articles: a web page's frame (whose content
// script could forward anything) never can.
import { describe, expect, it } from 'vitest';
import { fromExtensionPage } from '../../src/import/background.ts';

const getURL = (path: string) => `chrome-extension://abc${path}`;

describe('fromExtensionPage', () => {
  it('accepts the extension’s pages and nothing else', () => {
    expect(fromExtensionPage({ url: 'chrome-extension://abc/options.html' }, getURL)).toBe(true);
    expect(fromExtensionPage({ url: 'https://example.com/chrome-extension://abc/' }, getURL)).toBe(false);
    expect(fromExtensionPage({ url: 'chrome-extension://other/options.html' }, getURL)).toBe(false);
    expect(fromExtensionPage({}, getURL)).toBe(false);
    expect(fromExtensionPage(undefined, getURL)).toBe(false);
  });
});
