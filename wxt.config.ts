// WXT configuration: one manifest for Chrome (MV3) and Firefox (MV2), Preact through its Vite preset.
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
