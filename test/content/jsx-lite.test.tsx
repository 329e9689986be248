// @vitest-environment happy-dom
// The content script renders the hover card with src/content/jsx-lite.ts instead of Preact
// (wxt.config.ts): the same component must give the same DOM, the same handlers, and text stays text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../../src/messaging.ts';
import type { CardProps } from '../../src/ui/Card.tsx';

type Renderer = (props: CardProps) => HTMLElement;

/** Card.tsx compiled against real Preact, or against jsx-lite (as in the content script's build). */
async function renderer(lite: boolean): Promise<Renderer> {
  vi.resetModules();
  if (lite) {
    vi.doMock('preact/jsx-runtime', () => import('../../src/content/jsx-lite.ts'));
    vi.doMock('preact', () => import('../../src/content/jsx-lite.ts'));
  } else {
    vi.doUnmock('preact/jsx-runtime');
    vi.doUnmock('preact');
  }
  const { Card } = await import('../../src/ui/Card.tsx');
  const { h, render } = await import('preact');
  return (props) => {
    const box = document.createElement('div');
    render(h(Card, props), box);
    return box;
  };
}

const passage = (text: string, url: string, publishedAt = '2024-04-09T10:00:00.000Z') => ({
  articleId: url,
  title: `<b>${text.slice(0, 6)}</b>`,
  url,
  publishedAt,
  source: 'Deutsche Welle',
  text,
  kind: 'paragraph' as const,
  highlights: [[text.indexOf('拉夫罗夫'), text.indexOf('拉夫罗夫') + 4] as [number, number]],
});

const lavrov = {
  entity: {
    id: 'e:拉夫罗夫',
    name: '拉夫罗夫',
    kind: 'person',
    aliases: [
      { text: '拉夫羅夫', source: 'opencc' },
      { text: 'Lavrov', source: 'short-form' },
    ],
    articleCount: 3,
    english: 'Sergei Lavrov',
  },
  articleCount: 3,
  passages: [
    passage('俄罗斯外长拉夫罗夫本周二在北京会见王毅，2024年。', 'https://www.dw.com/zh/a-1'),
    passage('「拉夫罗夫」<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'not a date'),
    passage(`${'长'.repeat(200)}拉夫罗夫${'文'.repeat(200)}`, 'http://example.com/a?b=1&c=2'),
  ],
} as unknown as EntityCard;

const cases: Array<[string, Omit<CardProps, 'onClose'>]> = [
  ['Simplified, with "more"', { surface: '拉夫罗夫', card: lavrov, locale: 'zh-CN', onMore: () => {} }],
  ['Traditional, no "more"', { surface: '拉夫羅夫', card: lavrov, locale: 'zh-TW' }],
  ['English, no passages', { surface: 'Lavrov', card: { ...lavrov, passages: [] }, locale: 'en' }],
  [
    'passages on their way',
    { surface: 'Lavrov', card: { ...lavrov, passages: [] }, locale: 'en', status: 'loading' },
  ],
  [
    'passages that could not be had',
    { surface: '拉夫罗夫', card: { ...lavrov, passages: [] }, locale: 'zh-CN', status: 'failed' },
  ],
];

afterEach(() => {
  vi.doUnmock('preact/jsx-runtime');
  vi.doUnmock('preact');
  vi.resetModules();
});

describe('jsx-lite renders the hover card as Preact does', () => {
  it.each(cases)('%s', async (_name, props) => {
    const preact = (await renderer(false))({ ...props, onClose: () => {} });
    const lite = (await renderer(true))({ ...props, onClose: () => {} });
    expect(lite.innerHTML).toBe(preact.innerHTML);
    expect(lite.querySelector('.card')).not.toBeNull();
  });

  it('keeps corpus text as text and attaches handlers as listeners', async () => {
    const onClose = vi.fn();
    const onMore = vi.fn();
    const box = (await renderer(true))({ surface: '拉夫罗夫', card: lavrov, locale: 'en', onClose, onMore });
    expect(box.querySelector('img, b')).toBeNull();
    expect(box.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(box.querySelector('.close')?.hasAttribute('onclick')).toBe(false);
    box.querySelector<HTMLElement>('.close')?.click();
    box.querySelector<HTMLElement>('.more')?.click();
    expect(onClose).toHaveBeenCalledOnce();
    expect(onMore).toHaveBeenCalledOnce();
  });

  it('empties its container when rendering null', async () => {
    const { render, jsx } = await import('../../src/content/jsx-lite.ts');
    const box = document.createElement('div');
    render(jsx('p', { children: ['a', 1, false, null, ['b']] }), box);
    expect(box.innerHTML).toBe('<p>a1b</p>');
    render(null, box);
    expect(box.childNodes.length).toBe(0);
  });
});
