// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../src/entities/types.ts';
import type { EntityCard } from '../../src/messaging.ts';
import { CARD_CSS, Card } from '../../src/ui/Card.tsx';
import {
  byFormPriority,
  cardStrings,
  otherForms,
  pickPassages,
  safeHttpUrl,
  snippet,
} from '../../src/ui/card-model.ts';

const putin: Entity = {
  id: 'e:普丁',
  name: '普丁',
  kind: 'person',
  aliases: [
    { text: '普京', source: 'variant-table' },
    { text: 'Putin', source: 'short-form' },
    { text: 'pu ding', source: 'pinyin' },
  ],
  articleCount: 12,
  english: 'Vladimir Putin',
};

const passage = (text: string, url = 'https://www.dw.com/zh/a-1', title = '標題') => ({
  articleId: url,
  title,
  url,
  publishedAt: '2024-04-09T10:00:00.000Z',
  source: 'Deutsche Welle',
  text,
  kind: 'paragraph' as const,
  highlights: [[text.indexOf('普丁'), text.indexOf('普丁') + 2] as [number, number]],
});

const card = (passages: ReturnType<typeof passage>[]): EntityCard =>
  ({ entity: putin, articleCount: 12, passages }) as unknown as EntityCard;

afterEach(cleanup);

describe('Card', () => {
  it('shows the page form, other forms, kind, count and at most three passages', () => {
    // In the worker's order (handleLookup picks them: fact-bearing passages first).
    const c = card([
      passage('普丁在2024年3月連任。', 'https://www.dw.com/zh/a-2'),
      passage('普丁說了話。'),
      passage('「普丁」一詞', 'https://www.dw.com/zh/a-3'),
      passage('普丁第四段。', 'https://www.dw.com/zh/a-4'),
    ]);
    const { container, getByRole } = render(
      <Card surface="普京" card={c} locale="zh-CN" onClose={() => {}} />,
    );
    expect(container.querySelector('.name')?.textContent).toBe('普京');
    expect(container.querySelector('.forms')?.textContent).toBe(' · 普丁 · Putin · Vladimir Putin');
    expect(container.querySelector('.kind')?.textContent).toBe('人物');
    expect(container.querySelector('.count')?.textContent).toBe('12 篇文章');
    const items = container.querySelectorAll('.passage');
    expect(items.length).toBe(3);
    expect(items[0]?.querySelector('.text')?.textContent).toBe('普丁在2024年3月連任。');
    expect(items[0]?.querySelector('mark')?.textContent).toBe('普丁');
    expect(getByRole('dialog').getAttribute('aria-label')).toBe('Factlens：普京');
    expect(container.querySelector('.close')?.getAttribute('aria-label')).toBe('关闭');
    const link = items[0]?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://www.dw.com/zh/a-2');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(items[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2024-04-09T10:00:00.000Z');
  });

  it('renders corpus text as text and never links a non-http URL', () => {
    const evil = passage('<img src=x onerror=alert(1)>普丁', 'javascript:alert(1)', '<b>title</b>');
    const { container } = render(<Card surface="普丁" card={card([evil])} locale="en" onClose={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.passage a')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('.kind')?.textContent).toBe('Person');
    expect(container.querySelector('.count')?.textContent).toBe('12 articles');
  });

  it('closes and opens "more" through its buttons', () => {
    const onClose = vi.fn();
    const onMore = vi.fn();
    const { getByLabelText, getByText } = render(
      <Card surface="普丁" card={card([passage('普丁。')])} locale="en" onClose={onClose} onMore={onMore} />,
    );
    fireEvent.click(getByLabelText('Close'));
    fireEvent.click(getByText(/More/));
    expect(onClose).toHaveBeenCalledOnce();
    expect(onMore).toHaveBeenCalledOnce();
  });

  it('says that its passages are on their way, to readers and screen readers', () => {
    const { container, getByRole, rerender } = render(
      <Card surface="普丁" card={card([])} locale="zh-TW" onClose={() => {}} status="loading" />,
    );
    expect(getByRole('status').textContent).toBe('正在載入段落…');
    expect(container.querySelector('.passages')?.getAttribute('aria-busy')).toBe('true');
    rerender(<Card surface="普丁" card={card([passage('普丁。')])} locale="zh-TW" onClose={() => {}} />);
    expect(container.querySelector('[role="status"]')).toBeNull();
    expect(container.querySelector('.passages')?.hasAttribute('aria-busy')).toBe(false);
    expect(container.querySelectorAll('.passage')).toHaveLength(1);
  });
  it('says when its passages could not be had, without promising them', () => {
    const { container, getByRole } = render(
      <Card surface="普京" card={card([])} locale="zh-CN" onClose={() => {}} status="failed" />,
    );
    expect(getByRole('status').textContent).toBe('无法载入段落。');
    expect(container.querySelector('.passages')?.hasAttribute('aria-busy')).toBe(false);
  });
});

describe('card model', () => {
  it('speaks the reader’s Chinese script', () => {
    expect(cardStrings('zh-TW').close).toBe('關閉');
    expect(cardStrings('zh-Hant').kinds.place).toBe('地點');
    expect(cardStrings('zh-CN').kinds.place).toBe('地点');
    expect(cardStrings('zh-Hans').close).toBe('关闭');
    expect(cardStrings('en-GB').close).toBe('Close');
  });

  it('cuts a long passage around the mention', () => {
    const text = `${'前'.repeat(200)}普丁${'後'.repeat(200)}`;
    const parts = snippet(text, [[200, 202]], 40);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.find((p) => p.mark)?.text).toBe('普丁');
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.map((p) => p.text).join('').length).toBe(42);
    expect(snippet('短文普丁', [[2, 4]])).toEqual([
      { text: '短文', mark: false },
      { text: '普丁', mark: true },
    ]);
    expect(snippet('abc', [[5, 9]])).toEqual([{ text: 'abc', mark: false }]);
  });

  it('keeps only http(s) links', () => {
    expect(safeHttpUrl('https://www.dw.com/zh/a-1')).toBe('https://www.dw.com/zh/a-1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });

  it('lists other forms without the page form, with the English name', () => {
    expect(otherForms(putin, 'Vladimir Putin')).toEqual(['普丁', '普京', 'Putin']);
    expect(otherForms(putin, '普丁', 2)).toEqual(['普京', 'Vladimir Putin']);
  });

  it('styles the card from card.css, in system fonts, then CJK ones', () => {
    expect(CARD_CSS).toContain(':host');
    // Built ahead, a card is hidden until placed (CardHost), and fades in only then.
    expect(CARD_CSS.replace(/\s+/g, '')).toMatch(/\.card:not\(\[data-placement\]\)\{visibility:hidden/);
    expect(CARD_CSS.replace(/\s+/g, '')).toMatch(/\.card\[data-placement\]\{animation:/);
    expect(CARD_CSS).toContain('prefers-color-scheme: dark');
    const flat = CARD_CSS.replace(/\s+/g, '');
    for (const family of ['system-ui', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Zen Hei"'])
      expect(flat).toContain(family.replace(/\s+/g, ''));
  });

  it('orders aliases for the card: curated variants and script forms before romanisations', () => {
    const aliases = [
      { text: 'Pu Jing', source: 'pinyin' },
      { text: 'Putin', source: 'short-form' },
      { text: '普京', source: 'variant-table' },
      { text: '普丁', source: 'opencc' },
      { text: '?', source: 'unknown-source' },
    ];
    expect(byFormPriority(aliases).map((a) => a.text)).toEqual(['普京', '普丁', 'Putin', 'Pu Jing', '?']);
  });

  it('picks fact-bearing passages first, without duplicates', () => {
    const ps = [passage('普丁甲'), passage('普丁甲'), passage('普丁有3個'), passage('普丁乙')];
    expect(pickPassages(ps, 3).map((p) => p.text)).toEqual(['普丁有3個', '普丁甲', '普丁乙']);
  });
});
