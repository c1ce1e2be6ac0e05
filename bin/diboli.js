#!/usr/bin/env -S node --max-semi-space-size=64
// Entry point of the command line: runs the compiled CLI (built by `npm run build`, which `npm ci` runs).
// A larger young generation halves the time a node takes to answer a picture of thousands of
// incidents (most of it was spent collecting the garbage of the rows and their JSON); `npm start`
// passes the same flag.
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`diboli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
