// "Look up “%s” in Factlens" on selected text: registered when the extension is installed or updated
// (menus persist in Chrome), titled in the interface language (re-titled when the option changes),
// and a click opens the extension page on the query (search.html#q=…).
import { browser } from 'wxt/browser';
import { getLocale, uiLocaleItem } from '../settings.ts';
import { formatHash } from '../ui/hash.ts';
import type { Locale } from '../ui/i18n.ts';
import { translate } from '../ui/i18n.ts';

export const MENU_ID = 'factlens-lookup';
/** Longest query the menu passes on (the search page cuts at the same length). */
export const MAX_QUERY = 200;

/** The menu title; Chrome and Firefox put the selection where "%s" stands. */
export function menuTitle(locale: Locale): string {
  return translate(locale, 'contextMenuLookup');
}

/** The query for a selection: whitespace collapsed, trimmed, at most MAX_QUERY characters. */
export function queryOf(selection: string | undefined): string {
  return (selection ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
}

export function searchPageUrl(getURL: (path: string) => string, query: string): string {
  return `${getURL('/search.html')}${formatHash({ query, filters: {} })}`;
}

/** What the background needs from browser.contextMenus (a fake in tests). */
export interface MenusApi {
  removeAll(): Promise<void> | void;
  create(properties: { id: string; title: string; contexts: ['selection'] }): unknown;
  update(id: string, properties: { title: string }): Promise<void> | void;
}

export async function registerContextMenu(menus: MenusApi, locale: Locale): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_ID, title: menuTitle(locale), contexts: ['selection'] });
}

export async function retitleContextMenu(menus: MenusApi, locale: Locale): Promise<void> {
  await menus.update(MENU_ID, { title: menuTitle(locale) });
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

/** Handles a click on the menu: opens the search page on the selection. Returns the URL opened. */
export async function handleMenuClick(
  info: MenuClick,
  deps: { getURL: (path: string) => string; openTab: (url: string) => Promise<unknown> },
): Promise<string | null> {
  if (info.menuItemId !== MENU_ID) return null;
  const query = queryOf(info.selectionText);
  if (!query) return null;
  const url = searchPageUrl(deps.getURL, query);
  await deps.openTab(url);
  return url;
}

/** Registers the menu on install/update, keeps its title in the interface language, handles clicks. */
export function installContextMenu(getURL: (path: string) => string): {
  click(info: MenuClick): Promise<string | null>;
} {
  const menus = browser.contextMenus as unknown as MenusApi & {
    onClicked: { addListener(cb: (info: MenuClick) => void): void };
  };
  const click = (info: MenuClick) =>
    handleMenuClick(info, { getURL, openTab: (url) => browser.tabs.create({ url }) });
  if (!menus) return { click };
  // Chrome keeps menus across restarts; Firefox's event page does not, so register on start-up too
  // (registerContextMenu removes the old item first, so both paths are safe).
  const register = () => {
    void getLocale()
      .then((locale) => registerContextMenu(menus, locale))
      .catch(() => undefined);
  };
  browser.runtime.onInstalled.addListener(register);
  browser.runtime.onStartup?.addListener(register);
  menus.onClicked.addListener((info) => {
    void click(info);
  });
  uiLocaleItem.watch(() => {
    void getLocale()
      .then((locale) => retitleContextMenu(menus, locale))
      .catch(() => undefined);
  });
  return { click };
}
