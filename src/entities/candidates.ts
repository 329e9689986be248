// Candidate names found in article text, each with the evidence for it: bilingual parentheticals
// 中文名（English Name） with the title cut off the left edge, quoted terms 「」“”『』《》, personal
// names after a title (特使李輝), names the article marks as transcribed (郝新东（音译）), and
// subheadings / gallery titles. Keys are folded (Simplified,
// see fold.ts); surface forms keep the article's own script.

import { afterNumeral } from '../match/matcher.ts';
import { fold, foldKey, isHan } from '../text/fold.ts';
import { TRANSLIT } from '../text/translit.ts';
import { isNameLike, type Lexicon } from './lexicon.ts';
import { STOP_CHARS, SURNAMES, TITLES } from './stopchars.ts';
import type { AliasSource } from './types.ts';
import { isTransliteration } from './variants.ts';

export interface Candidate {
  key: string;
  /** Surface form → occurrences (as evidence, not all mentions). */
  forms: Map<string, number>;
  sources: Set<AliasSource | 'title-name' | 'dotted-name'>;
  /** English name → the source that gave it. */
  english: Map<string, AliasSource>;
  /** How often each English name was given. */
  englishCount: Map<string, number>;
  /** Articles whose evidence named it. */
  articles: Set<string>;
  /** Quotes of it, not counting those repeated from another article (see collectQuoted). */
  quoted: number;
  quotedArticles: Set<string>;
  /** Articles that quote it only in a passage another article has too (a repeated caption). */
  repeatedQuoteArticles: Set<string>;
}

export class CandidateSet {
  readonly byKey = new Map<string, Candidate>();

  get(key: string): Candidate {
    let c = this.byKey.get(key);
    if (!c) {
      c = {
        key,
        forms: new Map(),
        sources: new Set(),
        english: new Map(),
        englishCount: new Map(),
        articles: new Set(),
        quoted: 0,
        quotedArticles: new Set(),
        repeatedQuoteArticles: new Set(),
      };
      this.byKey.set(key, c);
    }
    return c;
  }

  add(surface: string, source: AliasSource | 'title-name' | 'dotted-name', articleId: string): Candidate {
    const c = this.get(foldKey(surface));
    c.forms.set(surface, (c.forms.get(surface) ?? 0) + 1);
    c.sources.add(source);
    c.articles.add(articleId);
    return c;
  }
}

const PAREN = /([\u3400-\u9fff·・‧]{1,30})\s*[（(]\s*([^）)（(]{2,90}?)\s*[）)]/g;

/** English names inside a parenthesis: "Sergei Lavrov", "World Health Organization, WHO". */
export function englishInParens(inner: string): string[] {
  const out: string[] = [];
  const cleaned = inner.replace(
    /^(英文|英語|英语|德文|德語|德语|全名|原名|本名|English|German)\s*[:：]?\s*/i,
    '',
  );
  for (const part of cleaned.split(/\s*[,，;；/、]\s*|\s+or\s+/)) {
    // A caption's position glued after the name ("Mehran Mirmiri左一", "left one") is cut off.
    const p = part
      .trim()
      .replace(/^(the|The)\s+/, '')
      .replace(/\s*[\u3400-\u9fff].*$/, '');
    if (p.length < 2 || p.length > 60) continue;
    if (/^[A-Z0-9][A-Z0-9&-]{1,9}$/.test(p) && /[A-Z]/.test(p)) out.push(p);
    else if (isNameLike(p) && /[a-z]/.test(p)) out.push(p);
  }
  return out;
}

/**
 * The name at the end of `chinese` (the text right before a parenthesis): trailing characters and at
 * most one proper noun, stopping at a common word (a title: 部長, 外長; or the head noun of a
 * descriptive phrase: …协定（RCEP）, which names no single word), a function character or a non-Han
 * character.
 */
/** Characters that end a title or profession (政治学家, 部长, 运动员): a name never starts left of them. */
const NAME_EDGE = new Set([...'家师员长官手士者卿统席像']);

/**
 * A common word that the segmentation made of a title's last character and the name's first ones
 * (学|家马|蒂亚斯: 学家 + 马蒂亚斯): all but its first character belong to the name.
 */
