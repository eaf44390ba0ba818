/**
 * Jest for mutation testing (`npm run mutation`): only the tests that exercise src/model and
 * src/functions, so one Stryker run takes minutes, not hours. Same transform as jest.config.js.
 *
 * DEALS_MUTATION_QUICK=1 leaves out test/model/fundingRisk.test.ts, whose long Monte Carlo tests
 * cover normal.ts and random.ts too; fewer tests can only kill fewer mutants, so a quick score is
 * a lower bound of the full one (docs/mutation.md says which runs used it).
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/model', '<rootDir>/test/functions'],
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.DEALS_MUTATION_QUICK === '1' ? ['/test/model/fundingRisk\\.test\\.ts$'] : [])],
};
