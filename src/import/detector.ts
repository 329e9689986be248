// The detector for entities only imported articles know: the project's alias matcher (folded, so
// either Chinese script matches, with its word-boundary and segmentation rules) over their names and
// English glosses. Small and built in milliseconds after each import; the bundle's own detector is
// left untouched.
import type { Entity, Mention } from '../entities/types.ts';
import { AliasMatcher, type MatcherPattern, type RawMatch } from '../match/matcher.ts';
import { foldKey } from '../text/fold.ts';
import type { Detector } from './merge.ts';

export function createImportDetector(entities: readonly Entity[]): Detector {
  const byKey = new Map<string, { entityId: string; originals: string[] }>();
  for (const e of entities) {
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
      const key = foldKey(text);
      if (key.length < 2) continue;
      const slot = byKey.get(key);
      if (!slot) byKey.set(key, { entityId: e.id, originals: [text] });
      else if (slot.entityId === e.id && !slot.originals.includes(text)) slot.originals.push(text);
    }
  }
  const keys = [...byKey.keys()];
  const patterns: MatcherPattern[] = keys.map((key) => ({ key, originals: byKey.get(key)?.originals ?? [] }));
  const ids = keys.map((key) => byKey.get(key)?.entityId ?? '');
  const matcher = patterns.length ? new AliasMatcher(patterns) : null;
  return {
    detect(runs) {
      const out: Mention[] = [];
      if (!matcher) return out;
      const found: RawMatch[] = [];
      runs.forEach((text, run) => {
        found.length = 0;
        for (const m of matcher.scan(text, found)) {
          out.push({
            run,
            start: m.start,
            end: m.end,
            text: text.slice(m.start, m.end),
            entityId: ids[m.pattern] ?? '',
            score: 1,
          });
        }
      });
      return out;
    },
  };
}
