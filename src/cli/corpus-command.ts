// `factlens corpus`: placeholder until the parser lands (filled in by the corpus work).
import type { Command } from './main.ts';

export const corpusCommand: Command = async () => {
  process.stderr.write('factlens corpus: not implemented yet\n');
  return 1;
};
