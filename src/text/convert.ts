// Script conversion with opencc-js, for building aliases in the other script. Build time only: the
// matcher folds with the single-character table in fold.ts instead. The `twp`/`cn→twp` phrase configs
// rewrite vocabulary (支持→支援), so only plain character conversion (cn↔tw) is used.
import * as OpenCC from 'opencc-js';

let t2s: ((s: string) => string) | undefined;
let s2t: ((s: string) => string) | undefined;

export function toSimplified(s: string): string {
  t2s ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return t2s(s);
}

export function toTraditional(s: string): string {
  s2t ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return s2t(s);
}
