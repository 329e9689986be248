// What CC-CEDICT tells the extractor (build time only): which folded forms are proper nouns and
// which are also common words (generic: 和平, 城市, 友谊), English names from glosses (incl. "aka"
// forms and "see X" redirects), the kind a gloss suggests, forms sharing an English name (cross-strait
// variants such as 普京/普丁), and a minimum-word segmenter used to find the left edge of a name.

import { PatternTrie } from '../match/trie.ts';
import { foldKey } from '../text/fold.ts';
import { type CedictEntry, loadCedict } from './cedict.ts';
import type { EntityKind } from './types.ts';

export interface Segment {
  start: number;
  end: number;
  /** 'proper': a CEDICT proper noun; 'common': a CEDICT common word; 'char': a single character. */
  type: 'proper' | 'common' | 'char';
}

export class Lexicon {
  /** Folded key → proper-noun entries. */
  readonly proper = new Map<string, CedictEntry[]>();
  /** Folded keys that are also (or only) common words. */
  readonly common = new Set<string>();
  /** Normalised English name → folded keys of the proper nouns glossed with it. */
  readonly byEnglish = new Map<string, Set<string>>();
  /** Every folded word of 2+ characters (for segmentation and the matcher's boundary check). */
  readonly words: string[] = [];
  private readonly wordTrie: PatternTrie;
  private readonly wordProper: Uint8Array;
  private readonly entryByKey = new Map<string, CedictEntry[]>();

  constructor() {
    const { entries } = loadCedict();
    const seen = new Map<string, number>();
    const properFlags: number[] = [];
    for (const e of entries) {
      const key = foldKey(e.simplified);
      if (!/^[\u3400-\u9fff·]+$/.test(key)) continue;
      const list = this.entryByKey.get(key);
      if (list) list.push(e);
      else this.entryByKey.set(key, [e]);
      if (e.proper && !isSurnameOnly(e) && !isCalendar(e)) {
        const p = this.proper.get(key);
        if (p) p.push(e);
        else this.proper.set(key, [e]);
      } else if (!e.proper || isCalendar(e)) this.common.add(key);
      if (key.length >= 2) {
        const at = seen.get(key);
        if (at === undefined) {
          seen.set(key, this.words.length);
          this.words.push(key);
          properFlags.push(e.proper ? 1 : 0);
        } else if (!e.proper) properFlags[at] = 0;
      }
    }
    this.wordTrie = PatternTrie.build(this.words);
    this.wordProper = Uint8Array.from(properFlags);
    for (const [key, list] of this.proper) {
      if (key.length < 2) continue;
      for (const name of this.englishOf(list, true)) {
        const n = normEnglish(name);
        const set = this.byEnglish.get(n);
        if (set) set.add(key);
        else this.byEnglish.set(n, new Set([key]));
      }
    }
  }

  /** Every sense of every entry, proper nouns and common words alike. */
  private *allGlosses(): IterableIterator<string> {
    for (const list of this.entryByKey.values()) for (const e of list) yield* e.glosses;
  }

  /** Every word whose first sense gives only a name, with those names (唐纳德: "Donald (name)"). */
  *bareNames(): IterableIterator<[string, string[]]> {
    for (const [key, list] of this.entryByKey) {
      const names = bareNameWords(list);
      if (names.length > 0) yield [key, names];
    }
  }

  /** English names given by these entries' glosses, following "see X" redirects once. */
  englishOf(list: readonly CedictEntry[], primaryOnly = false): string[] {
    const out: string[] = [];
    for (const e of list) {
      if (!e.proper) continue;
      // An ambiguous word (see sameWordThing) is named by itself alone, not by its bearers' names.
      const thing = sameWordThing(e.glosses);
      if (thing) {
        out.push(thing);
        continue;
      }
      for (const g of e.glosses) {
        const see = REDIRECT.exec(g);
        const names: string[] = [];
        if (see) {
          const target = this.entryByKey.get(foldKey(see[2] ?? (see[1] as string)));
          for (const t of target ?? []) {
            if (!t.proper) continue;
            for (const tg of t.glosses) {
              names.push(...namesInGloss(tg));
              if (primaryOnly && names.length > 0) break;
            }
          }
        } else names.push(...namesInGloss(g));
        out.push(...names);
        if (primaryOnly && names.length > 0) break;
      }
    }
    return [...new Set(out)];
  }

