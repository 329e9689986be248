// The dictionary words the matcher's segmentation check needs, and only those: CC-CEDICT words that
// partially overlap some Chinese alias (a word ending in the alias' first characters, or starting with
// its last ones: 四川 and 普通话 for 川普). Shipping all of CEDICT would be 11 MB; this is the part
// that can ever change a decision.
import { foldKey, hasHan } from '../text/fold.ts';

export function dictionaryWordsFor(aliasTexts: Iterable<string>, words: readonly string[]): string[] {
  const byPrefix = new Map<string, string[]>();
  const bySuffix = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 2 || w.length > 4) continue;
    for (let k = 1; k < w.length && k <= 3; k++) {
      const p = w.slice(0, k);
      const s = w.slice(w.length - k);
      (byPrefix.get(p) ?? byPrefix.set(p, []).get(p))?.push(w);
      (bySuffix.get(s) ?? bySuffix.set(s, []).get(s))?.push(w);
    }
  }
  const out = new Set<string>();
  const keys = new Set<string>();
  for (const text of aliasTexts) {
    const key = foldKey(text);
    if (hasHan(key)) keys.add(key);
  }
  for (const key of keys) {
    for (let k = 1; k < key.length && k <= 3; k++) {
      // Words starting with the alias' last k characters and running past its end.
      for (const w of byPrefix.get(key.slice(key.length - k)) ?? []) if (!key.endsWith(w)) out.add(w);
      // Words ending with the alias' first k characters and starting before it.
      for (const w of bySuffix.get(key.slice(0, k)) ?? []) if (!key.startsWith(w)) out.add(w);
    }
  }
  for (const k of keys) out.delete(k);
  return [...out].sort();
}
