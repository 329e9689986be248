import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { capitalisedRuns, dictionaryNameHits, TitledPeople } from '../../src/entities/english-names.ts';
import { extractEntities } from '../../src/entities/extract.ts';
import { Lexicon } from '../../src/entities/lexicon.ts';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = new Lexicon();
}, 60_000);

const usable = (key: string) => key.length >= 2 && !lexicon.common.has(key);
/** The names an English text gives dictionary keys for, as "name=key,key". */
const hits = (text: string): string[] =>
  dictionaryNameHits(text, lexicon, usable).map((h) => `${h.name}=${h.keys.join(',')}`);

function englishArticle(id: string, paragraphs: string[]): Article {
  return {
    id,
    url: `https://www.economist.com/x/${id}`,
    title: `Article ${id}`,
    publishedAt: '2021-01-01T00:00:00.000Z',
    source: 'The Economist',
    script: 'en',
    passages: paragraphs.map((text) => ({ kind: 'paragraph' as const, text, script: 'en' as const })),
    images: [],
    links: [],
    videos: [],
    file: `${id}.md`,
  };
}

describe('capitalisedRuns', () => {
  const runs = (text: string) =>
    capitalisedRuns(text).map((r) => `${r.sentenceStart ? '^' : ''}${r.words.map((w) => w.text).join(' ')}`);

  it('joins capitalised words with the particles between them, and ends at a possessive', () => {
    expect(runs('He met Muhammad bin Salman and the Bank of England’s governor.')).toEqual([
      '^He',
      'Muhammad bin Salman',
      'Bank of England',
    ]);
    expect(runs('Loujain al-Hathloul was freed. Ms Hathloul left.')).toEqual([
      '^Loujain al-Hathloul',
      '^Ms Hathloul',
    ]);
  });

  it('never starts or ends a run with a particle', () => {
    expect(runs('the rule of law in Britain')).toEqual(['Britain']);
    expect(runs('Bank of the world')).toEqual(['^Bank']);
  });
});

describe('dictionaryNameHits', () => {
  it('finds the dictionary’s best form of a name, a title or a sentence’s first word aside', () => {
    expect(hits('Saudi Arabia’s crown prince')).toEqual(['Saudi Arabia=沙特阿拉伯']);
    expect(hits('But Saudi Arabia said no.')).toEqual(['Saudi Arabia=沙特阿拉伯']);
    expect(hits('Ties with the United States.')).toEqual(['United States=美国']);
    expect(hits('President Joe Biden spoke.')).toEqual(['Joe Biden=拜登']);
  });

  it('lets a noun that gives the name in a later sense take it when it stands better', () => {
    // 不列颠 gives "Britain" first (the island); 英国, "United Kingdom (UK); Britain", is cited more.
    expect(hits('Trade with Britain fell.')).toEqual(['Britain=英国']);
    expect(hits('Trade with the Netherlands fell.')).toEqual(['Netherlands=荷兰']);
    // 东土, "the East; China", stands no better than 中国.
    expect(hits('Trade with China fell.')).toEqual(['China=中国,有夏']);
  });

  it('takes a person only by the whole name of a run, never a given name or a surname alone', () => {
    expect(hits('Boris Johnson met John Bolton.')).toEqual([]);
    expect(hits('Mr Biden spoke. Biden spoke.')).toEqual([]);
    expect(hits('Paul said so.')).toEqual([]);
    // 哈桑: "Hassan or Hasan (personal name or place name)".
    expect(hits('the government of Hassan Rouhani')).toEqual([]);
  });

  it('takes no everyday word, language, people, or name shared by things of different kinds', () => {
    expect(hits('In May, German and Korean firms met.')).toEqual([]);
    // The news agency 新华 and the county 新化县 are both "Xinhua"; 佐治亚 "Georgia, US state" and
    // 格鲁吉亚 "Georgia (country)" are both "Georgia".
    expect(hits('The report by Xinhua was short.')).toEqual([]);
    expect(hits('the runoffs in Georgia were close')).toEqual([]);
    expect(hits('the New Georgia Project registers voters')).toEqual([]);
  });

  it('takes a place or body inside a longer run of capitals, never a bare name', () => {
    expect(hits('The Beijing Olympics Committee met.')).toContain('Beijing=北京');
    expect(hits('said Charles Falco, a physicist')).toEqual([]);
  });

  it('reads "of" as joining two names, and "The" as no part of one', () => {
    expect(hits('senators like Joe Manchin of West Virginia agreed')).toEqual(['West Virginia=西弗吉尼亚']);
    expect(hits('a movement based in The Hague')).toEqual(['Hague=海牙']);
  });

  it('says which hits are people named in pinyin', () => {
    const [chen] = dictionaryNameHits('Some will recognise Chen Yi, an artist.', lexicon, usable);
    expect(chen?.keys).toEqual(['陈毅']);
    expect(chen?.pinyinPerson).toBe(true);
    expect(dictionaryNameHits('Saudi Arabia', lexicon, usable)[0]?.pinyinPerson).toBe(false);
  });
});

