// Romanisation with pinyin-pro (build time): Chinese personal names in the conventional English form,
// surname first, given name joined (王毅 → Wang Yi, 习近平 → Xi Jinping), and toneless syllables of
// transliterated foreign names for phonetic comparison. pinyin-pro's surname table is Simplified-only,
// so callers pass Simplified text.
import { pinyin } from 'pinyin-pro';

const cap = (s: string) => (s ? (s[0] as string).toUpperCase() + s.slice(1) : s);

/** "Wang Yi", "Xi Jinping", "Ouyang Nana" (compound surnames of two characters kept together). */
export function romanizeChineseName(simplified: string): string | undefined {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(simplified)) return undefined;
  const syllables = pinyin(simplified, { toneType: 'none', surname: 'head', type: 'array', v: true });
  if (syllables.length !== simplified.length) return undefined;
  const surnameLength = simplified.length === 4 ? 2 : 1;
  const surname = syllables.slice(0, surnameLength).join('');
  const given = syllables.slice(surnameLength).join('');
  return `${cap(surname)} ${cap(given)}`;
}

/** Toneless syllables, one per character. */
export function syllables(simplified: string): string[] {
  return pinyin(simplified, { toneType: 'none', type: 'array', v: true });
}
