import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { unglued } from '../../src/entities/aliases.ts';
import { nameBeforeParen } from '../../src/entities/candidates.ts';
import { displayEnglish, type ExtractResult, extractEntities } from '../../src/entities/extract.ts';
import { Lexicon } from '../../src/entities/lexicon.ts';
import type { Entity } from '../../src/entities/types.ts';

function article(id: string, paragraphs: string[]): Article {
  return {
    id,
    url: `https://www.dw.com/zh/x/a-${id}`,
    title: paragraphs[0]?.slice(0, 10) ?? id,
    publishedAt: '2020-01-01T00:00:00.000Z',
    source: 'Deutsche Welle',
    script: 'zh-Hans',
    passages: paragraphs.map((text) => ({ kind: 'paragraph' as const, text, script: 'zh-Hans' as const })),
    images: [],
    links: [],
    videos: [],
    file: `${id}.md`,
  };
}

const ARTICLES = [
  article('1', [
    '德国卫生部长施潘（Jens Spahn）周一表示，城市的和平与友谊很重要。',
    '外长王毅会见俄罗斯外长拉夫罗夫（Sergei Lavrov）。他向普京致意，并贺普丁胜选。',
    '中方反对“脱钩断链”。施潘说，疫苗供应充足。',
  ]),
  article('2', [
    '美国财长耶伦（Janet Yellen）访问北京。耶伦表示，不会“脱钩断链”。',
    '记者张慈（Axios）报道。记者邹宗翰（Axios）报道。记者李澄欣（CNN）报道。',
    '普京与拉夫罗夫讨论了北约。特使李辉再度前往欧洲，李辉第一站是莫斯科。',
  ]),
];

let lexicon: Lexicon;
let result: ExtractResult;
const byName = (name: string): Entity | undefined =>
  result.entities.find((e) => e.name === name || e.aliases.some((a) => a.text === name));

/** The names of the entities extracted from these articles alone. */
const namesIn = (articles: Article[]): string[] =>
  extractEntities(articles, { lexicon }).entities.map((e) => e.name);
/** The alias texts of the entity named `name` in an extraction ([] when there is none). */
const aliasTexts = (r: ExtractResult, name: string): string[] =>
  r.entities.find((e) => e.name === name)?.aliases.map((a) => a.text) ?? [];

beforeAll(() => {
  lexicon = new Lexicon();
  result = extractEntities(ARTICLES, { lexicon });
}, 60_000);

describe('nameBeforeParen', () => {
  it('cuts titles off the left edge of a name', () => {
    expect(nameBeforeParen('德国卫生部长施潘', lexicon)).toBe('施潘');
    expect(nameBeforeParen('俄罗斯外长拉夫罗夫', lexicon)).toBe('拉夫罗夫');
    expect(nameBeforeParen('反对派人士纳瓦尔尼', lexicon)).toBe('纳瓦尔尼');
    expect(nameBeforeParen('候选人拜登', lexicon)).toBe('拜登');
    expect(nameBeforeParen('会见了蓬佩奥', lexicon)).toBe('蓬佩奥');
    expect(nameBeforeParen('化妆品品牌创始人鲁宾斯坦', lexicon, ['Helena Rubinstein'])).toBe('鲁宾斯坦');
    expect(nameBeforeParen('巴西卢拉', lexicon, ['Lula'])).toBe('卢拉');
  });

  it('takes back a name’s first character that the segmentation glued to a title (学家|马蒂亚斯)', () => {
    // 家马, 长多 and 家法 are dictionary words: 学|家马|蒂亚斯 had given 蒂亚斯·胡斯.
    expect(nameBeforeParen('冰川学家马蒂亚斯·胡斯', lexicon, ['Matthias Huss'])).toBe('马蒂亚斯·胡斯');
    expect(nameBeforeParen('议会党团小组组长多布林特', lexicon, ['Alexander Dobrindt'])).toBe('多布林特');
    expect(nameBeforeParen('伊朗资深核科学家法赫里扎德', lexicon, ['Mohsen Fachrisadeh'])).toBe('法赫里扎德');
  });

  it('goes on into a dictionary word of transliteration characters while the name is shorter than its English', () => {
    // 通 and 号 are no transliteration characters; 比特 "bit" and 克拉 "carat" are dictionary words.
    expect(nameBeforeParen('宾州法官比特尔斯通', lexicon, ['Wendy Beetlestone'])).toBe('比特尔斯通');
    expect(nameBeforeParen('演习由印度海军维克拉玛帝亚号', lexicon, ['INS Vikramaditya'])).toBe(
      '维克拉玛帝亚号',
    );
    // Long enough for its English: the word before it stays out.
    expect(nameBeforeParen('印度海军维克拉玛帝亚号', lexicon, ['INS Mada'])).toBe('玛帝亚号');
  });

  it('takes a function character that starts a part after "·" (冯·于克斯屈尔, 萨德尔·让帕罗夫)', () => {
    expect(nameBeforeParen('会执行长奥勒·冯·于克斯屈尔', lexicon, ['Ole von Uexküll'])).toBe(
      '奥勒·冯·于克斯屈尔',
    );
    expect(nameBeforeParen('吉尔吉斯总统萨德尔·让帕罗夫', lexicon, ['Sadyr Zhaparov'])).toBe(
      '萨德尔·让帕罗夫',
    );
    // Elsewhere it still ends the name.
    expect(nameBeforeParen('部长于是说明斯基', lexicon, ['Minsky'])).not.toMatch(/^于/);
  });

  it('takes no name from "the word" before a gloss of a quoted term (“骗子媒体”一词（Lügenpresse）)', () => {
    expect(nameBeforeParen('评委会表示，“骗子媒体”一词', lexicon, ['Lügenpresse'])).toBeUndefined();
    expect(nameBeforeParen('这个词', lexicon, ['Wutbürger'])).toBeUndefined();
  });

  it('takes an organisation’s name before its acronym (罗伯特·科赫研究所（RKI）)', () => {
    const org = (text: string, acronym: string) => nameBeforeParen(text, lexicon, [acronym]);
    expect(org('最新统计：罗伯特·科赫研究所', 'RKI')).toBe('罗伯特·科赫研究所');
    expect(org('唯一的德国人——来自科赫研究所', 'RKI')).toBe('科赫研究所');
    expect(org('澳大利亚战略政策研究所', 'ASPI')).toBe('澳大利亚战略政策研究所');
    // Verbs right before the head noun belong to the name; a verb after the subject does not.
    expect(org('他也批评欧洲药品管理局', 'EMA')).toBe('欧洲药品管理局');
    expect(org('欧洲疾病预防控制中心', 'ECDC')).toBe('欧洲疾病预防控制中心');
    expect(org('李勇当选联合国工业发展组织', 'UNIDO')).toBe('联合国工业发展组织');
    expect(org('赛车的主办者国际汽车协会', 'FIA')).toBe('国际汽车协会');
    expect(org('根据德国经济研究所', 'DIW')).toBe('德国经济研究所');
    expect(org('疫苗生产商印度血清研究所', 'SII')).toBe('印度血清研究所');
    // A head noun alone or with one common word describes; a description's head names nothing.
    expect(org('该组织', 'WHO')).toBeUndefined();
    expect(org('柏林智库科学与政治基金会', 'SWP')).toBeUndefined();
    expect(org('区域全面经济伙伴关系协定', 'RCEP')).toBeUndefined();
    // A dictionary name takes the usual walk.
    expect(org('该小组也批评世界卫生组织', 'WHO')).toBe('世界卫生组织');
  });

  it('joins a place to the name of a compound named after it (不来梅哈芬 "Bremerhaven")', () => {
    expect(nameBeforeParen('科考船开始返回不来梅哈芬', lexicon, ['Bremerhaven'])).toBe('不来梅哈芬');
    expect(nameBeforeParen('巴西卢拉', lexicon, ['Lula'])).toBe('卢拉');
  });

  it('joins a dictionary word that the parenthesis names to a dictionary name that is only part of it', () => {
    // 大通 is Datong, and 摩根 a bare surname entry ("Morgan (name)"), no proper noun of the lexicon.
    expect(nameBeforeParen('债券的摩根大通', lexicon, ['JP Morgan'])).toBe('摩根大通');
    expect(nameBeforeParen('诺贝尔文学奖得主奥尔加·托卡尔丘克', lexicon, ['Olga Tokarczuk'])).toBe(
      '奥尔加·托卡尔丘克',
    );
    // Not where the parenthesis does not name it.
    expect(nameBeforeParen('美国大通', lexicon, ['Datong'])).toBe('大通');
  });

  it('leaves a numeral’s unit out of a name (2019年哈勒市, 26日起萨塞克斯)', () => {
    expect(nameBeforeParen('年哈勒市', lexicon, ['Halle'], '判处2019')).toBe('哈勒市');
    expect(nameBeforeParen('日起萨塞克斯', lexicon, ['Sussex'], '自26')).toBe('萨塞克斯');
    // 茨 and 兹 are transliteration characters: the name goes on across 恩德 (a word).
    expect(nameBeforeParen('动物医学家雷恩德尔茨', lexicon, ['Fabian Leendertz'])).toBe('雷恩德尔茨');
    expect(nameBeforeParen('日本首相安倍', lexicon, ['Shinzo Abe'], '12')).toBe('安倍');
  });

  it('ends a transliterated name at the unit of the place it is in (普法尔茨州|埃菲尔 "Eifel"), or at 至', () => {
    expect(nameBeforeParen('普法尔茨州埃菲尔', lexicon, ['Eifel'])).toBe('埃菲尔');
    expect(nameBeforeParen('汉堡市埃彭多夫', lexicon, ['Eppendorf'])).toBe('埃彭多夫');
    // 至 "to" ends a name like the other function characters.
    expect(nameBeforeParen('示威者从民主纪念碑游行至巴育', lexicon, ['Prayut Chan-O-cha'])).toBe('巴育');
    expect(nameBeforeParen('杜塞尔多夫至迈特曼', lexicon, ['Mettmann'])).toBe('迈特曼');
    // A place's own unit stays: it ends the name.
    expect(nameBeforeParen('美国马萨诸塞州', lexicon, ['Massachusetts'])).toBe('马萨诸塞州');
  });

  it('keeps a transliterated name whole where the segmentation cuts it into dictionary words', () => {
    // Common words of transliteration characters (拉德, 麦克, 列克) continue the name.
    expect(nameBeforeParen('联邦总理康拉德·阿登纳', lexicon, ['Konrad Adenauer'])).toBe('康拉德·阿登纳');
    expect(nameBeforeParen('共和党参院领袖麦克康奈尔', lexicon, ['Mitch McConnell'])).toBe('麦克康奈尔');
    expect(nameBeforeParen('反对派领袖阿列克谢·纳瓦尔尼', lexicon, ['Alexei Navalny'])).toBe(
      '阿列克谢·纳瓦尔尼',
    );
    // A proper noun glossed as a name (哈里 "Harry", 贝尔 "Bell (person name)") continues it too.
    expect(nameBeforeParen('参议员哈里斯', lexicon, ['Kamala Harris'])).toBe('哈里斯');
    expect(nameBeforeParen('该党双主席贝尔伯克', lexicon, ['Annalena Baerbock'])).toBe('贝尔伯克');
    // Another proper noun only while the name is shorter than its English word says: a place inside
    // a name (乌苏|拉 "Ursula", 阿克塞|尔 "Axel") joins it, a country before one (巴西|卢拉) does not.
    expect(nameBeforeParen('委员会主席乌苏拉·冯德莱恩', lexicon, ['Ursula von der Leyen'])).toBe(
      '乌苏拉·冯德莱恩',
    );
    expect(nameBeforeParen('德国拳手阿克塞尔·舒尔茨', lexicon, ['Axel Schulz'])).toBe('阿克塞尔·舒尔茨');
    expect(nameBeforeParen('瑞典少女格雷塔·通贝里', lexicon, ['Greta Thunberg'])).toBe('格雷塔·通贝里');
    // Left of a name continued that way, a character that is no transliteration ends it.
    expect(nameBeforeParen('1900年维托里奥·塞拉', lexicon, ['Vittorio Sella'])).toBe('维托里奥·塞拉');
    // Titles still end it.
    expect(nameBeforeParen('美国国务卿迈克·蓬佩奥', lexicon, ['Mike Pompeo'])).toBe('迈克·蓬佩奥');
  });
});

