// Every alias of one entity, each with the source that produced it: the corpus' own forms, both
// scripts (opencc-js), the variant table and CC-CEDICT forms sharing its English name, phonetic
// variants merged into it, English names (parentheticals, CEDICT glosses incl. "aka" and first+last
// forms), and pinyin for Chinese personal names (surname first: Wang Yi, Xi Jinping).
import { foldKey } from '../text/fold.ts';
import { syllables } from '../text/romanize.ts';
import { isAcronym } from './candidates.ts';
import type { Lexicon } from './lexicon.ts';
import { normEnglish } from './lexicon.ts';
import type { Alias, AliasSource, EntityKind } from './types.ts';
import { isTransliteration, VARIANT_TABLE } from './variants.ts';

export interface AliasInput {
  name: string;
  kind: EntityKind;
  /** Folded keys merged into the entity. */
  members: string[];
  forms: Map<string, number>;
  english: Map<string, 'parenthetical' | 'cedict'>;
  /** English names that identify the entity (for CEDICT forms sharing them). */
  primaryEnglish: string[];
  mergedBy: Map<string, 'variant-table' | 'variant-phonetic'>;
  quoted: boolean;
  heading: boolean;
  /** Named only by subheadings or gallery titles (and the dictionary). */
  headingOnly?: boolean;
  lexicon: Lexicon;
  toSimplified: (s: string) => string;
  toTraditional: (s: string) => string;
  romanize: (simplified: string) => string | undefined;
  /** Folded forms that read as common words where they occur (上都 in 地图上都), never aliases. */
  readsAsWords?: (key: string) => boolean;
}

/**
 * A dictionary sense naming a people or its members: "Uighur (Uyghur) ethnic group of Xinjiang",
 * "Tibetan (person)", "Christian" (of 基督徒). Four letters at least: no "Hans" for 汉族 "Han".
 */
const PEOPLE = /^([A-Z][a-z]{3,})(?: \(([A-Z][a-z]{3,})\))?( ethnic group\b.*| \(person\))?$/;

/** A province's or autonomous region's English name, and the name before its administrative words. */
const REGION =
  /^([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) (?:Province|Autonomous Region|Special Administrative Region)$/;
/**
 * A name written without its spaces, spaced: a space before a capital after a lower-case letter
 * (not after Mc, Mac, De, Di, Du, La, Le, O: McKinney, DeSantis) and after an initial ("S."); undefined
 * for a name with spaces or nothing to space.
 */
export function unglued(name: string): string | undefined {
  if (/\s/.test(name)) return undefined;
  const spaced = name
    .replace(/(\p{Ll})(?=\p{Lu})/gu, (ch, _c, at: number) =>
      /(?:^|\P{L})(?:Mc|Mac|De|Di|Du|La|Le|O)$/u.test(name.slice(0, at + 1)) ? ch : `${ch} `,
    )
    .replace(/(\b\p{Lu}\.)(?=\p{Lu})/gu, '$1 ');
  return spaced !== name && spaced.split(' ').every((w) => w.length >= 2) ? spaced : undefined;
}

/** CC-CEDICT's label of a form used in Taiwan, before or after the gloss: "(Tw) Kenya", "Laos (Tw)". */
const TAIWAN_LABEL = /(?:^|\s)\(Tw\)(?:\s|$)/;
/**
 * A Japanese or Korean name's gloss ("Abe (Japanese surname)", "Abe Shinzo (1954-2022), Japanese LDP
 * politician"): such a name is written in its own characters on both sides of the strait, so a form
 * sharing its English is another name (亚伯 "Abe (short form for Abraham)" is no 安倍).
 */
const OWN_CHARACTERS = /\b(?:Japanese|Korean)\b/;

/** Titles that open an English name ("Pope Benedict XVI", "King Charles III"): no first name. */
export const NAME_TITLES = new Set(
  'Pope King Queen Prince Princess Emperor Empress Saint St Sir Dame Lord Lady Baron Baroness Duke Duchess Count Countess Cardinal'.split(
    ' ',
  ),
);

/** What a state's long name says it is of: "United States of America", "Republic of Korea". */
const STATE_OF =
  /^(?:[A-Z][\w'’-]* )*(?:States|Republic|Kingdom|Federation|Emirates) of (?:the )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)$/;
/** The people an autonomous region is named for: "Xinjiang Uighur", "Ningxia Hui". */
const ETHNIC = / (?:Uighur|Uyghur|Zhuang|Hui|Tibetan|Mongol)$/;

/** A naming sense derived from something else: an abbreviation, a maker or brand, a dated usage. */
const DERIVED_SENSE =
  /\babbr\. for\b|\((?:[^)]*\b(?:manufacturer|brand|company)|used in [^)]*\b(?:during|formerly|era)\b[^)]*|old|archaic)\)/;

