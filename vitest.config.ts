import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    setupFiles: ['test/setup-dom.ts'],
    // The card's styles are imported as a string (src/ui/card.css?inline): processed, not emptied.
    css: true,
  },
});
