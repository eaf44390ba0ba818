/**
 * `npm stop`: stops what `npm start` started: the server, by the process id in
 * .run/server-<port>.pid (port 3000, or DEALS_PORT), and waits until that port is free again.
 * It never stops a process it did not start.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { RUN_DIR, PORT, HOST, PID_FILE } = require('./devServer');

const SIDELOADED_FILE = path.join(RUN_DIR, `sideloaded-${PORT}`);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: HOST });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops the recorded server; resolves true when the port is free afterwards. */
async function stopServer({ quiet = false } = {}) {
  const say = (text) => quiet || console.log(text);
  if (fs.existsSync(SIDELOADED_FILE)) {
    // Written by npm start when it sideloaded into Excel desktop.
    spawnSync(process.execPath, [require.resolve('office-addin-debugging/cli.js'), 'stop', 'manifest.xml'], {
      cwd: path.resolve(__dirname, '..'),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    fs.rmSync(SIDELOADED_FILE, { force: true });
  }
  const pid = fs.existsSync(PID_FILE) ? Number(fs.readFileSync(PID_FILE, 'utf8')) : undefined;
  if (pid && isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    say(`Stopped the server (pid ${pid}).`);
  } else {
    say('No server started by `npm start` is running.');
  }
  fs.rmSync(PID_FILE, { force: true });
  for (let i = 0; i < 50; i++) {
    if (!(await portInUse(PORT))) return true;
    await sleep(100);
  }
  say(`Port ${PORT} is still in use by another process (not one npm start started).`);
  return false;
}

module.exports = { stopServer, SIDELOADED_FILE };

if (require.main === module) {
  stopServer().then((free) => process.exit(free ? 0 : 1));
}
