import { describe, expect, it } from 'vitest';
import { namesInGloss } from '../../src/entities/lexicon.ts';

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
});
