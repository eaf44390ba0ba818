/** The README's function reference is the one generated from the JSDoc Excel reads. */
import * as fs from 'fs';
import { functionMetadata, README, renderFunctionReference, withReference } from '../scripts/functionReference';

test('README.md function reference is current (run `npm run docs` to update it)', async () => {
  const readme = fs.readFileSync(README, 'utf8');
  const functions = await functionMetadata();
  expect(functions.length).toBeGreaterThanOrEqual(8);
  expect(readme).toBe(withReference(readme, renderFunctionReference(functions)));
}, 60_000);

test('README.md shows the two set-up commands', () => {
  const readme = fs.readFileSync(README, 'utf8');
  expect(readme).toMatch(/npm ci && npm start/);
  expect(readme).toMatch(/npm test/);
});
