/**
 * Runs the production webpack build once, as a team would deploy it: `ADDIN_URL` on a local port,
 * written to a temporary directory (dist/ is left alone) that a plain static HTTPS server serves
 * under that URL. Checks what would be deployed: the metadata, the custom-function associations,
 * the absence of HyperFormula (GPL-3.0), the gzipped bundle budgets (printed for CI logs), the
 * shared runtime page, the production manifest and icons, and that every URL in that manifest
 * answers 200.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import type { Server } from 'https';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import addin from '../src/addin.json';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { DEALS_FUNCTIONS } from '../src/functions/catalog';
import { CATALOGUES } from '../src/i18n';
import { FunctionsMetadata, localizeMetadata, METADATA_FILES, metadataJson } from '../src/i18n/functionMetadata';

const ROOT = path.resolve(__dirname, '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Microsoft's Office.js CDNs: the page's and the one Office.js moved to (test/taskpane/csp.test.ts). */
const OFFICE_HOSTS = ['https://appsforoffice.microsoft.com', 'https://officeapis.public.onecdn.static.microsoft'];
/** Gzipped budgets in bytes (1 KB = 1000 bytes, the stricter reading). */
const BUDGETS: Record<string, number> = { 'taskpane.js': 200_000, 'functions.js': 50_000 };
/** Strings HyperFormula's code carries even when minified (its name, its licence keys). */
const HYPERFORMULA_MARKERS = [/hyperformula/i, /gpl-v3/, /internal-use-in-handsontable/, /handsontable/i];

const { serve } = require('../scripts/devServer') as { serve(port: number, options: { root: string }): Promise<{ server: Server }> };
const { productionManifest, addinMetadata } = require('../scripts/manifest') as {
  productionManifest(xml: string, addinUrl: string): string;
  addinMetadata(json: string, addinUrl?: string): string;
};

/** The site's root; the add-in is built into its subdirectory SITE_PATH. */
let siteDir = '';
let outDir = '';
let addinUrl = '';
let server: Server | undefined;
let build: ReturnType<typeof spawnSync>;
const SITE_PATH = 'tools/deal-modeler/';

const read = (name: string): string => fs.readFileSync(path.join(outDir, name), 'utf8');

beforeAll(async () => {
  siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deals-site-'));
  outDir = path.join(siteDir, SITE_PATH);
  // The server reads files per request, so it can start (and pick its free port) before the build.
  ({ server } = await serve(0, { root: siteDir }));
  const { port } = server.address() as { port: number };
  addinUrl = `https://localhost:${port}/${SITE_PATH}`;
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  build = spawnSync(process.execPath, [webpackCli, '--mode', 'production', '--env', `outDir=${outDir}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ADDIN_URL: addinUrl },
    timeout: 120_000,
  });
  if (build.status !== 0) console.error(`webpack failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
}, 150_000);

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
});

