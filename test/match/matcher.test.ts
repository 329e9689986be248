import { describe, expect, it } from 'vitest';
import { AliasMatcher, type MatcherPattern } from '../../src/match/matcher.ts';
import { foldKey } from '../../src/text/fold.ts';

function matcher(aliases: string[], dictionaryWords: string[] = []): (text: string) => string[] {
  const patterns: MatcherPattern[] = aliases.map((a) => ({ key: foldKey(a), originals: [a] }));
  const m = new AliasMatcher(patterns, dictionaryWords.map(foldKey));
  return (text) => m.scan(text).map((r) => text.slice(r.start, r.end));
}

describe('AliasMatcher', () => {
  it('matches longest-leftmost, folded across scripts', () => {
    const find = matcher(['普京', '拉夫羅夫', 'Sergei Lavrov', 'Lavrov']);
    expect(find('俄外长拉夫罗夫会见普京')).toEqual(['拉夫罗夫', '普京']);
    expect(find('Sergei Lavrov and Lavrov')).toEqual(['Sergei Lavrov', 'Lavrov']);
  });

  it('respects Latin word boundaries', () => {
    const find = matcher(['Xi', 'Wang Yi', 'Trump']);
    expect(find("Xi'an and Wang Yibo")).toEqual([]);
    expect(find('A trumpet, then Trump.')).toEqual(['Trump']);
    expect(find('Wang Yi said')).toEqual(['Wang Yi']);
  });

  it("allows a possessive 's and s'", () => {
    const find = matcher(['Putin', 'United Nations']);
    expect(find("Putin's spokesman")).toEqual(['Putin']);
    expect(find('Putin’s spokesman')).toEqual(['Putin']);
    expect(find("the United Nations' report")).toEqual(['United Nations']);
  });

  it('needs the capitals the alias has (NATO ~ Nato, never Italian nato)', () => {
    const find = matcher(['NATO', 'Trump']);
    expect(find('la Nato e la NATO')).toEqual(['Nato', 'NATO']);
    expect(find('è nato a Roma')).toEqual([]);
    expect(find('a trump card')).toEqual([]);
  });

  it('collapses runs of spaces and NBSP inside a name', () => {
    const find = matcher(['Vladimir Putin']);
    expect(find('President Vladimir\u00a0 Putin')).toEqual(['Vladimir\u00a0 Putin']);
  });

  it('finds a name whose second unit is a space followed by more spaces, and names at the very end', () => {
    const find = matcher(['J Doe', '普京', '拉夫羅夫']);
    expect(find('J \u00a0 Doe and J Doe')).toEqual(['J \u00a0 Doe', 'J Doe']);
    expect(find('普京')).toEqual(['普京']);
    expect(find('會見拉夫罗夫')).toEqual(['拉夫罗夫']);
  });

  it('rejects a Chinese match that cuts through dictionary words (川普 in 四川普通話)', () => {
    const find = matcher(['川普', '習近平'], ['四川', '普通話', '平和', '普通']);
    expect(find('他說一口四川普通話')).toEqual([]);
    expect(find('「川普又來了」')).toEqual(['川普']);
    expect(find('習近平和外長王毅')).toEqual(['習近平']);
  });

  it('drops a weak pattern where the text segments as well without it, and keeps others there', () => {
    const patterns = (weak: boolean): MatcherPattern[] =>
      ['会安', '华为'].map((key) => ({ key, originals: [key], weak }));
    const words = ['安排', '对华'];
    const weak = new AliasMatcher(patterns(true), words);
    const strong = new AliasMatcher(patterns(false), words);
    const found = (m: AliasMatcher, text: string) => m.scan(text).map((r) => text.slice(r.start, r.end));
    // 会|安排 and 会安|排 cost the same; so do 对华|为 and 对|华为.
    expect(found(weak, '他会安排对华为的制裁')).toEqual([]);
    expect(found(strong, '他会安排对华为的制裁')).toEqual(['会安', '华为']);
    expect(weak.tiedAt('他会安排', 1, 3)).toBe(true);
    // Where nothing else segments as well, a weak pattern is a match like any other.
    expect(found(weak, '越南会安古城与华为')).toEqual(['会安', '华为']);
    expect(weak.tiedAt('越南会安古城', 2, 4)).toBe(false);
  });

  it('drops a weak pattern that begins with a numeral’s unit (15天后, 几天后: days later)', () => {
    const find = (weak: boolean, text: string) =>
      new AliasMatcher([{ key: '天后', originals: ['天后'], weak }])
        .scan(text)
        .map((r) => text.slice(r.start, r.end));
    expect(find(true, '15天后获释，几天后回国')).toEqual([]);
    expect(find(false, '15天后获释，几天后回国')).toEqual(['天后', '天后']);
    expect(find(true, '供奉天后的庙宇')).toEqual(['天后']);
  });

  it('drops any pattern that begins with a place unit right after a numeral (四万年, 2万年, 数百度)', () => {
    const m = new AliasMatcher(['万年', '百度', '天后'].map((key) => ({ key, originals: [key] })));
    const find = (text: string) => m.scan(text).map((r) => text.slice(r.start, r.end));
    expect(find('超过四万年的刑期，近2万年前，数百度的高温')).toEqual([]);
    expect(find('江西万年县与百度公司')).toEqual(['万年', '百度']);
    // Units of counting (天, 年) are the weak patterns' rule (above), not this one.
    expect(find('15天后')).toEqual(['天后']);
  });

  it('drops a number written in numerals where it counts something or is an ordinal (十一个, 第十一)', () => {
    const m = new AliasMatcher([{ key: '十一', originals: ['十一'] }]);
    const find = (text: string) => m.scan(text).map((r) => text.slice(r.start, r.end));
    expect(find('十一个团体，日产十一年来首次，在十一大上，第十一条，双十一购物节')).toEqual([]);
    expect(find('十一期间出游，趁十一国庆升旗')).toEqual(['十一', '十一']);
  });

  it('drops a name piece beside a transliteration character that goes on (戈尔|巴乔夫), not other keys', () => {
    const patterns = (piece: boolean): MatcherPattern[] =>
      ['戈尔', '罗纳', '特朗普', '哈里斯'].map((key) => ({ key, originals: [key], piece }));
    const words = ['特别', '俄罗斯'];
    const pieces = new AliasMatcher(patterns(true), words);
    const names = new AliasMatcher(patterns(false), words);
    const found = (m: AliasMatcher, text: string) => m.scan(text).map((r) => text.slice(r.start, r.end));
    // A transliteration character after it (巴, 德) or before it (德) continues a longer name.
    expect(found(pieces, '戈尔巴乔夫与总统罗纳德·里根会面')).toEqual([]);
    expect(found(names, '戈尔巴乔夫与总统罗纳德·里根会面')).toEqual(['戈尔', '罗纳']);
    expect(found(pieces, '作者德戈尔说')).toEqual([]);
    // Not where a word starts or ends there, nor beside other characters or another known name.
    expect(found(pieces, '特朗普特别强调')).toEqual(['特朗普']);
    expect(found(pieces, '俄罗斯戈尔说')).toEqual(['戈尔']);
    expect(found(pieces, '美国前副总统戈尔表示，罗纳河')).toEqual(['戈尔', '罗纳']);
    expect(found(pieces, '哈里斯特朗普')).toEqual(['哈里斯', '特朗普']);
    expect(pieces.nextToName('戈尔巴乔夫', 0, 2)).toBe(true);
    expect(pieces.nextToName('副总统戈尔表示', 3, 5)).toBe(false);
  });

  it('prefers leaving a function character alone on a tie (和/政治, not 和政/治)', () => {
    const find = matcher(['和政'], ['政治']);
    expect(find('討論了和政治有關的問題')).toEqual([]);
    expect(find('甘肅和政縣')).toEqual(['和政']);
  });
});
