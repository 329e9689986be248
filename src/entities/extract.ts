// Build-time entity extraction: candidates from the corpus (parentheticals, quoted terms, titled
// personal names, CC-CEDICT proper nouns that occur), filtered (generic words, segmentation debris),
// merged across scripts and transliterations (shared English names, the variant table, phonetic
// similarity), given kinds and aliases with their sources, then indexed: every passage is run through
// the same detector the extension uses, so article counts and the mention index (for lookup) agree
// with what pages will show. Deterministic: the same articles give the same output.
import type { Article, Passage } from '../corpus/types.ts';
import { compileDetectorIndex, createDetector, type DetectorIndex } from '../match/detector.ts';
import { editRatio } from '../match/fuzzy.ts';
import { AliasMatcher } from '../match/matcher.ts';
import { PatternTrie } from '../match/trie.ts';
import { toSimplified, toTraditional } from '../text/convert.ts';
import { fold, foldKey } from '../text/fold.ts';
import { romanizeChineseName, syllables } from '../text/romanize.ts';
import { TRANSLIT } from '../text/translit.ts';
import { buildAliases, chineseReferent, NAME_TITLES, romanises, unglued } from './aliases.ts';
import {
  type Candidate,
  CandidateSet,
  collectDottedNames,
  collectMarkedNames,
  collectParentheticals,
  collectQuoted,
  collectTitleNames,
  type DottedOccurrence,
  dottedNames,
  isAcronym,
  isHeadingLike,
  isOrganisationName,
  nameBeforeParen,
} from './candidates.ts';
import { dictionaryWordsFor } from './dictionary-words.ts';
import { dictionaryNameHits, TitledPeople } from './english-names.ts';
import { type CueCounts, decideKind, englishKindCue, kindCue, kindFromCues, listMateCue } from './kind.ts';
import { bareNameWords, kindFromGloss, Lexicon, normEnglish } from './lexicon.ts';
import { STOP_CHARS, SURNAMES } from './stopchars.ts';
import type { AliasSource, Entity } from './types.ts';
import { isTransliteration, phoneticallySimilar, VARIANT_TABLE } from './variants.ts';

/** [article index, passage index, start, end] of one mention in the corpus. */
export type MentionRef = [number, number, number, number];

export interface MentionIndex {
  /** Article ids; MentionRef's first field indexes this list. */
  articles: string[];
  byEntity: Record<string, MentionRef[]>;
}

export interface ExtractResult {
  entities: Entity[];
  mentionIndex: MentionIndex;
  /** For createDetector's segmentation check (see dictionary-words.ts). */
  dictionaryWords: string[];
  /** The detector's index, precompiled: `createDetector(entities, { index })` starts fastest from it. */
  detectorIndex: DetectorIndex;
}

export interface ExtractOptions {
  lexicon?: Lexicon;
}

interface Evidence {
  key: string;
  forms: Map<string, number>;
  english: Map<string, 'parenthetical' | 'cedict'>;
  cedict: boolean;
  quoted: boolean;
  titleName: boolean;
  heading: boolean;
  /** Written with "·" in running text, in two articles or more (see dottedNames). */
  dotted?: boolean;
  articles: Set<string>;
  /** English names used for merging: parentheticals and each CEDICT entry's first name. */
  primary?: string[];
  englishCount: Map<string, number>;
}

const HEADING_KINDS = new Set(['subheading', 'gallery-heading']);
/**
 * Whether a passage is the article's content. Bylines (凝炼/李鱼（德新社、路透社）, 文山（摘编）) name its
 * editors and agencies, not what it is about: they give no entity (李鱼 had taken "Deutsche Post DHL"
 * from one; 文山 and 石涛, the editors, were the place Wenshan and the painter Shi Tao in 32 and 42
 * dw-zh articles) and no mention (an agency's card would list credit lines).
 */
const inContent = (p: Passage): boolean => p.kind !== 'byline';
const VARIANT_FORMS = new Set(VARIANT_TABLE.flat());
const COUNT_NUMERALS = new Set([...'一二两三四五六七八九十几多诸']);
/** A state's long name, normalised (normEnglish): "united states of america" → "united states". */
const STATE_OF = /^(.*\b(?:states|republic|kingdom|federation|emirates)) of (?:the )?\S/;
/** Characters that follow a noun to say where (地图上, 课程中, 三天后). */
const LOCALIZERS = new Set([...'上中下里内外前后']);

/**
 * A two-character dictionary name that reads as two common words wherever it occurs, whatever the
 * dictionary says; no entity nor alias:
 * - one character and 的, "X's" or "X-ish" (最美的, 访美的, 中美的: 美的 is the brand Midea; 22 dw-zh
 *   articles, none about the brand);
 * - a place word and a function character (地图上|都, 其中|都: 上都 and 中都, the Yuan and Jin capitals,
 *   in 21 and 16 dw-zh articles, none about either);
 * - a numeral and 国, a count of countries (节俭四国, 金砖五国: 23 and 8 articles, never Shikoku);
 * - 任 "office" and a place word, "in office" (总统任上, 任内: 任上 had been a person in 5 articles).
 */
function readsAsWords(key: string): boolean {
  if (key.length !== 2) return false;
  const a = key[0] as string;
  const b = key[1] as string;
  return (
    b === '的' ||
    (LOCALIZERS.has(a) && STOP_CHARS.has(b)) ||
    (b === '国' && COUNT_NUMERALS.has(a)) ||
    (a === '任' && LOCALIZERS.has(b))
  );
}

/**
 * The acronyms that make a candidate a term although it is a common word: given in brackets by the
 * corpus and by the dictionary's glosses alike (see termBeforeAcronym).
 */
function dictionaryTerm(c: Candidate, lexicon: Lexicon): string[] {
  if (!lexicon.common.has(c.key) || lexicon.proper.has(c.key)) return [];
  return [...c.english.keys()].filter((n) => isAcronym(n) && lexicon.glossGives(c.key, n));
}

