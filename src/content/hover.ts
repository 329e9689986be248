// Hover: which mark is under the pointer, and when to show its card. Timing after the best hover
// cards (Wikipedia Page Previews, 10ten): the lookup starts after HOVER.lookupMs of dwell, the card
// shows at HOVER.showMs (constant), stays HOVER.graceMs after the pointer leaves unless it enters the
// card, never while the pointer moves fast; Esc closes it.
// The card is built while the pointer dwells (as soon as the lookup answers, off the page), so at
// HOVER.showMs only the host is attached and placed: building it at show time cost ~20–60 ms after
// the delay (the first Intl.DateTimeFormat of a page alone takes ~20 ms; bench/page.ts hoverToCard).
// The first-card costs are paid when the pointer first reaches a mark (CardHost.warm, short tasks),
// so building a card during the dwell is a task of a few ms, not one of 25+ ms.
import type { EntityCard } from '../messaging.ts';
import type { CardProps, CardStatus } from '../ui/Card.tsx';
import type { CardHost } from './card-host.ts';
import { liveRange, type Mark, type Marks } from './marks.ts';

export const HOVER = {
  lookupMs: 150,
  showMs: 350,
  graceMs: 300,
  /** Faster than this (px per ms, smoothed) counts as passing through, not reading. */
  fastPxPerMs: 1.2,
  /**
   * At the show delay, how much longer a lookup may take before the card shows without its passages
   * (and gets them when they come): a lookup on a warm worker answers in a few ms, so a short delay
   * (the hover-delay option) never flashes a card that fills a moment later.
   */
  earlyMs: 60,
  /** The most a pointer event's delivery delay may take off the dwell (see startPending). */
  maxInputDelayMs: 100,
} as const;

export interface HoverOptions {
  marks: Marks;
  host: CardHost;
  lookup: (entityId: string) => Promise<EntityCard | null>;
  locale: () => string;
  onMore?: (entityId: string) => void;
  /** The dwell before the card shows, in ms (the hover-delay option); HOVER.showMs when absent. */
  showDelayMs?: () => number;
  /**
   * Told when a dwell starts, before the lookup (HOVER.lookupMs later): a stopped worker can start
   * loading what the card needs meanwhile.
   */
  onDwell?: () => void;
}

type CaretPosition = { offsetNode: Node; offset: number };

/** A dwell in progress: its mark, its timers, the lookup once started and the card once built. */
interface Pending {
  mark: Mark;
  timers: number[];
  lookup?: Promise<EntityCard | null>;
  /** The lookup has answered (a card or null). */
  settled?: boolean;
  props?: CardProps;
}

