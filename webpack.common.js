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

/**
 * webpack's persistent cache (node_modules/.cache/webpack/<build>-<mode>), so that a second `npm
 * start` or `npm run build` rebuilds only what changed instead of a full production build. Only for
 * the default output directory dist/: builds into another one (`--env outDir=...`: the tests, into
 * temporary directories, at the same time as a user's build) run without it, so no two processes
 * ever write one cache and no cache is left behind per temporary directory. The configs, the
 * manifest transform and package-lock.json are build dependencies: a change starts afresh.
 */
function cacheFor(build, mode, customOutDir) {
  if (customOutDir) return false;
  return {
    type: 'filesystem',
    name: `${build}-${mode}`,
    buildDependencies: {
      config: ['webpack.common.js', 'webpack.config.js', 'webpack.workbench.config.js', 'package-lock.json', 'scripts/manifest.js', 'src/addin.json'].map((file) => path.join(__dirname, file)),
    },
  };
}

module.exports = { typescriptRule, cacheFor };
