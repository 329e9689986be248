// `factlens detect PAGE.html [--corpus DIR]... [--json]`: extracts the page's text the way the content
// script does (src/match/text-runs.ts over a linkedom Document: no script/style/form fields/editable
// regions/code, no CSS-generated text) and prints the mentions the detector finds, with their entity.
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { loadEntityData } from '../entities/node-data.ts';
import { createDetector } from '../match/detector.ts';
import { collectTextRuns } from '../match/text-runs.ts';
import { parseCliArgs } from './args.ts';
import type { Command } from './main.ts';

const usage = `usage: factlens detect PAGE.html [--corpus DIR]... [--json]

Marks the corpus' entities on a page. --corpus adds articles to the bundled seeds (repeatable).
`;

export const detectCommand: Command = async (args) => {
  const parsed = parseCliArgs(args);
  if (typeof parsed === 'string') return fail(parsed);
  if (parsed.help) {
    process.stdout.write(usage);
    return 0;
  }
  const { json, corpus, positionals: pages } = parsed;
  if (pages.length !== 1) return fail('give exactly one PAGE.html');
  const html = await readFile(pages[0] as string, 'utf8');
  const { data, missing } = await loadEntityData(corpus);
  if (missing.length > 0) return fail(`${missing.join(', ')}: no such file or directory`);
  const detector = createDetector(data.entities, { index: data.detectorIndex });
  const { document } = parseHTML(html);
  const runs = collectTextRuns(document).map((r) => r.text);
  const mentions = detector.detect(runs).map((m) => {
    const e = detector.entities.get(m.entityId);
    return {
      text: m.text,
      run: m.run,
      start: m.start,
      end: m.end,
      score: m.score,
      entity: e
        ? { id: e.id, name: e.name, kind: e.kind, english: e.english, aliases: e.aliases.map((a) => a.text) }
        : { id: m.entityId, name: m.entityId, aliases: [] },
    };
  });
  if (json) process.stdout.write(`${JSON.stringify({ mentions }, null, 2)}\n`);
  else {
    for (const m of mentions) {
      process.stdout.write(
        `${m.run}:${m.start}-${m.end}\t${m.text}\t→ ${m.entity.name} (${m.entity.id})${m.score < 1 ? ` ~${m.score.toFixed(2)}` : ''}\n`,
      );
    }
    process.stdout.write(`${mentions.length} mentions\n`);
  }
  return 0;
};

function fail(message: string): number {
  process.stderr.write(`factlens detect: ${message}\n${usage}`);
  return 2;
}