/** The Text node and offset under a viewport point. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): CaretPosition | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      o?: { shadowRoots?: ShadowRoot[] },
    ) => CaretPosition | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    // Open shadow roots holding marks are passed, so the caret may land inside them.
    const p =
      shadowRoots.length > 0
        ? d.caretPositionFromPoint(x, y, { shadowRoots })
        : d.caretPositionFromPoint(x, y);
    return p ? { offsetNode: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { offsetNode: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

export class HoverController {
  #current: Mark | null = null;
  #pending: Pending | null = null;
  #shown: Mark | null = null;
  #graceTimer: number | undefined;
  #inCard = false;
  #last = { x: 0, y: 0, t: 0, speed: 0 };
  #keyboardOpened = false;
  #cache = new Map<string, Promise<EntityCard | null>>();
  #lastFocus: HTMLElement | null = null;

  readonly #opts: HoverOptions;

  constructor(opts: HoverOptions) {
    this.#opts = opts;
  }

  get shownMark(): Mark | null {
    return this.#shown;
  }

  #cardFor(entityId: string): Promise<EntityCard | null> {
    let p = this.#cache.get(entityId);
    if (!p) {
      const lookup: Promise<EntityCard | null> = this.#opts.lookup(entityId).catch(() => {
        // Only this lookup's own entry goes (a reset may have put a newer one there).
        if (this.#cache.get(entityId) === lookup) this.#cache.delete(entityId);
        return null;
      });
      p = lookup;
      this.#cache.set(entityId, p);
    }
    return p;
  }

  readonly onPointerMove = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
    const t = e.timeStamp;
    const dt = Math.max(1, t - this.#last.t);
    const dist = Math.hypot(e.clientX - this.#last.x, e.clientY - this.#last.y);
    const speed = this.#last.t === 0 ? 0 : 0.5 * this.#last.speed + 0.5 * (dist / dt);
    this.#last = { x: e.clientX, y: e.clientY, t, speed };
    if (this.#opts.host.contains(e.target as Node)) {
      this.#enterCard();
      return;
    }
    if (this.#inCard) this.#leaveCard();
    const doc = (e.target as Node | null)?.ownerDocument ?? document;
    const caret = caretAt(doc, e.clientX, e.clientY, [...this.#opts.marks.shadowRoots]);
    const mark = this.#opts.marks.hitTest(caret?.offsetNode ?? null, e.clientX, e.clientY);
    const fast = speed > HOVER.fastPxPerMs;
    if (mark !== this.#current) {
      this.#current = mark;
      this.#cancelPending();
      if (mark && mark === this.#shown) {
        this.#cancelGrace();
      } else {
        if (this.#shown) this.#startGrace();
        if (mark) this.#startPending(mark, t);
      }
    } else if (mark && mark !== this.#shown && fast) {
      // Still over the same mark but moving fast: the dwell starts again from here. (When the
      // pointer stops, no event follows: the restarted timers then run out and show the card.)
      this.#cancelPending();
      this.#startPending(mark, t);
    }
  };

  readonly onPointerLeaveDocument = (): void => {
    this.#current = null;
    this.#cancelPending();
    if (this.#shown && !this.#inCard) this.#startGrace();
  };

  readonly onKeyDown = (e: KeyboardEvent): void => {
    if (!this.#shown) return;
    if (e.key === 'Escape') {
      this.hide(true);
      e.stopPropagation();
      return;
    }
    if (e.key === 'Tab' && this.#keyboardOpened && !this.#opts.host.activeInside()) {
      const first = this.#opts.host.firstFocusable();
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  readonly onScroll = (): void => {
    if (this.#shown && !this.#inCard && !this.#opts.host.activeInside()) this.hide(false);
  };

  #enterCard(): void {
    this.#inCard = true;
    this.#current = null;
    this.#cancelPending();
    this.#cancelGrace();
  }

  #leaveCard(): void {
    this.#inCard = false;
    if (this.#shown) this.#startGrace();
  }

  /**
   * Starts the dwell on `mark`, counted from `since`, the pointer event's own time: browsers dispatch
   * pointermove with the next animation frame, up to ~17 ms after the move (more on a busy page), and
   * the delay is meant from when the pointer stopped, not from when the event reached us.
   */
  #startPending(mark: Mark, since?: number): void {
    const pending: Pending = { mark, timers: [] };
    this.#pending = pending;
    this.#opts.host.warm(this.#opts.locale());
    this.#opts.onDwell?.();
    const late = since === undefined ? 0 : performance.now() - since;
    // Only a plausible delivery delay counts (a clock that disagrees, e.g. in tests, counts as none).
    const elapsed = late > 0 && late < HOVER.maxInputDelayMs ? late : 0;
    const showMs = Math.max(0, (this.#opts.showDelayMs?.() ?? HOVER.showMs) - elapsed);
    pending.timers.push(
      window.setTimeout(
        () => {
          const lookup = this.#cardFor(mark.entityId);
          pending.lookup = lookup;
          // Build the card while the pointer still dwells (not when the delay is already over).
          void lookup.then((card) => {
            pending.settled = true;
            if (card && this.#pending === pending && !pending.props) {
              pending.props = this.#propsFor(mark, card);
              this.#opts.host.prepare(pending.props);
            }
          });
        },
        Math.max(0, Math.min(HOVER.lookupMs - elapsed, showMs)),
      ),
      window.setTimeout(
        () =>
          void this.#present(
            mark,
            false,
            pending.lookup ?? this.#cardFor(mark.entityId),
            pending.settled,
            () => this.#pending === pending,
            pending,
          ),
        showMs,
      ),
    );
  }

  /**
   * Shows the card of `mark` when `lookup` answers. Not answered within HOVER.earlyMs (a worker that
   * was stopped reads the articles first, ~0.3–0.5 s): the card shows at once with what the mark
   * knows, and again with its passages when they come, or says they could not be had. `wanted`: the
   * card is still wanted (the pointer still dwells). Resolves once the card is final; false when
   * nothing was shown.
   */
  async #present(
    mark: Mark,
    keyboard: boolean,
    lookup: Promise<EntityCard | null>,
    settled: boolean | undefined,
    wanted: () => boolean,
    pending?: Pending,
  ): Promise<boolean> {
    const early =
      !settled &&
      (await Promise.race([
        lookup.then(() => false),
        new Promise<boolean>((r) => setTimeout(r, HOVER.earlyMs, true)),
      ]));
    // The brief's fields are an entity's, but for the aliases (the full card lists them).
    const brief: EntityCard = {
      entity: { ...mark.brief, aliases: [] },
      articleCount: mark.brief.articleCount,
      passages: [],
    };
    if (early) {
      if (!wanted()) return false;
      this.#cancelPending();
      this.show(mark, brief, keyboard, undefined, 'loading');
    }
    // Still this card (once shown early), or still wanted.
    const current = () => (early ? this.#shown === mark : wanted());
    let card = await lookup;
    // The lookup failed (not "unknown entity": failures leave the cache): ask once more.
    if (!card && current() && !this.#cache.has(mark.entityId)) card = await this.#cardFor(mark.entityId);
    if (!current()) return early;
    this.show(mark, card ?? brief, keyboard, pending?.props, card ? undefined : 'failed');
    // After show, which took the card built ahead. (A card shown early may be on screen while the
    // pointer dwells on the next mark: that dwell stays.)
    if (!early) this.#cancelPending();
    return true;
  }

  /** What the card for `mark` shows; the same object is prepared and later shown. */
  #propsFor(mark: Mark, card: EntityCard, status?: CardStatus): CardProps {
    const onMore = this.#opts.onMore;
    return {
      surface: mark.text,
      card,
      status,
      locale: this.#opts.locale(),
      onClose: () => this.hide(true),
      onMore: onMore ? () => onMore(mark.entityId) : undefined,
    };
  }

  #cancelPending(): void {
    const pending = this.#pending;
    if (!pending) return;
    for (const t of pending.timers) clearTimeout(t);
    this.#pending = null;
    // Its card, built ahead in the host (hidden), goes too.
    if (pending.props) this.#opts.host.discard(pending.props);
  }

  #startGrace(): void {
    if (this.#graceTimer !== undefined) return;
    this.#graceTimer = window.setTimeout(() => {
      this.#graceTimer = undefined;
      // Only the card goes: a dwell on another mark (pending) carries on.
      if (!this.#inCard && this.#current !== this.#shown) this.#hideCard(false);
    }, HOVER.graceMs);
  }

  #cancelGrace(): void {
    clearTimeout(this.#graceTimer);
    this.#graceTimer = undefined;
  }

  #anchorFor(mark: Mark) {
    const range = liveRange(mark.range);
    const rects = range ? Array.from(range.getClientRects()) : [];
    const { x, y } = this.#last;
    const under = rects.find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    return under ?? rects[0] ?? range?.getBoundingClientRect() ?? new DOMRect(x, y, 0, 0);
  }

  /** Shows the card for `mark`; `prepared` (from the dwell) is used when it still fits. */
  show(mark: Mark, card: EntityCard, keyboard: boolean, prepared?: CardProps, status?: CardStatus): void {
    this.#cancelGrace();
    // A card shown again for the same mark (its passages came): focus inside it stays inside.
    const again = this.#shown === mark;
    const refocus = again && this.#opts.host.activeInside();
    // Where focus goes back to on Esc: where it was before the first card for this command, not
    // inside the card shown early (the reader may have moved into it).
    if (keyboard && !(again && this.#keyboardOpened))
      this.#lastFocus = document.activeElement as HTMLElement | null;
    this.#shown = mark;
    this.#keyboardOpened = keyboard;
    const fits = prepared && prepared.card === card && prepared.locale === this.#opts.locale();
    this.#opts.host.show(fits ? prepared : this.#propsFor(mark, card, status), this.#anchorFor(mark));
    if (refocus) this.#opts.host.firstFocusable()?.focus();
  }

  /**
   * Opens the card for a mark at once (the keyboard command). Resolves once the card is final (with its
   * passages, or saying they could not be had): true when a card was shown.
   */
  open(mark: Mark): Promise<boolean> {
    return this.#present(mark, true, this.#cardFor(mark.entityId), false, () => true);
  }

  /** Closes the card and forgets any dwell in progress. */
  hide(restoreFocus: boolean): void {
    this.#cancelPending();
    this.#hideCard(restoreFocus);
  }

  #hideCard(restoreFocus: boolean): void {
    const hadFocus = this.#opts.host.activeInside();
    this.#cancelGrace();
    this.#shown = null;
    this.#inCard = false;
    this.#keyboardOpened = false;
    this.#opts.host.hide();
    if (restoreFocus && hadFocus) this.#lastFocus?.focus?.();
    this.#lastFocus = null;
  }

  reset(): void {
    this.hide(false);
    this.#current = null;
    this.#cache.clear();
  }
}
