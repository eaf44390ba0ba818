/** Jest runs the TypeScript sources directly through ts-jest. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['**/*.test.ts'],
  // fast-check on a fixed seed (test/fastCheckSeed.ts)
  setupFiles: ['<rootDir>/test/fastCheckSeed.ts'],
};
