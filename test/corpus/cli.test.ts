// `factlens corpus` and the Node file reader: default seeds/, DIR and FILE arguments, README.md
// and other extensions skipped, errors reported as file:line: message with exit 0, usage errors 2.
import { corpusCommand } from '../../src/cli/corpus-command.ts';
import { readCorpusFiles } from '../../src/corpus/node-files.ts';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await corpusCommand(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('readCorpusFiles', () => {
  it('reads .txt/.md files of directories, skipping README.md and other extensions', async () => {
    const { files, missing } = await readCorpusFiles(['test/fixtures/corpus', 'seeds']);
    expect(files.map((f) => f.name)).toEqual([
      'test/fixtures/corpus/broken-link.txt',
      'seeds/000_c88f5b342264d9bb.txt',
    ]);
    expect(missing).toEqual([]);
  });

  it('reports paths that do not exist', async () => {
    expect((await readCorpusFiles(['no/such/dir'])).missing).toEqual(['no/such/dir']);
  });
});

describe('factlens corpus', () => {
  it('reads seeds/ by default and prints the counts', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(0);
    expect(stdout).toContain('articles:  1\n');
    expect(stdout).toContain(
      'passages:  29 (paragraph 15, subheading 2, caption 2, gallery-heading 1, gallery-item 8, byline 1)',
    );
    expect(stdout).toContain('dates:     2024-04-09 … 2024-04-09');
    expect(stdout).toContain('sources:   Deutsche Welle 1');
  });

  it('reports every error as file:line: message and still exits 0', async () => {
    const { code, stdout } = await run(['seeds', 'test/fixtures/corpus']);
    expect(code).toBe(0);
    expect(stdout).toContain('errors:    1\n');
    expect(stdout).toContain(
      'test/fixtures/corpus/broken-link.txt:2: expected a markdown link "[title](url)"\n',
    );
  });

  it('prints JSON with --json', async () => {
    const { code, stdout } = await run(['--json', 'seeds', 'test/fixtures/corpus/broken-link.txt']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.articles).toBe(1);
    expect(report.passages.paragraph).toBe(15);
    expect(report.scripts).toEqual({ 'zh-Hans': 0, 'zh-Hant': 1, en: 0 });
    expect(report.links).toBe(8);
    expect(report.images).toBe(10);
    expect(report.errors).toBe(1);
    expect(report.issues[0].text).toBe(
      'test/fixtures/corpus/broken-link.txt:2: expected a markdown link "[title](url)"',
    );
  });

  it('exits 2 on usage errors', async () => {
    expect((await run(['--bogus'])).code).toBe(2);
    const missing = await run(['no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('factlens corpus: no/such/dir: no such file or directory\n');
  });
});
