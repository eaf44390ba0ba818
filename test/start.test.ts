/**
 * `npm start` on a machine without Excel serves the add-in over HTTPS in the background and
 * returns; `npm stop` stops that server by its process id and frees the port.
 *
 * The test runs them on a free port of its own (DEALS_PORT) with a temporary output directory
 * (DEALS_DIST), so a server the user started with `npm start` on port 3000, its dist/ and its
 * process id file are left alone: checked at the end.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const { buildCacheDir } = require('../webpack.common') as { buildCacheDir(dist: string): string };

const ROOT = path.resolve(__dirname, '..');
const USER_PORT = 3000;
const USER_PID_FILE = path.join(ROOT, '.run', `server-${USER_PORT}.pid`);

let port = 0;
let outDir = '';

function npm(script: string) {
  return spawnSync('npm', ['run', '--silent', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', DEALS_PORT: String(port), DEALS_DIST: outDir },
    timeout: 240_000,
  });
}

function fetchStatus(urlPath: string): Promise<{ status?: number; body: string }> {
  return new Promise((resolve) => {
    https
      .get({ host: 'localhost', port, path: urlPath, rejectUnauthorized: false }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode, body }));
      })
      .on('error', () => resolve({ body: '' }));
  });
}

function portOpen(which: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port: which, host: 'localhost' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const { port: found } = server.address() as net.AddressInfo;
      server.close(() => resolve(found));
    });
  });
}

const readOrNone = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

let userPortOpenBefore = false;
let userPidBefore: string | undefined;

beforeAll(async () => {
  userPortOpenBefore = await portOpen(USER_PORT);
  userPidBefore = readOrNone(USER_PID_FILE);
  port = await freePort();
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deals-start-'));
});

afterAll(() => {
  npm('stop');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(buildCacheDir(outDir), { recursive: true, force: true }); // the cache npm start kept for that directory
});

/** webpack's persistent-cache warnings (`<w> [webpack.cache.PackFileCacheStrategy] Caching failed for pack …`). */
const cacheWarnings = (run: { stdout: string; stderr: string }) => `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /webpack\.cache|Caching failed/.test(line));

test('npm start serves the add-in over HTTPS on its port and returns; npm stop frees the port', async () => {
  expect(port).not.toBe(USER_PORT);
  const started = npm('start');
  expect(started.status).toBe(0);
  const base = `https://localhost:${port}/`;
  expect(started.stdout).toContain(base);
  expect(started.stdout).toMatch(/No Excel desktop on this machine/);
  expect(started.stdout).toMatch(/Built in \d+\.\d s\./);
  expect(cacheWarnings(started)).toEqual([]);

  // The development manifest, byte for byte: its own Id and "(dev)" in the name.
  const manifest = await fetchStatus('/manifest.xml');
  expect(manifest.status).toBe(200);
  expect(manifest.body).toBe(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
  expect(manifest.body).toMatch(/<DisplayName DefaultValue="AI Deal Modeler \(dev\)"[\s/>]/);
  const metadata = await fetchStatus('/functions.json');
  expect(metadata.status).toBe(200);
  const ids = JSON.parse(metadata.body).functions.map((f: { id: string }) => f.id);
  expect(ids).toContain('WARRANTVALUE');
  // The translated metadata the manifest's zh-TW and zh-CN overrides name, from the same build.
  for (const file of ['functions-zh-TW.json', 'functions-zh-CN.json']) {
    expect(manifest.body).toContain(`Value="https://localhost:3000/${file}"`);
    const localized = await fetchStatus(`/${file}`);
    expect([file, localized.status]).toEqual([file, 200]);
    expect(JSON.parse(localized.body).functions.map((f: { id: string }) => f.id)).toEqual(ids);
  }
  expect((await fetchStatus('/taskpane.html')).status).toBe(200);
  // Without Excel, the workbench: its URL printed, served at / and /workbench.html.
  expect(started.stdout).toContain(`Workbench (the taskpane beside a live grid): ${base}workbench.html`);
  const workbench = await fetchStatus('/');
  expect(workbench.status).toBe(200);
  expect(workbench.body).toMatch(/<script\b[^>]*\bsrc=["']?workbench\.js/);
  expect((await fetchStatus('/workbench.js')).status).toBe(200);
  expect((await fetchStatus('/functions.js')).status).toBe(200);
  expect((await fetchStatus('/../package.json')).status).toBe(404);
  // The build went to DEALS_DIST, not dist/.
  expect(fs.existsSync(path.join(outDir, 'functions.json'))).toBe(true);

  // With the self-signed certificate, how to trust it on each system.
  if (/self-signed certificate/.test(started.stdout)) {
    for (const system of ['Windows: certutil', 'macOS:   sudo security add-trusted-cert', 'Linux (Chrome, Chromium, Edge): certutil', 'Linux (Firefox)']) {
      expect(started.stdout).toContain(system);
    }
  }

  const stopped = npm('stop');
  expect(stopped.status).toBe(0);
  expect(stopped.stdout).toMatch(/Stopped the server \(pid \d+\)/);
  expect(await portOpen(port)).toBe(false);

  // Whatever ran on the user's port is as it was.
  expect(await portOpen(USER_PORT)).toBe(userPortOpenBefore);
  expect(readOrNone(USER_PID_FILE)).toBe(userPidBefore);
}, 300_000);

test('a second npm start reuses the build cache of its output directory, without cache warnings', async () => {
  const again = npm('start');
  expect(again.status).toBe(0);
  expect(cacheWarnings(again)).toEqual([]);
  // webpack restored the modules from the persistent cache instead of compiling them again.
  expect(again.stdout).toMatch(/cached modules [\d.]+ [KM]iB \[cached\]/);
  expect(fs.existsSync(buildCacheDir(outDir))).toBe(true);
  expect((await fetchStatus('/functions.json')).status).toBe(200);
  expect(npm('stop').status).toBe(0);
  expect(await portOpen(port)).toBe(false);
}, 300_000);
