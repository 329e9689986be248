// @vitest-environment happy-dom
// The card host: a card built ahead (prepare) is laid out in the host but hidden until shown, showing
// reveals that very card, the card on screen is not touched while the next one is built, hiding takes
// the host out, and a card built for a dwell that ended without it goes (discard).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardHost, HOST_TAG, placeCard } from '../../src/content/card-host.ts';
import type { EntityCard } from '../../src/messaging.ts';
import type { CardProps } from '../../src/ui/Card.tsx';

const props = (surface: string): CardProps => ({
  surface,
  card: {
    entity: { id: `e:${surface}`, name: surface, kind: 'person', aliases: [], articleCount: 1 },
    articleCount: 1,
    passages: [],
  } as unknown as EntityCard,
  locale: 'en',
  onClose: vi.fn(),
});
const anchor = { left: 10, top: 10, right: 60, bottom: 30 };
const hosts = () => document.querySelectorAll(HOST_TAG).length;
const cards = () => [
  ...(document.querySelector(HOST_TAG)?.shadowRoot?.querySelectorAll<HTMLElement>('.card') ?? []),
];
/** Shown cards are placed (data-placement); one built ahead is not, which card.css hides. */
const placed = () => cards().map((c) => c.dataset.placement !== undefined);
const shownName = (host: CardHost) =>
  (host.firstFocusable()?.closest('.card') as HTMLElement | null)?.querySelector('.name')?.textContent;

afterEach(() => {
  for (const el of document.querySelectorAll(HOST_TAG)) el.remove();
});

describe('CardHost', () => {
  it('builds a card hidden in the host and reveals that very card when shown', () => {
    const host = new CardHost(document);
    const a = props('拉夫罗夫');
    host.prepare(a);
    expect(hosts()).toBe(1);
    expect(document.querySelector(HOST_TAG)?.parentElement).toBe(document.documentElement);
    const built = cards()[0];
    expect(placed()).toEqual([false]);
    const card = host.show(a, anchor);
    expect(card).toBe(built);
    expect(placed()).toEqual([true]);
    expect(card?.querySelector('.name')?.textContent).toBe('拉夫罗夫');
    expect(card?.style.top).toMatch(/px$/);
    host.destroy();
  });

  it('keeps the card on screen while the next one is built, then swaps it', () => {
    const host = new CardHost(document);
    const a = props('王毅');
    const b = props('普京');
    const shown = host.show(a, anchor);
    host.prepare(b);
    expect(shownName(host)).toBe('王毅');
    expect(placed()).toEqual([true, false]);
    expect(cards()[0]).toBe(shown);
    host.show(b, anchor);
    expect(shownName(host)).toBe('普京');
    expect(placed()).toEqual([true]);
    host.destroy();
  });

  it('drops a card built for a dwell that ended without it, and the host with it when none is shown', () => {
    const host = new CardHost(document);
    const a = props('甲');
    const b = props('乙');
    host.prepare(a);
    host.discard(b); // not the one built: nothing happens
    expect(cards()).toHaveLength(1);
    host.discard(a);
    expect(hosts()).toBe(0);
    // With a card on screen, only the built one goes.
    host.show(a, anchor);
    host.prepare(b);
    host.discard(b);
    expect(hosts()).toBe(1);
    expect(cards()).toHaveLength(1);
    expect(shownName(host)).toBe('甲');
    host.destroy();
  });

  it('keeps the host for a card being built when the one on screen hides', () => {
    const host = new CardHost(document);
    host.show(props('甲'), anchor);
    host.prepare(props('乙'));
    host.hide();
    expect(hosts()).toBe(1);
    expect(placed()).toEqual([false]);
    host.destroy();
    expect(hosts()).toBe(0);
  });

  it('builds at show time what was not prepared, and hides by taking the host out', () => {
    const host = new CardHost(document);
    host.prepare(props('甲'));
    host.show(props('乙'), anchor);
    expect(shownName(host)).toBe('乙');
    host.hide();
    expect(hosts()).toBe(0);
    expect(host.firstFocusable()).toBeNull();
    host.destroy();
  });

  it('places the card below its anchor, above it when there is no room, inside the viewport', () => {
    expect(placeCard(anchor, 300, 200, 1000, 700)).toEqual({ left: 10, top: 36, placement: 'below' });
    expect(placeCard({ left: 900, top: 600, right: 950, bottom: 620 }, 300, 200, 1000, 700)).toEqual({
      left: 650,
      top: 394,
      placement: 'above',
    });
  });
});

describe('CardHost.warm', () => {
  it('prepares in short tasks, once, without putting anything into the page', async () => {
    vi.useFakeTimers();
    try {
      const host = new CardHost(document);
      const timeouts = vi.spyOn(globalThis, 'setTimeout');
      host.warm('zh-CN');
      host.warm('zh-CN');
      await vi.runAllTimersAsync();
      expect(timeouts).toHaveBeenCalledTimes(2); // one task per step, and only for the first call
      expect(hosts()).toBe(0);
      expect(host.show(props('王毅'), anchor)?.querySelector('.name')?.textContent).toBe('王毅');
      host.destroy();
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });

  it('does nothing more once destroyed (the content script was invalidated)', async () => {
    vi.useFakeTimers();
    try {
      const host = new CardHost(document);
      const create = vi.spyOn(document, 'createElement');
      host.warm('zh-CN');
      host.destroy();
      await vi.runAllTimersAsync();
      expect(create).not.toHaveBeenCalled();
      expect(hosts()).toBe(0);
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});
