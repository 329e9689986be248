// The detector the background calls: exact alias matches (AliasMatcher) plus fuzzy-resolved Latin
// names (FuzzyResolver) over the text runs of a page, less one-word English mentions whose capital
// comes from their place (a sentence's start, a title-case headline) and that are everyday words
// (dropEverydayWords), a one-word mention that is part of another name (Robert Gates, Eliot
// Cohen, DICK CHENEY, Marc-André, Muhammad bin Salman: dropOtherPeople), and a Chinese mention the
// page names otherwise in brackets (福尔曼（Johann Fuhrmann）: dropContradicted). Pure and DOM-free. A
// service worker should start from a DetectorIndex compiled at build time (compileDetectorIndex:
// alias keys folded and assigned, the pattern trie, the per-pattern flags and capitals, the
// segmentation lexicon, all as typed arrays; stored in binary by index-codec.ts), so that
// createDetector only wraps arrays; the fuzzy resolver is built on the first page that needs it.
import type { Alias, Entity, Mention } from '../entities/types.ts';
import { FOLD, foldKey, hasHan, isHan } from '../text/fold.ts';
import { TRANSLIT } from '../text/translit.ts';
import { editRatio, FuzzyResolver, latinNameCandidates } from './fuzzy.ts';
import {
  AliasMatcher,
  compileMatcherTables,
  type MatcherPattern,
  type MatcherTables,
  type RawMatch,
  TRANSLIT_UNIT,
} from './matcher.ts';
import { PatternTrie, type SerializedTrie } from './trie.ts';

/** The JSON form of the index: what the CLI's entity cache holds (the extension ships the binary form). */
export interface DetectorIndexJson {
  format: 'factlens-detector';
  version: 1;
  /** [folded key, owning entity id, the alias texts behind the key, flags (see PatternEntry)] per pattern. */
  patterns: PatternEntry[];
  /** Lexicon of the segmentation check (Han keys + dictionary words). */
  lexicon: SerializedTrie;
}

/**
 * One pattern: its folded key, owning entity id, alias texts, and flags: 1 when it loses ties
 * (Entity.weakKeys), 2 when it is a name piece (Entity.pieceKeys), 4 when it is an everyday English
 * word (Entity.everydayKeys); left out when 0.
 */
export type PatternEntry = [key: string, owner: string, originals: string[], flags?: number];

const WEAK_ENTRY = 1;
const PIECE_ENTRY = 2;
const EVERYDAY_ENTRY = 4;
/** What every fuzzy name candidate starts with (CAPITALISED_RUN in fuzzy.ts). */
const CAPITAL = /[A-Z]/;

/** The matcher's pattern for an entry. */
function matcherPattern([key, , originals, flags = 0]: PatternEntry): MatcherPattern {
  return { key, originals, weak: (flags & WEAK_ENTRY) !== 0, piece: (flags & PIECE_ENTRY) !== 0 };
}

/** Strings packed into one: string i is text.slice(ends[i - 1] ?? 0, ends[i]) (UTF-16 offsets). */
export interface PackedStrings {
  text: string;
  ends: Uint32Array;
}

/**
 * The compiled index: all createDetector needs, as arrays it only wraps (see index-codec.ts for
 * the binary form). JSON.stringify writes it in the JSON form (toJSON, not enumerable).
 */
export interface CompiledDetectorIndex {
  format: 'factlens-detector';
  version: 2;
  patternCount: number;
  /** The owning entity ids (strings [0, ownerCount)), then the pattern keys, then the alias texts. */
  strings: PackedStrings;
  ownerCount: number;
  /** Per pattern: the string index of its entity id. */
  owners: Uint32Array;
  /** The alias texts of pattern p are strings [originals[p], originals[p + 1]). */
  originals: Uint32Array;
  /** Per pattern: its PatternEntry flags (weak, name piece, everyday word). */
  patternFlags: Uint8Array;
  matcher: MatcherTables;
}

/** Either form; createDetector takes both. compileDetectorIndex gives the compiled one. */
export type DetectorIndex = DetectorIndexJson | CompiledDetectorIndex;

export interface DetectorExtra {
  /** Dictionary words that can cut through a Chinese alias (built at compile time, see dictionary-words.ts). */
  dictionaryWords?: readonly string[];
  /** A precompiled index (compileDetectorIndex); when given, dictionaryWords is not needed. */
  index?: DetectorIndex;
  /** Resolve unknown capitalised Latin names with fuse.js (default true). */
  fuzzy?: boolean;
  /**
   * What the filters after matching read of an entity (its kind, its English name), by id, where
   * `entities` is not the whole list: a service worker passes the briefs of its entity table.
   */
  facts?: ReadonlyMap<string, EntityFacts>;
}

/** What the detector's filters read of an entity besides the index. */
export type EntityFacts = Pick<Entity, 'name' | 'kind' | 'english' | 'articleCount'>;

export interface Detector {
  detect(runs: readonly string[]): Mention[];
  /** Exact matches only, for one run (the corpus indexer uses it). */
  exact(text: string): RawMatch[];
  /** Whether the text around an exact match segments as well without it (see Entity.weakKeys). */
  tiedAt(text: string, start: number, end: number): boolean;
  /** Whether a transliteration character beside an exact match continues a name (see Entity.pieceKeys). */
  nextToName(text: string, start: number, end: number): boolean;
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
  'given-name': 2,
};

