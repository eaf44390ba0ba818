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
 * the default output directory dist/, or where the caller names a cache directory of its own
 * (`--env cacheDir=...`: `npm start` with DEALS_DIST, one directory per output directory,
 * `buildCacheDir`): other builds into another directory (`--env outDir=...`: the tests, into
 * temporary directories, at the same time as a user's build) run without it, so no two processes
 * ever write one cache and no cache is left behind per temporary directory. The configs, the
 * manifest transform and package-lock.json are build dependencies: a change starts afresh.
 */
function cacheFor(build, mode, customOutDir, cacheDirectory) {
  if (customOutDir && !cacheDirectory) return false;
  return {
    type: 'filesystem',
    name: `${build}-${mode}`,
    ...(cacheDirectory ? { cacheDirectory: path.resolve(cacheDirectory) } : {}),
    buildDependencies: {
      config: ['webpack.common.js', 'webpack.config.js', 'webpack.workbench.config.js', 'package-lock.json', 'scripts/manifest.js', 'src/addin.json'].map((file) => path.join(__dirname, file)),
    },
  };
}

/**
 * The cache directory `npm start` gives a build into `dist` other than dist/ (DEALS_DIST): under
 * .run/webpack-cache/, named after the output directory, so each output directory has its own and
 * two starts on different ports never share one.
 */
function buildCacheDir(dist) {
  const key = require('crypto').createHash('sha256').update(path.resolve(dist)).digest('hex').slice(0, 12);
  return path.join(__dirname, '.run', 'webpack-cache', key);
}

module.exports = { typescriptRule, cacheFor, buildCacheDir };