export function extractEntities(articles: Article[], options: ExtractOptions = {}): ExtractResult {
  const lexicon = options.lexicon ?? new Lexicon();
  const cands = new CandidateSet();
  const titleSpans = new Map<string, number>();
  const titleTails = new Map<string, Map<string, number>>();
  const markedNames = new Map<string, Map<string, number>>();
  const headings = new Set<string>();
  /** Titled names after a state whose names are no Chinese ones, and names beside a "·" (see foreignNames). */
  const foreignTitles = new Map<string, number>();
  const dotNeighbours = new Set<string>();
  const dotted: DottedOccurrence[] = [];
  /** The people English articles name by their titled surnames (see english-names.ts). */
  const titledPeople = new TitledPeople();

  // Quotes already met in another article in the same words (captions and summaries the site
  // repeats: one sentence quoting “戴好口罩” in 16 dw-zh articles) count apart (quotedStandsOut).
  const seenQuotes = new Map<string, string>();
  for (const a of articles) {
    for (const p of a.passages) {
      if (!inContent(p)) continue;
      collectParentheticals(a.id, p.text, lexicon, cands);
      collectQuoted(a.id, p.text, cands, seenQuotes);
      collectTitleNames(p.text, titleSpans, titleTails, foreignTitles);
      collectMarkedNames(p.text, markedNames);
      collectDottedNames(a.id, p.text, dotted, dotNeighbours);
      if (p.script === 'en') titledPeople.add(a.id, p.text, lexicon);
      // Subheadings and gallery titles: a name at their end (巴西球星内马尔, 法国前总统德斯坦).
      for (const heading of [HEADING_KINDS.has(p.kind) ? p.text : undefined, p.title]) {
        if (!heading || !isHeadingLike(heading)) continue;
        headings.add(foldKey(heading));
        const name = nameBeforeParen(heading, lexicon);
        const key = name ? foldKey(name) : '';
        if (name && (isTransliteration(key, 1) || lexicon.proper.has(key))) cands.add(name, 'heading', a.id);
      }
    }
  }

  // Names written with "·" and no bracket (特雷莎·梅, 洛克希德·马丁), in two articles or more; not a
  // known person's surname after a form of their own given name (唐纳德·特朗普 is a form of 特朗普,
  // see addGivenNameForms).
  const givenNames = givenNameForms(cands, lexicon);
  for (const [name, ids] of dottedNames(dotted, lexicon)) {
    const parts = foldKey(name).split('·');
    const surname = parts[parts.length - 1] as string;
    const given = parts[parts.length - 2] as string;
    // The surname's person by the dictionary's first name for it, else the one the corpus' brackets
    // give most often (克林顿: Bill Clinton, so 希拉里·克林顿 is someone else, though the brackets
    // give Hillary more often).
    const bracketed = [...(cands.byKey.get(surname)?.englishCount ?? [])]
      .filter(([n]) => n.includes(' '))
      .sort((a, b) => b[1] - a[1])[0]?.[0];
    const english = lexicon.englishOf(lexicon.proper.get(surname) ?? [], true)[0] ?? bracketed;
    if (english && givenNames.get(english.split(/\s+/)[0] as string)?.has(given)) continue;
    for (const id of ids) cands.add(name, 'dotted-name', id);
  }

  // CC-CEDICT proper nouns as they occur (segmentation-checked, so 川普 in 四川普通话 does not count).
  const properKeys = [...lexicon.proper.keys()].filter((k) => k.length >= 2 && !lexicon.common.has(k)).sort();
  const properMatcher = new AliasMatcher(
    properKeys.map((key) => ({ key, originals: [] })),
    lexicon.words,
  );
  const cedictHits = new Map<string, { forms: Map<string, number>; articles: Set<string> }>();
  // Occurrence counts of titled-name spans and their 2-character heads.
  const spanKeys = new Set<string>();
  for (const span of titleSpans.keys()) {
    spanKeys.add(span);
    spanKeys.add(span.slice(0, 2));
    if (span.length === 4) spanKeys.add(span.slice(0, 3));
  }
  const spanList = [...spanKeys].sort();
  const spanTrie = PatternTrie.build(spanList);
  const spanCounts = new Int32Array(spanList.length);
  const spanIndex = new Map(spanList.map((s, i) => [s, i]));

  const usableProper = (key: string) => key.length >= 2 && !lexicon.common.has(key);
  /** The English articles that name a dictionary person in pinyin (see DictionaryNameHit). */
  const pinyinArticles = new Map<string, Set<string>>();
  for (const a of articles) {
    for (const p of a.passages) {
      if (!inContent(p)) continue;
      // An English article names dictionary proper nouns by their English names ("Saudi Arabia"):
      // met there as if written in Han characters (see english-names.ts).
      if (p.script === 'en') {
        for (const { keys, pinyinPerson } of dictionaryNameHits(p.text, lexicon, usableProper)) {
          for (const key of keys) {
            if (pinyinPerson) {
              (pinyinArticles.get(key) ?? pinyinArticles.set(key, new Set()).get(key))?.add(a.id);
              continue;
            }
            const hit = cedictHits.get(key) ?? { forms: new Map([[key, 0]]), articles: new Set() };
            hit.articles.add(a.id);
            cedictHits.set(key, hit);
          }
        }
        continue;
      }
      for (const m of properMatcher.scan(p.text)) {
        const key = properKeys[m.pattern] as string;
        const hit = cedictHits.get(key) ?? { forms: new Map(), articles: new Set() };
        const surface = p.text.slice(m.start, m.end);
        hit.forms.set(surface, (hit.forms.get(surface) ?? 0) + 1);
        hit.articles.add(a.id);
        cedictHits.set(key, hit);
      }
      countAll(fold(p.text), spanTrie, spanCounts);
    }
  }

  // A dictionary person named in pinyin, in two English articles or more, or met otherwise too.
  for (const [key, ids] of pinyinArticles) {
    const hit = cedictHits.get(key);
    if (!hit && ids.size < 2) continue;
    const h = hit ?? { forms: new Map([[key, 0]]), articles: new Set<string>() };
    for (const id of ids) h.articles.add(id);
    cedictHits.set(key, h);
  }

  // Titled names: the 3-character form when it is about as frequent as the 2-character one.
  const countOf = (s: string) => {
    const i = spanIndex.get(s);
    return i === undefined ? 0 : (spanCounts[i] as number);
  };
  const titleNames = new Set<string>();
  // The most frequent 3-character continuation of each 2-character head (向法 → 向法院).
  const bestContinuation = new Map<string, number>();
  for (const span of titleSpans.keys()) {
    if (span.length !== 3) continue;
    const head = span.slice(0, 2);
    bestContinuation.set(head, Math.max(bestContinuation.get(head) ?? 0, countOf(span)));
  }
  // A surname that is also a function word (曾 "once", 向 "towards", 于 "at", 贺 "to congratulate")
  // followed by the start of a dictionary word is that word, no given name: 发言人曾表示, 部长向法院,
  // 议员向媒体, 发言人向美国. Such spans, and their 2-character heads (向法 of 向法院 and 向法国), name no one.
  const functionSpan = (span: string) =>
    span.length === 3 && STOP_CHARS.has(span[0] as string) && lexicon.startsWord(span.slice(1));
  const functionHeads = new Set([...titleSpans.keys()].filter(functionSpan).map((s) => s.slice(0, 2)));
  // Whether the titled occurrences of a 2-character head show a name that ends there: the Han run
  // ends, or a function character or a dictionary word follows (外长王毅表示, 副总理刘鹤在). Where the
  // third character rather continues it (任国强, 周安澜, 陈家坪: too rare to be names themselves),
  // the head is a piece of a name. A surname that is also a function word (曾因参加: "once, because
  // of …") needs two such occurrences.
  const endsAfterTwo = (head: string): boolean => {
    let ends = 0;
    let goesOn = 0;
    for (const [tail, n] of titleTails.get(head) ?? []) {
      if (
        tail === '' ||
        STOP_CHARS.has(tail[0] as string) ||
        (tail.length === 2 && lexicon.startsWord(tail))
      ) {
        ends += n;
      } else goesOn += n;
    }
    return ends >= (STOP_CHARS.has(head[0] as string) ? 2 : 1) && ends >= goesOn;
  };
  // Double-surname names first: the three characters they start with are no name (林郑月).
  const doubleHeads = new Set<string>();
  const doubleNames = new Set<string>();
  for (const [span, titled] of titleSpans) {
    if (span.length !== 4) continue;
    if (isDoubleSurnameName(span, titled, countOf(span), countOf(span.slice(0, 3)), lexicon)) {
      titleNames.add(span);
      doubleNames.add(span);
      doubleHeads.add(span.slice(0, 3));
    }
  }
  for (const span of [...titleSpans.keys()].sort()) {
    if (span.length === 4 || doubleHeads.has(span)) continue;
    const two = span.slice(0, 2);
    const c3 = span.length === 3 ? countOf(span) : 0;
    const c2 = countOf(two);
    // A function character after the surname ends the name (部长王在|会上), except 之 in a given name
    // that makes no word with what follows (黄之锋, not 李之前).
    const given = span[1] === '之' && span.length === 3 && !lexicon.isWord(span.slice(1));
    if ((STOP_CHARS.has(span[1] as string) && !given) || functionSpan(span)) continue;
    // Foreign names (金斯|伯格) come from parentheticals; this pattern is for Chinese names.
    if (isTransliteration(two)) continue;
    if (span.length === 3 && !STOP_CHARS.has(span[2] as string) && c3 >= 2 && c3 >= 0.7 * c2) {
      titleNames.add(span);
    } else if (
      c2 >= 2 &&
      !lexicon.isWord(two) &&
      !functionHeads.has(two) &&
      endsAfterTwo(two) &&
      (bestContinuation.get(two) ?? 0) <= 0.5 * c2
    ) {
      titleNames.add(two);
    }
  }

  // Evidence per key.
  const evidence = new Map<string, Evidence>();
  /** Common words kept as terms (see dictionaryTerm) and the words of their abbreviation families. */
  const terms = new Set<string>();
  const ev = (key: string): Evidence => {
    let e = evidence.get(key);
    if (!e) {
      e = {
        key,
        forms: new Map(),
        english: new Map(),
        englishCount: new Map(),
        cedict: false,
        quoted: false,
        titleName: false,
        heading: false,
        articles: new Set(),
      };
      evidence.set(key, e);
    }
    return e;
  };
  // A dictionary name whose senses all send elsewhere, to several names (德州: "see 德州市" Dezhou,
  // "abbr. for 德克萨斯州" Texas), is named first by the one the corpus writes about: the target found
  // in the most articles, itself or without its 州, 市, 县 or 省 (the other names stay aliases). In
  // dw-zh, 德州 (18 articles: 俄亥俄州、德州, 德州警长) is Texas, and the city Dezhou never occurs.
  const corpusSense = (key: string): string[] | undefined => {
    const senses = lexicon.redirects(key).filter((s) => s.names.length > 0);
    if (senses.length < 2) return undefined;
    const spread = (target: string) => {
      const bare = target.replace(/[州市县省]$/, '');
      const extra = bare !== target && bare !== key ? (cedictHits.get(bare)?.articles.size ?? 0) : 0;
      return (cedictHits.get(target)?.articles.size ?? 0) + extra;
    };
    const ranked = senses.map((s) => ({ names: s.names, n: spread(s.target) })).sort((a, b) => b.n - a.n);
    const [best, next] = ranked as [(typeof ranked)[number], (typeof ranked)[number]];
    return best.n > next.n ? best.names : undefined;
  };
  for (const [key, hit] of cedictHits) {
    // A dictionary proper noun without an English name in its gloss ("the Chinese side") is no name.
    if (lexicon.englishOf(lexicon.proper.get(key) ?? []).length === 0) continue;
    const e = ev(key);
    e.cedict = true;
    for (const [f, n] of hit.forms) e.forms.set(f, (e.forms.get(f) ?? 0) + n);
    for (const id of hit.articles) e.articles.add(id);
    const sense = corpusSense(key);
    for (const name of [...(sense ?? []), ...lexicon.englishOf(lexicon.proper.get(key) ?? [])]) {
      if (!e.english.has(name)) e.english.set(name, 'cedict');
    }
    // Of homographs, the first entry's (中美 "China-USA", not the abbreviation of 中美洲 "Central
    // America" that a second entry gives): it names and merges; the others' stay aliases.
    e.primary = sense
      ? sense.slice(0, 1)
      : lexicon.englishOf((lexicon.proper.get(key) ?? []).slice(0, 1), true);
  }
  // An English name given in parentheses after many different Chinese names is a citation (a news
  // site, a party), not a translation: it neither names nor merges them.
  const keysPerEnglish = new Map<string, Set<string>>();
  for (const c of cands.byKey.values()) {
    for (const name of c.english.keys()) {
      const n = normEnglish(name);
      // Keyed by the last two characters: 珍妮特·耶伦 and 耶伦 are one name written long and short.
      (keysPerEnglish.get(n) ?? keysPerEnglish.set(n, new Set()).get(n))?.add(c.key.slice(-2));
    }
  }
  // How often each quoted term is quoted, itself or as the start of a longer quote (…力量, …力量2号).
  const quotedKeys = [...cands.byKey.values()]
    .filter((c) => c.quoted > 0)
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const quotedWithin = (key: string): number => {
    let lo = 0;
    let hi = quotedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((quotedKeys[mid] as Candidate).key < key) lo = mid + 1;
      else hi = mid;
    }
    let n = 0;
    for (let i = lo; i < quotedKeys.length && (quotedKeys[i] as Candidate).key.startsWith(key); i++) {
      n += (quotedKeys[i] as Candidate).quoted;
    }
    return n;
  };
  for (const c of [...cands.byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const entries = lexicon.proper.get(c.key) ?? [];
    const primary = lexicon.englishOf(entries, true);
    // A dictionary name many bear (米歇尔: "Michel or Mitchell (name)", then George Mitchell): any
    // bearer the corpus names in parentheses (Charles Michel) is the word's, not only the dictionary's.
    const bare = primary.length > 0 ? bareNameWords(entries) : [];
    // After a Chinese personal name, a one-word parenthetical is a credit (李澄欣（CNN）), not a name.
    const chinesePersonal = looksLikeChinesePersonalName(c.key) && primary.length === 0;
    // A place's dictionary name as another bearer's surname or a club's (勃兰登堡（Jens Brandenburg）,
    // 不来梅（Werder Bremen））: someone else, no name of the place, where the corpus writes the name
    // mostly without them (the state in 23 dw-zh articles, the politician in one). Where they are
    // most of its uses, the dictionary's guess of a place by a bare name ("Blackburn") gives way
    // (布莱克本（Marsha Blackburn）).
    const hits = cedictHits.get(c.key)?.articles.size ?? 0;
    const place =
      primary.length > 0 &&
      3 * c.articles.size <= hits &&
      decideKind({
        key: c.key,
        gloss: lexicon.glossText(c.key),
        english: primary,
        titleName: false,
        quoted: false,
        cedict: true,
        personalName: (n) => lexicon.isPersonalName(n),
      }) === 'place';
    const english = parentheticalEnglish(
      c.englishCount,
      primary,
      (n) => keysPerEnglish.get(normEnglish(n))?.size ?? 0,
      bare,
    ).filter(
      (n) =>
        !(chinesePersonal && !n.includes(' ')) &&
        !(place && primary.some((p) => n !== p && n.endsWith(` ${p}`))),
    );
    // 首席财务官威廉（Harald Wilhelm）: a bare given name or surname of the dictionary, written for one
    // full name, would make every 威廉 (William) that one person.
    const bareNameOf = lexicon.isBareName(c.key) && english.every((n) => n.trim().includes(' '));
    const accepted = c.sources.has('parenthetical')
      ? (english.length > 0 && !bareNameOf) || evidence.has(c.key)
      : (c.sources.has('quoted') &&
          quotedStandsOut(
            c.key,
            c.quotedArticles.size,
            quotedWithin(c.key),
            lexicon,
            [...c.repeatedQuoteArticles].filter((id) => !c.quotedArticles.has(id)).length,
          )) ||
        c.sources.has('heading') ||
        c.sources.has('dotted-name');
    const glossed = dictionaryTerm(c, lexicon);
    if (glossed.length === 0 && (!accepted || lexicon.common.has(c.key))) continue;
    const e = ev(c.key);
    if (glossed.length > 0) {
      // A term the dictionary and the corpus both translate by one acronym: named, and merged, by
      // it; the words that abbreviate the same thing (新冠 and 新冠病毒 for 新型冠状病毒) are its forms.
      terms.add(c.key);
      e.primary = glossed;
      for (const name of glossed) e.english.set(name, 'parenthetical');
      for (const name of lexicon.numberedNames(c.key))
        if (!e.english.has(name)) e.english.set(name, 'cedict');
      for (const word of lexicon.abbreviationFamily(c.key)) {
        terms.add(word);
        const sibling = ev(word);
        if (!sibling.forms.has(word)) sibling.forms.set(word, 0);
        sibling.primary = glossed;
        for (const name of [...glossed, ...lexicon.numberedNames(word)]) {
          if (!sibling.english.has(name)) sibling.english.set(name, 'cedict');
        }
      }
    }
    if (c.sources.has('quoted')) e.quoted = true;
    if (c.sources.has('heading')) e.heading = true;
    if (c.sources.has('dotted-name')) e.dotted = true;
    for (const [f, n] of c.forms) e.forms.set(f, (e.forms.get(f) ?? 0) + n);
    for (const id of c.articles) e.articles.add(id);
    // A bare given name written for one full name (商人迈克尔（Michael Spavor）) keeps its own names:
    // given that one, it would join that person, and every 迈克尔 would be him.
    for (const name of bareNameOf ? [] : english) {
      e.english.set(name, 'parenthetical');
      e.englishCount.set(name, c.englishCount.get(name) ?? 1);
    }
    // The corpus writes about another bearer (米歇尔（Charles Michel）, twice or more, and never the
    // dictionary's George Mitchell): the dictionary's bearer names neither the entity nor its aliases
    // (an English page's "George Mitchell" would show Charles Michel's passages), nor keeps it apart.
    const named = english.filter((n) => n.includes(' '));
    if (
      bare.length > 0 &&
      named.some((n) => (c.englishCount.get(n) ?? 0) >= 2) &&
      !english.some((n) => primary.some((p) => sameName(p, n)))
    ) {
      for (const [n, source] of e.english) if (source === 'cedict' && !bare.includes(n)) e.english.delete(n);
      e.primary = [];
    }
  }
  for (const key of titleNames) {
    const known = evidence.has(key);
    if (lexicon.common.has(key)) {
      if (known) ev(key).titleName = true;
      continue;
    }
    const e = ev(key);
    e.titleName = true;
    // A double-surname name counts every occurrence: its two surnames alone are counted in it too
    // (see standaloneCounts).
    if (doubleNames.has(key)) e.forms.set(key, Math.max(e.forms.get(key) ?? 0, countOf(key)));
    else if (!known) e.forms.set(key, 1);
  }
  // Names marked "(音译)": personal names on one occurrence, like titled names on two.
  for (const [key, forms] of markedNames) {
    if (lexicon.common.has(key)) continue;
    const e = ev(key);
    e.titleName = true;
    for (const [f, n] of forms) e.forms.set(f, (e.forms.get(f) ?? 0) + n);
  }
  for (const key of headings) if (evidence.has(key)) ev(key).heading = true;

  // Filters: length, generic words, segmentation debris (向普京 = 向 + 普京).
  for (const key of [...evidence.keys()]) {
    // A name with a function character glued on (贺普丁 — also a drug brand in CEDICT — is 贺 + 普丁).
    const known = (k: string) =>
      k.length >= 2 && (evidence.has(k) || lexicon.proper.has(k) || VARIANT_FORMS.has(k));
    const debris =
      (STOP_CHARS.has(key[0] as string) && known(key.slice(1))) ||
      (STOP_CHARS.has(key[key.length - 1] as string) && known(key.slice(0, -1)));
    const generic = (lexicon.common.has(key) && !terms.has(key)) || readsAsWords(key);
    if (key.length < 2 || key.length > 14 || debris || generic || !/^[\u3400-\u9fff·]+$/.test(key)) {
      evidence.delete(key);
    }
  }

  // Merge: shared English names, the variant table, phonetic similarity.
  const keys = [...evidence.keys()].sort();
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  /** Whether two keys' primary English names agree (see below: 特朗普 ≠ 梅拉尼娅). */
  const samePrimary = (a: string, b: string): boolean => {
    const pa = (evidence.get(a) as Evidence).primary ?? [];
    const pb = (evidence.get(b) as Evidence).primary ?? [];
    return (
      pa.length === 0 || pb.length === 0 || pa.some((x) => pb.some((y) => normEnglish(x) === normEnglish(y)))
    );
  };
  const byEnglish = new Map<string, string[]>();
  for (const key of keys) {
    const e = evidence.get(key) as Evidence;
    // One-word parentheticals (CNN, ARD, Axios) are often credits after a reporter's name: they never
    // merge. A name the corpus wrote without its spaces (MargretheVestager) merges as spaced.
    const merging = [...e.english]
      .filter(([, s]) => s === 'parenthetical')
      .map(([n]) => unglued(n) ?? n)
      .filter((n) => n.trim().includes(' '));
    for (const name of new Set([...merging, ...(e.primary ?? [])])) {
      const n = /^[A-Z0-9&-]+$/.test(name) ? `acronym:${name}` : normEnglish(name);
      if (n.length < 2) continue;
      byEnglish.set(n, [...(byEnglish.get(n) ?? []), key]);
    }
  }
  // A state's name written long and short: "United States of America" (美利坚合众国) is "United
  // States" (美国) with what it is of. The short name's forms are one name, merged below (美国 and
  // 米国, both "United States"), unless the primary names tell them apart.
  for (const [n, list] of byEnglish) {
    const head = STATE_OF.exec(n)?.[1];
    const short = head?.includes(' ') ? byEnglish.get(head) : undefined;
    const first = short?.[0];
    if (first !== undefined && short?.every((k) => samePrimary(k, first)))
      for (const k of list) union(first, k);
  }
  // An organisation's acronym in brackets merges it with the short name the dictionary gives that
  // very acronym (北大西洋公约联盟（NATO） with 北约 "NATO", 东南亚国家协会（ASEAN） with 东盟); credits
  // (CNN after a reporter) are no organisation names. Only a dictionary abbreviation of three
  // characters at most: 美国广播公司 is "ABC" too, and 澳大利亚广播公司（ABC） is another broadcaster.
  for (const key of keys) {
    if (!isOrganisationName(key) && !/联盟|组织|公约/.test(key)) continue;
    for (const [n, source] of (evidence.get(key) as Evidence).english) {
      const list = source === 'parenthetical' && isAcronym(n) ? byEnglish.get(`acronym:${n}`) : undefined;
      const short = list?.some((k) => k.length <= 3 && (evidence.get(k) as Evidence).primary?.includes(n));
      if (list && short && !list.includes(key)) list.push(key);
    }
  }
  /** Two Chinese names romanised alike are homophones (新化 the county, 新华 the news agency: "Xinhua"). */
  const homophones = (a: string, b: string, name: string) =>
    !a.startsWith(b) &&
    !b.startsWith(a) &&
    [a, b].every((k) => romanises(name, k) && chineseReferent(lexicon.glossText(k)));
  for (const [n, list] of byEnglish) {
    for (const k of list.slice(1)) {
      if (homophones(list[0] as string, k, n)) continue;
      // Two dictionary names with different dictionary translations stay apart (特朗普 ≠ 梅拉尼娅),
      // and so do two that the dictionary says are different things (佐治亚 "Georgia, US state",
      // 格鲁吉亚 "Georgia (country)").
      if (!samePrimary(list[0] as string, k) || lexicon.differentThings(list[0] as string, k)) continue;
      union(list[0] as string, k);
    }
  }
  // An organisation written long and short with one acronym (罗伯特·科赫研究所 and 科赫研究所, "RKI";
  // 美国食品药品管理局 and 药品管理局, "FDA"): one name ends with the other. Acronyms alone merge
  // nothing else: two organisations share some (SWP, ABC).
  const byAcronym = new Map<string, string[]>();
  for (const key of keys) {
    if (!isOrganisationName(key)) continue;
    for (const [n, source] of (evidence.get(key) as Evidence).english) {
      if (source === 'parenthetical' && isAcronym(n)) byAcronym.set(n, [...(byAcronym.get(n) ?? []), key]);
    }
  }
  for (const list of byAcronym.values()) {
    for (const a of list) for (const b of list) if (a !== b && a.endsWith(b)) union(a, b);
  }
  // A double-surname name and its two surnames alone, as the news shortens it (林郑月娥, 林郑): one
  // person. Two surnames side by side name no one else.
  for (const key of titleNames) {
    if (key.length === 4 && evidence.has(key) && evidence.has(key.slice(0, 2))) union(key, key.slice(0, 2));
  }
  const mergedBy = new Map<string, 'variant-table' | 'variant-phonetic'>();
  for (const [tw, cn] of VARIANT_TABLE) {
    if (evidence.has(tw) && evidence.has(cn)) {
      union(tw, cn);
      mergedBy.set(tw, 'variant-table');
    }
  }
  const byLength = new Map<number, string[]>();
  const sounds = new Map<string, string[]>();
  for (const key of keys) {
    if (key.length < 3 || !isTransliteration(key)) continue;
    sounds.set(key, syllables(key));
    byLength.set(key.length, [...(byLength.get(key.length) ?? []), key]);
  }
  for (const list of byLength.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as string;
        const b = list[j] as string;
        if (find(a) === find(b) || !phoneticallySimilar(a, b, sounds.get(a), sounds.get(b))) continue;
        if (!englishCompatible(evidence.get(a) as Evidence, evidence.get(b) as Evidence)) continue;
        union(a, b);
        const minor =
          (evidence.get(a) as Evidence).articles.size < (evidence.get(b) as Evidence).articles.size ? a : b;
        mergedBy.set(minor, 'variant-phonetic');
      }
    }
  }

  const groups = new Map<string, string[]>();
  for (const key of keys) groups.set(find(key), [...(groups.get(find(key)) ?? []), key]);

  const foreign = foreignNames(titleSpans, foreignTitles, dotNeighbours);
  let entities: Entity[] = [];
  for (const members of groups.values()) {
    const evs = members.map((k) => evidence.get(k) as Evidence);
    const forms = new Map<string, number>();
    for (const e of evs) for (const [f, n] of e.forms) forms.set(f, (forms.get(f) ?? 0) + n);
    // A name met only in English articles has no Chinese form counted: the dictionary's best form
    // names it (see Lexicon.standing).
    const unseen = [...forms.values()].every((n) => n === 0);
    const name =
      [...standaloneCounts(forms, doubleNames)].sort(
        (a, b) =>
          b[1] - a[1] ||
          (unseen
            ? lexicon.standing(foldKey(a[0])) - lexicon.standing(foldKey(b[0])) || a[0].length - b[0].length
            : 0) ||
          (a[0] < b[0] ? -1 : 1),
      )[0]?.[0] ?? (members[0] as string);
    const english = new Map<string, 'parenthetical' | 'cedict'>();
    // The named member's English first: 美国 is "United States" though 美利坚合众国 sorts before it.
    const nameFirst = [...evs].sort(
      (a, b) => Number(b.key === foldKey(name)) - Number(a.key === foldKey(name)),
    );
    for (const e of nameFirst) for (const [n, s] of e.english) if (!english.has(n)) english.set(n, s);
    const gloss = members.map((k) => lexicon.glossText(k)).join('; ');
    // A term (see dictionaryTerm) is what its gloss says it is, else a topic: its acronym makes no
    // organisation (SARS, GDP).
    const kind = members.every((k) => terms.has(k))
      ? (kindFromGloss(gloss) ?? 'topic')
      : decideKind({
          key: foldKey(name),
          gloss,
          english: namesForKind(english, laterSenses(members, lexicon)),
          titleName: evs.some((e) => e.titleName),
          quoted: evs.some((e) => e.quoted) && !evs.some((e) => e.cedict),
          cedict: evs.some((e) => e.cedict),
          personalName: (n) => lexicon.isPersonalName(n),
        });
    const primaryEnglish = [
      ...new Set(evs.flatMap((e) => [...hasParentheticalNames(e), ...(e.primary ?? [])])),
    ];
    const aliases = buildAliases({
      name,
      primaryEnglish,
      kind,
      members,
      forms,
      english,
      mergedBy,
      quoted: evs.some((e) => e.quoted),
      heading: evs.some((e) => e.heading),
      headingOnly: evs.every(
        (e) => e.heading && !e.cedict && !e.quoted && !e.titleName && e.english.size === 0,
      ),
      lexicon,
      toSimplified,
      toTraditional,
      // A name the corpus shows as foreign gets no pinyin: it would be a misreading.
      romanize: members.some((k) => foreign.has(k)) ? () => undefined : romanizeChineseName,
      readsAsWords,
    });
    const counts = new Map<string, number>();
    for (const e of evs) for (const [n, k] of e.englishCount) counts.set(n, (counts.get(n) ?? 0) + k);
    const englishName = displayEnglish(
      english,
      counts,
      members.flatMap((k) => bareNameWords(lexicon.proper.get(k) ?? [])),
    );
    entities.push({
      id: `e:${name}`,
      name,
      kind,
      aliases,
      articleCount: 0,
      ...(englishName ? { english: englishName } : {}),
      sources: entitySources(evs),
    });
  }
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  addCompassCompounds(entities, articles, lexicon);
  addAdministrativeForms(entities, articles, lexicon);
  dropNamesakes(entities);
  addGivenNameForms(entities, givenNames);
  // People of English articles that no entity names yet (Brad Raffensperger, "Mr Raffensperger").
  const named = new Set(entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(foldKey)));
  entities.push(...titledPeople.entities(named, lexicon));
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Index with the detector itself; drop entities that never match (e.g. every occurrence cut a word).
  const dictionaryWords = dictionaryWordsFor(
    entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]),
    lexicon.words,
  );
  // A Chinese form is weak when most of its corpus occurrences are ties, where the text segments as
  // well without it (会安 in 会安排, 曾参 in 曾参加, 上都 in 基本上都): those strings are mostly
  // other words side by side. A weak form is then no mention in a tie (see MatcherPattern.weak);
  // where the text segments better with it, it stays one. Likewise a transliterated form is a name
  // piece when most of its occurrences have a transliteration character beside them that continues
  // a name (罗纳 in 罗纳德·里根, see MatcherPattern.piece): there it is then no mention.
  // entity → form → counts
  const ties = new Map<string, Map<string, { tied: number; all: number; piece: number }>>();
  // What the words around the mentions say of each entity's kind (see kindFromCues).
  const cues = new Map<string, CueCounts>();
  const first = createDetector(entities, { dictionaryWords, fuzzy: false });
  const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
  const cueCounts = (id: string): CueCounts => {
    let c = cues.get(id);
    if (!c) {
      c = { person: 0, place: 0, medium: 0, organisation: 0, work: 0, mentions: 0 };
      cues.set(id, c);
    }
    return c;
  };
  for (const a of articles) {
    for (const p of a.passages) {
      if (!inContent(p)) continue;
      let folded: string | undefined;
      /** The Han mention before this one, for listMateCue. */
      let prev: { id: string; end: number } | undefined;
      if (p.script === 'en') {
        // An English article's words around its names (englishKindCue). Only the mentions they say
        // something of count: its cues are fewer than Chinese text gives, and the other mentions
        // would thin out the Chinese ones' (微信 is a firm by 5 of its 50 Chinese mentions).
        // A name listed beside an organisation is one too (listMateCue: "Amazon and Walmart").
        let last: { id: string; end: number; cued: boolean } | undefined;
        for (const m of first.detect([p.text])) {
          const between = last ? p.text.slice(last.end, m.start) : '';
          const cue =
            englishKindCue(p.text, m.start, m.end) ??
            (last && last.id !== m.entityId
              ? listMateCue(between, kindOf.get(last.id) ?? 'topic', true)
              : undefined);
          if (last && last.id !== m.entityId) {
            const theirs = listMateCue(between, kindOf.get(m.entityId) ?? 'topic', true);
            if (theirs && !last.cued) {
              const c = cueCounts(last.id);
              c.mentions++;
              c[theirs]++;
            }
          }
          last = { id: m.entityId, end: m.end, cued: cue !== undefined };
          if (!cue) continue;
          const c = cueCounts(m.entityId);
          c.mentions++;
          c[cue]++;
        }
        continue;
      }
      for (const m of first.exact(p.text)) {
        const form = foldKey(p.text.slice(m.start, m.end));
        if (!/[\u3400-\u9fff]/.test(form)) continue;
        const id = first.entityOfPattern(m.pattern);
        const forms = ties.get(id) ?? ties.set(id, new Map()).get(id);
        const t = forms?.get(form) ?? { tied: 0, all: 0, piece: 0 };
        t.all++;
        if (first.tiedAt(p.text, m.start, m.end)) t.tied++;
        if (isTransliteration(form) && first.nextToName(p.text, m.start, m.end)) t.piece++;
        forms?.set(form, t);
        folded ??= fold(p.text);
        const c = cueCounts(id);
        c.mentions++;
        const cue = kindCue(folded, m.start, m.end);
        if (cue) c[cue]++;
        if (prev && prev.id !== id) {
          const between = folded.slice(prev.end, m.start);
          const mine = listMateCue(between, kindOf.get(prev.id) ?? 'topic');
          if (mine) c[mine]++;
          const theirs = listMateCue(between, kindOf.get(id) ?? 'topic');
          if (theirs) cueCounts(prev.id)[theirs]++;
        }
        prev = { id, end: m.end };
      }
    }
  }
  let anyFlag = false;
  for (const e of entities) {
    const c = cues.get(e.id);
    if (c) e.kind = kindFromCues(e.kind, c);
    const counts = [...(ties.get(e.id) ?? [])];
    const weak = counts.filter(([, t]) => t.tied * 2 >= t.all).map(([form]) => form);
    const pieces = counts.filter(([, t]) => t.piece * 2 >= t.all && t.piece >= 2).map(([form]) => form);
    if (weak.length > 0) e.weakKeys = weak.sort();
    if (pieces.length > 0) e.pieceKeys = pieces.sort();
    anyFlag ||= weak.length > 0 || pieces.length > 0;
  }
  const detector = anyFlag ? createDetector(entities, { dictionaryWords, fuzzy: false }) : first;
  const byEntity: Record<string, MentionRef[]> = {};
  const articleSets = new Map<string, Set<number>>();
  articles.forEach((a, ai) => {
    a.passages.forEach((p, pi) => {
      if (!inContent(p)) return;
      // English text as the detector reads a page: its rules for Latin names (a given name before a
      // surname is no mention: "Dick" in "Dick Cheney") are no part of the exact matches.
      const found =
        p.script === 'en'
          ? detector.detect([p.text]).map((m) => ({ id: m.entityId, start: m.start, end: m.end }))
          : detector
              .exact(p.text)
              .map((m) => ({ id: detector.entityOfPattern(m.pattern), start: m.start, end: m.end }));
      for (const m of found) {
        const id = m.id;
        const refs = byEntity[id] ?? [];
        refs.push([ai, pi, m.start, m.end]);
        byEntity[id] = refs;
        (articleSets.get(id) ?? articleSets.set(id, new Set()).get(id))?.add(ai);
      }
    });
  });
  entities = entities.filter((e) => (articleSets.get(e.id)?.size ?? 0) > 0);
  entities = mergeFamilyNames(entities, byEntity, articleSets, lexicon);
  for (const e of entities) e.articleCount = articleSets.get(e.id)?.size ?? 0;
  dropMisreadPinyin(entities, byEntity, articles);
  spaceGluedNames(entities);
  addShortForms(entities, lexicon, articles);
  dropGivenNames(entities, givenNameCounts(cands));
  dropLanguageAdjectives(entities, lexicon);
  markEverydayWords(entities, lexicon);
  const kept = new Set(entities.map((e) => e.id));
  for (const id of Object.keys(byEntity)) if (!kept.has(id)) delete byEntity[id];
  return {
    entities,
    mentionIndex: { articles: articles.map((a) => a.id), byEntity },
    dictionaryWords,
    detectorIndex: compileDetectorIndex(entities, dictionaryWords),
  };
}

