// The detector's own rules over the matcher's matches (src/match/detector.ts): who owns a key two
// entities share, and one-word English mentions that open a sentence where the text shows the word
// is an everyday one.
import { describe, expect, it } from 'vitest';
import type { Alias, Entity } from '../../src/entities/types.ts';
import { assignPatterns, atSentenceStart, createDetector, inTitleCase } from '../../src/match/detector.ts';

function entity(
  name: string,
  articleCount: number,
  aliases: Array<[string, Alias['source']]>,
  english?: string,
): Entity {
  return {
    id: `e:${name}`,
    name,
    kind: 'place',
    articleCount,
    aliases: aliases.map(([text, source]) => ({ text, source })),
    ...(english ? { english } : {}),
  };
}

const owner = (entities: Entity[], key: string) => assignPatterns(entities).find(([k]) => k === key)?.[1];

/** entity(), a person. */
const person = (...args: Parameters<typeof entity>): Entity => ({ ...entity(...args), kind: 'person' });

/** What a detector of these entities marks in some runs, as "run:text". */
function finder(entities: Entity[]): (...runs: string[]) => string[] {
  const detector = createDetector(entities, { fuzzy: false });
  return (...runs) => detector.detect(runs).map((m) => `${m.run}:${m.text}`);
}

describe('a key two entities give equally directly', () => {
  it('belongs to the entity whose English name it is', () => {
    const china = entity('中国', 10, [['China', 'cedict']], 'China');
    const tangshan = entity('唐山', 50, [['China', 'cedict']], 'Tangshan');
    expect(owner([china, tangshan], 'china')).toBe('e:中国');
  });

  it('else to one the corpus names in five times as many articles as the others together', () => {
    const germany = entity('德国', 745, [['Germany', 'cedict']], 'Germany');
    const frg = entity('联邦德国', 16, [['Germany', 'cedict']], 'German Federation');
    germany.english = undefined;
    expect(owner([germany, frg], 'germany')).toBe('e:德国');
    // Four times as many is not enough: the key is ambiguous and left out.
    frg.articleCount = 200;
    expect(owner([germany, frg], 'germany')).toBeUndefined();
  });

  it('goes to one the corpus names twenty times as often, even from the one whose English name it is', () => {
    const uk = entity('英国', 394, [['Britain', 'cedict']], 'United Kingdom');
    const island = entity('不列颠', 3, [['Britain', 'cedict']], 'Britain');
    expect(owner([uk, island], 'britain')).toBe('e:英国');
    island.articleCount = 20;
    expect(owner([uk, island], 'britain')).toBe('e:不列颠');
  });

  it('stays with the entity that gives it more directly, whatever the counts', () => {
    const a = entity('甲', 1, [['Alpha', 'parenthetical']]);
    const b = entity('乙', 100, [['Alpha', 'cedict']], 'Alpha');
    expect(owner([a, b], 'alpha')).toBe('e:甲');
  });
});

describe('a one-word English mention at the start of a sentence', () => {
  const will = entity('维尔', 4, [
    ['Will', 'short-form'],
    ['George Will', 'parenthetical'],
  ]);
  const trump = entity('特朗普', 667, [['Trump', 'cedict']]);
  const found = finder([will, trump]);

  it('is dropped where the text uses the word in lower case', () => {
    expect(found('Will you come? It will rain.')).toEqual([]);
    expect(found('“Will you come?”', 'Maybe. Will they? We will see.')).toEqual([]);
  });

  it('is kept where nothing shows it is an everyday word, or the entity is named plainly too', () => {
    expect(found('Will you come?')).toEqual(['0:Will']);
    expect(found('Will wrote it. George Will said it will rain.')).toEqual(['0:Will', '0:George Will']);
    expect(found('Trump said so. Trump won.')).toEqual(['0:Trump', '0:Trump']);
    // In mid-sentence a capital is the name's own.
    expect(found('We asked Will; he will come.')).toEqual(['0:Will']);
  });

  it('opens a sentence after a full stop, a colon or the start of the run, quotes and brackets skipped', () => {
    expect(atSentenceStart('Will', 0)).toBe(true);
    expect(atSentenceStart('Yes. (Will', 6)).toBe(true);
    expect(atSentenceStart('“Will', 1)).toBe(true);
    expect(atSentenceStart('said: Will', 6)).toBe(true);
    expect(atSentenceStart('asked Will', 6)).toBe(false);
  });
});

