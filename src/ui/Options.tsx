// The options page: switch, mark style, hover delay, where to run (with the site list), how names are
// shown, interface language, and the user's imported articles (import, list, remove). Settings are the
// typed items of src/settings.ts, written as soon as they change; every open tab follows them.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ImportReport, SendImport } from '../import/client.ts';
import type { ImportedArticleSummary } from '../import/protocol.ts';
import {
  allowedSitesItem,
  clampHoverDelay,
  disabledSitesItem,
  enabledItem,
  HOVER_DELAY,
  hoverDelayItem,
  LOCALE_SETTINGS,
  type LocaleSetting,
  MARK_STYLES,
  type MarkStyle,
  markStyleItem,
  NAME_FORMS,
  type NameForm,
  nameFormItem,
  parseSiteList,
  resolveLocale,
  SITE_MODES,
  type SiteMode,
  siteModeItem,
  uiLocaleItem,
} from '../settings.ts';
import { Import } from './Import.tsx';
import type { MessageKey } from './i18n.ts';
import { LocaleProvider, useT } from './locale.tsx';
import { useStorageItem } from './use-storage-item.ts';

/** What the page asks the background about imported articles. */
export interface ImportsApi {
  send: SendImport;
  list(): Promise<ImportedArticleSummary[]>;
  remove(ids: string[]): Promise<{ removed: number }>;
}

export interface OptionsProps {
  imports: ImportsApi;
  /** The browser's language tag (navigator.language). */
  browserLanguage?: string;
}

const MARK_LABEL: Record<MarkStyle, MessageKey> = {
  both: 'markStyleBoth',
  underline: 'markStyleUnderline',
  tint: 'markStyleTint',
};
const MODE_LABEL: Record<SiteMode, MessageKey> = {
  all: 'siteModeAll',
  'all-but-listed': 'siteModeAllBut',
  'only-listed': 'siteModeOnly',
};
const NAME_LABEL: Record<NameForm, MessageKey> = {
  source: 'nameFormSource',
  'zh-Hant': 'nameFormHant',
  'zh-Hans': 'nameFormHans',
};
const LOCALE_LABEL: Record<LocaleSetting, MessageKey> = {
  auto: 'languageAuto',
  'zh-Hant': 'languageHant',
  'zh-Hans': 'languageHans',
  en: 'languageEn',
};

/** The page in the chosen interface language, switching at once when the option changes. */
export function Options({ imports, browserLanguage = globalThis.navigator?.language }: OptionsProps) {
  const [setting] = useStorageItem(uiLocaleItem);
  const locale = setting === undefined ? null : resolveLocale(setting, browserLanguage);
  useEffect(() => {
    if (locale) document.documentElement.lang = locale;
  }, [locale]);
  if (!locale) return null;
  return (
    <LocaleProvider locale={locale}>
      <OptionsPage imports={imports} />
    </LocaleProvider>
  );
}

function Choice<T extends string>(props: {
  name: string;
  legend: MessageKey;
  values: readonly T[];
  labels: Record<T, MessageKey>;
  value: T | undefined;
  onChange: (value: T) => void;
}) {
  const t = useT();
  return (
    <fieldset class="fl-option">
      <legend>{t(props.legend)}</legend>
      {props.values.map((v) => (
        <label key={v} class="fl-choice">
          <input
            type="radio"
            name={props.name}
            value={v}
            checked={props.value === v}
            onChange={() => props.onChange(v)}
          />
          {t(props.labels[v])}
        </label>
      ))}
    </fieldset>
  );
}

function SiteRules() {
  const t = useT();
  const [mode, setMode] = useStorageItem(siteModeItem);
  const [allowed, setAllowed] = useStorageItem(allowedSitesItem);
  const [disabled, setDisabled] = useStorageItem(disabledSitesItem);
  const list = mode === 'only-listed' ? allowed : disabled;
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setText((list ?? []).join('\n'));
    setSaved(false);
  }, [mode, (list ?? []).join('\n')]);
  const save = async (e: Event) => {
    e.preventDefault();
    const sites = parseSiteList(text);
    if (mode === 'only-listed') await setAllowed(sites);
    else await setDisabled(sites);
    setText(sites.join('\n'));
    setSaved(true);
  };
  return (
    <div class="fl-site-rules">
      <Choice
        name="siteMode"
        legend="optionsWhere"
        values={SITE_MODES}
        labels={MODE_LABEL}
        value={mode}
        onChange={(v) => void setMode(v)}
      />
      {mode !== undefined && mode !== 'all' && (
        <form class="fl-option" onSubmit={save}>
          <label for="fl-site-list">{t('siteListLabel')}</label>
          <textarea
            id="fl-site-list"
            rows={5}
            value={text}
            onInput={(e) => {
              setText((e.currentTarget as HTMLTextAreaElement).value);
              setSaved(false);
            }}
          />
          <div>
            <button type="submit">{t('siteListSave')}</button>{' '}
            {saved && (
              <span role="status" class="fl-muted">
                {t('optionsSaved')}
              </span>
            )}
          </div>
        </form>
      )}
    </div>
  );
}

