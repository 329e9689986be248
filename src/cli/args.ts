// The options the entity commands share (`--json`, repeatable `--corpus DIR`, `--help`), parsed in
// one place; a command names any extra options that take a value (lookup's `-n`).

export interface CliArgs {
  json: boolean;
  help: boolean;
  corpus: string[];
  positionals: string[];
  /** Extra valued options by name as given (e.g. "-n"); '' when the value is missing. */
  values: Map<string, string>;
}

/** The parsed arguments, or the message of the first usage error. */
export function parseCliArgs(args: readonly string[], valued: readonly string[] = []): CliArgs | string {
  const out: CliArgs = { json: false, help: false, corpus: [], positionals: [], values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--json') out.json = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--corpus') {
      const dir = args[++i];
      if (!dir) return '--corpus needs a directory';
      out.corpus.push(dir);
    } else if (valued.includes(a)) out.values.set(a, args[++i] ?? '');
    else if (a.startsWith('-') && a.length > 1) return `unknown option "${a}"`;
    else out.positionals.push(a);
  }
  return out;
}
