// Entities of imported articles, found in the background at import time. The build's extractor
// (src/entities) reads CC-CEDICT from disk and must never ship in the extension, so imports use this
// small dictionary-free path instead: people named after a role (台灣前總統馬英九, 外长王毅), names
// glossed in parentheses (中文名（English Name）), and capitalised English names repeated in an
// article. Names the bundled corpus already knows are left to it (its detector finds them).
import type { Article } from '../corpus/types.ts';
import type { Alias, Entity, EntityKind } from '../entities/types.ts';
import { foldKey } from '../text/fold.ts';

/** Role words that come right before a person's name in news Chinese (both scripts). */
const ROLES = [
  '總統',
  '总统',
  '副總統',
  '副总统',
  '主席',
  '總理',
  '总理',
  '首相',
  '總書記',
  '总书记',
  '部長',
  '部长',
  '外長',
  '外长',
  '國務卿',
  '国务卿',
  '發言人',
  '发言人',
  '院長',
  '院长',
  '市長',
  '市长',
  '議員',
  '议员',
  '立委',
  '大使',
  '教授',
  '學者',
  '学者',
  '主任',
  '秘書長',
  '秘书长',
  '委員',
  '委员',
  '執行長',
  '执行长',
  '董事長',
  '董事长',
  '總裁',
  '总裁',
  '候選人',
  '候选人',
  '顧問',
  '顾问',
  '總監',
  '总监',
];

/** Common Chinese surnames (Traditional and Simplified forms): a role word alone is not enough. */
const SURNAMES = new Set(
  '王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧肖田董袁潘于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦付方白鄒邹孟熊秦邱江尹薛閻阎段雷侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔向湯汤柯翁賴赖洪游施卓蘇連连彭溫温侯'.split(
    '',
  ),
);

const ROLE_NAME = new RegExp(`(?:${ROLES.join('|')})([\\u3400-\\u9fff]{2,3})`, 'g');
const GLOSSED = /([\u3400-\u9fff]{2,8})[（(]([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,4})[）)]/g;
const ENGLISH_NAME = /\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})\b/g;
const ENGLISH_STOP = new Set([
  'The',
  'In',
  'On',
  'At',
  'But',
  'And',
  'For',
  'As',
  'It',
  'This',
  'When',
  'If',
]);

function count(texts: readonly string[], needle: string): number {
  let n = 0;
  for (const text of texts) {
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  }
  return n;
}

interface Candidate {
  name: string;
  kind: EntityKind;
  english?: string;
  articles: Set<string>;
}

function textsOf(article: Article): string[] {
  return [article.title, ...article.passages.map((p) => p.text)];
}

/** A person's name after a role word: three characters when they recur as such, else two. */
function roleNames(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(ROLE_NAME)) {
      const three = m[1] ?? '';
      if (!SURNAMES.has(three[0] ?? '')) continue;
      const two = three.slice(0, 2);
      const n3 = three.length === 3 ? count(texts, three) : 0;
      const n2 = count(texts, two);
      if (n3 >= 2 && n3 * 10 >= n2 * 6) found.add(three);
      else if (n2 >= 2) found.add(two);
    }
  }
  return [...found];
}

/** Words that end the phrase before a glossed name: 「…舉辦的世界經濟論壇（WEF）」 glosses 世界經濟論壇. */
const PHRASE_BREAK = /^.*[的是在和与與及、于於对對由从從将將被把向]/u;
const ROLE_PREFIX = new RegExp(`^.*(?:${ROLES.join('|')})`, 'u');

/** The Chinese name a parenthetical gloss belongs to, or null when it looks like no name. */
export function glossedName(zh: string, english: string): string | null {
  const words = english.split(' ').length;
  const acronym = /^[A-Z]{2,6}$/.test(english);
  if (words === 1 && !acronym) return null;
  let name = zh.replace(ROLE_PREFIX, '');
  if (name === zh) name = zh.replace(PHRASE_BREAK, '');
  if (words >= 2 && name.length > 5) name = name.slice(-4);
  return name.length >= 2 ? name : null;
}

export interface ExtractOptions {
  /** True when the bundled corpus already knows this name (then it is not a new entity). */
  isKnown?: (form: string) => boolean;
}

/** New entities in `articles`, with aliases in both Chinese scripts; ids are "e:<name>". */
export function extractImportedEntities(
  articles: readonly Article[],
  options: ExtractOptions = {},
): Entity[] {
  const isKnown = options.isKnown ?? (() => false);
  const candidates = new Map<string, Candidate>();
  const add = (name: string, kind: EntityKind, article: Article, english?: string) => {
    const key = foldKey(name);
    let c = candidates.get(key);
    if (!c) {
      c = { name, kind, articles: new Set(), ...(english ? { english } : {}) };
      candidates.set(key, c);
    }
    if (english && !c.english) c.english = english;
    c.articles.add(article.id);
  };
  for (const article of articles) {
    const texts = textsOf(article);
    for (const name of roleNames(texts)) add(name, 'person', article);
    for (const text of texts) {
      for (const m of text.matchAll(GLOSSED)) {
        const en = m[2] ?? '';
        const name = glossedName(m[1] ?? '', en);
        if (!name) continue;
        const words = en.split(' ').length;
        if (name.length >= 2) add(name, words >= 2 ? 'person' : 'organisation', article, en);
      }
    }
    if (article.script === 'en') {
      const english = texts.join('\n');
      const seen = new Map<string, number>();
      for (const m of english.matchAll(ENGLISH_NAME)) {
        const name = m[1] ?? '';
        if (ENGLISH_STOP.has(name.split(/[ -]/)[0] ?? '')) continue;
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
      for (const [name, n] of seen) if (n >= 2) add(name, 'person', article, name);
    }
  }
  const entities: Entity[] = [];
  for (const c of candidates.values()) {
    // Aliases in the other script are not needed: the import detector folds both scripts.
    if (isKnown(c.name)) continue;
    const aliases: Alias[] = [{ text: c.name, source: 'corpus' }];
    if (c.english && c.english !== c.name) aliases.push({ text: c.english, source: 'parenthetical' });
    entities.push({
      id: `e:${c.name}`,
      name: c.name,
      kind: c.kind,
      aliases,
      articleCount: c.articles.size,
      ...(c.english ? { english: c.english } : {}),
    });
  }
  return entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
