#!/usr/bin/env node
/**
 * The `deals` command (package.json "bin"). Runs src/cli/deals.ts through tsx, so `npx deals`
 * works in a fresh clone after `npm ci`, with no build step.
 *
 * tsx is registered in a namespace: only what this command loads is compiled, Node's own require
 * is left alone. The namespace is a fixed name because tsx keys its on-disk compile cache on it;
 * `tsx.require()` would pick a random one each run and recompile every file (~0.3 s at start-up).
 */
'use strict';

const path = require('path');
const { register } = require('tsx/cjs/api');

// Output piped into a reader that stops early (deals scenario show amd | head) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const tsx = register({ namespace: 'deals-cli' });
const { main } = tsx.require(path.join(__dirname, '..', 'src', 'cli', 'deals.ts'), __filename);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`deals: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
