/**
 * The browser tests' screenshots go to a git-ignored folder unless asked (`npm run screenshots`),
 * so `npm test` leaves a clean checkout clean.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, screenshotFolder } from './browser/harness';

test('by default the screenshots go to a git-ignored folder; DEALS_SCREENSHOTS=docs writes docs/screenshots', () => {
  const folder = screenshotFolder(undefined);
  expect(path.relative(ROOT, folder)).toBe(path.join('.run', 'screenshots'));
  // git check-ignore exits 0 for an ignored path.
  expect(execFileSync('git', ['check-ignore', path.join(folder, 'workbench-amd.png')], { cwd: ROOT, encoding: 'utf8' }).trim()).not.toBe('');
  expect(screenshotFolder('docs')).toBe(path.join(ROOT, 'docs', 'screenshots'));
  expect(screenshotFolder('')).toBe(folder);
});

test('npm run screenshots runs the browser tests with DEALS_SCREENSHOTS=docs', () => {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  expect(scripts.screenshots).toBe('node scripts/screenshots.js');
  const script = fs.readFileSync(path.join(ROOT, 'scripts', 'screenshots.js'), 'utf8');
  expect(script).toMatch(/DEALS_SCREENSHOTS: 'docs'/);
  expect(script).toMatch(/'test\/browser'/);
});
