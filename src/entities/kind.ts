// The kind of an entity (person, place, organisation, event, topic) from the evidence at hand:
// CC-CEDICT gloss wording first, then the English name's shape, then the Chinese form's suffix.

import { unglued } from './aliases.ts';
import { kindFromGloss, USAGE_LABELS } from './lexicon.ts';
import { SURNAMES, TITLES } from './stopchars.ts';
import type { EntityKind } from './types.ts';
import { isTransliteration } from './variants.ts';

const ORG_WORDS =
  /\b(Party|Organi[sz]ation|Agency|Company|Corporation|University|Ministry|Council|Committee|Bank|Union|Institute|Association|Army|Court|Parliament|Police|Foundation|League|Alliance|Group|Federation|Fund|Office|Commission|Assembly|Congress|Bureau|Academy|Inc|News|Times|Post|Press|Airlines?|Network|Watch|International|Amnesty|Reuters|Bundestag|Bundeswehr|Agentur|Partei|Stiftung|Gesellschaft|Verband|Institut|Zeitung|Exchange|Senate|Journal|Club|Team|FC|Daily|Herald|Tribune|Gazette|Magazine|AG|Co|Authority|Administration|Guard)\b/;
const PLACE_SUFFIX =
  /(国|省|市|州|县|郡|岛|群岛|山|河|湖|港|城|区|洲|湾|海|峡|镇|村|街|路|广场|机场|大学城|盆地|高原|半岛)$/;
/** Two to four capitalised words, particles between them allowed: "Baldur Benedikt von Schirach". */
const PERSON_NAME =
  /^[A-Z][\p{L}'’-]+(?: (?:(?:von|van|de|der|den|da|di|du|del|al|bin|ibn|le|la|zu) )?[A-Z][\p{L}'’.-]+){1,3}$/u;
/**
 * Newspapers, broadcasters, parties, banks, firms and schools (费加罗报, 澎湃新闻, 新党); not a
 * communiqué (中美建交公报) nor fake news (假新闻).
 */
const ORG_SUFFIX =
  /(.{2}(?<!公)报|.(?<!假)新闻|周刊|电视台|通讯社|广播公司|党|银行|集团|公司|大学|学院|组织)$/;
const EVENT_SUFFIX =
  /(会|会议|峰会|战争|战役|事件|运动|革命|选举|大选|危机|疫情|抗议|示威|起义|屠杀|奥运|世界杯|协议|倡议|计划|条约)$/;

/** "Western Australia", "North Rhine-Westphalia", "South China Sea". */
const COMPASS_NAME = /^(?:East|West|North|South|Northern|Southern|Eastern|Western) [A-Z]/;
const BARE_NAME = /^[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}$/;

export interface KindEvidence {
  key: string;
  gloss: string;
  english: string[];
  titleName: boolean;
  quoted: boolean;
  cedict: boolean;
  /** Whether the dictionary gives an English name as a person's and no place's (Lexicon.isPersonalName). */
  personalName?: (english: string) => boolean;
}

