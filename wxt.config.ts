// WXT configuration: one manifest for Chrome (MV3) and Firefox (MV2), Preact through its Vite preset.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Alias } from 'vite';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);

/**
 * The content script's build only (it runs in every frame of every page, so its size is a tracked
 * figure, issue #4). Everywhere else `wxt/browser` is webextension-polyfill (the module below) and
 * `@wxt-dev/storage` the real one; in the content script:
 * - `wxt/browser` is WXT's own `browser` (the native `browser` in Firefox, `chrome` in Chrome): what
 *   it calls (storage.local get/set/onChanged, runtime.id/getURL; messaging uses `chrome.*` itself)
 *   returns promises natively in Chrome MV3 and Firefox, so the polyfill (~10 kB minified) buys nothing;
 * - `@wxt-dev/storage` is src/content/storage-lite.ts (~9 kB less): the same `storage.defineItem`
 *   for getValue/setValue/watch, so the `*Item` definitions stay the one source of keys and defaults;
 * - `@webext-core/messaging` is src/content/messaging-lite.ts (~2.4 kB less): the same wire format,
 *   while src/messaging.ts stays the one typed contract;
 * - `preact` and `preact/jsx-runtime` are src/content/jsx-lite.ts (~10 kB less): the content script
 *   renders one stateless component, the hover card, so it builds the card's DOM directly.
 * Each stand-in has a test that runs it against the real package.
 */
const CONTENT_ALIASES: Alias[] = [
  { find: /^wxt\/browser$/, replacement: require.resolve('wxt/browser') },
  {
    find: /^@wxt-dev\/storage$/,
    replacement: fileURLToPath(new URL('src/content/storage-lite.ts', import.meta.url)),
  },
  {
    find: /^preact(\/jsx-runtime)?$/,
    replacement: fileURLToPath(new URL('src/content/jsx-lite.ts', import.meta.url)),
  },
  {
    find: /^@webext-core\/messaging$/,
    replacement: fileURLToPath(new URL('src/content/messaging-lite.ts', import.meta.url)),
  },
];

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  // Both overridable so the benchmark can build a second extension (with the large corpus) beside
  // the default one without touching it (bench/big-build.ts).
  publicDir: process.env.FACTLENS_PUBLIC_DIR ?? 'public',
  outDir: process.env.FACTLENS_OUT_DIR ?? '.output',
  modulesDir: 'wxt-modules',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
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