function usableKey(key: string): boolean {
  if (key.length < 2) return false;
  if (/^[\d\s.,:-]+$/.test(key)) return false;
  return hasHan(key) || /[a-z]/.test(key);
}

/** Folded alias keys, each given to one entity; keys two entities share equally are left out (ambiguous). */
export function assignPatterns(entities: readonly Entity[]): PatternEntry[] {
  const weak = new Map(entities.map((e) => [e.id, new Set(e.weakKeys ?? [])]));
  const pieces = new Map(entities.map((e) => [e.id, new Set(e.pieceKeys ?? [])]));
  const everyday = new Map(entities.map((e) => [e.id, new Set((e.everydayKeys ?? []).map(foldKey))]));
  const byKey = new Map<string, Array<{ entityId: string; rank: number; text: string }>>();
  const byId = new Map(entities.map((e) => [e.id, e]));
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
  const out: PatternEntry[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const list = byKey.get(key) as Array<{ entityId: string; rank: number; text: string }>;
    let best = 99;
    for (const x of list) best = Math.min(best, x.rank);
    const owners = new Set<string>();
    for (const x of list) if (x.rank === best) owners.add(x.entityId);
    const owner = owners.size === 1 ? [...owners][0] : sharedKeyOwner(key, owners, byId);
    if (owner === undefined) continue;
    const originals = new Set<string>();
    for (const x of list) if (x.entityId === owner) originals.add(x.text);
    const flags =
      (weak.get(owner as string)?.has(key) ? WEAK_ENTRY : 0) |
      (pieces.get(owner as string)?.has(key) ? PIECE_ENTRY : 0) |
      (everyday.get(owner as string)?.has(key) ? EVERYDAY_ENTRY : 0);
    out.push(flags ? [key, owner as string, [...originals], flags] : [key, owner as string, [...originals]]);
  }
  return out;
}

/**
 * Of several entities that give a key equally directly, the one it belongs to: the one whose English
 * name it is ("China" is 中国's; 唐山, Tangshan, also has it from an old sense), else one the corpus
 * names in five times as many articles as all the others together ("Germany": 德国 745, 联邦德国 16).
 * Otherwise none: the key is ambiguous and left out. Before (2026-11-27), every shared key was left
 * out, and with the dw-zh corpus no English page had China or Germany marked. An entity the corpus
 * names OVERWHELMING times as often as all the others takes the key even from the one whose English
 * name it is: "Britain" is 英国's (394 articles; "United Kingdom (UK)", then "Britain"), not
 * 不列颠's (3; the island, "Britain").
 */
const OVERWHELMING = 20;

function sharedKeyOwner(
  key: string,
  owners: ReadonlySet<string>,
  byId: ReadonlyMap<string, Entity>,
): string | undefined {
  const list = [...owners].map((id) => byId.get(id) as Entity);
  list.sort((a, b) => b.articleCount - a.articleCount || (a.id < b.id ? -1 : 1));
  const [top, ...rest] = list as [Entity, ...Entity[]];
  const others = rest.reduce((n, e) => n + e.articleCount, 0);
  const named = list.filter((e) => e.english !== undefined && foldKey(e.english) === key);
  if (named.length === 1) {
    const owner = named[0] as Entity;
    return owner !== top && top.articleCount >= OVERWHELMING * (others + 1) ? top.id : owner.id;
  }
  return top.articleCount > 0 && top.articleCount >= 5 * others ? top.id : undefined;
}

/** The heavy part of createDetector, done once at build time and stored with the extension. */
export function compileDetectorIndex(
  entities: readonly Entity[],
  dictionaryWords: readonly string[],
): CompiledDetectorIndex {
  const assigned = assignPatterns(entities);
  const patterns = assigned.map(matcherPattern);
  const ids = [...new Set(assigned.map(([, owner]) => owner))].sort();
  const idIndex = new Map(ids.map((id, i) => [id, i]));
  const strings = [...ids, ...assigned.map(([key]) => key)];
  const owners = new Uint32Array(assigned.length);
  const originals = new Uint32Array(assigned.length + 1);
  const patternFlags = new Uint8Array(assigned.length);
  assigned.forEach(([, owner, texts, flags = 0], p) => {
    owners[p] = idIndex.get(owner) as number;
    patternFlags[p] = flags;
    originals[p] = strings.length;
    strings.push(...texts);
  });
  originals[assigned.length] = strings.length;
  return withJsonForm({
    format: 'factlens-detector',
    version: 2,
    patternCount: assigned.length,
    strings: packStrings(strings),
    ownerCount: ids.length,
    owners,
    originals,
    patternFlags,
    matcher: compileMatcherTables(patterns, dictionaryWords),
  });
}

/** Packs strings into one text with end offsets. */
export function packStrings(strings: readonly string[]): PackedStrings {
  const ends = new Uint32Array(strings.length);
  let at = 0;
  strings.forEach((s, i) => {
    at += s.length;
    ends[i] = at;
  });
  return { text: strings.join(''), ends };
}

