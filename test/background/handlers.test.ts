import { describe, expect, it, vi } from 'vitest';
import { createCorpusCache, type LoadedCorpus } from '../../src/background/corpus.ts';
import {
  entityPageUrl,
  handleLookup,
  handleMatchRuns,
  handlePing,
  MATCH_LIMITS,
  RequestError,
} from '../../src/background/handlers.ts';
import { createBundle } from '../../src/corpus/bundle.ts';
import type { Entity, Mention } from '../../src/entities/types.ts';
import { isTransientError, withRetry } from '../../src/messaging.ts';

const lavrov: Entity = {
  id: 'e:拉夫羅夫',
  name: '拉夫羅夫',
  kind: 'person',
  aliases: [{ text: '拉夫罗夫', source: 'opencc' }],
  articleCount: 1,
  english: 'Sergei Lavrov',
};
const wang: Entity = { id: 'e:王毅', name: '王毅', kind: 'person', aliases: [], articleCount: 2 };

function corpus(detect: (runs: readonly string[]) => Mention[]): LoadedCorpus {
  return {
    articleCount: 1,
    entities: new Map([
      [lavrov.id, lavrov],
      [wang.id, wang],
    ]),
    knows: () => false,
    entity: (id) => (id === lavrov.id ? lavrov : id === wang.id ? wang : null),
    detect,
    lookup: (id) => (id === lavrov.id ? { entity: lavrov, articleCount: 1, passages: [] } : null),
    full: async () => createBundle([]),
    loadMs: 12.4,
  };
}

const m = (run: number, start: number, end: number, entityId: string, text = ''): Mention => ({
  run,
  start,
  end,
  text,
  entityId,
  score: 1,
});

describe('handleMatchRuns', () => {
  it('returns sorted mentions with the briefs of their entities', () => {
    const c = corpus(() => [m(1, 0, 2, wang.id, '王毅'), m(0, 2, 6, lavrov.id, '拉夫罗夫')]);
    const res = handleMatchRuns(c, { runs: ['外长拉夫罗夫', '王毅说'] });
    expect(res.mentions.map((x) => x.text)).toEqual(['拉夫罗夫', '王毅']);
    expect(res.entities[lavrov.id]).toEqual({
      id: lavrov.id,
      name: '拉夫羅夫',
      kind: 'person',
      articleCount: 1,
      english: 'Sergei Lavrov',
    });
    expect(Object.keys(res.entities).sort()).toEqual([lavrov.id, wang.id].sort());
  });

  it('drops mentions outside their run or of unknown entities', () => {
    const c = corpus(() => [
      m(0, 0, 99, wang.id),
      m(5, 0, 1, wang.id),
      m(0, 0, 1, 'e:nobody'),
      m(0, 1, 1, wang.id),
    ]);
    expect(handleMatchRuns(c, { runs: ['abc'] })).toEqual({ mentions: [], entities: {} });
  });

  it('answers packed when asked: four numbers per mention, in order, entity ids listed once', () => {
    const c = corpus(() => [
      m(1, 0, 2, wang.id, '王毅'),
      m(0, 2, 6, lavrov.id, '拉夫罗夫'),
      m(1, 3, 5, wang.id),
    ]);
    const res = handleMatchRuns(c, { runs: ['外长拉夫罗夫', '王毅说王毅'], packed: true });
    expect(res.mentions).toEqual([]);
    const ids = res.entityIds ?? [];
    expect([...ids].sort()).toEqual([lavrov.id, wang.id].sort());
    const L = ids.indexOf(lavrov.id);
    const W = ids.indexOf(wang.id);
    expect(res.packed).toEqual([0, 2, 6, L, 1, 0, 2, W, 1, 3, 5, W]);
    expect(res.entities[wang.id]?.name).toBe('王毅');
    expect(handleMatchRuns(c, { runs: [], packed: true })).toEqual({
      mentions: [],
      entities: {},
      packed: [],
      entityIds: [],
    });
  });

  it('does not call the detector for an empty request', () => {
    const detect = vi.fn(() => []);
    expect(handleMatchRuns(corpus(detect), { runs: [] }).mentions).toEqual([]);
    expect(detect).not.toHaveBeenCalled();
  });

  it('rejects malformed and oversized requests with a clear error', () => {
    const c = corpus(() => []);
    expect(() => handleMatchRuns(c, {} as never)).toThrow(RequestError);
    expect(() => handleMatchRuns(c, { runs: [1 as unknown as string] })).toThrow(
      /every run must be a string/,
    );
    expect(() => handleMatchRuns(c, { runs: new Array(MATCH_LIMITS.maxRuns + 1).fill('x') })).toThrow(
      /runs in one/,
    );
    expect(() => handleMatchRuns(c, { runs: ['x'.repeat(MATCH_LIMITS.maxChars + 1)] })).toThrow(/characters/);
  });
});

