// What a page shows while its data loads or after the load failed (entity page, reader).
import { useT } from './locale.tsx';
import type { Loaded } from './use-load.ts';

/** The loading or error message for `status`; null once the value is there. */
export function LoadStatus<T>({ status }: { status: Loaded<T> }) {
  const t = useT();
  if (status.state === 'loading') return <p class="fl-status">{t('loading')}</p>;
  if (status.state === 'error') {
    return (
      <p class="fl-error" role="alert">
        {t('searchError', { message: status.message })}
      </p>
    );
  }
  return null;
}