export function decideKind(ev: KindEvidence): EntityKind {
  const fromGloss = kindFromGloss(ev.gloss);
  if (fromGloss) return fromGloss;
  // A capitalised "… Day" is a holiday ("International Women's Day" is no organisation).
  if (
    ev.cedict &&
    /\b[A-Z][\w'’]* (?:Day|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(ev.gloss)
  )
    return 'event';
  // A ship, an aircraft or a spacecraft by its name (尼米兹号 "USS Nimitz", 空军一号, 辽宁号): a thing,
  // not the person or place it is named after.
  if (VESSEL.test(ev.key)) return 'topic';
  if (ev.english.some((e) => ORG_WORDS.test(e) || /^[A-Z]{2,6}$/.test(e))) return 'organisation';
  if (ev.titleName) return 'person';
  if (ORG_SUFFIX.test(ev.key)) return 'organisation';
  if (EVENT_SUFFIX.test(ev.key)) return 'event';
  if (PLACE_SUFFIX.test(ev.key)) return 'place';
  // A point of the compass starts a region's name, never a person's (西澳 "Western Australia").
  if (ev.english.some((e) => COMPASS_NAME.test(e))) return 'place';
  const personLike = ev.english.some((e) => PERSON_NAME.test(e));
  const bare = ev.gloss.replace(USAGE_LABELS, '').split(/[,;(]/)[0]?.trim() ?? '';
  // A name written with "·" (鲍勃·伍德沃德 "Bob Woodward") is a person's; but not a dictionary entry
  // glossed by the bare name alone whose first word the dictionary gives as no one's name: the
  // dictionary glosses people with dates, a role or "(name)", and these are makes (阿尔法·罗密欧
  // "Alfa Romeo", 阿斯顿·马丁 "Aston Martin"; of the 567 such persons in dw-zh, only these two).
  if (personLike && ev.key.includes('·')) {
    const brand =
      ev.cedict &&
      bare !== '' &&
      ev.gloss.split(';').every((g) => g.trim() === bare) &&
      !ev.personalName?.(bare.split(' ')[0] as string);
    return brand ? 'organisation' : 'person';
  }
  // A dictionary proper noun glossed by a bare name and no dates (Japan, South Korea, White House,
  // "(Tw) Italy", "Frankfurt, Germany") is a place, unless the dictionary gives that name as a
  // person's elsewhere and never as a place's (费利克斯 "Felix": 菲力克斯 "Felix (name)"; 维特
  // "Werther, opera …; Werther, German masculine given name"): then it is a person.
  if (ev.cedict && BARE_NAME.test(bare)) {
    // A ruling house or a family by its name is no place: "Hapsburg (European dynasty)".
    if (/\((?:[\w-]+ )*(?:dynasty|family|clan)\)/.test(ev.gloss)) return 'topic';
    return ev.personalName?.(bare) ? 'person' : 'place';
  }
  if (
    personLike &&
    (isTransliteration(ev.key) || (SURNAMES.has(ev.key[0] as string) && ev.key.length <= 3))
  ) {
    return 'person';
  }
  // A name the corpus wrote without its spaces (RosaMeriläinen) that starts with a given name the
  // dictionary knows as a person's: not ThyssenKrupp nor ExxonMobil.
  for (const e of ev.english) {
    const spaced = unglued(e);
    if (spaced && PERSON_NAME.test(spaced) && ev.personalName?.(spaced.split(' ')[0] as string))
      return 'person';
  }
  // A name written with "·" in transliteration characters (one other allowed), with no English to
  // say more (罗伯·派丁森, Robert Pattinson): a person's, as the names with "·" above.
  if (ev.english.length === 0 && ev.key.includes('·') && isTransliteration(ev.key, 1)) return 'person';
  if (ev.quoted) return 'topic';
  // Capitalised words are a person's name when the corpus gave them in brackets; a dictionary entry
  // that got this far without a person's gloss is a thing (Three Represents, Les Misérables).
  if (personLike && (!ev.cedict || /\((?:sur)?name\)/.test(ev.gloss))) return 'person';
  return 'topic';
}

/** A vessel's name: a name and 号 (a word ending in 号, 口号 "slogan", is no name). */
const VESSEL = /^[\u3400-\u9fff·]{2,}[号號]$/;

/** Titles and roles before a name: a person (检察官杰克逊, 冠军汉密尔顿). */
const PERSON_BEFORE = new RegExp(
  `(?:${[...TITLES, '检察官', '冠军', '车手', '球星', '影星', '先生', '女士', '名将', '球员', '教练'].join('|')})$`,
);
/**
 * Before a name: a place one is in, goes to or is stationed at (驻华盛顿, 前往开姆尼茨, 抵达柏林), or
 * what kind of place it is (首都柏林, 港口城市汉堡, 艺术家村沃普斯韦德, 家乡X).
 */
const PLACE_BEFORE = /(?:驻|赴|往|抵|达|位于|城市|小镇|小城|城镇|古镇|村|首都|首府|港口|故乡|家乡)$/;
/**
 * After a name (and its name in brackets, if given): a count or list of places it ends
 * (绿湾和基诺沙（Kenosha）两个城市, 德法等国, 汉堡等地); not 等国企 (state firms), 等地方官员.
 */
const PLACE_AFTER =
  /^(?:[(（][^)）]{0,40}[)）])?(?:等(?:国(?![企有营])|地(?!方))|(?:等|[两三四五六七八九几]个)(?:城市|城镇|小镇|地区|国家|州))/;
/**
 * After 在 X: what makes X a place one is at (在华盛顿举行, 在开姆尼茨，): a pause or an event. Not
 * any word: 在默克尔看来, 在里根执政期间, 在中美关系中, 在互联网上 are views, times and abstractions.
 */
const PLACE_AFTER_AT =
  /^(?:[，。、；：]|举行|召开|举办|会见|会晤|会谈|出席|发表|接受|停留|签署|街头|郊区|市中心|市区)/;

/**
 * After 在 X: 上 and a pause or what one does with words (在互联网上，, 在微博上发文): X is a medium,
 * not a place (not 在日本上市).
 */
const MEDIUM_AFTER_AT = /^上(?:[，。、；：]|的|发|传|流|贴|公开|出现|看到|写|说|表示|批评|呼吁)/;

/**
 * Beside a name: what calls it a firm or a body (能源巨头埃克森美孚, 市场研究机构益普索, 爱思强公司,
 * 高盛集团).
 */
const ORG_BEFORE =
  /(?:公司|集团|企业|机构|厂商|巨头|制造商|生产商|运营商|供应商|品牌|智库|药企|车企|银行|投行|旗下|[美外官港台德英日]媒)[《“]?$/;
const ORG_AFTER = /^(?:公司|集团|股份|有限公司|首席执行官|董事长|总裁)/;

/** After a title in 《》: what a paper does (报道, 援引, 发表文章, 主编…). */
const PUBLISHES = /^(?:报道|报导|报称|援引|引述|发表|发文|刊登|刊文|分析|社论|主编|总编|网站|记者)/;
const TITLE_OPEN = '《〈';
const TITLE_CLOSE = '》〉';

export type KindCue = 'person' | 'place' | 'medium' | 'organisation' | 'work';

/**
 * What the words around one corpus mention of a name say of its kind, if anything (folded text):
 * 《》 around it say a work; a title before it says person; 驻, 赴, 前往, 抵达 or 位于 before it, the
 * kind of place before it, a count of places after it, or 在 before it and a pause or an event after
 * it, say place; 在 before it and 上 with words after it, a medium.
 */
export function kindCue(text: string, start: number, end: number): KindCue | undefined {
  // The whole title of a book, a film, a painting or a paper (《蒙娜丽莎》); a paper when it reports
  // or is called one (《今日美国》援引…, 《风传媒》发表文章, 美媒《今日美国》).
  const before = text.slice(Math.max(0, start - 5), start);
  if (start > 0 && TITLE_OPEN.includes(text[start - 1] as string) && TITLE_CLOSE.includes(text[end] ?? ''))
    return PUBLISHES.test(text.slice(end + 1, end + 4)) || ORG_BEFORE.test(before) ? 'organisation' : 'work';
  if (PERSON_BEFORE.test(before)) return 'person';
  if (PLACE_BEFORE.test(before) || PLACE_AFTER.test(text.slice(end, end + 50))) return 'place';
  // Not a count of countries before 集团: 四国集团 (the G4) is no firm named 四国.
  const next = text.slice(end, end + 5);
  if (
    ORG_BEFORE.test(before) ||
    (ORG_AFTER.test(next) && !(next.startsWith('集团') && text[end - 1] === '国'))
  )
    return 'organisation';
  if (before.endsWith('在')) {
    const after = text.slice(end, end + 3);
    if (PLACE_AFTER_AT.test(after)) return 'place';
    if (MEDIUM_AFTER_AT.test(after)) return 'medium';
  }
  return undefined;
}

/** Before a person's name in English news: a title ("Mr Trump", "President Biden"). */
const EN_PERSON_BEFORE =
  /\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|President|Vice-President|Senator|Governor|Prime Minister|Chancellor|Secretary|Speaker|Judge|Prince|Princess|King|Queen|Pope)\.? $/;
