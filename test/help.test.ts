/**
 * The help page (src/taskpane/help.html, the manifest's help URL): its generated part is current
 * (the preset deals and one section per DEALS function, from the metadata Excel gets), and every
 * function's `helpUrl` lands on its own section, on the page the manifest names.
 */
import * as fs from 'fs';
import * as path from 'path';
import { functionMetadata, HELP_PAGE, renderHelpSections, withHelpSections } from '../scripts/functionReference';
import { presetSummaries } from '../src/scenarios';

const html = fs.readFileSync(HELP_PAGE, 'utf8');
const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
const manifest = fs.readFileSync(path.resolve(__dirname, '..', 'manifest.xml'), 'utf8');
const helpUrl = /<bt:Url id="Help\.Url" DefaultValue="([^"]+)"/.exec(manifest)?.[1];

let functions: Awaited<ReturnType<typeof functionMetadata>> = [];
beforeAll(async () => {
  functions = await functionMetadata();
}, 60_000);

test('the generated part of help.html is current (run `npm run docs` to update it)', () => {
  expect(html).toBe(withHelpSections(html, renderHelpSections(functions)));
});

test('every function in the metadata has a helpUrl to its own section of the manifest’s help page', () => {
  expect(functions.length).toBeGreaterThanOrEqual(8);
  expect(helpUrl).toMatch(/^https:\/\/.+\/help\.html$/);
  for (const fn of functions) {
    expect([fn.id, fn.helpUrl]).toEqual([fn.id, `${helpUrl}#${fn.id}`]);
    expect([fn.id, ids.has(fn.id)]).toEqual([fn.id, true]);
    // The section shows the function's syntax under that anchor.
    const section = new RegExp(`<section[^>]*id="${fn.id}"[^>]*>[\\s\\S]*?<code>DEALS\\.${fn.id}\\(`);
    expect([fn.id, section.test(html)]).toEqual([fn.id, true]);
  }
});

test('the page describes the add-in as it is: presets, protect formulas, functions; its own links resolve', () => {
  for (const preset of presetSummaries()) expect(ids.has(`preset-${preset.id}`)).toBe(true);
  expect(html).toMatch(/Protect formulas/);
  expect(html).toMatch(/=DEALS\./);
  const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  expect(anchors.length).toBeGreaterThan(0);
  for (const anchor of anchors) expect([anchor, ids.has(anchor)]).toEqual([anchor, true]);
  expect(new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])).size).toBe([...html.matchAll(/\sid="([^"]+)"/g)].length);
  // Still a page without scripts.
  expect(html).toMatch(/script-src 'none'/);
  expect(html).not.toMatch(/<script/i);
});

test('the manifest’s button tooltip describes the presets and the functions', () => {
  const tooltip = /<bt:String id="TaskpaneButton\.Tooltip" DefaultValue="([^"]+)"/.exec(manifest)?.[1] ?? '';
  expect(tooltip).toMatch(/preset deal/);
  expect(tooltip).toMatch(/DEALS function/);
  expect(tooltip.length).toBeLessThanOrEqual(250);
});
