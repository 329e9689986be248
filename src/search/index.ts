// Public entry of the passage search: build at compile time, load next to the articles at run time.
export { buildSearchIndex } from './build.ts';
export { segments } from './highlight.ts';
export { loadSearchIndex } from './search.ts';
export type * from './types.ts';
