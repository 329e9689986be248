// Synthetic corpora for the scale benchmarks: N articles made by recombining the real corpus' own
// sentences, titles and names (so term statistics, scripts and name density stay realistic), the
// same N and seed always giving the same articles. Also writes them as feed files (variant A, like
// the seed) so the real build can be run at scale:
//   npx tsx bench/synthetic.ts --count 20000 [--seed 1] --out /tmp/synthetic
//   FACTLENS_CORPUS=/tmp/synthetic npm run compile-corpus
// Never write synthetic corpora into the repository.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Passage, PassageKind, Script } from '../src/corpus/types.ts';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names the corpus itself introduces: 中文名（English Name） in Chinese text, Capitalised Names in English. */
export function corpusNames(articles: readonly Article[]): { han: string[]; latin: string[] } {
  const han = new Set<string>();
  const latin = new Set<string>();
  const paren = /([\u4e00-\u9fff·]{2,8})[（(]([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3})[)）]/g;
  const capital = /\b([A-Z][a-z]+ [A-Z][a-z]{2,})\b/g;
  for (const a of articles) {
    for (const p of a.passages) {
      for (const m of p.text.matchAll(paren)) {
        han.add(m[1] as string);
        latin.add(m[2] as string);
      }
      if (p.script === 'en') for (const m of p.text.matchAll(capital)) latin.add(m[1] as string);
    }
  }
  return { han: [...han].sort(), latin: [...latin].sort() };
}

interface Pools {
  sentences: Map<Script, string[]>;
  titles: Map<Script, string[]>;
  names: { han: string[]; latin: string[] };
}

function pools(articles: readonly Article[]): Pools {
  const sentences = new Map<Script, string[]>();
  const titles = new Map<Script, string[]>();
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const a of articles) {
    push(titles, a.script, a.title);
    for (const p of a.passages) {
      if (p.kind === 'byline') continue;
      for (const s of p.text.split(/(?<=[。！？!?；]|\. )/)) {
        const t = s.trim();
        if (t.length > 4) push(sentences, p.script, t);
      }
    }
  }
  return { sentences, titles, names: corpusNames(articles) };
}

const KINDS: Array<[number, PassageKind]> = [
  [0.08, 'subheading'],
  [0.15, 'caption'],
  [1, 'paragraph'],
];

/**
 * `count` articles recombined from `articles` (deterministic for the same input order, count and
 * seed): each keeps a real article's metadata shape and script, with 5–30 passages of 1–4 real
 * sentences of that script, where a known name is now and then swapped for another known name.
 */
export function synthesize(articles: readonly Article[], count: number, seed = 1): Article[] {
  if (articles.length === 0 || count <= 0) return [];
  const random = rng(seed);
  const { sentences, titles, names } = pools(articles);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const hanName = nameFinder(names.han);
  const latinName = nameFinder(names.latin);
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const base = pick(articles);
    const script = base.script;
    const own = sentences.get(script) ?? sentences.get('zh-Hans') ?? [];
    const passages: Passage[] = [];
    const n = 5 + Math.floor(random() * 26);
    for (let p = 0; p < n && own.length > 0; p++) {
      const parts = 1 + Math.floor(random() * 4);
      let text = '';
      for (let k = 0; k < parts; k++) {
        let s = pick(own);
        if (random() < 0.5) {
          const [finder, list] = script === 'en' ? [latinName, names.latin] : [hanName, names.han];
          const at = finder(s);
          if (at && list.length > 0) s = s.slice(0, at[0]) + pick(list) + s.slice(at[1]);
        }
        text += script === 'en' && text ? ` ${s}` : s;
      }
      const r = random();
      const kind = (KINDS.find(([limit]) => r < limit) as [number, PassageKind])[1];
      passages.push({ kind, text, script });
    }
    const day = new Date(Date.parse(base.publishedAt) + Math.floor((random() - 0.5) * 400 * 86_400_000));
    const id = `${90_000_000 + i}`;
    const url =
      script === 'en'
        ? `https://www.economist.com/synthetic/${seed}-${i}`
        : `https://www.dw.com/zh/synthetic/a-${id}`;
    out.push({
      id: script === 'en' ? `syn-${seed}-${i}` : id,
      url,
      title: pick(titles.get(script) ?? [base.title]),
      publishedAt: Number.isNaN(day.getTime()) ? base.publishedAt : day.toISOString(),
      source: base.source,
      script,
      passages,
      images: [],
      links: [],
      videos: [],
      file: `synthetic/${seed}-${i}.md`,
    });
  }
  return out;
}

/** Finds the first (longest) occurrence of any of `names` in a string: names indexed by first unit. */
function nameFinder(names: readonly string[]): (s: string) => [number, number] | null {
  const byFirst = new Map<string, string[]>();
  for (const n of names) {
    const list = byFirst.get(n[0] as string);
    if (list) list.push(n);
    else byFirst.set(n[0] as string, [n]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return (s) => {
    for (let i = 0; i < s.length; i++) {
      const list = byFirst.get(s[i] as string);
      if (!list) continue;
      for (const n of list) if (s.startsWith(n, i)) return [i, i + n.length];
    }
    return null;
  };
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One article as a feed file in the seed's format (variant A). */
export function toFeedFile(a: Article): string {
  const body = a.passages
    .map((p) =>
      p.kind === 'subheading'
        ? `<p><strong>${html(p.text)}</strong></p>`
        : p.kind === 'caption'
          ? `<div><small style="color: #999;">${html(p.text)}</small></div>`
          : `<p>${html(p.text)}</p>`,
    )
    .join('');
  const title = a.title.replace(/[[\]]/g, ' ');
  return `<!--${Date.parse(a.publishedAt)}-->\n[${title}](${a.url})\n------\n\n<div><i><br>${a.publishedAt}</i></div>${body}\n`;
}

async function cli(argv: string[]): Promise<void> {
  const opt = (name: string, dflt: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? (argv[i + 1] as string) : dflt;
  };
  const count = Number(opt('--count', '20000'));
  const seed = Number(opt('--seed', '1'));
  const out = opt('--out', '');
  if (!out) {
    process.stderr.write('usage: tsx bench/synthetic.ts --count N [--seed S] --out DIR [--corpus DIR]...\n');
    process.exitCode = 2;
    return;
  }
  const { loadRealCorpus } = await import('./corpus-source.ts');
  const { articles, dirs } = await loadRealCorpus(argv);
  const t0 = performance.now();
  const synthetic = synthesize(articles, count, seed);
  mkdirSync(out, { recursive: true });
  for (const [i, a] of synthetic.entries()) writeFileSync(join(out, `syn-${seed}-${i}.txt`), toFeedFile(a));
  process.stdout.write(
    `synthetic: ${synthetic.length} articles from ${articles.length} real ones (${['seeds', ...dirs].join(', ')}) → ${out} in ${(performance.now() - t0).toFixed(0)} ms\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await cli(process.argv.slice(2));