describe('handleLookup and handlePing', () => {
  it('looks up an entity card, null for unknown ids', () => {
    const c = corpus(() => []);
    expect(handleLookup(c, { entityId: lavrov.id })?.entity.name).toBe('拉夫羅夫');
    expect(handleLookup(c, { entityId: 'e:nobody' })).toBeNull();
    expect(() => handleLookup(c, { entityId: '' })).toThrow(RequestError);
  });

  it("picks the card's three passages (fact-bearing first, no repeated text) and orders its aliases", () => {
    const passage = (text: string) => ({
      articleId: `a:${text}`,
      title: 't',
      url: 'https://www.dw.com/zh/a',
      publishedAt: '2024-04-09T10:00:00.000Z',
      source: 'DW',
      text,
      kind: 'paragraph' as const,
      highlights: [[0, 2]] as Array<[number, number]>,
    });
    const passages = ['拉夫說話。', '拉夫說話。', '拉夫乙。', '拉夫在2024年來訪。', '拉夫丙。'].map(passage);
    const entity = {
      ...lavrov,
      aliases: [
        { text: 'Lavrov', source: 'short-form' as const },
        { text: '拉夫罗夫', source: 'opencc' as const },
      ],
    };
    const c = { ...corpus(() => []), lookup: () => ({ entity, articleCount: 5, passages }) };
    const card = handleLookup(c, { entityId: lavrov.id });
    expect(card?.passages.map((p) => p.text)).toEqual(['拉夫在2024年來訪。', '拉夫說話。', '拉夫乙。']);
    // And its aliases in the card's order (byFormPriority).
    expect(card?.entity.aliases.map((a) => a.text)).toEqual(['拉夫罗夫', 'Lavrov']);
  });

  it('reports readiness without loading', () => {
    expect(handlePing(null, 3.6)).toEqual({
      ok: true,
      ready: false,
      uptimeMs: 4,
      articles: 0,
      entities: 0,
      loadMs: 0,
    });
    expect(
      handlePing(
        corpus(() => []),
        100,
      ),
    ).toMatchObject({ ready: true, articles: 1, entities: 2, loadMs: 12 });
    // Where the data files were read from, once there are some.
    expect(handlePing(null, 1, new Map()).dataFrom).toBeUndefined();
    expect(handlePing(null, 1, new Map([['/data/detector.bin', 'cache' as const]])).dataFrom).toEqual({
      '/data/detector.bin': 'cache',
    });
  });

  it('points "more" at the search page', () => {
    expect(entityPageUrl((p) => `chrome-extension://abc${p}`, 'e:普丁')).toBe(
      'chrome-extension://abc/search.html?entity=e%3A%E6%99%AE%E4%B8%81',
    );
  });
});

describe('createCorpusCache', () => {
  it('loads once for concurrent callers and keeps the result', async () => {
    const load = vi.fn(async () => corpus(() => []));
    const cache = createCorpusCache(load);
    expect(cache.peek()).toBeNull();
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(await cache.get()).toBe(a);
    expect(cache.peek()).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('retries after a failed load', async () => {
    let calls = 0;
    const cache = createCorpusCache(async () => {
      calls++;
      if (calls === 1) throw new Error('fetch failed');
      return corpus(() => []);
    });
    await expect(cache.get()).rejects.toThrow('fetch failed');
    expect(cache.peek()).toBeNull();
    await expect(cache.get()).resolves.toBeTruthy();
    expect(calls).toBe(2);
  });
});

describe('withRetry', () => {
  it('retries when the worker died mid-request, not on other errors', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return 'ok';
    };
    await expect(withRetry(flaky, 4, 1)).resolves.toBe('ok');
    expect(calls).toBe(3);
    const broken = vi.fn(async () => {
      throw new Error('matchRuns: expected {runs: string[]}');
    });
    await expect(withRetry(broken, 4, 1)).rejects.toThrow('expected');
    expect(broken).toHaveBeenCalledTimes(1);
    expect(isTransientError(new Error('The message port closed before a response was received.'))).toBe(true);
    // Chromium's words when the worker dies after its listener took the message (returned true).
    expect(
      isTransientError(
        new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        ),
      ),
    ).toBe(true);
  });

  it('by default tries 8 times, backing off to at most 16 × the first delay (~3 s in all)', async () => {
    const delays: number[] = [];
    const real = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((f: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return real(f, 0);
    }) as typeof setTimeout);
    const dead = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(withRetry(dead)).rejects.toThrow('Receiving end');
    spy.mockRestore();
    expect(dead).toHaveBeenCalledTimes(8);
    expect(delays).toEqual([50, 100, 200, 400, 800, 800, 800]);
  });
});
