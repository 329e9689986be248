// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex } from '../../src/search/index.ts';
import type { SearchResult } from '../../src/search/types.ts';
import { LocaleProvider } from '../../src/ui/locale.tsx';
import { SearchResults } from '../../src/ui/SearchResults.tsx';
import { ARTICLES } from '../search/fixtures.ts';

afterEach(cleanup);
const index = loadSearchIndex(buildSearchIndex(ARTICLES), ARTICLES);

describe('SearchResults', () => {
  it('groups passages under their article and highlights the terms', () => {
    const results = index.search('西伯利亚力量');
    const { container } = render(
      <LocaleProvider locale="en">
        <SearchResults results={results} />
      </LocaleProvider>,
    );
    const items = container.querySelectorAll('li.fl-result');
    expect(items.length).toBe(1);
    expect(items[0]?.getAttribute('data-article')).toBe('1');
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toContain('西伯利亞力量');
    expect(screen.getByText('Subheading')).toBeTruthy();
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://www.dw.com/zh/a-1');
  });

  it('renders corpus text as text, never as HTML', () => {
    const evil: SearchResult = {
      articleId: 'x',
      title: '<img src=x onerror=alert(1)>',
      titleHighlights: [[0, 4]],
      url: 'https://example.com/',
      source: 'Test',
      publishedAt: '2024-01-01T00:00:00Z',
      script: 'en',
      score: 1,
      matchCount: 1,
      passages: [{ index: 0, kind: 'paragraph', text: '<b>bold</b>', highlights: [], score: 1 }],
    };
    const { container } = render(
      <LocaleProvider locale="zh-Hant">
        <SearchResults results={[evil]} />
      </LocaleProvider>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>bold</b>');
    expect(screen.getByText('段落')).toBeTruthy();
  });
});
