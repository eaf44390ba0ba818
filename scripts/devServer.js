/**
 * A small HTTPS static server for the built add-in (dist/) on https://localhost:3000/.
 * Office requires HTTPS for every add-in URL. Certificates: the Office dev certificates when
 * `office-addin-dev-certs` has installed them, otherwise a self-signed one made here (and said so).
 *
 * Run directly (`node scripts/devServer.js`) it serves until killed; scripts/start.js runs it in
 * the background and scripts/stop.js stops it by process id.
 */
'use strict';
const fs = require('fs');
const https = require('https');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const RUN_DIR = path.join(ROOT, '.run');
const PORT = Number(process.env.DEALS_PORT || 3000);
const HOST = 'localhost';
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

/** The Office dev certificate if installed, else a self-signed one kept in .run/certs. */
async function certificate() {
  const officeCert = path.join(OFFICE_CERT_DIR, 'localhost.crt');
  const officeKey = path.join(OFFICE_CERT_DIR, 'localhost.key');
  if (fs.existsSync(officeCert) && fs.existsSync(officeKey)) {
    return { cert: fs.readFileSync(officeCert), key: fs.readFileSync(officeKey), origin: `Office dev certificate (${OFFICE_CERT_DIR})` };
  }
  const dir = path.join(RUN_DIR, 'certs');
  const certFile = path.join(dir, 'localhost.crt');
  const keyFile = path.join(dir, 'localhost.key');
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) {
    const selfsigned = require('selfsigned');
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
      days: 30,
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
    });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(certFile, pems.cert);
    fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  }
  return { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile), origin: `self-signed certificate (${certFile}; browsers and Excel will not trust it until you do)` };
}

/** The file under dist/ that a request path names, or undefined if it is outside or missing. */
function resolveFile(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const relative = decoded === '/' ? 'workbench.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(DIST, relative);
  if (file !== DIST && !file.startsWith(DIST + path.sep)) return undefined;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

function handle(request, response) {
  let file;
  try {
    file = resolveFile(request.url || '/');
  } catch {
    file = undefined; // malformed percent-encoding
  }
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(file ? 405 : 404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(file ? 'Method not allowed\n' : 'Not found\n');
    return;
  }
  response.writeHead(200, {
    'Content-Type': MIME_TYPES[path.extname(file)] || 'application/octet-stream',
    'Cache-Control': 'no-store',
    'Access-Control-Allow-Origin': '*',
  });
  if (request.method === 'HEAD') response.end();
  else fs.createReadStream(file).pipe(response);
}

/** Starts serving; resolves with the server and a description of the certificate used. */
async function serve(port = PORT) {
  const { cert, key, origin } = await certificate();
  const server = https.createServer({ cert, key }, handle);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  return { server, certificateOrigin: origin };
}

module.exports = { serve, certificate, resolveFile, DIST, RUN_DIR, PORT, HOST };

if (require.main === module) {
  serve()
    .then(({ certificateOrigin }) => console.log(`Serving ${DIST} on https://${HOST}:${PORT}/ with a ${certificateOrigin}`))
    .catch((error) => {
      console.error(`Could not serve on https://${HOST}:${PORT}/: ${error.message}`);
      process.exit(1);
    });
}