function ImportedList({
  items,
  onRemove,
}: {
  items: ImportedArticleSummary[];
  onRemove: (ids: string[]) => void;
}) {
  const t = useT();
  return (
    <section class="fl-imported" aria-labelledby="fl-imported-heading">
      <h2 id="fl-imported-heading">{t('importedHeading')}</h2>
      {items.length === 0 ? (
        <p class="fl-muted">{t('importedEmpty')}</p>
      ) : (
        <>
          <p class="fl-muted">
            {t('importedCount', { count: items.length })}{' '}
            <button type="button" onClick={() => onRemove(items.map((a) => a.id))}>
              {t('importedRemoveAll')}
            </button>
          </p>
          <ul class="fl-imported-list">
            {items.map((a) => (
              <li key={a.id} data-article-id={a.id}>
                <span class="fl-imported-title">{a.title}</span>{' '}
                <span class="fl-muted">
                  {a.source} · {a.publishedAt.slice(0, 10)} · {a.file}
                </span>{' '}
                <button
                  type="button"
                  aria-label={t('importedRemoveLabel', { title: a.title })}
                  onClick={() => onRemove([a.id])}
                >
                  {t('importedRemove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function OptionsPage({ imports }: { imports: ImportsApi }) {
  const t = useT();
  const [enabled, setEnabled] = useStorageItem(enabledItem);
  const [markStyle, setMarkStyle] = useStorageItem(markStyleItem);
  const [delay, setDelay] = useStorageItem(hoverDelayItem);
  const [nameForm, setNameForm] = useStorageItem(nameFormItem);
  const [locale, setLocale] = useStorageItem(uiLocaleItem);
  const [imported, setImported] = useState<ImportedArticleSummary[]>([]);
  const [listError, setListError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    imports.list().then(
      (items) => {
        setImported(items);
        setListError(null);
      },
      (error: unknown) => setListError(error instanceof Error ? error.message : String(error)),
    );
  }, [imports]);
  useEffect(refresh, [refresh]);

  const remove = (ids: string[]) => {
    void imports.remove(ids).then(refresh, (error: unknown) => setListError(String(error)));
  };
  const delayMs = clampHoverDelay(delay);

  return (
    <main class="fl-options">
      <h1>{t('optionsTitle')}</h1>
      <section class="fl-options-settings">
        <label class="fl-option fl-choice">
          <input
            type="checkbox"
            checked={enabled ?? true}
            onChange={(e) => void setEnabled((e.currentTarget as HTMLInputElement).checked)}
          />
          {t('optionsEnabled')}
        </label>
        <Choice
          name="markStyle"
          legend="optionsMarkStyle"
          values={MARK_STYLES}
          labels={MARK_LABEL}
          value={markStyle}
          onChange={(v) => void setMarkStyle(v)}
        />
        <div class="fl-option">
          <label for="fl-hover-delay">{t('optionsHoverDelay')}</label>{' '}
          <input
            id="fl-hover-delay"
            type="range"
            min={HOVER_DELAY.min}
            max={HOVER_DELAY.max}
            step={HOVER_DELAY.step}
            value={delayMs}
            onInput={(e) =>
              void setDelay(clampHoverDelay(Number((e.currentTarget as HTMLInputElement).value)))
            }
          />{' '}
          <output for="fl-hover-delay">{t('hoverDelayValue', { ms: delayMs })}</output>
        </div>
        <SiteRules />
        <Choice
          name="nameForm"
          legend="optionsNames"
          values={NAME_FORMS}
          labels={NAME_LABEL}
          value={nameForm}
          onChange={(v) => void setNameForm(v)}
        />
        <div class="fl-option">
          <label for="fl-locale">{t('optionsLanguage')}</label>{' '}
          <select
            id="fl-locale"
            value={locale ?? 'auto'}
            onChange={(e) => void setLocale((e.currentTarget as HTMLSelectElement).value as LocaleSetting)}
          >
            {LOCALE_SETTINGS.map((l) => (
              <option key={l} value={l}>
                {t(LOCALE_LABEL[l])}
              </option>
            ))}
          </select>
        </div>
      </section>
      <Import send={imports.send} onDone={(_r: ImportReport) => refresh()} />
      {listError && (
        <p class="fl-error" role="alert">
          {listError}
        </p>
      )}
      <ImportedList items={imported} onRemove={remove} />
    </main>
  );
}
