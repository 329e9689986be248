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
  '議長',
  '议长',
  '會長',
  '会长',
  '局長',
  '局长',
  '專員',
  '专员',
  '專家',
  '专家',
  '將軍',
  '将军',
  '上將',
  '上将',
  '書記',
  '书记',
  '外相',
  '大臣',
  '法官',
  '律師',
  '律师',
  '主持人',
  '創辦人',
  '创始人',
  '冠軍',
  '冠军',
  '財長',
  '财长',
  '防長',
  '防长',
  '人選',
  '人选',
];

/** Words that make an English gloss an organisation's name rather than a person's. */
const ORG_WORDS =
  /\b(?:Center|Centre|Institute|University|Association|Organi[sz]ation|Council|Party|Bank|Company|Group|Agency|Foundation|Fund|Forum|Committee|Ministry|Department|Office|Union|Court|News|Times|Post|Research|Corporation|International|National|Health|Services?|Network|Watch|Alliance|Initiative|Force|Army|Police|Commission|League|Club|Federation|School|College|Journal|Media|Press|Radio|Airlines?|Motors|Project|Society|Movement|Front|Program(?:me)?|Report|Index|Agreement|Act)\b/;

/** The tail of a role word or a function word left before a name by a cut run (秘书长|斯托尔滕贝格). */
const LEADING_JUNK =
  /^(?:书长|書長|席|长|長|人|员|員|家|与|與|和|及|了|为|為|是|在|的|对|對|由|向|将|將|被|把)+/;

/** Common words that begin with a surname character and often follow a role word (部長任期內). */
const NOT_NAMES = new Set(
  '任期 任内 任命 任职 任何 何时 何种 何处 高度 高级 高层 方面 方式 周年 周边 周一 周二 周三 周四 周五 周六 周日 于是 万人 万名 余名 余人 曾经 曾在 曾任 林业 马上 安全 史上 向来 金融 石油 江湖 白宫 黄金 孔子 孙子 宋朝 唐朝 明朝 严重 常务 王国 田间 温和 温度 沈默 朱红 邱疹 任务 向前 钱款 汪洋 卢布 陆军 陆续 陈述 杨树 黎明 事务 企业 债务 政府 政策 经济 社会 国家 媒体 公司 银行 市场 问题 中心 组织 议会 法院 部门 行业 产业 工业 能源 气候 环境 卫生 健康 教育 科技 技术 贸易 投资 货币 外交 军事 国防 人权 民主 自由 委员会 基金会'.split(
    ' ',
  ),
);

/** Common Chinese surnames (Traditional and Simplified forms): a role word alone is not enough. */
const SURNAMES = new Set(
  '王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧肖田董袁潘于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦付方白鄒邹孟熊秦邱江尹薛閻阎段雷侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔向湯汤柯翁賴赖洪游施卓蘇連连彭溫温侯'.split(
    '',
  ),
);

const ROLE_NAME = new RegExp(`(?:${ROLES.join('|')})([\\u3400-\\u9fff]{2,3})`, 'g');
const GLOSSED = /([\u3400-\u9fff]{2,8})[（(]([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,4})[）)]/g;
const ENGLISH_NAME = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2})(?![\p{L}\p{N}])/gu;
/** "Mr Biden": an honorific and a surname alone name no one in particular; "President Trump" neither. */
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|President|Prince|Princess|King|Queen|General|Senator|Governor|Judge)\b/;
const PLACE_WORDS =
  /^(?:New|South|North|East|West|Saudi|Hong|United|Great)\b|\b(?:County|Gulf|Sea|Ocean|River|Island|Islands|Street|Hill|Valley|City|Mexico|Arabia|Africa|Korea|Kong|York|Zealand|Kingdom|States)$/;
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

/** "Mr Raffensperger", "Ms Hathloul": a title and a surname, as English news names a person once introduced. */
const TITLED_SURNAME =
  /\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|President|Senator|Governor|Judge|Prince|Princess)\.?\s+(\p{Lu}[\p{L}'’-]+)(?![\p{L}'’-])(?!\s+\p{Lu})/gu;
/** A surname without the particle glued on (al-Hathloul is "Ms Hathloul") or a possessive. */
const surnameOf = (word: string): string => word.replace(/^\p{Ll}{1,3}-/u, '').replace(/['’]s$/u, '');

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
      if (NOT_NAMES.has(foldKey(two))) continue;
      const n3 = three.length === 3 ? count(texts, three) : 0;
      const n2 = count(texts, two);
      if (n3 >= 2 && n3 * 10 >= n2 * 6) found.add(three);
      else if (n2 >= 2) found.add(two);
    }
  }
  return [...found];
}