describe('extractEntities', () => {
  it('finds people from parentheticals with their English names', () => {
    expect(byName('施潘')?.aliases).toContainEqual({ text: 'Jens Spahn', source: 'parenthetical' });
    expect(byName('施潘')?.kind).toBe('person');
    expect(byName('耶伦')?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['耶倫', 'Janet Yellen', 'Yellen']),
    );
  });

  it('merges a person across scripts and cross-strait transliterations', () => {
    const putin = byName('普京');
    expect(putin).toBeDefined();
    expect(putin?.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['普丁', 'Vladimir Putin']));
    expect(byName('拉夫罗夫')?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['拉夫羅夫', 'Sergei Lavrov', 'Lavrov']),
    );
  });

  it('romanises Chinese personal names surname first', () => {
    expect(byName('王毅')?.aliases.map((a) => a.text)).toContain('Wang Yi');
    expect(byName('李辉')?.aliases.map((a) => a.text)).toContain('Li Hui');
  });

  it('gives a Japanese name no form that only shares its English (安倍 "Abe" is no 亚伯 "Abe")', () => {
    const r = extractEntities([article('1', ['日本首相安倍表示。', '安倍又说。'])], { lexicon });
    const texts = r.entities.find((e) => e.name === '安倍')?.aliases.map((a) => a.text);
    expect(texts).toContain('Abe');
    expect(texts).not.toContain('亚伯');
  });

  it('writes a transliterated name whole with the Han forms of its English given name', () => {
    const r = extractEntities(
      [
        article('1', [
          '美国总统特朗普（Donald Trump）说。',
          '候选人拜登（Joe Biden）说。',
          '乔·拜登（Joe Biden）表示。',
          '明星金·卡戴珊（Kim Kardashian）说。',
        ]),
        article('2', [
          '乔·拜登（Joe Biden）又说。',
          '特朗普说。',
          '朝鲜领导人金正恩（Kim Jong-un）说。',
          '金·卡戴珊（Kim Kardashian）说。',
        ]),
        article('3', [
          '议员希夫（Joe Schiff）说。',
          '议员罗贝特斯（Michael Robets）说。',
          '米夏尔·施密特（Michael Schmidt）说。',
        ]),
      ],
      { lexicon },
    );
    const aliases = (name: string) => r.entities.find((e) => e.name === name)?.aliases ?? [];
    // From the dictionary ("Donald (name)": 唐纳德) and from the corpus' brackets (乔·拜登（Joe Biden）, twice).
    expect(aliases('特朗普')).toContainEqual({ text: '唐纳德·特朗普', source: 'given-name' });
    expect(aliases('希夫')).toContainEqual({ text: '乔·希夫', source: 'given-name' });
    // Not a name written surname first.
    expect(
      aliases('金正恩')
        .map((a) => a.text)
        .filter((t) => t.includes('·')),
    ).toEqual([]);
    // One bracket pairing 米夏尔 with "Michael" makes no pair; the dictionary's 迈克尔 does.
    expect(aliases('罗贝特斯').map((a) => a.text)).toContain('迈克尔·罗贝特斯');
    expect(aliases('罗贝特斯').map((a) => a.text)).not.toContain('米夏尔·罗贝特斯');
  });

  it('takes a name written with "·" in two articles for an entity, ending where the articles agree', () => {
    const r = extractEntities(
      [
        article('1', [
          '英国首相特雷莎·梅接手。',
          '洛克希德·马丁公司研制。',
          '美国总统特朗普（Donald Trump）说。',
        ]),
        article('2', ['特雷莎·梅曾表示。', '由洛克希德·马丁制造的战斗机。', '唐纳德·特朗普将离开。']),
        article('3', [
          '否决了特雷莎·梅德脱欧协议。',
          '《人民日报·海外版》称。',
          '演员丽塔·威尔逊确诊。',
          '唐纳德·特朗普说。',
        ]),
        article('4', ['《人民日报·海外版》又称。', '丽塔·威尔逊康复。', '约瑟夫·施耐德说。']),
        article('5', ['教练约翰·克佩尔说。']),
        article('6', ['教练约翰·克嘉图说。']),
      ],
      { lexicon },
    );
    const names = r.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['特雷莎·梅', '洛克希德·马丁', '丽塔·威尔逊']));
    // 特雷莎·梅德 is 特雷莎·梅 before 的 misspelt; one article is too few; 人民日报 is no name.
    expect(names).not.toContain('特雷莎·梅德');
    expect(names).not.toContain('约瑟夫·施耐德');
    // Two names that part after their first character (克|佩尔, 克|嘉图) are not that character.
    expect(names).not.toContain('约翰·克');
    expect(names.filter((n) => n.includes('海外版'))).toEqual([]);
    // A known person's own given name makes a form of theirs, no other entity.
    expect(names).not.toContain('唐纳德·特朗普');
    expect(r.entities.find((e) => e.name === '特朗普')?.aliases.map((a) => a.text)).toContain(
      '唐纳德·特朗普',
    );
    // Known only written whole, it takes no short form: nothing says which 威尔逊 a bare one is.
    expect(r.entities.find((e) => e.name === '丽塔·威尔逊')?.aliases.map((a) => a.text)).not.toContain(
      '威尔逊',
    );
  });

  it('gives a person no namesake’s name from the same dictionary gloss', () => {
    const r = extractEntities(
      [article('1', ['美国前总统克林顿（Bill Clinton）说。', '俄罗斯外长拉夫罗夫（Sergei Lavrov）说。'])],
      { lexicon },
    );
    const texts = (name: string) => r.entities.find((e) => e.name === name)?.aliases.map((a) => a.text) ?? [];
    // 克林顿: "Clinton (name); Bill Clinton …; Hillary Rodham Clinton …".
    expect(texts('克林顿')).toContain('Bill Clinton');
    expect(texts('克林顿')).not.toContain('Hillary Clinton');
    // Another spelling of the same first name stays.
    expect(texts('拉夫罗夫')).toContain('Sergey Lavrov');
  });

  it('takes a Japanese family name alone for the one person the corpus names in full with it', () => {
    const r = extractEntities(
      [article('1', ['日本首相安倍晋三表示。', '安倍说。']), article('2', ['安倍又说。'])],
      { lexicon },
    );
    const abe = r.entities.find((e) => e.name === '安倍晋三');
    expect(abe?.aliases).toContainEqual({ text: '安倍', source: 'short-form' });
    expect(abe?.articleCount).toBe(2);
    expect(r.entities.map((e) => e.name)).not.toContain('安倍');
    expect(r.mentionIndex.byEntity[abe?.id as string]).toHaveLength(3);
  });

  it('gives no pinyin to a person the corpus places in Hong Kong or Taiwan', () => {
    const r = extractEntities(
      [
        article('1', ['香港立法会议员毛孟静表示。', '外交部发言人赵立坚说。']),
        article('2', ['香港民主派毛孟静说。', '台湾外交部长吴钊燮称。', '外交部发言人赵立坚又说。']),
        article('3', ['台湾外交部长吴钊燮又称。']),
      ],
      { lexicon },
    );
    const texts = (name: string) => r.entities.find((e) => e.name === name)?.aliases.map((a) => a.text);
    expect(texts('毛孟静')).toBeDefined();
    expect(texts('毛孟静')).not.toContain('Mao Mengjing');
    // 外交部 places no one on the mainland after 台湾.
    expect(texts('吴钊燮')).toBeDefined();
    expect(texts('吴钊燮')).not.toContain('Wu Zhaoxie');
    expect(texts('赵立坚')).toContain('Zhao Lijian');
  });

  it('gives no pinyin to a name the corpus shows as foreign', () => {
    const r = extractEntities(
      [
        article('1', ['日本首相菅义伟表示。', '日本新首相菅义伟周二说。', '首相菅义伟敦促国民。']),
        article('2', ['中国驻日本大使孔铉佑表示。', '大使孔铉佑说。']),
        article('3', ['斯诺登的妻子林赛·米尔斯说。', '议员林赛表示。', '议员林赛又说。']),
      ],
      { lexicon },
    );
    const texts = (name: string) => r.entities.find((e) => e.name === name)?.aliases.map((a) => a.text);
    // Two of three titled occurrences after 日本: Suga Yoshihide, no "Jian Yiwei".
    expect(texts('菅义伟')).toBeDefined();
    expect(texts('菅义伟')).not.toContain('Jian Yiwei');
    // The state a Chinese envoy is posted to says nothing of his name.
    expect(texts('孔铉佑')).toContain('Kong Xuanyou');
    // Written before a "·": Lindsay, no "Lin Sai".
    expect(texts('林赛')).toBeDefined();
    expect(texts('林赛')).not.toContain('Lin Sai');
  });

  it('gives a name written surname first its surname alone only when the corpus names them all the time', () => {
    const xi = (n: number) =>
      Array.from({ length: n }, (_, i) => article(`x${i}`, ['国家主席习近平发表讲话。']));
    const deng = [article('d1', ['邓小平提出改革开放。毛泽东去世。']), article('d2', ['邓小平访问美国。'])];
    const texts = (r: ExtractResult, name: string) =>
      r.entities.find((e) => e.name === name)?.aliases.map((a) => a.text) ?? [];
    const often = extractEntities([...xi(20), ...deng], { lexicon });
    expect(texts(often, '习近平')).toEqual(expect.arrayContaining(['Xi Jinping', 'Xi']));
    // Never the given name; nor the surname of one named in two articles.
    expect(texts(often, '习近平')).not.toContain('Jinping');
    expect(texts(often, '邓小平')).toContain('Deng Xiaoping');
    expect(texts(often, '邓小平')).not.toContain('Deng');
    expect(texts(often, '邓小平')).not.toContain('Xiaoping');
    // 泽 and 东 are transliteration characters too: still no Western name's "last word".
    expect(texts(often, '毛泽东')).toContain('Mao Zedong');
    expect(texts(often, '毛泽东')).not.toContain('Zedong');
    expect(texts(extractEntities(xi(19), { lexicon }), '习近平')).not.toContain('Xi');
  });

  it('takes a Chinese name marked "(音译)" as a person on one occurrence, without the title before it', () => {
    const marked = extractEntities(
      [
        article('m1', [
          '2018年4月，他持枪袭击，造成38岁的中国籍郝新东(音译)死亡。',
          '餐馆主人賴雲（音譯）说，生意很难做。',
          '她的英语教师阎（音译）和他的儿子鹏翼（音译）都在场。',
        ]),
      ],
      { lexicon },
    ).entities;
    const named = (n: string) => marked.find((e) => e.name === n);
    expect(named('郝新东')?.kind).toBe('person');
    expect(named('郝新东')?.aliases.map((a) => a.text)).toContain('Hao Xindong');
    // In the article's own script, the other script an alias.
    expect(named('賴雲')?.kind).toBe('person');
    expect(named('賴雲')?.aliases.map((a) => a.text)).toContain('赖云');
    // A lone surname or given name before the note names no one; titles are no part of a name.
    for (const e of marked)
      expect(['教师阎', '师阎', '子鹏翼', '鹏翼', '籍郝新东', '主人赖云']).not.toContain(e.name);
  });

  it('keeps coined quoted terms', () => {
    expect(byName('脱钩断链')?.kind).toBe('topic');
  });

  it('takes no quoted judgement for a term (“不公平”, “非常失望”), however often it is quoted', () => {
    const said = (id: string) => article(id, ['部长说这“不公平”，他“非常失望”。', '外交部批评“战狼外交”。']);
    const once = article('q4', ['他说要“带着良心”做事。戴琪认为美国应该“有策略地”应对中国。']);
    const names = namesIn([said('q1'), said('q2'), said('q3'), once]);
    expect(names).not.toContain('带着良心');
    // A dictionary word and 地: an adverb ("strategically").
    expect(names).not.toContain('有策略地');
    expect(names).not.toContain('不公平');
    expect(names).not.toContain('非常失望');
    expect(names).toContain('战狼外交');
  });

  it('counts a quote that other articles repeat in the same words apart (a caption the site reuses)', () => {
    const caption = (id: string) =>
      article(id, ['乔治亚是说“拜登领先”，北卡州则说“特朗普领先”。香港“反修例运动”开始后，军机“执行任务”。']);
    const repeated = namesIn([caption('r1'), caption('r2'), caption('r3')]);
    // Plain words and a name with a verb are no names when only a repeated caption quotes them ...
    expect(repeated).not.toContain('执行任务');
    expect(repeated).not.toContain('拜登领先');
    // ... a term that is no plain prose still is one.
    expect(repeated).toContain('反修例运动');
    // Quoted by three articles in their own words, plain words make a term.
    const own = namesIn([
      article('o1', ['台湾战机在台东“执行任务”时坠毁。']),
      article('o2', ['解放军军机多次飞进识别区“执行任务”。']),
      article('o3', ['海警船只称在钓鱼岛附近“执行任务”。']),
    ]);
    expect(own).toContain('执行任务');
  });

  it('takes no bare dictionary given name for the one person a parenthesis names (威廉 for Harald Wilhelm)', () => {
    const names = namesIn([
      article('b1', ['戴姆勒首席财务官威廉（Harald Wilhelm）表示。', '英国王子威廉访问德国。']),
      article('b2', ['首席财务官威廉（Harald Wilhelm）说。', '俄罗斯外长拉夫罗夫（Sergei Lavrov）到访。']),
    ]);
    expect(names).not.toContain('威廉');
    expect(names).toContain('拉夫罗夫');
  });

  it('gives a dictionary given name no one person’s full name (商人迈克尔（Michael Spavor）)', () => {
    // The dictionary glosses 迈克尔 "(name) Michael": the label first.
    const r = extractEntities(
      [
        article('m1', [
          '加拿大人康明凯和斯帕弗（Michael Spavor）被拘押。',
          '商人迈克尔（Michael Spavor）被判刑。',
        ]),
        article('m2', ['斯帕弗（Michael Spavor）在丹东经商。', '商人迈克尔（Michael Spavor）在朝鲜有人脉。']),
        article('m3', ['斯帕弗的律师说。']),
      ],
      { lexicon },
    );
    expect(aliasTexts(r, '斯帕弗')).toContain('Michael Spavor');
    expect(aliasTexts(r, '斯帕弗')).not.toContain('迈克尔');
    // Nor a bare surname that is a name of its own (施密特 in several articles): it keeps none of them.
    const s = extractEntities(
      [
        article('s1', ['前总理施密特（Helmut Schmidt）曾说。', '施密特访问北京。']),
        article('s2', ['经济学家施密特（Torsten Schmidt）认为。', '施密特说。']),
        article('s3', ['施密特（Michael Schmidt）表示。']),
      ],
      { lexicon },
    );
    expect(aliasTexts(s, '施密特').filter((t) => t.includes(' '))).toEqual([]);
  });

  it('names and merges a dictionary homograph by its first entry (中美 "China-USA", not "Central America")', () => {
    const r = extractEntities(
      [
        article('h1', ['中美关系紧张。', '坎宁安访问了中美洲国家尼加拉瓜。']),
        article('h2', ['中美贸易谈判。', '一支从中美洲到美国的移民队伍。']),
      ],
      { lexicon },
    );
    expect(aliasTexts(r, '中美')).not.toContain('中美洲');
    expect(r.entities.find((e) => e.name === '中美')?.english).toBe('China-USA');
    expect(r.entities.find((e) => e.name === '中美洲')?.english).toBe('Central America');
  });

  it('takes the Internet for a topic, with no common word the dictionary also glosses so (网络)', () => {
    const r = extractEntities(
      [
        article('i1', ['中国的互联网审查异常严格。', '道路网络和5G网络建设。']),
        article('i2', ['互联网公司阿里巴巴上市。', '社交网络上流传着一份名单。']),
      ],
      { lexicon },
    );
    expect(r.entities.find((e) => e.name === '互联网')?.kind).toBe('topic');
    expect(aliasTexts(r, '互联网')).not.toContain('网络');
  });

  it('spaces an English name run together after a dotted Chinese name (丹·特翰（DanTehan）)', () => {
    const found = extractEntities(
      [
        article('s1', ['澳大利亚贸易部长丹·特翰（DanTehan）表示。', '视频网站优兔（YouTube）很受欢迎。']),
        article('s2', ['部长丹·特汉（Dan Tehan）说。']),
      ],
      { lexicon },
    ).entities;
    const tehan = found.filter((e) => e.aliases.some((a) => a.text === 'Dan Tehan'));
    expect(tehan).toHaveLength(1);
    const forms = [tehan[0]?.name, ...(tehan[0]?.aliases.map((a) => a.text) ?? [])];
    expect(forms).toEqual(expect.arrayContaining(['丹·特翰', '丹·特汉']));
    expect(found.flatMap((e) => e.aliases.map((a) => a.text))).not.toContain('You Tube');
  });

  it('never makes generic words or segmentation debris into entities', () => {
    for (const junk of ['城市', '和平', '友谊', '向普京', '贺普丁', '中方']) {
      expect(
        result.entities.find((e) => e.name === junk),
        junk,
      ).toBeUndefined();
    }
  });

  it('takes no title and function word for a name (发言人曾表示 is no 曾表示, 部长向法院 no 向法)', () => {
    // 曾, 向 and 于 are surnames and function words ("once", "towards"): after a title, a function
    // word followed by a dictionary word is no name, however often it recurs.
    const names = namesIn([
      article('t1', ['发言人曾表示，谈判将继续。议员曾表示反对。', '部长向法院提出上诉。部长向法国求助。']),
      article('t2', [
        '记者曾多次前往当地。发言人曾表示不满。',
        '议员向媒体透露。部长向法院申诉。外长向法国施压。',
      ]),
      article('t3', [
        '主席曾多次访问。记者向媒体说明。总统向法、德两国致谢。',
        '外长王毅会见客人。外长王毅表示欢迎。',
      ]),
      article('t4', ['发言人曾庆岚表示支持。书记曾庆岚到访。', '主席曾庆岚会见外长王毅。主席曾庆祝生日。']),
      article('t5', ['教授曾庆岚说。']),
    ]);
    for (const junk of ['曾表示', '曾表', '曾多次', '曾多', '向法', '向法院', '向法国', '向媒体', '向媒'])
      expect(names, junk).not.toContain(junk);
    // A name after a title stays, 曾 surname included, though 曾庆祝 ("once celebrated") is debris.
    expect(names).toContain('王毅');
    expect(names).toContain('曾庆岚');
  });

  it('takes two characters after a title for a name only where the name ends there', () => {
    const names = namesIn([
      // 陈家坪 once after a title, 陈家 ("the Chens'") often: no 陈家. 曾因参加 is 曾 + 因 + 参加.
      article('h1', ['书记陈家坪表示支持。陈家人都来了。', '陈家的房子很大。发言人曾因参加集会被捕。']),
      article('h2', ['他曾因病住院。', '外长王毅会见客人。外长王毅表示欢迎。']),
    ]);
    expect(names).not.toContain('陈家');
    expect(names).not.toContain('曾因');
    expect(names).toContain('王毅');
  });

  it('makes a form weak where most of its occurrences are ties (会安 in 会安排), and counts only the rest', () => {
    const tied = extractEntities(
      [
        article('w1', ['他会安排会议。', '部长会安排访问。']),
        article('w2', ['我们会安排时间。', '越南会安古城很美。']),
      ],
      { lexicon },
    );
    const hoiAn = tied.entities.find((e) => e.name === '会安') as Entity;
    expect(hoiAn.weakKeys).toEqual(['会安']);
    expect(tied.mentionIndex.byEntity[hoiAn.id]).toHaveLength(1);
    expect(hoiAn.articleCount).toBe(1);
    // A name met where the text segments better with it is no weak form.
    expect(byName('王毅')?.weakKeys).toBeUndefined();
  });

  it('does not take a one-word credit after a reporter for a name, nor merge reporters by it', () => {
    const zhang = byName('张慈');
    expect(zhang?.aliases.map((a) => a.text) ?? []).not.toContain('Axios');
    expect(zhang?.aliases.map((a) => a.text) ?? []).not.toContain('邹宗翰');
  });

  it('gives a Western name written with "·" its surname as a short form, where it is unambiguous', () => {
    const { entities } = extractEntities(
      [
        article('3', [
          '第一任联邦总理康拉德·阿登纳（Konrad Adenauer）访问巴黎。',
          '歌手马克·施耐德（Mark Schneider）和作家海伦·施耐德（Helen Schneider）',
          '演员安吉拉·桂（Angela Gui）',
          '说唱歌手科达克·布莱克（Kodak Black）发布新歌。',
        ]),
      ],
      { lexicon },
    );
    const aliases = (name: string) => entities.find((e) => e.name === name)?.aliases ?? [];
    expect(aliases('康拉德·阿登纳')).toContainEqual({ text: '阿登纳', source: 'short-form' });
    expect(aliases('康拉德·阿登纳')).toContainEqual({ text: 'Adenauer', source: 'short-form' });
    // An everyday English word is no short form: "Black Friday" is no Kodak Black.
    expect(aliases('科达克·布莱克').map((a) => a.text)).toContain('Kodak Black');
    expect(aliases('科达克·布莱克').map((a) => a.text)).not.toContain('Black');
    // Two people share it: neither gets it. One character is too short to stand alone.
    expect(aliases('马克·施耐德').map((a) => a.text)).not.toContain('施耐德');
    expect(aliases('安吉拉·桂').map((a) => a.text)).not.toContain('桂');
  });

  it('gives no short form the corpus shows more often as unknown others’ surname', () => {
    const { entities } = extractEntities(
      [
        article('1', ['疫苗专家凯特·奥布莱恩（Kate O’Brien）表示。', '演员丽塔·威尔逊确诊。']),
        article('2', ['白宫国家安全顾问奥布莱恩（Robert O’Brien）称。', '丽塔·威尔逊康复。']),
        article('3', ['奥布莱恩（Robert O’Brien）访问亚洲。', '主任杰弗里·威尔逊（Jeffrey Wilson）说。']),
        article('4', ['第一任联邦总理康拉德·阿登纳（Konrad Adenauer）访问巴黎。', '丽塔·威尔逊出院。']),
        article('5', ['据她（Laura Merrifield Wilson）说。', '她（Laura Wilson）又说。']),
      ],
      { lexicon },
    );
    const texts = (name: string) => entities.find((e) => e.name === name)?.aliases.map((a) => a.text) ?? [];
    // Twice Robert O'Brien, once Kate; three times Rita Wilson, twice Jeffrey (his name and his
    // bracket): 奥布莱恩 and 威尔逊 alone are either, in Chinese and in English.
    expect(texts('凯特·奥布莱恩')).toContain('Kate O’Brien');
    expect(texts('凯特·奥布莱恩')).not.toContain('奥布莱恩');
    expect(texts('杰弗里·威尔逊')).not.toContain('威尔逊');
    // In English, by the brackets alone: twice Laura Wilson, once Jeffrey.
    expect(texts('杰弗里·威尔逊')).not.toContain('Wilson');
    expect(texts('康拉德·阿登纳')).toContain('阿登纳');
  });

  it('keeps the short form of one the corpus names in more articles than others carry the surname', () => {
    const bare = ['2', '3', '4', '5'].map((id) =>
      article(id, ['特朗普发表讲话。', '据她（Melania Trump）说。']),
    );
    const { entities } = extractEntities([article('1', ['美国总统特朗普（Donald Trump）说。']), ...bare], {
      lexicon,
    });
    // Four brackets give another Trump, one gives Donald, but five articles name him.
    expect(entities.find((e) => e.name === '特朗普')?.aliases.map((a) => a.text)).toContain('Trump');
  });

  it('records a source for every alias and indexes mentions', () => {
    for (const e of result.entities) for (const a of e.aliases) expect(a.source).toBeTruthy();
    const id = byName('普京')?.id as string;
    expect(result.mentionIndex.byEntity[id]?.length).toBeGreaterThanOrEqual(3);
    expect(byName('普京')?.articleCount).toBe(2);
  });

  it('is deterministic', () => {
    const again = extractEntities(ARTICLES, { lexicon });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });
});

