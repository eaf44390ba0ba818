/**
 * Runs the production webpack build once (the same config `npm run build` uses, written to a
 * temporary directory so dist/ is left alone) and checks what would be deployed: the metadata,
 * the custom-function associations, the absence of HyperFormula (GPL-3.0), the gzipped bundle
 * budgets (printed for CI logs), the shared runtime page and the copied manifest and icons.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { DEALS_FUNCTIONS } from '../src/functions/catalog';

const ROOT = path.resolve(__dirname, '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Gzipped budgets in bytes (1 KB = 1000 bytes, the stricter reading). */
const BUDGETS: Record<string, number> = { 'taskpane.js': 200_000, 'functions.js': 50_000 };
/** Strings HyperFormula's code carries even when minified (its name, its licence keys). */
const HYPERFORMULA_MARKERS = [/hyperformula/i, /gpl-v3/, /internal-use-in-handsontable/, /handsontable/i];

let outDir = '';
let build: ReturnType<typeof spawnSync>;

const read = (name: string): string => fs.readFileSync(path.join(outDir, name), 'utf8');

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deals-build-'));
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  build = spawnSync(process.execPath, [webpackCli, '--mode', 'production', '--env', `outDir=${outDir}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0) console.error(`webpack failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
}, 150_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('production build', () => {
  test('webpack succeeds without errors', () => {
    expect(build.status).toBe(0);
    expect(String(build.stdout)).toMatch(/compiled successfully/);
  });

  test('dist/functions.json is the metadata generated from functions.ts', async () => {
    const generated = await generateCustomFunctionsMetadata(path.join(ROOT, 'src/functions/functions.ts'), true);
    expect(generated.errors).toEqual([]);
    const emitted = read('functions.json');
    expect(emitted).toBe(generated.metadataJson);
    expect(JSON.parse(emitted)).toEqual(JSON.parse(generated.metadataJson));
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
    expect(policy['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(policy['default-src']).toEqual(["'self'"]);
    const allSources = Object.values(policy).flat();
    expect(allSources.filter((s) => /unsafe/.test(s))).toEqual([]);
    expect(allSources.filter((s) => /^https?:/.test(s) && s !== 'https://appsforoffice.microsoft.com')).toEqual([]);

    for (const href of [...html.matchAll(/<link\b[^>]*>/gi)].map((l) => attribute(l[0], 'href'))) {
      expect(fs.existsSync(path.join(outDir, href!))).toBe(true);
    }
  });

  test('manifest.xml and the icons are copied, and every dev-server URL in the manifest is a file of the build', () => {
    expect(read('manifest.xml')).toBe(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
    const icons = fs.readdirSync(path.join(ROOT, 'assets')).filter((f) => f.endsWith('.png'));
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) {
      expect(fs.readFileSync(path.join(outDir, 'assets', icon)).equals(fs.readFileSync(path.join(ROOT, 'assets', icon)))).toBe(true);
    }
    expect(fs.existsSync(path.join(outDir, 'assets', 'make-icons.js'))).toBe(false);
    const urls = [...new Set(read('manifest.xml').match(/https:\/\/localhost:3000\/[^"<\s]*/g) ?? [])];
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) {
      const file = path.join(outDir, new URL(url).pathname);
      expect([url, fs.existsSync(file) && fs.statSync(file).isFile()]).toEqual([url, true]);
    }
  });
});
