// Options: typed items and their helpers, and the site rules built on the site switch's items.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isEnabledFor, isOn, setSiteEnabled, siteListed } from '../src/content/site-switch.ts';
import {
  allowedSitesItem,
  clampHoverDelay,
  disabledSitesItem,
  getHoverDelay,
  getLocale,
  hoverDelayItem,
  parseSiteList,
  resolveLocale,
  siteModeItem,
  uiLocaleItem,
} from '../src/settings.ts';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('clamps the hover delay', async () => {
    expect(clampHoverDelay(-5)).toBe(0);
    expect(clampHoverDelay(99999)).toBe(2000);
    expect(clampHoverDelay('x')).toBe(350);
    expect(await getHoverDelay()).toBe(350);
    await hoverDelayItem.setValue(120);
    expect(await getHoverDelay()).toBe(120);
  });

  it('resolves the interface language', async () => {
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-Hant');
    expect(resolveLocale('en', 'zh-TW')).toBe('en');
    expect(resolveLocale(undefined, 'de')).toBe('en');
    await uiLocaleItem.setValue('zh-Hans');
    expect(await getLocale('en-US')).toBe('zh-Hans');
  });

  it('parses a typed site list', () => {
    expect(
      parseSiteList('example.com\nhttps://www.DW.com/zh/x  *.bbc.co.uk, example.com\nfile:///tmp'),
    ).toEqual(['example.com', 'www.dw.com', 'bbc.co.uk', 'file:']);
  });

  it('runs everywhere, only on listed sites, or everywhere but listed ones', async () => {
    expect(siteListed(['dw.com'], 'www.dw.com')).toBe(true);
    expect(siteListed(['dw.com'], 'notdw.com')).toBe(false);
    expect(isOn(true, ['a.com'], 'a.com', 'all')).toBe(true);
    expect(isOn(true, [], 'a.com', 'only-listed', ['b.com'])).toBe(false);
    expect(isOn(true, [], 'x.b.com', 'only-listed', ['b.com'])).toBe(true);
    await siteModeItem.setValue('only-listed');
    await allowedSitesItem.setValue(['dw.com']);
    expect(await isEnabledFor('www.dw.com')).toBe(true);
    expect(await isEnabledFor('example.org')).toBe(false);
  });

  it("the popup's per-site switch follows the mode", async () => {
    await siteModeItem.setValue('only-listed');
    await setSiteEnabled('a.com', true);
    expect(await allowedSitesItem.getValue()).toEqual(['a.com']);
    await setSiteEnabled('a.com', false);
    expect(await allowedSitesItem.getValue()).toEqual([]);
    await siteModeItem.setValue('all');
    await setSiteEnabled('b.com', false);
    expect(await siteModeItem.getValue()).toBe('all-but-listed');
    expect(await disabledSitesItem.getValue()).toEqual(['b.com']);
  });
});
