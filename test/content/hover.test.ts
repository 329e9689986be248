// @vitest-environment happy-dom
// The hover timing, with fake timers: lookup after the dwell, the card at a constant delay, the grace
// period, the card keeping itself open, fast movement, Esc, a second mark during the grace period.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardHost } from '../../src/content/card-host.ts';
import { HOVER, HoverController } from '../../src/content/hover.ts';
import type { Mark, Marks } from '../../src/content/marks.ts';
import type { EntityCard } from '../../src/messaging.ts';
import type { CardProps } from '../../src/ui/Card.tsx';

/** Two marks side by side on one line: A at x 0–100, B at x 200–300 (y 0–20). */
function setup(locale: () => string = () => 'en', onDwell?: () => void) {
  const mark = (entityId: string, left: number): Mark =>
    ({
      entityId,
      text: entityId,
      brief: { id: entityId, name: entityId, kind: 'person', articleCount: 1 },
      range: {
        getClientRects: () => [new DOMRect(left, 0, 100, 20)],
        getBoundingClientRect: () => new DOMRect(left, 0, 100, 20),
      },
    }) as unknown as Mark;
  const a = mark('A', 0);
  const b = mark('B', 200);
  const marks = {
    shadowRoots: new Set<ShadowRoot>(),
    hitTest: (_node: Node | null, x: number, y: number) =>
      y >= 0 && y <= 20 ? (x >= 0 && x <= 100 ? a : x >= 200 && x <= 300 ? b : null) : null,
  } as unknown as Marks;
  const cardEl = document.createElement('factlens-card');
  const shown: string[] = [];
  const props: CardProps[] = [];
  const host = {
    contains: (n: Node | null) => n === cardEl,
    show: vi.fn((p: CardProps) => {
      shown.push(p.surface);
      props.push(p);
      return null;
    }),
    prepare: vi.fn(),
    discard: vi.fn(),
    warm: vi.fn(),
    hide: vi.fn(),
    activeInside: () => false,
    firstFocusable: () => null,
  } as unknown as CardHost;
  const lookup = vi.fn(
    async (id: string) => ({ entity: { id }, articleCount: 1, passages: [] }) as unknown as EntityCard,
  );
  const hover = new HoverController({ marks, host, lookup, locale, ...(onDwell ? { onDwell } : {}) });
  let now = 1;
  const move = (x: number, y: number, target: EventTarget = document.body, dt = 50) => {
    now += dt;
    hover.onPointerMove({
      clientX: x,
      clientY: y,
      timeStamp: now,
      target,
      pointerType: 'mouse',
    } as unknown as PointerEvent);
  };
  return { hover, host, lookup, shown, props, move, cardEl };
}

