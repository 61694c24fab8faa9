#!/usr/bin/env node
// flakecase's executable. Node 20 cannot run TypeScript by itself, so tsx's ESM loader is
// registered first; the CLI proper is harness/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../harness/cli/main.ts');
const { processIO } = await import('../harness/cli/io.ts');
process.exitCode = await main(process.argv.slice(2), processIO());
