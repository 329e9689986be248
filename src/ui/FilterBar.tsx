// The search filters: kind of text, source, script and a date range. Controlled: the page owns the
// filter state (it lives in the URL).
import type { Script } from '../corpus/types.ts';
import type { SearchFilters, SearchKind } from '../search/types.ts';
import { KIND_LABEL, SCRIPT_LABEL, SCRIPTS, SEARCH_KINDS } from './labels.ts';
import { useT } from './locale.tsx';

export interface FilterBarProps {
  filters: SearchFilters;
  sources: readonly string[];
  onChange(filters: SearchFilters): void;
}

function toggle<T>(list: readonly T[] | undefined, value: T, on: boolean): T[] | undefined {
  const next = (list ?? []).filter((v) => v !== value);
  if (on) next.push(value);
  return next.length ? next : undefined;
}

export function FilterBar({ filters, sources, onChange }: FilterBarProps) {
  const t = useT();
  const set = (patch: Partial<SearchFilters>): void => {
    const next: SearchFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof SearchFilters)[])
      if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  const active = Boolean(
    filters.kinds?.length || filters.sources?.length || filters.scripts?.length || filters.from || filters.to,
  );
  return (
    <fieldset class="fl-filters">
      <legend>{t('filters')}</legend>
      <fieldset class="fl-filter">
        <legend class="fl-filter-name">{t('filterKind')}</legend>
        {SEARCH_KINDS.map((k: SearchKind) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={filters.kinds?.includes(k) ?? false}
              onChange={(e) => set({ kinds: toggle(filters.kinds, k, e.currentTarget.checked) })}
            />
            {t(KIND_LABEL[k])}
          </label>
        ))}
      </fieldset>
      <fieldset class="fl-filter">
        <legend class="fl-filter-name">{t('filterScript')}</legend>
        {SCRIPTS.map((s: Script) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={filters.scripts?.includes(s) ?? false}
              onChange={(e) => set({ scripts: toggle(filters.scripts, s, e.currentTarget.checked) })}
            />
            {t(SCRIPT_LABEL[s])}
          </label>
        ))}
      </fieldset>
      <div class="fl-filter">
        <label>
          <span class="fl-filter-name">{t('filterSource')}</span>
          <select
            value={filters.sources?.[0] ?? ''}
            onChange={(e) => set({ sources: e.currentTarget.value ? [e.currentTarget.value] : undefined })}
          >
            <option value="">{t('filterAll')}</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="fl-filter-name">{t('filterFrom')}</span>
          <input
            type="date"
            value={filters.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          />
        </label>
        <label>
          <span class="fl-filter-name">{t('filterTo')}</span>
          <input
            type="date"
            value={filters.to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          />
        </label>
        {active ? (
          <button type="button" onClick={() => onChange({})}>
            {t('clearFilters')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
