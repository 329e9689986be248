// A debounced search as you type: runs the query after a short pause, ignores answers that arrive
// after a newer query was sent, and exposes loading/error state.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchResponse } from '../search/handlers.ts';
import type { SearchFilters } from '../search/types.ts';

export type SearchFn = (query: string, filters: SearchFilters) => Promise<SearchResponse>;

export interface SearchStatus {
  response: SearchResponse | null;
  loading: boolean;
  error: string | null;
}

export function useSearch(
  search: SearchFn,
  query: string,
  filters: SearchFilters,
  delayMs = 120,
): SearchStatus {
  const [status, setStatus] = useState<SearchStatus>({ response: null, loading: false, error: null });
  const latest = useRef(0);
  const key = JSON.stringify(filters);
  useEffect(() => {
    const id = ++latest.current;
    if (!query.trim()) {
      setStatus({ response: null, loading: false, error: null });
      return;
    }
    setStatus((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      search(query, filters).then(
        (response) => {
          if (id === latest.current) setStatus({ response, loading: false, error: null });
        },
        (error: unknown) => {
          if (id === latest.current) {
            setStatus({
              response: null,
              loading: false,
              error: error instanceof Error ? error.message : String(error),
            });
          }
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [search, query, key, delayMs]);
  return status;
}
