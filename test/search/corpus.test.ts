// Acceptance queries over the real corpus: the seed alone, and with ../shared/corpus/dw-zh added
// (skipped, with a message, when the shared corpus is absent).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { readCorpusFiles } from '../../src/corpus/node-files.ts';
import type { Article } from '../../src/corpus/types.ts';
import { foldText } from '../../src/search/fold.ts';
import { buildSearchIndex, loadSearchIndex } from '../../src/search/index.ts';

const SEED_ID = '68774250';
const DW_ZH = '../shared/corpus/dw-zh';

async function articlesOf(paths: string[]): Promise<Article[]> {
  const { files } = await readCorpusFiles(paths);
  return loadCorpus(files).articles;
}

describe('search over the seed', () => {
  it('lists the seed article for 西伯利亞力量 and 西伯利亚力量', async () => {
    const articles = await articlesOf(['seeds']);
    const index = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(articles))), articles);
    for (const q of ['西伯利亞力量', '西伯利亚力量']) {
      const [first] = index.search(q);
      expect(first?.articleId).toBe(SEED_ID);
      const hit = first?.passages[0];
      const [s, e] = hit?.highlights[0] ?? [0, 0];
      expect(foldText(hit?.text.slice(s, e) ?? '')).toBe('西伯利亚力量');
    }
  });
});

describe.skipIf(!existsSync(DW_ZH))('search with ../shared/corpus/dw-zh added', () => {
  if (!existsSync(DW_ZH)) console.warn(`skipped: ${DW_ZH} is absent`);
  it('puts the seed first for 西伯利亞力量, and an article on the WHO mission to Wuhan first for 谭德塞 武汉', async () => {
    const articles = await articlesOf(['seeds', DW_ZH]);
    const index = loadSearchIndex(buildSearchIndex(articles), articles);
    expect(index.search('西伯利亞力量')[0]?.articleId).toBe(SEED_ID);
    expect(index.search('西伯利亚力量')[0]?.articleId).toBe(SEED_ID);
    const [first] = index.search('谭德塞 武汉');
    // 56199364: "中国确认疫调行程 世卫：非找罪魁祸首" — the WHO experts' mission to Wuhan on 14 January.
    expect(first?.articleId).toBe('56199364');
    expect(index.search('譚德塞 武漢')[0]?.articleId).toBe('56199364');
  });
});
