/**
 * Builds the Excel add-in into dist/ (or `--env outDir=...`):
 *
 *   functions.js    the DEALS custom functions (src/functions/functions.ts). The metadata plugin
 *                   appends `CustomFunctions.associate(id, fn)` for every @customfunction to this
 *                   module while bundling, so no hand-written association is needed.
 *   functions.json  Excel's metadata, generated from the JSDoc in functions.ts by the same plugin.
 *   functions-zh-TW.json, functions-zh-CN.json   the same metadata with its descriptions in
 *                   繁體中文 / 简体中文 from the catalogues (src/i18n/functionMetadata.ts).
 *   taskpane.js     the task pane (src/taskpane/taskpane.ts).
 *   taskpane.html   the shared runtime page: loads Office.js from Microsoft's CDN, then both bundles.
 *                   The manifest uses it as task pane, custom-functions page and FunctionFile.
 *   help.html, taskpane.css, assets/icon-*.png   copied as they are.
 *   manifest.xml    the development manifest as it is; with `ADDIN_URL=https://host/path/` (or
 *                   `--env addinUrl=...`) the production manifest for that host instead
 *                   (scripts/manifest.js): the bundles and pages are the same for every host.
 *
 * Production mode unless `--mode development`. Types are checked by `tsc --noEmit`, so ts-loader
 * only transpiles. HyperFormula (GPL-3.0) may be used by other tools in this repository but must
 * never reach these bundles: the build fails if any of its modules is pulled in.
 */
const path = require('path');
const { typescriptRule, cacheFor } = require('./webpack.common');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { WebpackError } = require('webpack');
const { addinMetadata, parseAddinUrl, productionManifest } = require('./scripts/manifest');

/** Fails the compilation if a module from a forbidden package ends up in any chunk. */
class ForbidPackagesPlugin {
  constructor(packages) {
    this.packages = packages;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('ForbidPackagesPlugin', (compilation) => {
      compilation.hooks.finishModules.tap('ForbidPackagesPlugin', (modules) => {
        const found = new Map();
        for (const module of modules) {
          const resource = (module.resource || '').split(path.sep).join('/');
          const hit = this.packages.find((name) => resource.includes(`/node_modules/${name}/`));
          if (hit) found.set(hit, [...(found.get(hit) || []), resource]);
        }
        for (const [name, resources] of found) {
          compilation.errors.push(
            new WebpackError(`${name} must not be bundled into the add-in (licence): ${resources.length} of its modules were pulled in, e.g. ${resources[0]}`),
          );
        }
      });
    });
  }
}

/**
 * Finishes the function metadata the metadata plugin emitted as functions.json (addinMetadata:
 * data-type objects off, for a production host its helpUrls under ADDIN_URL), and from that English file the
 * translated copies of src/i18n/functionMetadata.ts METADATA_FILES are written beside it
 * (functions-zh-TW.json, functions-zh-CN.json), which the manifest's bt:Override elements name.
 * The catalogues are TypeScript, loaded through tsx.
 */
class FunctionsMetadataPlugin {
  constructor(addinUrl) {
    this.addinUrl = addinUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FunctionsMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'FunctionsMetadataPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset('functions.json');
        if (!asset) return; // the metadata plugin reported why
        const { RawSource } = compiler.webpack.sources;
        let json;
        try {
          json = addinMetadata(asset.source.source().toString(), this.addinUrl);
          compilation.updateAsset('functions.json', new RawSource(json));
        } catch (error) {
          compilation.errors.push(new WebpackError(error instanceof Error ? error.message : String(error)));
          return;
        }
        try {
          const { require: tsxRequire } = require('tsx/cjs/api');
          const { CATALOGUES, en } = tsxRequire('./src/i18n/index.ts', __filename);
          const { METADATA_FILES, localizeMetadata, metadataJson, staleTexts } = tsxRequire('./src/i18n/functionMetadata.ts', __filename);
          forgetNamespacedModules();
          const metadata = JSON.parse(json);
          const stale = staleTexts(metadata, en);
          if (stale.length > 0) {
            compilation.warnings.push(new WebpackError(`src/i18n/en.ts differs from the JSDoc of src/functions/functions.ts for ${stale.join(', ')}: update the English text and its translations`));
          }
          for (const { locale, file } of METADATA_FILES) compilation.emitAsset(file, new RawSource(metadataJson(localizeMetadata(metadata, CATALOGUES[locale]))));
        } catch (error) {
          compilation.errors.push(new WebpackError(`Localized function metadata: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    });
  }
}

/**
 * tsx's namespaced require leaves modules named `file.ts?namespace=<n>` in require.cache and among
 * this config's module children. webpack's persistent cache walks the config's children as build
 * dependencies, cannot lstat such a name, and warned "Caching failed for pack … ENOENT" on every
 * cached build. The catalogues are loaded afresh on each compilation anyway, so forget them.
 */
function forgetNamespacedModules() {
  const namespaced = (id) => id.includes('?namespace=');
  for (const id of Object.keys(require.cache)) if (namespaced(id)) delete require.cache[id];
  for (const owner of [module, ...Object.values(require.cache)]) {
    if (owner && owner.children) owner.children = owner.children.filter((child) => !namespaced(child.id));
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const outputPath = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist');
  const addinUrlSetting = env.addinUrl || process.env.ADDIN_URL;
  const addinUrl = addinUrlSetting ? parseAddinUrl(addinUrlSetting) : undefined;

  return {
    name: 'addin',
    mode,
    cache: cacheFor('addin', mode, Boolean(env.outDir), env.cacheDir),
    context: __dirname,
    // Never an eval-based devtool: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/taskpane.ts',
    },
    output: {
      path: outputPath,
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
    module: {
      rules: [typescriptRule],
    },
    plugins: [
      new ForbidPackagesPlugin(['hyperformula']),
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './src/functions/functions.ts',
      }),
      new FunctionsMetadataPlugin(addinUrl),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // Functions first: associations are made as soon as the runtime page loads.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
        inject: 'head',
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: addinUrl ? (content) => productionManifest(content.toString('utf8'), addinUrl) : undefined,
          },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
        ],
      }),
    ],
    performance: {
      // Raw sizes; the gzipped budgets (taskpane ≤ 200 KB, functions ≤ 50 KB) are checked by test/build.test.ts.
      hints: mode === 'production' ? 'warning' : false,
      // The task pane carries the three catalogues whole (every DEALS function's description and
      // parameter texts, and since the capacity ledger and the funding model of issue 15 every label,
      // note and rationale of those sheets; 繁體中文 and 简体中文 being ~3 bytes a character): about
      // 381 KiB raw, 110 KiB gzipped (measured by test/browser/browser.test.ts), loaded once per session from the add-in's own host. Warn above
      // 420 KiB raw instead of webpack's 244 KiB default; the gzipped budget is the one enforced.
      maxAssetSize: 420 * 1024,
      maxEntrypointSize: 420 * 1024,
      assetFilter: (file) => file.endsWith('.js'),
    },
    stats: 'normal',
  };
};