describe('HoverController timing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('looks up after the dwell and shows the card at the constant delay', async () => {
    const { lookup, shown, move } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.lookupMs - 10);
    expect(lookup).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20);
    expect(lookup).toHaveBeenCalledWith('A');
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(HOVER.showMs - HOVER.lookupMs);
    expect(shown).toEqual(['A']);
  });

  it('tells of each dwell as it starts, before the lookup (a stopped worker can start loading)', async () => {
    const onDwell = vi.fn();
    const { lookup, move } = setup(undefined, onDwell);
    move(50, 10);
    expect(onDwell).toHaveBeenCalledTimes(1);
    expect(lookup).not.toHaveBeenCalled();
    // Still on the same mark: the same dwell.
    move(52, 10);
    await vi.advanceTimersByTimeAsync(HOVER.lookupMs + 10);
    expect(onDwell).toHaveBeenCalledTimes(1);
    // Another mark, another dwell.
    move(250, 10);
    expect(onDwell).toHaveBeenCalledTimes(2);
  });

  it('shows nothing when the pointer leaves before the delay', async () => {
    const { shown, move } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(200);
    move(150, 10);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown).toEqual([]);
  });

  it('restarts the dwell while the pointer moves fast over a mark', async () => {
    const { shown, move } = setup();
    move(5, 10);
    for (let i = 0; i < 8; i++) {
      await vi.advanceTimersByTimeAsync(100);
      move(i % 2 ? 5 : 95, 10, document.body, 20); // 90 px in 20 ms
    }
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10);
    expect(shown).toEqual(['A']);
  });

  it('shows the card without its passages when the lookup is late, and fills it when they come', async () => {
    const { lookup, props, move } = setup();
    let answer: (card: EntityCard) => void = () => undefined;
    lookup.mockImplementationOnce(() => new Promise<EntityCard>((r) => (answer = r)));
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + HOVER.earlyMs - 10);
    expect(props).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    // On time, from what the mark knows: its name, kind and article count.
    expect(props).toHaveLength(1);
    expect(props[0]).toMatchObject({
      surface: 'A',
      status: 'loading',
      card: { articleCount: 1, passages: [] },
    });
    expect(props[0]?.card.entity).toMatchObject({ id: 'A', name: 'A', kind: 'person', aliases: [] });
    const full = { entity: { id: 'A' }, articleCount: 1, passages: [{ text: 'p' }] } as unknown as EntityCard;
    answer(full);
    await vi.advanceTimersByTimeAsync(0);
    expect(props).toHaveLength(2);
    expect(props[1]).toMatchObject({ surface: 'A', status: undefined });
    expect(props[1]?.card).toBe(full);
  });

  it('waits a moment for a lookup still on its way at the delay (no card that fills a moment later)', async () => {
    const { lookup, props, move } = setup();
    let answer: (card: EntityCard) => void = () => undefined;
    lookup.mockImplementationOnce(() => new Promise<EntityCard>((r) => (answer = r)));
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + HOVER.earlyMs / 2);
    answer({ entity: { id: 'A' }, articleCount: 1, passages: [] } as unknown as EntityCard);
    await vi.advanceTimersByTimeAsync(HOVER.earlyMs);
    expect(props.map((p) => p.status)).toEqual([undefined]);
  });

  it('does not bring back a late card whose pointer has left, nor over the next mark’s', async () => {
    const { lookup, props, move, host } = setup();
    let answer: (card: EntityCard) => void = () => undefined;
    lookup.mockImplementationOnce(() => new Promise<EntityCard>((r) => (answer = r)));
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + HOVER.earlyMs + 10);
    move(250, 10); // onto B: A's card goes after the grace period, B's comes
    await vi.advanceTimersByTimeAsync(HOVER.showMs + HOVER.earlyMs + 10);
    expect(host.hide).toHaveBeenCalledTimes(1);
    expect(props.map((p) => `${p.surface}:${p.status}`)).toEqual(['A:loading', 'B:undefined']);
    answer({ entity: { id: 'A' }, articleCount: 1, passages: [] } as unknown as EntityCard);
    await vi.advanceTimersByTimeAsync(10);
    expect(props.map((p) => `${p.surface}:${p.status}`)).toEqual(['A:loading', 'B:undefined']);
  });

  it('keeps the card for the grace period, and while the pointer is on the card', async () => {
    const { host, move, cardEl } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10);
    move(50, 60); // off the mark
    await vi.advanceTimersByTimeAsync(HOVER.graceMs - 50);
    expect(host.hide).not.toHaveBeenCalled();
    move(60, 80, cardEl); // onto the card
    await vi.advanceTimersByTimeAsync(1_000);
    expect(host.hide).not.toHaveBeenCalled();
    move(600, 600); // off the card
    await vi.advanceTimersByTimeAsync(HOVER.graceMs + 10);
    expect(host.hide).toHaveBeenCalledTimes(1);
  });

  it('moves to another mark: the first card goes after the grace period, the second comes after its delay', async () => {
    const { host, shown, move } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10);
    move(250, 10); // onto B
    await vi.advanceTimersByTimeAsync(HOVER.graceMs + 10);
    expect(host.hide).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(HOVER.showMs - HOVER.graceMs);
    expect(shown).toEqual(['A', 'B']);
  });

  it('asks again when the lookup failed (a worker that died for good after its retries)', async () => {
    const { lookup, shown, move } = setup();
    lookup.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10);
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(shown).toEqual(['A']);
  });

  it('shows what the mark knows, and says so, when the lookup fails twice', async () => {
    const { lookup, props, move } = setup();
    lookup.mockRejectedValueOnce(new Error('worker died')).mockRejectedValueOnce(new Error('worker died'));
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10);
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(props).toHaveLength(1);
    expect(props[0]).toMatchObject({
      surface: 'A',
      status: 'failed',
      card: { articleCount: 1, passages: [] },
    });
  });

  it('turns a card shown early into a failed one when its lookup fails twice', async () => {
    const { lookup, props, move } = setup();
    let fail: (e: Error) => void = () => undefined;
    lookup
      .mockImplementationOnce(() => new Promise<EntityCard>((_resolve, reject) => (fail = reject)))
      .mockRejectedValueOnce(new Error('worker died'));
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + HOVER.earlyMs + 10);
    expect(props.map((p) => p.status)).toEqual(['loading']);
    fail(new Error('worker died'));
    await vi.advanceTimersByTimeAsync(0);
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(props.map((p) => p.status)).toEqual(['loading', 'failed']);
  });

  it('builds the card while the pointer dwells and shows that very card at the delay', async () => {
    const { host, shown, move } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.lookupMs + 10);
    expect(host.prepare).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([]);
    const prepared = vi.mocked(host.prepare).mock.calls[0]?.[0];
    expect(prepared?.surface).toBe('A');
    await vi.advanceTimersByTimeAsync(HOVER.showMs - HOVER.lookupMs);
    expect(shown).toEqual(['A']);
    expect(vi.mocked(host.show).mock.calls[0]?.[0]).toBe(prepared);
  });

  it('builds the card again when the interface language changed during the dwell', async () => {
    let language = 'en';
    const { host, move } = setup(() => language);
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.lookupMs + 10);
    language = 'zh-TW';
    await vi.advanceTimersByTimeAsync(HOVER.showMs - HOVER.lookupMs);
    const prepared = vi.mocked(host.prepare).mock.calls[0]?.[0];
    const shown = vi.mocked(host.show).mock.calls[0]?.[0];
    expect(prepared?.locale).toBe('en');
    expect(shown?.locale).toBe('zh-TW');
    expect(shown).not.toBe(prepared);
  });

  it('drops the card built ahead when the pointer leaves before the delay', async () => {
    const { host, move } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.lookupMs + 10);
    const prepared = vi.mocked(host.prepare).mock.calls[0]?.[0];
    move(150, 10); // off the mark
    expect(host.discard).toHaveBeenCalledWith(prepared);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(host.show).not.toHaveBeenCalled();
  });

  it('does not drop the card built ahead when it is the one shown', async () => {
    const { host, move } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10);
    expect(host.show).toHaveBeenCalledTimes(1);
    // Called after show, which took the prepared card: a discard of it must be harmless, or absent.
    const shownProps = vi.mocked(host.show).mock.calls[0]?.[0];
    const order = vi.mocked(host.discard).mock.invocationCallOrder[0] ?? Number.POSITIVE_INFINITY;
    expect(order).toBeGreaterThan(vi.mocked(host.show).mock.invocationCallOrder[0] as number);
    expect(shownProps).toBe(vi.mocked(host.prepare).mock.calls[0]?.[0]);
  });

  it('builds nothing for a mark the pointer left before the lookup', async () => {
    const { host, move } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.lookupMs - 50);
    move(150, 10);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(host.prepare).not.toHaveBeenCalled();
    expect(host.show).not.toHaveBeenCalled();
  });

  it('builds the next card without touching the one on screen', async () => {
    const { host, shown, move } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10);
    move(250, 10); // onto B: A stays for its grace period while B is built
    await vi.advanceTimersByTimeAsync(HOVER.lookupMs + 10);
    expect(vi.mocked(host.prepare).mock.calls.map((c) => c[0].surface)).toEqual(['A', 'B']);
    expect(shown).toEqual(['A']);
    expect(host.hide).not.toHaveBeenCalled();
  });

  it('counts the dwell from the event’s own time when the browser delivered it late', async () => {
    const { hover, shown } = setup();
    const at = (x: number, timeStamp: number) =>
      hover.onPointerMove({
        clientX: x,
        clientY: 10,
        timeStamp,
        target: document.body,
        pointerType: 'mouse',
      } as unknown as PointerEvent);
    at(50, performance.now() - 30); // delivered 30 ms after the move (one frame and more)
    await vi.advanceTimersByTimeAsync(HOVER.showMs - 40);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(15);
    expect(shown).toEqual(['A']);
  });

  it('ignores an event time that cannot be a delivery delay', async () => {
    const { hover, shown } = setup();
    hover.onPointerMove({
      clientX: 50,
      clientY: 10,
      timeStamp: performance.now() - 5_000,
      target: document.body,
      pointerType: 'mouse',
    } as unknown as PointerEvent);
    await vi.advanceTimersByTimeAsync(HOVER.showMs - 10);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(shown).toEqual(['A']);
  });

  it('closes on Escape', async () => {
    const { hover, host, move } = setup();
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10);
    const stop = vi.fn();
    hover.onKeyDown({ key: 'Escape', stopPropagation: stop } as unknown as KeyboardEvent);
    expect(host.hide).toHaveBeenCalled();
    expect(stop).toHaveBeenCalled();
    expect(hover.shownMark).toBeNull();
  });
});

