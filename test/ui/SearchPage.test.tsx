// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleSearch, type SearchRequest } from '../../src/search/handlers.ts';
import { buildSearchIndex, loadSearchIndex } from '../../src/search/index.ts';
import { formatHash, parseHash } from '../../src/ui/hash.ts';
import { LocaleProvider } from '../../src/ui/locale.tsx';
import { SearchPage } from '../../src/ui/SearchPage.tsx';
import { ARTICLES } from '../search/fixtures.ts';

afterEach(cleanup);
const index = loadSearchIndex(buildSearchIndex(ARTICLES), ARTICLES);
const backend = vi.fn(async (query: string, filters: SearchRequest['filters']) =>
  handleSearch(index, { query, filters }),
);

function renderPage(hash: string) {
  const location = { hash };
  const view = render(
    <LocaleProvider locale="en">
      <SearchPage search={backend} location={location} delayMs={0} />
    </LocaleProvider>,
  );
  return { ...view, location };
}

describe('SearchPage', () => {
  it('runs the query from the URL and lists the seed article first', async () => {
    const { container } = renderPage('#q=%E8%A5%BF%E4%BC%AF%E5%88%A9%E4%BA%9E%E5%8A%9B%E9%87%8F');
    await waitFor(() => expect(container.querySelectorAll('li.fl-result').length).toBeGreaterThan(0));
    expect(container.querySelector('li.fl-result')?.getAttribute('data-article')).toBe('1');
    expect(screen.getByText('1 article')).toBeTruthy();
  });

  it('writes the query and filters to the URL as the user types', async () => {
    const { container, location } = renderPage('');
    expect(screen.getByText(/Type a name/)).toBeTruthy();
    const box = screen.getByRole('searchbox') as HTMLInputElement;
    fireEvent.input(box, { target: { value: '谭德塞 武汉' } });
    await waitFor(() =>
      expect(container.querySelector('li.fl-result')?.getAttribute('data-article')).toBe('2'),
    );
    expect(parseHash(location.hash).query).toBe('谭德塞 武汉');
    fireEvent.click(screen.getByLabelText('Caption'));
    await waitFor(() => expect(parseHash(location.hash).filters.kinds).toEqual(['caption']));
    await waitFor(() => expect(screen.getByText(/No passage matches/)).toBeTruthy());
  });

  it('focuses the search box on "/"', () => {
    renderPage('');
    const box = screen.getByRole('searchbox');
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(box);
  });

  it('links the entity the query names, and pages through results', async () => {
    const search = vi.fn(async (query: string, filters: SearchRequest['filters']) => ({
      ...handleSearch(index, { query, filters }),
      entities: [{ id: 'e:谭德塞', name: '谭德塞', kind: 'person' as const, articleCount: 2 }],
    }));
    render(
      <LocaleProvider locale="en">
        <SearchPage search={search} location={{ hash: '#q=%E8%B0%AD%E5%BE%B7%E5%A1%9E' }} delayMs={0} />
      </LocaleProvider>,
    );
    const link = await screen.findByText('Everything on 谭德塞');
    expect(link.getAttribute('href')).toBe('?entity=e%3A%E8%B0%AD%E5%BE%B7%E5%A1%9E');
    expect(search).toHaveBeenLastCalledWith('谭德塞', { limit: 20 });
    expect(screen.queryByText('More results')).toBeNull();
  });

  it('shows an error when the background fails', async () => {
    const location = { hash: '#q=x' };
    render(
      <LocaleProvider locale="en">
        <SearchPage search={() => Promise.reject(new Error('offline'))} location={location} delayMs={0} />
      </LocaleProvider>,
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('offline'));
  });
});

describe('hash', () => {
  it('round-trips query and filters', () => {
    const state = {
      query: '普丁 Putin',
      filters: {
        kinds: ['title' as const, 'caption' as const],
        sources: ['Deutsche Welle'],
        from: '2020-01-01',
        to: '2021-12-31',
        scripts: ['zh-Hant' as const],
      },
    };
    expect(parseHash(formatHash(state))).toEqual(state);
    expect(parseHash('#kind=bogus&from=yesterday').filters).toEqual({});
  });
});
