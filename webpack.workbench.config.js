/**
 * Builds the browser workbench (a development page, not part of the add-in) into the add-in's
 * output directory, after webpack.config.js has built the add-in there (`npm run build` runs both,
 * in that order; this config never cleans the directory):
 *
 *   workbench.html      the page: the add-in's task pane beside a live grid (strict CSP, 'self' only)
 *   workbench.js        src/workbench/main.ts: the page, with a mirror of the workbook's values
 *   workbench-engine.js src/workbench/engineWorker.ts, the page's Web Worker: the workbook with the
 *                       formula engine (HyperFormula, GPL-3.0: allowed here, never in the add-in
 *                       bundles, which webpack.config.js and test/build.test.ts guard)
 *   workbench-xlsx.js   exceljs and src/xlsx, loaded when the workbook is exported
 *   workbench.css       the grid's styles (the page also uses the add-in's taskpane.css)
 *   office.js           Office.js from the @microsoft/office-js package, for local pages and the
 *                       browser tests; the add-in's taskpane.html keeps loading Microsoft's CDN.
 *
 * `--env outDir=...` as for webpack.config.js.
 */
const path = require('path');
const { typescriptRule, cacheFor } = require('./webpack.common');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const outputPath = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist');

  return {
    name: 'workbench',
    // Built after the add-in when both run in one webpack process (npm start): its output.clean empties the folder first.
    dependencies: ['addin'],
    mode,
    cache: cacheFor('workbench', mode, Boolean(env.outDir), env.cacheDir),
    context: __dirname,
    // Never an eval-based devtool: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    // The page, and the engine's Web Worker (the page loads it by name: src/workbench/bookMirror.ts).
    entry: { workbench: './src/workbench/main.ts', 'workbench-engine': './src/workbench/engineWorker.ts' },
    output: {
      path: outputPath,
      filename: '[name].js',
      chunkFilename: 'workbench-[name].js',
      clean: false,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
    module: {
      rules: [typescriptRule],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'workbench.html',
        template: './src/workbench/workbench.html',
        chunks: ['workbench'],
        scriptLoading: 'defer',
        inject: 'head',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/workbench/workbench.css', to: 'workbench.css' },
          // Byte for byte as Microsoft ships it (not minified again).
          { from: require.resolve('@microsoft/office-js/dist/office.js'), to: 'office.js', info: { minimized: true } },
        ],
      }),
    ],
    // exceljs stays in the export chunk rather than a separate vendors chunk.
    optimization: { splitChunks: false },
    // A development page: the engine and exceljs are large, and that is fine here.
    performance: { hints: false },
    // The add-in build above already lists its modules; this one reports only problems and its result.
    stats: 'minimal',
  };
};