/** What a firm is called before its name: "e-commerce giant Alibaba", "firms such as Amazon". */
const EN_ORG_BEFORE =
  /\b(?:(?:giant|titan|firm|company|carmaker|maker|retailer|platform|conglomerate|bank|lender|insurer|start-up|startup|subsidiary|rival),? |(?:firms|companies|rivals) (?:such as|like|including) |(?:rival|rivals|competitor|competitors) (?:to|of) |shares (?:in|of) |stake in )$/;
/** What follows a firm's name: "Amazon's boss", "Alibaba, an e-commerce giant", "Pfizer Inc". */
const EN_ORG_AFTER =
  /^(?:['’]s (?:boss|bosses|chief executive|founder|co-founder|chairman|head of|shares|share price|market value|valuation|employees|staff|workers|customers|users|app|apps|website|platform|products|revenue|revenues|profits?|sales|board|executives|stock)\b|,? (?:Inc|Ltd|Corp|Corporation|plc|AG|SA)\b|, (?:an? |the )(?:[\w-]+ ){0,3}(?:company|firm|giant|retailer|platform|bank|lender|carmaker|maker|conglomerate|group)\b)/;
/** Before a place's name: "in Georgia", "flights to Paris", "from London", "across Europe". */
const EN_PLACE_BEFORE =
  /\b(?:in|to|from|across|throughout|visited|visit|capital of|city of|state of|near|outside) $/;
/** After a place's name, where "in X" may be a firm's ("a stake in Alibaba"): a pause or the end. */
const EN_PLACE_END = /^(?:[,.;:!?)]|\s+(?:and|or|where|which|that|since|last|this|next|on|in|for)\b|$)/;

/** Where words are posted or goods sold: "posted on Twitter", "followers on WeChat", "ordering on Amazon". */
const EN_MEDIUM_BEFORE =
  /\b(?:posted|posting|wrote|writing|tweeted|shared|sharing|posts?|followers|users|accounts?|pages?|ordering|orders|selling|sold|videos?|comments?|messages?|live|streamed|streaming|published|advertis\w*|banned|suspended) on $/;

/**
 * kindCue for an English text: a title before the name says person; a firm's words around it
 * organisation; "in", "to", "from" before it and a pause after it, place; "posted on" and the like
 * before it, a medium. Only mentions in Latin letters are read so (English articles name things
 * there; kindCue reads the Chinese ones).
 */
export function englishKindCue(text: string, start: number, end: number): KindCue | undefined {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 60);
  if (EN_PERSON_BEFORE.test(before)) return 'person';
  if (EN_MEDIUM_BEFORE.test(before)) return 'medium';
  if (EN_ORG_BEFORE.test(before) || EN_ORG_AFTER.test(after)) return 'organisation';
  if (EN_PLACE_BEFORE.test(before) && EN_PLACE_END.test(after)) return 'place';
  return undefined;
}