/** A Latin name in brackets: 奥布莱恩（Robert O'Brien）. */
const BRACKETED_LATIN = /^\s*[（(]\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+)\s*[）)]/u;

/**
 * The people whose surname the corpus shows more often as someone else's than as theirs, in Chinese
 * (`han`) and in Latin letters (`latin`). In Chinese: written after another given name and a "·"
 * (丽塔·威尔逊, 罗伯特·B·威尔逊 for 杰弗里·威尔逊) or before a Latin name in brackets that is another's
 * (奥布莱恩（Robert O'Brien） for 凯特·奥布莱恩); theirs after their own given name or before their own
 * name. In Latin letters: the last word of a bracketed name whose first word is no given name of
 * theirs ((Laura Merrifield Wilson) for Dr Jeffrey Wilson). Such a surname alone names either, so it
 * is no short form of theirs (Kohl stays Helmut Kohl's though 科尔 is James Cole's too).
 */
function othersSurnames(
  entities: readonly Entity[],
  articles: readonly Article[],
): { han: Set<string>; latin: Set<string> } {
  /** Surname (folded) → the people whose dotted names end with it, with their given names. */
  const bySurname = new Map<string, Array<{ id: string; given: Set<string> }>>();
  /** Last word of a Latin name (lower case) → the people it ends the names of. */
  const byLastWord = new Map<string, string[]>();
  /** Per person: the words before the last of their Latin names (lower case). */
  const firstWords = new Map<string, string[]>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const given = new Map<string, Set<string>>();
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
      const parts = foldKey(text).split('·');
      if (parts.length < 2) continue;
      const last = parts.pop() as string;
      if (last.length < 2) continue;
      (given.get(last) ?? given.set(last, new Set()).get(last))?.add(parts.pop() as string);
    }
    for (const [last, names] of given) {
      (bySurname.get(last) ?? bySurname.set(last, []).get(last))?.push({ id: e.id, given: names });
    }
    const words = new Set<string>();
    const lasts = new Set<string>();
    for (const t of [e.english ?? '', ...e.aliases.map((a) => a.text)]) {
      const w = t.toLowerCase().split(/\s+/);
      if (w.length < 2 || !/^\p{Lu}/u.test(t)) continue;
      lasts.add(w.pop() as string);
      for (const x of w) words.add(x);
    }
    firstWords.set(e.id, [...words]);
    for (const l of lasts) (byLastWord.get(l) ?? byLastWord.set(l, []).get(l))?.push(e.id);
  }
  const isOwn = (id: string, first: string) =>
    (firstWords.get(id) ?? []).some((w) => w === first || editRatio(w, first) <= 0.34);
  const han = { own: new Map<string, number>(), other: new Map<string, number>() };
  const latin = { own: new Map<string, number>(), other: new Map<string, number>() };
  const count = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  const firsts = new Set([...bySurname.keys()].map((k) => k[0] as string));
  for (const a of articles) {
    for (const p of a.passages) {
      if (!inContent(p)) continue;
      const text = fold(p.text);
      for (let i = 0; i < text.length; i++) {
        const c = text[i] as string;
        // Folded text has one middle dot for all that join a name's parts, and ( for （.
        if (c === '·' && firsts.has(text[i + 1] ?? '')) {
          // After a "·": the surname of the given name before it. A name the corpus knows counts for
          // its owner only (the others' share of the surname is weighed in addShortForms).
          const before = text.slice(Math.max(0, i - 8), i);
          for (const [last, people] of bySurname) {
            if (!text.startsWith(last, i + 1)) continue;
            const owner = people.find((person) => [...person.given].some((g) => before.endsWith(g)));
            if (owner) count(han.own, owner.id);
            else for (const person of people) count(han.other, person.id);
          }
        } else if (c === '(') {
          // The page's own letters: folding puts them in lower case.
          const name = BRACKETED_LATIN.exec(p.text.slice(i, i + 80))?.[1];
          if (!name) continue;
          const words = name.toLowerCase().split(/\s+/);
          const first = words[0] as string;
          const weigh = (ids: readonly string[], tally: typeof han) => {
            for (const id of ids) count(isOwn(id, first) ? tally.own : tally.other, id);
          };
          // Its last word, for the Latin short forms; the Han surname before it, for the Chinese.
          weigh(byLastWord.get(words[words.length - 1] as string) ?? [], latin);
          for (const [last, people] of bySurname) {
            if (text.endsWith(last, i))
              weigh(
                people.map((person) => person.id),
                han,
              );
          }
        }
      }
    }
  }
  // More than its own evidence and than the articles that name it: a prominent person's own name is
  // seldom given again once introduced (Trump: 5 brackets give Donald Trump, 11 Melania, Eric or
  // Ivanka, but 667 articles name him).
  const articleCount = new Map(entities.map((e) => [e.id, e.articleCount]));
  const more = ({ own, other }: typeof han) =>
    new Set(
      [...other]
        .filter(([id, n]) => n > Math.max(own.get(id) ?? 0, articleCount.get(id) ?? 0))
        .map(([id]) => id),
    );
  return { han: more(han), latin: more(latin) };
}

