import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchCommand } from '../../src/cli/search-command.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  return { out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('factlens search', () => {
  it('prints the seed article for 西伯利亞力量 with the terms marked', async () => {
    const io = capture();
    expect(await searchCommand(['西伯利亞力量'])).toBe(0);
    expect(io.out()).toContain('1. 中俄齊抗西方制裁');
    expect(io.out()).toContain('【西伯利亚力量】');
  });

  it('prints JSON with --json and honours filters', async () => {
    const io = capture();
    expect(await searchCommand(['西伯利亚力量', '--json', '--kind', 'gallery-item', '--limit', '1'])).toBe(0);
    const doc = JSON.parse(io.out());
    expect(doc.results[0].articleId).toBe('68774250');
    expect(doc.results[0].passages.every((p: { kind: string }) => p.kind === 'gallery-item')).toBe(true);
  });

  it('reports usage errors with exit code 2', async () => {
    const io = capture();
    expect(await searchCommand([])).toBe(2);
    expect(await searchCommand(['x', '--kind', 'nope'])).toBe(2);
    expect(await searchCommand(['x', '--corpus', '/no/such/dir'])).toBe(2);
    expect(io.err()).toContain('missing QUERY');
    expect(io.err()).toContain('unknown kind "nope"');
    expect(io.err()).toContain('/no/such/dir: no such file or directory');
  });

  it('says so when nothing matches', async () => {
    const io = capture();
    expect(await searchCommand(['zzzzqqqq '])).toBe(0);
    expect(io.out()).toContain('no passage matches');
  });
});