function titleGlued(word: string): boolean {
  return NAME_EDGE.has(word[0] as string) && isTransliterationPart(word.slice(1));
}

/** A dictionary word whose English is a whole word of the parenthesis (拜登 for "Joe Biden"). */
function isWholeName(word: string, english: readonly string[], lexicon: Lexicon): boolean {
  const names = lexicon.englishOf(lexicon.proper.get(word) ?? []);
  const words = new Set(english.flatMap((e) => e.toLowerCase().split(/[\s-]+/)));
  if (names.length === 0) return english.length === 0;
  return names.some((n) =>
    n
      .toLowerCase()
      .split(/\s+/)
      .some((w) => words.has(w)),
  );
}

function partOfName(word: string, english: readonly string[], lexicon: Lexicon): boolean {
  const entries = lexicon.proper.get(word);
  // Its surname-like words: "Rubin (name)", the last word of "Robert E. Rubin". A bare surname entry
  // ("Morgan (name)") is no proper noun of the lexicon, but its gloss still names it.
  const words = new Set<string>();
  for (const m of lexicon.glossText(word).matchAll(/(?:^|; )([A-Z][a-z]+) \(name\)/g)) {
    words.add((m[1] as string).toLowerCase());
  }
  if (!entries && words.size === 0) return isTransliteration(word);
  for (const n of lexicon.englishOf(entries ?? [])) words.add((n.split(' ').pop() as string).toLowerCase());
  // Or a place whose name's stem starts a word of the parenthesis: a compound named after it
  // (不来梅|哈芬 "Bremerhaven" after 不来梅 "Bremen"), not a country beside a name (巴西|卢拉 "Lula").
  const starts = (e: string, w: string) =>
    w.length >= 5 && e.split(/[\s-]+/).some((x) => x.startsWith(w.slice(0, -1)));
  return english.some((e) => {
    const lower = e.toLowerCase();
    return [...words].some((w) => w.length >= 3 && (lower.includes(w) || starts(lower, w)));
  });
}

