// Shared fast-check generators for the fuzz suites: hostile text (surrogate pairs, lone surrogates,
// combining marks, zero-width and bidi controls, right-to-left scripts, odd spaces, full-width forms)
// salted with the aliases under test, and random DOM trees (block, inline and skipped elements,
// hidden/editable attributes, open and closed shadow roots, deep chains, huge text nodes) built with
// the plain DOM API so the same tree can be made in happy-dom and in linkedom.
import fc from 'fast-check';

/** How many cases each property runs: 300 in `npm test`, 10,000 in `npm run fuzz`. */
export const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 300) || 300);

/** Aliases the matcher is built from in the fuzz suites (both scripts, English, diacritics, caps). */
export const ALIASES: readonly string[] = [
  '拉夫罗夫',
  '拉夫羅夫',
  '王毅',
  '习近平',
  '習近平',
  '北约',
  '北約',
  '普丁',
  '西伯利亚力量',
  'Sergei Lavrov',
  'Lavrov',
  'Wang Yi',
  'Xi Jinping',
  'NATO',
  'Müller',
  "O'Brien",
  'Jean-Luc',
];

/** Pieces of hostile text. */
const ODD: readonly string[] = [
  '\u{20BB7}', // 𠮷, a surrogate pair
  '\u{1F600}',
  '\u{1F469}\u200D\u{1F4BB}', // ZWJ emoji sequence
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  'e\u0301',
  '\u0301',
  '\u0308\u0308',
  '\u200B',
  '\u200C',
  '\u200D',
  '\uFEFF',
  '\u00AD',
  '\u202E',
  '\u202C',
  '\u2066',
  'שלום',
  'مرحبا',
  '\u00A0',
  '\u3000',
  '  ',
  '\t',
  '\n',
  'ＮＡＴＯ',
  'nato',
  'Nato',
  '·',
  '‧',
  '’s',
  "'s",
  'Xi’an',
  'Wang Yibo',
  '四川普通話',
  '。',
  '，',
  '<',
  '&amp;',
  '\u0000',
];

const WORDS: readonly string[] = [
  '会见',
  '訪問',
  '北京',
  '外长',
  'said',
  'the',
  'met',
  'in',
  'Moscow',
  '李',
  '輝',
];

/** A short piece of text: an alias (sometimes case- or width-mangled), a hostile piece, a word. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ALIASES) },
  { weight: 1, arbitrary: fc.constantFrom(...ALIASES).map((a) => a.toUpperCase()) },
  { weight: 1, arbitrary: fc.constantFrom(...ALIASES).map((a) => a.toLowerCase()) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 4 }) },
);

/** A text made of pieces; now and then a huge one (tens of thousands of units). */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 80, arbitrary: fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.integer({ min: 500, max: 2_000 }))
      .map(([xs, times]) => xs.join('').repeat(times).slice(0, 20_000)),
  },
);

export const BLOCK_TAGS = ['div', 'p', 'li', 'section', 'h2', 'td', 'blockquote', 'article', 'br'] as const;
export const INLINE_TAGS = [
  'span',
  'b',
  'a',
  'em',
  'i',
  'strong',
  'small',
  'ruby',
  'sub',
  'bdi',
  'bdo',
] as const;
export const SKIPPED_TAGS = [
  'script',
  'style',
  'pre',
  'code',
  'textarea',
  'button',
  'rt',
  'noscript',
  'template',
  'svg',
  'factlens-card',
] as const;

/** A DOM tree description, built into a real DOM by `build`. */
export type TreeSpec =
  | { t: 'text'; data: string }
  | { t: 'comment'; data: string }
  | {
      t: 'el';
      tag: string;
      attr: 'none' | 'hidden' | 'aria-hidden' | 'contenteditable' | 'contenteditable-false' | 'dir-rtl';
      shadow: 'none' | 'open' | 'closed';
      shadowKids: TreeSpec[];
      kids: TreeSpec[];
    }
  | { t: 'chain'; tag: string; depth: number; leaf: string };

const attr = fc.constantFrom(
  'none',
  'none',
  'none',
  'none',
  'none',
  'none',
  'hidden',
  'aria-hidden',
  'contenteditable',
  'contenteditable-false',
  'dir-rtl',
) as fc.Arbitrary<'none'>;

const tag = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BLOCK_TAGS) },
  { weight: 5, arbitrary: fc.constantFrom(...INLINE_TAGS) },
  { weight: 1, arbitrary: fc.constantFrom(...SKIPPED_TAGS) },
);

