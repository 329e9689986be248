// The ::highlight(factlens) style, added to the page without inserting an element: a constructable
// stylesheet appended to document.adoptedStyleSheets (the page's own sheets are kept).
import { HIGHLIGHT_NAME } from './marks.ts';

export const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAME}) {
  background-color: rgb(250 204 21 / 0.2);
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-color: rgb(217 119 6);
  text-decoration-thickness: 2px;
  text-underline-offset: 0.18em;
}
@media (prefers-color-scheme: dark) {
  ::highlight(${HIGHLIGHT_NAME}) {
    background-color: rgb(250 204 21 / 0.16);
    text-decoration-color: rgb(251 191 36);
  }
}
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the highlight style to `doc` once; returns a function that removes it. */
export function adoptHighlightStyle(doc: Document = document): () => void {
  try {
    sheet ??= new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
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
    // No constructable stylesheets (very old engines): a <style> in <head>, never in the body.
    const style = doc.createElement('style');
    style.textContent = HIGHLIGHT_CSS;
    (doc.head ?? doc.documentElement).append(style);
    return () => style.remove();
  }
}
