// Our UI host: a `factlens-card` element with an open shadow root, appended to <html> (never inside
// the page's body text) only while a card is shown or built for a dwell. `all: initial` keeps the
// page's styles out. A card can be built ahead (`prepare`, while the pointer dwells) in its own
// container, laid out in the host but hidden, so the card on screen is never touched before the next
// one is due; `show` then only places and reveals it.
// What only the page's first card pays for (the host and its stylesheet, the first
// Intl.DateTimeFormat: ~20–30 ms together in Chromium) is done ahead too, by `warm`, in short tasks.
// The fonts are resolved when the first card is laid out ahead, in the frame after `prepare` (a
// canvas warm-up of them was dropped for the bytes that building ahead needed).
// In the content script's build `preact` is src/content/jsx-lite.ts (see wxt.config.ts).
import { h, render } from 'preact';
import { CARD_CSS, Card, type CardProps } from '../ui/Card.tsx';
import { formatDate } from '../ui/card-model.ts';

export const HOST_TAG = 'factlens-card';

export interface Anchor {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a card of size w×h goes for an anchor box in a vw×vh viewport: below, else above; flipped left. */
export function placeCard(
  anchor: Anchor,
  w: number,
  h: number,
  vw: number,
  vh: number,
  gap = 6,
  margin = 8,
): { left: number; top: number; placement: 'below' | 'above' } {
  let top = anchor.bottom + gap;
  let placement: 'below' | 'above' = 'below';
  if (top + h > vh - margin && anchor.top - gap - h >= margin) {
    top = anchor.top - gap - h;
    placement = 'above';
  }
  top = Math.max(margin, Math.min(top, vh - margin - h));
  let left = anchor.left;
  if (left + w > vw - margin) left = anchor.right - w;
  left = Math.max(margin, Math.min(left, vw - margin - w));
  return { left: Math.round(left), top: Math.round(top), placement };
}

export class CardHost {
  #host: HTMLElement | null = null;
  #shadow: ShadowRoot | null = null;
  /** The container of the card on screen (one per card, inside the shadow root). */
  #mount: HTMLElement | null = null;
  /** A card built ahead of its showing, off the page. */
  #prepared: { props: CardProps; box: HTMLElement } | null = null;
  #warmed = false;
  /** Set by destroy(): warm-up steps still queued then do nothing. */
  #destroyed = false;

  readonly #doc: Document;

  constructor(doc: Document = document) {
    this.#doc = doc;
  }

  contains(node: Node | null): boolean {
    return !!node && !!this.#host && (node === this.#host || this.#host.contains(node));
  }

  #ensure(): { host: HTMLElement; shadow: ShadowRoot } {
    if (!this.#host || !this.#shadow) {
      const host = this.#doc.createElement(HOST_TAG);
      // `all: initial` (inline and important: no page rule can override it) already zeroes margin,
      // padding and border and leaves overflow visible, popover's UA styles included.
      host.setAttribute(
        'style',
        'all:initial!important;position:fixed!important;top:0!important;left:0!important;' +
          'width:0!important;height:0!important;z-index:2147483647!important;display:block!important',
      );
      // A manual popover renders in the top layer: above the page's own stacking contexts and above a
      // fullscreen element, wherever the host sits in the DOM.
      if ('showPopover' in host) host.setAttribute('popover', 'manual');
      const shadow = host.attachShadow({ mode: 'open' });
      try {
        // A constructed sheet is parsed here, while the pointer dwells, not when the host is attached.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CARD_CSS);
        shadow.adoptedStyleSheets = [sheet];
        // (A content script's array may not reach the page's DOM in every engine: then a <style>.)
        if (shadow.adoptedStyleSheets.length !== 1) throw Error('not adopted');
      } catch {
        const style = this.#doc.createElement('style');
        style.textContent = CARD_CSS;
        shadow.append(style);
      }
      this.#host = host;
      this.#shadow = shadow;
    }
    return { host: this.#host, shadow: this.#shadow };
  }