/** String i of packed strings. */
export function stringAt(packed: PackedStrings, i: number): string {
  return packed.text.slice(i === 0 ? 0 : packed.ends[i - 1], packed.ends[i]);
}

/** The JSON form of a compiled index (the patterns as [key, owner, alias texts], the lexicon in base64). */
export function detectorIndexJson(index: CompiledDetectorIndex): DetectorIndexJson {
  const { strings, ownerCount, owners, originals, patternFlags } = index;
  const patterns: PatternEntry[] = [];
  for (let p = 0; p < index.patternCount; p++) {
    const texts: string[] = [];
    for (let s = originals[p] as number; s < (originals[p + 1] as number); s++)
      texts.push(stringAt(strings, s));
    const entry: PatternEntry = [
      stringAt(strings, ownerCount + p),
      stringAt(strings, owners[p] as number),
      texts,
    ];
    const flags = patternFlags[p] as number;
    if (flags) entry.push(flags);
    patterns.push(entry);
  }
  const lexicon = PatternTrie.fromArrays(index.matcher.lexicon).toJSON();
  return { format: 'factlens-detector', version: 1, patterns, lexicon };
}

/** Gives a compiled index a toJSON (not enumerable) that writes its JSON form. */
export function withJsonForm(index: CompiledDetectorIndex): CompiledDetectorIndex {
  Object.defineProperty(index, 'toJSON', { value: () => detectorIndexJson(index), enumerable: false });
  return index;
}

/** Per pattern: its key, entity id and alias texts, read from either index form or built. */
interface PatternSource {
  count: number;
  key(p: number): string;
  owner(p: number): string;
  originals(p: number): readonly string[];
  /** The PatternEntry flags. */
  flags(p: number): number;
}

function compiledSource(index: CompiledDetectorIndex): PatternSource {
  const { strings, ownerCount, owners, originals, patternFlags } = index;
  const ids: Array<string | undefined> = new Array(ownerCount);
  return {
    count: index.patternCount,
    key: (p) => stringAt(strings, ownerCount + p),
    owner: (p) => {
      const o = owners[p] as number;
      ids[o] ??= stringAt(strings, o);
      return ids[o] as string;
    },
    originals: (p) => {
      const texts: string[] = [];
      for (let s = originals[p] as number; s < (originals[p + 1] as number); s++)
        texts.push(stringAt(strings, s));
      return texts;
    },
    flags: (p) => patternFlags[p] as number,
  };
}

function listSource(assigned: readonly PatternEntry[]): PatternSource {
  return {
    count: assigned.length,
    key: (p) => (assigned[p] as PatternEntry)[0],
    owner: (p) => (assigned[p] as PatternEntry)[1],
    originals: (p) => (assigned[p] as PatternEntry)[2],
    flags: (p) => (assigned[p] as PatternEntry)[3] ?? 0,
  };
}

