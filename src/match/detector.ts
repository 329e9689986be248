// The detector the background calls: exact alias matches (AliasMatcher) plus fuzzy-resolved Latin
// names (FuzzyResolver) over the text runs of a page. Built once per service-worker start from the
// bundle's entities and the precomputed dictionary words of the segmentation check; pure, DOM-free.
import type { Alias, Entity, Mention } from '../entities/types.ts';
import { foldKey, hasHan } from '../text/fold.ts';
import { FuzzyResolver, latinNameCandidates } from './fuzzy.ts';
import { AliasMatcher, type MatcherPattern, type RawMatch } from './matcher.ts';

export interface DetectorExtra {
  /** Dictionary words that can cut through a Chinese alias (built at compile time, see dictionary-words.ts). */
  dictionaryWords?: readonly string[];
  /** Resolve unknown capitalised Latin names with fuse.js (default true). */
  fuzzy?: boolean;
}

export interface Detector {
  detect(runs: readonly string[]): Mention[];
  /** Exact matches only, for one run (the corpus indexer uses it). */
  exact(text: string): RawMatch[];
  entityOfPattern(pattern: number): string;
  readonly entities: ReadonlyMap<string, Entity>;
  /** Milliseconds spent building the index. */
  readonly buildMs: number;
  readonly patternCount: number;
}

/** Aliases that stand for the entity most directly win a key two entities share. */
const SOURCE_RANK: Record<Alias['source'], number> = {
  corpus: 0,
  parenthetical: 1,
  quoted: 1,
  heading: 1,
  cedict: 2,
  opencc: 2,
  'variant-table': 3,
  'variant-gloss': 3,
  pinyin: 4,
  'variant-phonetic': 4,
  'short-form': 5,
};

function usableKey(key: string): boolean {
  if (key.length < 2) return false;
  if (/^[\d\s.,:-]+$/.test(key)) return false;
  return hasHan(key) || /[a-z]/.test(key);
}

export function createDetector(entities: readonly Entity[], extra: DetectorExtra = {}): Detector {
  const t0 = performance.now();
  const byKey = new Map<string, Array<{ entityId: string; rank: number; text: string }>>();
  for (const e of entities) {
    const texts: Alias[] = [{ text: e.name, source: 'corpus' }, ...e.aliases];
    for (const a of texts) {
      const key = foldKey(a.text);
      if (!usableKey(key)) continue;
      const list = byKey.get(key) ?? [];
      list.push({ entityId: e.id, rank: SOURCE_RANK[a.source] ?? 5, text: a.text });
      byKey.set(key, list);
    }
  }
  const patterns: MatcherPattern[] = [];
  const patternEntity: string[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const list = byKey.get(key) as Array<{ entityId: string; rank: number; text: string }>;
    const best = Math.min(...list.map((x) => x.rank));
    const owners = new Set(list.filter((x) => x.rank === best).map((x) => x.entityId));
    if (owners.size !== 1) continue; // the same form for two entities: ambiguous, never marked
    const [owner] = owners as Set<string>;
    patterns.push({
      key,
      originals: [...new Set(list.filter((x) => x.entityId === owner).map((x) => x.text))],
    });
    patternEntity.push(owner as string);
  }
  const matcher = new AliasMatcher(patterns, extra.dictionaryWords ?? []);
  const fuzzy =
    extra.fuzzy === false
      ? undefined
      : new FuzzyResolver(
          patterns.flatMap((p, i) =>
            hasHan(p.key) ? [] : p.originals.map((text) => ({ text, entityId: patternEntity[i] as string })),
          ),
        );
  const entityMap = new Map(entities.map((e) => [e.id, e]));
  const buildMs = performance.now() - t0;

  return {
    entities: entityMap,
    buildMs,
    patternCount: patterns.length,
    entityOfPattern: (p) => patternEntity[p] as string,
    exact: (text) => matcher.scan(text),
    detect(runs) {
      const out: Mention[] = [];
      runs.forEach((text, run) => {
        const found = matcher.scan(text);
        const covered: Array<[number, number]> = [];
        for (const m of found) {
          covered.push([m.start, m.end]);
          out.push({
            run,
            start: m.start,
            end: m.end,
            text: text.slice(m.start, m.end),
            entityId: patternEntity[m.pattern] as string,
            score: 1,
          });
        }
        if (!fuzzy || fuzzy.size === 0) return;
        for (const group of latinNameCandidates(text, covered)) {
          for (const c of group) {
            const hit = fuzzy.resolve(c.text);
            if (!hit) continue;
            out.push({
              run,
              start: c.start,
              end: c.end,
              text: c.text,
              entityId: hit.entityId,
              score: hit.score,
            });
            break;
          }
        }
      });
      return out.sort((a, b) => a.run - b.run || a.start - b.start);
    },
  };
}
