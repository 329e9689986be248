// A build whose corpus adds English articles ("seed + economist-en": seeds/ and the 40 articles of
// ../shared/corpus/economist-en), in Chromium: the gold pages of that corpus are marked as their gold
// files ask, and hovering a person whom only the English articles name (Mr Raffensperger) shows a
// card with their passages and links to economist.com. The English names are the build's
// (src/entities/english-names.ts); before 2026-11-28 such a corpus gave no entity. Skipped, with a
// message, where the shared corpus is absent.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtCorpusLabel,
  corpusBuildSuite,
  corpusSuiteUnavailable,
  goldPagesFor,
  itMarksGoldPages,
  ROOT,
  readMarkBox,
  waitForMarks,
} from './harness.ts';

const ECONOMIST = resolve(ROOT, '../shared/corpus/economist-en');
const CORPUS = 'seed + economist-en';
const skip = corpusSuiteUnavailable(ECONOMIST, CORPUS);
const GOLD_PAGES = skip === null ? goldPagesFor(CORPUS) : [];
const PAGE = 'en-economist-names.html';

describe.skipIf(skip !== null)(`Factlens built with ${CORPUS} (Chromium)`, () => {
  const build = corpusBuildSuite([ECONOMIST], 'factlens-economist-');

  it(`is a build of ${CORPUS} with its gold page`, () => {
    expect(builtCorpusLabel(build.extension)).toBe(CORPUS);
    expect(GOLD_PAGES).toContain(PAGE);
  });

  itMarksGoldPages(build, GOLD_PAGES);

  it('shows the English articles’ passages on hovering a surname they introduced (Mr Raffensperger)', async () => {
    const page = await build.browser.context.newPage();
    await page.goto(build.server.url(PAGE));
    await waitForMarks(page, 10);
    const box = await page.evaluate(readMarkBox, 'Raffensperger');
    expect(box, 'a mark for Raffensperger').not.toBeNull();
    if (!box) return;
    await page.mouse.move(box.x - 30, box.y + 40);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    const card = page.locator('factlens-card .card');
    await card.waitFor({ state: 'visible', timeout: 3_000 });
    await expect(card.locator('.name').textContent()).resolves.toBe('Raffensperger');
    expect((await card.locator('.forms').textContent()) ?? '').toContain('Brad Raffensperger');
    expect(await card.locator('.passage').count()).toBeGreaterThan(0);
    expect(await card.locator('.passage mark').first().textContent()).toMatch(/Raffensperger/);
    const hrefs = await card.locator('.passage a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => /^https:\/\/www\.economist\.com\//.test(h ?? ''))).toBe(true);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 1_000 });
    await page.close();
  });
});
