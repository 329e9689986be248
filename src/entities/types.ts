// The shape of an entity and its aliases: the contract between the build-time extractor
// (src/entities), the matcher (src/match), the background and the UI.

export type EntityKind = 'person' | 'place' | 'organisation' | 'topic' | 'event';

/** Where an alias came from, so every alias can be explained and weighed. */
export type AliasSource =
  | 'corpus' // the form as the corpus writes it
  | 'parenthetical' // 中文名（English Name）
  | 'quoted' // 「」 “” 『』 terms
  | 'heading' // subheadings and gallery titles
  | 'cedict' // a CC-CEDICT gloss (incl. "aka" forms)
  | 'opencc' // the other Chinese script
  | 'pinyin' // pinyin-pro romanisation of a Chinese personal name
  | 'short-form' // "Lavrov" for "Sergei Lavrov", where unambiguous
  | 'given-name' // 唐纳德·特朗普 for 特朗普 "Donald Trump": the Han forms of its English given name before it
  | 'variant-table' // the curated cross-strait transliteration table
  | 'variant-gloss' // another Chinese form sharing an English gloss
  | 'variant-phonetic'; // phonetically similar transliteration

export interface Alias {
  text: string;
  source: AliasSource;
}

export interface Entity {
  /** Stable id, e.g. "e:普丁". */
  id: string;
  /** Display name as the corpus writes it most often. */
  name: string;
  kind: EntityKind;
  aliases: Alias[];
  /** How many articles mention it. */
  articleCount: number;
  /** Its English name, where known. */
  english?: string;
  /** The evidence the extractor found for the entity itself (its name), strongest first. */
  sources?: AliasSource[];
  /**
   * Folded keys of its forms that lose a tie: where the text segments as well without them, they
   * are no mention (most of their corpus occurrences were such ties: 会安 in 会安排).
   */
  weakKeys?: string[];
  /**
   * Folded keys of its forms (transliterations) that are mostly pieces of longer names in the corpus
   * (罗纳 in 罗纳德·里根): beside a transliteration character that continues a name, they are no mention.
   */
  pieceKeys?: string[];
  /**
   * Folded keys of its one-word English aliases that are everyday words (West, Diet, Main): where the
   * position gives the capital (a sentence's start, a headline in title case), they are no mention
   * unless the entity is also named plainly (see the detector's dropEverydayWords).
   */
  everydayKeys?: string[];
}

/** A mention found in one text run: [start, end) are UTF-16 offsets into that run. */
export interface Mention {
  run: number;
  start: number;
  end: number;
  /** The text as the page writes it. */
  text: string;
  entityId: string;
  /** 1 for exact alias matches; the fuse.js-derived confidence for fuzzy resolutions. */
  score: number;
}