/** Words that end the phrase before a glossed name: 「…舉辦的世界經濟論壇（WEF）」 glosses 世界經濟論壇. */
const PHRASE_BREAK = /^.*[的是在和与與及、于於对對由从從将將被把向到了为為也之一]/u;
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

/**
 * A person's name before a gloss, found by where the text stops varying: the longest tail of the run
 * (at least two characters) that the article uses more often than the same tail one character longer
 * (专家佛奇（Anthony Fauci）…佛奇表示… gives 佛奇). Null when the run's tails never recur.
 */
export function recurringSuffix(zh: string, texts: readonly string[]): string | null {
  const counts: number[] = [];
  for (let len = 2; len <= zh.length; len++) counts[len] = count(texts, zh.slice(-len));
  for (let len = zh.length; len >= 2; len--) {
    const n = counts[len] ?? 0;
    if (n >= 2 && (len === zh.length || n > (counts[len + 1] ?? 0))) return zh.slice(-len);
  }
  return null;
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
  /** Per article, the surnames it writes after a title. */
  const titled = new Map<string, Set<string>>();
  for (const article of articles) {
    const texts = textsOf(article);
    for (const name of roleNames(texts)) add(name, 'person', article);
    for (const text of texts) {
      for (const m of text.matchAll(GLOSSED)) {
        const en = m[2] ?? '';
        const person = en.includes(' ') && en.split(' ').length <= 4 && !ORG_WORDS.test(en);
        const found = person ? recurringSuffix(m[1] ?? '', texts) : null;
        let name = (found ?? glossedName(m[1] ?? '', en) ?? '').replace(ROLE_PREFIX, '');
        if (person) {
          const trimmed = name.replace(LEADING_JUNK, '');
          if (trimmed.length >= 2) name = trimmed;
        }
        // A name the article uses only inside its gloss is too likely a cut in the wrong place.
        if (name.length < (person ? 2 : 3) || name.length > 8 || count(texts, name) < 2) continue;
        if (NOT_NAMES.has(foldKey(name))) continue;
        add(name, person ? 'person' : 'organisation', article, en);
      }
    }
    if (article.script === 'en') {
      const english = texts.join('\n');
      const surnames = new Set<string>();
      for (const m of english.matchAll(TITLED_SURNAME)) surnames.add(surnameOf(m[1] ?? ''));
      titled.set(article.id, surnames);
      const seen = new Map<string, number>();
      for (const m of english.matchAll(ENGLISH_NAME)) {
        const name = m[1] ?? '';
        if (ENGLISH_STOP.has(name.split(/[ -]/)[0] ?? '') || HONORIFIC.test(name)) continue;
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
      for (const [name, n] of seen) {
        if (n < 2) continue;
        const kind = ORG_WORDS.test(name) ? 'organisation' : PLACE_WORDS.test(name) ? 'place' : 'person';
        add(name, kind, article, name);
      }
    }
  }
  // A person's surname alone, where an article that names them in full also titles that surname
  // ("Brad Raffensperger" … "Mr Raffensperger") and no other person found here has it.
  const surnameOfPerson = (c: Candidate): string | undefined => {
    if (c.kind !== 'person' || !/^\p{Lu}/u.test(c.name)) return undefined;
    const surname = surnameOf(c.name.split(/\s+/).pop() ?? '');
    return [...c.articles].some((id) => titled.get(id)?.has(surname)) ? surname : undefined;
  };
  const bearers = new Map<string, number>();
  for (const c of candidates.values()) {
    if (c.kind !== 'person' || !/^\p{Lu}/u.test(c.name)) continue;
    const surname = surnameOf(c.name.split(/\s+/).pop() ?? '');
    bearers.set(surname, (bearers.get(surname) ?? 0) + 1);
  }
  const entities: Entity[] = [];
  for (const c of candidates.values()) {
    // Aliases in the other script are not needed: the import detector folds both scripts.
    if (isKnown(c.name)) continue;
    const aliases: Alias[] = [{ text: c.name, source: 'corpus' }];
    if (c.english && c.english !== c.name) aliases.push({ text: c.english, source: 'parenthetical' });
    const surname = surnameOfPerson(c);
    if (surname && surname.length >= 3 && bearers.get(surname) === 1 && !isKnown(surname))
      aliases.push({ text: surname, source: 'short-form' });
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