  /**
   * The senses of a dictionary name that redirect ("see 德州市", "abbr. for 德克萨斯州"): each one's
   * target (folded) and the English names the target's glosses give. Empty unless every sense of
   * every entry redirects.
   */
  redirects(key: string): Array<{ target: string; names: string[] }> {
    const out: Array<{ target: string; names: string[] }> = [];
    for (const e of this.proper.get(key) ?? []) {
      for (const g of e.glosses) {
        const see = REDIRECT.exec(g);
        if (!see) return [];
        const target = foldKey(see[2] ?? (see[1] as string));
        const names: string[] = [];
        // The target as written, else without its 州, 市, 县 or 省 (德克萨斯州 → 德克萨斯 "Texas").
        for (const k of [target, target.replace(/[州市县省]$/, '')]) {
          for (const t of this.entryByKey.get(k) ?? []) {
            if (t.proper) for (const tg of t.glosses) names.push(...namesInGloss(tg));
          }
          if (names.length > 0) break;
        }
        out.push({ target, names: [...new Set(names)] });
      }
    }
    return out;
  }

  /** All gloss text for a key (redirects followed), for kind hints. */
  glossText(key: string): string {
    const list = this.proper.get(key) ?? this.entryByKey.get(key) ?? [];
    const parts: string[] = [];
    for (const e of list) {
      for (const g of e.glosses) {
        parts.push(g);
        const see = REDIRECT.exec(g);
        const target = see ? this.entryByKey.get(foldKey(see[2] ?? (see[1] as string))) : undefined;
        if (target) for (const t of target) parts.push(...t.glosses);
      }
    }
    return parts.join('; ');
  }

  private personal?: Set<string>;