export function nameBeforeParen(
  chinese: string,
  lexicon: Lexicon,
  english: readonly string[] = [],
  /** The character before `chinese` in the text: a digit there makes a leading 年 a unit. */
  charBefore = '',
): string | undefined {
  const folded = fold(chinese);
  // "the word" (“骗子媒体”一词（Lügenpresse）): the parenthesis glosses the quoted term before it.
  if (/(?:一|此|该|这个|这一|那个)(?:词|词语|字|语|说法)$/.test(folded)) return undefined;
  const segs = lexicon.segment(folded);
  if (english.length > 0 && english.every(isAcronym)) {
    const org = organisationBefore(folded, segs, lexicon);
    if (org) return chinese.slice(chinese.length - org);
  }
  let start = folded.length;
  let glued = false;
  // 'free': loose characters so far; 'complete': a dictionary name that is the whole name (拜登 for
  // "Joe Biden": nothing loose joins it from the left); 'partial': a dictionary word that is only part
  // of the name (尼克 in 霍伊尼克 "Heunicke"): transliteration characters may continue it.
  let mode: 'free' | 'complete' | 'partial' = 'free';
  // The part of the name since the last "·" (or its end): its length and whether every character
  // taken so far is a transliteration character. A transliterated name is cut into dictionary words
  // by the segmentation (康|拉德, 麦克|康奈尔, 格雷|塔, 乌苏|拉): such a word continues the name
  // when it is made of transliteration characters too (transliterationContinues).
  let partLength = 0;
  let partTranslit = true;
  /** This part was continued across a dictionary word (transliterationContinues). */
  let bridged = false;
  let dots = 0;
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i] as (typeof segs)[number];
    const text = folded.slice(s.start, s.end);
    const taken = start < folded.length;
    if (text === '·') {
      if (!taken) break;
      start = s.start;
      glued = true;
      dots++;
      partLength = 0;
      partTranslit = true;
      bridged = false;
      continue;
    }
    const continues =
      taken &&
      mode !== 'complete' &&
      (partTranslit || partLength < englishSyllables(english, dots)) &&
      (partLength > 0 || glued) &&
      transliterationContinues(s.type, text, partLength, english, dots, lexicon);
    if (glued) {
      // Across a "·" every part belongs to the name (卢西安·弗洛伊德, 梅特·弗雷德里克森).
      if (
        (s.type === 'common' && !continues) ||
        (s.type === 'char' && (STOP_CHARS.has(text) || NAME_EDGE.has(text)))
      ) {
        if (s.type === 'common' && titleGlued(text)) start = s.start + 1;
        break;
      }
      if (!isHan(text.charCodeAt(0))) break;
      if (s.type === 'common') bridged = true;
      start = s.start;
      glued = false;
      mode = 'free';
    } else if (s.type === 'char') {
      // Right after "·" a function character starts a part of the name (冯·于克斯屈尔: 于 "at").
      const left = segs[i - 1];
      const afterDot = taken && left !== undefined && folded.slice(left.start, left.end) === '·';
      if (((STOP_CHARS.has(text) || NAME_EDGE.has(text)) && !afterDot) || !isHan(text.charCodeAt(0))) break;
      const translit = isTransliterationPart(text);
      if (mode === 'complete' || (mode === 'partial' && !translit)) break;
      // A place's unit left of a transliterated name ends it: the place it is in (莱茵兰-普法尔茨州|
      // 埃菲尔 "Eifel", 汉堡市|埃彭多夫).
      if (PLACE_UNIT_CHARS.has(text) && partTranslit && partLength >= 2) break;
      // Left of a name continued across a dictionary word, only transliteration characters go on
      // (1900年|维托里奥: 维托 is a word).
      if (!translit && bridged) break;
      start = s.start;
    } else if (s.type === 'proper') {
      if (!taken) {
        mode = isWholeName(text, english, lexicon) ? 'complete' : 'partial';
      } else if (mode !== 'complete' && partOfName(text, english, lexicon)) {
        // A dictionary word left of loose characters joins them only when it is part of the same
        // name: a bare surname entry (科尔|特斯, 鲁宾|斯坦) or one whose English is in the parenthesis
        // (山崎|幸二 (Koji Yamazaki)); never a country (巴西|卢拉). So does one left of a dictionary
        // name that is not the whole name (摩根|大通 "JPMorgan Chase": 大通 is Datong, 摩根 Morgan).
        mode = 'complete';
      } else if (mode === 'partial' && isTransliteration(text)) {
        // Two dictionary transliterations that together spell one name (贝尔|伯克 "Baerbock",
        // 麦克|丹尼尔 "McDaniel"): the right one was not the whole name.
      } else if (continues) bridged = true;
      else break;
      start = s.start;
    } else if (continues) {
      start = s.start;
      bridged = true;
    } else {
      if (s.type === 'common' && partTranslit && titleGlued(text)) start = s.start + 1;
      break;
    }
    partLength += s.end - s.start;
    partTranslit &&= isTransliterationPart(text);
    if (folded.length - start > 14) return undefined;
  }
  // A numeral's unit is no part of a name: 2019年|哈勒市, 26日起|萨塞克斯 give 哈勒市 and 萨塞克斯.
  const context = charBefore + folded;
  const offset = charBefore.length;
  while (start < folded.length && afterNumeral(context, start + offset)) {
    start++;
    if (folded[start] === '起') start++;
  }
  const name = chinese.slice(start).replace(/^[·・‧]+/, '');
  return name.length >= 2 ? name : undefined;
}

/** What a place is: a state, a province, a city, a county, a district, a town (see nameBeforeParen). */
const PLACE_UNIT_CHARS = new Set([...'州省市县区镇村']);

/** An acronym as the corpus writes one in brackets: RKI, G20, AT&T. */
export function isAcronym(name: string): boolean {
  return /^[A-Z][A-Z0-9&-]{1,9}$/.test(name);
}

/** What an organisation's name ends with: 研究所, 基金会, 管理局 (罗伯特·科赫研究所, 德国经济研究所). */
const ORG_HEAD =
  /(?:研究所|研究院|研究中心|基金会|委员会|协会|学会|组织|联盟|中心|局|署|银行|法院|议会|理事会|办公室|公司|集团|大学|学院|智库)$/;

/** Whether a (folded) name ends with an organisation's head noun (罗伯特·科赫研究所). */
export function isOrganisationName(key: string): boolean {
  return ORG_HEAD.test(key);
}