describe('an ambiguous dictionary name', () => {
  it('is what the corpus makes of it: 华盛顿 the capital, 乔治·华盛顿 the president', () => {
    const r = extractEntities(
      [
        article('w1', ['一位曾经和乔治·华盛顿（George Washington）一起工作的人说。']),
        article('w2', ['中国驻华盛顿大使馆表示，峰会在华盛顿举行。']),
        article('w3', ['记者前往华盛顿。华盛顿与北京的关系紧张。']),
      ],
      { lexicon },
    );
    const washington = r.entities.find((e) => e.name === '华盛顿');
    const george = r.entities.find((e) => e.name === '乔治·华盛顿');
    expect(washington).toMatchObject({ kind: 'place', english: 'Washington' });
    expect(washington?.aliases.map((a) => a.text)).not.toContain('George Washington');
    expect(george).toMatchObject({ kind: 'person', english: 'George Washington' });
  });
});

describe('a dictionary name whose senses send to several names', () => {
  it('is named by the one the corpus writes about: 德州 is Texas beside 德克萨斯, not the city Dezhou', () => {
    const r = extractEntities(
      [
        article('t1', ['俄亥俄州、德州等多个州份的选票。德克萨斯州长表示。']),
        article('t2', ['德州警长说。美国德克萨斯发生暴风雪。']),
      ],
      { lexicon },
    );
    const texas = r.entities.find((e) => e.aliases.some((a) => a.text === 'Texas'));
    expect(texas?.english).toBe('Texas');
    expect([texas?.name, ...(texas?.aliases.map((a) => a.text) ?? [])]).toEqual(
      expect.arrayContaining(['德州', '德克萨斯']),
    );
  });
});

