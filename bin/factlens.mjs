#!/usr/bin/env node
// The `factlens` command: runs the TypeScript CLI through tsx's loader, so the CLI shares the
// extension's own modules (src/) without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