describe('a one-word English mention the build found to be an everyday word (West, Diet)', () => {
  const west = { ...entity('西方', 213, [['West', 'cedict']]), everydayKeys: ['west'] };
  const china = entity('中国', 1169, [['China', 'cedict']]);
  const found = finder([west, china]);

  it('is dropped where a sentence start or a headline in title case gives the capital', () => {
    expect(found('West Leaders Meet In Paris', 'They met on Monday.')).toEqual([]);
    expect(found('West of the river, it rained.')).toEqual([]);
    // Names that are no everyday words stay, in headlines too.
    expect(found('China Says Talks With West Will Resume')).toEqual(['0:China']);
  });

  it('is kept in mid-sentence, or where the entity is named plainly too', () => {
    expect(found('Critics in the West were divided.')).toEqual(['0:West']);
    expect(found('West Leaders Meet In Paris', 'Critics in the West were divided.')).toEqual([
      '0:West',
      '1:West',
    ]);
  });

  it('is dropped after a capitalised word in mid-sentence: the end of another name (Wild West)', () => {
    expect(found('Fraud thrives in a Wild West climate.')).toEqual([]);
    // Not after a title, a possessive or a word that opens the sentence, nor in a headline.
    expect(found('It spread to China’s West quickly.')).toEqual(['0:China', '0:West']);
    expect(found('Critics agree. But West Europe differs.')).toEqual(['0:West']);
    // In title case every word is capitalised: "With" says nothing there.
    expect(found('China Says Talks With West Will Resume', 'Critics in the West were divided.')).toEqual([
      '0:China',
      '0:West',
      '1:West',
    ]);
  });

  it('takes a run for a headline when every word of four letters or more is capitalised', () => {
    expect(inTitleCase('Biden Will Sign The Bill')).toBe(true);
    expect(inTitleCase('Biden will sign the bill')).toBe(false);
    expect(inTitleCase('Merkel in Paris')).toBe(false);
  });
});

describe('a person’s one-word mention after a capitalised word in mid-sentence', () => {
  const gates = person('比尔·盖茨', 3, [
    ['Bill Gates', 'cedict'],
    ['Gates', 'short-form'],
  ]);
  const xi = person('习近平', 300, [
    ['Xi Jinping', 'cedict'],
    ['Xi', 'cedict'],
  ]);
  const found = finder([gates, xi]);

  it('is another person’s name (Robert Gates), no mention', () => {
    expect(found('The deal was signed by Robert Gates, a former secretary.')).toEqual([]);
    // A given name at a sentence's start is still one; a word that opens sentences is not.
    expect(found('Robert Gates, a former secretary, signed.')).toEqual([]);
  });

  it('stays after a title, a possessive or a sentence’s start, and beside its full name', () => {
    expect(found('They met Mr Gates and Bill Gates.')).toEqual(['0:Gates', '0:Bill Gates']);
    expect(found('He spoke with China’s Xi on Monday.')).toEqual(['0:Xi']);
    expect(found('It rained. When Gates arrived, it stopped.')).toEqual(['0:Gates']);
    expect(found('Microsoft Boss Gates Gives Billions Away')).toEqual(['0:Gates']);
  });
});

describe('a person’s one-word mention followed by a capitalised word', () => {
  const eliot = person('艾略特', 3, [
    ['T.S. Eliot', 'cedict'],
    ['Eliot', 'short-form'],
  ]);
  const found = finder([eliot]);

  it('is the given name of another person (Eliot Cohen), no mention', () => {
    expect(found('The plan was drafted by Eliot Cohen, a professor.')).toEqual([]);
  });

  it('stays before a weekday or a month, at a sentence’s end and in a title-case headline', () => {
    expect(found('Critics met Eliot Tuesday and again in March.')).toEqual(['0:Eliot']);
    expect(found('They quoted Eliot. Critics agreed.')).toEqual(['0:Eliot']);
    expect(found('Critics Quote Eliot Against Modern Poets')).toEqual(['0:Eliot']);
  });
});

describe('a name that goes on into another name', () => {
  const luther = person('路德', 5, [
    ['Martin Luther', 'cedict'],
    ['Luther', 'short-form'],
  ]);
  const johnson = person('约翰逊', 40, [['Boris Johnson', 'cedict']]);
  const simon = person('马克·西蒙', 2, [
    ['Mark Simon', 'parenthetical'],
    ['Simon', 'short-form'],
  ]);
  const topic = (name: string, alias: string): Entity => ({
    ...entity(name, 3, [[alias, 'cedict']]),
    kind: 'topic',
  });
  const found = finder([luther, johnson, simon, topic('艾米', 'Amy'), topic('脸书', 'Facebook')]);

  it('is another person’s where a person’s full name goes on with a name word', () => {
    expect(found('He preached where Martin Luther King Jr once did.')).toEqual([]);
    expect(found('Martin Luther King spoke.')).toEqual([]);
    // Not before letters in capitals (a post-nominal), a month, or the end of a sentence.
    expect(found('Boris Johnson MP spoke.')).toEqual(['0:Boris Johnson']);
    expect(found('It was Martin Luther. Nothing more.')).toEqual(['0:Martin Luther']);
    expect(found('Martin Luther March 1517')).toEqual(['0:Martin Luther']);
  });

  it('is a firm’s where an ampersand joins it to another capitalised word', () => {
    expect(found('The book is published by Simon & Schuster.')).toEqual([]);
    expect(found('It went to Schuster & Simon.')).toEqual([]);
    expect(found('Mr Simon and Schuster met.')).toEqual(['0:Simon']);
  });

  it('is another person’s where a transliterated topic is followed by a name word', () => {
    expect(found('Amy Glasmeier, a professor, built it.')).toEqual([]);
    expect(found('Amy Hoppe-Oehl built it.')).toEqual([]);
    expect(found('A book on Amy, a singer.')).toEqual(['0:Amy']);
    // A topic not written in transliteration characters (脸书 Facebook) stays: Facebook Live.
    expect(found('It started Facebook Live.')).toEqual(['0:Facebook']);
    // Nor letters in capitals: no name word.
    expect(found('Polls by Amy MORI agree.')).toEqual(['0:Amy']);
  });
});