  /**
   * Does, once, what the page's first card would otherwise pay for when it is built: the host and its
   * parsed stylesheet, the date format for `locale`. One step per task (none long), so it
   * can start when the pointer first reaches a mark. Each step is only an optimisation.
   */
  warm(locale: string): void {
    if (this.#warmed) return;
    this.#warmed = true;
    const steps = [() => this.#ensure(), () => formatDate('2024-01-01', locale)];
    const next = () => {
      if (this.#destroyed) return;
      try {
        steps.shift()?.();
      } catch {
        // a browser without one of these: the card is simply built without the head start
      }
      if (steps.length > 0) setTimeout(next, 0);
    };
    setTimeout(next, 0);
  }

  /**
   * Builds the card for `props` ahead of its showing (while the pointer dwells) and lays it out in the
   * host, hidden, so that `show` only places and reveals it: laid out when shown, the card cost
   * 10–15 ms at the delay (bench:page's 100 KB article in Chromium: its style, layout and the top
   * layer's update), then the next frame.
   */
  prepare(props: CardProps): void {
    if (this.#prepared?.props === props) return;
    this.#drop();
    const box = this.#doc.createElement('div');
    render(h(Card, props), box);
    // Hidden until `show` places it (card.css: a card without data-placement). Not laid out here: the
    // next frame lays it out (no forced layout, so this task stays short; with one, the first card of
    // a fresh tab made it a 50–62 ms task).
    this.#attach().append(box);
    this.#prepared = { props, box };
  }

  /** Drops the card built for `props` (the pointer left before its delay); the host goes if no card is shown. */
  discard(props: CardProps): void {
    if (this.#prepared?.props !== props) return;
    this.#drop();
    if (!this.#mount) this.#detach();
  }

  show(props: CardProps, anchor: Anchor): HTMLElement | null {
    this.prepare(props);
    const box = (this.#prepared as { box: HTMLElement }).box;
    this.#prepared = null;
    this.#unmount();
    this.#mount = box;
    this.#attach(); // (a hide in between took the host out)
    const card = box.firstElementChild as HTMLElement | null;
    if (!card) return null;
    const view = this.#doc.defaultView;
    const vw = this.#doc.documentElement.clientWidth || view?.innerWidth || 800;
    const vh = view?.innerHeight || this.#doc.documentElement.clientHeight || 600;
    const { left, top, placement } = placeCard(anchor, card.offsetWidth, card.offsetHeight, vw, vh);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
    card.dataset.placement = placement;
    return card;
  }

  /** The host on the page (appended to <html>, after <body>: outside the page's text and its layout). */
  #attach(): ShadowRoot {
    const { host, shadow } = this.#ensure();
    if (!host.isConnected) this.#doc.documentElement.append(host);
    if (host.hasAttribute('popover') && !host.matches(':popover-open')) {
      try {
        host.showPopover();
      } catch {
        // not in the top layer: z-index still applies
      }
    }
    return shadow;
  }

  #detach(): void {
    if (this.#host?.matches(':popover-open')) this.#host.hidePopover();
    this.#host?.remove();
  }

  #drop(): void {
    const box = this.#prepared?.box;
    this.#prepared = null;
    if (!box) return;
    render(null, box);
    box.remove();
  }

  #unmount(): void {
    if (!this.#mount) return;
    render(null, this.#mount);
    this.#mount.remove();
    this.#mount = null;
  }

  /** Takes the card on screen away, and the host with it unless a card is being prepared. */
  hide(): void {
    this.#unmount();
    if (!this.#prepared) this.#detach();
  }

  /** The first focusable element of the card (for Tab into the card). */
  firstFocusable(): HTMLElement | null {
    return this.#mount?.querySelector<HTMLElement>('a[href], button') ?? null;
  }

  activeInside(): boolean {
    return !!this.#shadow?.activeElement;
  }

  destroy(): void {
    this.#destroyed = true;
    this.#drop();
    this.hide();
    this.#host = null;
    this.#shadow = null;
  }
}