describe('a dictionary name many people bear', () => {
  it('is the bearer the corpus names twice, not the dictionary example: 米歇尔 = Charles Michel', () => {
    const r = extractEntities(
      [
        article('c1', ['欧洲理事会主席米歇尔（Charles Michel）表示，峰会推迟。米歇尔需要隔离。']),
        article('c2', ['欧盟理事会主席米歇尔（Charles Michel）在推特上发文。']),
        article('c3', ['欧洲理事会主席查尔斯·米歇尔（Charles Michel）邀请各国。']),
        article('c4', ['美国前外交官韦斯-米切尔（Wess Mitchell）在讨论该报告时说。']),
      ],
      { lexicon },
    );
    const michel = r.entities.find((e) => e.name === '米歇尔');
    const texts = michel?.aliases.map((a) => a.text);
    expect(michel?.english).toBe('Charles Michel');
    // The long form merges with the short one; the dictionary's George Mitchell and the phonetic
    // variant 米切尔 (another man, Wess Mitchell) stay away.
    expect(texts).toContain('查尔斯·米歇尔');
    expect(texts).not.toContain('George Mitchell');
    expect(texts).not.toContain('米切尔');
  });

  it('keeps the dictionary bearer when the corpus names another only once', () => {
    const r = extractEntities(
      [
        article('k1', ['德国总理科尔访问美国。科尔表示欢迎。']),
        article('k2', ['苹果公司总裁库克（Tim Cook）讨论。总理科尔说。']),
      ],
      { lexicon },
    );
    expect(r.entities.find((e) => e.name === '科尔')?.english).toBe('Helmut Kohl');
    expect(r.entities.find((e) => e.name === '库克')?.aliases.map((a) => a.text)).not.toContain('Tim Cook');
  });
});

