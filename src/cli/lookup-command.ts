// `factlens lookup TERM [--corpus DIR]... [--json] [-n N]`: the entity a term names (any alias, any
// script, or a close Latin spelling) and its best passages with their sources (title, date, URL).

import { findEntity, lookupEntity } from '../entities/lookup.ts';
import { loadEntityData } from '../entities/node-data.ts';
import { parseCliArgs } from './args.ts';
import type { Command } from './main.ts';

const usage = `usage: factlens lookup TERM [--corpus DIR]... [--json] [-n N]

Finds the entity TERM names (an alias in either script, an English name, a close spelling) and prints
its best passages (default 3) with title, date and URL. --corpus adds articles to the bundled seeds.
`;

export const lookupCommand: Command = async (args) => {
  const parsed = parseCliArgs(args, ['-n', '--limit']);
  if (typeof parsed === 'string') return fail(parsed);
  if (parsed.help) {
    process.stdout.write(usage);
    return 0;
  }
  const { json, corpus, positionals: terms } = parsed;
  const given = parsed.values.get('-n') ?? parsed.values.get('--limit');
  const limit = given === undefined ? 3 : Number(given);
  if (!Number.isInteger(limit) || limit < 1) return fail('-n needs a positive integer');
  if (terms.length === 0) return fail('give a TERM');
  const term = terms.join(' ');
  const { data, missing } = await loadEntityData(corpus);
  if (missing.length > 0) return fail(`${missing.join(', ')}: no such file or directory`);
  const entity = findEntity(data, term);
  const card = entity ? lookupEntity(data, entity.id, limit) : undefined;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ term, ...(card ?? { entity: null, articleCount: 0, passages: [] }) }, null, 2)}\n`,
    );
    return card ? 0 : 1;
  }
  if (!card) {
    process.stdout.write(`no entity named "${term}"\n`);
    return 1;
  }
  const e = card.entity;
  process.stdout.write(
    `${e.name} (${e.kind}${e.english ? `, ${e.english}` : ''}) — ${card.articleCount} article(s)\n`,
  );
  process.stdout.write(`aliases: ${e.aliases.map((a) => `${a.text} [${a.source}]`).join(', ')}\n\n`);
  for (const p of card.passages) {
    process.stdout.write(
      `${p.title} — ${p.source}, ${p.publishedAt.slice(0, 10)}\n${p.url}\n  ${p.text}\n\n`,
    );
  }
  return 0;
};

function fail(message: string): number {
  process.stderr.write(`factlens lookup: ${message}\n${usage}`);
  return 2;
}
