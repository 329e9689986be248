// @vitest-environment happy-dom
// The mark-style option: underline and tint (default), underline only, or tint only, switched on
// pages already styled without a re-scan.
import { describe, expect, it } from 'vitest';
import {
  adoptHighlightStyle,
  HIGHLIGHT_CSS,
  highlightCss,
  setMarkStyle,
} from '../../src/content/page-style.ts';

// happy-dom's CSS parser drops ::highlight rules, so record what the sheet is given instead.
const given = new WeakMap<CSSStyleSheet, string>();
const replaceSync = CSSStyleSheet.prototype.replaceSync;
CSSStyleSheet.prototype.replaceSync = function (this: CSSStyleSheet, text: string) {
  given.set(this, text);
  replaceSync.call(this, text);
};
const cssIn = (doc: Document) =>
  [
    ...Array.from(doc.adoptedStyleSheets ?? [], (s) => given.get(s) ?? ''),
    ...Array.from(doc.querySelectorAll('style'), (s) => s.textContent ?? ''),
  ].join('\n');

describe('mark style', () => {
  it('builds the CSS of each style', () => {
    expect(highlightCss('both')).toBe(HIGHLIGHT_CSS);
    expect(highlightCss('underline')).toMatch(/background-color:\s*transparent/);
    expect(highlightCss('tint')).toMatch(/text-decoration-line:\s*none/);
  });

  it('switches the adopted style in place', () => {
    const remove = adoptHighlightStyle(document);
    expect(cssIn(document)).not.toMatch(/text-decoration-line:\s*none/);
    setMarkStyle('tint');
    expect(cssIn(document)).toMatch(/text-decoration-line:\s*none/);
    setMarkStyle('underline');
    expect(cssIn(document)).toMatch(/background-color:\s*transparent/);
    expect(cssIn(document)).not.toMatch(/text-decoration-line:\s*none/);
    setMarkStyle('both');
    remove();
  });

  it('leaves the sheet alone when the style does not change (a replace restyles the page)', () => {
    const remove = adoptHighlightStyle(document);
    let replaced = 0;
    const sheet = document.adoptedStyleSheets.at(-1) as CSSStyleSheet;
    const original = sheet.replaceSync;
    sheet.replaceSync = (text: string) => {
      replaced++;
      original.call(sheet, text);
    };
    setMarkStyle('both');
    expect(replaced).toBe(0);
    setMarkStyle('tint');
    setMarkStyle('tint');
    expect(replaced).toBe(1);
    setMarkStyle('both');
    remove();
  });
  it('adopting the style elsewhere (a shadow root, the document again) does not replace the sheet', () => {
    const remove = adoptHighlightStyle(document);
    const sheet = document.adoptedStyleSheets.at(-1) as CSSStyleSheet;
    let replaced = 0;
    const original = sheet.replaceSync;
    sheet.replaceSync = (text: string) => {
      replaced++;
      original.call(sheet, text);
    };
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const removeShadow = adoptHighlightStyle(shadow);
    expect(shadow.adoptedStyleSheets).toContain(sheet);
    remove();
    const again = adoptHighlightStyle(document);
    expect(replaced).toBe(0);
    setMarkStyle('tint');
    expect(replaced).toBe(1);
    setMarkStyle('both');
    again();
    removeShadow();
    host.remove();
  });
});
