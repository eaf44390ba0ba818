/**
 * Jest for mutation testing (`npm run mutation`): only the tests that exercise src/model and
 * src/functions, so one Stryker run takes minutes, not hours. Same transform as jest.config.js.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/model', '<rootDir>/test/functions'],
};
