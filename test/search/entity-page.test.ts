import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/entities/types.ts';
import { buildEntityPage, monthsBetween } from '../../src/search/entity-page.ts';
import { ARTICLES, article, passage } from './fixtures.ts';

const entity = (id: string, name: string, kind: Entity['kind'] = 'person'): Entity => ({
  id,
  name,
  kind,
  aliases: [{ text: name, source: 'corpus' }],
  articleCount: 0,
});

const linking = article('6', '谭德塞再谈武汉', [passage('谭德塞说，武汉调查将继续。')], {
  publishedAt: '2021-02-01T00:00:00Z',
  links: [
    { id: '2', text: '专家组' },
    { id: '4', text: 'Lavrov' },
  ],
});
const articles = [...ARTICLES, linking];
const source = {
  entities: [entity('e:谭德塞', '谭德塞'), entity('e:武汉', '武汉', 'place'), entity('e:王毅', '王毅')],
  articles,
  mentionIndex: {
    articles: articles.map((a) => a.id),
    byEntity: {
      // [article index, passage index, start, end]
      'e:谭德塞': [
        [1, 0, 8, 11],
        [2, 0, 0, 3],
        [5, 0, 0, 3],
      ] as [number, number, number, number][],
      'e:武汉': [
        [1, 0, 18, 20],
        [1, 1, 3, 5],
        [2, 1, 0, 2],
        [5, 0, 3, 5],
      ] as [number, number, number, number][],
      'e:王毅': [[0, 3, 4, 6]] as [number, number, number, number][],
    },
  },
};

describe('buildEntityPage', () => {
  it('collects every mention, newest article first, with highlights', () => {
    const page = buildEntityPage(source, 'e:谭德塞');
    expect(page?.articleCount).toBe(3);
    expect(page?.mentionCount).toBe(3);
    expect(page?.articles.map((a) => a.articleId)).toEqual(['2', '6', '3']);
    const first = page?.articles[1]?.passages[0];
    expect(first?.text.slice(...(first.highlights[0] as [number, number]))).toBe('谭德塞');
  });

  it('builds a monthly timeline with empty months filled', () => {
    const page = buildEntityPage(source, 'e:谭德塞');
    expect(page?.timeline[0]?.month).toBe('2020-12');
    expect(page?.timeline.at(-1)?.month).toBe('2024-04');
    expect(page?.timeline.reduce((n, m) => n + m.count, 0)).toBe(3);
  });

  it('lists co-occurring entities and related articles through links', () => {
    const page = buildEntityPage(source, 'e:谭德塞');
    expect(page?.cooccurring).toEqual([{ entityId: 'e:武汉', name: '武汉', kind: 'place', articles: 3 }]);
    expect(page?.related.map((r) => [r.articleId, r.direction])).toEqual([['4', 'links-to']]);
    const wang = buildEntityPage(source, 'e:王毅');
    expect(wang?.related).toEqual([]);
  });

  it('answers null for an unknown entity', () => {
    expect(buildEntityPage(source, 'e:nobody')).toBeNull();
  });

  it('counts months across years', () => {
    expect(monthsBetween('2020-11', '2021-02')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
  });
});
