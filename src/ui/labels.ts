// Message keys for the enumerations the interface shows (text kinds, scripts, entity kinds).
import type { Script } from '../corpus/types.ts';
import type { EntityKind } from '../entities/types.ts';
import type { SearchKind } from '../search/types.ts';
import type { MessageKey } from './i18n.ts';

export const KIND_LABEL: Record<SearchKind, MessageKey> = {
  title: 'kindTitle',
  paragraph: 'kindParagraph',
  subheading: 'kindSubheading',
  caption: 'kindCaption',
  'gallery-heading': 'kindGalleryHeading',
  'gallery-item': 'kindGalleryItem',
  byline: 'kindByline',
};
export const SEARCH_KINDS = Object.keys(KIND_LABEL) as SearchKind[];

export const SCRIPT_LABEL: Record<Script, MessageKey> = {
  'zh-Hant': 'scriptHant',
  'zh-Hans': 'scriptHans',
  en: 'scriptEn',
};
export const SCRIPTS = Object.keys(SCRIPT_LABEL) as Script[];

export const ENTITY_KIND_LABEL: Record<EntityKind, MessageKey> = {
  person: 'entityPerson',
  place: 'entityPlace',
  organisation: 'entityOrganisation',
  topic: 'entityTopic',
  event: 'entityEvent',
};
export const ENTITY_KINDS = Object.keys(ENTITY_KIND_LABEL) as EntityKind[];
