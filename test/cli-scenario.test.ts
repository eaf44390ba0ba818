/** `deals scenario list | show | export`, driven through the CLI's main(). */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/deals';
import { shownWithUnit, writeFailure, writeFileAtomically } from '../src/cli/scenario';
import { createEngine, readName, setCell } from '../src/engine';
import { addPlanSheet } from '../src/engine/planSheet';
import { en, zhHans, zhHant } from '../src/i18n';
import type { MessageKey } from '../src/i18n';
import { buildSheetPlan, FORMAT_USD_AS_BN, PRESET_IDS, presetSummaries, scenarioById } from '../src/scenarios';
import { formatNumberValue } from '../src/workbench/format';
import { factNumber } from '../src/scenarios/facts';
import { excelDate } from '../src/scenarios/units';

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

test('show openai, read as an analyst would: payments follow capacity, the 2025 calibration, the peak-need fan, a tornado that moves, the published estimates', async () => {
  const { code, stdout } = await run('scenario', 'show', 'openai', '--json');
  expect(code).toBe(0);
  const sheet = JSON.parse(stdout);
  const name = (n: string) => sheet.names.find((x: { name: string }) => x.name === n).value;
  // Payments follow capacity: little is due in 2026, when the first GW comes online, more in 2028.
  expect(name('OPENAI_Due2026')).toBeGreaterThan(0);
  expect(name('OPENAI_Due2028')).toBeGreaterThan(2 * name('OPENAI_Due2026'));
  expect(name('OPENAI_GWOnline2030')).toBeGreaterThan(0);
  // The 2025 calibration beside the reported USD 8 bn.
  expect(Math.abs(name('OPENAI_Model2025Burn') / 8e9 - 1)).toBeLessThan(0.25);
  // The fan of the peak funding need: p50 below p95, neither saturated.
  expect(name('OPENAI_PeakFundingNeedP50')).toBeGreaterThan(0);
  expect(name('OPENAI_PeakFundingNeedP95')).toBeGreaterThan(name('OPENAI_PeakFundingNeedP50'));
  expect(name('OPENAI_RanOutProb')).toBeGreaterThan(0);
  expect(name('OPENAI_RanOutProb')).toBeLessThan(1);
  expect(name('OPENAI_ChecksOK')).toBe(true);
  const text = (await run('scenario', 'show', 'openai')).stdout;
  for (const title of ['2025 calibration: the model’s cash burn', 'Funding need so far, p50', 'Tornado: the p50 and p95 peak funding need', 'Published estimates beside the model’s figure on the same basis', 'HSBC: new financing needed by 2030']) {
    expect(text).toContain(title);
  }
  // The tornado's swing column: every bar moves.
  const header = sheet.cells.find((c: { value: unknown }) => c.value === 'Swing (USD bn)');
  const column = header.address.replace(/\d+$/, '');
  const row = Number(header.address.slice(column.length));
  const swings = sheet.cells.filter((c: { address: string }) => c.address.startsWith(column) && /^\d+$/.test(c.address.slice(column.length)) && Number(c.address.slice(column.length)) > row && Number(c.address.slice(column.length)) <= row + 8);
  expect(swings).toHaveLength(8);
  expect(swings.every((c: { value: number }) => c.value > 0)).toBe(true);
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
    [['price=TRUE'], /AMD share price on the valuation date takes a number \(600, 45%, 2025-10-06\), not TRUE\/FALSE/],
    [['price=1.000,5'], /"1\.000,5" is not a number/],
    [['price=1,5'], /"1,5" is not a number/],
  ])('--set %j is refused with exit 2', async (sets, message) => {
    const { code, stderr, stdout } = await run('scenario', 'show', 'amd', ...sets.flatMap((s) => ['--set', s]));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  test('a TRUE/FALSE input takes TRUE or FALSE, not a number (the ledger\'s include flags)', async () => {
    const include = buildSheetPlan(scenarioById('portfolio')).anchors['ledger.include'].split(':')[0]; // the first deal's flag
    const refused = await run('scenario', 'show', 'portfolio', '--set', `${include}=1`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`--set ${include}=1: .*\\(${include}\\) takes TRUE or FALSE, not a number`));
    const taken = await run('scenario', 'show', 'portfolio', '--set', `${include}=FALSE`, '--json');
    expect(taken.code).toBe(0);
    expect(JSON.parse(taken.stdout).set).toMatchObject([{ address: include, value: false, before: true }]);
  });

  test('export --set writes the changed input and the recalculated cached values', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-cli-')), 'amd.xlsx');
    expect((await run('scenario', 'export', 'amd', '--xlsx', file, '--set', 'B15=600')).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('AMD warrants')!;
    expect(sheet.getCell('B15').value).toBe(600);
    const intrinsic = buildSheetPlan(scenarioById('amd')).names.find((n) => n.name === 'AMD_IntrinsicValueNow')!.address;
    expect((sheet.getCell(intrinsic).value as ExcelJS.CellFormulaValue).result).toBe(95_998_400_000);
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
  const intrinsic = plan.names.find((n) => n.name === 'AMD_IntrinsicValueNow')!.address;
  expect(sheet.getCell(intrinsic).protection?.locked).not.toBe(false);
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
    expect(writeFailure('/srv/x.xlsx', error('ENOSPC'))).toBe('cannot write /srv/x.xlsx: the disk is full (ENOSPC)');
    expect(writeFailure('/srv/x.xlsx', error('EIO'))).toBe('cannot write /srv/x.xlsx: the device or terminal reported an input/output error (EIO)');
    expect(writeFailure('/srv/x.xlsx', error('EFBIG'))).toBe('cannot write /srv/x.xlsx: the file would be larger than the file-size limit allows (EFBIG)');
  });
});

