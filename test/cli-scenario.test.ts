/** `deals scenario list | show | export`, driven through the CLI's main(). */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/deals';
import { PRESET_IDS, presetSummaries } from '../src/scenarios';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdin: '', stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

test('list prints every preset id with its title', async () => {
  const { code, stdout } = await run('scenario', 'list');
  expect(code).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines.map((line) => line.split(/\s+/)[0])).toEqual([...PRESET_IDS]);
  presetSummaries().forEach((p, i) => expect(lines[i]).toContain(p.title));
});

test('show --json gives id, sheet, cells with address/value/formula, and names with values', async () => {
  const { code, stdout } = await run('scenario', 'show', 'amd', '--json');
  expect(code).toBe(0);
  const sheet = JSON.parse(stdout);
  expect(sheet.id).toBe('amd');
  expect(sheet.sheet).toBe('AMD warrants');
  const target = sheet.names.find((n: { name: string }) => n.name === 'AMD_WarrantValueAtTarget');
  expect(target.value).toBe(95_998_400_000);
  const cell = sheet.cells.find((c: { address: string }) => c.address === target.address);
  expect(cell).toMatchObject({ value: 95_998_400_000 });
  expect(cell.formula).toMatch(/^=DEALS\.WARRANTVALUE\(/);
  expect(sheet.names.find((n: { name: string }) => n.name === 'AMD_ChecksOK').value).toBe(true);
  expect(sheet.cells.every((c: { value: unknown }) => !(typeof c.value === 'object' && c.value !== null && 'error' in c.value))).toBe(true);
});

test('show prints the named outputs and every cell as text', async () => {
  const { code, stdout } = await run('scenario', 'show', 'bain2030');
  expect(code).toBe(0);
  expect(stdout).toMatch(/BAIN_RequiredRevenue\s+2000000000000\b/);
  expect(stdout).toMatch(/\t=DEALS\.REQUIREDREVENUE\(/);
});

test('export all --xlsx writes one sheet per preset', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-cli-')), 'deals.xlsx');
  const { code, stdout } = await run('scenario', 'export', 'all', '--xlsx', file);
  expect(code).toBe(0);
  expect(stdout).toContain('7 sheets');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  expect(book.worksheets).toHaveLength(PRESET_IDS.length);
}, 30_000); // evaluates every preset, the OpenAI funding model's Monte Carlo included

test.each([
  [['scenario'], /no action given/],
  [['scenario', 'show'], /give one preset id/],
  [['scenario', 'show', 'tesla'], /known ids: amd, nvidia/],
  [['scenario', 'export', 'amd'], /--xlsx FILE/],
  [['scenario', 'frobnicate'], /unknown action "frobnicate"/],
])('usage error %j → exit 2 with a message', async (argv, message) => {
  const { code, stderr } = await run(...argv);
  expect(code).toBe(2);
  expect(stderr).toMatch(message);
});
