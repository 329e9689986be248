// Names in English articles. The extractor's other sources read Chinese (brackets, titles, quotes,
// dictionary proper nouns written in Han characters), so a corpus of English articles gave no entity
// at all. An English article names things in Latin letters, and two sources read them:
// - dictionary names (dictionaryNameHits): a run of capitalised words that gives, whole or in part, a
//   CC-CEDICT proper noun's English name ("Saudi Arabia" → 沙特阿拉伯). The noun counts as met
//   in that article, as if written in Han characters, so it becomes an entity with its Chinese forms:
//   an English article makes its names known on Chinese pages too.
// - titled people (TitledPeople): a full name that the same article also writes as a title and the
//   last word ("Brad Raffensperger" … "Mr Raffensperger"), as English news names a person once
//   introduced. The dictionary knows few such people; the article's own usage shows who is one.
import { foldKey } from '../text/fold.ts';
import { romanises } from './aliases.ts';
import type { Lexicon } from './lexicon.ts';
import { kindFromGloss, normEnglish } from './lexicon.ts';
import type { Entity, EntityKind } from './types.ts';

/** One capitalised word of a run: [start, end) in the passage text. */
interface Word {
  text: string;
  start: number;
  end: number;
}

/** Lower-case words that join the capitalised words of one name (Muhammad bin Salman, Bank of England). */
const JOINERS = new Set([
  'al',
  'bin',
  'bint',
  'ibn',
  'de',
  'del',
  'della',
  'di',
  'da',
  'van',
  'von',
  'der',
  'of',
]);
/**
 * A capitalised word (al-Hathloul: a particle glued on by a hyphen counts as capitalised), or a
 * lower-case word.
 */