const COMPASS: ReadonlyArray<[string, string]> = [
  ['东', 'East'],
  ['南', 'South'],
  ['西', 'West'],
  ['北', 'North'],
];
/** Administrative words after a place's name: county, city, province, state. */
const ADMINISTRATIVE = new Set([...'县市省州']);
/** How often the corpus must write a place with its administrative word (see addAdministrativeForms). */
const ADMINISTRATIVE_MIN = 3;

/**
 * A place's name with its administrative word, as the corpus writes it (阿拉斯加州, 纽约州, 屏东县), is
 * an alias of the place. Without it the segmentation check, which knows the words across the name's
 * edge, cut the name there: 阿拉斯加州 was marked as 阿拉斯 (Arras) and 加州 (California), and 屏东 was not
 * marked in 屏东县 once some alias brought that dictionary word into the matcher's lexicon. Written
 * ADMINISTRATIVE_MIN times or more where the word ends there (not 中国|市场: 市场 is a word), and no
 * common word of the dictionary (大城市 "big city") nor a form of another entity.
 */
function addAdministrativeForms(entities: Entity[], articles: readonly Article[], lexicon: Lexicon): void {
  const taken = new Set<string>();
  for (const e of entities) for (const f of [e.name, ...e.aliases.map((a) => a.text)]) taken.add(foldKey(f));
  /** Folded place form + administrative word → the place (null: two places give it). */
  const compounds = new Map<string, Entity | null>();
  for (const e of entities) {
    if (e.kind !== 'place') continue;
    for (const form of [e.name, ...e.aliases.map((a) => a.text)]) {
      if (!/^[\u3400-\u9fff]{2,}$/.test(form)) continue;
      for (const unit of ADMINISTRATIVE) {
        const compound = foldKey(form) + unit;
        if (taken.has(compound) || lexicon.common.has(compound)) continue;
        const other = compounds.get(compound);
        compounds.set(compound, other === undefined || other === e ? e : null);
      }
    }
  }
  if (compounds.size === 0) return;
  const counts = new Map<string, number>();
  for (const a of articles) {
    for (const p of a.passages) {
      if (!inContent(p)) continue;
      const text = fold(p.text);
      for (let i = 2; i < text.length; i++) {
        if (!ADMINISTRATIVE.has(text[i] as string)) continue;
        // The administrative word starts a word with what follows (州长, 州议会, 市场): not this one.
        if (i + 1 < text.length && lexicon.startsWord(text.slice(i, i + 2))) continue;
        // The longest place written there (西弗吉尼亚州, not 弗吉尼亚州).
        for (let start = Math.max(0, i - 8); start <= i - 2; start++) {
          const compound = text.slice(start, i + 1);
          if (!compounds.get(compound)) continue;
          counts.set(compound, (counts.get(compound) ?? 0) + 1);
          break;
        }
      }
    }
  }
  const written = [...counts.keys()];
  for (const [compound, place] of compounds) {
    if (!place || (counts.get(compound) ?? 0) < ADMINISTRATIVE_MIN) continue;
    // A longer place's form with the same ending goes in too, however often the corpus writes it:
    // else 弗吉尼亚州 would take 西弗吉尼亚州 from 西弗吉尼亚 (a tie the segmentation check decides).
    for (const longer of written) {
      const other = compounds.get(longer);
      if (other && longer.length > compound.length && longer.endsWith(compound)) addForms(other, longer);
    }
    addForms(place, compound);
  }
}

