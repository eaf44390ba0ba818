/**
 * A small HTTPS static server for the built add-in (dist/) on https://localhost:3000/.
 * `DEALS_PORT` and `DEALS_DIST` (relative to the repository) choose another port and directory:
 * the start test uses them so that it never touches a server the user runs on port 3000.
 * Office requires HTTPS for every add-in URL. Certificates: the Office dev certificates when
 * `office-addin-dev-certs` has installed them, otherwise a self-signed one made here (and said so).
 *
 * Run directly (`node scripts/devServer.js`) it serves until killed; scripts/start.js runs it in
 * the background and scripts/stop.js stops it by process id.
 */
'use strict';
const { X509Certificate } = require('crypto');
const fs = require('fs');
const https = require('https');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.resolve(ROOT, process.env.DEALS_DIST || 'dist');
const RUN_DIR = path.join(ROOT, '.run');
const PORT = Number(process.env.DEALS_PORT || 3000);
const HOST = 'localhost';
/** What `npm start` records for the server it started on PORT (one set of files per port). */
const PID_FILE = path.join(RUN_DIR, `server-${PORT}.pid`);
const LOG_FILE = path.join(RUN_DIR, `server-${PORT}.log`);
const OFFICE_CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

/** Days the self-signed certificate is valid (browsers cap a server certificate at 398). */
const CERT_DAYS = 30;
/** sha256WithRSAEncryption (1.2.840.113549.1.1.11) as it appears in a certificate's DER. */
const SHA256_WITH_RSA_DER = Buffer.from('06092a864886f70d01010b', 'hex');

/**
 * Whether the self-signed certificate must be made again: unreadable, expired or expiring within a
 * day, not signed with SHA-256, or valid for longer than CERT_DAYS (one made by an older version).
 */
function needsNewCertificate(certFile) {
  try {
    const cert = new X509Certificate(fs.readFileSync(certFile));
    const validTo = new Date(cert.validTo).getTime();
    const days = (validTo - new Date(cert.validFrom).getTime()) / 86_400_000;
    return validTo < Date.now() + 86_400_000 || days > CERT_DAYS + 1 || !cert.raw.includes(SHA256_WITH_RSA_DER);
  } catch {
    return true; // unreadable: make a new one
  }
}

/** The Office dev certificate if installed, else a self-signed one kept in .run/certs. */
async function certificate() {
  const officeCert = path.join(OFFICE_CERT_DIR, 'localhost.crt');
  const officeKey = path.join(OFFICE_CERT_DIR, 'localhost.key');
  if (fs.existsSync(officeCert) && fs.existsSync(officeKey)) {
    return { cert: fs.readFileSync(officeCert), key: fs.readFileSync(officeKey), origin: `Office dev certificate (${OFFICE_CERT_DIR})` };
  }
  return selfSignedCertificate(path.join(RUN_DIR, 'certs'));
}

/** A self-signed certificate for localhost kept in `dir` (made, or made again, when needed), SHA-256, valid CERT_DAYS days. */
async function selfSignedCertificate(dir) {
  const certFile = path.join(dir, 'localhost.crt');
  const keyFile = path.join(dir, 'localhost.key');
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile) || needsNewCertificate(certFile)) {
    const selfsigned = require('selfsigned');
    const notBeforeDate = new Date();
    // selfsigned 5 ignores `days` (365 days) and signs with SHA-1 unless told otherwise.
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + CERT_DAYS * 86_400_000),
      algorithm: 'sha256',
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
    });
    // Written to a new directory renamed into place, so that two servers starting at once (npm
    // start and the browser tests) never read a certificate with another one's key.
    const parent = path.dirname(dir);
    fs.mkdirSync(parent, { recursive: true });
    const staging = fs.mkdtempSync(path.join(parent, `${path.basename(dir)}-`));
    fs.writeFileSync(path.join(staging, 'localhost.crt'), pems.cert);
    fs.writeFileSync(path.join(staging, 'localhost.key'), pems.private, { mode: 0o600 });
    if (fs.existsSync(dir) && (!(fs.existsSync(certFile) && fs.existsSync(keyFile)) || needsNewCertificate(certFile))) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    try {
      fs.renameSync(staging, dir);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another server got there first: use its pair
    }
  }
  return { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile), origin: `self-signed certificate (${certFile}; browsers and Excel will not trust it until you do)` };
}

/**
 * The file under `root` (dist/) that a request path names, or undefined if it is outside or
 * missing. `/` is the workbench (the add-in's own pages are named in the manifest).
 */
function resolveFile(urlPath, root = DIST) {
  root = path.resolve(root);
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const relative = decoded === '/' ? 'workbench.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

function handle(root, request, response) {
  let file;
  try {
    file = resolveFile(request.url || '/', root);
  } catch {
    file = undefined; // malformed percent-encoding
  }
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(file ? 405 : 404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(file ? 'Method not allowed\n' : 'Not found\n');
    return;
  }
  const headers = {
    'Content-Type': MIME_TYPES[path.extname(file)] || 'application/octet-stream',
    'Cache-Control': 'no-store',
    ...(needsCors(file) ? { 'Access-Control-Allow-Origin': '*' } : {}),
  };
  if (request.method === 'HEAD') {
    response.writeHead(200, headers);
    response.end();
    return;
  }
  // The file may vanish between the look-up and the read (webpack's clean: true during a build) or
  // be unreadable: answer 404 or 500 and keep serving, never an unhandled stream error.
  const stream = fs.createReadStream(file);
  stream.once('open', () => {
    response.writeHead(200, headers);
    stream.pipe(response);
  });
  stream.once('error', (error) => {
    if (response.headersSent) {
      response.destroy(); // mid-file: the client sees a cut-off response, not a wrong one
      return;
    }
    const missing = error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR';
    response.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(missing ? 'Not found\n' : 'Could not read the file\n');
  });
}

/**
 * Cross-origin reads are allowed only where Office needs them: Excel on the web fetches the
 * custom functions' metadata and script (functions.json, functions-zh-TW.json, functions.js) from
 * its own origin (docs/deploy.md). Everything else is same-origin only.
 */
function needsCors(file) {
  return /^functions(-[A-Za-z-]+)?\.(json|js)$/.test(path.basename(file));
}

/** Sent with every answer: no MIME sniffing, and no page address leaked to other sites. */
const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

function handleSafely(root, request, response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  try {
    handle(root, request, response);
  } catch (error) {
    if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`Server error: ${error.message}\n`);
  }
}

/**
 * Starts serving `root` (default dist/) on `port` (0: a free one, see server.address().port);
 * resolves with the server and a description of the certificate used.
 */
async function serve(port = PORT, { root = DIST } = {}) {
  const { cert, key, origin } = await certificate();
  const server = https.createServer({ cert, key }, (request, response) => handleSafely(root, request, response));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  return { server, certificateOrigin: origin };
}

module.exports = { serve, certificate, selfSignedCertificate, needsCors, resolveFile, CERT_DAYS, DIST, RUN_DIR, PORT, HOST, PID_FILE, LOG_FILE };

if (require.main === module) {
  serve()
    .then(({ certificateOrigin }) => console.log(`Serving ${DIST} on https://${HOST}:${PORT}/ with a ${certificateOrigin}`))
    .catch((error) => {
      console.error(`Could not serve on https://${HOST}:${PORT}/: ${error.message}`);
      process.exit(1);
    });
}
