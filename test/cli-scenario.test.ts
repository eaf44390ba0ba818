/** `deals scenario list | show | export`, driven through the CLI's main(). */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/deals';
import { writeFailure } from '../src/cli/scenario';
import { createEngine, readName, setCell } from '../src/engine';
import { addPlanSheet } from '../src/engine/planSheet';
import { buildSheetPlan, PRESET_IDS, presetSummaries, scenarioById } from '../src/scenarios';

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

test('show prints the named outputs and every cell as the sheet shows them, with units, without float noise', async () => {
  const { code, stdout } = await run('scenario', 'show', 'bain2030');
  expect(code).toBe(0);
  expect(stdout).toMatch(/BAIN_RequiredRevenue\s+2,000\.0 USD bn\/year  \(/);
  expect(stdout).toMatch(/\t=DEALS\.REQUIREDREVENUE\(/);
  const amd = await run('scenario', 'show', 'amd');
  expect(amd.stdout).toMatch(/^  AMD_WarrantValueAtTarget\s+96\.0 USD bn  \(Warrant value at the final target price\)$/m);
  expect(amd.stdout).toMatch(/^  AMD_StakeIfExercised\s+\d+\.\d %  \(/m);
  expect(stdout).toMatch(/^  BAIN_GrowthNeeded\s+\d+\.\d %\/year  \(/m);
  expect(stdout).toMatch(/^  BAIN_ShortfallProb\s+\d+\.\d% probability  \(/m);
  expect(amd.stdout).toMatch(/^  AMD_ChecksOK\s+TRUE  \(/m);
  // No value printed with more digits than a cell shows (e.g. 32592000000.000004).
  for (const id of PRESET_IDS) {
    const { stdout: text } = await run('scenario', 'show', id);
    const values = text.split('\n').filter((line) => /^[A-Z]+\d+\t/.test(line)).map((line) => line.split('\t')[1]);
    expect([id, values.filter((v) => /\d{6,}\.\d|\.\d{6,}/.test(v))]).toEqual([id, []]);
  }
});

test('show --json keeps the raw values and adds the shown text', async () => {
  const sheet = JSON.parse((await run('scenario', 'show', 'amd', '--json')).stdout);
  expect(sheet.names.find((n: { name: string }) => n.name === 'AMD_WarrantValueAtTarget')).toMatchObject({ value: 95_998_400_000, text: '96.0 USD bn', unit: 'USD bn' });
  expect(sheet.cells.find((c: { address: string }) => c.address === 'B15')).toEqual({ address: 'B15', value: 203.71, text: '203.71' });
  expect(sheet.set).toEqual([]);
});

describe('--set: what-if from the command line', () => {
  /** The AMD sheet in the engine with B15 changed by hand: what --set must agree with. */
  function amdWith(address: string, value: number) {
    const engine = createEngine();
    const placed = addPlanSheet(engine, buildSheetPlan(scenarioById('amd')));
    setCell(engine, `'${placed.sheetName}'!${address}`, value);
    return (name: string) => readName(engine, name);
  }

  test.each([['B15=600'], ['price=600'], ['AMD share price on the valuation date=600'], ['$b$15=600']])('show amd --set %s recalculates the preset', async (assignment) => {
    const { code, stdout } = await run('scenario', 'show', 'amd', '--set', assignment, '--json');
    expect(code).toBe(0);
    const sheet = JSON.parse(stdout);
    const expected = amdWith('B15', 600);
    expect(sheet.set).toEqual([{ address: 'B15', label: 'AMD share price on the valuation date', value: 600, before: 203.71 }]);
    for (const n of sheet.names) expect([n.name, n.value]).toEqual([n.name, expected(n.name)]);
    expect(sheet.names.find((n: { name: string }) => n.name === 'AMD_IntrinsicValueNow').value).toBe(95_998_400_000);
  });

  test('several inputs, percentages as Excel reads them, and the text output names them', async () => {
    const { code, stdout } = await run('scenario', 'show', 'amd', '--set=B15=600', '--set', 'volatility=60%');
    expect(code).toBe(0);
    expect(stdout).toContain('What-if inputs:\n  B15  AMD share price on the valuation date: 600.00 (preset: 203.71)\n  B18  AMD share-price volatility: 60.0% (preset: 50.0%)\n');
  });

  test.each([
    [['B92=1'], /B92 is not an input cell of amd[\s\S]*B15 +price +AMD share price/],
    [['nope=1'], /no input of amd has the id or label "nope"/],
    [['B15=abc'], /"abc" is not a number, percentage, date or TRUE\/FALSE/],
    [['B15'], /write INPUT=VALUE/],
  ])('--set %j is refused with exit 2', async (sets, message) => {
    const { code, stderr, stdout } = await run('scenario', 'show', 'amd', ...sets.flatMap((s) => ['--set', s]));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  test('export --set writes the changed input and the recalculated cached values', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-cli-')), 'amd.xlsx');
    expect((await run('scenario', 'export', 'amd', '--xlsx', file, '--set', 'B15=600')).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('AMD warrants')!;
    expect(sheet.getCell('B15').value).toBe(600);
    expect((sheet.getCell('B91').value as ExcelJS.CellFormulaValue).result).toBe(95_998_400_000);
    expect((await run('scenario', 'export', 'all', '--xlsx', file, '--set', 'B15=600')).stderr).toMatch(/--set needs one preset id/);
  });
});

test('export --protect: formula cells locked, inputs unlocked, the sheet protected without a password', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-cli-')), 'amd.xlsx');
  const { code, stdout } = await run('scenario', 'export', 'amd', '--xlsx', file, '--protect');
  expect(code).toBe(0);
  expect(stdout).toContain('formulas protected');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('AMD warrants')!;
  const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
  expect(protection).toMatchObject({ sheet: true });
  expect(protection.hashValue).toBeUndefined();
  const plan = buildSheetPlan(scenarioById('amd'));
  for (const { address } of plan.inputs) expect([address, sheet.getCell(address).protection?.locked]).toEqual([address, false]);
  expect(sheet.getCell('B91').protection?.locked).not.toBe(false);
  // Without --protect nothing is protected.
  await run('scenario', 'export', 'amd', '--xlsx', file);
  const plain = new ExcelJS.Workbook();
  await plain.xlsx.readFile(file);
  expect((plain.getWorksheet('AMD warrants') as unknown as { sheetProtection?: unknown }).sheetProtection ?? null).toBeNull();
});

describe('a file that cannot be written gets a sentence naming it', () => {
  test('a missing folder', async () => {
    const file = path.join(os.tmpdir(), 'deals-no-such-folder', 'sub', 'x.xlsx');
    const { code, stderr } = await run('scenario', 'export', 'amd', '--xlsx', file);
    expect(code).toBe(1);
    expect(stderr).toBe(`deals: cannot write ${file}: the folder ${path.dirname(file)} does not exist\n`);
  });

  test('a folder given as the file', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deals-cli-'));
    const { code, stderr } = await run('scenario', 'export', 'amd', '--xlsx', folder);
    expect(code).toBe(1);
    expect(stderr).toBe(`deals: cannot write ${folder}: it is a folder; give a file name, e.g. ${path.join(folder, 'deals.xlsx')}\n`);
  });

  test('no permission, a read-only file system (the sentence for each error code)', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(writeFailure('/srv/x.xlsx', error('EACCES'))).toBe('cannot write /srv/x.xlsx: no permission to write it in /srv');
    expect(writeFailure('/srv/x.xlsx', error('EPERM'))).toBe('cannot write /srv/x.xlsx: no permission to write it in /srv');
    expect(writeFailure('/srv/x.xlsx', error('EROFS'))).toBe('cannot write /srv/x.xlsx: /srv is on a read-only file system');
    expect(writeFailure('/srv/x.xlsx', error('ENOSPC'))).toBe('cannot write /srv/x.xlsx: the disk is full');
  });
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
  [['scenario', 'show'], /give a preset id/],
  [['scenario', 'show', 'tesla'], /"tesla" is not a preset; the presets are amd, nvidia, oracle, broadcom, bain2030, openai, portfolio\n/],
  [['scenario', 'show', 'nope'], /"nope" is not a preset; the presets are amd, nvidia/],
  [['scenario', 'export', 'nope', '--xlsx', 'x.xlsx'], /"nope" is not a preset; the presets are amd, .*, or "all"/],
  [['scenario', 'show', 'amd', '--frobnicate'], /unknown option --frobnicate/],
  [['scenario', 'export', 'amd'], /--xlsx FILE/],
  [['scenario', 'frobnicate'], /unknown action "frobnicate"/],
])('usage error %j → exit 2 with a message', async (argv, message) => {
  const { code, stderr } = await run(...argv);
  expect(code).toBe(2);
  expect(stderr).toMatch(message);
});