/** Adds a place's form with its administrative word, in both scripts (see addAdministrativeForms). */
function addForms(place: Entity, compound: string): void {
  const have = new Set([place.name, ...place.aliases.map((a) => a.text)]);
  for (const form of [compound, toTraditional(compound)]) {
    if (!have.has(form)) place.aliases.push({ text: form, source: 'corpus' });
    have.add(form);
  }
}

/** How often the corpus must write a compass compound (see addCompassCompounds). */
const COMPASS_MIN = 5;

/**
 * A place's name after a compass character, written as one name that no dictionary knows (南中国海,
 * 68 times in dw-zh), is the place whose English name says so: "South" + 中国海 "China Seas" is 南海
 * "South China Sea". Without it 中国海 matched inside every 南中国海. Only compounds the corpus writes
 * COMPASS_MIN times or more: 南非洲 (three times) is "southern Africa", not 南非 "South Africa".
 */
function addCompassCompounds(entities: Entity[], articles: readonly Article[], lexicon: Lexicon): void {
  const singular = (s: string) => normEnglish(s.replace(/^the /i, '')).replace(/s\b/g, '');
  const byEnglish = new Map<string, Entity | null>();
  for (const e of entities) {
    if (e.kind !== 'place' || !e.english) continue;
    const n = singular(e.english);
    byEnglish.set(n, byEnglish.has(n) ? null : e);
  }
  const compounds: Array<[string, Entity]> = [];
  for (const e of entities) {
    if (e.kind !== 'place' || !e.english) continue;
    const forms = [e.name, ...e.aliases.map((a) => a.text)].filter((f) => /^[\u3400-\u9fff]{2,}$/.test(f));
    for (const [char, direction] of COMPASS) {
      const target = byEnglish.get(singular(`${direction} ${e.english}`));
      if (!target || target === e) continue;
      for (const form of forms) {
        const compound = `${char}${form}`;
        if (!lexicon.isWord(foldKey(compound))) compounds.push([compound, target]);
      }
    }
  }
  if (compounds.length === 0) return;
  const counts = new Map<string, number>();
  for (const a of articles) {
    for (const p of a.passages) {
      if (!inContent(p)) continue;
      for (const [compound] of compounds) {
        for (let i = p.text.indexOf(compound); i >= 0; i = p.text.indexOf(compound, i + 1)) {
          // 南中国 inside 南中国海 is not written for itself.
          if (compounds.some(([c]) => c.length > compound.length && p.text.startsWith(c, i))) continue;
          counts.set(compound, (counts.get(compound) ?? 0) + 1);
        }
      }
    }
  }
  for (const [compound, target] of compounds) {
    if ((counts.get(compound) ?? 0) < COMPASS_MIN) continue;
    const have = new Set([target.name, ...target.aliases.map((a) => a.text)]);
    for (const form of [compound, toTraditional(compound), toSimplified(compound)]) {
      if (!have.has(form)) target.aliases.push({ text: form, source: 'variant-gloss' });
      have.add(form);
    }
  }
}