describe('HoverController keyboard command', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const markA = () =>
    ({
      entityId: 'A',
      text: 'A',
      brief: { id: 'A', name: 'A', kind: 'person', articleCount: 1 },
      range: { getClientRects: () => [new DOMRect(0, 0, 100, 20)] },
    }) as unknown as Mark;

  it('opens the card at once from what the mark knows when the lookup is late, then fills it', async () => {
    const { hover, lookup, props } = setup();
    let answer: (card: EntityCard) => void = () => undefined;
    lookup.mockImplementationOnce(() => new Promise<EntityCard>((r) => (answer = r)));
    const opened = hover.open(markA());
    await vi.advanceTimersByTimeAsync(HOVER.earlyMs + 10);
    expect(props.map((p) => p.status)).toEqual(['loading']);
    const full = { entity: { id: 'A' }, articleCount: 1, passages: [{ text: 'p' }] } as unknown as EntityCard;
    answer(full);
    await vi.advanceTimersByTimeAsync(0);
    expect(props.map((p) => p.status)).toEqual(['loading', undefined]);
    expect(props[1]?.card).toBe(full);
    expect(await opened).toBe(true);
    expect(hover.shownMark?.entityId).toBe('A');
  });

  it('gives focus back to where it was, not to the card shown early, when the card closes', async () => {
    const { hover, lookup, host } = setup();
    const input = document.createElement('input');
    const inCard = document.createElement('button');
    document.body.append(input, inCard);
    input.focus();
    let answer: (card: EntityCard) => void = () => undefined;
    lookup.mockImplementationOnce(() => new Promise<EntityCard>((r) => (answer = r)));
    const opened = hover.open(markA());
    await vi.advanceTimersByTimeAsync(HOVER.earlyMs + 10);
    inCard.focus(); // Tab moved into the card while its passages were loading
    vi.mocked(host.show).mockClear();
    answer({ entity: { id: 'A' }, articleCount: 1, passages: [] } as unknown as EntityCard);
    expect(await opened).toBe(true);
    expect(host.show).toHaveBeenCalledTimes(1);
    (host as { activeInside: () => boolean }).activeInside = () => true;
    hover.hide(true);
    expect(document.activeElement).toBe(input);
    input.remove();
    inCard.remove();
  });

  it('opens the full card straight away when the lookup answers in time', async () => {
    const { hover, props } = setup();
    const opened = hover.open(markA());
    await vi.advanceTimersByTimeAsync(0);
    expect(await opened).toBe(true);
    expect(props.map((p) => p.status)).toEqual([undefined]);
  });
});

describe('HoverController lookup cache', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a lookup that fails after a reset leaves the newer lookup of the same entity cached', async () => {
    const { hover, lookup, move } = setup();
    let failFirst: (e: Error) => void = () => undefined;
    lookup.mockImplementationOnce(() => new Promise<EntityCard>((_resolve, reject) => (failFirst = reject)));
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.lookupMs + 10); // first lookup of A, still pending
    hover.reset(); // e.g. the corpus changed: the cache starts afresh
    move(400, 10);
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10); // second lookup of A answers, card shown
    expect(lookup).toHaveBeenCalledTimes(2);
    failFirst(new Error('worker died'));
    await vi.advanceTimersByTimeAsync(0);
    hover.hide(false);
    move(400, 10);
    move(50, 10);
    await vi.advanceTimersByTimeAsync(HOVER.showMs + 10);
    expect(lookup).toHaveBeenCalledTimes(2); // the failed old lookup did not evict the new entry
  });
});