const WORD = /\p{Ll}{1,3}-\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}[\p{L}\p{M}'’.-]*|\p{Ll}+/gu;
/** A surname without the particle glued on: al-Hathloul is "Ms Hathloul". */
const surnameOf = (word: string): string => word.replace(/^\p{Ll}{1,3}-/u, '');
/**
 * Titles before a person's surname in English news ("Mr Trump", "Ms Hathloul", "President Biden").
 * Titles of rank that open a full name (King, Pope) are NAME_TITLES' (src/entities/aliases.ts).
 */
const PERSON_TITLES = new Set(
  'Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Dame Lord Lady President Vice-President Senator Governor Judge Justice General Rev Prince Princess King Queen Pope Minister Chancellor Secretary Speaker'.split(
    ' ',
  ),
);
const isTitle = (word: string): boolean => PERSON_TITLES.has(word);
/** A gloss that gives a word as people's name: "Hassan or Hasan (personal name or place name)". */
const PERSONS_NAME = /^[^;]*\((?:[^)]*\s)?name\b[^)]*\)/;
/** A people, not a name: "Korean (person)", "Russian ethnic group …", "… nationality". */
const PEOPLE = /^[^;]*(?:\(person\)|\bethnic group\b|\bnationality\b)/;
/** Words that end a sentence's first word's claim to a capital: . ! ? : and quotes or dashes before it. */
const SENTENCE_END = /(?:^|[.!?:;"“”‘(—–-])\s*$/;

/**
 * The runs of capitalised words in a text, joiners allowed inside (never first or last): "Saudi
 * Arabia", "Muhammad bin Salman", "Bank of England". `sentenceStart`: the run's first word opens a
 * sentence, so its capital says nothing.
 */
export function capitalisedRuns(text: string): Array<{ words: Word[]; sentenceStart: boolean }> {
  const runs: Array<{ words: Word[]; sentenceStart: boolean }> = [];
  let run: Word[] = [];
  const flush = () => {
    while (run.length > 0 && JOINERS.has((run[run.length - 1] as Word).text)) run.pop();
    if (run.length > 0) {
      const first = run[0] as Word;
      runs.push({ words: run, sentenceStart: SENTENCE_END.test(text.slice(0, first.start)) });
    }
    run = [];
  };
  for (const m of text.matchAll(WORD)) {
    const start = m.index as number;
    let word = m[0];
    // A possessive or a trailing full stop ends the word, and an apostrophe-s ends the run.
    const possessive = /['’]s$/.test(word);
    if (possessive) word = word.slice(0, -2);
    const dot = word.endsWith('.') && !isTitle(word);
    if (dot) word = word.slice(0, -1);
    const gap = run.length > 0 ? text.slice((run[run.length - 1] as Word).end, start) : ' ';
    const lower = !/^\p{Lu}|^\p{Ll}{1,3}-\p{Lu}/u.test(word);
    if (run.length > 0 && !/^[ \u00a0]+$/.test(gap)) flush();
    if (lower && (run.length === 0 || !JOINERS.has(word))) {
      flush();
      continue;
    }
    if (word) run.push({ text: word, start, end: start + word.length });
    if (possessive || dot) flush();
  }
  flush();
  return runs;
}

/** A dictionary name met in an English text: the Han keys it names, and where. */
export interface DictionaryNameHit {
  keys: string[];
  name: string;
  start: number;
  end: number;
  /**
   * A person's name in pinyin (Chen Yi, 陈毅): millions share such names, so one article's "Chen Yi"
   * is no evidence of the dictionary's (see extractEntities: two articles at least).
   */
  pinyinPerson: boolean;
}

const kindCache = new WeakMap<Lexicon, Map<string, EntityKind | undefined>>();
const laterCache = new WeakMap<Lexicon, Map<string, Set<string>>>();

/** Normalised English name → the proper nouns that give it in any sense but not first. */
function laterNames(lexicon: Lexicon): Map<string, Set<string>> {
  let map = laterCache.get(lexicon);
  if (!map) {
    map = new Map();
    for (const [key, list] of lexicon.proper) {
      if (key.length < 2) continue;
      const first = new Set(lexicon.englishOf(list, true).map(normEnglish));
      for (const name of lexicon.englishOf(list)) {
        const n = normEnglish(name);
        if (first.has(n)) continue;
        (map.get(n) ?? map.set(n, new Set()).get(n))?.add(key);
      }
    }
    laterCache.set(lexicon, map);
  }
  return map;
}

/** What the dictionary's gloss says a key names (kindFromGloss), once per key. */
function glossKind(key: string, lexicon: Lexicon): EntityKind | undefined {
  let cache = kindCache.get(lexicon);
  if (!cache) {
    cache = new Map();
    kindCache.set(lexicon, cache);
  }
  if (!cache.has(key)) cache.set(key, kindFromGloss(lexicon.glossText(key)));
  return cache.get(key);
}

/**
 * Whether a key may be met as a part of a longer run of capitals: a place or a body the dictionary
 * says it is ("Beijing" in "Beijing Olympics Committee"), never a person's name nor a bare one
 * ("Charles" in "Charles Falco": "Charles" names no one in particular).
 */
function modifier(key: string, lexicon: Lexicon): boolean {
  return glossKind(key, lexicon) !== undefined && !personal(key, lexicon);
}

/** A person or a name people bear: not to be taken from one word ("Putin", "Hassan"). */
function personal(key: string, lexicon: Lexicon): boolean {
  return glossKind(key, lexicon) === 'person' || PERSONS_NAME.test(lexicon.glossText(key));
}

/**
 * Where the name in a run of capitalised words starts: after a title ("President Joe Biden",
 * "December Mr Trump") or an everyday word that opens a sentence ("But Mitch McConnell").
 */
function nameStart(words: readonly Word[], sentenceStart: boolean, lexicon: Lexicon): number {
  let i = 0;
  for (let k = 0; k < words.length - 1; k++) if (isTitle((words[k] as Word).text)) i = k + 1;
  if (i === 0 && sentenceStart && words.length > 1 && lexicon.isEverydayEnglish((words[0] as Word).text))
    i = 1;
  // "The Hague", "The Economist": the article is no part of the name.
  if (i === 0 && words.length > 1 && (words[0] as Word).text === 'The') i = 1;
  return i;
}

/**
 * The dictionary names in an English text (see the header): in each run of capitalised words, the
 * longest part from the left that is a proper noun's first English name, then on after it. The
 * keys are the dictionary's best forms of the name (沙特阿拉伯 for "Saudi Arabia", not the Taiwan
 * form; see Lexicon.standing), or a noun that gives it in a later sense and stands better still
 * (Britain: 英国). A person needs the run's whole name ("Joe Biden"; "Mr Biden" gives none): a word
 * alone or a part of a run is a name of many people (John, Johnson in "Boris Johnson"). Nor do a
 * given name, an everyday word, a language or a people, nor a sentence's first word alone ("May",
 * "German", "Korean (person)").
 */
export function dictionaryNameHits(
  text: string,
  lexicon: Lexicon,
  usable: (key: string) => boolean,
): DictionaryNameHit[] {
  const hits: DictionaryNameHit[] = [];
  for (const { words, sentenceStart } of capitalisedRuns(text)) {
    const from = nameStart(words, sentenceStart, lexicon);
    let i = from;
    while (i < words.length) {
      let found: DictionaryNameHit | undefined;
      let used = 1;
      for (let j = Math.min(words.length, i + 6); j > i && !found; j--) {
        const first = words[i] as Word;
        const last = words[j - 1] as Word;
        if (JOINERS.has(first.text) || JOINERS.has(last.text)) continue;
        const name = text.slice(first.start, last.end);
        const one = j - i === 1;
        if (one && (lexicon.isEverydayEnglish(name) || lexicon.isLanguageName(name) || name.length < 2))
          continue;
        if (one && i === 0 && sentenceStart && words.length === 1) continue;
        if (one && lexicon.isPersonalName(name)) continue;
        // A name alone in its run, or in its part of it: "of" joins two names as often as it makes
        // one ("Joe Manchin of West Virginia", "University of Geneva").
        const alone =
          (i === from || (words[i - 1] as Word).text === 'of') &&
          (j === words.length || (words[j] as Word).text === 'of');
        const whole = alone && !one;
        const n = normEnglish(name);
        const keys = [...(lexicon.byEnglish.get(n) ?? [])].filter(
          (key) =>
            usable(key) &&
            !lexicon.isLabelled(key) &&
            !lexicon.isBareName(key) &&
            !PEOPLE.test(lexicon.glossText(key)) &&
            (whole || (alone ? !personal(key, lexicon) : modifier(key, lexicon))),
        );
        // Things of different kinds under one name are different things ("Xinhua": the news agency
        // 新华, the county 新化县), and so are things the dictionary says are different ("Georgia": the
        // US state 佐治亚, the country 格鲁吉亚): the name alone does not say which.
        const kinds = new Set(keys.map((k) => glossKind(k, lexicon)).filter((k) => k !== undefined));
        const named = [...(lexicon.byEnglish.get(n) ?? [])].filter(
          (k) => usable(k) && !lexicon.isLabelled(k),
        );
        const different = named.some((a, x) => named.some((b, y) => y > x && lexicon.differentThings(a, b)));
        if (keys.length > 0 && kinds.size <= 1 && !different) {
          // The dictionary's best forms only (美国, not 米国, for "United States"): the others come in
          // as their variants. A noun that gives the name in a later sense takes it when it stands
          // better than all that give it first (英国 "United Kingdom (UK); Britain" is the Britain of
          // the news, not 不列颠, the island; 东土 "the East; China" is no China).
          let best = Math.min(...keys.map((k) => lexicon.standing(k)));
          const kind = [...kinds][0];
          const rival = [...(laterNames(lexicon).get(n) ?? [])]
            .filter((k) => {
              const other = glossKind(k, lexicon);
              return (
                usable(k) &&
                !lexicon.isLabelled(k) &&
                (other === undefined || kind === undefined || other === kind)
              );
            })
            .sort((a, b) => lexicon.standing(a) - lexicon.standing(b))[0];
          if (rival !== undefined && lexicon.standing(rival) < best) {
            keys.splice(0, keys.length, rival);
            best = lexicon.standing(rival);
          }
          const chosen = keys.filter((k) => lexicon.standing(k) === best).sort();
          found = {
            keys: chosen,
            name,
            start: first.start,
            end: last.end,
            pinyinPerson: chosen.some((k) => glossKind(k, lexicon) === 'person' && romanises(name, k)),
          };
          used = j - i;
        }
      }
      if (found) hits.push(found);
      i += used;
    }
  }
  return hits;
}

/** What one article says of the people it titles (see TitledPeople). */
interface ArticleNames {
  /** Full names (two capitalised words or more, the last a surname) → occurrences. */
  full: Map<string, number>;
  /** Surnames written after a title. */
  titled: Set<string>;
}

/**
 * The people of English articles, known by their titled surnames (see the header): per article, the
 * full names whose last word the article also writes after a title.
 */
export class TitledPeople {
  private readonly byArticle = new Map<string, ArticleNames>();

  /** Reads one passage of an English article. */
  add(articleId: string, text: string, lexicon: Lexicon): void {
    let names = this.byArticle.get(articleId);
    if (!names) {
      names = { full: new Map(), titled: new Set() };
      this.byArticle.set(articleId, names);
    }
    for (const { words, sentenceStart } of capitalisedRuns(text)) {
      const i = nameStart(words, sentenceStart, lexicon);
      const titled = i > 0 && isTitle((words[i - 1] as Word).text);
      const rest = words.slice(i);
      if (rest.length === 0) continue;
      const last = rest[rest.length - 1] as Word;
      if (titled && rest.length === 1) names.titled.add(surnameOf(last.text));
      if (rest.length >= 2 && rest.length <= 4 && !rest.some((w) => /^\p{Lu}{2,}$/u.test(w.text))) {
        const full = text.slice((rest[0] as Word).start, last.end);
        names.full.set(full, (names.full.get(full) ?? 0) + 1);
      }
    }
  }

  /**
   * Person entities: each full name that an article also calls by a title and its last word, written
   * whole twice or more in all; not a name an entity has already (`taken`, folded). The surname
   * becomes a short form where one such person has it.
   */
  entities(taken: ReadonlySet<string>, lexicon: Lexicon): Entity[] {
    // The full names some article titles, then every article's occurrences of them.
    const titledSomewhere = new Set<string>();
    for (const { full, titled } of this.byArticle.values()) {
      for (const name of full.keys()) {
        const words = name.split(/\s+/);
        if (titled.has(surnameOf(words[words.length - 1] as string)) && !JOINERS.has(words[0] as string))
          titledSomewhere.add(name);
      }
    }
    const counts = new Map<string, number>();
    for (const { full } of this.byArticle.values()) {
      for (const [name, n] of full)
        if (titledSomewhere.has(name)) counts.set(name, (counts.get(name) ?? 0) + n);
    }
    const bySurname = new Map<string, string[]>();
    const out: Entity[] = [];
    for (const [name, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (taken.has(foldKey(name)) || count < 2) continue;
      const words = name.split(/\s+/);
      const surname = surnameOf(words[words.length - 1] as string);
      (bySurname.get(surname) ?? bySurname.set(surname, []).get(surname))?.push(name);
      out.push({
        id: `e:${name}`,
        name,
        kind: 'person',
        aliases: [{ text: name, source: 'corpus' }],
        articleCount: 0,
        english: name,
        sources: ['corpus'],
      });
    }
    for (const e of out) {
      const words = e.name.split(/\s+/);
      const surname = surnameOf(words[words.length - 1] as string);
      if (
        bySurname.get(surname)?.length === 1 &&
        surname.length >= 3 &&
        !taken.has(foldKey(surname)) &&
        !lexicon.isEverydayEnglish(surname)
      )
        e.aliases.push({ text: surname, source: 'short-form' });
    }
    return out;
  }
}
