/**
 * `npm run screenshots`: runs the browser tests with DEALS_SCREENSHOTS=docs, so that they write the
 * tracked screenshots in docs/screenshots/ that the README shows. A plain `npm test` writes them
 * to the git-ignored .run/screenshots instead (test/browser/harness.ts), leaving a clean checkout
 * clean. Extra arguments go to jest (e.g. one test file).
 */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const files = process.argv.slice(2);
const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--runInBand', ...(files.length > 0 ? files : ['test/browser'])], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, DEALS_SCREENSHOTS: 'docs' },
});
process.exitCode = result.status ?? 1;