/** The dictionary senses of the keys after each one's first (美国: "USA" and "US", not "United States"). */
function laterSenses(keys: readonly string[], lexicon: Lexicon): Set<string> {
  return new Set(keys.flatMap((k) => lexicon.glossText(k).split('; ').slice(1)));
}

/**
 * The English names that tell an entity's kind. An acronym that is a later sense of the dictionary's
 * own, beside a name that is none (美国: "United States", "USA", "US"), abbreviates that name and
 * says nothing of a body; one the dictionary gives first (肯德基: "KFC", "Kentucky Fried Chicken") or
 * the corpus in brackets (罗伯特·科赫研究所（RKI）) does.
 */
function namesForKind(
  english: ReadonlyMap<string, 'parenthetical' | 'cedict'>,
  senses: ReadonlySet<string>,
): string[] {
  const acronym = (n: string) => /^[A-Z]{2,6}$/.test(n);
  const named = [...english].some(([n, s]) => s === 'cedict' && !acronym(n));
  const sense = (n: string, s: string) => named && s === 'cedict' && acronym(n) && senses.has(n);
  return [...english].filter(([n, s]) => !sense(n, s)).map(([n]) => n);
}

/** Entity.everydayKeys: the one-word English aliases that are everyday words (West, Diet, Main). */
function markEverydayWords(entities: Entity[], lexicon: Lexicon): void {
  for (const e of entities) {
    const keys = e.aliases
      .filter((a) => /^[A-Z][a-z]+$/.test(a.text) && lexicon.isEverydayEnglish(a.text))
      .map((a) => foldKey(a.text));
    if (keys.length > 0) e.everydayKeys = [...new Set(keys)].sort();
  }
}

function entitySources(evs: readonly Evidence[]): AliasSource[] {
  const out: AliasSource[] = [];
  if (evs.some((e) => hasParentheticalNames(e).length > 0)) out.push('parenthetical');
  if (evs.some((e) => e.cedict)) out.push('cedict');
  if (evs.some((e) => e.quoted)) out.push('quoted');
  if (evs.some((e) => e.heading)) out.push('heading');
  if (evs.some((e) => e.titleName || e.dotted)) out.push('corpus');
  return out;
}

/**
 * The English name an entity shows: the parenthetical name given most often, unless another person's
 * is given more than half as often: then the name they share, where the
 * dictionary gives the word as a bare name (沃尔夫: Wolf, not Chad Wolf), else the dictionary's (容克:
 * Junker; "Kirk Junker" once, "Thomas Junker" once, while 7 of its 10 dw-zh articles are about
 * Jean-Claude Juncker, unnamed). Without a parenthetical name, the dictionary's.
 */
export function displayEnglish(
  english: ReadonlyMap<string, 'parenthetical' | 'cedict'>,
  counts: ReadonlyMap<string, number>,
  bare: readonly string[] = [],
): string | undefined {
  // One person's spellings together (Svetlana Tikhanovskaya, Swetlana Tichanowskaja), shown as
  // first given, counted together.
  const people: Array<{ name: string; count: number }> = [];
  for (const [n, source] of english) {
    if (source !== 'parenthetical') continue;
    const person = people.find((p) => sameName(p.name, n));
    if (person) person.count += counts.get(n) ?? 1;
    else people.push({ name: n, count: counts.get(n) ?? 1 });
  }
  people.sort((a, b) => b.count - a.count); // stable: among equals the first given stays first
  const dictionary = [...english].find(([, source]) => source === 'cedict')?.[0];
  const [top, next] = people;
  if (!top) return dictionary;
  if (!next || top.count >= 2 * next.count) return top.name;
  // Several people, none clearly the one: the name they share, else the dictionary's.
  const shared = bare.find((w) => people.every((p) => sameName(w, p.name)));
  return shared ?? dictionary ?? top.name;
}

function hasParentheticalNames(e: Evidence): string[] {
  return [...e.english].filter(([, s]) => s === 'parenthetical').map(([n]) => n);
}

/**
 * The parenthetical English names to keep for one Chinese key: not citations (given after more than
 * two different Chinese names), and consistent with the dictionary's name and with the most frequent
 * one (梅拉尼娅·特朗普's "Melania Trump" is not a name of 特朗普 "Donald Trump").
 */
function parentheticalEnglish(
  counts: Map<string, number>,
  primary: readonly string[],
  keysWith: (name: string) => number,
  bare: readonly string[] = [],
): string[] {
  const names = [...counts.entries()]
    .filter(([n]) => keysWith(n) <= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([n]) => n);
  const anchors = primary.length > 0 ? primary : names.slice(0, 1);
  // Another bearer of a name many bear counts when the corpus gives it twice or more (one
  // "库克（Tim Cook）" among many other Cooks names none of them).
  return names.filter(
    (n) =>
      anchors.some((a) => sameName(a, n)) || ((counts.get(n) ?? 0) >= 2 && bare.some((a) => sameName(a, n))),
  );
}

/** 李澄欣, 张慈: a common surname and one or two more characters, not a transliteration. */
function looksLikeChinesePersonalName(key: string): boolean {
  return (key.length === 2 || key.length === 3) && SURNAMES.has(key[0] as string) && !isTransliteration(key);
}

const PARTICLE_WORDS = new Set(['of', 'the', 'and', 'for', 'von', 'van', 'der', 'de', 'la', 'le', 'du']);

/** Two spellings of one name: same number of words or one a subset, each word close in spelling. */
export function sameName(a: string, b: string): boolean {
  const ta = normEnglish(a).split(' ');
  const tb = normEnglish(b).split(' ');
  if (ta.join(' ') === tb.join(' ')) return true;
  if (ta.length === 1 || tb.length === 1) {
    // A one-word name goes with a longer one when it is one of its words (Merkel) or its initials (WHO).
    const [one, many] = ta.length === 1 ? [ta[0] as string, tb] : [tb[0] as string, ta];
    if (many.length === 1) return false;
    const initials = many
      .filter((w) => !PARTICLE_WORDS.has(w))
      .map((w) => w[0])
      .join('');
    return many.includes(one) || one === initials;
  }
  const close = (x: string, y: string) => x === y || editRatio(x, y) <= 0.34;
  return (
    close(ta[ta.length - 1] as string, tb[tb.length - 1] as string) && close(ta[0] as string, tb[0] as string)
  );
}

/** A quoted term that names something: quoted in two articles, or not plain dictionary prose. */
/** Numerals, classifiers and deictics: 两种巨型 is a description, not a name. */
const QUANTITY_CHARS = new Set([...'一二两三四五六七八九十百千万几种些次项类样']);

/**
 * A quoted term that names something. Quoted in 3+ articles: yes. In 2: unless it is plain prose
 * (生日礼物 = two dictionary words). Once: a four-character coinage that is not dictionary words
 * (脫鉤斷鏈, 戒急用忍), or a term with a name in it that recurs inside other quotes (西伯利亚力量, also
 * quoted as 西伯利亚力量2号). Articles that quote it only in a passage repeated from another article
 * (`repeated`) count towards 3 only for a term that is no plain prose and no clause ending in a verb:
 * one caption repeated in 16 articles had made 戴好口罩 "wear masks" a topic, 5 copies 执行任务 "carry
 * out a mission", 3 拜登领先 "Biden leads"; 麦克马洪线 and 板门店宣言 stay.
 */
function quotedStandsOut(
  key: string,
  quotedArticles: number,
  quotedWithin: number,
  lexicon: Lexicon,
  repeated = 0,
): boolean {
  if (key.length < 2 || key.length > 8 || !/^[\u3400-\u9fff·]+$/.test(key)) return false;
  if ([...key].some((ch) => STOP_CHARS.has(ch) || QUANTITY_CHARS.has(ch) || PROSE_CHARS.has(ch)))
    return false;
  if (PROSE_START.test(key)) return false;
  if (lexicon.common.has(key)) return false;
  const segs = lexicon.segment(key);
  const singles = segs.filter((s) => s.type === 'char').length;
  const proper = segs.some((s) => s.type === 'proper');
  const allCommon = segs.every((s) => s.type === 'common');
  const last = segs[segs.length - 1];
  // A dictionary word and 地, an adverb: "有策略地" (strategically), "坚定地".
  const before = segs[segs.length - 2];
  if (last?.type === 'char' && key.endsWith('地') && before?.type === 'common') return false;
  if (quotedArticles >= 3) return key.length >= 3 || proper;
  // A name and a verb: a clause (拜登领先 "Biden leads"), no name.
  const clause =
    segs[0]?.type === 'proper' &&
    last?.type === 'common' &&
    lexicon.wordRole(key.slice(last.start, last.end), true) === 'verb';
  if (quotedArticles + repeated >= 2 && !allCommon && (key.length >= 3 || proper) && !clause) return true;
  if (quotedArticles >= 2) return !allCommon && (key.length >= 3 || proper);
  if (key.length === 4 && singles >= 2) return true;
  return proper && !allCommon && key.length >= 4 && quotedWithin >= 2;
}

/** Adverbs and particles of descriptive prose (踢得很痛, 纯属猜测, 带着良心). */
const PROSE_CHARS = new Set([...'得很太更最极挺真纯属着']);
/**
 * Negations, degree adverbs and verbs of feeling that open a quoted judgement, not a name: a
 * speaker's "不公平" (unfair), "非常失望" (very disappointed), "感到耻辱" (feel ashamed).
 */
const PROSE_START = /^(不|没有|没|非常|十分|相当|极为|感到|有失|富有)/;

function englishCompatible(a: Evidence, b: Evidence): boolean {
  if (a.english.size === 0 || b.english.size === 0) return true;
  const last = (e: Evidence) =>
    new Set([...e.english.keys()].map((n) => normEnglish(n).split(' ').pop() as string));
  const la = last(a);
  for (const x of last(b)) if (la.has(x)) return true;
  return false;
}

/**
 * Form counts with a double-surname name's occurrences taken out of its two surnames' (林郑 was
 * counted inside each 林郑月娥 too): the name an entity is called by is then the form written most
 * often on its own.
 */
function standaloneCounts(
  forms: ReadonlyMap<string, number>,
  doubleNames: ReadonlySet<string>,
): Map<string, number> {
  const alone = new Map(forms);
  for (const [form, n] of forms) {
    if (!doubleNames.has(foldKey(form))) continue;
    const head = form.slice(0, 2);
    const m = alone.get(head);
    if (m !== undefined) alone.set(head, Math.max(0, m - n));
  }
  return alone;
}

