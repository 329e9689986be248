// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { ExtensionPage } from '../../src/ui/ExtensionPage.tsx';
import { LocaleProvider } from '../../src/ui/locale.tsx';
import { Reader } from '../../src/ui/Reader.tsx';
import { article, passage } from '../search/fixtures.ts';

afterEach(cleanup);

const seedLike: Article = article(
  '68774250',
  '中俄齊抗西方制裁 王毅：反對「築牆設壘」',
  [
    passage('中國外長王毅9日在北京會晤俄國外長拉夫羅夫。', 'caption', 'zh-Hant'),
    passage('俄羅斯外長拉夫羅夫週二在北京會晤王毅。<script>alert(1)</script>', 'paragraph', 'zh-Hant'),
    passage('中俄深化關係', 'subheading', 'zh-Hant'),
    passage('邹宗翰 (法新社)', 'byline', 'zh-Hant'),
  ],
  {
    script: 'zh-Hant',
    author: '邹宗翰',
    images: [
      {
        url: 'https://static.dw.com/image/68773106_303.jpg',
        caption: '中國外長王毅9日在北京會晤俄國外長拉夫羅夫。',
      },
    ],
  },
);

describe('Reader', () => {
  it('rebuilds the article from its passages, marks entities as links, and fetches images only on request', async () => {
    const detect = vi.fn(async (runs: string[]) =>
      runs.flatMap((text, run) => {
        const at = text.indexOf('王毅');
        return at < 0 ? [] : [{ run, start: at, end: at + 2, text: '王毅', entityId: 'e:王毅', score: 1 }];
      }),
    );
    const { container } = render(
      <LocaleProvider locale="zh-Hant">
        <Reader articleId="68774250" load={async () => seedLike} detect={detect} />
      </LocaleProvider>,
    );
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(seedLike.title));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('中俄深化關係');
    const links = container.querySelectorAll('a.fl-entity');
    expect(links.length).toBe(2);
    expect(links[0]?.getAttribute('href')).toBe('?entity=e%3A%E7%8E%8B%E6%AF%85');
    expect(container.querySelector('figcaption')?.textContent).toContain('拉夫羅夫');
    // Raw markup in the text stays text.
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>');
    // No image until asked.
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByText('顯示圖片'));
    expect(container.querySelector('img')?.getAttribute('src')).toBe(seedLike.images[0]?.url);
    expect(container.textContent).toContain('作者：邹宗翰');
  });

  it('says so when the article is missing', async () => {
    render(
      <LocaleProvider locale="en">
        <Reader articleId="nope" load={async () => null} />
      </LocaleProvider>,
    );
    await waitFor(() => expect(screen.getByText('This article is not in the corpus.')).toBeTruthy());
  });
});

describe('ExtensionPage', () => {
  it('chooses the view from the URL', async () => {
    const props = {
      search: vi.fn(),
      entityPage: vi.fn(async () => null),
      article: vi.fn(async () => seedLike),
    };
    render(
      <LocaleProvider locale="en">
        <ExtensionPage {...props} location={{ hash: '', search: '?article=68774250' }} />
      </LocaleProvider>,
    );
    await waitFor(() => expect(props.article).toHaveBeenCalledWith('68774250'));
    cleanup();
    render(
      <LocaleProvider locale="en">
        <ExtensionPage {...props} location={{ hash: '', search: '?entity=e%3Ax' }} />
      </LocaleProvider>,
    );
    await waitFor(() => expect(props.entityPage).toHaveBeenCalledWith('e:x'));
    cleanup();
    render(
      <LocaleProvider locale="en">
        <ExtensionPage {...props} location={{ hash: '', search: '' }} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('searchbox')).toBeTruthy();
  });
});
