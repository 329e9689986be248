import { describe, expect, it } from 'vitest';
import { romanizeChineseName } from '../../src/text/romanize.ts';

describe('romanizeChineseName', () => {
  it('gives the conventional English order and spelling, surname first', () => {
    expect(romanizeChineseName('王毅')).toBe('Wang Yi');
    expect(romanizeChineseName('习近平')).toBe('Xi Jinping');
    expect(romanizeChineseName('李辉')).toBe('Li Hui');
  });

  it('uses the surname reading of polyphonic surnames', () => {
    expect(romanizeChineseName('单霁翔')).toBe('Shan Jixiang');
  });

  it('refuses what is no Chinese name', () => {
    expect(romanizeChineseName('Putin')).toBeUndefined();
  });
});
