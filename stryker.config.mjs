// Mutation testing of the model and the argument checks (`npm run mutation`, not part of `npm test`).
// Results and every surviving mutant: docs/mutation.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
// The sandbox is a copy of the repository one folder deeper, so test/referenceData.ts cannot find
// ../shared beside the checkout on its own: tell it where it is (the test processes inherit this).
process.env.DEALS_SHARED_DIR ??= path.resolve(root, '..', 'shared');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/model/**/*.ts', 'src/functions/args.ts'],
  // The machine is shared: at most two test processes.
  concurrency: 2,
  // A mutant that loops forever costs this much beyond the usual test time, once.
  timeoutMS: 10000,
  ignorePatterns: ['dist', 'coverage', '.run', 'node_modules/.cache', 'docs/screenshots', 'test/browser', 'reports', '.stryker-tmp'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
};
