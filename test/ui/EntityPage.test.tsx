// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../src/entities/types.ts';
import { buildEntityPage } from '../../src/search/entity-page.ts';
import { EntityPage } from '../../src/ui/EntityPage.tsx';
import { LocaleProvider } from '../../src/ui/locale.tsx';
import { ARTICLES, article, passage } from '../search/fixtures.ts';

afterEach(cleanup);

const tedros: Entity = {
  id: 'e:谭德塞',
  name: '谭德塞',
  kind: 'person',
  english: 'Tedros Adhanom Ghebreyesus',
  aliases: [
    { text: '谭德塞', source: 'corpus' },
    { text: '譚德塞', source: 'opencc' },
  ],
  articleCount: 2,
};
const wuhan: Entity = { id: 'e:武汉', name: '武汉', kind: 'place', aliases: [], articleCount: 2 };
const linking = article('6', '世卫调查回顾', [passage('回顾专家组的行程。')], {
  links: [{ id: '2', text: '专家组抵达' }],
  publishedAt: '2021-03-01T00:00:00Z',
});
const articles = [...ARTICLES, linking];
const source = {
  entities: [tedros, wuhan],
  articles,
  mentionIndex: {
    articles: articles.map((a) => a.id),
    byEntity: {
      'e:谭德塞': [
        [1, 0, 9, 12],
        [2, 0, 0, 3],
      ] as [number, number, number, number][],
      'e:武汉': [[1, 0, 18, 20]] as [number, number, number, number][],
    },
  },
};

function renderPage(entityId: string) {
  return render(
    <LocaleProvider locale="en">
      <EntityPage entityId={entityId} load={async (id) => buildEntityPage(source, id)} />
    </LocaleProvider>,
  );
}

describe('EntityPage', () => {
  it('shows the name, its forms, counts, timeline, co-occurring entities, related articles and mentions', async () => {
    const { container } = renderPage('e:谭德塞');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('谭德塞'));
    expect(screen.getByText('Tedros Adhanom Ghebreyesus')).toBeTruthy();
    expect(container.textContent).toContain('譚德塞');
    expect(container.textContent).toContain('2 articles');
    expect(container.querySelectorAll('svg.fl-timeline g[data-month]').length).toBeGreaterThan(1);
    expect(container.querySelector('.fl-chips a')?.getAttribute('href')).toBe(
      '?entity=e%3A%E6%AD%A6%E6%B1%89',
    );
    expect(screen.getByRole('link', { name: '世卫调查回顾' }).getAttribute('href')).toBe('?article=6');
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['谭德塞', '谭德塞']);
    expect(
      [...container.querySelectorAll('li.fl-result')].map((li) => li.getAttribute('data-article')),
    ).toEqual(['2', '3']);
  });

  it('says so when the entity is unknown', async () => {
    renderPage('e:nobody');
    await waitFor(() => expect(screen.getByText('Factlens does not know this name.')).toBeTruthy());
  });

  it('reports a failed load', async () => {
    render(
      <LocaleProvider locale="zh-Hans">
        <EntityPage entityId="x" load={() => Promise.reject(new Error('断开'))} />
      </LocaleProvider>,
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('断开'));
  });
});
