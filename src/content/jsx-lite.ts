// A DOM-building stand-in for Preact in the content script's build only (wxt.config.ts aliases
// `preact` and `preact/jsx-runtime` to this file for content scripts). Why: the content script runs in
// every frame of every page and renders one component, the hover card (src/ui/Card.tsx), which has no
// state, no hooks and is rendered afresh for each card; Preact's diffing renderer was 10.7 kB of the
// 44 kB bundle (measured with the build's source map), this is ~0.5 kB. Card.tsx stays an ordinary
// Preact component (its tests and the extension pages use real Preact); test/content/jsx-lite.test.tsx
// renders the card with both and compares the DOM. Only what such a component needs is here: elements,
// fragments, text, attributes, `class`, `on*` listeners. Text is always a Text node (never parsed as
// HTML), and an `on*` prop is only ever attached as a listener function, never set as an attribute.

type Child = Node | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component<P> = (props: P) => Node;

// (No `instanceof Node`: a content script's Node need not be the page's, e.g. behind Firefox's Xrays.)
const append = (parent: Node, child: Child): void => {
  if (Array.isArray(child)) for (const c of child) append(parent, c);
  else if (typeof child === 'object' && child !== null) parent.appendChild(child);
  else if (child != null && typeof child !== 'boolean')
    parent.appendChild(document.createTextNode(String(child)));
};

export function Fragment({ children }: { children?: Child }): Node {
  const fragment = document.createDocumentFragment();
  append(fragment, children);
  return fragment;
}

/** The automatic JSX runtime: builds the DOM at once (a component is called with its props). */
export function jsx<P extends Props>(type: string | Component<P>, props: P): Node {
  if (typeof type === 'function') return type(props);
  const el = document.createElement(type);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value == null || value === false) continue;
    if (name.startsWith('on')) {
      if (typeof value === 'function')
        el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else el.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
  }
  append(el, props.children);
  return el;
}
export { jsx as jsxs, jsx as jsxDEV };

/** Preact's `h` for a component and its props (all card-host.ts needs). */
export const h = <P extends Props>(type: Component<P>, props: P): Node => jsx(type, props);

/** Replaces what `parent` shows with `node` (null empties it), as Preact's `render` would. */
export function render(node: Node | null, parent: Element): void {
  if (node) parent.replaceChildren(node);
  else parent.replaceChildren();
}
