// Text with highlighted ranges, rendered as text nodes and <mark> elements — never as HTML, so
// corpus text can never inject markup.
import { segments } from '../search/highlight.ts';
import type { HighlightRange } from '../search/types.ts';

export function Highlighted({ text, ranges }: { text: string; ranges: readonly HighlightRange[] }) {
  return <>{segments(text, ranges).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
