#!/usr/bin/env node
// Entry point of the command line: runs the compiled CLI (built by `npm run build`, which `npm ci` runs).
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`diboli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