describe('a failed export leaves the previous file as it was', () => {
  /** A folder holding a good export of amd: the file and its bytes. */
  async function goodExport() {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'deals-atomic-'));
    const file = path.join(folder, 'good.xlsx');
    expect((await run('scenario', 'export', 'amd', '--xlsx', file)).code).toBe(0);
    return { folder, file, bytes: fs.readFileSync(file) };
  }

  test('a writer that fails half-way: the old file intact, no partial file left beside it', async () => {
    const { folder, file, bytes } = await goodExport();
    const failHalfWay = (target: string, data: Uint8Array) => {
      fs.writeFileSync(target, data.subarray(0, data.length >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(() => writeFileAtomically(file, new Uint8Array(1000).fill(7), failHalfWay)).toThrow(/ENOSPC/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(folder)).toEqual(['good.xlsx']);
    writeFileAtomically(file, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(file)]).toEqual([1, 2, 3]);
    expect(fs.readdirSync(folder)).toEqual(['good.xlsx']);
  });

  test('the real CLI under a file-size limit (ulimit -f): exit 1, a sentence, the old file intact', async () => {
    const { folder, file, bytes } = await goodExport();
    const root = path.resolve(__dirname, '..');
    const bin = path.join(root, 'bin', 'deals.js');
    // Built beforehand without the limit: the compiled CLI is a file too.
    spawnSync(process.execPath, [bin, 'eval', '=1'], { cwd: root, timeout: 60_000 });
    const limitKiB = Math.floor(bytes.length / 1024 / 2); // half the workbook
    const result = spawnSync('bash', ['-c', `ulimit -f ${limitKiB}; exec "$0" "$@"`, process.execPath, bin, 'scenario', 'export', 'amd', '--xlsx', file, '--set', 'B15=600'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`deals: cannot write ${file}: the file would be larger than the file-size limit allows (EFBIG)\n`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(folder)).toEqual(['good.xlsx']);
  }, 60_000);
});

test.each([
  [['scenario', 'export', 'amd', '--xlsx', '-'], /--xlsx - would write a file named "-"/],
  [['scenario', 'export', 'amd', '--xlsx', 'a.xlsx', '--xlsx', 'b.xlsx'], /--xlsx is given twice \(a\.xlsx, b\.xlsx\); give it once \(only --set repeats\)/],
  [['scenario', 'show', 'amd', '--lang', 'en', '--lang=zh-TW'], /--lang is given twice/],
  [['scenario', 'show', 'amd', '--json', '--json'], /--json is given twice/],
  [['scenario', 'export', 'amd', '--xlsx', '--protect'], /--xlsx needs a value/],
  [['scenario', 'show', 'amd', '-x'], /unknown option -x/],
])('%j is a usage error (exit 2), nothing written', async (argv, message) => {
  const before = fs.readdirSync(process.cwd());
  const { code, stderr, stdout } = await run(...argv);
  expect([code, stdout]).toEqual([2, '']);
  expect(stderr).toMatch(message);
  expect(fs.readdirSync(process.cwd())).toEqual(before);
});

test('a number too long for its format is shown as Excel shows it, in scientific notation', () => {
  expect(formatNumberValue(1e308, '#,##0.00')).toBe('1.00E+308');
  expect(formatNumberValue(1e300, '#,##0.00')).toBe('1.00E+300');
  expect(formatNumberValue(-1e300, '#,##0')).toBe('-1E+300');
  expect(formatNumberValue(1e300, '0.0%')).toBe('1.0E+302%');
  expect(formatNumberValue(1e308, FORMAT_USD_AS_BN)).toBe('1.0E+299');
  expect(shownWithUnit(1e308, '#,##0.00', 'USD/share')).toBe('1.00E+308 USD/share');
  // Ordinary numbers are untouched.
  expect(formatNumberValue(95_998_400_000, FORMAT_USD_AS_BN)).toBe('96.0');
  expect(formatNumberValue(1234.5, '#,##0.00')).toBe('1,234.50');
});

test('export all --xlsx writes one sheet per preset', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-cli-')), 'deals.xlsx');
  const { code, stdout } = await run('scenario', 'export', 'all', '--xlsx', file);
  expect(code).toBe(0);
  expect(stdout).toContain(`${PRESET_IDS.length} sheets`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  expect(book.worksheets).toHaveLength(PRESET_IDS.length);
}, 30_000); // evaluates every preset, the OpenAI funding model's Monte Carlo included

describe('export --values: every formula replaced by its value, for readers without the add-in', () => {
  // Read back as raw package XML (jszip + fast-xml-parser), as openpyxl or any reader would see it.
  type Cell = { '@_r': string; '@_t'?: string; f?: unknown; v?: unknown; is?: { t?: unknown } };
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'row' || name === 'c' || name === 'si' || name === 'sheet' });
  let zip: JSZip;
  let stdout = '';
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no part ${name}`);
    return file.async('string');
  };

  beforeAll(async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-cli-')), 'values.xlsx');
    const result = await run('scenario', 'export', 'all', '--xlsx', file, '--values');
    expect([result.code, result.stderr]).toEqual([0, '']);
    stdout = result.stdout;
    zip = await JSZip.loadAsync(fs.readFileSync(file));
  }, 60_000);

  test('no <f> is left in any sheet; the named outputs hold the computed values; a note row says what this is', async () => {
    expect(stdout).toContain('values only');
    const shared = ((parser.parse(await part('xl/sharedStrings.xml')).sst?.si ?? []) as Array<{ t?: unknown }>).map((si) => String(si.t ?? ''));
    const text = (c: Cell) => (c['@_t'] === 's' ? shared[Number(c.v)] : c['@_t'] === 'inlineStr' ? String(c.is?.t ?? '') : undefined);
    const sheets = (parser.parse(await part('xl/workbook.xml')).workbook.sheets.sheet as Array<{ '@_name': string }>).map((s) => s['@_name']);
    expect(sheets).toHaveLength(PRESET_IDS.length);
    let cellsWithValues = 0;
    for (const [i, name] of sheets.entries()) {
      const xml = await part(`xl/worksheets/sheet${i + 1}.xml`);
      expect([name, /<f[\s>]/.test(xml)]).toEqual([name, false]);
      const rows = (parser.parse(xml).worksheet.sheetData.row ?? []) as Array<{ c?: Cell[] }>;
      const cells = rows.flatMap((r) => r.c ?? []);
      expect([name, cells.filter((c) => c.f !== undefined).length]).toEqual([name, 0]);
      cellsWithValues += cells.filter((c) => c.v !== undefined).length;
      // The note is the last non-empty row, below the model, in column A.
      const filled = cells.filter((c) => c.v !== undefined || c.is !== undefined);
      const last = filled[filled.length - 1];
      expect([name, last['@_r'].startsWith('A'), text(last)]).toEqual([name, true, en['export.valuesNote']]);
    }
    expect(cellsWithValues).toBeGreaterThan(1000);
    // The values are the engine's: AMD's headline output, by its workbook name.
    const amdPlan = buildSheetPlan(scenarioById('amd'));
    const target = amdPlan.names.find((n) => n.name === 'AMD_WarrantValueAtTarget')!;
    const amdXml = parser.parse(await part('xl/worksheets/sheet1.xml'));
    const cell = (amdXml.worksheet.sheetData.row as Array<{ c?: Cell[] }>).flatMap((r) => r.c ?? []).find((c) => c['@_r'] === target.address)!;
    expect(Number(cell.v)).toBe(95_998_400_000);
    expect(await part('xl/workbook.xml')).toMatch(/<definedName name="AMD_WarrantValueAtTarget"/);
  });

  test('the file names no add-in and has no dynamic-array metadata (nothing in it needs either)', () => {
    expect(Object.keys(zip.files).filter((n) => n.startsWith('xl/webextensions/') || n === 'xl/metadata.xml')).toEqual([]);
  });

  test('--values with --protect is refused: there is no formula to protect', async () => {
    const { code, stderr } = await run('scenario', 'export', 'amd', '--xlsx', 'x.xlsx', '--values', '--protect');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--values leaves no formula to protect/);
  });
});

test.each([
  [['scenario'], /no action given/],
  [['scenario', 'show'], /give a preset id/],
  [['scenario', 'show', 'tesla'], /"tesla" is not a preset; the presets are amd, nvidia, oracle, broadcom, bain2030, openai, timeline, portfolio\n/],
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

describe('--lang: the presets in 繁體中文 and 简体中文', () => {
  const HAN = /\p{Script=Han}/u;
  /** English catalogue text → its key, for text results and the string literals of formulas. */
  const KEY_OF_TEXT = new Map(Object.entries(en).map(([key, text]) => [text as string, key as MessageKey]));
  /** A formula with its string literals blanked: a literal may be a catalogue text ("Cornerstone"). */
  const blankStrings = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');
  type Shown = { sheet: string; cells: Array<{ address: string; value: unknown; text: string; formula?: string }>; names: Array<{ name: string; address: string; label: string; unit: string; value: unknown; text: string }> };
  const shown = async (...argv: string[]): Promise<Shown> => {
    const { code, stdout, stderr } = await run('scenario', 'show', ...argv, '--json');
    expect([code, stderr]).toEqual([0, '']);
    return JSON.parse(stdout);
  };

  test.each(['zh-TW', 'zh-CN'])('%s: every preset has the English named values, formulas and computed cells, with Chinese labels', async (lang) => {
    const messages = lang === 'zh-TW' ? zhHant : zhHans;
    for (const id of PRESET_IDS) {
      const english = await shown(id);
      const chinese = await shown(id, '--lang', lang);
      expect(chinese.sheet).toBe(buildSheetPlan(scenarioById(id), messages).sheetName);
      // The same workbook names at the same cells with the same values; a text result (the OpenAI
      // case "Base", its verdict) is the same catalogue text in that language.
      const sameValue = (value: unknown) => (typeof value === 'string' && KEY_OF_TEXT.has(value) ? messages[KEY_OF_TEXT.get(value)!] : value);
      expect(chinese.names.map((n) => [n.name, n.address, n.value])).toEqual(english.names.map((n) => [n.name, n.address, sameValue(n.value)]));
      expect(chinese.names.filter((n) => typeof n.value === 'number').length).toBeGreaterThan(0);
      // Every label is Chinese, and not the English one.
      for (const [i, n] of chinese.names.entries()) {
        expect([id, n.name, HAN.test(n.label)]).toEqual([id, n.name, true]);
        expect([id, n.name, n.label]).not.toEqual([id, n.name, english.names[i].label]);
      }
      // Every formula is the English one, and so is every value it computes (text aside: a formula may show a label, "=A29").
      const byAddress = new Map(chinese.cells.map((c) => [c.address, c]));
      for (const cell of english.cells.filter((c) => c.formula !== undefined)) {
        const other = byAddress.get(cell.address);
        expect([id, cell.address, blankStrings(other?.formula ?? '')]).toEqual([id, cell.address, blankStrings(cell.formula!)]);
        if (typeof cell.value === 'string') expect([id, cell.address, typeof other?.value]).toEqual([id, cell.address, 'string']);
        else expect([id, cell.address, other?.value]).toEqual([id, cell.address, cell.value]);
      }
      // Number cells show the same text (same number formats); text cells were translated.
      const numbers = english.cells.filter((c) => typeof c.value === 'number');
      for (const cell of numbers) expect([id, cell.address, byAddress.get(cell.address)?.text]).toEqual([id, cell.address, cell.text]);
      const translated = english.cells.filter((c) => typeof c.value === 'string' && byAddress.get(c.address)?.value !== c.value && HAN.test(String(byAddress.get(c.address)?.value)));
      expect(translated.length).toBeGreaterThan(english.cells.filter((c) => typeof c.value === 'string').length / 2);
    }
  }, 180_000);

  test('show amd --lang zh-TW: Chinese headings, labels and units, the same values as in English', async () => {
    const { code, stdout } = await run('scenario', 'show', 'amd', '--lang', 'zh-TW');
    expect(code).toBe(0);
    const plan = buildSheetPlan(scenarioById('amd'), zhHant);
    expect(stdout.split('\n')[0]).toBe(`${zhHant['amd.title']}（工作表「${plan.sheetName}」）`);
    expect(stdout).toContain(`\n${zhHant['cli.namedOutputs']}\n`);
    const label = plan.names.find((n) => n.name === 'AMD_WarrantValueAtTarget')!.label;
    expect(stdout).toMatch(new RegExp(`^  AMD_WarrantValueAtTarget\\s+96\\.0 十億美元  \\(${label.replace(/[()（）]/g, '.')}\\)$`, 'm'));
    expect(stdout).not.toContain('Named outputs:');
    // A what-if line in Chinese, the input found by its Chinese label too.
    const price = plan.inputs.find((i) => i.id === 'price')!;
    const priceLabel = String(plan.cells[a1Row(price.address)][0]);
    const what = await run('scenario', 'show', 'amd', '--lang=zh-TW', '--set', `${priceLabel}=600`);
    expect(what.code).toBe(0);
    expect(what.stdout).toContain(`${zhHant['cli.whatIfInputs']}\n  B15  ${priceLabel}：600.00（原值：203.71）\n`);
  });

  test('a percentage unit after a comma is written once in Chinese too (機率，% → 19.0% 機率)', async () => {
    const english = (await shown('bain2030')).names.find((n) => n.name === 'BAIN_ShortfallProb')!;
    const chinese = (await shown('bain2030', '--lang', 'zh-TW')).names.find((n) => n.name === 'BAIN_ShortfallProb')!;
    expect(english.text).toMatch(/^\d+\.\d% probability$/);
    expect(chinese.text).toBe(english.text.replace(' probability', ' 機率'));
  });

  test('zh-HK, zh-MO and zh-Hant are 繁體中文; zh-SG, zh-Hans and zh are 简体中文; en-GB is English', async () => {
    const firstTitle = async (lang: string) => (await run('scenario', 'list', '--lang', lang)).stdout.split('\n')[0];
    for (const lang of ['zh-HK', 'zh-MO', 'zh-Hant', 'zh_tw']) expect([lang, await firstTitle(lang)]).toEqual([lang, `amd        ${zhHant['amd.title']}`]);
    for (const lang of ['zh-SG', 'zh-Hans', 'zh', 'ZH-CN']) expect([lang, await firstTitle(lang)]).toEqual([lang, `amd        ${zhHans['amd.title']}`]);
    expect(await firstTitle('en-GB')).toBe(`amd        ${presetSummaries()[0].title}`);
  });

  test('without --lang the CLI is in English whatever LANG and LC_ALL say', async () => {
    const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LANGUAGE: process.env.LANGUAGE };
    Object.assign(process.env, { LANG: 'zh_TW.UTF-8', LC_ALL: 'zh_TW.UTF-8', LANGUAGE: 'zh_TW' });
    try {
      const sheet = await shown('amd');
      expect(sheet.sheet).toBe('AMD warrants');
      expect((await run('scenario', 'show', 'amd')).stdout).toContain('\nNamed outputs:\n');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  test('export --lang zh-CN writes the sheet in 简体中文 with the English formulas, names and cached values', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-cli-')), 'amd.xlsx');
    const { code } = await run('scenario', 'export', 'amd', '--xlsx', file, '--lang', 'zh-CN');
    expect(code).toBe(0);
    const plan = buildSheetPlan(scenarioById('amd'), zhHans);
    const english = buildSheetPlan(scenarioById('amd'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual([plan.sheetName]);
    const sheet = book.getWorksheet(plan.sheetName)!;
    expect(sheet.getCell('A1').value).toBe(zhHans['amd.title']);
    const target = english.names.find((n) => n.name === 'AMD_WarrantValueAtTarget')!;
    expect((sheet.getCell(target.address).value as ExcelJS.CellFormulaValue).result).toBe(95_998_400_000);
    expect(book.definedNames.getRanges('AMD_WarrantValueAtTarget').ranges).toEqual([`'${plan.sheetName}'!$${target.address.replace(/(\d+)/, '$$$1')}`]);
  });

  test.each([
    [['show', 'amd', '--lang', 'fr'], /--lang fr: not a language of the presets; use en \(English\), zh-TW \(繁體中文\) or zh-CN \(简体中文\)/],
    [['show', 'amd', '--lang', 'klingon'], /--lang klingon: not a language of the presets/],
    [['show', 'amd', '--lang', 'zh TW'], /--lang zh TW: not a language of the presets/],
    [['export', 'amd', '--xlsx', 'x.xlsx', '--lang', 'ja-JP'], /--lang ja-JP: not a language/],
    [['list', '--lang', 'de'], /--lang de: not a language/],
    [['show', 'amd', '--lang'], /--lang needs a value/],
  ])('an unknown language %j is a usage error (exit 2) naming the languages', async (argv, message) => {
    const { code, stdout, stderr } = await run('scenario', ...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('--lang LANG');
  });
});

function a1Row(address: string): number {
  return Number(/\d+/.exec(address)![0]) - 1;
}

test('show openai --as-of sets the funding sheet’s as-of date: the inputs known then', async () => {
  const { code, stdout } = await run('scenario', 'show', 'openai', '--as-of', '2025-10-13', '--json');
  expect(code).toBe(0);
  const sheet = JSON.parse(stdout);
  const plan = buildSheetPlan(scenarioById('openai'));
  expect(sheet.set).toEqual([expect.objectContaining({ address: plan.anchors.asOf, value: excelDate('2025-10-13') })]);
  const at = (address: string) => sheet.cells.find((c: { address: string }) => c.address === address)?.value;
  // The projection known on the article's date (Sept 2025, 200) and no 2026 round yet.
  expect(at(plan.anchors.projectedRevenue2030)).toBe(factNumber('openai.projectedRevenue2030'));
  expect(at(plan.anchors.round2026Total)).toBe(0);
  expect(sheet.names.find((n: { name: string }) => n.name === 'OPENAI_ChecksOK').value).toBe(true);
});

test.each([
  ['2025-02-30', 'not a date'],
  ['13/10/2025', 'not a date'],
  ['2025-10-12', 'before the article'],
])('show openai --as-of %s is refused with exit 2 (%s)', async (date, says) => {
  const { code, stdout, stderr } = await run('scenario', 'show', 'openai', '--as-of', date);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toContain(says);
});

test('--as-of on a preset without an as-of date is refused with exit 2', async () => {
  const { code, stderr } = await run('scenario', 'show', 'amd', '--as-of', '2025-10-13');
  expect(code).toBe(2);
  expect(stderr).toContain('amd has no as-of date');
});
