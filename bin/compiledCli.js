/**
 * The compiled `deals` CLI: src/cli/deals.ts bundled by esbuild into one CommonJS file,
 * .run/cli/deals.js (git-ignored), with HyperFormula and exceljs left in node_modules. Built on
 * first use and again whenever a source file changed (`npm run build:cli` builds it ahead), so
 * `npx deals` works in a fresh clone right after `npm ci`, with no step of its own, and starts
 * without compiling TypeScript: bundling takes ~50 ms, checking that the bundle is current ~2 ms.
 *
 *   const file = compiledCli();   // path of the current bundle, or undefined if it cannot be built
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'src', 'cli', 'deals.ts');
const OUT_DIR = path.join(ROOT, '.run', 'cli');
const OUT_FILE = path.join(OUT_DIR, 'deals.js');
const STAMP = path.join(OUT_DIR, 'fingerprint');
/** What the bundle is made of: every source file, and the versions of what it bundles. */
const INPUTS = [path.join(ROOT, 'src'), path.join(ROOT, 'package-lock.json'), __filename];
/** Packages loaded from node_modules at run time rather than bundled (large, or loaded lazily). */
const EXTERNAL = ['hyperformula', 'exceljs'];

/** Size and time of every input file: cheap to compute (stat calls only), changes when a source does. */
function fingerprint() {
  const parts = [];
  const visit = (file) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) for (const name of fs.readdirSync(file).sort()) visit(path.join(file, name));
    else parts.push(`${path.relative(ROOT, file)}:${stat.size}:${stat.mtimeMs}`);
  };
  for (const input of INPUTS) if (fs.existsSync(input)) visit(input);
  return parts.join('\n');
}

/** Bundles the CLI now (written to a temporary file, then renamed: concurrent runs never see half a file). */
function buildCli(stamp = fingerprint()) {
  const esbuild = require('esbuild');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const temporary = `${OUT_FILE}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [ENTRY],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL,
    logLevel: 'silent',
  });
  fs.renameSync(temporary, OUT_FILE);
  fs.writeFileSync(`${STAMP}.${process.pid}.tmp`, stamp);
  fs.renameSync(`${STAMP}.${process.pid}.tmp`, STAMP);
  return OUT_FILE;
}

/** The path of a current bundle (built if missing or stale), or undefined when it cannot be built here (then run the sources through tsx). */
function compiledCli() {
  try {
    const stamp = fingerprint();
    if (fs.existsSync(OUT_FILE) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === stamp) return OUT_FILE;
    return buildCli(stamp);
  } catch {
    return undefined;
  }
}

module.exports = { compiledCli, buildCli, OUT_FILE };

if (require.main === module) {
  const file = buildCli();
  process.stdout.write(`${path.relative(ROOT, file)}: ${fs.statSync(file).size} bytes\n`);
}
