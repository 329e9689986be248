// On/off, globally and per site, stored in storage.local with @wxt-dev/storage. Every open tab watches
// these items and clears or re-scans at once when they change. Usable from the popup as well.
// The options page adds where to run: on all sites, only on the listed ones (allowedSites), or on all
// but the listed ones (disabledSites, the popup's per-site switch).
import { storage } from '@wxt-dev/storage';

/** Factlens as a whole. */
export const enabledItem = storage.defineItem<boolean>('local:enabled', { fallback: true });
/** Sites (see `siteKey`) where Factlens is off. */
export const disabledSitesItem = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

/** Where Factlens runs: everywhere, only on `allowedSites`, or everywhere but `disabledSites`. */
export type SiteMode = 'all' | 'only-listed' | 'all-but-listed';
export const SITE_MODES: readonly SiteMode[] = ['all', 'all-but-listed', 'only-listed'];
export const siteModeItem = storage.defineItem<SiteMode>('local:siteMode', { fallback: 'all-but-listed' });
/** Sites where Factlens runs when the mode is 'only-listed'. */
export const allowedSitesItem = storage.defineItem<string[]>('local:allowedSites', { fallback: [] });

/** True when `site` is in `list`, itself or as a subdomain of a listed host ("dw.com" lists "www.dw.com"). */
export function siteListed(list: readonly string[], site: string): boolean {
  if (site === '') return false;
  return list.some((entry) => entry === site || (entry !== 'file:' && site.endsWith(`.${entry}`)));
}

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

export function isOn(
  enabled: boolean,
  disabledSites: readonly string[],
  site: string,
  mode: SiteMode = 'all-but-listed',
  allowedSites: readonly string[] = [],
): boolean {
  if (!enabled) return false;
  if (mode === 'all') return true;
  if (mode === 'only-listed') return siteListed(allowedSites, site);
  return !siteListed(disabledSites, site);
}

/** Whether Factlens runs on `site`: one storage read for the four items. */
export async function isEnabledFor(site: string): Promise<boolean> {
  const [enabled, sites, mode, allowed] = (
    await storage.getItems([enabledItem, disabledSitesItem, siteModeItem, allowedSitesItem])
  ).map((r) => r.value);
  return isOn(enabled as boolean, sites as string[], site, mode as SiteMode, allowed as string[]);
}

const toggled = (list: string[], site: string, member: boolean) =>
  member ? (list.includes(site) ? list : [...list, site]) : list.filter((s) => s !== site);

/** The popup's per-site switch, in whichever mode is set ('all' becomes 'all-but-listed' to turn one off). */
export async function setSiteEnabled(site: string, on: boolean): Promise<void> {
  const mode = await siteModeItem.getValue();
  if (mode === 'only-listed') {
    const allowed = await allowedSitesItem.getValue();
    const next = toggled(allowed, site, on);
    if (next !== allowed) await allowedSitesItem.setValue(next);
    return;
  }
  if (mode === 'all') {
    if (on) return;
    await siteModeItem.setValue('all-but-listed');
  }
  const sites = await disabledSitesItem.getValue();
  const next = toggled(sites, site, !on);
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
  const unwatchers = [enabledItem, disabledSitesItem, siteModeItem, allowedSitesItem].map((item) =>
    item.watch(check),
  );
  return () => {
    for (const unwatch of unwatchers) unwatch();
  };
}