/**
 * Whether a 4-character span after a title, two surnames and two characters (see collectTitleNames),
 * is a name (林郑月娥): titled twice or more, nearly always whole where its first three characters
 * occur (not 许章润|被), and no word at either end: the first two characters as a common word
 * (祝贺|拜登; a name, 林郑, is fine), the last two (施潘|表示), a function character (贺卫方|就) or a
 * transliteration (马林诺夫).
 */
function isDoubleSurnameName(
  span: string,
  titled: number,
  count: number,
  headCount: number,
  lexicon: Lexicon,
): boolean {
  return (
    titled >= 2 &&
    count >= 0.7 * headCount &&
    ![...span].some((c) => STOP_CHARS.has(c)) &&
    !lexicon.common.has(span.slice(0, 2)) &&
    !lexicon.startsWord(span.slice(2)) &&
    !isTransliteration(span.slice(0, 3))
  );
}

/** Counts every (overlapping) occurrence of the trie's patterns in a folded text. */
function countAll(text: string, trie: PatternTrie, counts: Int32Array): void {
  const { nodes, first } = trie;
  for (let i = 0; i + 1 < text.length; i++) {
    if (first[text.charCodeAt(i)] === 0) continue;
    let state = trie.pair(text.charCodeAt(i), text.charCodeAt(i + 1));
    let j = i + 2;
    while (state !== 0) {
      const id = (nodes[state] as number) - 1;
      if (id >= 0) counts[id] = (counts[id] as number) + 1;
      if (j >= text.length) break;
      state = trie.child(state, text.charCodeAt(j));
      j++;
    }
  }
}

/**
 * How often each word opens and ends the English names the corpus gives in brackets after a name
 * written with "·" (保罗·马纳福特（Paul Manafort）): given names open them, surnames end them.
 */
function givenNameCounts(cands: CandidateSet): Map<string, { first: number; last: number }> {
  const counts = new Map<string, { first: number; last: number }>();
  const at = (w: string): { first: number; last: number } => {
    let c = counts.get(w);
    if (!c) {
      c = { first: 0, last: 0 };
      counts.set(w, c);
    }
    return c;
  };
  for (const c of cands.byKey.values()) {
    if (!c.key.includes('·')) continue;
    for (const [name, n] of c.englishCount) {
      const words = name.split(/\s+/);
      if (words.length < 2) continue;
      at(words[0] as string).first += n;
      at(words[words.length - 1] as string).last += n;
    }
  }
  return counts;
}

/**
 * A transliterated name's one-word English alias that the corpus mostly uses as a given name (Paul:
 * 19 names open with it, none ends with it) is dropped: on an English page it would mark every Paul
 * as 保罗. Twice at least and three times as often first as last; the entity keeps the name as its
 * English name, and its Chinese forms. An entity named so (保罗 "Paul", 戴维 "David") is a person's
 * name, not the place a bare dictionary gloss had made it.
 */
function dropGivenNames(entities: Entity[], counts: Map<string, { first: number; last: number }>): void {
  const given = (word: string) => {
    const c = counts.get(word);
    return c !== undefined && c.first >= 2 && c.first >= 3 * c.last;
  };
  for (const e of entities) {
    if (e.kind === 'topic' || !isTransliteration(toSimplified(e.name))) continue;
    e.aliases = e.aliases.filter((a) => !/^[A-Z][a-z]+$/.test(a.text) || !given(a.text));
    if (e.kind === 'place' && e.english !== undefined && given(e.english)) e.kind = 'person';
  }
}

/**
 * A language's or a nationality's one-word English name (德语 "German (language)", 美籍 "American (i.e.
 * of US nationality)") is no alias, whichever entity has it (西文 "Spanish"; Lexicon.isLanguageName):
 * on an English page the word is nearly always the adjective (the German government, American
 * troops, the Spanish flu). The entity keeps it as its English name. So is the adjective
 * of another of its one-word names (British beside Britain, Kurdish beside Kurd, Arabian beside Arab:
 * 不列颠 "Britain; British" had marked every "British officials").
 */
function dropLanguageAdjectives(entities: Entity[], lexicon: Lexicon): void {
  const oneWord = /^[A-Z][a-z]+$/;
  const adjectiveOf = (x: string, y: string): boolean => {
    const suffix = /(?:ish|ian|ese)$/.exec(x)?.[0];
    if (!suffix || x === y) return false;
    let k = 0;
    while (k < x.length && x[k] === y[k]) k++;
    return k >= 4 && !y.endsWith(x.slice(k));
  };
  for (const e of entities) {
    const names = [e.english ?? '', ...e.aliases.map((a) => a.text)].filter((n) => oneWord.test(n));
    const adjectives = new Set(names.filter((x) => names.some((y) => adjectiveOf(x, y))));
    e.aliases = e.aliases.filter((a) => !lexicon.isLanguageName(a.text) && !adjectives.has(a.text));
  }
}

/**
 * A person's name the corpus wrote without its spaces (科富德（JeppeKofod）, 维塔格（MargretheVestager）)
 * gets its spaced form too, as its English name and an alias, so that English pages match it and it
 * gets a short form.
 * People only (brands are written so: TikTok, ExxonMobil), once the corpus' cues have settled the kinds.
 */
function spaceGluedNames(entities: Entity[]): void {
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    if (e.english) e.english = unglued(e.english) ?? e.english;
    const have = new Set(e.aliases.map((a) => a.text));
    for (const a of [...e.aliases]) {
      if (a.source !== 'parenthetical' && a.source !== 'cedict') continue;
      const spaced = unglued(a.text);
      if (spaced && !have.has(spaced)) {
        e.aliases.push({ text: spaced, source: a.source });
        have.add(spaced);
      }
    }
  }
}

/** Words before a name that place its bearer in Hong Kong, Macau or Taiwan (folded). */
const HK_TW_CUE = /香港|港府|港区|港独|台湾|台北|澳门|民进党|国民党|立法会|立法院|泛民|民主派|众志/;
/** Words before a name that place its bearer on the mainland (folded). */
const MAINLAND_CUE = /中国|中方|北京|外交部|国务院|中共|国家|大陆|全国人大|发言人/;

/**
 * Pinyin is how the mainland writes names; Hong Kong and Taiwan write theirs otherwise (黄之锋 is
 * Joshua Wong, not "Huang Zhifeng"; 毛孟静 Claudia Mo; 严德发 Yen De-fa). A person the corpus places
 * there, by the ten characters before two of their mentions or more and twice as many as the
 * mainland's (台湾外交部长吴钊燮 counts for Taiwan only), loses the pinyin alias: a misreading, and on
 * an English page it made "Mao" Claudia Mo's as well as Mao Zedong's.
 */
function dropMisreadPinyin(
  entities: Entity[],
  byEntity: Record<string, MentionRef[]>,
  articles: readonly Article[],
): void {
  for (const e of entities) {
    if (!e.aliases.some((a) => a.source === 'pinyin')) continue;
    let hk = 0;
    let mainland = 0;
    for (const [ai, pi, start] of byEntity[e.id] ?? []) {
      const text = articles[ai]?.passages[pi]?.text ?? '';
      const before = fold(text.slice(Math.max(0, start - 10), start));
      if (HK_TW_CUE.test(before)) hk++;
      else if (MAINLAND_CUE.test(before)) mainland++;
    }
    if (hk >= 2 && hk >= 2 * mainland) e.aliases = e.aliases.filter((a) => a.source !== 'pinyin');
  }
}

