// The kind of an entity (person, place, organisation, event, topic) from the evidence at hand:
// CC-CEDICT gloss wording first, then the English name's shape, then the Chinese form's suffix.

import { kindFromGloss } from './lexicon.ts';
import { SURNAMES } from './stopchars.ts';
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
const ORG_SUFFIX = /(.{2}(?<!公)报|.(?<!假)新闻|周刊|电视台|通讯社|广播公司|党|银行|集团|公司|大学|学院)$/;
const EVENT_SUFFIX =
  /(会|会议|峰会|战争|战役|事件|运动|革命|选举|大选|危机|疫情|抗议|示威|起义|屠杀|奥运|世界杯|协议|倡议|计划|条约)$/;

const BARE_NAME = /^[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}$/;
/** Leading usage labels of a CEDICT gloss: "(Tw) Italy". */
const QUALIFIER = /^\s*(\((?:Tw|HK|Hong Kong|Macau|PRC|Singapore|loanword)\)\s*)+/;

export interface KindEvidence {
  key: string;
  gloss: string;
  english: string[];
  titleName: boolean;
  quoted: boolean;
  cedict: boolean;
}

export function decideKind(ev: KindEvidence): EntityKind {
  const fromGloss = kindFromGloss(ev.gloss);
  if (fromGloss) return fromGloss;
  if (ev.english.some((e) => ORG_WORDS.test(e) || /^[A-Z]{2,6}$/.test(e))) return 'organisation';
  if (ev.titleName) return 'person';
  if (ORG_SUFFIX.test(ev.key)) return 'organisation';
  if (EVENT_SUFFIX.test(ev.key)) return 'event';
  if (PLACE_SUFFIX.test(ev.key)) return 'place';
  const personLike = ev.english.some((e) => PERSON_NAME.test(e));
  // A name written with "·" (鲍勃·伍德沃德 "Bob Woodward") is a person's.
  if (personLike && ev.key.includes('·')) return 'person';
  // A dictionary proper noun glossed by a bare name and no dates (Japan, South Korea, White House,
  // "(Tw) Italy", "Frankfurt, Germany") is a place. A capitalised "… Day" is a holiday.
  if (
    ev.cedict &&
    /\b[A-Z][\w'’]* (?:Day|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(ev.gloss)
  )
    return 'event';
  if (ev.cedict && BARE_NAME.test(ev.gloss.replace(QUALIFIER, '').split(/[,;(]/)[0]?.trim() ?? '')) {
    return 'place';
  }
  if (
    personLike &&
    (isTransliteration(ev.key) || (SURNAMES.has(ev.key[0] as string) && ev.key.length <= 3))
  ) {
    return 'person';
  }
  if (ev.quoted) return 'topic';
  // Capitalised words are a person's name when the corpus gave them in brackets; a dictionary entry
  // that got this far without a person's gloss is a thing (Three Represents, Les Misérables).
  if (personLike && (!ev.cedict || /\((?:sur)?name\)/.test(ev.gloss))) return 'person';
  return 'topic';
}
