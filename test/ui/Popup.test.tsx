// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleSearch } from '../../src/search/handlers.ts';
import { buildSearchIndex, loadSearchIndex } from '../../src/search/index.ts';
import { LocaleProvider } from '../../src/ui/locale.tsx';
import { Popup, type PopupProps } from '../../src/ui/Popup.tsx';
import { ARTICLES } from '../search/fixtures.ts';

afterEach(cleanup);
const index = loadSearchIndex(buildSearchIndex(ARTICLES), ARTICLES);

function renderPopup(props: Partial<PopupProps>, locale: 'en' | 'zh-Hant' = 'en') {
  const all: PopupProps = {
    summary: null,
    site: 'example.com',
    search: async (query, filters) => handleSearch(index, { query, filters }),
    onToggleSite: vi.fn(),
    onTermClick: vi.fn(),
    onOpenPage: vi.fn(),
    onOpenArticle: vi.fn(),
    delayMs: 0,
    ...props,
  };
  render(
    <LocaleProvider locale={locale}>
      <Popup {...all} />
    </LocaleProvider>,
  );
  return all;
}

describe('Popup', () => {
  it("lists the tab's terms grouped by kind with counts, and reports clicks", () => {
    const props = renderPopup({
      summary: {
        enabled: true,
        terms: [
          { entityId: 'e:王毅', name: '王毅', kind: 'person', count: 3 },
          { entityId: 'e:北京', name: '北京', kind: 'place', count: 1 },
          { entityId: 'e:拉夫羅夫', name: '拉夫羅夫', kind: 'person', count: 5 },
        ],
      },
    });
    expect(screen.getByText('On this page')).toBeTruthy();
    const people = screen.getByText('People').closest('div') as HTMLElement;
    expect([...people.querySelectorAll('.fl-term-name')].map((e) => e.textContent)).toEqual([
      '拉夫羅夫',
      '王毅',
    ]);
    expect(screen.getByText('Places')).toBeTruthy();
    expect(screen.getByText('5×')).toBeTruthy();
    fireEvent.click(screen.getByText('北京'));
    expect(props.onTermClick).toHaveBeenCalledWith(expect.objectContaining({ entityId: 'e:北京' }));
  });

  it('shows each term as the page writes it, or by its corpus name when the option says so', () => {
    const terms = [
      { entityId: 'e:普丁', name: '普丁', kind: 'person' as const, count: 2, texts: ['普京'] },
      { entityId: 'e:王毅', name: '王毅', kind: 'person' as const, count: 1 },
    ];
    renderPopup({ summary: { enabled: true, terms } });
    const names = () => [...document.querySelectorAll('.fl-term-name')].map((e) => e.textContent);
    expect(names()).toEqual(['普京', '王毅']);
    expect(document.querySelector('.fl-term-name')?.getAttribute('title')).toBe('普丁');
    cleanup();
    renderPopup({ summary: { enabled: true, terms }, pageForms: false });
    expect(names()).toEqual(['普丁', '王毅']);
  });

  it('shows an empty state that says what Factlens does and why nothing is marked', () => {
    renderPopup({ summary: { enabled: true, terms: [] } });
    expect(screen.getByText('Nothing marked here')).toBeTruthy();
    expect(screen.getByText(/mentions none/)).toBeTruthy();
    expect(screen.getByText(/Factlens marks the people/)).toBeTruthy();
    cleanup();
    renderPopup({ summary: { enabled: false, terms: [] } });
    expect(screen.getByText(/switched off for this site/)).toBeTruthy();
    cleanup();
    renderPopup({ summary: 'unavailable' }, 'zh-Hant');
    expect(screen.getByText(/無法讀取此頁/)).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('toggles the site switch', () => {
    const props = renderPopup({ summary: { enabled: true, terms: [] } });
    const sw = screen.getByRole('switch') as HTMLInputElement;
    expect(sw.checked).toBe(true);
    fireEvent.click(sw);
    expect(props.onToggleSite).toHaveBeenCalledWith(false);
  });

  it('searches as you type and opens the extension page on the query', async () => {
    const props = renderPopup({ summary: { enabled: true, terms: [] } });
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '西伯利亚力量' } });
    await waitFor(() =>
      expect(document.querySelector('li.fl-result')?.getAttribute('data-article')).toBe('1'),
    );
    expect(document.querySelector('mark')?.textContent).toBe('西伯利亞力量');
    expect(props.onOpenArticle).not.toHaveBeenCalled();
    fireEvent.click(document.querySelector('.fl-result-title a') as HTMLElement);
    expect(props.onOpenArticle).toHaveBeenCalledWith('1');
    fireEvent.click(screen.getByText('All results'));
    expect(props.onOpenPage).toHaveBeenCalledWith('西伯利亚力量');
  });
});
