// Entry of the `factlens` command line: dispatches to one module per subcommand.
// Each subcommand returns its exit code; output goes to stdout, errors to stderr.

export type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  corpus: async () => (await import('./corpus-command.ts')).corpusCommand,
  detect: async () => (await import('./detect-command.ts')).detectCommand,
  lookup: async () => (await import('./lookup-command.ts')).lookupCommand,
  search: async () => (await import('./search-command.ts')).searchCommand,
};

const usage = `usage: factlens <command> [options]

commands:
  corpus [DIR|FILE]... [--json]   read articles (default: seeds/) and print counts and every error
  detect PAGE.html [--corpus DIR]... [--json]   mark the corpus' entities on a page
  lookup TERM [--corpus DIR]... [--json] [-n N]  an entity and its best passages
  search QUERY [--corpus DIR]... [--json]   full-text search of every passage (seeds/ + DIRs)
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`factlens: unknown command "${name}"\n${usage}`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    process.stderr.write(`factlens ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