export function createDetector(entities: readonly Entity[], extra: DetectorExtra = {}): Detector {
  const t0 = performance.now();
  const index = extra.index;
  let source: PatternSource;
  let matcher: AliasMatcher;
  if (index?.version === 2) {
    source = compiledSource(index);
    matcher = new AliasMatcher(index.matcher);
  } else {
    const assigned = index?.patterns ?? assignPatterns(entities);
    source = listSource(assigned);
    const patterns: MatcherPattern[] = assigned.map(matcherPattern);
    matcher = new AliasMatcher(
      patterns,
      index ? PatternTrie.fromJSON(index.lexicon) : (extra.dictionaryWords ?? []),
    );
  }
  // Every Latin alias text behind a pattern, with its entity (made on first use).
  let latin: Array<{ text: string; entityId: string }> | undefined;
  const latinNames = () => {
    if (latin) return latin;
    latin = [];
    for (let p = 0; p < source.count; p++) {
      if (hasHan(source.key(p))) continue;
      const entityId = source.owner(p);
      for (const text of source.originals(p)) latin.push({ text, entityId });
    }
    return latin;
  };
  let fuzzy: FuzzyResolver | undefined;
  const fuzzyResolver = (): FuzzyResolver => {
    fuzzy ??= new FuzzyResolver(latinNames());
    return fuzzy;
  };
  let latinByEntity: Map<string, string[]> | undefined;
  const wordsByEntity = new Map<string, readonly string[]>();
  /** The words of the entity's English name and Latin aliases (see dropContradicted), made once. */
  const ownWords = (entityId: string): readonly string[] => {
    let words = wordsByEntity.get(entityId);
    if (words) return words;
    if (!latinByEntity) {
      latinByEntity = new Map();
      for (const { text, entityId: id } of latinNames()) {
        const list = latinByEntity.get(id);
        if (list) list.push(text);
        else latinByEntity.set(id, [text]);
      }
    }
    const english = facts.get(entityId)?.english;
    words = [...(english ? [english] : []), ...(latinByEntity.get(entityId) ?? [])].flatMap(nameWords);
    wordsByEntity.set(entityId, words);
    return words;
  };
  let dotted: Map<string, Set<string>> | undefined;
  /**
   * Whether the entity has a form written with a "·" whose last part is `surname` (folded): 乔·拜登
   * for 拜登 (see dropNamePieces).
   */
  const hasDottedForm = (entityId: string, surname: string): boolean => {
    if (!dotted) {
      dotted = new Map();
      for (let p = 0; p < source.count; p++) {
        const key = source.key(p);
        const dot = key.lastIndexOf('·');
        if (dot <= 0 || !hasHan(key)) continue;
        const id = source.owner(p);
        const set = dotted.get(id) ?? dotted.set(id, new Set()).get(id);
        set?.add(key.slice(dot + 1));
      }
    }
    return dotted.get(entityId)?.has(surname) ?? false;
  };
  const entityMap = new Map(entities.map((e) => [e.id, e]));
  const facts: ReadonlyMap<string, EntityFacts> = extra.facts ?? entityMap;
  const buildMs = performance.now() - t0;

  return {
    entities: entityMap,
    buildMs,
    patternCount: source.count,
    entityOfPattern: (p) => source.owner(p),
    exact: (text) => matcher.scan(text),
    tiedAt: (text, start, end) => matcher.tiedAt(text, start, end),
    nextToName: (text, start, end) => matcher.nextToName(text, start, end),
    detect(runs) {
      const out: Mention[] = [];
      /** The mentions of an everyday word's pattern (Entity.everydayKeys, see dropEverydayWords). */
      const everyday = new Set<Mention>();
      runs.forEach((text, run) => {
        const count = matcher.scanRaw(text);
        const found = matcher.found;
        // Fuzzy candidates start with a capital A-Z (latinNameCandidates): a run without one (most
        // Chinese runs) has none, and needs no list of what the exact matches cover. CPU profile of
        // handleMatchRuns over the 1 MB bench page's runs in node (48 passes): latinNameCandidates
        // 286 → 167 ms of 922 → 874 ms; wall-clock passes here were too noisy to show it.
        const fuzzy = extra.fuzzy !== false && CAPITAL.test(text);
        const covered: Array<[number, number]> = [];
        for (let k = 0; k < count * 3; k += 3) {
          const start = found[k] as number;
          const end = found[k + 1] as number;
          const p = found[k + 2] as number;
          if (fuzzy) covered.push([start, end]);
          const m: Mention = {
            run,
            start,
            end,
            text: text.slice(start, end),
            entityId: source.owner(p),
            score: 1,
          };
          out.push(m);
          if (source.flags(p) & EVERYDAY_ENTRY) everyday.add(m);
        }
        if (!fuzzy) return;
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
      dropContradicted(runs, out, ownWords);
      dropNamePieces(runs, out, facts, (text, i) => matcher.continuesName(text, i), hasDottedForm);
      const people = dropOtherPeople(runs, out, facts, ownWords);
      return dropEverydayWords(runs, people, (m) => everyday.has(m)).sort(
        (a, b) => a.run - b.run || a.start - b.start,
      );
    },
  };
}

/**
 * Words that stand before a surname without being part of the name: titles, ranks, party labels
 * (Mr Pence, President Biden, Senator Cruz, Republican Hawley).
 */
const TITLE_WORDS = new Set(
  (
    'Mr Mrs Ms Miss Messrs Dr Prof Professor Sir Dame Lord Lady President Premier Chancellor Minister ' +
    'Secretary Senator Sen Rep Representative Congressman Congresswoman Governor Gov Mayor General Gen ' +
    'Admiral Colonel Col Captain Capt Commander Marshal Prince Princess King Queen Emperor Empress Pope ' +
    'Cardinal Bishop Archbishop Rabbi Imam Sheikh Ayatollah Judge Justice Ambassador Envoy Speaker ' +
    'Chairman Chairwoman Chair Leader Director Chief Officer Agent Inspector Sergeant Lieutenant ' +
    'Republican Democrat Democratic Conservative Labour Liberal Comrade Saint St Father Coach Dear ' +
    'Vice Deputy Former Acting Candidate Nominee Activist Dissident Tycoon Founder Chef Dalai'
  ).split(' '),
);

/**
 * Drops a person's one-word mention that is part of another name: right after a capitalised word in
 * mid-sentence that is no title (Robert Gates, Ashton Carter, Johns Hopkins: the entity's own full
 * name would have matched as a whole) or a capitalised word and a hyphen (Marc-André), or followed in
 * the sentence by a capitalised word (Eliot Cohen is no T.S. Eliot, Trump Tower no Trump). It stays
 * after a title (Mr Gates), a possessive (China's Xi) or a word that opens the sentence (When
 * Gates…), before a weekday or a month ("met Biden Tuesday"), and in a headline in title case (or
 * all in capitals). Words in capitals are read as capitalised ones: "DICK CHENEY—vice-president…",
 * an article's opener, is two pieces of one name, "MR CHENEY" a title and a name. A one-word mention
 * of any entity followed by a name particle and a capitalised word (Muhammad bin Salman, Ludwig van
 * Beethoven) is the given name of a longer name too.
 * A page names one person by one name: once a mention has gone as the given-name part of another
 * name (Dick Cheney, Muhammad bin Salman), the same word for the same entity goes everywhere in the
 * request (Mr Cheney, Prince Muhammad), unless the request also names the entity in another way
 * (Liz Cheney) or the corpus names it in PROMINENT articles or more (a page on Hunter Biden that
 * says "Mr Biden" means the president).
 */
function dropOtherPeople(
  runs: readonly string[],
  mentions: Mention[],
  facts: ReadonlyMap<string, EntityFacts>,
  ownWords: (entityId: string) => readonly string[],
): Mention[] {
  if (!mentions.some((m) => isOneName(m.text) || isFullName(m.text))) return mentions;
  const titleCase = new Map<number, boolean>();
  const headline = (run: number): boolean => {
    let t = titleCase.get(run);
    if (t === undefined) {
      const text = runs[run] as string;
      t = inTitleCase(text) || inCapitals(text);
      titleCase.set(run, t);
    }
    return t;
  };
  const dropped = new Set<Mention>();
  /** "word\0entity id" of the mentions dropped as the surname or given name of another name. */
  const otherNames = new Set<string>();
  const nameKey = (m: Mention) => `${m.text.toLowerCase()}\u0000${m.entityId}`;
  for (const m of mentions) {
    const text = runs[m.run] as string;
    const kind = facts.get(m.entityId)?.kind;
    let other: string | undefined;
    let given = false;
    if (isOneName(m.text)) {
      // The other name's word: a surname after a particle, else (people only) a given name before
      // or a word after, or the name is part of a firm's (Simon & Schuster). Of a topic written in
      // transliteration characters (a given name the corpus gave no kind: 艾米 Amy), a name word
      // after (not Ipsos MORI, Sputnik V) or a firm's. Headlines are looked at only then (most
      // mentions have none).
      other = nameAfterParticle(text, m.end);
      given = other !== undefined;
      if (other === undefined && kind === 'person') {
        other = givenNameBefore(text, m.start);
        given = other !== undefined;
        other ??= nameGoesOn(text, m.end) ?? firmPartner(text, m.start, m.end);
      } else if (other === undefined && kind === 'topic' && isTransliteration(facts.get(m.entityId)?.name)) {
        other = nameGoesOn(text, m.end, true) ?? firmPartner(text, m.start, m.end);
      }
    } else if (kind === 'person' && isFullName(m.text)) {
      // A person's full name that goes on with a name word is another's (Martin Luther King).
      other = nameGoesOn(text, m.end, true);
    } else continue;
    // Not where the other word is (close to) one of the entity's own (Muhammad Javad Zarif: Javad).
    if (other === undefined || isCloseWord(other, ownWords(m.entityId)) || headline(m.run)) continue;
    dropped.add(m);
    if (given) otherNames.add(nameKey(m));
  }
  if (dropped.size === 0) return mentions;
  if (otherNames.size > 0) {
    // Entities the request names in another way too, or that the corpus names often.
    const plain = new Set<string>();
    for (const m of mentions) if (!isOneName(m.text)) plain.add(m.entityId);
    for (const m of mentions) {
      if (dropped.has(m) || !isOneName(m.text) || !otherNames.has(nameKey(m))) continue;
      if (plain.has(m.entityId) || (facts.get(m.entityId)?.articleCount ?? 0) >= PROMINENT) continue;
      dropped.add(m);
    }
  }
  return mentions.filter((m) => !dropped.has(m));
}

/** See dropOtherPeople: from this many articles on, a bare name on a page is taken for the entity. */
const PROMINENT = 20;

/**
 * The capitalised word before `start` that makes a name with what follows, if any (see
 * dropOtherPeople).
 */
function givenNameBefore(text: string, start: number): string | undefined {
  const near = text.slice(Math.max(0, start - 40), start);
  // Marc-André, Jean-Luc: a capitalised word and a hyphen (not a prefix: Anti-Trump, Ex-Labour).
  const joined = /(\p{Lu}\p{Ll}+)-$/u.exec(near)?.[1];
  if (joined) return HYPHEN_PREFIXES.has(joined) ? undefined : joined;
  const before = /(\p{Lu}[\p{L}'’.-]*)\s+$/u.exec(near);
  if (!before) return undefined;
  const word = asCapitalised((before[1] as string).replace(/\.$/, ''));
  const possessive = /['’]s$/i.test(word); // China's Xi, Germany's Merkel
  // At a sentence's start the word may be capitalised by its place (When Gates…), unless it is a
  // name (Robert Gates, a former…): words that open sentences are few and listed.
  const opener = atSentenceStart(text, start - (before[0] as string).length) && OPENERS.has(word);
  return TITLE_WORDS.has(word) || possessive || opener ? undefined : word;
}

/** Whether a run is written in capitals, as some headlines are ("CHENEY SPEAKS OUT"): no lower-case letter. */
function inCapitals(text: string): boolean {
  return !/\p{Ll}/u.test(text);
}

/** A word in capitals as a capitalised one (MR → Mr, WHEN → When); others as they are. */
function asCapitalised(word: string): string {
  return word.length > 1 && word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word;
}

/** Capitalised words that join a name with a hyphen without being a given name (Anti-Trump). */
const HYPHEN_PREFIXES = new Set(
  'Anti Pro Ex Non Post Pre Neo Pan Mid Co Vice Super Ultra Semi Sino Euro Afro Anglo Franco Russo Indo'.split(
    ' ',
  ),
);

/**
 * The capitalised word other than a weekday or a month that follows `end`, if any (see
 * dropOtherPeople). With `lower`, only a word whose second letter is in lower case: after a full
 * name, letters in capitals are a post-nominal (Boris Johnson MP, Keir Starmer KC).
 */
function nameGoesOn(text: string, end: number, lower = false): string | undefined {
  const next = (lower ? NEXT_NAME_WORD : NEXT_WORD).exec(text.slice(end, end + 40))?.[1];
  return next === undefined || CALENDAR_WORDS.test(asCapitalised(next)) ? undefined : next;
}

const NEXT_WORD = /^[^\S\n]+(\p{Lu}\p{L}*)/u;
const NEXT_NAME_WORD = /^[^\S\n]+(\p{Lu}\p{Ll}[\p{L}'’-]*)/u;

/**
 * The capitalised word joined to the name by an ampersand, if any: a firm's name (Simon & Schuster,
 * Procter & Gamble) is no person's.
 */
function firmPartner(text: string, start: number, end: number): string | undefined {
  return (
    /^\s*&\s*(\p{Lu}\p{L}*)/u.exec(text.slice(end, end + 40))?.[1] ??
    /(\p{Lu}\p{L}*)\s*&\s*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1]
  );
}

/**
 * The capitalised word after a name particle right after `end`, if any: Salman in Muhammad bin
 * Salman, Beethoven in Ludwig van Beethoven.
 */
function nameAfterParticle(text: string, end: number): string | undefined {
  const c = text.charCodeAt(end);
  return c === 0x20 || c === 0xa0 ? NAME_PARTICLE.exec(text.slice(end, end + 40))?.[1] : undefined;
}

const NAME_PARTICLE = /^\s(?:bin|bint|ibn|al|el|van|von|der|de|da|di|del|della|dos|du)[\s-](\p{Lu}\p{L}*)/u;

/** The words of a name that say whose it is: letters, three or more, in lower case. */
function nameWords(s: string): string[] {
  return s.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
}

/** Whether a word is one of `own` (nameWords) or close to one: nawalny ~ navalny, muhammad ~ mohammad. */
function isCloseWord(word: string, own: readonly string[]): boolean {
  const w = word.toLowerCase();
  return own.some((b) => w === b || editRatio(w, b) <= 0.34);
}

/** Whether a (Han) name is written in transliteration characters only (艾米, 克里斯汀). */
function isTransliteration(name: string | undefined): boolean {
  if (!name || !hasHan(name)) return false;
  for (const ch of foldKey(name)) if (!TRANSLIT.has(ch)) return false;
  return true;
}

/** The middle dots that join the parts of a transliterated name (·, ・, ‧, •). */
function isNameDot(c: number): boolean {
  return c === 0xb7 || c === 0x30fb || c === 0x2027 || c === 0x2022;
}

/** Whether the (folded) character at `i` is a transliteration character. */
function translitAt(text: string, i: number): boolean {
  return TRANSLIT_UNIT[FOLD[text.charCodeAt(i)] as number] === 1;
}

/**
 * Drops (in place) Chinese mentions that are pieces of a longer transliterated name the corpus does
 * not know: one that transliteration characters continue within a part of a name joined by "·"
 * (克里|斯托弗·克雷布斯 "Christopher Krebs" is no Kerry, 克里斯·克雷布斯 neither), and two people's names
 * written in transliteration characters right after one another (海因斯|贝格县 "Heinsberg" is neither
 * Haines nor Berg; a text separates two people: 、, 和, a title).
 */
function dropNamePieces(
  runs: readonly string[],
  mentions: Mention[],
  facts: ReadonlyMap<string, EntityFacts>,
  continuesName: (text: string, i: number) => boolean,
  hasDottedForm: (entityId: string, surname: string) => boolean,
): void {
  const dropped = new Set<Mention>();
  let last: Mention | undefined;
  for (const m of mentions) {
    const previous = last;
    last = m;
    if (m.text.charCodeAt(0) < 0x3400) continue;
    const text = runs[m.run] as string;
    const kind = facts.get(m.entityId)?.kind;
    // A person's name right after another given name and a "·" (伊万卡·特朗普 "Ivanka Trump", 波·拜登
    // "Beau Biden"), where the entity has forms with its own given names (唐纳德·特朗普, 乔·拜登: the
    // longest match would have taken one of them); of one without, it may be its own (安格拉·默克尔).
    // Or right before a "·" and another name (特雷莎·梅 "Theresa May", 詹姆斯·邦德): a given name of
    // another person's, whatever the dictionary made of it if written in transliteration characters
    // (查尔斯·格拉斯利: 查尔斯 "Charles" is a place by its bare gloss).
    if (
      kind === 'person' &&
      isHan(text.charCodeAt(m.start - 2)) &&
      isNameDot(text.charCodeAt(m.start - 1)) &&
      hasDottedForm(m.entityId, foldKey(m.text))
    ) {
      dropped.add(m);
      continue;
    }
    if (
      (kind === 'person' || isTransliteration(m.text)) &&
      isNameDot(text.charCodeAt(m.end)) &&
      isHan(text.charCodeAt(m.end + 1))
    ) {
      dropped.add(m);
      continue;
    }
    let s = m.start;
    let e = m.end;
    while (s > 0 && m.start - s < 8 && translitAt(text, s - 1)) s--;
    if (continuesName(text, e)) while (e < text.length && e - m.end < 8 && translitAt(text, e)) e++;
    if (s === m.start && e === m.end) continue;
    // Transliteration characters go on from the match to a "·" (克里|斯托弗·克雷布斯, 安妮|格雷|特·克兰普),
    // or from a "·" right before it (鲁迪·朱利安|尼): it is a piece of a part of that name. Going on
    // to a "·", only a person's or a topic's name when nothing comes before: a place may precede a
    // name (波士顿|伊莎贝拉·斯图尔特 "Boston's Isabella Stewart…").
    // A hyphen between Han characters joins two parts of a name as a "·" does (贝尔|根-贝尔森
    // "Bergen-Belsen"). And transliteration characters that lead back to a "·" make a match in
    // transliteration characters the end of a part (比利·怀|尔德 "Billy Wilder" holds no 尔德 "Eid"),
    // unless a mention stands between (埃隆·马斯克|比|戴姆勒: Musk, than, Daimler; 贝尔森|纳粹).
    const named = kind === 'person' || kind === 'topic';
    const toDot =
      e > m.end &&
      e < text.length &&
      (isNameDot(text.charCodeAt(e)) || (text.charCodeAt(e) === 0x2d && isHan(text.charCodeAt(e + 1))));
    const fromDot = e > m.end && m.start > 0 && isNameDot(text.charCodeAt(m.start - 1));
    const backToDot =
      s < m.start &&
      s > 0 &&
      isNameDot(text.charCodeAt(s - 1)) &&
      isTransliteration(m.text) &&
      !(previous !== undefined && previous.run === m.run && previous.end > s);
    if ((toDot && (named || s < m.start)) || fromDot || backToDot) {
      dropped.add(m);
      continue;
    }
    if (
      previous !== undefined &&
      previous.run === m.run &&
      previous.end === m.start &&
      kind === 'person' &&
      facts.get(previous.entityId)?.kind === 'person' &&
      isTransliteration(m.text) &&
      isTransliteration(previous.text)
    ) {
      dropped.add(m);
      dropped.add(previous);
    }
  }
  if (dropped.size === 0) return;
  let kept = 0;
  for (const m of mentions) if (!dropped.has(m)) mentions[kept++] = m;
  mentions.length = kept;
}

/** A Latin name in brackets right after a mention: 福尔曼（Johann Fuhrmann）. */
const BRACKETED_NAME = /^\s*[（(]\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+)\s*[）)]/u;

/**
 * Drops (in place) a Chinese mention that the page itself names otherwise in brackets: 福尔曼（Johann
 * Fuhrmann） is no George Foreman, whose names share no word with the bracket's, nor one close to a
 * word of it (Alexej Nawalny is Alexei Navalny: nawalny ~ navalny). Only a name of two capitalised
 * words or more in the brackets, and only entities with a Latin name to compare. Then, as a text
 * names one thing by one name, the same words for the same entity elsewhere in the request (a
 * later 福尔曼), and a mention right before a dropped one: both are pieces of one name the corpus
 * does not know (鲁斯|乌尔姆（Siegfried Russwurm）: no Cecilia Rouse, no Ulm).
 */
function dropContradicted(
  runs: readonly string[],
  mentions: Mention[],
  ownWords: (entityId: string) => readonly string[],
): void {
  const dropped = new Set<Mention>();
  for (const m of mentions) {
    // Latin mentions are not in question, and most others have no bracket after them: a look at
    // one character each before any slicing.
    if (m.text.charCodeAt(0) < 0x3400) continue;
    const text = runs[m.run] as string;
    const next = text.charCodeAt(m.end);
    if (next !== 0xff08 && next !== 0x28 && next !== 0x20) continue;
    const bracket = hasHan(m.text) ? BRACKETED_NAME.exec(text.slice(m.end, m.end + 80))?.[1] : undefined;
    if (!bracket) continue;
    const own = ownWords(m.entityId);
    const given = nameWords(bracket);
    if (own.length > 0 && given.length > 0 && !given.some((w) => isCloseWord(w, own))) dropped.add(m);
  }
  if (dropped.size === 0) return;
  const named = new Set([...dropped].map((m) => `${m.text}\u0000${m.entityId}`));
  for (const m of mentions) if (named.has(`${m.text}\u0000${m.entityId}`)) dropped.add(m);
  for (let i = mentions.length - 1; i > 0; i--) {
    const [a, b] = [mentions[i - 1] as Mention, mentions[i] as Mention];
    if (dropped.has(b) && a.run === b.run && a.end === b.start && hasHan(a.text)) dropped.add(a);
  }
  let kept = 0;
  for (const m of mentions) if (!dropped.has(m)) mentions[kept++] = m;
  mentions.length = kept;
}

const CALENDAR_WORDS =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Words that open a sentence before a name (When Gates…, But Biden…): conjunctions, adverbs, prepositions. */
const OPENERS = new Set(
  (
    'When While Whilst But And Or Nor So Yet Then After Before As If Since Although Though Because Now ' +
    'Here There Today Yesterday Tomorrow Tonight Later Earlier Meanwhile However Also Only Even Still ' +
    'Perhaps Maybe Indeed Instead Both Neither Either Unlike Like For With Without Under Over In On At ' +
    'By From To Of About Against Between Among Amid During Despite Through Until Till Upon Within Where ' +
    'Why How What Who Whom Whose Which Whether Once Soon Next Last First Finally Thus Hence Otherwise ' +
    'Besides Nevertheless Nonetheless Moreover Furthermore Unless Whereas Including Says Said Asked ' +
    'Ask Tell Let Has Had Have Did Does Do Is Was Were Are Will Would Can Could Should May Might Must ' +
    'Not No Yes Oh Well Thanks Dear Hi Hello The A An This That These Those Every Each Some Many ' +
    'Most Several Such Our Their His Her Its My Your'
  ).split(' '),
);

/** A capitalised word and nothing else: "Will", "Hope", "Nice". */
const ONE_WORD = /^[A-Z][a-z]+$/;

/** ONE_WORD, with a look at the first character before the regex (most mentions are Chinese). */
function isOneWord(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90 && ONE_WORD.test(text);
}

/**
 * A one-word name as dropOtherPeople reads it: capitalised (accents too: André) or in capitals
 * (CHENEY), letters only; a look at the first character before the regex.
 */
function isOneName(text: string): boolean {
  const c = text.charCodeAt(0);
  return ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde)) && ONE_NAME.test(text);
}

const ONE_NAME = /^\p{Lu}(?:\p{Ll}+|\p{Lu}+)$/u;

/** A name of two or three capitalised words, Latin (Martin Luther, Joe Biden); a look at the first character first. */
function isFullName(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90 && FULL_NAME.test(text);
}

const FULL_NAME = /^\p{Lu}\p{Ll}+(?:[ \u00a0]\p{Lu}[\p{Ll}.]*){1,2}$/u;

/** Whether `start` opens a sentence of `text`: only spaces, quotes or brackets after a full stop or the run's start. */
export function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"'“‘«([]/.test(text[i] as string)) i--;
  return i < 0 || /[.!?:;…。！？：；]/.test(text[i] as string);
}

/**
 * Whether a run is written in title case, as headlines are ("Biden Will Sign The Bill"): three words
 * of four letters or more, every one of them capitalised.
 */
export function inTitleCase(text: string): boolean {
  // A loop that stops at the first long word in lower case (most runs: within a few words): the
  // detector asks this of every run with a one-word mention (a regex over the whole run cost the
  // 1 MB bench page ~8 ms of the worker's time).
  let long = 0;
  for (let i = 0; i < text.length; ) {
    if (!isLatinLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isLatinLetter(text.charCodeAt(i))) i++;
    if (i - start < 4) continue;
    const first = text[start] as string;
    if (first === first.toLowerCase()) return false;
    long++;
  }
  return long >= 3;
}

function isLatinLetter(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/**
 * Drops one-word Latin mentions whose capital comes from their position: they open a sentence ("Will
 * you…", "Hope you…") or stand in a headline in title case. Dropped where the same runs use the word
 * in lower case ("it will rain"), which shows it is an everyday one, or where the build found it one
 * (Entity.everydayKeys: "West", "Diet"). Kept where the entity is also mentioned in a way that is not
 * in doubt (George Will, or Will in mid-sentence), and otherwise (Trump, China and Turkey open many
 * sentences). The runs of one request only: the extension's requests hold at most 20,000
 * characters, the CLI's the whole page. And one the build found an everyday word is dropped after
 * a capitalised word in mid-sentence: it ends another name there (Tehran Times is no The Times).
 */
function dropEverydayWords(
  runs: readonly string[],
  mentions: Mention[],
  everyday: (m: Mention) => boolean,
): Mention[] {
  const titleCase = new Map<number, boolean>();
  const headline = (run: number): boolean => {
    let t = titleCase.get(run);
    if (t === undefined) {
      t = inTitleCase(runs[run] as string);
      titleCase.set(run, t);
    }
    return t;
  };
  const doubtful = (m: Mention) =>
    isOneWord(m.text) && (atSentenceStart(runs[m.run] as string, m.start) || headline(m.run));
  // An everyday word after a capitalised word in mid-sentence ends another name: Tehran Times, Wild
  // West, Megan Fox, Earl Grey, Catholic Church (not after a title: President Fox).
  const ofOtherName = (m: Mention) =>
    everyday(m) && givenNameBefore(runs[m.run] as string, m.start) !== undefined && !headline(m.run);
  if (mentions.some(ofOtherName)) mentions = mentions.filter((m) => !ofOtherName(m));
  if (!mentions.some(doubtful)) return mentions;
  const lower = new Set<string>();
  for (const text of runs) for (const w of text.match(/\b[a-z]+\b/g) ?? []) lower.add(w);
  const firm = new Set<string>();
  for (const m of mentions) if (!doubtful(m)) firm.add(m.entityId);
  return mentions.filter(
    (m) => !doubtful(m) || firm.has(m.entityId) || !(lower.has(m.text.toLowerCase()) || everyday(m)),
  );
}
