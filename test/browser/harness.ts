/**
 * What the browser tests share: a production build of the add-in and the workbench of their own
 * (in .run/browser-dist, rebuilt when a source changed, so the tests never depend on dist/ being
 * current and are not disturbed by `npm start` rebuilding dist/ meanwhile), the dev server
 * (scripts/devServer.js) serving it on a free port, Debian's Chromium driven by playwright-core,
 * and a guard on every page: requests may go to localhost only (Office.js's CDN URL is answered
 * locally), and console errors and uncaught page errors are collected for the tests to assert.
 */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import type { Server } from 'https';
import * as path from 'path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.DEALS_CHROMIUM || '/usr/bin/chromium';
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where Microsoft serves Office.js: the page's CDN and the one Office.js moved to; both answered from the package. */
export const OFFICE_HOSTED = ['https://appsforoffice.microsoft.com/lib/1/hosted/', 'https://officeapis.public.onecdn.static.microsoft/1/'];
const OFFICE_PACKAGE = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
export const BUILD_DIR = path.join(ROOT, '.run', 'browser-dist');
/**
 * Where the screenshots go: .run/screenshots (git-ignored), so that running the tests leaves a
 * clean checkout clean; `npm run screenshots` sets DEALS_SCREENSHOTS=docs to refresh the tracked
 * ones in docs/screenshots/ that the README shows.
 */
export const SCREENSHOTS = screenshotFolder(process.env.DEALS_SCREENSHOTS);

export function screenshotFolder(setting: string | undefined): string {
  return setting === 'docs' ? path.join(ROOT, 'docs', 'screenshots') : path.join(ROOT, '.run', 'screenshots');
}

/** Flags for a quiet, offline, reproducible headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

/**
 * Whether the browser tests run: always in CI (where a missing Chromium must fail them, so
 * launching is attempted and fails loudly), elsewhere only when Chromium is installed.
 */
export function browserTestsEnabled(): boolean {
  if (process.env.CI) return true;
  if (fs.existsSync(CHROMIUM)) return true;
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set DEALS_CHROMIUM). In CI they fail instead.`);
  return false;
}

// ---- the build ----------------------------------------------------------------------------------

const BUILD_INPUTS = ['src', 'assets', 'webpack.common.js', 'webpack.config.js', 'webpack.workbench.config.js', 'manifest.xml', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** Every input file of the build with its size and time, hashed: a new value means "rebuild". */
function buildFingerprint(): string {
  const hash = crypto.createHash('sha256');
  const visit = (file: string) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(file).sort()) visit(path.join(file, name));
    } else {
      hash.update(`${path.relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) if (fs.existsSync(path.join(ROOT, input))) visit(path.join(ROOT, input));
  return hash.digest('hex');
}

const REQUIRED = ['taskpane.html', 'taskpane.js', 'functions.js', 'workbench.html', 'workbench.js', 'workbench-engine.js', 'workbench-xlsx.js', 'office.js'];

/**
 * The production build of both configurations (what `npm run build` makes), in BUILD_DIR; built
 * now if missing or older than the sources. Returns the directory and how long building took.
 */
export function ensureBuild(): { dir: string; builtMs?: number } {
  const stampFile = path.join(BUILD_DIR, '.fingerprint');
  const fingerprint = buildFingerprint();
  const current = fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === fingerprint && REQUIRED.every((f) => fs.existsSync(path.join(BUILD_DIR, f)));
  if (current) return { dir: BUILD_DIR };

  const started = Date.now();
  const staging = `${BUILD_DIR}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  for (const config of ['webpack.config.js', 'webpack.workbench.config.js']) {
    const result = spawnSync(process.execPath, [webpackCli, '--mode', 'production', '--config', config, '--env', `outDir=${staging}`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (result.status !== 0) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new Error(`webpack --config ${config} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
    }
  }
  fs.writeFileSync(path.join(staging, '.fingerprint'), fingerprint);
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  fs.renameSync(staging, BUILD_DIR);
  return { dir: BUILD_DIR, builtMs: Date.now() - started };
}

// ---- server and browser ---------------------------------------------------------------------------

