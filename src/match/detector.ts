// The detector the background calls: exact alias matches (AliasMatcher) plus fuzzy-resolved Latin
// names (FuzzyResolver) over the text runs of a page. Pure and DOM-free. A service worker should
// start from a DetectorIndex compiled at build time (compileDetectorIndex: the alias keys already
// folded and assigned, the segmentation lexicon as a prebuilt trie), which leaves only the small
// pattern trie to build; the fuzzy resolver is built on the first page that needs it.
import type { Alias, Entity, Mention } from '../entities/types.ts';
import { foldKey, hasHan } from '../text/fold.ts';
import { FuzzyResolver, latinNameCandidates } from './fuzzy.ts';
import { AliasMatcher, lexiconFor, type MatcherPattern, type RawMatch } from './matcher.ts';
import { PatternTrie, type SerializedTrie } from './trie.ts';

export interface DetectorIndex {
  format: 'factlens-detector';
  version: 1;
  /** [folded key, owning entity id, the alias texts behind the key] per pattern. */
  patterns: Array<[string, string, string[]]>;
  /** Lexicon of the segmentation check (Han keys + dictionary words). */
  lexicon: SerializedTrie;
}

export interface DetectorExtra {
  /** Dictionary words that can cut through a Chinese alias (built at compile time, see dictionary-words.ts). */
  dictionaryWords?: readonly string[];
  /** A precompiled index (compileDetectorIndex); when given, dictionaryWords is not needed. */
  index?: DetectorIndex;
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

/** Folded alias keys, each given to one entity; keys two entities share equally are left out (ambiguous). */
export function assignPatterns(entities: readonly Entity[]): Array<[string, string, string[]]> {
  const byKey = new Map<string, Array<{ entityId: string; rank: number; text: string }>>();
  for (const e of entities) {
    const texts: Alias[] = [{ text: e.name, source: 'corpus' }, ...e.aliases];
    for (const a of texts) {
      const key = foldKey(a.text);
      if (!usableKey(key)) continue;
      const list = byKey.get(key);
      const item = { entityId: e.id, rank: SOURCE_RANK[a.source] ?? 5, text: a.text };
      if (list) list.push(item);
      else byKey.set(key, [item]);
    }
  }
  const out: Array<[string, string, string[]]> = [];
  for (const key of [...byKey.keys()].sort()) {
    const list = byKey.get(key) as Array<{ entityId: string; rank: number; text: string }>;
    let best = 99;
    for (const x of list) best = Math.min(best, x.rank);
    const owners = new Set<string>();
    for (const x of list) if (x.rank === best) owners.add(x.entityId);
    if (owners.size !== 1) continue;
    const [owner] = owners as Set<string>;
    const originals = new Set<string>();
    for (const x of list) if (x.entityId === owner) originals.add(x.text);
    out.push([key, owner as string, [...originals]]);
  }
  return out;
}

/** The heavy part of createDetector, done once at build time and stored in the bundle. */
export function compileDetectorIndex(
  entities: readonly Entity[],
  dictionaryWords: readonly string[],
): DetectorIndex {
  const patterns = assignPatterns(entities);
  const lexicon = lexiconFor(
    patterns.map(([key, , originals]) => ({ key, originals })),
    dictionaryWords,
  );
  return { format: 'factlens-detector', version: 1, patterns, lexicon: lexicon.toJSON() };
}

export function createDetector(entities: readonly Entity[], extra: DetectorExtra = {}): Detector {
  const t0 = performance.now();
  const assigned = extra.index?.patterns ?? assignPatterns(entities);
  const patterns: MatcherPattern[] = assigned.map(([key, , originals]) => ({ key, originals }));
  const patternEntity = assigned.map(([, owner]) => owner);
  const matcher = new AliasMatcher(
    patterns,
    extra.index ? PatternTrie.fromJSON(extra.index.lexicon) : (extra.dictionaryWords ?? []),
  );
  let fuzzy: FuzzyResolver | undefined;
  const fuzzyResolver = (): FuzzyResolver => {
    fuzzy ??= new FuzzyResolver(
      patterns.flatMap((p, i) =>
        hasHan(p.key) ? [] : p.originals.map((text) => ({ text, entityId: patternEntity[i] as string })),
      ),
    );
    return fuzzy;
  };
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
        if (extra.fuzzy === false) return;
        for (const group of latinNameCandidates(text, covered)) {
          const resolver = fuzzyResolver();
          for (const c of group) {
            const hit = resolver.resolve(c.text);
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
