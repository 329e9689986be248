// Our UI host: a `factlens-card` element with an open shadow root, appended to <html> (never inside
// the page's body text) only while a card is shown. `all: initial` keeps the page's styles out.
import { h, render } from 'preact';
import { CARD_CSS, Card, type CardProps } from '../ui/Card.tsx';

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
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;

  constructor(private readonly doc: Document = document) {}

  get element(): HTMLElement | null {
    return this.host?.isConnected ? this.host : null;
  }

  get visible(): boolean {
    return this.element !== null;
  }

  contains(node: Node | null): boolean {
    return !!node && !!this.host && (node === this.host || this.host.contains(node));
  }

  private ensure(): { host: HTMLElement; mount: HTMLElement; shadow: ShadowRoot } {
    if (!this.host || !this.shadow || !this.mount) {
      const host = this.doc.createElement(HOST_TAG);
      host.setAttribute(
        'style',
        'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; ' +
          'width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; ' +
          'margin: 0 !important; padding: 0 !important; border: 0 !important; overflow: visible !important;',
      );
      // A manual popover renders in the top layer: above the page's own stacking contexts and above a
      // fullscreen element, wherever the host sits in the DOM.
      if ('showPopover' in host) host.setAttribute('popover', 'manual');
      const shadow = host.attachShadow({ mode: 'open' });
      const style = this.doc.createElement('style');
      style.textContent = CARD_CSS;
      const mount = this.doc.createElement('div');
      shadow.append(style, mount);
      this.host = host;
      this.shadow = shadow;
      this.mount = mount;
    }
    const host = this.host;
    // Appended to <html>, after <body>: outside the page's text and its layout.
    if (!host.isConnected) this.doc.documentElement.append(host);
    if (host.hasAttribute('popover') && !host.matches(':popover-open')) {
      try {
        host.showPopover();
      } catch {
        // not in the top layer: z-index still applies
      }
    }
    return { host, mount: this.mount, shadow: this.shadow };
  }

  show(props: CardProps, anchor: Anchor): HTMLElement | null {
    const { mount } = this.ensure();
    render(h(Card, props), mount);
    const card = mount.firstElementChild as HTMLElement | null;
    if (!card) return null;
    const view = this.doc.defaultView;
    const vw = this.doc.documentElement.clientWidth || view?.innerWidth || 800;
    const vh = view?.innerHeight || this.doc.documentElement.clientHeight || 600;
    const { left, top, placement } = placeCard(anchor, card.offsetWidth, card.offsetHeight, vw, vh);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
    card.dataset.placement = placement;
    return card;
  }

  hide(): void {
    if (this.mount) render(null, this.mount);
    if (this.host?.matches(':popover-open')) this.host.hidePopover();
    this.host?.remove();
  }

  /** The first focusable element of the card (for Tab into the card). */
  firstFocusable(): HTMLElement | null {
    return this.shadow?.querySelector<HTMLElement>('a[href], button') ?? null;
  }

  activeInside(): boolean {
    return !!this.shadow?.activeElement;
  }

  destroy(): void {
    this.hide();
    this.host = null;
    this.shadow = null;
    this.mount = null;
  }
}
