/**
 * `npm start`: build the add-in, serve it on https://localhost:3000/ in the background, then
 * - with Excel desktop on this machine (Windows, macOS): sideload it with office-addin-debugging;
 * - without Excel: print (and, where a desktop browser exists, open) the workbench URL and how to
 *   sideload the manifest into Excel on the web.
 * Never waits for input. `npm stop` stops the server by the process id written to .run/server.pid.
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const https = require('https');
const path = require('path');
const { RUN_DIR, PORT, HOST } = require('./devServer');
const { stopServer } = require('./stop');

const ROOT = path.resolve(__dirname, '..');
const PID_FILE = path.join(RUN_DIR, 'server.pid');
const LOG_FILE = path.join(RUN_DIR, 'server.log');
const SIDELOADED_FILE = path.join(RUN_DIR, 'sideloaded');
const BASE_URL = `https://${HOST}:${PORT}/`;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

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
  console.log('Building the add-in (npm run build) …');
  if (!run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'])) {
    console.error('npm start: the build failed (see above).');
    return 1;
  }

  const excel = findExcel();
  if (excel) {
    // Installs and trusts the Office dev certificates (may show the OS's trust dialog).
    run(npx, ['--yes', 'office-addin-dev-certs', 'install']);
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

  if (excel) {
    console.log(`Excel found (${excel}): sideloading the add-in …`);
    fs.writeFileSync(SIDELOADED_FILE, 'manifest.xml');
    run(npx, ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--no-debug', '--dev-server-port', String(PORT)]);
    return 0;
  }

  const workbench = fs.existsSync(path.join(ROOT, 'dist', 'workbench.html')) ? `${BASE_URL}workbench.html` : undefined;
  console.log('');
  console.log('No Excel desktop on this machine.');
  if (workbench) {
    console.log(`Workbench (the taskpane beside a live grid): ${workbench}${openBrowser(workbench) ? '  (opened in your browser)' : ''}`);
  }
  console.log('Formula engine check (npx deals eval):');
  run(process.execPath, [path.join(ROOT, 'bin', 'deals.js'), 'eval', '=DEALS.WARRANTVALUE(160000000,0.01,600)', '=DEALS.BREAKEVENPRICE(160000000,0.01,90000000000)', '=DEALS.REQUIREDREVENUE(500,0.25)']);
  console.log('');
  console.log('Excel on the web: Home → Add-ins → More add-ins → My add-ins → Upload My Add-in → manifest.xml');
  console.log(`(your browser must first trust the certificate at ${BASE_URL}; see README "Sideloading into Excel").`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm start: ${error.message}`);
    process.exit(1);
  },
);
