// Small hand-made articles for search unit tests (no corpus needed).
import type { Article, Passage, PassageKind, Script } from '../../src/corpus/types.ts';

export function passage(text: string, kind: PassageKind = 'paragraph', script: Script = 'zh-Hans'): Passage {
  return { kind, text, script };
}

export function article(
  id: string,
  title: string,
  passages: Passage[],
  extra: Partial<Article> = {},
): Article {
  return {
    id,
    url: `https://www.dw.com/zh/a-${id}`,
    title,
    publishedAt: '2024-04-09T09:01:25.471Z',
    source: 'Deutsche Welle',
    script: passages[0]?.script ?? 'zh-Hans',
    passages,
    images: [],
    links: [],
    videos: [],
    file: `${id}.md`,
    ...extra,
  };
}

export const ARTICLES: Article[] = [
  article(
    '1',
    '中俄齊抗西方制裁 王毅：反對「築牆設壘」',
    [
      passage(
        '（德國之聲中文網）俄羅斯外長拉夫羅夫週二在北京會晤中國國家主席習近平。',
        'paragraph',
        'zh-Hant',
      ),
      passage('西伯利亞力量', 'subheading', 'zh-Hant'),
      passage('「西伯利亞力量2號」天然氣管道的談判仍未完成。', 'paragraph', 'zh-Hant'),
      passage('中國外長王毅9日在北京會晤俄國外長拉夫羅夫。', 'caption', 'zh-Hant'),
    ],
    { script: 'zh-Hant' },
  ),
  article('2', '世卫专家组抵达武汉', [
    passage('世界卫生组织总干事谭德塞表示，专家组将在武汉调查病毒溯源。'),
    passage('专家组在武汉隔离两周后开始工作。'),
  ]),
  article('3', '德国疫情最新', [passage('谭德塞呼吁各国团结。'), passage('武汉是疫情最早暴发的城市。')], {
    publishedAt: '2020-12-01T00:00:00Z',
  }),
  article(
    '4',
    'Russia and China pledge closer ties',
    [
      passage('Sergei Lavrov met Wang Yi in Beijing on Tuesday.', 'paragraph', 'en'),
      passage('Pipelines and sanctions dominated the talks.', 'paragraph', 'en'),
    ],
    { source: 'The Economist', script: 'en', publishedAt: '2021-01-05T00:00:00Z' },
  ),
  article('5', '西方国家的力量', [passage('西伯利亚的冬天很冷，人们需要力量。')]),
];