function fetch(url: string): Promise<{ status?: number; type?: string; cors?: string; body: Buffer }> {
  return new Promise((resolve) => {
    https
      .get(url, { rejectUnauthorized: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, type: response.headers['content-type'], cors: response.headers['access-control-allow-origin'] as string | undefined, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', () => resolve({ body: Buffer.alloc(0) }));
  });
}

describe('production build', () => {
  test('webpack succeeds without errors', () => {
    expect(build.status).toBe(0);
    expect(String(build.stdout)).toMatch(/compiled successfully/);
  });

  test('dist/functions.json is the metadata generated from functions.ts, helpUrls under ADDIN_URL', async () => {
    const generated = await generateCustomFunctionsMetadata(path.join(ROOT, 'src/functions/functions.ts'), true);
    expect(generated.errors).toEqual([]);
    const emitted = read('functions.json');
    // The production build moves each helpUrl under ADDIN_URL and turns data-type objects off; nothing else changes.
    expect(emitted).toBe(addinMetadata(generated.metadataJson, addinUrl));
    expect(emitted).not.toContain('localhost:3000');
    // A Stocks or other data-type cell reaches a DEALS argument as its basic value, not as an object.
    expect(JSON.parse(generated.metadataJson).allowCustomDataForDataTypeAny).toBe(true); // the generator's default
    expect(JSON.parse(emitted).allowCustomDataForDataTypeAny).toBe(false);
  }, 60_000);

  test('functions-zh-TW.json and functions-zh-CN.json are that metadata with the catalogues\' descriptions', async () => {
    const generated = await generateCustomFunctionsMetadata(path.join(ROOT, 'src/functions/functions.ts'), true);
    const english = JSON.parse(addinMetadata(generated.metadataJson, addinUrl)) as FunctionsMetadata;
    expect(METADATA_FILES.map((f) => f.file)).toEqual(['functions-zh-TW.json', 'functions-zh-CN.json']);
    for (const { file, locale } of METADATA_FILES) {
      const emitted = read(file);
      expect([file, emitted]).toEqual([file, metadataJson(localizeMetadata(english, CATALOGUES[locale]))]);
      expect(emitted).not.toContain('localhost:3000');
      expect(emitted).not.toBe(read('functions.json'));
    }
  }, 60_000);

  test('the functions bundle associates every id with its function (injected by the metadata plugin), the task pane bundle none', () => {
    const functionsJs = read('functions.js');
    for (const { name } of DEALS_FUNCTIONS) {
      const calls = functionsJs.split(`CustomFunctions.associate("${name}",`).length - 1;
      expect([name, calls]).toEqual([name, 1]);
    }
    expect(functionsJs.match(/CustomFunctions\.associate\(/g)).toHaveLength(DEALS_FUNCTIONS.length);
    expect(read('taskpane.js')).not.toContain('CustomFunctions.associate');
  });

  test('no output file contains HyperFormula code', () => {
    const files = fs.readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    const scanned: string[] = [];
    for (const entry of files) {
      const file = path.join(entry.parentPath, entry.name);
      if (!/\.(js|map|html|json|css)$/.test(file)) continue;
      const content = fs.readFileSync(file, 'utf8');
      for (const marker of HYPERFORMULA_MARKERS) expect([path.relative(outDir, file), marker.test(content)]).toEqual([path.relative(outDir, file), false]);
      scanned.push(path.relative(outDir, file));
    }
    expect(scanned).toEqual(expect.arrayContaining(['functions.js', 'taskpane.js', 'functions.js.map', 'taskpane.js.map', 'taskpane.html']));
  });

  test('the HyperFormula markers do find HyperFormula (control)', () => {
    const minified = fs.readFileSync(path.join(ROOT, 'node_modules/hyperformula/dist/hyperformula.min.js'), 'utf8');
    for (const marker of HYPERFORMULA_MARKERS) expect([String(marker), marker.test(minified)]).toEqual([String(marker), true]);
  });

  test('bundles fit their gzipped budgets', () => {
    const lines: string[] = [];
    for (const [name, budget] of Object.entries(BUDGETS)) {
      const raw = fs.readFileSync(path.join(outDir, name));
      const gzipped = zlib.gzipSync(raw, { level: 9 }).length;
      lines.push(`${name.padEnd(13)} raw ${String(raw.length).padStart(7)} B   gzip ${String(gzipped).padStart(6)} B   budget ${budget} B`);
      expect([name, gzipped <= budget]).toEqual([name, true]);
    }
    console.log(`Bundle sizes (production):\n${lines.join('\n')}`);
  });

  test('the bundles need no eval (the page CSP forbids it)', () => {
    for (const name of ['functions.js', 'taskpane.js']) expect([name, /\beval\(|new Function\(/.test(read(name))]).toEqual([name, false]);
  });

  test('taskpane.html loads Office.js from the CDN, then both bundles, with no inline script', () => {
    const html = read('taskpane.html');
    const attribute = (tag: string, name: string): string | undefined => {
      const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
      return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    };
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.map((s) => s[2].trim())).toEqual(scripts.map(() => '')); // no inline code
    expect(scripts.map((s) => attribute(s[0], 'src'))).toEqual([OFFICE_JS, 'functions.js', 'taskpane.js']);
    // Office.js blocks parsing; the bundles are deferred, so they run after it.
    expect(attribute(scripts[0][0], 'defer')).toBeUndefined();
    expect(/\sdefer\b/.test(scripts[1][0]) && /\sdefer\b/.test(scripts[2][0])).toBe(true);

    const csp = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/i.exec(html);
    expect(csp).not.toBeNull();
    const policy = Object.fromEntries(
      (csp![1] ?? csp![2])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(policy['script-src']).toEqual(["'self'", ...OFFICE_HOSTS]);
    expect(policy['connect-src']).toEqual(["'self'", ...OFFICE_HOSTS]);
    expect(policy['default-src']).toEqual(["'self'"]);
    // Office.js sets inline styles (office-js #1687); nothing else is relaxed.
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    const allSources = Object.entries(policy).flatMap(([directive, sources]) => (directive === 'style-src' ? [] : sources));
    expect(allSources.filter((s) => /unsafe/.test(s))).toEqual([]);
    expect(allSources.filter((s) => /^https?:/.test(s) && !OFFICE_HOSTS.includes(s))).toEqual([]);

    for (const href of [...html.matchAll(/<link\b[^>]*>/gi)].map((l) => attribute(l[0], 'href'))) {
      expect(fs.existsSync(path.join(outDir, href!))).toBe(true);
    }
  });

  test('the manifest is the production one for ADDIN_URL, and the icons are copied', () => {
    const manifest = read('manifest.xml');
    expect(manifest).toBe(productionManifest(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), addinUrl));
    expect(manifest).toContain(`<Id>${addin.productionId}</Id>`);
    expect(manifest).not.toMatch(/localhost:3000|\(dev\)/);
    const icons = fs.readdirSync(path.join(ROOT, 'assets')).filter((f) => f.endsWith('.png'));
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) {
      expect(fs.readFileSync(path.join(outDir, 'assets', icon)).equals(fs.readFileSync(path.join(ROOT, 'assets', icon)))).toBe(true);
    }
    expect(fs.existsSync(path.join(outDir, 'assets', 'make-icons.js'))).toBe(false);
  });

  test('a static server serving the build at ADDIN_URL answers 200 for every URL in the manifest', async () => {
    const manifest = read('manifest.xml').replace(/<!--[\s\S]*?-->/g, '').replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
    const urls = [...new Set(manifest.match(/https:\/\/[^"<\s]+/g) ?? [])];
    const origin = new URL(addinUrl).origin;
    expect(urls).toContain(origin); // the AppDomain
    const files = urls.filter((u) => u !== origin);
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(files.filter((u) => !u.startsWith(addinUrl))).toEqual([]);
    for (const url of files) {
      const response = await fetch(url);
      expect([url, response.status, response.body.length > 0]).toEqual([url, 200, true]);
    }
    // What Excel needs of the host (docs/deploy.md): JSON metadata as application/json, with CORS.
    const metadata = await fetch(`${addinUrl}functions.json`);
    expect(metadata.type).toMatch(/^application\/json/);
    expect(metadata.cors).toBe('*');
    const functions: { id: string; helpUrl?: string }[] = JSON.parse(metadata.body.toString('utf8')).functions;
    expect(functions.length).toBe(DEALS_FUNCTIONS.length);
    // The translated metadata the zh-TW and zh-CN overrides name: served the same way, same functions.
    for (const { file } of METADATA_FILES) {
      expect(urls).toContain(`${addinUrl}${file}`);
      const localized = await fetch(`${addinUrl}${file}`);
      expect([file, localized.status, localized.type, localized.cors]).toEqual([file, 200, expect.stringMatching(/^application\/json/), '*']);
      const localizedFunctions: { id: string; helpUrl?: string }[] = JSON.parse(localized.body.toString('utf8')).functions;
      expect(localizedFunctions.map((f) => [f.id, f.helpUrl])).toEqual(functions.map((f) => [f.id, f.helpUrl]));
    }
    // "Help on this function" lands on the deployed help page, never on a developer's localhost.
    for (const f of functions) {
      expect(f.helpUrl).toBe(`${addinUrl}help.html#${f.id}`);
      const help = await fetch(f.helpUrl!);
      expect(help.status).toBe(200);
      // The production build minifies HTML, so the attribute may lose its quotes.
      expect(help.body.toString('utf8')).toMatch(new RegExp(`\\sid="?${f.id}"?[\\s>]`));
    }
  });
});
