// A storage item as Preact state: read once on mount, followed as it changes (from this page, another
// page or the popup), written through `set`. Undefined until the first read answers.
import type { WxtStorageItem } from '@wxt-dev/storage';
import { useCallback, useEffect, useState } from 'preact/hooks';

export function useStorageItem<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
): [T | undefined, (value: T) => Promise<void>] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => {
      if (live) setValue(() => v);
    });
    const unwatch = item.watch((v) => setValue(() => v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  const set = useCallback(
    async (next: T) => {
      setValue(() => next);
      await item.setValue(next);
    },
    [item],
  );
  return [value, set];
}
