// Shared helpers for the corpus tests: the seed article (text and bytes), loading in-memory files
// with a fixed "now", and issues as the `file:line: message` strings people see.
import { readFileSync } from 'node:fs';
import { formatIssue } from '../../src/corpus/issues.ts';
import { type CorpusFile, loadCorpus } from '../../src/corpus/load.ts';

export const SEED_PATH = 'seeds/000_c88f5b342264d9bb.txt';
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');
/** A fixed "now" (2026-01-01) so the far-future check does not depend on the clock. */
export const NOW = Date.UTC(2026, 0, 1);

const encoder = new TextEncoder();

export const bytes = (text: string): Uint8Array => encoder.encode(text);

export const file = (name: string, content: string | Uint8Array): CorpusFile => ({
  name,
  bytes: typeof content === 'string' ? bytes(content) : content,
});

/** Loads files and returns the articles plus the formatted issues. */
export function load(...files: CorpusFile[]) {
  const result = loadCorpus(files, { now: NOW });
  return { ...result, messages: result.issues.map(formatIssue) };
}

/** A minimal variant-A article. */
export function article(
  options: { ms?: string; title?: string; url?: string; body?: string; dash?: string } = {},
): string {
  const ms = options.ms ?? '1712654223000';
  const url = options.url ?? 'https://www.dw.com/zh/example/a-123';
  const title = options.title ?? '示例標題';
  const body = options.body ?? '<p>（德國之聲中文網）這是一段正文。</p><p>（綜合報導）</p>';
  return `<!--${ms}-->\n[${title}](${url})\n${options.dash ?? '------'}\n\n${body}`;
}

/** A minimal variant-B article (front matter, <div> body, feed footer). */
export function frontMatterArticle(options: { date?: string; from?: string; header?: string } = {}): string {
  const url = 'https://www.dw.com/zh/example/a-456';
  return [
    '---',
    'layout: post',
    'title: "德国历史上的11月9日"',
    `date: ${options.date ?? '2020-11-09T09:53:34.000Z'}`,
    'author: 德国之声',
    `from: ${options.from ?? url}`,
    'tags: [ 德国之声 ]',
    'categories: [ 德国之声 ]',
    '---',
    '<!--1604915614000-->',
    `[德国历史上的11月9日](${url})`,
    '------',
    '',
    '<div>',
    `<div><i>${options.header ?? 'null 李鱼<br>2020-11-09T09:16:01.487Z'}</i></div><p>（德国之声中文网）今年的11月9日是柏林墙倒塌31周年纪念。</p><p>作者：Marcel Fürstenau 编译：李鱼</p><p>责编：石涛</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net</a><br></div>`,
    '</div>',
    '',
  ].join('\n');
}
