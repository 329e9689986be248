// Counts over a loaded corpus (articles, passages by kind, scripts, date range, images, links,
// videos, sources, problems): what `factlens corpus` prints and the build can log.
import type { Article, CorpusIssue, PassageKind, Script } from './types.ts';

export interface CorpusSummary {
  files: number;
  articles: number;
  passages: { total: number } & Record<PassageKind, number>;
  scripts: Record<Script, number>;
  /** ISO times of the oldest and newest publication; null without articles. */
  dates: { first: string | null; last: string | null };
  images: number;
  links: number;
  videos: number;
  /** Articles per publisher, most first. */
  sources: Record<string, number>;
  errors: number;
  warnings: number;
}

export function summarizeCorpus(
  articles: readonly Article[],
  issues: readonly CorpusIssue[],
  files: number,
): CorpusSummary {
  const passages: CorpusSummary['passages'] = {
    total: 0,
    paragraph: 0,
    subheading: 0,
    caption: 0,
    'gallery-heading': 0,
    'gallery-item': 0,
    byline: 0,
  };
  const scripts: Record<Script, number> = { 'zh-Hans': 0, 'zh-Hant': 0, en: 0 };
  const sources = new Map<string, number>();
  let first: string | null = null;
  let last: string | null = null;
  let images = 0;
  let links = 0;
  let videos = 0;
  for (const a of articles) {
    for (const p of a.passages) {
      passages.total++;
      passages[p.kind]++;
    }
    scripts[a.script]++;
    sources.set(a.source, (sources.get(a.source) ?? 0) + 1);
    if (first === null || a.publishedAt < first) first = a.publishedAt;
    if (last === null || a.publishedAt > last) last = a.publishedAt;
    images += a.images.length;
    links += a.links.length;
    videos += a.videos.length;
  }
  const sorted = [...sources].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return {
    files,
    articles: articles.length,
    passages,
    scripts,
    dates: { first, last },
    images,
    links,
    videos,
    sources: Object.fromEntries(sorted),
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
}
