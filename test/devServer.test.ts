/**
 * scripts/devServer.js on its own, on a free port over a temporary folder: files that vanish or
 * cannot be read, the headers, and the self-signed certificate.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import type { Server } from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const devServer = require('../scripts/devServer') as {
  serve(port: number, options: { root: string }): Promise<{ server: Server }>;
  selfSignedCertificate(dir: string): Promise<{ cert: Buffer; key: Buffer }>;
  CERT_DAYS: number;
};

/** The fs module object itself (the namespace import is a read-only copy), for spies the server sees. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('fs') as typeof fs;

let server: Server;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'deals-devserver-'));
  ({ server } = await devServer.serve(0, { root }));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => jest.restoreAllMocks());

function get(urlPath: string, method = 'GET'): Promise<{ status?: number; headers: Record<string, unknown>; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = https.request({ host: 'localhost', port, path: urlPath, method, rejectUnauthorized: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

function write(name: string, text: string): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, text);
  return file;
}

test('a file that vanishes between the look-up and the read is a 404, and the server keeps serving', async () => {
  const file = write('vanishing.js', 'x');
  const statSync = fs.statSync;
  // The file goes the moment the server has seen it (as webpack's clean: true removes dist/ files).
  jest.spyOn(nodeFs, 'statSync').mockImplementation(((target: fs.PathLike, options?: fs.StatSyncOptions) => {
    const stats = statSync(target, options);
    if (String(target) === file) fs.rmSync(file);
    return stats;
  }) as typeof fs.statSync);
  expect((await get('/vanishing.js')).status).toBe(404);
  jest.restoreAllMocks();
  write('still.txt', 'here');
  expect(await get('/still.txt')).toMatchObject({ status: 200, body: 'here' });
});

test('a file that cannot be read is a 500, and the server keeps serving', async () => {
  write('unreadable.js', 'x');
  const createReadStream = fs.createReadStream;
  jest.spyOn(nodeFs, 'createReadStream').mockImplementation(((target: fs.PathLike, options?: Parameters<typeof fs.createReadStream>[1]) => {
    if (!String(target).endsWith('unreadable.js')) return createReadStream(target, options);
    // Opening fails as it does for a file without read permission (root, running the tests, reads any file).
    const refuse = (_path: unknown, _flags: unknown, _mode: unknown, callback: (error: Error) => void) =>
      callback(Object.assign(new Error(`EACCES: permission denied, open '${String(target)}'`), { code: 'EACCES' }));
    return createReadStream(target, { fs: { open: refuse, read: fs.read, close: fs.close } } as Parameters<typeof fs.createReadStream>[1]);
  }) as typeof fs.createReadStream);
  expect(await get('/unreadable.js')).toMatchObject({ status: 500, body: 'Could not read the file\n' });
  jest.restoreAllMocks();
  write('after.txt', 'ok');
  expect(await get('/after.txt')).toMatchObject({ status: 200, body: 'ok' });
});

test('every answer has nosniff and a Referrer-Policy; CORS only on the custom functions\' metadata and script', async () => {
  for (const name of ['functions.json', 'functions-zh-TW.json', 'functions-zh-CN.json', 'functions.js', 'taskpane.html', 'workbench.js']) write(name, '{}');
  const cors = async (name: string) => (await get(`/${name}`)).headers['access-control-allow-origin'];
  expect(await cors('functions.json')).toBe('*');
  expect(await cors('functions-zh-TW.json')).toBe('*');
  expect(await cors('functions-zh-CN.json')).toBe('*');
  expect(await cors('functions.js')).toBe('*');
  expect(await cors('taskpane.html')).toBeUndefined();
  expect(await cors('workbench.js')).toBeUndefined();
  for (const answer of [await get('/taskpane.html'), await get('/functions.json'), await get('/nope.html'), await get('/taskpane.html', 'POST'), await get('/taskpane.html', 'HEAD')]) {
    expect(answer.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  }
});

test('the self-signed certificate: SHA-256, valid for CERT_DAYS days, for localhost; an old SHA-1 one is made again', async () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-cert-')), 'certs');
  const describe = (pem: Buffer) => execFileSync('openssl', ['x509', '-noout', '-text'], { input: pem, encoding: 'utf8' });
  const days = (text: string) => {
    const at = (label: string) => new Date(new RegExp(`${label}\\s*:\\s*(.+)`).exec(text)![1]).getTime();
    return (at('Not After') - at('Not Before')) / 86_400_000;
  };
  const { cert } = await devServer.selfSignedCertificate(dir);
  const text = describe(cert);
  expect(text).toMatch(/Signature Algorithm: sha256WithRSAEncryption/);
  expect(days(text)).toBeCloseTo(devServer.CERT_DAYS, 0);
  expect(text).toMatch(/DNS:localhost/);
  // Kept while good.
  expect((await devServer.selfSignedCertificate(dir)).cert.equals(cert)).toBe(true);
  // One left by an older version (SHA-1, 365 days) is replaced.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const selfsigned = require('selfsigned');
  const old = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { keySize: 2048 });
  expect(describe(Buffer.from(old.cert))).toMatch(/sha1WithRSAEncryption/);
  fs.writeFileSync(path.join(dir, 'localhost.crt'), old.cert);
  fs.writeFileSync(path.join(dir, 'localhost.key'), old.private);
  expect(describe((await devServer.selfSignedCertificate(dir)).cert)).toMatch(/Signature Algorithm: sha256WithRSAEncryption/);
}, 30_000);
