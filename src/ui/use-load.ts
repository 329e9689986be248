// Loads one thing asynchronously for a page (entity page, reader): loading, error and value states.
import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; value: T };

export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [status, setStatus] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setStatus({ state: 'loading' });
    load().then(
      (value) => live && setStatus({ state: 'done', value }),
      (error: unknown) =>
        live &&
        setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return status;
}