describe('a dictionary name that the corpus uses as a given name', () => {
  it('gives no one-word English alias (Paul would mark every Paul as 保罗), and is a person', () => {
    const r = extractEntities(
      [
        article('g1', ['前竞选经理保罗·马纳福特（Paul Manafort）被判刑。保罗说。']),
        article('g2', ['众议院议长保罗·瑞安（Paul Ryan）表示。保罗表示欢迎。']),
        article('g3', ['俄罗斯外长拉夫罗夫（Sergei Lavrov）到访。拉夫罗夫说。']),
      ],
      { lexicon },
    );
    const texts = (name: string) => aliasTexts(r, name);
    expect(r.entities.some((e) => e.name === '保罗')).toBe(true);
    expect(texts('保罗')).not.toContain('Paul');
    // A person's name, not the place a bare dictionary gloss ("Paul") makes of it.
    expect(r.entities.find((e) => e.name === '保罗')?.kind).toBe('person');
    // Surnames stay: the short forms of the full names, and a name's own English.
    expect(texts('保罗·马纳福特')).toContain('Manafort');
    expect(texts('拉夫罗夫')).toContain('Lavrov');
  });
});

describe('a province or an autonomous region', () => {
  it('is named on English pages by its own name (Xinjiang, Guangdong), a city not by its country', () => {
    const r = extractEntities(
      [article('x1', ['新疆和西藏的人权状况引发关注。广东省政府表示。', '墨西哥城发生地震。新疆棉花。'])],
      { lexicon },
    );
    const texts = (name: string) => aliasTexts(r, name);
    expect(texts('新疆')).toContain('Xinjiang');
    expect(texts('西藏')).toContain('Tibet');
    expect(texts('墨西哥城')).toContain('Mexico City');
    expect(texts('墨西哥城')).not.toContain('Mexico');
  });
});

describe('an organisation with an acronym in brackets', () => {
  it('merges with the dictionary abbreviation for that acronym (北约 "NATO"), not with a longer name', () => {
    const r = extractEntities(
      [
        article('n1', ['北大西洋公约联盟（NATO）成立于1949年。北约峰会召开。']),
        article('n2', ['澳大利亚广播公司（ABC）报道。美国广播公司也报道了。北约秘书长说。']),
      ],
      { lexicon },
    );
    const of = (name: string) =>
      r.entities.find((e) => e.name === name || e.aliases.some((a) => a.text === name));
    expect(of('北大西洋公约联盟')?.id).toBe(of('北约')?.id);
    expect(of('澳大利亚广播公司')?.id).not.toBe(of('美国广播公司')?.id);
  });
});

describe('a people', () => {
  it('is named by its plural and the other spelling too (Uighurs, Uyghur), a faith not', () => {
    const r = extractEntities(
      [article('u1', ['维吾尔族人权问题。基督徒和基督教。维吾尔族文化。', '基督教会表示。'])],
      { lexicon },
    );
    const texts = (name: string) => aliasTexts(r, name);
    expect(texts('维吾尔族')).toEqual(expect.arrayContaining(['Uighurs', 'Uyghur', 'Uyghurs']));
    expect(texts('基督徒')).toContain('Christians');
    expect(texts('基督教').some((t) => t.endsWith('ys'))).toBe(false);
  });
});

