// The popup's "show me where": scrolls the page to the first mark of an entity and flashes it for a
// moment, through a second CSS highlight (`factlens-flash`) so, like the marks, nothing is inserted
// into the page. Motion follows prefers-reduced-motion.
import type { Marks } from './marks.ts';
import { HIGHLIGHT_NAME } from './marks.ts';

export const FLASH_HIGHLIGHT = `${HIGHLIGHT_NAME}-flash`;
export const FLASH_MS = 1200;

export const FLASH_CSS = `
::highlight(${FLASH_HIGHLIGHT}) {
  background-color: rgb(250 204 21 / 0.75);
  color: black;
}
`;

let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Scrolls to the first mark of `entityId` and flashes it; false when the page has none. */
export function revealEntity(marks: Marks, entityId: string): boolean {
  const mark = marks.list().find((m) => m.entityId === entityId && m.range.startContainer.isConnected);
  if (!mark) return false;
  const element = mark.range.startContainer.parentElement;
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  if (typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function') {
    CSS.highlights.set(FLASH_HIGHLIGHT, new Highlight(mark.range));
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }
  return true;
}
