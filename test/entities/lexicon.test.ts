import { describe, expect, it } from 'vitest';
import { bareNameWords, Lexicon, namesInGloss, sameWordThing } from '../../src/entities/lexicon.ts';

describe('namesInGloss', () => {
  it('takes the names on either side of "or", with a description after them', () => {
    expect(namesInGloss('Kosovo or Kosova')).toEqual(['Kosovo', 'Kosova']);
    expect(namesInGloss('Taidong or Taitung city and county in Taiwan')).toEqual(['Taidong']);
    expect(namesInGloss('Hsinpei or New Taipei city in north Taiwan')).toEqual(['Hsinpei']);
    expect(namesInGloss('Jiayi or Chiayi County in west Taiwan')).toEqual(['Jiayi']);
    expect(namesInGloss('Byzantine or Eastern Roman empire (395-1453)')).toEqual(['Byzantine']);
    expect(namesInGloss("Côte d'Ivoire or Ivory Coast (Tw)")).toEqual(['Ivory Coast']);
  });

  it('takes none where another thing’s name stands beside "or"', () => {
    // 全国民主联盟 is no name of Myanmar, and the Three Gorges are not the Yangtze: merged by such a
    // name, 缅甸 took the party's name as an alias.
    expect(namesInGloss('Myanmar or Burma National league for democracy (NLD)')).toEqual([]);
    expect(namesInGloss('Three Gorges on the Chang Jiang or Yangtze, namely: Qutang Gorge')).toEqual([]);
  });

  it('takes the name of the foreigner who adopted a Chinese name (陆克文: Kevin Rudd)', () => {
    expect(
      namesInGloss(
        'Chinese name adopted by Kevin Rudd (1957–), Australian politician proficient in Mandarin',
      ),
    ).toEqual(['Kevin Rudd']);
    expect(namesInGloss('the Chinese name of American computer scientist Donald Knuth (1938-)')).toEqual([
      'Donald Knuth',
    ]);
  });
});

describe('sameWordThing', () => {
  it('names an ambiguous word by itself where the dictionary gives it as a name and as a thing', () => {
    // 华盛顿: a surname, one bearer, a state and a capital. Its English name is Washington, so the
    // full name 乔治·华盛顿 (George Washington) is not merged into every Washington on a page.
    const washington = [
      'Washington (name)',
      'George Washington (1732-1799), first US president',
      'Washington, US State',
      'Washington, D.C. (US federal capital)',
    ];
    expect(sameWordThing(washington)).toBe('Washington');
    expect(sameWordThing(['Michel or Mitchell (name)', 'Mitchell, South Dakota'])).toBe('Mitchell');
    expect(sameWordThing(['(name) Carter', 'Carter, Georgia'])).toBe('Carter');
  });

  it('leaves a name whose other senses are its bearers or other words', () => {
    expect(sameWordThing(['Biden (name)', 'Joe Biden (1942-), US president (2021-)'])).toBeUndefined();
    expect(sameWordThing(['Mach (name)', 'Ernst Mach (1838-1916)', 'Mach number (fluid mechanics)'])).toBe(
      undefined,
    );
    expect(sameWordThing(['Aaron (name)', 'Yaren, capital of Nauru'])).toBeUndefined();
    expect(sameWordThing(['Washington, US State'])).toBeUndefined();
  });
});

describe('bareNameWords', () => {
  const entry = (glosses: string[], proper = true) => ({
    traditional: 'x',
    simplified: 'x',
    pinyin: 'x',
    glosses,
    proper,
  });
  it('gives the names of a first sense that is only a name', () => {
    expect(
      bareNameWords([entry(['Michel or Mitchell (name)', 'George Mitchell (1933-), US politician'])]),
    ).toEqual(['Michel', 'Mitchell']);
    expect(bareNameWords([entry(['(name) Carter', 'Jimmy Carter (1924–2024), US president'])])).toEqual([
      'Carter',
    ]);
  });
  it('gives none where the first sense names someone or something', () => {
    expect(bareNameWords([entry(['Junker (German aristocracy)', 'Jean-Claude Juncker (1954-)'])])).toEqual(
      [],
    );
    expect(bareNameWords([entry(['Joe Biden (1942-), US president'])])).toEqual([]);
    expect(bareNameWords([entry(['Michel (name)'], false)])).toEqual([]);
  });
});

describe('Lexicon.isPersonalName', () => {
  it("knows the names a sense gives as a person's, and none that a sense gives as a place's", () => {
    const lexicon = new Lexicon();
    // "Felix (name)", "Klein or Kline (name)", "Werther, German masculine given name".
    for (const name of ['Felix', 'Klein', 'Kline', 'Werther'])
      expect(lexicon.isPersonalName(name)).toBe(true);
    // "Berkeley, university city …", "Brittany, area in the north-west of France"; no names at all.
    for (const name of ['Berkeley', 'Brittany', 'Japan', 'Goldman Sachs']) {
      expect(lexicon.isPersonalName(name)).toBe(false);
    }
  });
});

describe('Lexicon.differentThings and Lexicon.standing', () => {
  it('tells apart names whose first senses say they are different things, and only those', () => {
    const lexicon = new Lexicon();
    // "Georgia, US state" and "Georgia (country)".
    expect(lexicon.differentThings('佐治亚', '格鲁吉亚')).toBe(true);
    // "a small town on the Rhine" and "city in Germany (Tw)": both places people live in.
    expect(lexicon.differentThings('波恩', '波昂')).toBe(false);
    // "Saudi Arabia" says nothing of what it is.
    expect(lexicon.differentThings('沙特阿拉伯', '沙乌地阿拉伯')).toBe(false);
  });

  it('ranks a form with a labelled first sense after one without, then by how often others cite it', () => {
    const lexicon = new Lexicon();
    expect(lexicon.isLabelled('义大利')).toBe(true); // "(Tw) Italy"
    expect(lexicon.isLabelled('意大利')).toBe(false);
    expect(lexicon.standing('意大利')).toBeLessThan(lexicon.standing('义大利'));
    expect(lexicon.standing('法国')).toBeLessThan(lexicon.standing('法兰西'));
  });
});

describe('Lexicon.redirects', () => {
  it('gives each redirecting sense its target and the names the target gives', () => {
    const lexicon = new Lexicon();
    expect(lexicon.redirects('德州')).toEqual([
      { target: '德州市', names: ['Dezhou'] },
      // 德克萨斯州 has no entry of its own: its name without 州 does.
      { target: '德克萨斯州', names: ['Texas'] },
    ]);
    // A name with a sense of its own gives none.
    expect(lexicon.redirects('拜登')).toEqual([]);
  });
});

describe('the dictionary’s senses', () => {
  it('are apart where the package joined them with "; " (美国: United States, USA, US)', () => {
    const lexicon = new Lexicon();
    expect(lexicon.englishOf(lexicon.proper.get('美国') ?? [])).toEqual(
      expect.arrayContaining(['United States', 'USA', 'US']),
    );
    expect(lexicon.englishOf(lexicon.proper.get('英国') ?? [])).toContain('Britain');
    // A "; " inside brackets stays in its sense.
    expect(lexicon.glossText('肯德基').split('; ')).toEqual(['KFC', 'Kentucky Fried Chicken']);
  });
});