describe('a language or a nationality', () => {
  it('gives its one-word English name as no alias: on English pages it is the adjective', () => {
    const r = extractEntities(
      [
        article('d1', ['他会说德语。德语是一门语言。', '他用德语写作。一名美籍男子被捕，美籍记者说。']),
        article('d2', ['他懂西文。西文书很多。']),
      ],
      { lexicon },
    );
    const german = r.entities.find((e) => e.name === '德语');
    expect(german?.english).toBe('German');
    expect(german?.aliases.map((a) => a.text)).not.toContain('German');
    // A nationality likewise (美籍 "American (i.e. of US nationality)").
    const american = r.entities.find((e) => e.name === '美籍');
    expect(american?.english).toBe('American');
    expect(american?.aliases.map((a) => a.text)).not.toContain('American');
    // Whichever entity has a language's name: 西文 "Spanish; Western language".
    const spanish = r.entities.find((e) => e.name === '西文');
    expect(spanish?.english).toBe('Spanish');
    expect(spanish?.aliases.map((a) => a.text)).not.toContain('Spanish');
  });
});

describe('displayEnglish', () => {
  const named = (...xs: Array<[string, 'parenthetical' | 'cedict']>) => new Map(xs);
  it('shows the person given most often, spellings of one person counted together', () => {
    const english = named(
      ['Svetlana Tikhanovskaya', 'parenthetical'],
      ['Swetlana Tichanowskaja', 'parenthetical'],
      ['Maria Kolesnikova', 'parenthetical'],
    );
    const counts = new Map([
      ['Svetlana Tikhanovskaya', 1],
      ['Swetlana Tichanowskaja', 2],
      ['Maria Kolesnikova', 1],
    ]);
    expect(displayEnglish(english, counts)).toBe('Svetlana Tikhanovskaya');
  });

  it('shows the shared or dictionary name where no one person is given clearly most often', () => {
    const junker = named(
      ['Junker', 'cedict'],
      ['Kirk Junker', 'parenthetical'],
      ['Thomas Junker', 'parenthetical'],
    );
    const once = new Map([
      ['Kirk Junker', 1],
      ['Thomas Junker', 1],
    ]);
    expect(displayEnglish(junker, once)).toBe('Junker');
    const wolf = named(['Chad Wolf', 'parenthetical'], ['Markus Wolf', 'parenthetical']);
    expect(displayEnglish(wolf, new Map(), ['Wolf', 'Wolff'])).toBe('Wolf');
    expect(displayEnglish(wolf, new Map([['Chad Wolf', 2]]), ['Wolf'])).toBe('Chad Wolf');
    expect(displayEnglish(named(['Helmut Kohl', 'cedict']), new Map())).toBe('Helmut Kohl');
  });
});

describe('a dictionary name that reads as a word and a particle', () => {
  it('is no entity: 美的 (Midea) in 最美的, 访美的', () => {
    const names = namesIn([
      article('m1', ['这是世界上最美的街道之一。台湾高官访美的惯例。']),
      article('m2', ['中美的冲突已经形成。那是最美的电影。']),
    ]);
    expect(names).not.toContain('美的');
  });

  it('is no entity where a place word and a function character read as two words (地图上|都, 其中|都)', () => {
    const r = extractEntities(
      [
        article('l1', ['城市地图上都没有标记。双方在其中都有收益。成都举行会议。']),
        article('l2', ['很大程度上都是防御性的。课程中都有相似内容。成都市政府说。商都位于内蒙古。']),
      ],
      { lexicon },
    );
    const names = r.entities.map((e) => e.name);
    expect(names).not.toContain('上都');
    expect(names).not.toContain('中都');
    expect(names).toContain('成都');
    // Nor an alias of a name with the same English (商都, also "Shangdu").
    const shangdu = r.entities.find((e) => e.name === '商都');
    expect(shangdu).toBeDefined();
    expect(shangdu?.aliases.map((a) => a.text)).not.toContain('上都');
  });

  it('is no entity where a numeral and 国 count countries (节俭四国, 这四国), unlike 四川', () => {
    const names = namesIn([
      article('n1', ['所谓“节俭四国”的质疑。这四国也是印太地区的国家。四川发生地震。']),
      article('n2', ['四国联手应对。四国再度演习。四川省政府表示。']),
    ]);
    expect(names).not.toContain('四国');
    expect(names).toContain('四川');
  });
});

describe('credit lines', () => {
  it('give no entity and no mention: they name editors and agencies', () => {
    const withByline = (id: string, body: string, byline: string): Article => {
      const a = article(id, [body]);
      a.passages.push({ kind: 'byline', text: byline, script: 'zh-Hans' });
      return a;
    };
    const r = extractEntities(
      [
        withByline('c1', '路透社报道，德国经济放缓。', '张筠青/李鱼（Deutsche Post DHL、RWI）'),
        withByline('c2', '柏林的港口很忙。', '凝炼/石涛（路透社、德新社）'),
        withByline('c3', '北京表示反对。', '文山（摘编）'),
        // The editor's name in a text: still no "Deutsche Post DHL".
        article('c4', ['李鱼在柏林。']),
      ],
      { lexicon },
    );
    const names = r.entities.map((e) => e.name);
    expect(names).not.toContain('李鱼');
    expect(names).not.toContain('石涛');
    expect(names).not.toContain('文山');
    expect(r.entities.find((e) => e.name === '路透社')?.articleCount).toBe(1);
    for (const refs of Object.values(r.mentionIndex.byEntity)) {
      for (const [ai, pi] of refs) expect(ai === 3 || pi === 0).toBe(true);
    }
  });
});

describe('a name that is mostly a piece of longer names', () => {
  it('is no mention beside a transliteration character that goes on (科尔|伯基金会), elsewhere it is', () => {
    const r = extractEntities(
      [
        article('k1', ['德国科尔伯基金会的调查显示。']),
        article('k2', ['科尔伯基金会每年发布报告。']),
        article('k3', ['据科尔伯基金会统计，多数人支持。']),
        article('k4', ['前总理科尔表示，统一是历史机遇。']),
      ],
      { lexicon },
    );
    const kohl = r.entities.find((e) => e.name === '科尔');
    expect(kohl?.pieceKeys).toEqual(['科尔']);
    expect(kohl?.articleCount).toBe(1);
    expect(r.mentionIndex.byEntity[kohl?.id ?? '']?.map(([ai]) => ai)).toEqual([3]);
  });
});

describe('an organisation written long and short', () => {
  it('is one entity when one name ends with the other and both give the acronym', () => {
    const r = extractEntities(
      [
        article('o1', ['罗伯特·科赫研究所（RKI）公布了新数据。']),
        article('o2', ['来自科赫研究所（RKI）的专家说，科赫研究所每天更新。']),
        article('o3', ['澳大利亚广播公司（ABC）报道，美国广播公司（ABC）也报道了。']),
      ],
      { lexicon },
    );
    const rki = r.entities.filter((e) => e.english === 'RKI');
    expect(rki.length).toBe(1);
    const forms = [rki[0]?.name, ...(rki[0]?.aliases.map((a) => a.text) ?? [])];
    expect(forms).toEqual(expect.arrayContaining(['罗伯特·科赫研究所', '科赫研究所']));
    expect(rki[0]?.articleCount).toBe(2);
    // Two organisations that share an acronym stay apart.
    expect(r.entities.filter((e) => e.english === 'ABC').length).toBe(2);
    const australian = r.entities.find((e) => e.name === '澳大利亚广播公司');
    expect(australian?.aliases.map((a) => a.text)).not.toContain('美国广播公司');
  });
});

describe('a common word the corpus and the dictionary translate by one acronym', () => {
  it('is a topic named by it, with the words that abbreviate the same thing', () => {
    const r = extractEntities(
      [
        article('c1', ['德国的新冠病毒（COVID-19）感染人数上升。新冠疫苗开始接种。']),
        article('c2', ['有关新冠肺炎（COVID-19），我们依旧所知不多。论文写到SARS-CoV-2。']),
        article('c3', ['台湾曾经历非典（SARS），新冠疫情也来了。']),
        article('c4', ['记者张慈（CNN）报道，人们怀有希望（HOPE）。']),
      ],
      { lexicon },
    );
    const covid = r.entities.find((e) => e.english === 'COVID-19');
    expect(covid?.kind).toBe('topic');
    const forms = [covid?.name, ...(covid?.aliases.map((a) => a.text) ?? [])];
    expect(forms).toEqual(expect.arrayContaining(['新冠病毒', '新冠肺炎', '新冠', 'COVID-19', 'SARS-CoV-2']));
    expect(covid?.articleCount).toBe(3);
    // SARS-CoV-2 is the COVID-19 virus: SARS, another term, does not take it.
    const sars = r.entities.find((e) => e.english === 'SARS');
    expect(sars?.kind).toBe('topic');
    expect(sars?.articleCount).toBe(1);
    // An acronym the dictionary does not give for the word makes no term (希望 "to hope").
    expect(r.entities.find((e) => e.name === '希望')).toBeUndefined();
  });
});