  /**
   * Whether the dictionary gives `english` as a person's name ("Felix (name)", "Klein or Kline
   * (name)", "Werther, German masculine given name") and nowhere as a place's: a sense "Berkeley,
   * university city …" or "Brittany, area in the north-west of France" keeps Berkeley and Brittany
   * places.
   * Surnames ("Li (surname)") are left out.
   */
  isPersonalName(english: string): boolean {
    if (!this.personal) {
      const names = new Set<string>();
      const places = new Set<string>();
      for (const g of this.allGlosses()) {
        const named = PERSONAL_NAME_SENSE.exec(g)?.[1] ?? GIVEN_NAME_SENSE.exec(g)?.[1];
        if (named) {
          for (const n of named.split(/,| or /)) names.add(n.trim());
        } else if (PLACE.test(g) || /\barea\b/.test(g)) {
          places.add((g.replace(USAGE_LABELS, '').split(/[,;(]/)[0] ?? '').trim());
        }
      }
      for (const p of places) names.delete(p);
      this.personal = names;
    }
    return this.personal.has(english);
  }

  /** A dictionary name that names no one in particular: every sense is "William or Wilhelm (name)". */
  isBareName(key: string): boolean {
    const list = this.entryByKey.get(key) ?? [];
    return (
      list.length > 0 &&
      list.every((e) =>
        e.glosses.every(
          (g) =>
            /\((?:(?:male|female|given|person(?:al)?) )?(?:sur)?name\)\s*$/.test(g) ||
            /^\((?:(?:male|female|given|person(?:al)?) )?(?:sur)?name\) [A-Z][a-z]+$/.test(g),
        ),
      )
    );
  }

  /**
   * What a common word does in a sentence, as far as its glosses say: 'link' for a preposition or
   * conjunction (根据 "according to", 虽然 "although", 为了 "in order to"), 'verb' for a word with a
   * verb sense (批评 "to criticize", 管理 "…; to manage"), else undefined (nouns: 药品, 政策). With
   * `firstSense`, a verb only where its first sense is one (领先 "to lead", not 运动 "movement; … to
   * exercise").
   */
  wordRole(key: string, firstSense = false): 'link' | 'verb' | undefined {
    const list = (this.entryByKey.get(key) ?? []).filter((e) => !e.proper);
    if (list.some((e) => LINK_GLOSS.test(e.glosses[0] ?? ''))) return 'link';
    const senses = (e: CedictEntry) => (firstSense ? e.glosses.slice(0, 1) : e.glosses);
    if (list.some((e) => senses(e).some((g) => /^to /.test(g)))) return 'verb';
    return undefined;
  }

  isWord(key: string): boolean {
    return this.entryByKey.has(key);
  }

  /**
   * The longest common word (no proper noun) of the dictionary that ends `folded` and whose glosses
   * give `token` as a word of their own: the term a bracketed acronym translates (新冠肺炎（COVID-19）,
   * "COVID-19, the coronavirus disease identified in 2019"; 非典（SARS）).
   */
  termGlossedBy(folded: string, token: string): string | undefined {
    for (let k = Math.min(folded.length, 12); k >= 2; k--) {
      const word = folded.slice(folded.length - k);
      if (this.common.has(word) && !this.proper.has(word) && this.glossGives(word, token)) return word;
    }
    return undefined;
  }

  /** Whether the glosses of `key` give `token` as a word of their own (case and all). */
  glossGives(key: string, token: string): boolean {
    return this.glossText(key)
      .split(/[^A-Za-z0-9-]+/)
      .includes(token);
  }

  /**
   * Names with digits that the glosses of `key` give (新冠: "SARS-CoV-2", "COVID-19"): specific
   * names, unlike the other capitalised words of glosses ("PRC usage", "CL:").
   */
  numberedNames(key: string): string[] {
    const words = this.glossText(key).split(/[^A-Za-z0-9-]+/);
    return [...new Set(words.filter((w) => /^[A-Z]/.test(w) && /[A-Z].*[A-Z]/.test(w) && /\d/.test(w)))];
  }

  private glossWords?: Map<string, number>;

  /**
   * Whether an English word is an everyday one: written in lower case 20 times or more across the
   * dictionary's glosses (line 334, will 241, black 199, center 106, hunt 31, frost 22), unlike most
   * surnames (trump 7, pence 3, gates 4, lavrov 0).
   */
  isEverydayEnglish(word: string): boolean {
    if (!this.glossWords) {
      const counts = new Map<string, number>();
      for (const g of this.allGlosses()) {
        for (const w of g.match(/\b[a-z]+\b/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
      }
      this.glossWords = counts;
    }
    return (this.glossWords.get(word.toLowerCase()) ?? 0) >= EVERYDAY_USES;
  }

  private languages?: Set<string>;

  /**
   * The one-word names the glosses give languages and nationalities (德语 "German (language)", 美籍
   * "American (i.e. of US nationality)"): English, German, Spanish… On an English page each is
   * nearly always the adjective, whichever entity has it as a name (西文: "Spanish; Western language").
   */
  isLanguageName(word: string): boolean {
    if (!this.languages) {
      this.languages = new Set();
      for (const g of this.allGlosses()) {
        const name = LANGUAGE_GLOSS.exec(g)?.[1];
        if (name) this.languages.add(name);
      }
    }
    return this.languages.has(word);
  }

  private redirectedFrom?: Map<string, string[]>;

  /**
   * The common words that abbreviate the same word as `key` or `key` itself, and that word (新冠病毒,
   * "abbr. for 新型冠状病毒": 新冠 and 新型冠状病毒), without `key`.
   */
  abbreviationFamily(key: string): string[] {
    const targetsOf = (word: string): string[] =>
      (this.entryByKey.get(word) ?? [])
        .filter((e) => !e.proper)
        .flatMap((e) => e.glosses.map((g) => ABBREVIATION.exec(g)))
        .filter((m) => m !== null)
        .map((m) => foldKey(m[2] ?? (m[1] as string)));
    if (!this.redirectedFrom) {
      this.redirectedFrom = new Map();
      for (const word of this.entryByKey.keys()) {
        for (const t of targetsOf(word)) {
          const list = this.redirectedFrom.get(t);
          if (list) list.push(word);
          else this.redirectedFrom.set(t, [word]);
        }
      }
    }
    const family = new Set<string>();
    for (const t of [...targetsOf(key), key]) {
      if (t !== key && this.common.has(t) && !this.proper.has(t)) family.add(t);
      for (const w of this.redirectedFrom.get(t) ?? []) if (!this.proper.has(w)) family.add(w);
    }
    family.delete(key);
    return [...family].sort();
  }

  private references?: Map<string, number>;

  /**
   * How the dictionary ranks a proper noun among the forms of one name (lower is better): a form
   * whose first sense is labelled (Taiwan usage, old, archaic, slang, derogatory, an informal or less
   * common form, a phonetic transliteration, a variant) or only sends to another entry ("see 深圳市")
   * comes after one that is not; then the one other
   * entries' glosses cite more often (法国 is cited, 法兰西 not; 加拿大, not 加国). For a name met
   * only in English, where the corpus shows no Chinese form to prefer (see english-names.ts).
   */
  standing(key: string): number {
    if (!this.references) {
      const refs = new Map<string, number>();
      for (const g of this.allGlosses()) {
        for (const m of g.matchAll(CITED)) {
          const cited = foldKey(m[2] ?? (m[1] as string));
          refs.set(cited, (refs.get(cited) ?? 0) + 1);
        }
      }
      this.references = refs;
    }
    return (this.isLabelled(key) ? 1000 : 0) - (this.references.get(key) ?? 0);
  }

  /** Whether the first sense of a proper noun is labelled (see standing). */
  isLabelled(key: string): boolean {
    const first = (this.proper.get(key) ?? [])[0]?.glosses[0] ?? '';
    return LABELLED.test(first);
  }

  /**
   * What the first sense of a proper noun says it is, as type words: "Georgia, US state" → {state},
   * "Georgia (country)" → {country}; empty where it says nothing ("Saudi Arabia", "(Tw) Italy").
   */
  whatItIs(key: string): Set<string> {
    const first = ((this.proper.get(key) ?? [])[0]?.glosses[0] ?? '').replace(USAGE_LABELS, '');
    const aside = /^[^,(;]+(?:,\s*([^;(]+)|\s*\(([^)]+)\))/.exec(first);
    const text = (aside?.[1] ?? aside?.[2] ?? '').toLowerCase();
    return new Set((text.match(THING_TYPE) ?? []).map((w) => THING_CLASS[w] ?? w));
  }

  /**
   * Whether two proper nouns that give one English name are different things by what their first
   * senses say they are: 佐治亚 "Georgia, US state" and 格鲁吉亚 "Georgia (country)".
   */
  differentThings(a: string, b: string): boolean {
    const ta = this.whatItIs(a);
    const tb = this.whatItIs(b);
    return ta.size > 0 && tb.size > 0 && ![...ta].some((t) => tb.has(t));
  }

  private wordHeads?: Set<string>;

  /** Whether some word of 2+ characters, proper nouns included, starts with these 2 characters. */
  startsWord(two: string): boolean {
    if (!this.wordHeads) {
      this.wordHeads = new Set();
      for (const key of this.words) this.wordHeads.add(key.slice(0, 2));
    }
    return this.wordHeads.has(two);
  }

  /** Minimum-word segmentation of a (folded) Han string with the CEDICT vocabulary. */
  segment(text: string): Segment[] {
    const n = text.length;
    const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
    const back = new Array<number>(n + 1).fill(-1);
    const backType = new Array<Segment['type']>(n + 1).fill('char');
    cost[0] = 0;
    const { nodes } = this.wordTrie;
    for (let p = 0; p < n; p++) {
      const base = (cost[p] as number) + 1;
      if (base < (cost[p + 1] as number)) {
        cost[p + 1] = base;
        back[p + 1] = p;
        backType[p + 1] = 'char';
      }
      if (p + 2 > n) continue;
      let state = this.wordTrie.pair(text.charCodeAt(p), text.charCodeAt(p + 1));
      let q = p + 2;
      while (state !== 0) {
        const id = (nodes[state] as number) - 1;
        if (id >= 0 && base <= (cost[q] as number)) {
          cost[q] = base;
          back[q] = p;
          backType[q] = this.wordProper[id] === 1 ? 'proper' : 'common';
        }
        if (q === n) break;
        state = this.wordTrie.child(state, text.charCodeAt(q));
        q++;
      }
    }
    const out: Segment[] = [];
    for (let q = n; q > 0; q = back[q] as number)
      out.push({ start: back[q] as number, end: q, type: backType[q] as Segment['type'] });
    return out.reverse();
  }
}

function isCalendar(e: CedictEntry): boolean {
  return CALENDAR.test((/^[A-Za-z]+/.exec(e.glosses[0] ?? '') ?? [''])[0]);
}

function isSurnameOnly(e: CedictEntry): boolean {
  return e.glosses.every((g) =>
    /^(surname |(old |archaic )?variant of|see also|abbr\. for|\(name\)|[A-Z][a-z]+ \(name\))/.test(g),
  );
}

const CALENDAR =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Lower-case words that may follow a place's name in a gloss ("New Taipei city in north Taiwan"). */
const PLACE_TYPE =
  /^(city|county|district|province|island|islands|river|town|village|township|prefecture|region|mountain|mountains|lake|gorge|state|port|basin|dynasty|empire|kingdom|republic)$/;

/** Leading usage labels of a CC-CEDICT gloss: "(Tw) Italy", "(loanword) Nazi". */
export const USAGE_LABELS = /^\s*(?:\((?:Tw|HK|Hong Kong|Macau|PRC|Singapore|loanword)\)\s*)+/;

/**
 * Capitalised names at the head of a gloss, after "(Tw)"-style tags ("Beijing municipality, capital
 * of …" → Beijing; "the Great Wall" → Great Wall), plus "aka X" forms. Lists ("China, Japan and
 * Korea"), bare surnames ("Lavrov (name)"), old/slang/derogatory senses and calendar words give none.
 */
export function namesInGloss(gloss: string): string[] {
  const out: string[] = [];
  if (
    /^\((old|slang|derog\.|dialect|archaic|coll\.|Internet slang|literary|fig\.|humorous|euphemism|Cantonese)/i.test(
      gloss,
    )
  ) {
    return out;
  }
  let g = gloss.replace(USAGE_LABELS, '');
  if (/^(surname|variant|old variant|see |abbr\.|used in|\(name\))/.test(g)) return out;
  g = g.replace(/^the /i, '');
  let head = (/^[^,;(]+/.exec(g)?.[0] ?? '').trim();
  const rest = g.slice(head.length);
  if (/^\s*\(name\)/.test(rest) || /^,\s*[A-Z][\w' -]*?(,| and )/.test(rest)) return out;
  head = head.replace(
    /\s+(municipality|city|province|county|prefecture|district|river|island|islands|region)$/,
    '',
  );
  // "Kosovo or Kosova" gives two names, "Hsinpei or New Taipei city in north Taiwan" and "Jiayi or
  // Chiayi County in west Taiwan" the first; "Myanmar or Burma National league for democracy" and
  // "Three Gorges on the Chang Jiang or Yangtze" none: beside "or" stands another thing's name.
  const parts = head.split(/ or /).map((p) => p.trim());
  const anotherName = (p: string) => {
    const m = /^((?:[A-Z][\p{L}'’-]* ){2,})([a-z]+)(?=\s|$)/u.exec(p);
    if (!m || isNameLike(p)) return false;
    const last = (m[1] as string).trim().split(' ').pop() as string;
    return !PLACE_TYPE.test(last.toLowerCase()) && !PLACE_TYPE.test(m[2] as string);
  };
  if (!parts.some(anotherName)) {
    for (const name of parts) if (isNameLike(name) && !CALENDAR.test(name)) out.push(name);
  }
  for (const m of g.matchAll(/\baka ([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4})/g)) out.push(m[1] as string);
  // The name a foreigner took in Chinese: "Chinese name adopted by Kevin Rudd (1957–), …", "the
  // Chinese name of American computer scientist Donald Knuth (1938-)".
  const adopted =
    /\bChinese name (?:adopted by|of) [^(;]*?([A-Z][\p{L}'’-]*(?: [A-Z][\p{L}'’-]*){1,3}) \(/u.exec(g);
  if (adopted && !out.includes(adopted[1] as string)) out.push(adopted[1] as string);
  return out;
}

/** The type words of what a name is (see Lexicon.whatItIs). */
const THING_TYPE =
  /\b(?:country|state|province|city|county|town|village|district|region|capital|island|river|lake|mountain|sea|port|party|company|university|newspaper|magazine|band|film|novel|song)\b/g;
/** Type words that say the same: a town, a city, a port, a capital are all places people live in. */
const THING_CLASS: Record<string, string> = {
  city: 'settlement',
  town: 'settlement',
  village: 'settlement',
  capital: 'settlement',
  port: 'settlement',
  river: 'water',
  lake: 'water',
  sea: 'water',
  newspaper: 'press',
  magazine: 'press',
};
/** A word cited in a gloss with its pinyin: "abbr. for 歐洲聯盟|欧洲联盟[Ou1 zhou1 Lian2 meng2]". */
const CITED = /([\u3400-\u9fff]+)(?:\|([\u3400-\u9fff]+))?\[/g;
/** A sense's usage label or register (see Lexicon.standing). */
const LABELLED =
  /\((?:Tw|HK|old|archaic|slang|derog|dialect|literary|coll|Internet slang|phonetic transliteration)\b|\b(?:slang|informal alternative|less common)\b|^(?:variant of|old variant|see )/i;
/** A sense that sends to another entry: "see 德州市[…]", "abbr. for 德克薩斯州|德克萨斯州[…]". */
const REDIRECT = /^(?:see (?:also )?|abbr\. (?:for|to) )([\u3400-\u9fff]+)(?:\|([\u3400-\u9fff]+))?/;
/** A gloss that names a language or a nationality: "German (language)", "American (i.e. of US nationality)". */
export const LANGUAGE_GLOSS = /^([A-Z][a-z]+) \((?:language|i\.e\. of [^)]*nationality)\)/;
/** See Lexicon.isEverydayEnglish. */
const EVERYDAY_USES = 20;
/** A sense that abbreviates another word: "novel coronavirus (abbr. for 新型冠狀病毒|新型冠状病毒[…])". */
const ABBREVIATION = /\babbr\. (?:for|to) ([\u3400-\u9fff]+)(?:\|([\u3400-\u9fff]+))?/;

/** First senses of prepositions and conjunctions (see Lexicon.wordRole). */
const LINK_GLOSS =
  /^(?:according to|based on|for; for the purpose of|in order to|although|but\b|because|pertaining to|concerning|about\b|regarding|with regard to|only have|through|via|if\b|when\b|while\b|including|besides|except)/;

/** A first sense that gives only a name: "Washington (name)", "Michel or Mitchell (name)", "(name) Carter". */
const NAMES_ONLY =
  /^(?:\(name\)\s*)?([A-Z][\p{L}'’-]*(?:(?:, | or )[A-Z][\p{L}'’-]*)*)(?: etc)?\s*(?:\(name\))?$/u;

/**
 * The word itself, where a dictionary entry gives it first as a name and then as the name of a thing
 * (华盛顿: "Washington (name)", George Washington, "Washington, US State", "Washington, D.C."): the
 * word is ambiguous, and its English name is the word, not one bearer's full name. Otherwise
 * the bearer's name would merge the full name written with "·" (乔治·华盛顿（George Washington）) into
 * the bare word, and every Washington on a page would be that person.
 */
export function sameWordThing(glosses: readonly string[]): string | undefined {
  const first = glosses[0] ?? '';
  const m = first.includes('(name)') ? NAMES_ONLY.exec(first) : null;
  if (!m) return undefined;
  const words = (m[1] as string).split(/, | or /);
  for (const g of glosses.slice(1)) {
    const names = namesInGloss(g);
    if (names.length === 1 && words.includes(names[0] as string)) return names[0];
  }
  return undefined;
}

/**
 * The names of a first sense that gives only a name ("Michel or Mitchell (name)" → Michel, Mitchell),
 * for an entry that then names one bearer (George Mitchell): the word is a name many people bear, and
 * the bearer is the dictionary's example, which a corpus may not be writing about (its 米歇尔 is
 * Charles Michel in 8 parentheticals). Empty for other entries.
 */
export function bareNameWords(list: readonly CedictEntry[]): string[] {
  const out: string[] = [];
  for (const e of list) {
    const first = e.glosses[0] ?? '';
    const m = e.proper && first.includes('(name)') ? NAMES_ONLY.exec(first) : null;
    if (m) out.push(...(m[1] as string).split(/, | or /));
  }
  return out;
}

const PARTICLES = new Set([
  'von',
  'van',
  'de',
  'der',
  'den',
  'di',
  'da',
  'del',
  'la',
  'le',
  'al',
  'bin',
  'ibn',
  'of',
  'and',
  'the',
  'for',
  'du',
  'dos',
  'das',
  'y',
  'zu',
  'et',
]);

/** "Sergei Lavrov", "NATO", "Belt and Road Initiative": capitalised words (particles allowed). */
export function isNameLike(s: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 7) return false;
  if (!/^[A-Z]/.test(words[0] as string)) return false;
  for (const w of words) {
    if (PARTICLES.has(w)) continue;
    // Latin letters only: "Mirmiri左一" (a caption's "left one" glued to the name) is no name.
    if (!/^[A-Z\u00c0-\u00de][\p{Script=Latin}\p{M}'’.-]*$/u.test(w) && !/^\d+$/.test(w)) return false;
  }
  return true;
}

export function normEnglish(s: string): string {
  return foldKey(s).replace(/[.'’]/g, '').replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * What a name is when a bracket or a comma says so (aside): a product, a work, a being of myth or
 * fiction, a body in the sky, an agent of disease. "Helicoper" is CC-CEDICT's spelling (黑鹰).
 */
const THING =
  /\b(operating system|software|virus|disease|nerve agent|drug|vaccine|index|satellite|planet|star|galaxy|constellation|movie|film|novel|opera|song|carol|video game|grape|wine|cognac|whisky|beer|car|helicop?t?er|aircraft|rifle|missile|train|cryptocurrency|encyclopedia|superhero|character|fictional|god|goddess|deit(?:y|ies)|mythology|surveillance system)\b/i;
/** A title that is the head of a name: "Dalai Lama", "Genghis Khan". */
const TITLE_HEAD = /^(?:the )?(?:[A-Z][a-z]+ )+(?:Lama|Pope|Pharaoh|Sultan|Tsar|Czar|Kaiser|Khan)$/;
/** One word of a name, as a variant spelling before a name sense. */
const SPELLING = /^\s*[A-Z\u00c0-\u00de][\p{L}'’-]*\s*$/u;
const PLACE =
  /\b(city|province|county|capital|country|island|islands|river|mountain|region|district|state of|republic|kingdom|lake|sea|ocean|town|prefecture|continent|peninsula|municipality|village|port|desert|strait|autonomous)\b/i;
const ORG =
  /\b((?<!-)party|organization|organisation|agency|company|corporation|university|ministry|council|committee|bank|union|newspaper|news agency|institute|association|army|court|parliament|police|foundation|league|alliance|group|broadcaster|federation|fund|office|commission|assembly|congress|bureau|academy|inc|airlines?|airways|car make|brand|network|website|social media|platform|app|search engine|manufacturer|carmaker|maker|newspaper|magazine|broadcaster|TV station|television|stock exchange|senate|club|team|journal|nations|college|retailer|supermarket|conglomerate|firm|motors)\b/i;
/** A government department, not a French département ("Alsace, French department"). */
const DEPARTMENT = /\bDepartment\b/;
/** Life dates after a name: "(1874-1965)", "(born 1954)", "(c. 570–632)" (circa). */
const DATED = /\((?:c\.\s*)?\d{3,4}\s*[-–]|\(born /i;
const PERIOD = /\b(dynast(y|ies)|period|era)\b/i;
/**
 * A faith, an ideology, a currency, a unit or the Internet is a topic: "Islam", "Muslim", "Nazi", "US
 * dollar", "Celsius".
 */
const TOPIC_HEAD =
  /^(?:Internet|Islam|Muslim|Christian(?:ity)?|Catholic(?:ism)?|Protestant(?:ism)?|Buddhis[mt]|Judaism|Jewish|Jews?|Hindu(?:ism)?|Taoism|Daoism|Confucianism|Nazi(?:sm)?|Communism|Marxism|Fascism|Zionism|Sunni|Shia|Shiite|Celsius|Fahrenheit|God|Allah|[A-Z][a-z]+(?:-[A-Z][a-z]+)*ism|(?:US |Hong Kong |Taiwan |Singapore )?(?:dollar|euro|yuan|yen|renminbi|ruble|rouble)s?)(?: \(loanword\))?$/i;
/** A law by its name: "Taiwan Relations Act", "Basic Law", "Patriot Act". */
const LAW = /^(?:the )?(?:[A-Z][\w'’-]* )+(?:Act|Law)$/;
/** Years in brackets right after a name: "Great Leap Forward (1958-1960)", "(1958–60)". */
const SPAN = /^[^,;(]*\((\d{3,4})\s*[-–]\s*(\d{2,4})\)/;

/** Years from `from` to `to` (two digits: in the same century, 1958–60); NaN if `to` comes first. */
function yearsBetween(from: string, to: string): number {
  const a = Number(from);
  const b = to.length < from.length ? Number(from.slice(0, from.length - to.length) + to) : Number(to);
  return b >= a ? b - a : Number.NaN;
}

/** A prize: "Nobel Peace Prize", "Grammy Award". */
const PRIZE = /\b(?:Prize|Prizes|Award|Awards|Medal)\b/;
/** A state named by a point of the compass (East Germany (1945-1990)): dates after it make no person. */
const COMPASS = /^(?:the )?(?:East|West|North|South|Northern|Southern|Eastern|Western) [A-Z]/;
/** A holiday is an event: "Christmas time", "Easter", "Ramadan" ("… Day" is decideKind's). */
const HOLIDAY =
  /^(?:Christmas|Easter|New Year|Ramadan|Eid|Thanksgiving|Halloween|Hanukkah|Diwali|Passover|Lent|Pentecost|Valentine)\b(?!\s+(?:Islands?|Bay|Sea|Lake|River|Mountains?)\b)/;
/** Life dates right after the name, an aside between them allowed. */
const DATED_NAME = /^[^,;(]*(?:\([^)\d]*\)\s*)?\((?:(?:c\.\s*)?\d{3,4}\s*[-–]|born )/i;
const ROLE =
  /\b(president|politician|diplomat|minister|writer|actor|actress|singer|leader|emperor|poet|general|dissident|artist|philosopher|chancellor|physicist|novelist|businessman|activist|footballer|player|painter|composer|director|scholar|king|queen|prince|journalist|economist|premier|secretary)\b/i;
const EVENT =
  /\b(war|revolution|incident|protest|protests|massacre|movement|olympics?|summit|election|crisis|pandemic|epidemic|festival|uprising|rebellion|battle|games|cup|treaty|initiative|talks|terror)\b/i;
/** A sense that glosses a name as a person's: "Maria (name)", "Harold, Harald, Harrod (name)". */
const NAME_SENSE =
  /^[^(]*\((?:(?:Japanese|Korean|Chinese|Vietnamese|Russian|German|French|Spanish|Italian|Portuguese|Arabic|English|Jewish) )?(?:(?:person(?:al)?|given|female|male) )?(?:sur)?name\)\s*$/i;
/**
 * NAME_SENSE's given names only (no surnames, which many places share), with the names captured:
 * "Klein or Kline (name)", "Maria (female name)" (Lexicon.isPersonalName).
 */
const PERSONAL_NAME_SENSE = /^([^(;]+?)\s*\((?:(?:male|female|given|person(?:al)?) )?name\)\s*$/;
/** "Werther, German masculine given name". */
const GIVEN_NAME_SENSE = /^([A-Z][a-z]+), [^;]*\bgiven name$/;
/** "Bob Woodward (Washington Post journalist)": a role, after capitalised words only, in brackets. */
const ROLE_ASIDE = new RegExp(
  `^[^;(]*\\((?:[A-Z][\\w.'’-]* )*(?:${ROLE.source.replace(/^\\b\(|\)\\b$/g, '')})\\)`,
);

export function kindFromGloss(whole: string): EntityKind | undefined {
  if (!whole) return undefined;
  // A redirect ("see 南京市[Nan2 jing1 Shi4]") says nothing itself; glossText puts the senses it leads
  // to right after it, and those come first here (南京 had been a person by the Ming dynasty's dates
  // of a later sense, since no first sense said "city").
  const senses0 = whole.split(';');
  while (senses0.length > 1 && REDIRECT.test((senses0[0] as string).trim())) senses0.shift();
  const gloss = senses0.join(';');
  // Usage labels ("(Tw) Grammy Award") say where a word is used, not what it names.
  const first = (gloss.split(';')[0] ?? '').replace(USAGE_LABELS, '');
  /** The name the gloss gives: "Six-Party Talks" of "Six-Party Talks (2003–2007) on …"; none for a
   * description ("division of China during earliest dynasties"). */
  const head = /^(?:the )?[A-Z]/.test(first) ? (first.split(/[,(]/)[0] ?? '') : '';
  // A name that says what it is: the Korean War, the Six-Party Talks, the Davis Cup; a period of
  // history (Ming Dynasty, Warring States Period) is a topic.
  if (PERIOD.test(head)) return 'topic';
  // A language or a nationality is a topic: "English (language)", "American (i.e. of US nationality)".
  if (/\((?:language|.*\bnationality)\)/.test(first)) return 'topic';
  if (TOPIC_HEAD.test(first.trim()) || /\bethnic group\b/.test(first) || PRIZE.test(head)) return 'topic';
  // A law by its name is a topic, whoever passed it: "Taiwan Relations Act (of US Congress, 1979)".
  if (LAW.test(head.trim())) return 'topic';
  // Dates right after the name that span a few years are an episode's, not a life: "Great Leap
  // Forward (1958-1960), Mao's attempt …" is no person (a life spans decades); a state or a body
  // stays one (Federal Republic of Yugoslavia (1992–2003), Red Army (1928-1937)).
  const span = SPAN.exec(first);
  if (span && yearsBetween(span[1] as string, span[2] as string) < 15 && !PLACE.test(head) && !ORG.test(head))
    return 'event';
  // Taiwan's branches of government: "Legislative Yuan, the unicameral legislature …".
  if (/^(?:the )?[A-Z][a-z]+ Yuan\b/.test(head)) return 'organisation';
  if (HOLIDAY.test(head)) return 'event';
  if (EVENT.test(head) && !ORG.test(head)) return 'event';
  // A role and a year make a person, and so do life dates right after the name ("Bernard Montgomery
  // (Montie) (1887–1976)"); dates elsewhere too, unless the first sense names a place or an event:
  // Leningrad, "former name (1923–1991) of Russian city …"; nor a party ("Nazi Party; … (1919-1945)").
  if (ROLE.test(gloss) && /\d{4}|\(born/.test(gloss)) return 'person';
  if (DATED_NAME.test(gloss) && !PLACE.test(head) && !COMPASS.test(head) && !ORG.test(head)) return 'person';
  if (
    DATED.test(gloss) &&
    !(PLACE.test(first) || EVENT.test(first) || PERIOD.test(first) || ORG.test(head) || COMPASS.test(head))
  )
    return 'person';
  // A name glossed as a person's in every sense (not Toyota, "Toyota (name); Toyota, Japanese car
  // make"), or with a role in brackets.
  const senses = gloss.split(';');
  if (NAME_SENSE.test(senses[0] ?? '') && senses.every((g) => NAME_SENSE.test(g))) return 'person';
  if (ROLE_ASIDE.test(gloss)) return 'person';
  // Unless the first sense says it is a place; a name in brackets does not ("New Party (Republic of
  // China)" is a party, "Réunion (island in Indian Ocean …)" an island).
  const firstPart = (gloss.split(/[,;]/)[0] ?? '').replace(/\([A-Z][^)]*\)/g, '');
  if ((ORG.test(gloss) || DEPARTMENT.test(gloss)) && !PLACE.test(firstPart)) return 'organisation';
  if (PLACE.test(gloss)) return 'place';
  if (EVENT.test(gloss)) return 'event';
  // Variant spellings before a name sense are the same name: "Edward; Édouard (name)".
  if (
    senses.length > 1 &&
    NAME_SENSE.test(senses[senses.length - 1] as string) &&
    senses.slice(0, -1).every((g) => SPELLING.test(g))
  )
    return 'person';
  if (TITLE_HEAD.test(head.trim())) return 'person';
  // A holiday in a later sense: 平安夜 "Silent Night (Christmas carol); Christmas Eve".
  if (senses.some((g) => HOLIDAY.test(g.trim()))) return 'event';
  // What the name is, said right after it: a role that ends it ("Yang Yueqing, Chinese-Canadian
  // woman documentary film director"), or a thing ("Android (operating system …)", "Batman, comic
  // book superhero", "Greenwich Mean Time (GMT)"), where decideKind would take a bare name for a
  // place. Not where a sense gives the word as a name too (维特 "Werther, opera by …; Werther, German
  // … given name").
  const what = aside(first);
  if (!what.startsWith('e.g.') && ROLE.test(what.trim().split(/\s+/).pop() ?? '')) return 'person';
  if (
    (THING.test(what) || /^(?:[A-Z][a-z]+ )+Time$/.test(head.trim())) &&
    !senses.some((g) => NAME_SENSE.test(g) || GIVEN_NAME_SENSE.test(g.trim()))
  )
    return 'topic';
  return undefined;
}

/** What a sense says its name is: its first bracket, or what follows its first comma. */
function aside(sense: string): string {
  const m = /^[^(,]*(?:\(([^)]*)\)|,\s*(.*))/.exec(sense);
  return m ? (m[1] ?? m[2] ?? '') : '';
}
