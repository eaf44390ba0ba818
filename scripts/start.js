/**
 * `npm start`: build the add-in, serve it on https://localhost:3000/ in the background, then
 * - with Excel desktop on this machine (Windows, macOS): sideload it with office-addin-debugging;
 * - without Excel: print (and, where a desktop browser exists, open) the workbench URL and how to
 *   sideload the manifest into Excel on the web.
 * With a self-signed certificate it prints how to trust it on Windows, macOS and Linux.
 * Never waits for input. `npm stop` stops the server by the process id written to
 * .run/server-<port>.pid. `DEALS_PORT` and `DEALS_DIST` choose another port and output directory
 * (the start test uses them, so a user's `npm start` on port 3000 survives `npm test`).
 *
 * The build is webpack's, with its persistent cache (webpack.common.js): the first start is a
 * full production build, a second one rebuilds only what changed.
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const https = require('https');
const path = require('path');
const { RUN_DIR, PORT, HOST, DIST, PID_FILE, LOG_FILE } = require('./devServer');
const { stopServer, SIDELOADED_FILE } = require('./stop');
const { buildCacheDir } = require('../webpack.common');

const ROOT = path.resolve(__dirname, '..');
const BASE_URL = `https://${HOST}:${PORT}/`;
/** The pinned dev dependencies' command-line entry points (never fetched at start time). */
const DEV_CERTS_CLI = require.resolve('office-addin-dev-certs/cli.js');
const DEBUGGING_CLI = require.resolve('office-addin-debugging/cli.js');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return result.status === 0;
}

/** Path of Excel desktop, or undefined where there is none (Linux, CI). */
function findExcel() {
  const candidates =
    process.platform === 'darwin'
      ? ['/Applications/Microsoft Excel.app']
      : process.platform === 'win32'
        ? ['ProgramFiles', 'ProgramFiles(x86)'].flatMap((v) => (process.env[v] ? [path.join(process.env[v], 'Microsoft Office', 'root', 'Office16', 'EXCEL.EXE')] : []))
        : [];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

function get(url) {
  return new Promise((resolve) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(undefined));
    request.on('timeout', () => request.destroy());
  });
}

async function waitUntilServing(child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) return false;
    if ((await get(`${BASE_URL}manifest.xml`)) === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/**
 * Both webpack builds (add-in, then workbench: the workbench config depends on the add-in's, whose
 * output.clean must run first), as `npm run build`, into DEALS_DIST if set. One webpack process
 * for both: a second start spends its time in the cached builds, not in starting webpack twice.
 */
function build() {
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  // Into DEALS_DIST: with a persistent cache of that directory's own, so a second start is quick there too.
  const outDir = process.env.DEALS_DIST ? ['--env', `outDir=${DIST}`, '--env', `cacheDir=${buildCacheDir(DIST)}`] : [];
  return run(process.execPath, [webpackCli, '--mode', 'production', '--config', 'webpack.config.js', '--config', 'webpack.workbench.config.js', ...outDir]);
}

/**
 * How to trust the self-signed certificate (Excel on the web and browsers refuse an untrusted
 * one). Kept beside the README's "Trusting the development certificate", which says the same.
 */
function trustInstructions(certFile) {
  const cert = path.relative(ROOT, certFile);
  return [
    `The server uses a self-signed certificate (${cert}, renewed when it is within a day of expiry).`,
    'Excel and browsers refuse it until you trust it; or run `npx office-addin-dev-certs install` once',
    '(a local certificate authority in your trust store, which `npm start` then uses instead).',
    `  Windows: certutil -user -addstore Root ${cert.split('/').join('\\')}`,
    `  macOS:   sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${cert}`,
    `  Linux (Chrome, Chromium, Edge): certutil -d sql:$HOME/.pki/nssdb -A -t "P,," -n deals-localhost -i ${cert}   (package libnss3-tools)`,
    `  Linux (Firefox): Settings → Privacy & Security → Certificates → View Certificates → Servers → Import ${cert}`,
    'Then restart the browser (or Excel) and open the manifest URL above once to check.',
  ].join('\n');
}

function openBrowser(url) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const hasDesktop = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDesktop || process.env.CI) return false;
  const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return true;
}

async function main() {
  await stopServer({ quiet: true });
  console.log(`Building the add-in into ${path.relative(ROOT, DIST) || '.'}/ …`);
  const buildStarted = Date.now();
  if (!build()) {
    console.error('npm start: the build failed (see above).');
    return 1;
  }
  console.log(`Built in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s.`);

  const excel = findExcel();
  if (excel) {
    // Installs and trusts the Office dev certificates (may show the OS's trust dialog).
    run(process.execPath, [DEV_CERTS_CLI, 'install']);
  }

  fs.mkdirSync(RUN_DIR, { recursive: true });
  const log = fs.openSync(LOG_FILE, 'w');
  const server = spawn(process.execPath, [path.join(__dirname, 'devServer.js')], { cwd: ROOT, detached: true, stdio: ['ignore', log, log] });
  fs.writeFileSync(PID_FILE, String(server.pid));
  server.unref();
  if (!(await waitUntilServing(server))) {
    console.error(`npm start: the server did not come up on ${BASE_URL}:\n${fs.readFileSync(LOG_FILE, 'utf8')}`);
    await stopServer({ quiet: true });
    return 1;
  }
  console.log(fs.readFileSync(LOG_FILE, 'utf8').trim());
  console.log(`Add-in manifest: ${BASE_URL}manifest.xml (server pid ${server.pid}, log ${path.relative(ROOT, LOG_FILE)}; \`npm stop\` stops it)`);
  const selfSigned = path.join(RUN_DIR, 'certs', 'localhost.crt');
  if (fs.readFileSync(LOG_FILE, 'utf8').includes('self-signed certificate')) console.log(trustInstructions(selfSigned));

  if (excel) {
    console.log(`Excel found (${excel}): sideloading the add-in …`);
    fs.writeFileSync(SIDELOADED_FILE, 'manifest.xml');
    run(process.execPath, [DEBUGGING_CLI, 'start', 'manifest.xml', 'desktop', '--no-debug', '--dev-server-port', String(PORT)]);
    return 0;
  }

  const workbench = fs.existsSync(path.join(DIST, 'workbench.html')) ? `${BASE_URL}workbench.html` : undefined;
  console.log('');
  console.log('No Excel desktop on this machine.');
  if (workbench) {
    console.log(`Workbench (the taskpane beside a live grid): ${workbench}${openBrowser(workbench) ? '  (opened in your browser)' : ''}`);
  }
  console.log('Formula engine check (npx deals eval):');
  run(process.execPath, [path.join(ROOT, 'bin', 'deals.js'), 'eval', '=DEALS.WARRANTVALUE(160000000,0.01,600)', '=DEALS.BREAKEVENPRICE(160000000,0.01,90000000000)', '=DEALS.REQUIREDREVENUE(500,0.25)']);
  console.log('');
  console.log('Excel on the web: Home → Add-ins → More add-ins → My add-ins → Upload My Add-in → manifest.xml');
  console.log(`(your browser must first trust the certificate at ${BASE_URL}: see above, or README "Trusting the development certificate").`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm start: ${error.message}`);
    process.exit(1);
  },
);
