/** What the add-in build (webpack.config.js) and the workbench build (webpack.workbench.config.js) share. */
const path = require('path');

/**
 * TypeScript through ts-loader, transpile only (`npm run typecheck` and the tests check types), as
 * ES modules so that webpack can concatenate and tree-shake (tsconfig's commonjs is for Node).
 */
const typescriptRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      configFile: path.resolve(__dirname, 'tsconfig.json'),
      compilerOptions: { module: 'es2020', sourceMap: true },
    },
  },
};

module.exports = { typescriptRule };