/** A gloss that gives a Japanese or Korean family name alone: "Abe (Japanese surname)". */
const FAMILY_NAME_ONLY = /^[A-Z][\w'’-]* \((?:Japanese|Korean) surname\)$/;

/**
 * A Japanese or Korean family name that the dictionary gives alone (安倍 "Abe (Japanese surname)")
 * is the person the corpus names in full with it, where that is one person (or one the corpus names
 * five times as often as the others): Chinese news names Japan's prime minister 安倍 once introduced
 * as 安倍晋三 "Abe Shinzo", and the two had been two entities with two cards. The person's full name
 * starts with the family name and its English name has it as a word. The family name's forms become
 * the person's short forms, and its mentions theirs (`byEntity` and `articleSets` are updated).
 */
function mergeFamilyNames(
  entities: Entity[],
  byEntity: Record<string, MentionRef[]>,
  articleSets: Map<string, Set<number>>,
  lexicon: Lexicon,
): Entity[] {
  const merged = new Set<string>();
  const size = (e: Entity) => articleSets.get(e.id)?.size ?? 0;
  for (const family of entities) {
    if (family.kind !== 'person' || family.name.includes('·')) continue;
    const key = foldKey(family.name);
    const glosses = (lexicon.proper.get(key) ?? []).flatMap((e) => e.glosses);
    const word =
      glosses.length > 0 && glosses.every((g) => FAMILY_NAME_ONLY.test(g))
        ? glosses[0]?.split(' ')[0]
        : undefined;
    if (!word) continue;
    const bearers = entities
      .filter((e) => {
        if (e === family || e.kind !== 'person' || !foldKey(e.name).startsWith(key)) return false;
        const names = [e.english ?? '', ...e.aliases.map((a) => a.text)];
        return names.some((n) => n.split(/\s+/).some((w) => w.toLowerCase() === word.toLowerCase()));
      })
      .sort((a, b) => size(b) - size(a));
    const [top, ...rest] = bearers;
    if (!top || size(top) < 5 * rest.reduce((n, e) => n + size(e), 0)) continue;
    const have = new Set(top.aliases.map((a) => a.text));
    for (const text of [family.name, ...family.aliases.map((a) => a.text)]) {
      if (!/[\u3400-\u9fff]/.test(text) || have.has(text)) continue;
      have.add(text);
      top.aliases.push({ text, source: 'short-form' });
    }
    const refs = [...(byEntity[top.id] ?? []), ...(byEntity[family.id] ?? [])];
    refs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    byEntity[top.id] = refs;
    delete byEntity[family.id];
    const arts = articleSets.get(top.id) ?? new Set<number>();
    for (const ai of articleSets.get(family.id) ?? []) arts.add(ai);
    articleSets.set(top.id, arts);
    merged.add(family.id);
  }
  return merged.size > 0 ? entities.filter((e) => !merged.has(e.id)) : entities;
}

/**
 * A person's dictionary aliases that are a namesake's full name from the same gloss: 克林顿 "Clinton
 * (name); Bill Clinton …; Hillary Rodham Clinton …" is the corpus' Bill Clinton, and "Hillary Clinton"
 * on an English page is not him. Dropped: a Latin name from the dictionary with the surname of the
 * entity's English name and another first word (not another spelling of it, Sergey for Sergei, nor
 * a title, Baroness Thatcher), where the corpus' brackets gave that English name (without them the
 * English name is the dictionary's first guess: 特鲁多 "Pierre Trudeau", while the corpus writes about
 * Justin).
 */
function dropNamesakes(entities: Entity[]): void {
  for (const e of entities) {
    const own = e.english?.split(/\s+/) ?? [];
    if (e.kind !== 'person' || own.length < 2) continue;
    if (!e.aliases.some((a) => a.source === 'parenthetical' && a.text === e.english)) continue;
    const [first, last] = [own[0] as string, own[own.length - 1] as string];
    e.aliases = e.aliases.filter((a) => {
      if (a.source !== 'cedict') return true;
      const words = a.text.split(/\s+/);
      return (
        words.length < 2 ||
        words[words.length - 1] !== last ||
        editRatio((words[0] as string).toLowerCase(), first.toLowerCase()) <= 0.34 ||
        NAME_TITLES.has(words[0] as string)
      );
    });
  }
}

/**
 * The Han forms of English given names (Donald → 唐纳德, Joe → 乔), for addGivenNameForms: from
 * CC-CEDICT's bare names ("Donald (name)") and from the corpus' brackets after names written with "·"
 * (乔·拜登（Joe Biden）: 乔 is Joe).
 */
function givenNameForms(cands: CandidateSet, lexicon: Lexicon): Map<string, Set<string>> {
  // How often each (English, Han) pair is met; a dictionary pair counts as two.
  const pairs = new Map<string, Map<string, number>>();
  const pair = (english: string, han: string, n: number) => {
    if (!/^[A-Z][a-z]+$/.test(english) || ![...han].every((ch) => TRANSLIT.has(ch))) return;
    const counts = pairs.get(han) ?? pairs.set(han, new Map()).get(han);
    counts?.set(english, (counts.get(english) ?? 0) + n);
  };
  for (const [key, names] of lexicon.bareNames()) for (const name of names) pair(name, key, 2);
  for (const c of cands.byKey.values()) {
    const parts = c.key.split('·');
    if (parts.length !== 2) continue;
    for (const [name, n] of c.englishCount) {
      const words = name.split(/\s+/);
      if (words.length === 2) pair(words[0] as string, parts[0] as string, n);
    }
  }
  // Each Han form goes to the English name it is paired with most often, twice at least: a bracket
  // that names someone else (米夏尔 before a "Michael …" once) makes no pair.
  const hanOf = new Map<string, Set<string>>();
  for (const [han, counts] of pairs) {
    const most = Math.max(...counts.values());
    if (most < 2) continue;
    for (const [english, n] of counts)
      if (n === most) (hanOf.get(english) ?? hanOf.set(english, new Set()).get(english))?.add(han);
  }
  return hanOf;
}

/**
 * 唐纳德·特朗普 and 乔·拜登 for 特朗普 "Donald Trump" and 拜登 "Joe Biden": a transliterated person's name
 * written whole, with a Han form of its English given name (givenNameForms) and a "·", where the
 * corpus wrote only the surname or never in brackets. Pages write the whole name, and the detector
 * takes a person's name after another given name and a "·" for someone else's (伊万卡·特朗普 is
 * Ivanka, not Donald), so without these forms the whole name would go unmarked.
 */
function addGivenNameForms(entities: Entity[], hanOf: ReadonlyMap<string, ReadonlySet<string>>): void {
  const taken = new Set<string>();
  for (const e of entities)
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) taken.add(foldKey(text));
  for (const e of entities) {
    if (e.kind !== 'person' || e.name.includes('·') || !isTransliteration(toSimplified(e.name), 1)) continue;
    // Not a name written surname first (金正恩 "Kim Jong-un"): its first word is no given name.
    const romanised = romanizeChineseName(toSimplified(e.name));
    const latin = e.aliases.filter(
      (a) => (a.source === 'parenthetical' || a.source === 'cedict') && /^[A-Z]/.test(a.text),
    );
    if (latin.some((a) => surnameFirst(a.text, romanised))) continue;
    // The given names of the entity's own English name: of its Latin names, those with its surname
    // (a dictionary gloss may name a namesake too, see dropNamesakes).
    const own = e.english?.split(/\s+/) ?? [];
    if (own.length < 2) continue;
    const given = new Set<string>();
    for (const text of [e.english as string, ...latin.map((a) => a.text)]) {
      const words = text.split(/\s+/);
      if (
        words.length >= 2 &&
        words[words.length - 1] === own[own.length - 1] &&
        !NAME_TITLES.has(words[0] as string)
      )
        given.add(words[0] as string);
    }
    for (const name of given) {
      for (const han of hanOf.get(name) ?? []) {
        const form = `${han}·${toSimplified(e.name)}`;
        if (taken.has(foldKey(form))) continue;
        taken.add(foldKey(form));
        e.aliases.push({ text: form, source: 'given-name' });
      }
    }
  }
}

/**
 * Names the corpus shows are no Chinese ones, though written in Han characters that could be (see
 * collectTitleNames' `foreign` and collectDottedNames' `neighbours`): half or more of their titled occurrences
 * follow a state whose names are read otherwise (日本首相菅义伟), or they stand beside a "·" (林赛·米尔斯,
 * 安吉丽娜·朱莉). Pinyin would misread them.
 */
function foreignNames(
  titleSpans: ReadonlyMap<string, number>,
  foreignTitles: ReadonlyMap<string, number>,
  dotNeighbours: ReadonlySet<string>,
): Set<string> {
  const titled = new Map<string, number>();
  for (const [span, n] of titleSpans)
    for (const key of new Set([span, span.slice(0, 2)])) titled.set(key, (titled.get(key) ?? 0) + n);
  const out = new Set(dotNeighbours);
  for (const [key, n] of foreignTitles) if (2 * n >= (titled.get(key) ?? 0)) out.add(key);
  return out;
}

/**
 * Whether a person's English name puts the surname first, as Chinese, Korean and Japanese names do:
 * its two words read as the pinyin of the Han name (Xi Jinping, Mao Zedong), or its given name is
 * hyphenated (Tsai Ing-wen, Lee Teng-hui, Kim Jong-un).
 */
function surnameFirst(english: string, romanised: string | undefined): boolean {
  const words = english.split(/\s+/);
  if (words.length !== 2) return false;
  const squash = (s: string) => s.toLowerCase().replace(/[\s'’-]/g, '');
  return (
    (romanised !== undefined && squash(english) === squash(romanised)) ||
    /^[A-Z][a-z]+-[a-z]+$/.test(words[1] as string)
  );
}

/**
 * From this many articles on, a person named surname first may have the surname alone as a short
 * form (Xi, Tsai, Deng). A Chinese surname is shared by millions, so a corpus that names one Zhao
 * and no other is no evidence that a page's Zhao is theirs, unless the corpus names them all the
 * time; the detector takes a bare name for a person from the same count on (PROMINENT there).
 */
const SURNAME_ALONE = 20;

/**
 * "Lavrov" for "Sergei Lavrov", 阿登纳 for 康拉德·阿登纳: the last word of a Western person's name, where
 * it points to one entity, and the corpus does not show it more often as another's (see
 * othersSurnames). Of a name written surname first (Xi Jinping), the first word, for one the corpus
 * names in SURNAME_ALONE articles or more; its given name ("Jinping") is never one.
 */
function addShortForms(entities: Entity[], lexicon: Lexicon, articles: readonly Article[]): void {
  const shared = othersSurnames(entities, articles);
  const owners = new Map<string, Set<string>>();
  /** "surname\0entity id" of the owners whose claim is a surname written first. */
  const first = new Set<string>();
  const taken = new Set<string>();
  for (const e of entities) {
    taken.add(foldKey(e.name));
    for (const a of e.aliases) taken.add(foldKey(a.text));
  }
  // Not an everyday word (Black of Kodak Black, Will of George Will, Line of McMahon Line, He of He
  // Jinli): capitalised in headlines and at sentence starts, it would mark "Black Friday" and "Will
  // it rain?".
  const claim = (word: string, id: string): boolean => {
    if (word.length < 2 || !/^[A-Z][a-z]+$/.test(word) || lexicon.isEverydayEnglish(word)) return false;
    (owners.get(word) ?? owners.set(word, new Set()).get(word))?.add(id);
    return true;
  };
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const simplified = toSimplified(e.name);
    const western = isTransliteration(simplified, 1);
    const romanised = romanizeChineseName(simplified);
    for (const a of e.aliases) {
      if (a.source !== 'parenthetical' && a.source !== 'cedict' && a.source !== 'pinyin') continue;
      const words = a.text.split(/\s+/);
      if (words.length < 2) continue;
      if (surnameFirst(a.text, romanised)) {
        if (claim(words[0] as string, e.id)) first.add(`${words[0]}\u0000${e.id}`);
        continue;
      }
      if (!western || a.source === 'pinyin') continue;
      const last = words[words.length - 1] as string;
      if (last.length >= 3) claim(last, e.id);
    }
  }
  // The same in Chinese: 阿登纳 for 康拉德·阿登纳 (news name a foreigner by the surname once introduced).
  // Keyed folded, so both scripts' forms of the name count once; the alias is written as the entity's
  // own (Simplified) name writes it.
  const hanForms = new Map<string, string>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
      const parts = text.split('·');
      const last = parts[parts.length - 1] as string;
      // Three characters at least: a two-character one (塞拉, 马林) is often part of a longer
      // transliteration that no dictionary knows, where the matcher's boundary check cannot see it.
      if (parts.length < 2 || last.length < 3 || !/^[\u3400-\u9fff]+$/.test(last)) continue;
      const key = foldKey(last);
      if (!isTransliteration(key)) continue;
      if (!hanForms.has(key) || text === e.name) hanForms.set(key, last);
      (owners.get(key) ?? owners.set(key, new Set()).get(key))?.add(e.id);
    }
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const [key, ids] of [...owners].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const last = hanForms.get(key) ?? key;
    if (taken.has(foldKey(last))) continue;
    // One owner, or one that the corpus names far more often than all the others together
    // (Trump: Donald, not Melania or Ivanka).
    const ranked = [...ids]
      .map((id) => byId.get(id) as Entity)
      .sort((a, b) => b.articleCount - a.articleCount);
    const [top, ...rest] = ranked;
    const others = rest.reduce((n, e) => n + e.articleCount, 0);
    // Not to one whose surname the corpus shows as others' (they still count as its owners above).
    if (top && (hanForms.has(key) ? shared.han : shared.latin).has(top.id)) continue;
    if (top && first.has(`${key}\u0000${top.id}`) && top.articleCount < SURNAME_ALONE) continue;
    // Nor to one the corpus only writes whole, without any English name (丽塔·威尔逊, of a gallery
    // caption repeated in 16 articles): nothing says which Wilson a bare 威尔逊 is.
    if (top && hanForms.has(key) && !top.english) continue;
    if (top && (rest.length === 0 || top.articleCount >= 5 * others))
      top.aliases.push({ text: last, source: 'short-form' });
  }
}
