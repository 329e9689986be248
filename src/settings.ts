// The user's options, as typed @wxt-dev/storage items in storage.local: one place for the options
// page to write and for the content script, the popup and the extension page to read and watch.
// The on/off and site rules live in src/content/site-switch.ts (re-exported here), not duplicated.
// In the content script's build `@wxt-dev/storage` is src/content/storage-lite.ts (wxt.config.ts):
// these same definitions, read and watched there, stay the one source of every key and default.
import { storage } from '@wxt-dev/storage';
import type { Locale } from './ui/i18n.ts';
import { LOCALES, pickLocale } from './ui/i18n.ts';

export {
  allowedSitesItem,
  disabledSitesItem,
  enabledItem,
  SITE_MODES,
  type SiteMode,
  siteModeItem,
} from './content/site-switch.ts';

/** How marks look on the page. */
export type MarkStyle = 'underline' | 'tint' | 'both';
export const MARK_STYLES: readonly MarkStyle[] = ['both', 'underline', 'tint'];
export const markStyleItem = storage.defineItem<MarkStyle>('local:markStyle', { fallback: 'both' });

/** Dwell before the hover card shows, in ms (the content script's default is 350). */
export const HOVER_DELAY = { min: 0, max: 2000, step: 50, fallback: 350 } as const;
export const hoverDelayItem = storage.defineItem<number>('local:hoverDelayMs', {
  fallback: HOVER_DELAY.fallback,
});

/** A stored delay made safe to use: a finite number of ms within HOVER_DELAY's range. */
export function clampHoverDelay(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : HOVER_DELAY.fallback;
  return Math.round(Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, n)));
}

export async function getHoverDelay(): Promise<number> {
  return clampHoverDelay(await hoverDelayItem.getValue());
}

/** How names are shown in cards and lists: as the source writes them, or in one Chinese script. */
export type NameForm = 'source' | 'zh-Hant' | 'zh-Hans';
export const NAME_FORMS: readonly NameForm[] = ['source', 'zh-Hant', 'zh-Hans'];
export const nameFormItem = storage.defineItem<NameForm>('local:nameForm', { fallback: 'source' });

/** The interface language, or 'auto' for the browser's. */
export type LocaleSetting = 'auto' | Locale;
export const LOCALE_SETTINGS: readonly LocaleSetting[] = ['auto', ...LOCALES];
export const uiLocaleItem = storage.defineItem<LocaleSetting>('local:uiLocale', { fallback: 'auto' });

/** The interface language to use for a setting and the browser's language tag. */
export function resolveLocale(setting: LocaleSetting | undefined, browserTag: string | undefined): Locale {
  return setting && setting !== 'auto' && LOCALES.includes(setting) ? setting : pickLocale(browserTag);
}

export async function getLocale(browserTag = globalThis.navigator?.language): Promise<Locale> {
  return resolveLocale(await uiLocaleItem.getValue(), browserTag);
}

/** Site list entries as typed by a person: host names (from a URL if pasted), lower case, no duplicates. */
export function parseSiteList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    let entry = raw.trim().toLowerCase().replace(/^\*\./, '');
    if (!entry) continue;
    if (entry === 'file:' || entry.startsWith('file://')) entry = 'file:';
    else {
      try {
        entry = new URL(entry.includes('://') ? entry : `http://${entry}`).hostname;
      } catch {
        continue;
      }
    }
    entry = entry.replace(/^\*\./, '').replace(/\.$/, '');
    if (entry && !out.includes(entry)) out.push(entry);
  }
  return out;
}
