// @vitest-environment happy-dom
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  collectTextRuns,
  isRunIntact,
  positionAt,
  rangeForMention,
  runOffsetOf,
  type TextRun,
  TextRunWalker,
} from '../../src/match/text-runs.ts';

// The shape of ../shared/fixtures/pages/zh-hant-inline.html (inlined: tests never read outside the repo).
const ZH_HANT_INLINE = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>評論</title>
<style>.n::after { content: "普丁"; }</style></head><body><div id="app">
<p>二〇二二年二月，<b>普丁</b>訪問北京。此後北京從未公開譴責俄國入侵<a href="/tags/ukraine">烏克蘭</a>。</p>
<p>今年三月，中國特使<span class="person">李</span><span class="person">輝</span>再度前往歐洲斡旋。</p>
<p contenteditable="true">讀者留言：北約不應介入亞太。</p>
</div></body></html>`;

const texts = (runs: TextRun[]) => runs.map((r) => r.text.trim());

describe('collectTextRuns', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('makes one run per block and joins inline elements', () => {
    document.body.innerHTML =
      '<div><p>中國特使<span class="p">李</span><span class="p">輝</span>再度前往歐洲</p><p>第二段<b>普丁</b>。</p></div>';
    const runs = collectTextRuns(document.body);
    expect(texts(runs)).toEqual(['中國特使李輝再度前往歐洲', '第二段普丁。']);
    const first = runs[0] as TextRun;
    expect(first.segments.map((s) => s.node.data)).toEqual(['中國特使', '李', '輝', '再度前往歐洲']);
    expect(first.segments.map((s) => s.start)).toEqual([0, 4, 5, 6]);
    expect((first.block as Element).localName).toBe('p');
  });

  it('skips scripts, styles, form fields, code, editable regions, hidden and our own UI', () => {
    document.body.innerHTML = `
      <p>keep one</p>
      <script>var a = "skip script";</script>
      <style>.x{}</style>
      <noscript>skip noscript</noscript>
      <template><p>skip template</p></template>
      <textarea>skip textarea</textarea><input value="skip input">
      <select><option>skip option</option></select>
      <p>type <code>skip code</code> here</p>
      <pre>skip pre</pre><kbd>skip kbd</kbd><samp>skip samp</samp>
      <svg><text>skip svg</text></svg>
      <p contenteditable="true">skip editable <b>and child</b></p>
      <div contenteditable=""><p>skip editable2</p></div>
      <div contenteditable="plaintext-only">skip editable3</div>
      <p contenteditable="false">keep not editable</p>
      <div hidden>skip hidden</div>
      <div aria-hidden="true">skip aria</div>
      <factlens-card><p>skip ui</p></factlens-card>
      <div class="mine">skip by option</div>
      <p>keep two</p>`;
    const runs = collectTextRuns(document.body, { skip: (el) => el.classList.contains('mine') });
    const all = texts(runs).join('|');
    expect(all).not.toMatch(/skip/);
    expect(texts(runs)).toEqual(['keep one', 'type', 'here', 'keep not editable', 'keep two']);
  });

  it('splits runs at <br> and at block children inside inline context', () => {
    document.body.innerHTML = '<p>上一行<br>下一行</p><div>前<div>中</div>後</div>';
    expect(texts(collectTextRuns(document.body))).toEqual(['上一行', '下一行', '前', '中', '後']);
  });

  it('enters open shadow roots as runs of their own', () => {
    document.body.innerHTML = '<p>光明</p><x-card id="h"><span>slotted 王毅</span></x-card><p>after</p>';
    const host = document.getElementById('h') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>影子裡的<b>拉夫羅夫</b></p><slot></slot>';
    const runs = collectTextRuns(document.body);
    expect(texts(runs)).toEqual(['光明', '影子裡的拉夫羅夫', 'slotted 王毅', 'after']);
    const shadowRun = runs[1] as TextRun;
    expect(shadowRun.segments[1]?.node.getRootNode()).toBe(shadow);
    expect(texts(collectTextRuns(document.body, { shadowRoots: false }))).toEqual([
      '光明',
      'slotted 王毅',
      'after',
    ]);
  });

  it('yields the same runs lazily', () => {
    document.body.innerHTML = '<p>一</p><div>二<p>三</p></div><p>四</p>';
    const walker = new TextRunWalker(document.body);
    expect(walker.next()?.text).toBe('一');
    const rest: TextRun[] = [];
    for (let run = walker.next(); run; run = walker.next()) rest.push(run);
    expect(texts(rest)).toEqual(['二', '三', '四']);
  });

  it('accepts a document and ignores <head>', () => {
    document.head.innerHTML = '<title>skip title</title>';
    document.body.innerHTML = '<p>body text</p>';
    expect(texts(collectTextRuns(document))).toEqual(['body text']);
  });

  it('reads the shared fixture page like the gold file expects (inline split name, editable skipped)', () => {
    const { document: doc } = parseHTML(ZH_HANT_INLINE);
    const all = texts(collectTextRuns(doc)).join('\n');
    expect(all).toContain('中國特使李輝再度前往歐洲');
    expect(all).not.toContain('北約');
    expect(all).not.toContain('.n::after');
  });
});

describe('mapping run offsets back to the DOM', () => {
  it('builds a Range spanning several text nodes', () => {
    document.body.innerHTML = '<p>特使<span>李</span><span>輝</span>前往</p>';
    const run = collectTextRuns(document.body)[0] as TextRun;
    const start = run.text.indexOf('李輝');
    const range = rangeForMention(run, start, start + 2) as Range;
    expect(range.toString()).toBe('李輝');
    expect((range.startContainer as Text).data).toBe('李');
    expect((range.endContainer as Text).data).toBe('輝');
    expect(range.endOffset).toBe(1);
  });

  it('maps offsets within one node and at node ends', () => {
    document.body.innerHTML = '<p>外長<em>拉夫羅夫</em>則感謝</p>';
    const run = collectTextRuns(document.body)[0] as TextRun;
    expect(rangeForMention(run, 2, 6)?.toString()).toBe('拉夫羅夫');
    expect(positionAt(run, 2).node.data).toBe('拉夫羅夫');
    expect(positionAt(run, 2, true).node.data).toBe('外長');
    expect(rangeForMention(run, 0, run.text.length)?.toString()).toBe('外長拉夫羅夫則感謝');
    const em = document.querySelector('em')?.firstChild as Text;
    expect(runOffsetOf(run, em, 1)).toBe(3);
  });

  it('refuses bad offsets and notices changed nodes', () => {
    document.body.innerHTML = '<p>abc<b>def</b></p>';
    const run = collectTextRuns(document.body)[0] as TextRun;
    expect(rangeForMention(run, 4, 2)).toBeNull();
    expect(rangeForMention(run, 0, 99)).toBeNull();
    expect(isRunIntact(run)).toBe(true);
    (document.querySelector('b')?.firstChild as Text).data = 'x';
    expect(isRunIntact(run)).toBe(false);
    expect(rangeForMention(run, 4, 6)).toBeNull();
  });
});

describe('in linkedom (the CLI)', () => {
  it('collects the same runs without a real browser', () => {
    const { document: doc } = parseHTML(
      '<html><body><p>二〇二二年二月，<b>普丁</b>訪問北京</p><p contenteditable="true">北約</p><script>x</script></body></html>',
    );
    expect(texts(collectTextRuns(doc))).toEqual(['二〇二二年二月，普丁訪問北京']);
  });
});