describe('a Chinese name that is a piece of a longer transliterated name', () => {
  const kerry = person('约翰·克里', 17, [['克里', 'short-form']]);
  const place = (name: string) => entity(name, 5, []);
  const people = ['海因斯', '贝格', '斯诺登', '朱利安'].map((n) => person(n, 3, []));
  const detector = createDetector([kerry, place('格雷'), place('波士顿'), ...people], {
    fuzzy: false,
    dictionaryWords: ['本人'],
  });
  const found = (text: string) => detector.detect([text]).map((m) => m.text);

  it('is no mention where transliteration characters take it on to a "·"', () => {
    expect(found('局长克里斯托弗·克雷布斯被免职')).toEqual([]);
    expect(found('他说："克里斯·克雷布斯确实工作出色')).toEqual([]);
    // A place, only in the middle of the part.
    expect(found('国防部长安妮格雷特·克兰普-卡伦鲍尔')).toEqual([]);
  });

  it('is no mention where it starts a part after a "·" and the part goes on', () => {
    expect(found('律师鲁迪·朱利安尼说')).toEqual([]);
    // Not before a function character or a word (爱德华·斯诺登因…, 斯诺登本人).
    expect(found('爱德华·斯诺登因 通过媒体')).toEqual(['斯诺登']);
    expect(found('爱德华·斯诺登本人')).toEqual(['斯诺登']);
    expect(found('约翰·克里说')).toEqual(['约翰·克里']);
  });

  it('keeps a place or a whole name before another name', () => {
    // 伊莎贝拉 "Isabella" is no lexicon word here: it goes on from 波士顿 to the "·".
    expect(found('1990年，波士顿伊莎贝拉·斯图尔特博物馆')).toEqual(['波士顿']);
    expect(found('克里、斯诺登')).toEqual(['克里', '斯诺登']);
  });

  it('is another person’s after another given name and a "·", where the entity’s own are known', () => {
    const trump = person('特朗普', 900, [['唐纳德·特朗普', 'given-name']]);
    const merkel = person('默克尔', 150, []);
    const teresa = person('特雷莎', 5, [['Teresa', 'cedict']]);
    const names = createDetector([trump, merkel, teresa], { fuzzy: false });
    const seen = (text: string) => names.detect([text]).map((m) => m.text);
    expect(seen('此外，伊万卡·特朗普在集团工作')).toEqual([]);
    expect(seen('唐纳德·特朗普将离开白宫')).toEqual(['唐纳德·特朗普']);
    expect(seen('特朗普说')).toEqual(['特朗普']);
    // No form of Merkel's with a given name: the page's may be hers.
    expect(seen('总理安格拉·默克尔表示')).toEqual(['默克尔']);
    // A given name before a "·" and another name is that other person's.
    expect(seen('首相特雷莎·梅表示')).toEqual([]);
    expect(seen('特雷莎表示')).toEqual(['特雷莎']);
  });

  it('is no mention at the end of a part that transliteration characters lead to from a "·", or before a hyphen', () => {
    const pieces = createDetector(
      [
        person('康维', 6, []),
        person('克兰', 8, []),
        person('马斯克', 11, []),
        { ...entity('戴姆勒', 6, []), kind: 'organisation' },
        { ...entity('纳粹', 40, []), kind: 'topic' },
        entity('查尔斯', 3, []),
      ],
      { fuzzy: false },
    );
    const seen = (text: string) => pieces.detect([text]).map((m) => m.text);
    expect(seen('上将詹姆斯·麦克康维尔说')).toEqual([]);
    expect(seen('部长克兰普-卡伦鲍尔说')).toEqual([]);
    expect(seen('克兰说')).toEqual(['克兰']);
    // A transliterated name of any kind before a "·" is a given name (查尔斯 "Charles", a place by its gloss).
    expect(seen('参议员查尔斯·格拉斯利说')).toEqual([]);
    // Another mention in between: the match is no piece (Musk, than, Daimler); nor is a word that
    // is no transliteration (纳粹 after 贝尔森).
    expect(seen('埃隆·马斯克比戴姆勒理解得好')).toContain('戴姆勒');
    expect(seen('卑尔根·贝尔森纳粹集中营')).toEqual(['纳粹']);
  });

  it('is no mention where two people’s transliterated names run together (海因斯贝格县)', () => {
    expect(found('德国西部海因斯贝格县的一位居民')).toEqual([]);
    expect(found('海因斯和贝格')).toEqual(['海因斯', '贝格']);
  });
});

