// The selection context menu: localised title, registration, and the click handler opening the
// extension page on the query.
import { describe, expect, it } from 'vitest';
import {
  handleMenuClick,
  MENU_ID,
  type MenusApi,
  menuTitle,
  queryOf,
  registerContextMenu,
  retitleContextMenu,
} from '../../src/background/context-menu.ts';
import { parseHash } from '../../src/ui/hash.ts';

const getURL = (path: string) => `chrome-extension://abc${path}`;

describe('context menu', () => {
  it('is titled in each interface language with the selection placeholder', () => {
    expect(menuTitle('en')).toBe('Look up “%s” in Factlens');
    expect(menuTitle('zh-Hant')).toContain('%s');
    expect(menuTitle('zh-Hans')).toContain('%s');
  });

  it('registers one selection item and re-titles it', async () => {
    const calls: unknown[][] = [];
    const menus: MenusApi = {
      removeAll: () => {
        calls.push(['removeAll']);
      },
      create: (p) => calls.push(['create', p]),
      update: (id, p) => {
        calls.push(['update', id, p]);
      },
    };
    await registerContextMenu(menus, 'zh-Hans');
    await retitleContextMenu(menus, 'en');
    expect(calls).toEqual([
      ['removeAll'],
      ['create', { id: MENU_ID, title: menuTitle('zh-Hans'), contexts: ['selection'] }],
      ['update', MENU_ID, { title: menuTitle('en') }],
    ]);
  });

  it('opens search.html#q=<query> on a click', async () => {
    const opened: string[] = [];
    const url = await handleMenuClick(
      { menuItemId: MENU_ID, selectionText: '  西伯利亞力量 \n 2 ' },
      { getURL, openTab: async (u) => opened.push(u) },
    );
    expect(url).toBe(opened[0]);
    expect(url?.startsWith('chrome-extension://abc/search.html#')).toBe(true);
    expect(parseHash(new URL(url ?? '').hash).query).toBe('西伯利亞力量 2');
  });

  it('ignores other menus and empty selections, and caps long ones', async () => {
    const deps = { getURL, openTab: async () => undefined };
    expect(await handleMenuClick({ menuItemId: 'other', selectionText: 'x' }, deps)).toBeNull();
    expect(await handleMenuClick({ menuItemId: MENU_ID, selectionText: '   ' }, deps)).toBeNull();
    expect(queryOf('a'.repeat(500))).toHaveLength(200);
  });
});
