// The ::highlight(factlens) style, added to the page without inserting an element: a constructable
// stylesheet appended to document.adoptedStyleSheets (the page's own sheets are kept).
import { HIGHLIGHT_NAME } from './marks.ts';
import { FLASH_CSS } from './reveal.ts';

// The CSS strings are written compactly, one declaration block per line: they ship in the content
// script as written (its size is a tracked figure).
const H = `::highlight(${HIGHLIGHT_NAME})`;
export const HIGHLIGHT_CSS =
  `${H}{background-color:rgb(250 204 21/.2);text-decoration-line:underline;text-decoration-style:dotted;` +
  'text-decoration-color:rgb(217 119 6);text-decoration-thickness:2px;text-underline-offset:.18em}' +
  `@media(prefers-color-scheme:dark){${H}{background-color:rgb(250 204 21/.16);` +
  `text-decoration-color:rgb(251 191 36)}}${FLASH_CSS}`;

/** The mark-style option: both underline and tint (the default), or one of them. */
export type MarkStyleName = 'underline' | 'tint' | 'both';

const STYLE_OVERRIDES: Record<MarkStyleName, string> = {
  both: '',
  underline: `${H}{background-color:transparent}`,
  tint: `${H}{text-decoration-line:none}`,
};

/** The highlight CSS for a mark style. */
export function highlightCss(style: MarkStyleName): string {
  return HIGHLIGHT_CSS + (STYLE_OVERRIDES[style] ?? '');
}

let markStyle: MarkStyleName = 'both';
let fallbackStyles: HTMLStyleElement[] = [];

let sheet: CSSStyleSheet | null = null;

/** Switches every adopted highlight style to `style` at once (no re-scan needed). */
export function setMarkStyle(style: MarkStyleName): void {
  const next = style in STYLE_OVERRIDES ? style : 'both';
  // Replacing the sheet restyles the whole page, even with the same text: only on a change.
  if (next === markStyle) return;
  markStyle = next;
  sheet?.replaceSync(highlightCss(markStyle));
  for (const el of fallbackStyles) el.textContent = highlightCss(markStyle);
}

/**
 * Adds the highlight style to a document, or to an open shadow root holding marks (document styles
 * do not reach into shadow trees), once; returns a function that removes it.
 */
export function adoptHighlightStyle(doc: Document | ShadowRoot = document): () => void {
  try {
    // Filled once: setMarkStyle keeps it current, and a replace restyles every page it is adopted by
    // (each shadow root that gets marks adopts it too).
    if (!sheet) {
      const created = new CSSStyleSheet();
      created.replaceSync(highlightCss(markStyle));
      sheet = created;
    }
    const own = sheet;
    const sheets = doc.adoptedStyleSheets;
    if (!sheets.includes(own)) {
      try {
        sheets.push(own);
      } catch {
        doc.adoptedStyleSheets = [...sheets, own];
      }
    }
    return () => {
      const i = doc.adoptedStyleSheets.indexOf(own);
      if (i >= 0) doc.adoptedStyleSheets.splice(i, 1);
    };
  } catch {
    // No constructable stylesheets (very old engines): a <style> in <head>, never in the body, and
    // nothing at all inside a page's shadow tree.
    if (!('head' in doc)) return () => undefined;
    const style = doc.createElement('style');
    style.textContent = highlightCss(markStyle);
    (doc.head ?? doc.documentElement).append(style);
    fallbackStyles.push(style);
    return () => {
      style.remove();
      fallbackStyles = fallbackStyles.filter((s) => s !== style);
    };
  }
}
