/**
 * `npm start` on a machine without Excel serves the add-in over HTTPS on localhost:3000 in the
 * background and returns; `npm stop` stops that server by its process id and frees the port.
 */
import { spawnSync } from 'child_process';
import * as https from 'https';
import * as net from 'net';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const PORT = 3000;

function npm(script: string) {
  return spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 240_000 });
}

function fetchStatus(urlPath: string): Promise<{ status?: number; body: string }> {
  return new Promise((resolve) => {
    https
      .get({ host: 'localhost', port: PORT, path: urlPath, rejectUnauthorized: false }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode, body }));
      })
      .on('error', () => resolve({ body: '' }));
  });
}

function portOpen(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port: PORT, host: 'localhost' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

afterAll(() => {
  npm('stop');
});

test('npm start serves the add-in over HTTPS and returns; npm stop frees the port', async () => {
  const started = npm('start');
  expect(started.status).toBe(0);
  expect(started.stdout).toContain('https://localhost:3000/');
  expect(started.stdout).toMatch(/No Excel desktop on this machine/);

  const manifest = await fetchStatus('/manifest.xml');
  expect(manifest.status).toBe(200);
  expect(manifest.body).toContain('<Namespace resid="Functions.Namespace"/>');
  const metadata = await fetchStatus('/functions.json');
  expect(metadata.status).toBe(200);
  expect(JSON.parse(metadata.body).functions.map((f: { id: string }) => f.id)).toContain('WARRANTVALUE');
  expect((await fetchStatus('/taskpane.html')).status).toBe(200);
  // Without Excel, the workbench: its URL printed, served at / and /workbench.html.
  expect(started.stdout).toContain('Workbench (the taskpane beside a live grid): https://localhost:3000/workbench.html');
  const workbench = await fetchStatus('/');
  expect(workbench.status).toBe(200);
  expect(workbench.body).toMatch(/<script\b[^>]*\bsrc=["']?workbench\.js/);
  expect((await fetchStatus('/workbench.js')).status).toBe(200);
  expect((await fetchStatus('/functions.js')).status).toBe(200);
  expect((await fetchStatus('/../package.json')).status).toBe(404);

  const stopped = npm('stop');
  expect(stopped.status).toBe(0);
  expect(stopped.stdout).toMatch(/Stopped the server \(pid \d+\)/);
  expect(await portOpen()).toBe(false);
}, 300_000);