export interface Harness {
  readonly browser: Browser;
  readonly server: Server;
  readonly origin: string;
  readonly dir: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const { dir, builtMs } = ensureBuild();
  if (builtMs !== undefined) console.log(`Browser tests: built the add-in and the workbench into ${path.relative(ROOT, dir)} in ${(builtMs / 1000).toFixed(1)} s`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require(path.join(ROOT, 'scripts/devServer.js')) as { serve(port: number, options: { root: string }): Promise<{ server: Server }> };
  const { server } = await serve(0, { root: dir });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the dev server has no port');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (error) {
    server.close();
    throw new Error(`Could not launch Chromium at ${CHROMIUM} (CI installs Debian's chromium in .ci/run): ${(error as Error).message}`);
  }
  return {
    browser,
    server,
    origin: `https://localhost:${address.port}`,
    dir,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---- pages ------------------------------------------------------------------------------------------

/** How the page's request for Office.js from Microsoft's CDN is answered. */
export type OfficeSource =
  /** The copy in the @microsoft/office-js package (the files Office.js loads next to it too). */
  | { readonly kind: 'package' }
  /** A script of the test's own (e.g. nothing, when an init script already defined a mock host). */
  | { readonly kind: 'script'; readonly body: string };

export interface GuardedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests that would have left localhost (aborted). */
  readonly external: string[];
  /** Office.js CDN requests answered locally. */
  readonly office: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Every request URL the page made. */
  readonly requests: string[];
}

export async function guardedPage(harness: Harness, options: { viewport?: { width: number; height: number }; office?: OfficeSource; initScript?: string } = {}): Promise<GuardedPage> {
  const context = await harness.browser.newContext({
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  const external: string[] = [];
  const office: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  const officeSource = options.office ?? { kind: 'script', body: '/* Office.js is not used by this page in the test. */' };

  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'https:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1') && url.port === new URL(harness.origin).port) {
      return route.continue();
    }
    const hosted = OFFICE_HOSTED.find((base) => url.href.startsWith(base));
    if (hosted) {
      if (officeSource.kind === 'script' && url.href === OFFICE_CDN) {
        office.push(url.href);
        return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: officeSource.body });
      }
      const file = path.join(OFFICE_PACKAGE, url.pathname.slice(new URL(hosted).pathname.length));
      if (officeSource.kind === 'package' && file.startsWith(OFFICE_PACKAGE + path.sep) && fs.existsSync(file)) {
        office.push(url.href);
        return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: fs.readFileSync(file) });
      }
    }
    external.push(url.href);
    return route.abort('blockedbyclient');
  });
  if (options.initScript) await context.addInitScript({ content: options.initScript });

  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return { context, page, external, office, errors, requests };
}

/** Only https://localhost:<port>/… requests (and data:/blob: URLs, which never reach a network), plus the locally answered Office.js. */
export function nonLocalRequests(harness: Harness, guarded: GuardedPage): string[] {
  return guarded.requests.filter((url) => !url.startsWith(`${harness.origin}/`) && !/^(data|blob):/.test(url) && !guarded.office.includes(url));
}

/**
 * Waits until the workbench's engine (its Web Worker) has answered everything the page asked: an
 * edit, undo or load sets `data-busy` on #workbench at once and clears it after the answer is shown.
 */
export async function engineIdle(page: Page): Promise<void> {
  await page.waitForSelector('#workbench[data-ready="true"]:not([data-busy])', { state: 'attached' });
}

export function writeScreenshot(name: string, png: Buffer): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  fs.writeFileSync(file, png);
  return file;
}

/** A suite's running harness and the pages its tests opened. */
export interface HarnessSession {
  readonly harness: Harness;
  readonly opened: GuardedPage[];
}

/**
 * Call inside a suite: starts the harness before its tests and closes it after them; after each
 * test, checks every page the test put into `opened`: nothing left localhost and nothing went
 * wrong in the page.
 */
export function harnessForSuite(): HarnessSession {
  let harness: Harness | undefined;
  const opened: GuardedPage[] = [];
  beforeAll(async () => {
    harness = await startHarness();
  }, 600_000);
  afterAll(async () => {
    for (const guarded of opened) await guarded.context.close().catch(() => undefined);
    await harness?.close();
  });
  afterEach(() => {
    for (const guarded of opened.splice(0)) {
      expect(guarded.external).toEqual([]);
      expect(nonLocalRequests(harness!, guarded)).toEqual([]);
      expect(guarded.errors).toEqual([]);
      void guarded.context.close().catch(() => undefined);
    }
  });
  return {
    get harness(): Harness {
      if (!harness) throw new Error('the harness starts in beforeAll');
      return harness;
    },
    opened,
  };
}
