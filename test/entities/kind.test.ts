import { describe, expect, it } from 'vitest';
import {
  type CueCounts,
  decideKind,
  englishKindCue,
  type KindEvidence,
  kindCue,
  kindFromCues,
  listMateCue,
} from '../../src/entities/kind.ts';
import { Lexicon } from '../../src/entities/lexicon.ts';

// Glosses as CC-CEDICT gives them (members' glosses joined with '; ' as extractEntities does).
const fromCedict = (key: string, gloss: string, english: string[]): KindEvidence => ({
  key,
  gloss,
  english,
  titleName: false,
  quoted: false,
  cedict: true,
});

describe('decideKind', () => {
  it('takes a faith, an ideology, a currency or a unit for a topic, a holiday for an event', () => {
    expect(decideKind(fromCedict('穆斯林', 'Muslim', ['Muslim']))).toBe('topic');
    expect(decideKind(fromCedict('纳粹', 'Nazi (loanword)', ['Nazi']))).toBe('topic');
    expect(decideKind(fromCedict('美金', 'US dollar; USD', ['US dollar', 'USD']))).toBe('topic');
    expect(decideKind(fromCedict('摄氏', 'Celsius; centigrade', ['Celsius']))).toBe('topic');
    // A vessel by its name is a thing, not the person or place it is named after.
    expect(decideKind(fromCedict('空军一号', 'Air Force One', ['Air Force One']))).toBe('topic');
    expect(decideKind({ ...fromCedict('维克拉玛帝亚号', '', ['INS Vikramaditya']), cedict: false })).toBe(
      'topic',
    );
    // Any -ism, not only the listed ones (a bare name had made Stalinism and Sikhism places).
    expect(decideKind(fromCedict('斯大林主义', 'Stalinism', ['Stalinism']))).toBe('topic');
    expect(decideKind(fromCedict('锡克教', 'Sikhism', ['Sikhism']))).toBe('topic');
    expect(
      decideKind(fromCedict('圣诞节', 'Christmas time; Christmas season; Christmas', ['Christmas'])),
    ).toBe('event');
    // Not a group named after a faith, nor a faith's countries that are a militia too.
    expect(decideKind(fromCedict('纳粹党', 'Nazi Party; NSDAP (1919-1945)', ['Nazi Party']))).toBe(
      'organisation',
    );
    expect(
      decideKind(
        fromCedict('伊斯兰国', 'Muslim countries; caliphate; Islamic State group (aka IS or ISIL or ISIS)', [
          'IS',
        ]),
      ),
    ).toBe('organisation');
  });

  it('takes a law for a topic and an episode of a few years for an event, not for a person', () => {
    expect(
      decideKind(
        fromCedict('台湾关系法', 'Taiwan Relations Act (of US Congress, 1979)', ['Taiwan Relations Act']),
      ),
    ).toBe('topic');
    const leap = "Great Leap Forward (1958-1960), Mao's attempt to modernize China's economy";
    expect(decideKind(fromCedict('大跃进', leap, ['Great Leap Forward']))).toBe('event');
    expect(decideKind(fromCedict('大跃进', leap.replace('1960', '60'), ['Great Leap Forward']))).toBe(
      'event',
    );
    // A life spans decades; a state or a body with dates stays one.
    expect(decideKind(fromCedict('毛泽东', 'Mao Zedong (1893-1976), Chinese leader', ['Mao Zedong']))).toBe(
      'person',
    );
    const yugoslavia = 'Federal Republic of Yugoslavia (1992–2003)';
    expect(decideKind(fromCedict('南联盟', yugoslavia, ['Federal Republic of Yugoslavia']))).toBe('place');
    const redArmy = 'Red Army (1928-1937), predecessor of the PLA; (Soviet) Red Army (1917-1946)';
    expect(decideKind(fromCedict('红军', redArmy, ['Red Army']))).toBe('organisation');
    expect(decideKind(fromCedict('国际联盟', 'League of Nations (1920-1946)', ['League of Nations']))).toBe(
      'organisation',
    );
  });

  it('takes a name with · in transliteration characters and no English for a person’s', () => {
    expect(decideKind({ ...fromCedict('罗伯·派丁森', '', []), cedict: false })).toBe('person');
    expect(decideKind({ ...fromCedict('中华·民国', '', []), cedict: false })).not.toBe('person');
  });

  it('takes prizes, gods and ethnic groups for topics, Taiwan’s Yuans for organisations', () => {
    expect(decideKind(fromCedict('诺贝尔和平奖', 'Nobel Peace Prize', ['Nobel Peace Prize']))).toBe('topic');
    expect(
      decideKind(fromCedict('葛莱美奖', '(Tw) Grammy Award (US music industry award)', ['Grammy Award'])),
    ).toBe('topic');
    expect(decideKind(fromCedict('上帝', 'God', ['God']))).toBe('topic');
    expect(decideKind(fromCedict('维吾尔族', 'Uighur (Uyghur) ethnic group of Xinjiang', ['Uighur']))).toBe(
      'topic',
    );
    expect(
      decideKind(
        fromCedict('立法院', 'Legislative Yuan, the unicameral legislature of the Republic of China', [
          'Legislative Yuan',
        ]),
      ),
    ).toBe('organisation');
  });

  it('takes a Japanese or Korean surname for a person’s name (安倍 "Abe (Japanese surname)")', () => {
    expect(decideKind(fromCedict('安倍', 'Abe (Japanese surname)', ['Abe']))).toBe('person');
    // Not a company's name.
    expect(decideKind(fromCedict('西门子', 'Siemens (company name)', ['Siemens']))).not.toBe('person');
  });

  it('reads a name in brackets as no place: "New Party (Republic of China)" is a party', () => {
    expect(decideKind(fromCedict('新党', 'New Party (Republic of China)', ['New Party']))).toBe(
      'organisation',
    );
    expect(
      decideKind(
        fromCedict('留尼汪', 'Réunion (island in Indian Ocean, a French overseas department)', ['Réunion']),
      ),
    ).toBe('place');
  });

  it('takes "International … Day" for a holiday, not an organisation', () => {
    expect(
      decideKind(
        fromCedict('国际妇女节', "International Women's Day (March 8)", ["International Women's Day"]),
      ),
    ).toBe('event');
  });

  it('takes a terror for an event', () => {
    expect(decideKind(fromCedict('白色恐怖', 'White Terror', ['White Terror']))).toBe('event');
  });

  it('takes a state named by a point of the compass for a place, dates or not', () => {
    expect(
      decideKind(
        fromCedict('东德', 'East Germany (1945-1990); German Democratic Republic 德意志民主共和国', [
          'East Germany',
        ]),
      ),
    ).toBe('place');
  });

  it('takes the United Nations, a government Department and a College for organisations', () => {
    expect(decideKind(fromCedict('联合国', 'United Nations', ['United Nations']))).toBe('organisation');
    expect(decideKind(fromCedict('商务部', 'Department of Trade; Department of Commerce', []))).toBe(
      'organisation',
    );
    expect(decideKind(fromCedict('选举人团', 'Electoral College (of the United States)', []))).toBe(
      'organisation',
    );
    expect(decideKind(fromCedict('乐购', 'Tesco, UK-based supermarket chain', ['Tesco']))).toBe(
      'organisation',
    );
    expect(decideKind(fromCedict('沃尔玛', 'Wal-Mart, Walmart (retailer)', ['Wal-Mart']))).toBe(
      'organisation',
    );
    // A French département is a place.
    expect(decideKind(fromCedict('阿尔萨斯', 'Alsace, French department', ['Alsace']))).toBe('place');
  });

  it('takes dates for a person only where they follow a name, not a place or an event', () => {
    expect(
      decideKind(
        fromCedict(
          '蒙哥马利',
          'Bernard Montgomery (Montie) (1887–1976), Second World War British field marshal; Montgomery or Montgomerie (surname)',
          ['Bernard Montgomery'],
        ),
      ),
    ).toBe('person');
    expect(
      decideKind(
        fromCedict(
          '林旭',
          'Lin Xu (1875-1898), one of the Six Gentlemen Martyrs of the unsuccessful reform movement of 1898',
          ['Lin Xu'],
        ),
      ),
    ).toBe('person');
    expect(
      decideKind(
        fromCedict(
          '列宁格勒',
          'Leningrad, former name (1923–1991) of Russian city Saint Petersburg 聖彼得堡|圣彼得堡[Sheng4 bi3 de2 bao3]',
          ['Leningrad'],
        ),
      ),
    ).toBe('place');
    expect(
      decideKind(
        fromCedict(
          '六方会谈',
          "Six-Party Talks (2003–2007) on North Korea's nuclear program, involving China, the US, North Korea, South Korea, Japan and Russia",
          ['Six-Party Talks'],
        ),
      ),
    ).toBe('event');
    // Dates "circa" (c. 570–632) are life dates too.
    expect(
      decideKind(
        fromCedict('穆罕默德', 'Muhammad (c. 570–632), central figure of Islam and prophet of God', [
          'Muhammad',
        ]),
      ),
    ).toBe('person');
    expect(decideKind(fromCedict('朝鲜战争', 'Korean War (1950-1953)', ['Korean War']))).toBe('event');
    expect(decideKind(fromCedict('明朝', 'Ming Dynasty (1368-1644)', ['Ming Dynasty']))).toBe('topic');
    // A redirect first, then the senses it leads to: the city's sense comes first, not a later
    // sense's dates.
    const nanjing =
      'see 南京市[Nan2 jing1 Shi4]; Nanjing, sub-provincial city and capital of Jiangsu Province 江蘇省|江苏省[Jiang1 su1 Sheng3]; Nanjing, capital of the Ming dynasty (1368–1421) and of the Republic of China (1927–1937 and 1946–1949)';
    expect(decideKind(fromCedict('南京', nanjing, ['Nanjing']))).toBe('place');
  });

  it("takes a bare name the dictionary gives as a person's (and no place's) for a person", () => {
    const lexicon = new Lexicon();
    const personalName = (n: string) => lexicon.isPersonalName(n);
    const bare = (key: string, gloss: string) => ({ ...fromCedict(key, gloss, [gloss]), personalName });
    // 菲力克斯 "Felix (name)" elsewhere: 费利克斯 "Felix" had been a place.
    expect(decideKind(bare('费利克斯', 'Felix'))).toBe('person');
    expect(decideKind(bare('苏菲', 'Sophie'))).toBe('person');
    // Names of people and of places: Brittany (布里特妮 "Britney, Brittney or Brittany (name)") and
    // Berkeley stay places, as do names no dictionary sense gives a person.
    expect(decideKind(bare('布列塔尼', 'Brittany'))).toBe('place');
    expect(decideKind(bare('伯克利', 'Berkeley'))).toBe('place');
    expect(decideKind(bare('日本', 'Japan'))).toBe('place');
  });

  it('takes a make written like a name (the dictionary gives its first word as no one’s) for a firm', () => {
    const lexicon = new Lexicon();
    const personalName = (n: string) => lexicon.isPersonalName(n);
    const bare = (key: string, gloss: string) => ({ ...fromCedict(key, gloss, [gloss]), personalName });
    expect(decideKind(bare('阿尔法·罗密欧', 'Alfa Romeo'))).toBe('organisation');
    const aston = fromCedict('阿斯顿·马丁', 'Aston Martin; Aston Martin', ['Aston Martin']);
    expect(decideKind({ ...aston, personalName })).toBe('organisation');
    // A given name first, or a gloss that says more: a person.
    expect(decideKind(bare('乔治·布什', 'George Bush'))).toBe('person');
    expect(
      decideKind({
        ...fromCedict('鲍勃·伍德沃德', 'Bob Woodward (Washington Post journalist)', ['Bob Woodward']),
        personalName,
      }),
    ).toBe('person');
  });

  it('takes a ruling house for a topic, not the place a bare name would be', () => {
    const hapsburg = fromCedict('哈布斯堡', 'Hapsburg (European dynasty)', ['Hapsburg']);
    expect(decideKind(hapsburg)).toBe('topic');
    expect(decideKind(fromCedict('汉堡', 'Hamburg (city)', ['Hamburg']))).toBe('place');
  });

  it('takes a name that starts with a point of the compass for a place, not a person', () => {
    const corpusOnly = (key: string, english: string): KindEvidence => ({
      ...fromCedict(key, '', [english]),
      cedict: false,
    });
    expect(decideKind(corpusOnly('西澳', 'Western Australia'))).toBe('place');
    expect(decideKind(corpusOnly('南本德', 'South Bend'))).toBe('place');
    expect(decideKind(corpusOnly('施潘', 'Jens Spahn'))).toBe('person');
  });

  it('takes a name the corpus glued for a person’s when it starts with a known given name', () => {
    const lexicon = new Lexicon();
    const glued = (key: string, english: string): KindEvidence => ({
      ...fromCedict(key, '', [english]),
      cedict: false,
      personalName: (n) => lexicon.isPersonalName(n),
    });
    expect(decideKind(glued('梅里莱宁', 'RosaMeriläinen'))).toBe('person');
    expect(decideKind(glued('沃克', 'DavidWalker'))).toBe('person');
    expect(decideKind(glued('蒂森克虏伯', 'ThyssenKrupp'))).not.toBe('person');
    expect(decideKind(glued('埃克森美孚', 'ExxonMobil'))).not.toBe('person');
  });

  it('reads what a bare name is from the bracket or comma after it, where it had been a place', () => {
    const lexicon = new Lexicon();
    const personalName = (n: string) => lexicon.isPersonalName(n);
    const kind = (key: string, gloss: string) =>
      decideKind({ ...fromCedict(key, gloss, [gloss.split(/[,(;]/)[0]?.trim() ?? '']), personalName });
    expect(kind('安卓', 'Android (operating system for mobile devices)')).toBe('topic');
    expect(kind('蝙蝠侠', 'Batman, comic book superhero')).toBe('topic');
    expect(kind('埃博拉', 'Ebola (virus)')).toBe('topic');
    expect(kind('黑鹰', 'Black Hawk (helicoper)')).toBe('topic');
    expect(kind('木星', 'Jupiter (planet)')).toBe('topic');
    expect(kind('格林尼治标准时间', 'Greenwich Mean Time (GMT)')).toBe('topic');
    expect(kind('克苏鲁', 'Cthulhu, fictional cosmic entity created by writer H. P. Lovecraft')).toBe(
      'topic',
    );
    // A role that ends the aside is a person's; a role inside an example is not.
    expect(
      kind('杨月清', 'Yang Yueqing, Chinese-Canadian woman documentary film director; Yang Yueqing'),
    ).toBe('person');
    expect(
      kind('天宫', 'Temple in Heaven (e.g. of the Jade Emperor); Tiangong, Chinese space station program'),
    ).not.toBe('person');
    // A title at the head, variant spellings of a name, a firm, a holiday in a later sense.
    expect(kind('达赖喇嘛', 'Dalai Lama')).toBe('person');
    expect(kind('爱德华', 'Edward; Édouard (name)')).toBe('person');
    expect(kind('耐克', 'Nike, Inc.')).toBe('organisation');
    expect(kind('日产', 'Nissan, Japanese car make; also transliterated 尼桑[Ni2 sang1]')).toBe(
      'organisation',
    );
    expect(kind('全日空', 'All Nippon Airways (ANA)')).toBe('organisation');
    expect(kind('平安夜', 'Silent Night (Christmas carol); Christmas Eve')).toBe('event');
    // A holiday's name in a place's is no holiday.
    expect(kind('复活节岛', 'Easter Island')).not.toBe('event');
    // Not where a sense gives the word as a name too, nor for a place with an aside.
    expect(kind('维特', 'Werther, opera by Jules Massenet; Werther, German masculine given name')).toBe(
      'person',
    );
    expect(kind('法兰克福', 'Frankfurt, Germany')).toBe('place');
    expect(kind('佐治亚', 'Georgia, US state')).toBe('place');
    expect(kind('日本', 'Japan')).toBe('place');
  });

  it('reads usage labels, holidays and institutions', () => {
    expect(decideKind(fromCedict('意大利', '(Tw) Italy; Italy', ['Italy']))).toBe('place');
    expect(decideKind(fromCedict('法兰克福', 'Frankfurt, Germany', ['Frankfurt']))).toBe('place');
    expect(decideKind(fromCedict('感恩节', 'Thanksgiving Day', ['Thanksgiving Day']))).toBe('event');
    expect(decideKind(fromCedict('德语', 'German (language)', ['German']))).toBe('topic');
    const quoted = (key: string): KindEvidence => ({
      ...fromCedict(key, '', []),
      cedict: false,
      quoted: true,
    });
    expect(decideKind(fromCedict('费加罗报', 'Le Figaro', ['Le Figaro']))).toBe('organisation');
    expect(decideKind(quoted('南德意志报'))).toBe('organisation');
    expect(decideKind(quoted('中美建交公报'))).toBe('topic');
    expect(decideKind(quoted('假新闻'))).toBe('topic');
    expect(decideKind(fromCedict('黑色星期五', 'Black Friday', ['Black Friday']))).toBe('event');
    expect(decideKind(fromCedict('美籍', 'American (i.e. of US nationality)', ['American']))).toBe('topic');
    expect(decideKind(fromCedict('华尔街日报', 'Wall Street Journal', ['Wall Street Journal']))).toBe(
      'organisation',
    );
    expect(decideKind(fromCedict('美国参议院', 'United States Senate', ['United States Senate']))).toBe(
      'organisation',
    );
    expect(
      decideKind(
        fromCedict(
          '纽交所',
          'New York Stock Exchange (abbr. for 紐約證券交易所|纽约证券交易所[Niu3 yue1 Zheng4 quan4 Jiao1 yi4 suo3])',
          ['New York Stock Exchange'],
        ),
      ),
    ).toBe('organisation');
    expect(decideKind(fromCedict('尤文图斯', 'Juventus, Italian football team', ['Juventus']))).toBe(
      'organisation',
    );
  });

  it('takes a name glossed as a person’s for a person, but not where another sense is something else', () => {
    expect(decideKind(fromCedict('托马斯', 'Thomas (male name)', ['Thomas']))).toBe('person');
    expect(
      decideKind(fromCedict('鲍勃·伍德沃德', 'Bob Woodward (Washington Post journalist)', ['Bob Woodward'])),
    ).toBe('person');
    // A role word inside an aside that is no role of the name's bearer.
    expect(
      decideKind(
        fromCedict(
          '天宫',
          'Temple in Heaven (e.g. of the Jade Emperor); Tiangong, Chinese space station program',
          ['Tiangong'],
        ),
      ),
    ).not.toBe('person');
    expect(
      decideKind(fromCedict('丰田', 'Toyota or Toyoda (name); Toyota, Japanese car make', ['Toyota'])),
    ).not.toBe('person');
  });

  it('takes capitalised words for a person’s name from the corpus, not from a dictionary thing', () => {
    const bracketed: KindEvidence = { ...fromCedict('万德维茨', '', ['Marco Wanderwitz']), cedict: false };
    expect(decideKind(bracketed)).toBe('person');
    const particle: KindEvidence = {
      ...fromCedict('冯·希拉赫', '', ['Baldur Benedikt von Schirach']),
      cedict: false,
    };
    expect(decideKind(particle)).toBe('person');
    expect(decideKind({ ...fromCedict('安特里姆郡', '', ['Antrim County']), cedict: false })).toBe('place');
    const represents = 'the Three Represents, a set of three guiding principles for the CCP';
    expect(decideKind(fromCedict('三个代表', represents, ['Three Represents']))).toBe('topic');
    expect(decideKind(fromCedict('元旦', "New Year's Day", ["New Year's Day"]))).toBe('event');
    expect(
      decideKind(fromCedict('美国海岸警卫队', 'United States Coast Guard', ['United States Coast Guard'])),
    ).toBe('organisation');
    expect(
      decideKind(fromCedict('施密特', 'Schmidt or Schmitt (surname); Helmut Schmidt', ['Helmut Schmidt'])),
    ).toBe('person');
  });
});

describe('kindCue', () => {
  const cue = (text: string, name: string) => {
    const start = text.indexOf(name);
    return kindCue(text, start, start + name.length);
  };

  it('reads a title before a name as a person', () => {
    expect(cue('首席检察官杰克逊原本还想', '杰克逊')).toBe('person');
    expect(cue('澳大利亚贸易部长伯明翰批评中国', '伯明翰')).toBe('person');
    // A sports star (名将, 球员) or a coach (教练) too: 短跑名将博尔特 "sprint star Bolt".
    expect(cue('牙买加短跑名将博尔特确诊', '博尔特')).toBe('person');
    expect(cue('德国国家队教练勒夫表示', '勒夫')).toBe('person');
  });

  it('reads being at, going to or stationed in a name as a place', () => {
    expect(cue('中国驻华盛顿大使馆', '华盛顿')).toBe('place');
    expect(cue('他前往奥斯汀。', '奥斯汀')).toBe('place');
    expect(cue('峰会在华盛顿举行', '华盛顿')).toBe('place');
    expect(cue('在开姆尼茨，极右翼', '开姆尼茨')).toBe('place');
  });

  it('reads a whole title in 《》 as a work, or as a paper where it reports or is called one', () => {
    expect(cue('达·芬奇的《蒙娜丽莎》和梵高的', '蒙娜丽莎')).toBe('work');
    expect(cue('《今日美国》援引作家法里斯', '今日美国')).toBe('organisation');
    expect(cue('美媒《今日美国》11月6日发文', '今日美国')).toBe('organisation');
    expect(cue('台湾《风传媒》发表文章', '风传媒')).toBe('organisation');
    // Part of a title is no title.
    expect(cue('《蒙娜丽莎的微笑》', '蒙娜丽莎')).toBeUndefined();
  });

  it('reads the kind of place said before a name, or a count of places after it, as a place', () => {
    expect(cue('知名艺术家村沃普斯韦德(Worpswede)保持着联系', '沃普斯韦德')).toBe('place');
    expect(cue('德国首都柏林的', '柏林')).toBe('place');
    expect(cue('港口城市汉堡', '汉堡')).toBe('place');
    expect(cue('在绿湾和基诺沙(Kenosha)两个城市上报票数后', '基诺沙')).toBe('place');
    expect(cue('基诺沙（Kenosha）等地', '基诺沙')).toBe('place');
    expect(cue('英法等国', '法')).toBe('place');
    // Not a count of people, nor a word that only ends like a place noun.
    expect(cue('基诺沙两个人', '基诺沙')).toBeUndefined();
    expect(cue('村长沃克说', '沃克')).toBeUndefined();
    expect(cue('中石油等国企', '中石油')).toBeUndefined();
    expect(cue('李强等地方官员', '李强')).toBeUndefined();
  });

  it('reads a medium where words are put 在 X 上 (not a listing 在日本上市)', () => {
    expect(cue('特朗普在推特上发文说', '推特')).toBe('medium');
    expect(cue('在互联网上，', '互联网')).toBe('medium');
    expect(cue('公司在日本上市', '日本')).toBeUndefined();
  });

  it('reads a firm or a body where the words beside a name call it one', () => {
    expect(cue('美国能源巨头埃克森美孚宣布', '埃克森美孚')).toBe('organisation');
    expect(cue('莫德纳公司的疫苗', '莫德纳')).toBe('organisation');
    expect(cue('高盛集团经济学家认为', '高盛')).toBe('organisation');
    expect(cue('他是大众旗下奥迪的总裁', '奥迪')).toBe('organisation');
    expect(cue('华尔街投行摩根大通', '摩根大通')).toBe('organisation');
    expect(cue('四国集团要求改革', '四国')).toBeUndefined();
  });

  it('reads no place into a view, a time or an abstraction after 在', () => {
    expect(cue('在默克尔看来，', '默克尔')).toBeUndefined();
    expect(cue('在里根执政期间', '里根')).toBeUndefined();
    expect(cue('来自基地组织的威胁', '基地组织')).toBeUndefined();
    expect(cue('华盛顿表示', '华盛顿')).toBeUndefined();
  });
});

describe('englishKindCue', () => {
  const cue = (text: string, name: string) => {
    const start = text.indexOf(name);
    return englishKindCue(text, start, start + name.length);
  };

  it('reads a title as a person, a firm’s words as an organisation, "in … ," as a place', () => {
    expect(cue('Mr Warnock is a pastor.', 'Warnock')).toBe('person');
    expect(cue('Later, President Biden said so.', 'Biden')).toBe('person');
    expect(cue('the online titan, Amazon, and its rivals', 'Amazon')).toBe('organisation');
    expect(cue('Russell Grandinetti, Amazon’s head of international retail', 'Amazon')).toBe('organisation');
    expect(cue('shares in Alibaba fell', 'Alibaba')).toBe('organisation');
    expect(cue('Goldman Sachs, an investment bank, said', 'Goldman Sachs')).toBe('organisation');
    expect(cue('the runoffs in Georgia, which decide', 'Georgia')).toBe('place');
    expect(cue('flights to Paris.', 'Paris')).toBe('place');
    expect(cue('a would-be rival to Starbucks, was', 'Starbucks')).toBe('organisation');
    expect(cue('her followers on WeChat, a messaging app', 'WeChat')).toBe('medium');
    expect(cue('sanctions on Iran.', 'Iran')).toBeUndefined();
  });

  it('says nothing where the words do not', () => {
    expect(cue('talks in Paris Hilton style', 'Paris')).toBeUndefined();
    expect(cue('Georgia voted', 'Georgia')).toBeUndefined();
    expect(cue('in Amazon’s warehouses', 'Amazon')).toBeUndefined();
  });
});

describe('kindFromCues', () => {
  /** Counts of cues over 100 mentions. */
  const cues = (person: number, place: number, medium = 0, organisation = 0, mentions = 100): CueCounts => ({
    person,
    place,
    medium,
    organisation,
    work: 0,
    mentions,
  });

  it('turns a person or a topic the corpus puts in places into a place, on a clear majority', () => {
    expect(kindFromCues('person', cues(1, 40))).toBe('place');
    expect(kindFromCues('topic', cues(0, 3))).toBe('place');
    expect(kindFromCues('topic', cues(0, 2))).toBe('topic');
    expect(kindFromCues('person', cues(2, 7))).toBe('person');
  });

  it('turns a place or a topic the corpus titles into a person, on a clear majority', () => {
    expect(kindFromCues('place', cues(8, 0))).toBe('person');
    expect(kindFromCues('topic', cues(3, 0))).toBe('person');
    expect(kindFromCues('place', cues(4, 2))).toBe('place');
  });

  it('turns a topic named seldom and titled in half its mentions into a person, without other cues', () => {
    // 丹麦外交部长科富德（JeppeKofod）: one mention, one title.
    expect(kindFromCues('topic', cues(1, 0, 0, 0, 1))).toBe('person');
    expect(kindFromCues('topic', cues(1, 0, 0, 0, 2))).toBe('person');
    expect(kindFromCues('topic', cues(1, 0, 0, 0, 3))).toBe('topic');
    expect(kindFromCues('topic', cues(1, 0, 0, 1, 2))).toBe('topic');
    expect(kindFromCues('place', cues(1, 0, 0, 0, 1))).toBe('place');
  });

  it('turns a topic named seldom and put in a place in half its mentions into a place, likewise', () => {
    // 埃特林根 "Ettlingen", 沃姆斯 "Worms": one English word from the corpus, a surname's shape too.
    expect(kindFromCues('topic', cues(0, 1, 0, 0, 2))).toBe('place');
    expect(kindFromCues('topic', cues(0, 1, 0, 0, 3))).toBe('topic');
    expect(kindFromCues('topic', cues(1, 1, 0, 0, 2))).toBe('topic');
    expect(kindFromCues('person', cues(0, 1, 0, 0, 1))).toBe('person');
  });

  it('turns a "place" where words are put into a topic (Twitter, the Internet)', () => {
    expect(kindFromCues('place', cues(0, 1, 5))).toBe('topic');
    expect(kindFromCues('place', cues(0, 4, 5))).toBe('place');
    expect(kindFromCues('place', cues(0, 0, 2))).toBe('place');
  });

  it('turns a "topic", "place" or "person" called a firm in a tenth of its mentions into an organisation', () => {
    expect(kindFromCues('topic', cues(0, 0, 0, 12))).toBe('organisation');
    expect(kindFromCues('place', cues(0, 1, 0, 5, 40))).toBe('organisation');
    expect(kindFromCues('place', cues(0, 0, 0, 5))).toBe('place');
    expect(kindFromCues('place', cues(0, 2, 0, 5, 40))).toBe('place');
    // A "person" by the shape of its English name only (加拿大鹅 "Canada Goose"), unless also titled.
    expect(kindFromCues('person', cues(0, 0, 0, 4, 20))).toBe('organisation');
    expect(kindFromCues('person', cues(2, 0, 0, 4, 20))).toBe('person');
  });

  it('leaves organisations and events alone', () => {
    expect(kindFromCues('organisation', cues(0, 10))).toBe('organisation');
    expect(kindFromCues('event', cues(10, 0))).toBe('event');
  });
});

describe('listMateCue', () => {
  it('reads English lists too: a comma, "and", "or"', () => {
    expect(listMateCue(', ', 'organisation', true)).toBe('organisation');
    expect(listMateCue(' and ', 'organisation', true)).toBe('organisation');
    expect(listMateCue(', and ', 'organisation', true)).toBe('organisation');
    expect(listMateCue(' with ', 'organisation', true)).toBeUndefined();
    expect(listMateCue(' and ', 'place', true)).toBeUndefined();
    // In Chinese a comma (， folded) parts clauses, not names of a list.
    expect(listMateCue(',', 'organisation')).toBeUndefined();
  });

  it('calls a name listed right beside a firm or a body one, and says nothing of places', () => {
    expect(listMateCue('、', 'organisation')).toBe('organisation');
    expect(listMateCue('丶', 'organisation')).toBe('organisation');
    expect(listMateCue('和', 'organisation')).toBe('organisation');
    // 与 is as often "with" (美国与华为达成协议), and more than a separator is no list.
    expect(listMateCue('与', 'organisation')).toBeUndefined();
    expect(listMateCue('、以及', 'organisation')).toBeUndefined();
    expect(listMateCue('、', 'place')).toBeUndefined();
  });
});

describe('kindFromCues, works', () => {
  const counts = (work: number, mentions: number, more: Partial<CueCounts> = {}): CueCounts => ({
    person: 0,
    place: 0,
    medium: 0,
    organisation: 0,
    work,
    mentions,
    ...more,
  });

  it('takes a "place" or "person" the corpus mostly writes as a title in 《》 for a topic (a work)', () => {
    expect(kindFromCues('place', counts(2, 3))).toBe('topic');
    expect(kindFromCues('person', counts(3, 5))).toBe('topic');
    // Seldom a title, or a place by other cues too: it stays.
    expect(kindFromCues('place', counts(1, 3))).toBe('place');
    expect(kindFromCues('place', counts(2, 6))).toBe('place');
    expect(kindFromCues('place', counts(2, 3, { place: 1 }))).toBe('place');
    // A paper keeps its kind.
    expect(kindFromCues('organisation', counts(5, 5))).toBe('organisation');
  });
});