describe('a one-word name that is part of another name on the page', () => {
  const cheney = person('切尼', 3, [
    ['Liz Cheney', 'parenthetical'],
    ['Cheney', 'short-form'],
  ]);
  const andre = person('安德烈', 1, [['Andre', 'cedict']]);
  const trump = person('特朗普', 900, [
    ['Donald Trump', 'cedict'],
    ['Trump', 'short-form'],
  ]);
  const muhammad = entity('穆罕默德', 16, [['Muhammad', 'cedict']]);
  const zarif = person(
    '扎里夫',
    4,
    [
      ['Mohammad Javad Zarif', 'parenthetical'],
      ['Zarif', 'short-form'],
    ],
    'Mohammad Javad Zarif',
  );
  const found = finder([cheney, andre, trump, muhammad, zarif]);
  const opener = 'DICK CHENEY—vice-president, then a critic—spoke.';

  it('reads words in capitals as capitalised ones, outside headlines', () => {
    expect(found(opener)).toEqual([]);
    expect(found('It was MR CHENEY who spoke.')).toEqual(['0:CHENEY']);
    expect(found('CHENEY SPEAKS OUT ON THE WAR')).toEqual(['0:CHENEY']);
  });

  it('goes everywhere in the request once the page gave it to another person', () => {
    expect(found(opener, 'Yet it was Mr Cheney who agreed.')).toEqual([]);
    // Unless the page names the entity in another way too, or the corpus names it often.
    expect(found(opener, 'Mr Cheney agreed; Liz Cheney did not.')).toEqual(['1:Cheney', '1:Liz Cheney']);
    expect(found('Melania Trump smiled.', 'Mr Trump spoke.')).toEqual(['1:Trump']);
  });

  it('is a given name joined by a hyphen (Marc-André), not after a prefix (Anti-Trump)', () => {
    expect(found('says Marc-André Kamel of Bain.')).toEqual([]);
    expect(found('The Anti-Trump rally was small.')).toEqual(['0:Trump']);
  });

  it('is the given name of a name with a particle, whatever its kind', () => {
    expect(found('What about Muhammad bin Salman?', 'Prince Muhammad styles himself a reformer.')).toEqual(
      [],
    );
    expect(found('Pilgrims honour Muhammad, the prophet.')).toEqual(['0:Muhammad']);
  });

  it('stays where the other word is (close to) one of the entity’s own names', () => {
    expect(finder([zarif])('Muhammad Javad Zarif, the minister, spoke.', 'Mr Zarif agreed.')).toEqual([
      '0:Zarif',
      '1:Zarif',
    ]);
  });
});

describe('a Chinese mention the page names otherwise in brackets', () => {
  const foreman = person('乔治·福尔曼', 2, [
    ['福尔曼', 'short-form'],
    ['George Foreman', 'cedict'],
  ]);
  const navalny = person('纳瓦尔尼', 90, [['Alexei Navalny', 'parenthetical']]);
  const rouse = person('鲁斯', 1, [['Cecilia Rouse', 'parenthetical']]);
  const ulm = entity('乌尔姆', 3, [['Ulm', 'cedict']]);
  const found = finder([foreman, navalny, rouse, ulm]);

  it('is another one, there and wherever the text says it again', () => {
    expect(found('主任福尔曼（Johann Fuhrmann）表示。', '福尔曼也认为如此。')).toEqual([]);
  });

  it('takes the mention right before it along: both are pieces of one name', () => {
    expect(found('该联合会主席鲁斯乌尔姆（Siegfried Russwurm）说。')).toEqual([]);
  });

  it('stays where the bracket spells the same name, or the words are close', () => {
    expect(found('拳王福尔曼（George Foreman）退役。')).toEqual(['0:福尔曼', '0:George Foreman']);
    expect(found('反对派纳瓦尔尼（Alexej Nawalny）回国。')).toEqual(['0:纳瓦尔尼']);
    expect(found('他在乌尔姆（Ulm）。')).toEqual(['0:乌尔姆', '0:Ulm']);
  });
});
