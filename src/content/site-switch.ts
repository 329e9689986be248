// On/off, globally and per site, stored in storage.local with @wxt-dev/storage. Every open tab watches
// these items and clears or re-scans at once when they change. Usable from the popup as well.
import { storage } from '@wxt-dev/storage';

/** Factlens as a whole. */
export const enabledItem = storage.defineItem<boolean>('local:enabled', { fallback: true });
/** Sites (see `siteKey`) where Factlens is off. */
export const disabledSitesItem = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

/** The key of a site: its host name (any port, any scheme), or "file:" for local files. */
export function siteKey(url: string | URL): string {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    if (u.protocol === 'file:') return 'file:';
    return u.hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function isOn(enabled: boolean, disabledSites: readonly string[], site: string): boolean {
  return enabled && !disabledSites.includes(site);
}

export async function isEnabledFor(site: string): Promise<boolean> {
  const [enabled, sites] = await Promise.all([enabledItem.getValue(), disabledSitesItem.getValue()]);
  return isOn(enabled, sites, site);
}

export async function setSiteEnabled(site: string, on: boolean): Promise<void> {
  const sites = await disabledSitesItem.getValue();
  const next = on ? sites.filter((s) => s !== site) : sites.includes(site) ? sites : [...sites, site];
  if (next !== sites) await disabledSitesItem.setValue(next);
}

/** Calls `onChange(on)` whenever the effective switch for `site` changes. Returns an unwatch function. */
export function watchSite(site: string, onChange: (on: boolean) => void): () => void {
  let last: boolean | null = null;
  const check = () => {
    void isEnabledFor(site).then((on) => {
      if (on !== last) {
        last = on;
        onChange(on);
      }
    });
  };
  void isEnabledFor(site).then((on) => {
    last ??= on;
  });
  const a = enabledItem.watch(check);
  const b = disabledSitesItem.watch(check);
  return () => {
    a();
    b();
  };
}
