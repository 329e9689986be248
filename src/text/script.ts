// Script detection (Traditional Chinese, Simplified Chinese or English) for passages, articles and
// page text. Uses the character table of OpenCC's Traditional→Simplified conversion (opencc-js):
// a character that t2s changes is Traditional evidence; a character that t2s produces from a
// different input (and never changes itself) is Simplified evidence. The sets are built once.
import { Locale } from 'opencc-js/t2cn';
import type { Script } from '../corpus/types.ts';

interface ScriptSets {
  traditional: Set<number>;
  simplified: Set<number>;
}

let sets: ScriptSets | undefined;

/**
 * t2s outputs that are also everyday Traditional characters (臺→台, 後→后, 製→制, 乾→干, 裡→里, …):
 * neither script's evidence.
 */
const SHARED = new Set(
  [...'台后里面干只才系制准斗谷范松征布卷咸胡余云朴仆划伙表借丑'].map((c) => c.codePointAt(0) ?? 0),
);

function buildSets(): ScriptSets {
  const traditional = new Set<number>();
  const outputs = new Set<number>();
  for (const group of Locale.to.cn ?? []) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [from, to] of entries) {
        if (!from || !to || from === to) continue;
        const a = [...from];
        const b = [...to];
        // Characters only: phrase entries would add context-dependent evidence.
        if (a.length !== 1 || b.length !== 1) continue;
        traditional.add(a[0]?.codePointAt(0) ?? 0);
        outputs.add(b[0]?.codePointAt(0) ?? 0);
      }
    }
  }
  const simplified = new Set<number>();
  for (const c of outputs) if (!traditional.has(c) && !SHARED.has(c)) simplified.add(c);
  return { traditional, simplified };
}

export interface ScriptEvidence {
  /** Characters that only Traditional text uses. */
  traditional: number;
  /** Characters that only Simplified text uses. */
  simplified: number;
  /** All Han (CJK ideograph) characters. */
  han: number;
  /** Latin letters. */
  latin: number;
}

const isHan = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x3134f);
const isLatin = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);

/** Counts the script evidence in a text. */
export function scriptEvidence(text: string): ScriptEvidence {
  sets ??= buildSets();
  const evidence: ScriptEvidence = { traditional: 0, simplified: 0, han: 0, latin: 0 };
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (isHan(c)) {
      evidence.han++;
      if (sets.traditional.has(c)) evidence.traditional++;
      else if (sets.simplified.has(c)) evidence.simplified++;
    } else if (isLatin(c)) {
      evidence.latin++;
    }
  }
  return evidence;
}

/**
 * The script of a text: `en` when Latin letters outnumber Han characters three to one, otherwise whichever
 * Chinese script has more evidence. Without evidence either way, `fallback` (default `zh-Hans`).
 */
export function detectScript(text: string, fallback: Script = 'zh-Hans'): Script {
  const e = scriptEvidence(text);
  if (e.han === 0) return e.latin > 0 ? 'en' : fallback;
  // A Latin word is several letters, a Chinese word one or two characters.
  if (e.latin > e.han * 3) return 'en';
  if (e.traditional > e.simplified) return 'zh-Hant';
  if (e.simplified > e.traditional) return 'zh-Hans';
  return fallback === 'en' ? 'zh-Hans' : fallback;
}
