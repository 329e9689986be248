// Constants the build defines (wxt.config.ts, Vite's `define`).

/**
 * A hash of the data files of this build (data/detector.bin, data/corpus.json, data/search.json):
 * the name of the background's copies of them in Cache Storage (src/background/data-cache.ts).
 * null: the build had none when it was configured.
 */
declare const __FACTLENS_DATA_ID__: string | null;
