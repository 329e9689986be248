// Every interface string of the popup and the extension page, in the three interface languages.
// One typed table: the English table defines the keys, the Chinese tables must have the same keys
// (tsc checks it, and test/ui/i18n.test.ts checks it at run time). `{name}` placeholders are filled
// by `translate`. The language comes from an option when set, else from navigator.language.

export type Locale = 'zh-Hant' | 'zh-Hans' | 'en';
export const LOCALES: readonly Locale[] = ['zh-Hant', 'zh-Hans', 'en'];

const en = {
  appName: 'Factlens',
  tagline: 'Names and topics from a news corpus, with sourced passages.',
  searchPlaceholder: 'Search every passage (Chinese or English)…',
  searchLabel: 'Search',
  searchHint: 'Press / to search',
  searching: 'Searching…',
  searchError: 'Search failed: {message}',
  resultCount: '{count} articles',
  noResults: 'No passage matches “{query}”.',
  emptyQuery: 'Type a name, a place or a topic. Chinese matches in either script.',
  matchCount: '{count} matching passages',
  openArticle: 'Open the source',
  filters: 'Filters',
  filterKind: 'Kind',
  filterSource: 'Source',
  filterScript: 'Script',
  filterFrom: 'From',
  filterTo: 'To',
  filterAll: 'All',
  clearFilters: 'Clear filters',
  kindTitle: 'Title',
  kindParagraph: 'Paragraph',
  kindSubheading: 'Subheading',
  kindCaption: 'Caption',
  kindGalleryHeading: 'Gallery heading',
  kindGalleryItem: 'Gallery item',
  kindByline: 'Byline',
  scriptHant: 'Traditional Chinese',
  scriptHans: 'Simplified Chinese',
  scriptEn: 'English',
  entityPerson: 'People',
  entityPlace: 'Places',
  entityOrganisation: 'Organisations',
  entityTopic: 'Topics',
  entityEvent: 'Events',
  popupTermsHeading: 'On this page',
  popupTermCount: '{count}×',
  popupSiteSwitch: 'Mark terms on {site}',
  popupOpenPage: 'Open Factlens search',
  popupMoreResults: 'All results',
  popupLoading: 'Reading this page…',
  emptyTitle: 'Nothing marked here',
  emptyWhat:
    'Factlens marks the people, places and topics its news corpus knows, and shows sourced passages when you hover them.',
  emptyNoTerms: 'This page mentions none of the names or topics in the corpus.',
  emptyDisabled: 'Factlens is switched off for this site.',
  emptyUnavailable: 'Factlens cannot read this page (browser pages and the extension store are off limits).',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const zhHant: Messages = {
  appName: 'Factlens',
  tagline: '新聞語料中的人名與話題，附出處段落。',
  searchPlaceholder: '搜尋所有段落（中文或英文）…',
  searchLabel: '搜尋',
  searchHint: '按 / 開始搜尋',
  searching: '搜尋中…',
  searchError: '搜尋失敗：{message}',
  resultCount: '{count} 篇文章',
  noResults: '沒有段落符合「{query}」。',
  emptyQuery: '輸入人名、地名或話題；中文繁簡皆可。',
  matchCount: '{count} 個相符段落',
  openArticle: '開啟原文',
  filters: '篩選',
  filterKind: '類型',
  filterSource: '來源',
  filterScript: '文字',
  filterFrom: '起',
  filterTo: '迄',
  filterAll: '全部',
  clearFilters: '清除篩選',
  kindTitle: '標題',
  kindParagraph: '段落',
  kindSubheading: '小標題',
  kindCaption: '圖說',
  kindGalleryHeading: '圖集標題',
  kindGalleryItem: '圖集項目',
  kindByline: '署名',
  scriptHant: '繁體中文',
  scriptHans: '簡體中文',
  scriptEn: '英文',
  entityPerson: '人物',
  entityPlace: '地點',
  entityOrganisation: '機構',
  entityTopic: '話題',
  entityEvent: '事件',
  popupTermsHeading: '本頁提及',
  popupTermCount: '{count} 次',
  popupSiteSwitch: '在 {site} 標示詞語',
  popupOpenPage: '開啟 Factlens 搜尋',
  popupMoreResults: '全部結果',
  popupLoading: '正在讀取本頁…',
  emptyTitle: '此頁沒有標示',
  emptyWhat: 'Factlens 會標示新聞語料中的人物、地點與話題，滑鼠移上去即可看到附出處的段落。',
  emptyNoTerms: '此頁沒有提到語料中的任何人名或話題。',
  emptyDisabled: '已在此網站關閉 Factlens。',
  emptyUnavailable: 'Factlens 無法讀取此頁（瀏覽器內建頁面與擴充功能商店不開放）。',
};

const zhHans: Messages = {
  appName: 'Factlens',
  tagline: '新闻语料中的人名与话题，附出处段落。',
  searchPlaceholder: '搜索所有段落（中文或英文）…',
  searchLabel: '搜索',
  searchHint: '按 / 开始搜索',
  searching: '搜索中…',
  searchError: '搜索失败：{message}',
  resultCount: '{count} 篇文章',
  noResults: '没有段落符合“{query}”。',
  emptyQuery: '输入人名、地名或话题；中文繁简皆可。',
  matchCount: '{count} 个相符段落',
  openArticle: '打开原文',
  filters: '筛选',
  filterKind: '类型',
  filterSource: '来源',
  filterScript: '文字',
  filterFrom: '起',
  filterTo: '止',
  filterAll: '全部',
  clearFilters: '清除筛选',
  kindTitle: '标题',
  kindParagraph: '段落',
  kindSubheading: '小标题',
  kindCaption: '图说',
  kindGalleryHeading: '图集标题',
  kindGalleryItem: '图集项目',
  kindByline: '署名',
  scriptHant: '繁体中文',
  scriptHans: '简体中文',
  scriptEn: '英文',
  entityPerson: '人物',
  entityPlace: '地点',
  entityOrganisation: '机构',
  entityTopic: '话题',
  entityEvent: '事件',
  popupTermsHeading: '本页提及',
  popupTermCount: '{count} 次',
  popupSiteSwitch: '在 {site} 标示词语',
  popupOpenPage: '打开 Factlens 搜索',
  popupMoreResults: '全部结果',
  popupLoading: '正在读取本页…',
  emptyTitle: '此页没有标示',
  emptyWhat: 'Factlens 会标示新闻语料中的人物、地点与话题，鼠标移上去即可看到附出处的段落。',
  emptyNoTerms: '此页没有提到语料中的任何人名或话题。',
  emptyDisabled: '已在此网站关闭 Factlens。',
  emptyUnavailable: 'Factlens 无法读取此页（浏览器内置页面与扩展商店不开放）。',
};

export const MESSAGES: Record<Locale, Messages> = { 'zh-Hant': zhHant, 'zh-Hans': zhHans, en };

/** The interface language for a BCP 47 tag (navigator.language): zh-TW/HK/MO/Hant → zh-Hant. */
export function pickLocale(tag: string | undefined): Locale {
  const t = (tag ?? '').toLowerCase();
  if (!t.startsWith('zh')) return 'en';
  return /hant|-tw|-hk|-mo/.test(t) ? 'zh-Hant' : 'zh-Hans';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = MESSAGES[locale][key] ?? en[key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

export function translator(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}
