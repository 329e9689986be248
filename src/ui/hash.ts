// The search page's state in the URL fragment (#q=…&kind=…&source=…&from=…&to=…&script=…), so a
// search can be bookmarked and the context menu can open the page on a query.
import type { Script } from '../corpus/types.ts';
import type { SearchFilters, SearchKind } from '../search/types.ts';
import { SCRIPTS, SEARCH_KINDS } from './labels.ts';

export interface SearchState {
  query: string;
  filters: SearchFilters;
}

export function parseHash(hash: string): SearchState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (name: string): string[] =>
    params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .filter(Boolean);
  const filters: SearchFilters = {};
  const kinds = list('kind').filter((k): k is SearchKind => (SEARCH_KINDS as string[]).includes(k));
  if (kinds.length) filters.kinds = kinds;
  const scripts = list('script').filter((s): s is Script => (SCRIPTS as string[]).includes(s));
  if (scripts.length) filters.scripts = scripts;
  const sources = params.getAll('source').filter(Boolean);
  if (sources.length) filters.sources = sources;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const from = params.get('from');
  if (from && day.test(from)) filters.from = from;
  const to = params.get('to');
  if (to && day.test(to)) filters.to = to;
  return { query: params.get('q') ?? '', filters };
}

export function formatHash({ query, filters }: SearchState): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (filters.kinds?.length) params.set('kind', filters.kinds.join(','));
  for (const s of filters.sources ?? []) params.append('source', s);
  if (filters.scripts?.length) params.set('script', filters.scripts.join(','));
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  const s = params.toString();
  return s ? `#${s}` : '';
}
