// Runs the detector the way `factlens detect` does (linkedom + text runs) over every gold page in
// test/fixtures/pages and scores it with the shared scorer's rules (../shared/tools/score-detect.mjs):
// exact mention texts, counts, refers_to against the entity's name and aliases.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type EntityData, loadEntityData, PACKAGE_ROOT } from '../../src/entities/node-data.ts';
import { createDetector } from '../../src/match/detector.ts';
import { collectTextRuns } from '../../src/match/text-runs.ts';

const PAGES = join(PACKAGE_ROOT, 'test', 'fixtures', 'pages');
const DW_ZH = resolve(PACKAGE_ROOT, '..', 'shared', 'corpus', 'dw-zh');
const ECONOMIST_EN = resolve(PACKAGE_ROOT, '..', 'shared', 'corpus', 'economist-en');

interface Gold {
  page: string;
  corpus: string;
  mentions: Array<{ text: string; count: number; refers_to?: string[] }>;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
const key = (s: string) => norm(s).toLowerCase();

function score(gold: Gold, data: EntityData) {
  const detector = createDetector(data.entities, { index: data.detectorIndex });
  const { document } = parseHTML(readFileSync(join(PAGES, gold.page), 'utf8'));
  const runs = collectTextRuns(document).map((r) => r.text);
  const mentions = detector.detect(runs).map((m) => {
    const e = detector.entities.get(m.entityId);
    return { text: m.text, names: [e?.name ?? '', ...(e?.aliases.map((a) => a.text) ?? [])] };
  });
  let found = 0;
  let wanted = 0;
  let falsePositives = 0;
  const problems: string[] = [];
  for (const item of gold.mentions) {
    const hits = mentions.filter((m) => norm(m.text) === norm(item.text));
    const ok = new Set((item.refers_to ?? []).map(key));
    const right = hits.filter((m) => m.names.some((n) => ok.has(key(n)))).length;
    const got = Math.min(right, item.count);
    found += got;
    wanted += item.count;
    falsePositives += hits.length - got;
    if (got < item.count || hits.length > got)
      problems.push(`${item.text}: ${hits.length} marked, ${right} right, ${item.count} wanted`);
  }
  return { found, wanted, falsePositives, problems };
}

const golds: Gold[] = readdirSync(PAGES)
  .filter((f) => f.endsWith('.gold.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(PAGES, f), 'utf8')) as Gold);

describe('gold pages, seed corpus', async () => {
  const { data } = await loadEntityData([]);
  for (const gold of golds.filter((g) => g.corpus === 'seed')) {
    it(`${gold.page}: recall 1, precision 1`, () => {
      const s = score(gold, data);
      expect(s.problems).toEqual([]);
      expect(s.found).toBe(s.wanted);
      expect(s.falsePositives).toBe(0);
    });
  }
});

describe.skipIf(!existsSync(DW_ZH))('gold pages, seed + dw-zh', async () => {
  const { data } = existsSync(DW_ZH) ? await loadEntityData([DW_ZH]) : { data: undefined };
  for (const gold of golds.filter((g) => g.corpus === 'seed + dw-zh')) {
    it(`${gold.page}: recall ≥ 0.95, precision 1`, () => {
      const s = score(gold, data as EntityData);
      expect(s.found / s.wanted).toBeGreaterThanOrEqual(0.95);
      expect(s.falsePositives).toBe(0);
    });
  }
});

describe.skipIf(!existsSync(ECONOMIST_EN))('gold pages, seed + economist-en', async () => {
  const { data } = existsSync(ECONOMIST_EN) ? await loadEntityData([ECONOMIST_EN]) : { data: undefined };
  for (const gold of golds.filter((g) => g.corpus === 'seed + economist-en')) {
    it(`${gold.page}: recall 1, precision 1`, () => {
      const s = score(gold, data as EntityData);
      expect(s.problems).toEqual([]);
      expect(s.found).toBe(s.wanted);
      expect(s.falsePositives).toBe(0);
    });
  }
});