/** Between two names of a list: 、 (or 丶, which some sources type for it), 和, 及. Not 与 ("with"). */
const LIST_SEPARATOR = /^[、丶和及]$/;
/**
 * The same in English: a comma, "and", "or" ("Amazon, JPMorgan Chase and Berkshire Hathaway"). Not in
 * Chinese text, where a comma (，, folded to ",") parts clauses.
 */
const ENGLISH_LIST_SEPARATOR = /^(?:,\s*|,?\s+(?:and|or)\s+)$/;

/**
 * What a name listed right beside another (`between`: the text between them, folded) says of its
 * kind: a firm or a body beside one (中国移动、中国电信和中国联通; 雷曼兄弟丶高盛丶花旗银行). Only
 * organisations count: "place" is what a bare name is taken for when nothing says otherwise, so a
 * list-mate that is a place says little.
 */
export function listMateCue(between: string, mateKind: EntityKind, english = false): KindCue | undefined {
  const separator = english ? ENGLISH_LIST_SEPARATOR : LIST_SEPARATOR;
  return mateKind === 'organisation' && separator.test(between) ? 'organisation' : undefined;
}

/** How many of an entity's corpus mentions (all of them: `mentions`) gave each cue. */
export type CueCounts = Record<KindCue, number> & { mentions: number };

/**
 * The kind the corpus shows where the dictionary or a merge said otherwise: a "person" or "topic" that
 * the corpus mostly puts in places (华盛顿, whose dictionary senses are a surname, George Washington,
 * a state and a capital; 开姆尼茨 "Chemnitz", glossed by the corpus alone) is a place, and a "place"
 * or "topic" mostly titled (杰克逊 "Jackson city", but 大法官杰克逊 in the news) is a person. Clear
 * majorities only: at least 3 cues of the winning kind, four times as many as of the other. A
 * "topic", "place" or "person" called a firm or a body in a tenth of its mentions (莫德纳公司,
 * 能源巨头埃克森美孚; 加拿大鹅 "Canada Goose" was a person by its English name's shape) is an
 * organisation; a "place" where words are put (在推特上发文) a topic.
 */
export function kindFromCues(kind: EntityKind, cues: CueCounts): EntityKind {
  const { person, place, medium, organisation, work, mentions } = cues;
  if (kind === 'place' && medium >= 3 && medium >= 2 * place) return 'topic';
  // A "place" or "person" the corpus mostly writes as a whole title in 《》 is a work (《蒙娜丽莎》,
  // "Mona Lisa", a bare dictionary name): a topic. A paper keeps its kind (an organisation).
  if ((kind === 'place' || kind === 'person') && work >= 2 && 2 * work >= mentions && person + place === 0)
    return 'topic';
  if (
    (kind === 'topic' || kind === 'place' || kind === 'person') &&
    organisation >= 3 &&
    organisation * 10 >= mentions &&
    organisation >= 4 * (person + place)
  )
    return 'organisation';
  if ((kind === 'person' || kind === 'topic') && place >= 3 && place >= 4 * person) return 'place';
  if ((kind === 'place' || kind === 'topic') && person >= 3 && person >= 4 * place) return 'person';
  // A topic, the kind of last resort, that the corpus names seldom and titles in half its mentions or
  // more, with no other cue (丹麦外交部长科富德（JeppeKofod）, 欧委会副主席维塔格: the corpus glued their
  // names, so no English name's shape said person).
  if (kind === 'topic' && person >= 1 && 2 * person >= mentions && place + medium + organisation === 0)
    return 'person';
  // Likewise one the corpus puts in a place in half its mentions or more (埃特林根 "Ettlingen", 沃姆斯
  // "Worms": towns the corpus alone names, by one English word that could as well be a surname).
  if (kind === 'topic' && place >= 1 && 2 * place >= mentions && person + medium + organisation === 0)
    return 'place';
  return kind;
}