/**
 * Whether a dictionary gloss names something of the Chinese-speaking world: it cites Chinese words
 * with their pinyin ("a district of Fuzhou City 福州市[Fu2 zhou1 Shi4]") or names a place there
 * ("city in west Taiwan"). Foreign names' glosses do neither ("Yemen (Tw)", "Guantanamo, Cuba").
 */
export function chineseReferent(gloss: string): boolean {
  return (
    /\[[A-Za-z]+\d/.test(gloss) ||
    /\b(?:Taiwan|Hong Kong|Macau|Beijing|Shanghai|Tianjin|Chongqing)\b/.test(gloss)
  );
}

/** Whether `name` is the pinyin of the first two or more characters of a Han key (Suzhou: 苏州市). */
export function romanises(name: string, key: string): boolean {
  const letters = name.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 4 || !/^[\u4e00-\u9fff]{2,}$/.test(key)) return false;
  let joined = '';
  for (const [i, s] of syllables(key).entries()) {
    joined += s;
    if (i >= 1 && joined === letters) return true;
    if (joined.length >= letters.length) return false;
  }
  return false;
}

export function buildAliases(input: AliasInput): Alias[] {
  const out: Alias[] = [];
  const seen = new Set<string>();
  const add = (text: string, source: AliasSource) => {
    const t = text.trim();
    if (t.length < 2 || t === input.name || seen.has(t)) return;
    seen.add(t);
    out.push({ text: t, source });
  };
  seen.add(input.name);
  const chinese: Array<[string, AliasSource]> = [];
  const formSource = (form: string): AliasSource => {
    const merged = input.mergedBy.get(foldKey(form));
    if (merged) return merged;
    if (input.quoted) return 'quoted';
    return input.headingOnly ? 'heading' : 'corpus';
  };
  for (const form of [...input.forms.keys()].sort()) chinese.push([form, formSource(form)]);
  if (input.heading) chinese.push([input.name, 'heading']);
  // Variant table and CEDICT forms sharing an English name.
  const keys = new Set(input.members);
  for (const [tw, cn] of VARIANT_TABLE) {
    if (keys.has(tw) && !keys.has(cn)) chinese.push([cn, 'variant-table']);
    if (keys.has(cn) && !keys.has(tw)) chinese.push([tw, 'variant-table']);
  }
  const ownCharacters =
    input.kind === 'person' && input.members.some((m) => OWN_CHARACTERS.test(input.lexicon.glossText(m)));
  for (const name of ownCharacters ? [] : input.primaryEnglish) {
    // An acronym in the corpus' brackets names several things (ABC: 美国广播公司, 澳大利亚广播公司).
    if (isAcronym(name) && input.english.get(name) === 'parenthetical') continue;
    for (const key of input.lexicon.byEnglish.get(normEnglish(name)) ?? []) {
      if (keys.has(key) || key.length < 2) continue;
      const entries = input.lexicon.proper.get(key) ?? [];
      // A topic's English is often a common word many dictionary names share; only a form the
      // dictionary labels Taiwan's is its variant (马尔地夫 "the Maldives (Tw)" of 马尔代夫, a topic by
      // its gloss "the Maldives").
      if (input.kind === 'topic' && !entries.some((e) => e.glosses.some((g) => TAIWAN_LABEL.test(g))))
        continue;
      // Case matters for acronyms: WHO (the organisation) is not The Who (the band).
      if (
        !input.lexicon
          .englishOf(entries, true)
          .some((n) => n === name || (!/^[A-Z0-9]+$/.test(name) && normEnglish(n) === normEnglish(name)))
      )
        continue;
      if (input.readsAsWords?.(key)) continue;
      // A name the dictionary says is another thing (佐治亚 "Georgia, US state" for 格鲁吉亚 "Georgia
      // (country)").
      if (input.members.some((m) => input.lexicon.differentThings(m, key))) continue;
      // A common word whose naming sense is derived (an abbreviation, a brand, a dated usage) is the
      // common word nearly wherever it occurs: 大众 "the public" (Volkswagen), 内地 "the mainland"
      // (Japan, as colonial Taiwan used it), 人大 (the NPC; Renmin University), 头条 "headline". One
      // whose naming sense is its own (包头 Baotou) stays.
      const gloss = input.lexicon.glossText(key);
      if (input.lexicon.common.has(key) && DERIVED_SENSE.test(gloss)) continue;
      // Two Chinese names romanised alike are homophones, not one name: 宿州 is not 苏州, though
      // the dictionary gives both as "Suzhou" (苏州市, the same name with 市, is a form of it).
      // Transliterations of one foreign name sound alike by design (也门 and 叶门, "Yemen"): only a
      // name the dictionary places in the Chinese-speaking world (see chineseReferent) is told apart.
      if (
        chineseReferent(gloss) &&
        romanises(name, key) &&
        input.members.some((m) => romanises(name, m)) &&
        !input.members.some((m) => key.startsWith(m) || m.startsWith(key))
      )
        continue;
      for (const e of entries) {
        chinese.push([e.traditional, 'variant-gloss']);
        chinese.push([e.simplified, 'variant-gloss']);
      }
    }
  }
  for (const [form, source] of chinese) {
    add(form, source);
    add(input.toTraditional(form), 'opencc');
    add(input.toSimplified(form), 'opencc');
  }
  // English.
  for (const [name, source] of input.english) {
    add(name, source);
    // A province or region by its own name: Xinjiang for "Xinjiang Uighur Autonomous Region",
    // Guangdong for "Guangdong Province" (not cities, counties or districts: New York City, He County).
    const region = input.kind === 'place' ? REGION.exec(name)?.[1]?.replace(ETHNIC, '') : undefined;
    if (region && region.length >= 4) add(region, source);
    // A state by what it is of: America for "United States of America", Congo for "Democratic
    // Republic of Congo" (a key another entity names as its own stays that one's: China).
    const of = input.kind === 'place' ? STATE_OF.exec(name)?.[1] : undefined;
    if (of && of.length >= 4) add(of, source);
    const words = name.split(/\s+/);
    // Sergey Viktorovich Lavrov → Sergey Lavrov; not "Pope XVI" of Pope Benedict XVI, nor "Martin Jr.",
    // nor "I Ali" of the film "I Am Ali" (a first name has a letter in lower case).
    const [first, last] = [words[0] as string, words[words.length - 1] as string];
    if (
      input.kind === 'person' &&
      words.length >= 3 &&
      /^\p{Lu}\p{Ll}/u.test(first) &&
      /^[A-Z]/.test(last) &&
      !/^(?:[IVXLC]+|Jr\.?|Sr\.?)$/.test(last) &&
      !NAME_TITLES.has(first)
    ) {
      add(`${first} ${last}`, source);
    }
  }
  // A people by its plural too (Uighurs, Tibetans, Kazakhs), and the spelling in brackets (Uyghur).
  if (input.kind === 'topic' || /[人族]$/.test(input.name)) {
    const first = (input.lexicon.glossText(input.name).split(';')[0] ?? '').trim();
    const people = PEOPLE.exec(first);
    const names =
      people && (/[人族徒]$/.test(input.name) || people[3] !== undefined) ? [people[1], people[2]] : [];
    for (const n of names) {
      if (!n) continue;
      add(n, 'cedict');
      add(`${n}s`, 'cedict');
    }
  }
  // Pinyin only where nothing else gives an English name (李辉 → Li Hui); dictionary and corpus forms
  // are better (蔡英文 is Tsai Ing-wen, not Cai Yingwen).
  if (input.kind === 'person' && input.english.size === 0) {
    const simplified = input.toSimplified(input.name);
    if (!isTransliteration(simplified, 1)) {
      const roman = input.romanize(simplified);
      if (roman) add(roman, 'pinyin');
    }
  }
  return out;
}
