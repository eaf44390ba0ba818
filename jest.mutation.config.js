/**
 * Jest for mutation testing (`npm run mutation`): only the tests that exercise src/model and
 * src/functions, so one Stryker run takes minutes, not hours. Same transform as jest.config.js.
 *
 * DEALS_MUTATION_QUICK=1 leaves out test/model/fundingRisk.test.ts, whose long Monte Carlo tests
 * cover normal.ts and random.ts too; fewer tests can only kill fewer mutants, so a quick score is
 * a lower bound of the full one (docs/mutation.md says which runs used it).
 *
 * DEALS_MUTATION_ONLY=<file>,<file>… runs only those test files (paths from the repository root):
 * a "static" mutant (one in code that runs when a module loads) runs every test of the
 * configuration, so a file with many of them is measured against the tests that concern it. The
 * score is then a lower bound too.
 */
const only = process.env.DEALS_MUTATION_ONLY?.split(',').filter(Boolean);
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/model', '<rootDir>/test/functions'],
  ...(only ? { testMatch: only.map((file) => `<rootDir>/${file}`) } : {}),
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.DEALS_MUTATION_QUICK === '1' ? ['/test/model/fundingRisk\\.test\\.ts$'] : [])],
};
