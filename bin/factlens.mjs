#!/usr/bin/env node
// The `factlens` command: runs the TypeScript CLI through tsx's loader, so the CLI shares the
// extension's own modules (src/) without a separate build step.
import { register } from 'tsx/esm/api';

register();
// Output piped into a reader that stops early (`| head`) ends the command quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
