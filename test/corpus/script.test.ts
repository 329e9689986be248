// detectScript: Traditional vs Simplified Chinese from OpenCC's t2s table, English when Latin
// letters dominate, the fallback when there is no evidence.
import { detectScript, scriptEvidence } from '../../src/text/script.ts';

describe('detectScript', () => {
  it('tells Traditional from Simplified', () => {
    expect(detectScript('中俄齊抗西方制裁 王毅：反對「築牆設壘」')).toBe('zh-Hant');
    expect(detectScript('泽连斯基抱怨美国不守秘密、不兑现承诺')).toBe('zh-Hans');
    expect(detectScript('台灣')).toBe('zh-Hant');
    expect(detectScript('台湾')).toBe('zh-Hans');
  });

  it('does not count characters both scripts use (台, 制, 后, …)', () => {
    expect(scriptEvidence('台制后里面')).toEqual({ traditional: 0, simplified: 0, han: 5, latin: 0 });
  });

  it('reads Latin-dominant text as English, mixed Chinese text as Chinese', () => {
    expect(detectScript('Jail for a Saudi woman who said women should drive')).toBe('en');
    expect(detectScript('符合平安夜气氛的德语谚语：Immer mit der Ruhe')).toBe('zh-Hans');
  });

  it('falls back without evidence', () => {
    expect(detectScript('2024年')).toBe('zh-Hans');
    expect(detectScript('2024年', 'zh-Hant')).toBe('zh-Hant');
    expect(detectScript('1234', 'en')).toBe('en');
  });
});