/**
 * The length of an organisation's name before an acronym in brackets, or 0: the words before an
 * organisation's head noun (罗伯特·科赫研究所（RKI）, 澳大利亚战略政策研究所（ASPI）, 欧洲药品管理局（EMA））,
 * which nameBeforeParen's walk does not take (a common word ends a person's or a place's name, and a
 * description's head noun alone names nothing: …协定（RCEP）). Walking left from the head noun, the
 * name ends at a function character, a title's last character (主办者|国际汽车协会), a title, a
 * preposition or conjunction (根据, 虽然), anything not Han, a verb once a noun has been taken (verbs
 * right before the head belong to it: 药品|管理|局, 疾病|预防|控制|中心; not 李勇|当选|联合国工业发展组织),
 * and a common word left of a place's name (生产商|印度血清研究所). The head noun alone (该组织（WHO）)
 * or with one common word (服务局, 政治基金会: descriptions) is no name, nor is a dictionary name,
 * which takes the usual walk (世界卫生组织).
 */
function organisationBefore(folded: string, segs: ReturnType<Lexicon['segment']>, lexicon: Lexicon): number {
  const last = segs[segs.length - 1];
  if (!last || last.type === 'proper' || !ORG_HEAD.test(folded)) return 0;
  let start = folded.length;
  let verbs = true; // still in the run of verbs right before the head noun
  let afterPlace = false;
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i] as (typeof segs)[number];
    const text = folded.slice(s.start, s.end);
    if (text === '·') {
      if (start === folded.length) break;
      start = s.start;
      continue;
    }
    if (!isHan(text.charCodeAt(0))) break;
    if (s.type === 'char' && (STOP_CHARS.has(text) || NAME_EDGE.has(text))) break;
    if (i < segs.length - 1) {
      if (afterPlace && s.type !== 'proper') break;
      if (s.type === 'common') {
        if (TITLES.includes(text)) break;
        const role = lexicon.wordRole(text);
        if (role === 'link' || (role === 'verb' && !verbs)) break;
        if (role !== 'verb') verbs = false;
      } else verbs = false;
    }
    afterPlace = s.type === 'proper';
    start = s.start;
  }
  while (folded[start] === '·') start++;
  const length = folded.length - start;
  const first = segs.findIndex((x) => x.start >= start);
  if (first === segs.length - 2 && segs[first]?.type === 'common') return 0;
  return start < last.start && length <= 14 ? length : 0;
}

/** Made only of transliteration characters (one character too, unlike isTransliteration). */
function isTransliterationPart(text: string): boolean {
  return isTransliteration(text.length === 1 ? `${text}${text}` : text);
}

/**
 * About how many characters a word's transliteration takes: its vowel groups, one more when it ends
 * in a consonant (Ursula: 3, 乌苏拉; Hildebrandt: 4, 希尔德布朗特 has 6; Lula: 2, 卢拉). A floor.
 */
function syllables(word: string): number {
  const vowels = word.match(/[aeiouyäöüéèáíóú]+/gi)?.length ?? 0;
  return Math.max(1, vowels + (/[aeiouyäöüéèáíóú]$/i.test(word) ? 0 : 1));
}

/**
 * Whether a dictionary word (common or proper) left of the transliteration characters taken so far
 * (`partLength` of them in this part of the name) continues them: it must be made of transliteration
 * characters too; a common word always does then (康|拉德, 麦克|康奈尔), a proper noun glossed as a
 * name too (贝尔 "Bell (person name)"); any other proper noun
 * (a place: 巴西 "Brazil" in 巴西卢拉) only while the part is shorter than its English word's vowel
 * groups (乌苏|拉·冯德莱恩 for "Ursula", but not 巴西|卢拉 for "Lula"). The English word is the
 * parenthesis' first one left of a "·", its last one otherwise.
 */
/**
 * The syllable floor (see syllables) of the English word this part of the name renders: the last
 * word, or the first once a "·" was crossed. A part shorter than that goes on even when it holds a
 * character that is no transliteration character (比特|尔斯通 "Beetlestone": 通; 维|克拉|玛帝亚号
 * "Vikramaditya": 号).
 */