export const tree: fc.Arbitrary<TreeSpec[]> = fc.letrec<{ node: TreeSpec; nodes: TreeSpec[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: text.map((data): TreeSpec => ({ t: 'text', data })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }).map((data): TreeSpec => ({ t: 'comment', data })) },
    {
      weight: 4,
      arbitrary: fc
        .record({
          tag,
          attr,
          shadow: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'open', 'closed'),
          shadowKids: tie('nodes'),
          kids: tie('nodes'),
        })
        .map((r): TreeSpec => ({ t: 'el', ...(r as Omit<Extract<TreeSpec, { t: 'el' }>, 't'>) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          tag: fc.constantFrom('div', 'span', 'b'),
          depth: fc.integer({ min: 30, max: 600 }),
          leaf: text,
        })
        .map((r): TreeSpec => ({ t: 'chain', ...r })),
    },
  ),
  nodes: fc.array(tie('node'), { maxLength: 5 }),
})).nodes;

/** Builds the described nodes under `parent`; returns the closed shadow roots made (the page could reach them). */
export function build(
  doc: Document,
  parent: Node,
  specs: readonly TreeSpec[],
  closed: ShadowRoot[] = [],
): ShadowRoot[] {
  for (const spec of specs) {
    if (spec.t === 'text') parent.appendChild(doc.createTextNode(spec.data));
    else if (spec.t === 'comment') parent.appendChild(doc.createComment(spec.data));
    else if (spec.t === 'chain') {
      let at: Node = parent;
      for (let i = 0; i < spec.depth; i++) at = at.appendChild(doc.createElement(spec.tag));
      at.appendChild(doc.createTextNode(spec.leaf));
    } else {
      const el = doc.createElement(spec.tag);
      if (spec.attr === 'hidden') el.setAttribute('hidden', '');
      else if (spec.attr === 'aria-hidden') el.setAttribute('aria-hidden', 'true');
      else if (spec.attr === 'contenteditable') el.setAttribute('contenteditable', 'true');
      else if (spec.attr === 'contenteditable-false') el.setAttribute('contenteditable', 'false');
      else if (spec.attr === 'dir-rtl') el.setAttribute('dir', 'rtl');
      parent.appendChild(el);
      const canShadow =
        spec.shadow !== 'none' &&
        typeof (el as Element & { attachShadow?: unknown }).attachShadow === 'function' &&
        ['div', 'span', 'section', 'article', 'p', 'blockquote', 'h2'].includes(spec.tag);
      if (canShadow) {
        const root = el.attachShadow({ mode: spec.shadow === 'open' ? 'open' : 'closed' });
        if (spec.shadow === 'closed') closed.push(root);
        build(doc, root, spec.shadowKids, closed);
      }
      build(doc, el, spec.kids, closed);
    }
  }
  return closed;
}

/** A mutation applied to a built tree, by indices into its text nodes / elements (taken modulo). */
export type Mutation =
  | { m: 'setData'; at: number; data: string }
  | { m: 'remove'; at: number }
  | { m: 'insertText'; at: number; data: string }
  | { m: 'wrap'; at: number; tag: string }
  | { m: 'split'; at: number; offset: number }
  | { m: 'normalize' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ m: fc.constant('setData' as const), at: fc.nat(), data: text }),
  fc.record({ m: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ m: fc.constant('insertText' as const), at: fc.nat(), data: text }),
  fc.record({ m: fc.constant('wrap' as const), at: fc.nat(), tag }),
  fc.record({ m: fc.constant('split' as const), at: fc.nat(), offset: fc.nat() }),
  fc.record({ m: fc.constant('normalize' as const) }),
);

/** Every node of the light tree under `root`, in document order (iteratively: chains are deep). */
export function nodesUnder(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    out.push(node);
    const kids: Node[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  return out;
}

/** Applies one mutation (a no-op when the tree has nothing it applies to). */
export function applyMutation(doc: Document, root: Node, mu: Mutation): void {
  const all = nodesUnder(root).filter((n) => n !== root);
  const texts = all.filter((n): n is Text => n.nodeType === 3);
  switch (mu.m) {
    case 'setData': {
      const t = texts[mu.at % Math.max(1, texts.length)];
      if (t) t.data = mu.data;
      return;
    }
    case 'remove': {
      const n = all[mu.at % Math.max(1, all.length)];
      n?.parentNode?.removeChild(n);
      return;
    }
    case 'insertText': {
      const n = all[mu.at % Math.max(1, all.length)] ?? root;
      n.parentNode?.insertBefore(doc.createTextNode(mu.data), n);
      return;
    }
    case 'wrap': {
      const n = all[mu.at % Math.max(1, all.length)];
      if (!n?.parentNode) return;
      const el = doc.createElement(mu.tag);
      n.parentNode.replaceChild(el, n);
      el.appendChild(n);
      return;
    }
    case 'split': {
      const t = texts[mu.at % Math.max(1, texts.length)];
      if (t && t.data.length > 0) t.splitText(mu.offset % (t.data.length + 1));
      return;
    }
    case 'normalize':
      (root as Element).normalize?.();
      return;
  }
}
