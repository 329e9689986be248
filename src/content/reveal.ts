// The popup's "show me where": scrolls the page to the first mark of an entity and flashes it for a
// moment, through a second CSS highlight (`factlens-flash`) so, like the marks, nothing is inserted
// into the page. Motion follows prefers-reduced-motion.
import { HIGHLIGHT_NAME, highlightsSupported, type Marks } from './marks.ts';

export const FLASH_HIGHLIGHT = `${HIGHLIGHT_NAME}-flash`;
export const FLASH_MS = 1200;

// Written compactly: it ships in the content script as it is written here (like HIGHLIGHT_CSS).
export const FLASH_CSS = `::highlight(${FLASH_HIGHLIGHT}){background-color:rgb(250 204 21/.75);color:black}`;

let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Scrolls to the first mark of `entityId` and flashes it; false when the page has none. */
export function revealEntity(marks: Marks, entityId: string): boolean {
  const mark = marks.list().find((m) => m.entityId === entityId && m.range.startContainer.isConnected);
  if (!mark) return false;
  const element = mark.range.startContainer.parentElement;
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  if (highlightsSupported()) {
    CSS.highlights.set(FLASH_HIGHLIGHT, new Highlight(mark.range));
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }
  return true;
}