function englishSyllables(english: readonly string[], dots: number): number {
  const words = (english[0] ?? '').split(/\s+/).filter(Boolean);
  const word = dots > 0 ? words[0] : words[words.length - 1];
  return word === undefined ? 0 : syllables(word);
}

function transliterationContinues(
  type: string,
  text: string,
  partLength: number,
  english: readonly string[],
  dots: number,
  lexicon: Lexicon,
): boolean {
  if (!isTransliterationPart(text) || TITLES.includes(text)) return false;
  if (type === 'common') return true;
  if (type !== 'proper') return false;
  if (/\((?:person |sur)?name\)/.test(lexicon.glossText(text))) return true;
  return partLength < englishSyllables(english, dots);
}

export function collectParentheticals(
  articleId: string,
  text: string,
  lexicon: Lexicon,
  out: CandidateSet,
): void {
  for (const m of text.matchAll(PAREN)) {
    const english = englishInParens(m[2] as string);
    if (english.length === 0) continue;
    const name =
      nameBeforeParen(m[1] as string, lexicon, english, text[(m.index ?? 0) - 1] ?? '') ??
      termBeforeAcronym(m[1] as string, english, lexicon);
    if (!name) continue;
    const c = out.add(name, 'parenthetical', articleId);
    for (const e of english.map((n) => spacedLike(name, n))) {
      if (!c.english.has(e)) c.english.set(e, 'parenthetical');
      c.englishCount.set(e, (c.englishCount.get(e) ?? 0) + 1);
    }
  }
}

/**
 * A term of the dictionary's common words that a bracketed acronym translates, where the dictionary
 * gives that acronym too (新冠肺炎（COVID-19）, 非典（SARS）, 国内生产总值（GDP）): a topic no name rule
 * finds, since its words are common ones. Both sources must agree: a credit (记者（CNN）) or an
 * acronym the dictionary does not give stays no term.
 */
function termBeforeAcronym(
  chinese: string,
  english: readonly string[],
  lexicon: Lexicon,
): string | undefined {
  if (english.length !== 1 || !isAcronym(english[0] as string)) return undefined;
  return lexicon.termGlossedBy(fold(chinese), english[0] as string);
}

/**
 * An English name whose spaces the article lost (丹·特翰（DanTehan）), spaced again where the Chinese
 * name has as many parts as the English one has capitalised words: Dan Tehan. Brands written in one
 * word (YouTube, ExxonMobil) have no "·" in Chinese and stay as they are.
 */
