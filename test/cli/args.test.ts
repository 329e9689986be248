import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.ts';

describe('parseCliArgs', () => {
  it('reads the shared options, extra valued options and positionals', () => {
    const parsed = parseCliArgs(
      ['Sergei', '--corpus', 'a', '--json', '-n', '2', '--corpus', 'b', 'Lavrov'],
      ['-n'],
    );
    expect(parsed).toEqual({
      json: true,
      help: false,
      corpus: ['a', 'b'],
      positionals: ['Sergei', 'Lavrov'],
      values: new Map([['-n', '2']]),
    });
  });

  it('names the first usage error', () => {
    expect(parseCliArgs(['--corpus'])).toBe('--corpus needs a directory');
    expect(parseCliArgs(['--bogus'])).toBe('unknown option "--bogus"');
    expect((parseCliArgs(['-n'], ['-n']) as { values: Map<string, string> }).values.get('-n')).toBe('');
    expect(parseCliArgs(['-h'])).toMatchObject({ help: true });
  });
});
