// WXT configuration: one manifest for Chrome (MV3) and Firefox (MV2), Preact through its Vite preset.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Alias } from 'vite';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);

/**
 * The content script's build only. It runs in every frame of every page, so its size is a tracked
 * figure (issue #4, bench/page.ts): it was 64.2 kB minified, of which (source-map analysis) Preact
 * 11.0 kB, webextension-polyfill 9.6 kB, @wxt-dev/storage 8.9 kB with superlock, @webext-core/
 * messaging 3.0 kB with its error serialiser. Everywhere else these stay; in the content script:
 * - `wxt/browser` is WXT's own `browser` (the native `browser` in Firefox, `chrome` in Chrome): what
 *   it calls (storage.local get/set/onChanged, runtime.id; the messaging uses `chrome.*` with
 *   callbacks itself) is promise-based natively in Chrome MV3 and Firefox, so the polyfill buys nothing;
 * - `@wxt-dev/storage` is src/content/storage-lite.ts: the same `storage.defineItem` for getValue/
 *   setValue/watch, so the `*Item` definitions stay the one source of keys and defaults;
 * - `@webext-core/messaging` is src/content/messaging-lite.ts: the same wire format, while
 *   src/messaging.ts stays the one typed contract;
 * - `preact` (and its JSX runtimes) is src/content/jsx-lite.ts: the content script renders one
 *   stateless component, the hover card (src/ui/Card.tsx, still a Preact component), so it builds
 *   the card's DOM directly;
 * - WXT's `ContentScriptContext`, which its entry wrapper hands to main(), is src/content/
 *   context-lite.ts: the four members the content script uses (2.3 kB → ~0.6 kB).
 * Each stand-in has a test that runs it against the real package (test/content/*-lite.test.*).
 * Not done: loading the card's code lazily. A module a content script imports must be a
 * web_accessible_resource, fetchable by every page (so any site could detect Factlens), Chrome's
 * `use_dynamic_url` breaks exactly this import (crbug.com/363027634), and addons-linter flags
 * `import(runtime.getURL(…))` as unsafe.
 */
const CONTENT_ALIASES: Alias[] = [
  { find: /^wxt\/browser$/, replacement: require.resolve('wxt/browser') },
  {
    find: /^@wxt-dev\/storage$/,
    replacement: fileURLToPath(new URL('src/content/storage-lite.ts', import.meta.url)),
  },
  {
    find: /^preact(\/jsx-runtime|\/jsx-dev-runtime)?$/,
    replacement: fileURLToPath(new URL('src/content/jsx-lite.ts', import.meta.url)),
  },
  {
    find: /^wxt\/utils\/content-script-context$/,
    replacement: fileURLToPath(new URL('src/content/context-lite.ts', import.meta.url)),
  },
  {
    find: /^@webext-core\/messaging$/,
    replacement: fileURLToPath(new URL('src/content/messaging-lite.ts', import.meta.url)),
  },
];

// Overridable, as outDir below, so the benchmark can build a second extension (with the large corpus)
// beside the default one without touching it (bench/big-build.ts).
const PUBLIC_DIR = process.env.FACTLENS_PUBLIC_DIR ?? 'public';

let dataIdMemo: string | undefined;
/**
 * The build's data id (__FACTLENS_DATA_ID__): a hash of the data files compile-corpus wrote before
 * this build (npm run build), so that the background's copies of them in Cache Storage belong to
 * these files and no others (src/background/data-cache.ts). null when they are missing (wxt prepare).
 */
function dataId(): string | null {
  if (dataIdMemo !== undefined) return dataIdMemo;
  const hash = createHash('sha256');
  for (const file of ['detector.bin', 'corpus.json', 'search.json']) {
    const path = join(PUBLIC_DIR, 'data', file);
    if (!existsSync(path)) return null;
    hash.update(file).update(readFileSync(path));
  }
  dataIdMemo = hash.digest('hex').slice(0, 16);
  return dataIdMemo;
}

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: PUBLIC_DIR,
  outDir: process.env.FACTLENS_OUT_DIR ?? '.output',
  modulesDir: 'wxt-modules',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()], define: { __FACTLENS_DATA_ID__: JSON.stringify(dataId()) } }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      config.resolve ??= {};
      const alias = config.resolve.alias ?? [];
      // Ours first: the first matching alias wins (the polyfill module's maps `wxt/browser` too).
      config.resolve.alias = [
        ...CONTENT_ALIASES,
        ...(Array.isArray(alias)
          ? alias
          : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }))),
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Factlens',
    description:
      'Marks the people, places and topics its news corpus knows, on any page, in Chinese and English, with sourced passages on hover.',
    permissions: ['storage', 'contextMenus'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Factlens' },
    commands: {
      'show-card': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Show the Factlens card for the mention at the caret or focus',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factlens@factlens.example',
              strict_min_version: '140.0',
              // Factlens collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
