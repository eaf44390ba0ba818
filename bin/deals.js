#!/usr/bin/env node
/**
 * The `deals` command (package.json "bin"). Runs the compiled CLI (bin/compiledCli.js: src/cli
 * bundled by esbuild into .run/cli/deals.js, rebuilt when a source changed), so start-up costs no
 * TypeScript compilation. Where no bundle can be built (esbuild missing, a read-only checkout) it
 * runs src/cli/deals.ts through tsx instead, as before: slower, same behaviour.
 */
'use strict';

const path = require('path');
const { compiledCli } = require('./compiledCli');

function loadCli() {
  const compiled = compiledCli();
  if (compiled) return require(compiled);
  // tsx in a fixed namespace: its on-disk compile cache is keyed on it (see tsx/cjs/api).
  const { register } = require('tsx/cjs/api');
  return register({ namespace: 'deals-cli' }).require(path.join(__dirname, '..', 'src', 'cli', 'deals.ts'), __filename);
}

const cli = loadCli();

// Output piped into a reader that stops early (deals scenario show amd | head) is not an error;
// any other failure to write (a full disk, EIO from a terminal that went away) is said in a sentence.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`${cli.systemErrorSentence('deals: cannot write to standard output', error)}\n`);
  process.exit(1);
});

cli
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`deals: ${error && error.message ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