describe('a one-word English alias that is an everyday word', () => {
  it('is recorded as such (everydayKeys), unlike a name', () => {
    const r = extractEntities(
      [article('w1', ['西方国家批评此举。特朗普（Donald Trump）表示反对。', '法国尼斯发生袭击。'])],
      { lexicon },
    );
    const keys = (name: string) => r.entities.find((e) => e.name === name)?.everydayKeys;
    expect(keys('西方')).toEqual(['west']);
    expect(keys('尼斯')).toEqual(['nice']);
    expect(keys('特朗普')).toBeUndefined();
  });
});

describe('a place after a compass character, written as one name no dictionary knows', () => {
  it('is the place whose English name says so, where the corpus writes it often', () => {
    const sea = (id: string) => article(id, ['美国军舰驶入南中国海。中国称南海是其领土。']);
    const articles = [
      sea('s1'),
      sea('s2'),
      sea('s3'),
      sea('s4'),
      article('s5', ['南中国海局势紧张。中国海的渔业资源丰富。']),
    ];
    const r = extractEntities(articles, { lexicon });
    const southChinaSea = r.entities.find((e) => e.english === 'South China Sea');
    expect(southChinaSea?.aliases).toContainEqual({ text: '南中国海', source: 'variant-gloss' });
    expect(southChinaSea?.articleCount).toBe(5);
    // 中国海 ("China Seas") no longer matches inside 南中国海: only its own mention is left.
    expect(r.entities.find((e) => e.name === '中国海')?.articleCount).toBe(1);
    // Written four times only, it stays unknown.
    const fewer = extractEntities([sea('s1'), sea('s2'), sea('s3'), articles[4] as Article], { lexicon });
    const sea4 = fewer.entities.find((e) => e.english === 'South China Sea');
    expect(sea4?.aliases.map((a) => a.text)).not.toContain('南中国海');
  });
});

describe('a place with its administrative word', () => {
  it('is a form of the place where the corpus writes it so (阿拉斯加州), not where a word goes on (中国市场)', () => {
    const text = '阿拉斯加州的选举结果公布了。中国市场很大。';
    const r = extractEntities(
      [
        article('a1', [text]),
        article('a2', [text]),
        article('a3', [text]),
        article('a4', ['阿拉斯加很冷。']),
      ],
      { lexicon },
    );
    expect(aliasTexts(r, '阿拉斯加')).toContain('阿拉斯加州');
    // Not Arras and California (阿拉斯|加州), as the segmentation check had cut it.
    expect(r.entities.map((e) => e.name)).not.toContain('阿拉斯');
    expect(aliasTexts(r, '中国')).not.toContain('中国市');
  });

  it('goes to the longest place written there, and a longer place with the same ending gets its own', () => {
    const virginia = '弗吉尼亚州的选民投票。';
    const r = extractEntities(
      [
        article('v1', [virginia]),
        article('v2', [virginia]),
        article('v3', [virginia]),
        article('v4', ['西弗吉尼亚州的矿工。西弗吉尼亚很穷。']),
      ],
      { lexicon },
    );
    expect(aliasTexts(r, '弗吉尼亚')).toContain('弗吉尼亚州');
    expect(aliasTexts(r, '西弗吉尼亚')).toContain('西弗吉尼亚州');
  });
});

describe('the dictionary’s later senses', () => {
  it('name a country by its acronyms without making it a body, and drop the adjective', () => {
    const r = extractEntities(
      [
        article('u1', ['美国与英国签署协议。肯德基在中国开店。不列颠群岛下雨。']),
        article('u2', ['美国总统访问英国。不列颠的天气。']),
      ],
      { lexicon },
    );
    const find = (name: string) => r.entities.find((e) => e.name === name);
    const us = find('美国');
    expect(us?.kind).toBe('place');
    expect(us?.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['US', 'USA']));
    expect(find('英国')?.aliases.map((a) => a.text)).toContain('Britain');
    // The acronym the dictionary gives first names a body.
    expect(find('肯德基')?.kind).toBe('organisation');
    // "British" beside "Britain" is the adjective: no alias.
    expect(find('不列颠')?.aliases.map((a) => a.text)).not.toContain('British');
  });
});

describe('two Chinese names romanised alike', () => {
  it('stay apart, though the dictionary gives both the same English name (新华, 新化: "Xinhua")', () => {
    const r = extractEntities(
      [
        article('x1', ['新华报道，新化发生洪水。中山市的工厂停工，钟山的游客减少。']),
        article('x2', ['新化的农民说，新华的记者来过。中山和钟山都下雨。']),
      ],
      { lexicon },
    );
    const owner = (form: string) =>
      r.entities.find((e) => e.name === form || e.aliases.some((a) => a.text === form))?.id;
    expect(owner('新华')).toBeDefined();
    expect(owner('新华')).not.toBe(owner('新化'));
    expect(owner('中山')).toBeDefined();
    expect(owner('中山')).not.toBe(owner('钟山'));
  });
});

describe('a name listed beside firms or bodies', () => {
  it('is one too, where its bare-name gloss had made it a place (高盛 "Goldman Sachs")', () => {
    const listed = extractEntities(
      [
        article('g1', ['高盛、花旗银行和德意志银行发布报告。']),
        article('g2', ['花旗银行丶高盛丶德意志银行都在上海。']),
        article('g3', ['德意志银行和高盛的分析师认为美国经济放缓。']),
      ],
      { lexicon },
    );
    expect(listed.entities.find((e) => e.name === '高盛')?.kind).toBe('organisation');
    // Listed beside places, or alone, it stays what the gloss made it.
    const alone = extractEntities(
      [
        article('g1', ['高盛发布报告。花旗银行也发布报告。']),
        article('g2', ['美国、高盛和日本。德意志银行在上海。']),
        article('g3', ['高盛的分析师认为美国经济放缓。']),
      ],
      { lexicon },
    );
    expect(alone.entities.find((e) => e.name === '高盛')?.kind).toBe('place');
  });
});

describe('a state’s long name', () => {
  it('is the state written short (美利坚合众国 is 美国), and gives what it is of as a name (America)', () => {
    const r = extractEntities(
      [
        article('a1', ['美国总统访问欧洲。美利坚合众国宪法规定。']),
        article('a2', ['美国和刚果民主共和国签署协议。']),
      ],
      { lexicon },
    );
    const us = r.entities.find((e) => e.name === '美国');
    expect(us?.english).toBe('United States');
    expect(us?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['美利坚合众国', 'United States of America', 'America']),
    );
    expect(r.entities.find((e) => e.name === '刚果民主共和国')?.aliases.map((a) => a.text)).toContain(
      'Congo',
    );
  });
});

describe('a place’s dictionary name in brackets as a person’s surname', () => {
  it('leaves the place its name where the corpus mostly writes the place; a bare-name guess gives way to the person', () => {
    const r = extractEntities(
      [
        article('b1', ['自民党议员勃兰登堡（Jens Brandenburg）表示支持。']),
        article('b2', ['勃兰登堡的选民周日投票。']),
        article('b3', ['勃兰登堡的疫情有所缓和。']),
        article('b4', ['柏林与勃兰登堡合作。']),
        article('b5', ['共和党参议员布莱克本（Marsha Blackburn）表示反对。']),
        article('b6', ['参议员布莱克本（Marsha Blackburn）提出法案。']),
      ],
      { lexicon },
    );
    const brandenburg = r.entities.find((e) => e.name === '勃兰登堡');
    expect(brandenburg?.english).toBe('Brandenburg');
    expect(aliasTexts(r, '勃兰登堡')).not.toContain('Jens Brandenburg');
    expect(r.entities.find((e) => e.name === '布莱克本')?.english).toBe('Marsha Blackburn');
  });
});

describe('Chinese names the dictionary romanises alike', () => {
  it('are homophones, not forms of one place (宿州 is not 苏州, 光州 not 广州); foreign names keep their variants (也门, 叶门)', () => {
    const r = extractEntities(
      [
        article('h1', ['苏州和广州的工厂恢复生产。也门内战持续。']),
        article('h2', ['苏州的游客增加，广州的出口下降。也门的难民需要援助。']),
      ],
      { lexicon },
    );
    const suzhou = aliasTexts(r, '苏州');
    expect(suzhou).toContain('苏州市');
    expect(suzhou).not.toContain('宿州');
    expect(suzhou).not.toContain('肃州');
    expect(aliasTexts(r, '广州')).not.toContain('光州');
    expect(aliasTexts(r, '也门')).toContain('叶门');
  });
});