function spacedLike(chinese: string, english: string): string {
  if (!chinese.includes('·') || english.includes(' ')) return english;
  const words = english.match(/\p{Lu}[\p{Ll}'’-]+/gu);
  return words && words.join('') === english && words.length === chinese.split('·').length
    ? words.join(' ')
    : english;
}

const QUOTED = /[「“『《]([^「」“”『』《》"]{2,16})[」”』》]|"([^"\n]{2,16})"/g;

/**
 * The quoted terms of one passage. With `seen` (the quotes met so far, with ten characters on either
 * side, and the article that had each first): a quote another article has in the same words (a
 * caption or summary the site repeats) is no other writer's use of the term, and counts apart.
 */
export function collectQuoted(
  articleId: string,
  text: string,
  out: CandidateSet,
  seen?: Map<string, string>,
): void {
  for (const m of text.matchAll(QUOTED)) {
    const term = ((m[1] ?? m[2]) as string).trim();
    // Every quoted term is counted (西伯利亚力量2号 shows that 西伯利亚力量 recurs); only Han ones can
    // become entities (quotedStandsOut).
    if (!/[\u3400-\u9fff]/.test(term)) continue;
    const c = out.add(term, 'quoted', articleId);
    const at = m.index ?? 0;
    const context = text.slice(Math.max(0, at - 10), at + m[0].length + 10);
    const first = seen?.get(context);
    if (first === undefined) seen?.set(context, articleId);
    if (first !== undefined && first !== articleId) {
      c.repeatedQuoteArticles.add(articleId);
    } else {
      c.quoted++;
      c.quotedArticles.add(articleId);
    }
  }
}

const TITLE_NAME = new RegExp(
  `(?:${TITLES.join('|')})([${[...SURNAMES].join('')}][\\u4e00-\\u9fff]{1,2})(?=([\\u4e00-\\u9fff]?))`,
  'g',
);

/**
 * A name of two surnames and a two-character given name after a title: a Hong Kong woman's married
 * name (特首林郑月娥, 范徐丽泰). TITLE_NAME stops such a name after three characters.
 */
const TITLE_DOUBLE_NAME = new RegExp(
  `(?:${TITLES.join('|')})([${[...SURNAMES].join('')}]{2}[\\u4e00-\\u9fff]{2})`,
  'g',
);

/**
 * A state whose people's names Chinese writes in Han characters that are not read as Chinese names
 * (Japan, the Koreas, Vietnam), right before a title (日本首相, 日本新首相, 韩国前总统): the titled name
 * is no Chinese one (菅义伟 is Suga Yoshihide, never "Jian Yiwei"). Not the state a Chinese envoy is
 * posted to (中国驻日本大使). Folded (韓國 is 韩国).
 */
const HAN_NAME_STATE = /(?<![驻赴访])(?:日本|韩国|南韩|北韩|朝鲜|越南)(?:新|前|副|现任|时任)?$/;

/**
 * 3-character spans after a title (特使李辉再…); the length (2 or 3) is settled later by frequency.
 * Spans of two surnames and two more characters come as 4-character spans too (see TITLE_DOUBLE_NAME).
 * With `tails`, also what follows each span's first two characters, up to two characters ('' where
 * the Han run ends): 特使李辉再度 gives 李辉 → 再度, which tells whether a 2-character name ends there.
 * With `foreign`, the spans (and their 2-character heads) whose title follows a HAN_NAME_STATE.
 */
export function collectTitleNames(
  text: string,
  into: Map<string, number>,
  tails?: Map<string, Map<string, number>>,
  foreign?: Map<string, number>,
): void {
  const folded = fold(text);
  for (const m of folded.matchAll(TITLE_NAME)) {
    const span = m[1] as string;
    into.set(span, (into.get(span) ?? 0) + 1);
    if (foreign && HAN_NAME_STATE.test(folded.slice(Math.max(0, (m.index as number) - 7), m.index))) {
      for (const key of new Set([span, span.slice(0, 2)])) foreign.set(key, (foreign.get(key) ?? 0) + 1);
    }
    if (!tails) continue;
    const head = span.slice(0, 2);
    const tail = span.length === 3 ? span.slice(2) + (m[2] as string) : '';
    const counts = tails.get(head) ?? tails.set(head, new Map()).get(head);
    counts?.set(tail, (counts.get(tail) ?? 0) + 1);
  }
  for (const m of folded.matchAll(TITLE_DOUBLE_NAME)) {
    const span = m[1] as string;
    into.set(span, (into.get(span) ?? 0) + 1);
  }
}

export function isHeadingLike(text: string): boolean {
  return /^[\u3400-\u9fff·]{2,8}$/.test(text);
}

/** A name written with "·" in running text, not before a bracket (see collectDottedNames). */
export interface DottedOccurrence {
  articleId: string;
  /** Up to DOTTED_HEAD characters before the name's last "·", and the dot. */
  head: string;
  /** The characters after it, up to one that ends a name or DOTTED_TAIL of them. */
  tail: string;
  /** Whether the tail ends at a character that ends a name (not at DOTTED_TAIL). */
  closed: boolean;
}

const DOTTED_HEAD = 16;
const DOTTED_TAIL = 8;

/**
 * Names written with "·" in running text (特雷莎·梅接手, 洛克希德·马丁制造的): for each last "·" of a name,
 * what comes before it and the Han characters after it up to a function character or a character
 * that is no Han one (a hyphen between Han characters goes on: 克兰普-卡伦鲍尔). Those before a bracket
 * are collectParentheticals' (its English settles the name). Where the name ends is settled later
 * across the corpus (dottedNames): 梅 in 特雷莎·梅接手 cannot tell from one occurrence.
 * With `neighbours`, also the Han names written beside any "·" (林赛·格雷厄姆, 安吉丽娜·朱莉): the 2 to 4
 * characters right before a dot and right after one, folded. A name the corpus writes so is a part
 * of a foreign name, whatever its characters (林赛 "Lindsay", never "Lin Sai").
 */
export function collectDottedNames(
  articleId: string,
  text: string,
  into: DottedOccurrence[],
  neighbours?: Set<string>,
): void {
  if (!/[·‧・･•⋅∙]/.test(text)) return;
  const folded = fold(text);
  for (let d = folded.indexOf('·'); d >= 0; d = folded.indexOf('·', d + 1)) {
    if (neighbours) {
      let a = d;
      while (a > 0 && d - a < 4 && isHan(folded.charCodeAt(a - 1))) a--;
      for (let n = 2; n <= d - a; n++) neighbours.add(folded.slice(d - n, d));
      let b = d + 1;
      while (b < folded.length && b - d - 1 < 4 && isHan(folded.charCodeAt(b))) b++;
      for (let n = 2; n <= b - d - 1; n++) neighbours.add(folded.slice(d + 1, d + 1 + n));
    }
    if (!isHan(folded.charCodeAt(d - 1)) || !isHan(folded.charCodeAt(d + 1))) continue;
    let k = d + 1;
    let more = false;
    while (k < folded.length && k - d - 1 < DOTTED_TAIL) {
      const c = folded.charCodeAt(k);
      if (c === 0x2d && isHan(folded.charCodeAt(k + 1)) && isHan(folded.charCodeAt(k - 1))) {
        k++;
        continue;
      }
      if (c === 0xb7) more = true;
      if (!isHan(c) || STOP_CHARS.has(folded[k] as string)) break;
      k++;
    }
    if (more) continue; // not the name's last dot
    const closed = k - d - 1 < DOTTED_TAIL || k === folded.length;
    if (closed && /^\s*[（(]/.test(folded.slice(k, k + 3))) continue;
    into.push({
      articleId,
      head: text.slice(Math.max(0, d - DOTTED_HEAD), d + 1),
      tail: text.slice(d + 1, k),
      closed,
    });
  }
}

/**
 * The names that dotted occurrences (collectDottedNames) write, with the articles that write them:
 * occurrences that share the name up to its last "·" and the first character after it are one name,
 * whose end is the one where the most articles' occurrences end cleanly, before a character that
 * ends a name or a word (特雷莎·梅: 梅接手, 梅曾, 梅的 …; 马丁 of 洛克希德·马丁: 马丁丶, 马丁制造), in two
 * articles at least. Every part is written in transliteration characters (one other allowed in a
 * part of three or more): 人民日报·海外版 names no one. The left edge is nameBeforeParen's.
 */
export function dottedNames(
  occurrences: readonly DottedOccurrence[],
  lexicon: Lexicon,
): Map<string, Set<string>> {
  const groups = new Map<
    string,
    Array<{ articleId: string; prefix: string; tail: string; closed: boolean }>
  >();
  for (const o of occurrences) {
    // The left edge, as before a bracket, of the name with the first character after the dot (the
    // rest of the tail may run into the sentence).
    const name = nameBeforeParen(o.head + o.tail.slice(0, 1), lexicon);
    if (!name || name.length < 3) continue;
    const prefix = name.slice(0, -1);
    if (!/[·‧・･•⋅∙]$/.test(prefix)) continue;
    const key = foldKey(prefix) + foldKey(o.tail.slice(0, 1));
    const list = groups.get(key) ?? groups.set(key, []).get(key);
    list?.push({ articleId: o.articleId, prefix, tail: o.tail, closed: o.closed });
  }
  /** Whether the text after a name's end starts a word that is no transliteration (接手, 公司, 制造). */
  const startsWord = (rest: string) =>
    rest.length >= 2 &&
    lexicon.startsWord(rest.slice(0, 2)) &&
    !(TRANSLIT.has(rest[0] as string) && TRANSLIT.has(rest[1] as string));
  const out = new Map<string, Set<string>>();
  for (const list of groups.values()) {
    const tails = list.map((o) => foldKey(o.tail));
    // Where the name may end: where a tail ends before a character that ends a name, or where the
    // tails of two articles part (马丁|公司, 马丁|制造). Pairs of distinct tails only: a name written
    // a thousand times has a few dozen.
    const ends = new Set<string>();
    const articlesOf = new Map<string, Set<string>>();
    list.forEach((o, i) => {
      const tail = tails[i] as string;
      if (o.closed) ends.add(tail);
      (articlesOf.get(tail) ?? articlesOf.set(tail, new Set()).get(tail))?.add(o.articleId);
    });
    const distinct = [...articlesOf];
    for (let i = 0; i < distinct.length; i++) {
      for (let j = i + 1; j < distinct.length; j++) {
        const [a, inA] = distinct[i] as [string, Set<string>];
        const [b, inB] = distinct[j] as [string, Set<string>];
        // Two articles, not one writing the name twice.
        if (inA.size === 1 && inB.size === 1 && [...inA][0] === [...inB][0]) continue;
        let k = 0;
        while (k < a.length && a[k] === b[k]) k++;
        if (k > 0) ends.add(a.slice(0, k));
      }
    }
    // The end most articles' occurrences end at cleanly: before a character that ends a name, or a
    // word (特雷莎·梅|接手, not 特雷莎·梅|德脱欧: 德脱 starts no word).
    let best: { tail: string; support: number } | undefined;
    for (const end of ends) {
      const clean = new Set<string>();
      list.forEach((o, i) => {
        const tail = tails[i] as string;
        if (!tail.startsWith(end)) return;
        const rest = tail.slice(end.length);
        if (rest === '' ? o.closed : startsWord(rest)) clean.add(o.articleId);
      });
      const support = clean.size;
      if (!best || support > best.support || (support === best.support && end.length < best.tail.length))
        best = { tail: end, support };
    }
    if (!best || best.support < 2) continue;
    const end = best.tail;
    const members = list.filter((o) => foldKey(o.tail).startsWith(end));
    // The surface most often written.
    const surfaces = new Map<string, number>();
    for (const o of members) {
      const s = o.prefix + o.tail.slice(0, end.length);
      surfaces.set(s, (surfaces.get(s) ?? 0) + 1);
    }
    const surface = [...surfaces].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] as string;
    if (!foldKey(surface).split('·').every(transliteratedPart)) continue;
    out.set(surface, new Set(members.map((o) => o.articleId)));
  }
  return out;
}

/**
 * A part of a dotted name in transliteration characters, one other allowed in three or more: as
 * isTransliteration with a slack of one, but a part may be one character (梅 of 特雷莎·梅) and hold
 * a hyphen (克兰普-卡伦鲍尔).
 */
function transliteratedPart(part: string): boolean {
  const chars = [...part.replace(/-/g, '')];
  const others = chars.filter((c) => !TRANSLIT.has(c)).length;
  return chars.length > 0 && (others === 0 || (chars.length >= 3 && others <= 1));
}

/** Up to three Han characters right before a "(transcribed)" note: 中国籍郝新东(音译). */
const MARKED_NAME = /([\u4e00-\u9fff]{1,3})\s*[(（]\s*音译\s*[)）]/g;

/**
 * Chinese personal names an article marks as transcribed, "(音译)": a reporter's characters for a
 * name met in another language (郝新东(音译), 餐馆主人赖云（音译）). The note says the word before it is
 * a name, so one occurrence is evidence enough; the name is the surname and one or two characters
 * before the note (a surname that is a function character, 于 or 向, does not start one), and a note
 * after a lone surname or given name (教师阎（音译）, 儿子鹏翼（音译）) gives none. Found names go into
 * `into` by folded key, with their surface forms.
 */
export function collectMarkedNames(text: string, into: Map<string, Map<string, number>>): void {
  if (!text.includes('音')) return; // 音译 and 音譯 alike: most passages are not folded at all
  const folded = fold(text);
  for (const m of folded.matchAll(MARKED_NAME)) {
    const span = m[1] as string;
    const starts = (i: number) => {
      const c = span[i] as string;
      return i >= 0 && span.length - i >= 2 && SURNAMES.has(c) && !STOP_CHARS.has(c);
    };
    const from = starts(span.length - 3) ? span.length - 3 : starts(span.length - 2) ? span.length - 2 : -1;
    if (from < 0) continue;
    const key = span.slice(from);
    const at = (m.index as number) + from;
    const surface = text.slice(at, at + key.length); // fold keeps offsets: one unit per unit
    const forms = into.get(key) ?? new Map<string, number>();
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
    into.set(key, forms);
  }
}
