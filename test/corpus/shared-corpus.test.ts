// The real third-party corpus in ../shared/corpus (2,045 articles in both format variants) plus the
// seed: everything parses, no errors, and the warnings are the known genuine date disagreements.
// The folder is not part of the repository: without it these tests are skipped, saying so.
// FACTLENS_SHARED_CORPUS points them at another copy (or at nothing, to see the skip).
import { existsSync } from 'node:fs';
import { formatIssue } from '../../src/corpus/issues.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { readCorpusFiles } from '../../src/corpus/node-files.ts';
import { NOW } from './helpers.ts';

const CORPUS = process.env.FACTLENS_SHARED_CORPUS ?? '../shared/corpus';
const present = existsSync(CORPUS);
if (!present)
  console.warn(`skipping the shared-corpus tests: ${CORPUS} not found (it is not part of the repository)`);

describe.skipIf(!present)(`the shared corpus in ${CORPUS} (skipped when the folder is absent)`, async () => {
  const { files } = present
    ? await readCorpusFiles(['seeds', `${CORPUS}/dw-zh`, `${CORPUS}/dw-2023-24`, `${CORPUS}/economist-en`])
    : { files: [] };
  const { articles, issues } = loadCorpus(files, { now: NOW });
  const byFile = new Map(articles.map((a) => [a.file.split('/').pop(), a]));

  it('loads all 2,046 articles without errors', () => {
    expect(files).toHaveLength(2046);
    expect(articles).toHaveLength(2046);
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
  });

  it('warns only about genuine header-time disagreements', () => {
    const warnings = issues.filter((i) => i.severity === 'warning');
    expect(warnings.length).toBeLessThanOrEqual(5);
    for (const w of warnings) expect(w.message).toMatch(/^header time .* days before the publication time/);
  });

  it('reads variant B with front matter, a null author and the feed footer dropped', () => {
    const a = byFile.get('dw-16365842.md');
    expect(a?.title).toBe('德国历史上的11月9日');
    expect(a?.author).toBeUndefined();
    expect(a?.passages.at(-2)).toMatchObject({ kind: 'byline', text: '作者：Marcel Fürstenau 编译：李鱼' });
    expect(a?.passages.at(-1)).toMatchObject({ kind: 'byline', text: '责编：石涛' });
    expect(
      articles.some((x) => x.passages.some((p) => /获取更多RSS|版权声明|版權聲明|dingyue/.test(p.text))),
    ).toBe(false);
  });

  it('reads DW bylines, header authors, empty bold paragraphs and image-less captions', () => {
    expect(
      byFile
        .get('dw-55269646.md')
        ?.passages.some((p) => p.kind === 'byline' && p.text === '邹宗翰/张慈 (法新社等)'),
    ).toBe(true);
    expect(byFile.get('feed-1026100.md')?.author).toBe('杜宗熹'); // header "null 杜宗熹"
    expect(byFile.get('feed-1028500.md')?.author).toBe('Kersten Knipp');
    const a = byFile.get('dw-16365842.md');
    // <p><strong></strong></p> yields nothing; <img src=""> yields no image but keeps its caption.
    expect(a?.passages.filter((p) => p.kind === 'subheading').map((p) => p.text)).toEqual([
      '结束君主制',
      '犹太大屠杀的总彩排"水晶之夜"',
      '柏林墙倒塌',
    ]);
    expect(a?.images).toEqual([{ url: 'https://static.dw.com/image/15681462_303.jpg', caption: '' }]);
    expect(a?.passages.filter((p) => p.kind === 'caption')).toHaveLength(3);
  });

  it('keeps the video item of feed-1030000 with its text', () => {
    const a = byFile.get('feed-1030000.md');
    expect(a?.passages.map((p) => p.text)).toEqual([
      '它被称作“空中卫士23”，是北约历史上最大规模的空中演习。DW记者从实地发回报导。',
    ]);
    expect(a?.videos[0]?.url).toMatch(/^https:\/\/tvdownloaddw-a\.akamaihd\.net\/.*\.mp4$/);
  });

  it('reads Economist bodies: no aside dates, small caps joined, English', () => {
    const economist = articles.filter((a) => a.source === 'The Economist');
    expect(economist).toHaveLength(40);
    expect(economist.every((a) => a.script === 'en')).toBe(true);
    const saudi = economist.find((a) => a.title === 'Jail for a Saudi woman who said women should drive');
    expect(saudi?.passages[0]?.text.startsWith('IF LOUJAIN AL-HATHLOUL is guilty')).toBe(true);
    expect(saudi?.passages.some((p) => /print edition|Jan 2nd 2021/.test(p.text))).toBe(false);
  });

  it('has counts consistent with the corpus README', () => {
    const dwZh = articles.filter((a) => a.file.includes('/dw-zh/'));
    expect(dwZh.filter((a) => a.passages.some((p) => p.kind === 'gallery-heading'))).toHaveLength(321);
    const refs = dwZh.filter((a) => a.links.length > 0).length;
    expect(refs).toBeGreaterThanOrEqual(238);
  });
});