describe('a common word that a dictionary sense gives a name', () => {
  it('is no form of it where that sense is derived (大众 of Volkswagen, 内地 of Japan, 人大 of Renmin University); 包头 stays Baotou', () => {
    const r = extractEntities(
      [
        article('w1', ['大众汽车宣布裁员。日本首相访问中国人民大学。包头市发生地震。']),
        article('w2', ['大众汽车的销量下降。日本经济复苏。中国人民大学的学者表示。包头市的居民撤离。']),
      ],
      { lexicon },
    );
    expect(aliasTexts(r, '大众汽车')).not.toContain('大众');
    expect(aliasTexts(r, '日本')).not.toContain('内地');
    expect(aliasTexts(r, '中国人民大学')).not.toContain('人大');
    expect(aliasTexts(r, '包头市')).toContain('包头');
  });
});

describe('a topic by its gloss ("the Maldives")', () => {
  it('gets the form the dictionary labels Taiwan’s, and no other form sharing its English', () => {
    const r = extractEntities(
      [
        article('m1', ['美国国务卿访问马尔代夫。']),
        article('m2', ['马尔代夫同意签署协议。文艺复兴时期的艺术。']),
      ],
      { lexicon },
    );
    expect(aliasTexts(r, '马尔代夫')).toEqual(expect.arrayContaining(['马尔地夫', '馬爾地夫']));
    // "the Renaissance": 复兴时代 shares its English, but no Taiwan label.
    expect(aliasTexts(r, '文艺复兴')).not.toContain('复兴时代');
  });
});

describe('a titled name with a less common surname', () => {
  it('is a person (华春莹, 骆惠宁); a common word after a title with no dictionary entry is not (议员席次, 总统任上)', () => {
    const r = extractEntities(
      [
        article('s1', ['中国外交部发言人华春莹表示反对。中联办主任骆惠宁周二发表讲话。']),
        article('s2', ['中国外交部发言人华春莹在周二说。中联办主任骆惠宁表示。']),
        article('s3', ['民主党赢得多数议员席次。共和党失去议员席次。']),
        article('s4', ['有四人在总统任上去世。他在总统任上为国效力。']),
      ],
      { lexicon },
    );
    const kind = (name: string) => r.entities.find((e) => e.name === name)?.kind;
    expect(kind('华春莹')).toBe('person');
    expect(kind('骆惠宁')).toBe('person');
    expect(kind('席次')).toBeUndefined();
    // 任 "office" and a place word: "in office", no 任 family.
    expect(kind('任上')).toBeUndefined();
  });

  it('goes on after 之 where it makes no word with what follows (黄之锋, not 李之前)', () => {
    const r = extractEntities(
      [
        article('z1', ['香港众志前秘书长黄之锋表示。部长李之前表示反对。']),
        article('z2', ['前秘书长黄之锋被判入狱。部长李之前曾经访问。']),
      ],
      { lexicon },
    );
    const names = r.entities.map((e) => e.name);
    expect(names).toContain('黄之锋');
    expect(names.filter((n) => n.startsWith('李之'))).toEqual([]);
  });
});

describe('a titled name of two surnames and a given name (a Hong Kong married name)', () => {
  it('is one person with its two surnames as a short form (林郑月娥, 林郑); words at either end are no name', () => {
    const r = extractEntities(
      [
        article('d1', ['香港特首林郑月娥周二宣布，选举押后一年。林郑表示这是艰难的决定。']),
        article('d2', ['行政长官林郑月娥表示，她不会辞职。林郑月娥说，社会需要稳定。']),
        article('d3', ['林郑当天没有回答记者的问题。']),
        // Traps: a common word at the start (祝贺 "congratulate"), a word at the end (表示), a
        // function character (就).
        article('d4', ['各国领导人纷纷祝贺拜登。主席祝贺拜登当选。大使施潘表示，学者贺卫方就此评论。']),
        article('d5', ['总统祝贺拜登胜选。部长施潘表示支持。教授贺卫方就此发表看法。']),
      ],
      { lexicon },
    );
    const lam = r.entities.find((e) => e.name === '林郑月娥');
    expect(lam?.kind).toBe('person');
    expect(aliasTexts(r, '林郑月娥')).toEqual(expect.arrayContaining(['林郑', '林鄭月娥']));
    expect(r.entities.filter((e) => e.name.startsWith('林郑') && e !== lam)).toEqual([]);
    const names = r.entities.map((e) => e.name);
    for (const junk of ['祝贺拜登', '施潘表示', '贺卫方就', '林郑月']) expect(names).not.toContain(junk);
  });
});

describe('a person’s name the corpus wrote without its spaces', () => {
  it('is spaced as its English name and an alias, gets a short form, and merges with the spaced one', () => {
    const r = extractEntities(
      [
        article('g1', ['丹麦外交部长科富德（JeppeKofod）表示没有计划见面。']),
        article('g2', ['欧委会副主席维塔格（MargretheVestager）宣布罚款。']),
        article('g3', ['欧盟竞争事务专员韦斯塔格（Margrethe Vestager）表示。']),
      ],
      { lexicon },
    );
    const kofod = r.entities.find((e) => e.name === '科富德');
    expect(kofod?.kind).toBe('person');
    expect(kofod?.english).toBe('Jeppe Kofod');
    expect(kofod?.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Jeppe Kofod', 'Kofod']));
    const vestager = r.entities.filter((e) => /Vestager/.test(e.english ?? ''));
    expect(vestager).toHaveLength(1);
    const forms = [vestager[0]?.name, ...(vestager[0]?.aliases.map((a) => a.text) ?? [])];
    expect(forms).toEqual(expect.arrayContaining(['维塔格', '韦斯塔格', 'Vestager']));
  });

  it('is spaced before capitals and after initials, not inside McKinney or DeSantis', () => {
    expect(unglued('MitchellS.McKinney')).toBe('Mitchell S. McKinney');
    expect(unglued('NamSung-wook')).toBe('Nam Sung-wook');
    expect(unglued('McKinney')).toBeUndefined();
    expect(unglued('DeSantis')).toBeUndefined();
    expect(unglued('Jeppe Kofod')).toBeUndefined();
  });
});

describe('a person’s English name of three words', () => {
  it('gives its first and last word as a name, unless the first is a title or the last a numeral', () => {
    const r = extractEntities(
      [
        article('p1', ['俄外长谢尔盖·维克托罗维奇·拉夫罗夫（Sergey Viktorovich Lavrov）表示。']),
        article('p2', ['前教宗本笃十六世（Pope Benedict XVI）在德国。拳王小罗伊·琼斯（Roy Jones Jr.）']),
        article('p3', ['地质学家莱伊尔（Sir Charles Lyell）的著作。']),
      ],
      { lexicon },
    );
    const forms = (english: string) =>
      r.entities.find((e) => e.english === english)?.aliases.map((a) => a.text);
    expect(forms('Sergey Viktorovich Lavrov')).toContain('Sergey Lavrov');
    expect(forms('Pope Benedict XVI')).not.toContain('Pope XVI');
    expect(forms('Roy Jones Jr.')).not.toContain('Roy Jr.');
    expect(forms('Sir Charles Lyell')).toBeDefined();
    expect(forms('Sir Charles Lyell')).not.toContain('Sir Lyell');
  });

  it('gives none where the first word is no given name (the film "I Am Ali")', () => {
    const r = extractEntities([article('p1', ['拳王阿里（I Am Ali）的纪录片。拳王阿里（Muhammad Ali）。'])], {
      lexicon,
    });
    const ali = aliasTexts(r, '阿里');
    expect(ali).toContain('I Am Ali');
    expect(ali).not.toContain('I Ali');
  });
});

describe('names the dictionary gives two things', () => {
  it('keeps the US state Georgia (佐治亚) and the country (格鲁吉亚) apart', () => {
    const result = extractEntities(
      [
        article('g1', ['美国佐治亚州的两场参议院决选引人关注。佐治亚的选民投票踊跃。']),
        article('g2', ['俄罗斯与格鲁吉亚的关系紧张。格鲁吉亚议会选举后局势不稳。']),
      ],
      { lexicon },
    );
    const state = result.entities.find((e) => e.name === '佐治亚');
    const country = result.entities.find((e) => e.name === '格鲁吉亚');
    expect(state).toBeDefined();
    expect(country).toBeDefined();
    expect(state?.aliases.map((a) => a.text)).not.toContain('格鲁吉亚');
    expect(country?.aliases.map((a) => a.text)).not.toContain('佐治亚');
  });
});