describe('TitledPeople', () => {
  it('makes a person of a full name that the article also titles by its surname', () => {
    const people = new TitledPeople();
    people.add('a1', 'Brad Raffensperger, Georgia’s secretary of state, said no.', lexicon);
    people.add('a1', 'Mr Raffensperger did not budge. Brad Raffensperger is a Republican.', lexicon);
    people.add('a2', 'Loujain al-Hathloul was jailed. Ms Hathloul campaigned.', lexicon);
    people.add('a3', 'Loujain al-Hathloul was freed.', lexicon);
    const out = people.entities(new Set(), lexicon);
    expect(out.map((e) => e.name)).toEqual(['Brad Raffensperger', 'Loujain al-Hathloul']);
    const brad = out[0];
    expect(brad?.kind).toBe('person');
    expect(brad?.aliases).toEqual([
      { text: 'Brad Raffensperger', source: 'corpus' },
      { text: 'Raffensperger', source: 'short-form' },
    ]);
    expect(out[1]?.aliases.map((a) => a.text)).toContain('Hathloul');
  });

  it('needs the title in the same article as the full name, and the full name twice', () => {
    const people = new TitledPeople();
    people.add('a1', 'Kelly Loeffler lost. Kelly Loeffler conceded.', lexicon);
    people.add('a2', 'Ms Loeffler conceded.', lexicon);
    people.add('a3', 'Jon Ossoff won. Mr Ossoff is young.', lexicon);
    expect(people.entities(new Set(), lexicon)).toEqual([]);
  });

  it('skips names an entity has, and gives no short form that two people share', () => {
    const people = new TitledPeople();
    people.add('a1', 'Eliot Cohen wrote it. Mr Cohen is a professor. Eliot Cohen agrees.', lexicon);
    people.add('a2', 'William Cohen served. Mr Cohen was a senator. William Cohen agrees.', lexicon);
    people.add('a3', 'Joe Biden won. Mr Biden spoke. Joe Biden smiled.', lexicon);
    const out = people.entities(new Set(['joe biden']), lexicon);
    expect(out.map((e) => e.name)).toEqual(['Eliot Cohen', 'William Cohen']);
    expect(out.flatMap((e) => e.aliases.filter((a) => a.source === 'short-form'))).toEqual([]);
  });
});

describe('extractEntities with English articles', () => {
  it('makes entities of the names English articles give, with their Chinese forms', () => {
    const result = extractEntities(
      [
        englishArticle('e1', [
          'Saudi Arabia jailed Loujain al-Hathloul, an activist. Ms Hathloul campaigned for women drivers.',
          'Loujain al-Hathloul will be freed soon.',
        ]),
        englishArticle('e2', ['Oil prices rose after Saudi Arabia cut output.']),
      ],
      { lexicon },
    );
    const saudi = result.entities.find((e) => e.aliases.some((a) => a.text === 'Saudi Arabia'));
    expect(saudi?.name).toBe('沙特阿拉伯');
    expect(saudi?.kind).toBe('place');
    expect(saudi?.articleCount).toBe(2);
    const person = result.entities.find((e) => e.name === 'Loujain al-Hathloul');
    expect(person?.kind).toBe('person');
    expect(person?.articleCount).toBe(1);
    expect(person?.aliases.map((a) => a.text)).toContain('Hathloul');
    // The mention index points at the English passages.
    expect(result.mentionIndex.byEntity[saudi?.id ?? '']?.length).toBe(2);
  });

  it('reads kinds from English context: a name listed beside a firm is a firm', () => {
    // 高盛's gloss is a bare "Goldman Sachs", which would make a place.
    const result = extractEntities(
      [1, 2, 3].map((i) =>
        englishArticle(`g${i}`, [`Banks such as Morgan Stanley and Goldman Sachs gained on day ${i}.`]),
      ),
      { lexicon },
    );
    expect(result.entities.find((e) => e.name === '摩根士丹利')?.kind).toBe('organisation');
    expect(result.entities.find((e) => e.name === '高盛')?.kind).toBe('organisation');
  });

  it('takes a dictionary person named in pinyin from two articles, not one', () => {
    const names = (n: number) =>
      extractEntities(
        Array.from({ length: n }, (_, i) =>
          englishArticle(`c${i}`, ['Some will recognise Chen Yi, a painter.']),
        ),
        { lexicon },
      ).entities.map((e) => e.name);
    expect(names(1)).not.toContain('陈毅');
    expect(names(2)).toContain('陈毅');
  });
});
