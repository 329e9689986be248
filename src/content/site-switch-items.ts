// Kept for importers of the short-lived split: the switch's items and writers live in site-switch.ts.
export {
  allowedSitesItem,
  disabledSitesItem,
  enabledItem,
  isEnabledFor as isSiteEnabled,
  setSiteEnabled,
  siteModeItem,
} from './site-switch.ts';
