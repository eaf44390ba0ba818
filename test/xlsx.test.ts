/**
 * The xlsx export: formulas stored as Excel stores them, with the engine's values cached; spills as
 * dynamic arrays, the add-in's web-extension part, calcPr and print setup; read back by a file
 * library and as raw package parts, and opened by a real spreadsheet application (LibreOffice
 * Calc, headless).
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import addin from '../src/addin.json';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createEngine, EngineScalar, isEngineError, readName } from '../src/engine';
import { addPlanSheet, sheetValues } from '../src/engine/planSheet';
import { a1, buildSheetPlan, excelDate, isFormulaCell, PRESET_IDS, scenarioById, SheetPlan } from '../src/scenarios';
import { calledFunctions, CLASSIC_FUNCTIONS, fromFileFormula, FUTURE_FUNCTIONS, toFileFormula } from '../src/xlsx/fileFormula';
import { arrayFormulaRefs, needsArrayEvaluation } from '../src/xlsx/arrayFormulas';
import { CALC_ID } from '../src/xlsx/packageParts';
import { workbookBuffer, wrappedLineCount } from '../src/xlsx/workbookFile';

describe('formulas as Excel stores them in a file', () => {
  test.each([
    ['=DEALS.WARRANTVALUE(B2,C2,600)', '_xldudf_DEALS_WARRANTVALUE(B2,C2,600)'],
    ['=deals.fundinggap($C$20:$C$24,D20:D24)', '_xldudf_DEALS_FUNDINGGAP($C$20:$C$24,D20:D24)'],
    ['=NORM.S.DIST(1.5E+0,TRUE)*RRI(5,B1,B2)', '_xlfn.NORM.S.DIST(1.5E+0,TRUE)*_xlfn.RRI(5,B1,B2)'],
    ['=IF(B3>0,"DEALS.WARRANTVALUE(","no")&SUM(B1:B2)', 'IF(B3>0,"DEALS.WARRANTVALUE(","no")&SUM(B1:B2)'],
    ["='DEALS.X'!A1+DEALS.CIRCULARFLOW(10,35,,,\"roundTripShare\")", "'DEALS.X'!A1+_xldudf_DEALS_CIRCULARFLOW(10,35,,,\"roundTripShare\")"],
  ])('%s → %s, and back', (cell, file) => {
    expect(toFileFormula(cell)).toBe(file);
    expect(fromFileFormula(file)).toBe(cell.replace(/^=deals\.fundinggap/, '=DEALS.FUNDINGGAP'));
  });

  test('every function the presets call is a DEALS function or one whose file name is known', () => {
    const unknown = new Set<string>();
    for (const id of PRESET_IDS) {
      for (const row of buildSheetPlan(scenarioById(id)).cells) {
        for (const cell of row) {
          if (!isFormulaCell(cell)) continue;
          for (const fn of calledFunctions(cell.formula)) {
            if (!fn.startsWith('DEALS.') && !CLASSIC_FUNCTIONS.has(fn) && !FUTURE_FUNCTIONS.has(fn)) unknown.add(fn);
          }
        }
      }
    }
    expect([...unknown]).toEqual([]);
  });
});

describe('which single-cell formulas need array evaluation (stored as one-cell dynamic arrays)', () => {
  test.each([
    ['=INDEX(DEALS.FUNDINGRISK($B$88:$B$95,$B$11*10^9,$H$88:$H$95*B103,"ranOutProb"),8)', true], // range * scalar inside a DEALS call
    ['=DEALS.FUNDINGGAP($B$88:$B$95+(B105-1)*$E$88:$E$95,C1:C8)', true],
    ['=SUM(A1:A3*2)', true], // SUM takes a reference, not an array expression
    ['=A1:A3>0', true], // top level
    ["=MAX('My sheet'!A1:A3-1)", true],
    ['=SUM((A1:A3))*2', false], // the range is SUM's whole argument
    ['=-Sheet1!A1:A3', true],
    ['=SUMPRODUCT(($I$27:$I$34>$J$27:$J$34)*1)=0', false], // SUMPRODUCT evaluates arrays in every Excel
    ['=SUM($D$88:D88)+SUM($H$88:H88)-1', false],
    ['=DEALS.FUNDINGRISK($B$88:$B$95,$B$11*10^9,$H$88:$H$95)', false],
    ['=INDEX($G$27:$G$34,1)/(INDEX($J$27:$J$34,1)+1)', false],
    ['=ROWS($C$19:$C$28)=$B$8', false],
    ['=AND(MIN($E$29:$E$34)>=0,MAX($E$29:$E$34)<=1)', false],
    ['="A1:A3*2"&B1', false], // inside a string
  ])('%s → %s', (formula, expected) => {
    expect(needsArrayEvaluation(formula)).toBe(expected);
  });

  test("the OpenAI tornado cells (range arithmetic inside DEALS.FUNDINGRISK) are found from their formula text", () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const singles = [...arrayFormulaRefs(plan)].filter(([anchor, ref]) => anchor === ref).map(([anchor]) => anchor);
    // The tornado's FUNDINGRISK cells whose arguments scale a whole column (`$AE$216:$AE$225*B233`), by a pattern of this test's own.
    const rangeArithmetic = /\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+\s*[*/+-]|[*/+-]\s*\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+/;
    const tornado = ['tornado.low', 'tornado.high', 'tornado.lowP95', 'tornado.highP95'].flatMap((id) => {
      const range = a1.parseRange(plan.anchors[id]);
      const found: string[] = [];
      for (let r = range.start.row; r <= range.end.row; r++) {
        const cell = plan.cells[r][range.start.col];
        if (isFormulaCell(cell) && /DEALS\.FUNDINGRISK\(/.test(cell.formula) && rangeArithmetic.test(cell.formula)) found.push(a1.formatCell(r, range.start.col));
      }
      return found;
    });
    expect(tornado.length).toBeGreaterThanOrEqual(4);
    expect(singles).toEqual(expect.arrayContaining(tornado));
  });
});

/** The seven presets evaluated in one engine workbook, as `deals scenario export all` does. */
function evaluateAll() {
  const engine = createEngine();
  const sheets = PRESET_IDS.map((id) => {
    const plan = buildSheetPlan(scenarioById(id));
    const placed = addPlanSheet(engine, plan);
    return { plan, name: placed.sheetName, values: sheetValues(engine, placed.sheetId) };
  });
  return { engine, sheets };
}

const closeTo = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));

/** A cached result as Excel holds it: ExcelJS reads a date-formatted number as a Date (UTC midnight of the serial day). */
const serialOf = (value: unknown) => (value instanceof Date ? value.getTime() / 86_400_000 + 25_569 : value);
/** A value as Calc shows it in CSV: a date-formatted cell as its date (YYYY-MM-DD), else a number, % kept. */
const shownNumber = (text: string) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? excelDate(text) : text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text));

function expectCached(cached: unknown, expected: EngineScalar, where: string): void {
  const actual = serialOf(cached);
  if (expected === 0 && actual === null) {
    // ExcelJS's reader drops a formula's cached <v>0</v> (the file holds it: checked by unzipping a written sheet).
    return;
  } else if (typeof expected === 'number') {
    expect([where, typeof actual === 'number' && closeTo(actual, expected)]).toEqual([where, true]);
  } else if (isEngineError(expected)) {
    expect([where, actual]).toEqual([where, { error: expected.error }]);
  } else {
    expect([where, actual]).toEqual([where, expected]);
  }
}

describe('deals scenario export all --xlsx', () => {
  const { engine, sheets } = evaluateAll();
  let file: string;

  beforeAll(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-xlsx-')), 'deals.xlsx');
    fs.writeFileSync(file, await workbookBuffer(sheets));
  });

  test('no preset has an error cell', () => {
    for (const { name, values } of sheets) {
      const errors = values.flatMap((row, r) => row.flatMap((v, c) => (isEngineError(v) ? [`${name}!${a1.formatCell(r, c)} ${v.error}`] : [])));
      expect(errors).toEqual([]);
    }
  });

  test('read back, every formula is stored with its prefix and its value cached; names point at their cells', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    let formulas = 0;
    for (const { plan, name, values } of sheets) {
      const sheet = book.getWorksheet(name)!;
      const spillAnchors = new Map(plan.spills.map((s) => [s.anchor, s.range]));
      plan.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const address = a1.formatCell(r, c);
          const stored = sheet.getCell(address).value as ExcelJS.CellValue;
          const expected = values[r]?.[c] ?? null;
          if (isFormulaCell(cell)) {
            formulas++;
            const f = stored as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
            expect(f.formula).toBe(toFileFormula(cell.formula));
            if (spillAnchors.has(address)) expect([f.shareType, f.ref]).toEqual(['array', spillAnchors.get(address)]);
            // the cell's result, not `value.result`: exceljs's value copy drops a falsy result (0, FALSE)
            expectCached(sheet.getCell(address).result ?? null, expected, `${name}!${address}`);
          } else if (cell === null && expected !== null) {
            expectCached(stored, expected, `${name}!${address} (spilled)`);
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(300);
    const amd = sheets[0];
    const target = amd.plan.names.find((n) => n.name === 'AMD_WarrantValueAtTarget')!;
    expect(book.definedNames.getRanges('AMD_WarrantValueAtTarget').ranges).toEqual([`'${amd.name}'!${a1.formatCell(a1.parseCell(target.address).row, a1.parseCell(target.address).col, true)}`]);
    expect(readName(engine, 'AMD_WarrantValueAtTarget')).toBe(95_998_400_000);
  });

  // A real spreadsheet application must show the cached values (it cannot run DEALS functions).
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  const inCi = Boolean(process.env.CI);
  (soffice || inCi ? test : test.skip)('LibreOffice Calc opens the file and shows the cached value of every numeric formula cell outside array formulas', () => {
    expect(soffice).toBeDefined(); // CI installs libreoffice-calc-nogui (.ci/run): missing there is a failure
    const out = calcToCsv(soffice!, file);
    // Calc recalculates array formulas and formulas with a TRUE/FALSE result when it loads an xlsx
    // file, whatever its recalculation setting; without the add-in a DEALS call there is #NAME?.
    // Every other cell must show the value the file caches.
    let compared = 0;
    const recalculated: string[] = [];
    const booleanCells = new Set(sheets.flatMap(({ name, values }) => values.flatMap((row, r) => row.flatMap((v, c) => (typeof v === 'boolean' ? [`${name}!${a1.formatCell(r, c)}`] : [])))));
    for (const { plan, name, values } of sheets) {
      const csv = parseCsv(fs.readFileSync(path.join(out, `${path.basename(file, '.xlsx')}-${name}.csv`), 'utf8'));
      const spills = [...arrayFormulaRefs(plan).values()].map((range) => a1.parseRange(range));
      plan.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const expected = values[r]?.[c] ?? null;
          const text = csv[r]?.[c] ?? '';
          const inSpill = spills.some((range) => a1.rangeContains(range, r, c));
          if (text === '#NAME?') recalculated.push(`${name}!${a1.formatCell(r, c)}`);
          if (text === '#NAME?' && (inSpill || typeof expected === 'boolean')) return;
          if (!(isFormulaCell(cell) || inSpill) || typeof expected !== 'number') return;
          // Calc writes 15 significant digits, keeps the % of a percent-formatted cell and shows a date-formatted one as its date.
          const shown = shownNumber(text);
          const where = `${name}!${a1.formatCell(r, c)} shows ${text}, cached ${expected}`;
          expect([where, Math.abs(shown - expected) <= 1e-13 * Math.max(1e-3, Math.abs(expected))]).toEqual([where, true]);
          compared++;
        }),
      );
    }
    // The split: every #NAME? is in an array formula's range (Calc 7.4 recomputes array formulas on
    // load and ignores their cached values: the spills and the one-cell arrays of the OpenAI
    // tornado) or a TRUE/FALSE formula (Calc keeps formulas with a boolean cached result for
    // recalculation); both need the add-in. Measured: 106 + 9 = 115 cells, beside cells that keep
    // their cached values: the sheet is inconsistent there, hence `--values` (next test).
    const inSpills = recalculated.filter((where) => !booleanCells.has(where));
    console.log(`LibreOffice Calc recalculated (array or TRUE/FALSE formulas, #NAME? without the add-in): ${recalculated.length} cells: ${inSpills.length} in array-formula ranges (spills and one-cell arrays), ${recalculated.length - inSpills.length} TRUE/FALSE checks`);
    const spillCells = sheets.reduce((n, { plan }) => n + [...arrayFormulaRefs(plan).values()].reduce((m, range) => m + [...a1.rangeCells(a1.parseRange(range))].length, 0), 0);
    expect(inSpills.length).toBeLessThanOrEqual(spillCells);
    expect(recalculated.length - inSpills.length).toBeLessThanOrEqual(booleanCells.size);
    expect(compared).toBeGreaterThan(300);
    console.log(`LibreOffice Calc showed the cached value of ${compared} numeric formula cells across ${sheets.length} sheets`);
  }, 180_000);

  (soffice || inCi ? test : test.skip)('the values-only export (--values) opens in LibreOffice Calc with no #NAME? and every value as exported', async () => {
    const { valuesOnlySheet } = await import('../src/xlsx/valuesOnly');
    const valuesFile = path.join(path.dirname(file), 'values.xlsx');
    fs.writeFileSync(valuesFile, await workbookBuffer(sheets.map((s) => valuesOnlySheet(s, 'values only')), null));
    const out = calcToCsv(soffice!, valuesFile);
    let compared = 0;
    for (const { name, plan, values } of sheets) {
      const csv = parseCsv(fs.readFileSync(path.join(out, `values-${name}.csv`), 'utf8'));
      expect([name, csv.flat().filter((t) => t.startsWith('#'))]).toEqual([name, []]);
      values.forEach((row, r) =>
        row.forEach((expected, c) => {
          // The computed cells (formulas and spilled values); inputs are written as they were.
          const cell = plan.cells[r]?.[c] ?? null;
          if (typeof expected !== 'number' || !(isFormulaCell(cell) || cell === null)) return;
          const text = csv[r]?.[c] ?? '';
          const shown = shownNumber(text);
          const where = `${name}!${a1.formatCell(r, c)} shows ${text}, exported ${expected}`;
          expect([where, Math.abs(shown - expected) <= 1e-13 * Math.max(1e-3, Math.abs(expected))]).toEqual([where, true]);
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(1000);
    console.log(`LibreOffice Calc, values-only export: ${compared} numeric cells as exported, no #NAME?`);
  }, 180_000);
});

/** Converts every sheet of an xlsx file to CSV with LibreOffice Calc (headless); returns the folder. */
function calcToCsv(soffice: string, file: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'deals-csv-'));
  // CSV filter options: comma, double quote, UTF-8, raw values (not as shown), every sheet to its own file.
  const result = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status).toBe(0);
  return out;
}

describe('the package parts Excel reads beyond cells', () => {
  const { sheets } = evaluateAll();
  let zip: JSZip;
  const part = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`no part ${name}`);
    return file.async('string');
  };
  const sheetXml = (i: number) => part(`xl/worksheets/sheet${i + 1}.xml`);

  beforeAll(async () => {
    zip = await JSZip.loadAsync(await workbookBuffer(sheets));
  });

  test('a web-extension part names the production add-in (centralized deployment) and a task pane part opens it', async () => {
    const extension = await part('xl/webextensions/webextension1.xml');
    const reference = /<we:reference id="([^"]+)" version="([^"]+)" store="([^"]+)" storeType="([^"]+)"\/>/.exec(extension);
    expect(reference?.slice(1)).toEqual([addin.productionId, addin.version, 'EXCatalog', 'EXCatalog']);
    expect(extension).toContain('<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>');
    // …which opens the manifest's action with that TaskpaneId ([MS-OWEMXML] ShowTaskpane): the only one.
    const manifest = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(manifest.match(/<TaskpaneId>[^<]*<\/TaskpaneId>/g)).toEqual(['<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>']);
    const taskpanes = await part('xl/webextensions/taskpanes.xml');
    expect(taskpanes).toMatch(/<wetp:taskpane [^>]*visibility="1"/);
    const rid = /<wetp:webextensionref [^>]*r:id="([^"]+)"/.exec(taskpanes)![1];
    expect(await part('xl/webextensions/_rels/taskpanes.xml.rels')).toMatch(new RegExp(`Id="${rid}" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"`));
    expect(await part('_rels/.rels')).toMatch(/Type="http:\/\/schemas\.microsoft\.com\/office\/2011\/relationships\/webextensiontaskpanes" Target="xl\/webextensions\/taskpanes\.xml"/);
    const types = await part('[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>');
    expect(types).toContain('<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>');
    // Relationship ids stay unique in every part we added one to.
    for (const rels of ['_rels/.rels', 'xl/_rels/workbook.xml.rels']) {
      const ids = [...(await part(rels)).matchAll(/\sId="([^"]+)"/g)].map((m) => m[1]);
      expect([rels, new Set(ids).size]).toEqual([rels, ids.length]);
    }
  });

  test('every spill, and every other formula that needs array evaluation, is a dynamic array: cm="1" on its anchor, an array formula over its range, XLDAPR metadata', async () => {
    const metadata = await part('xl/metadata.xml');
    expect(metadata).toContain('<metadataType name="XLDAPR"');
    expect(metadata).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(metadata).toContain('<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>');
    expect(await part('xl/_rels/workbook.xml.rels')).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/sheetMetadata" Target="metadata\.xml"/);
    expect(await part('[Content_Types].xml')).toContain('<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>');
    let spills = 0;
    let singles = 0;
    for (const [i, { plan, name }] of sheets.entries()) {
      const xml = await sheetXml(i);
      const arrays = [...xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f t="array" ref="([^"]+)">/g)].map((m) => ({ anchor: m[1], cm: /\scm="1"/.test(m[2]), ref: m[3] }));
      const expected = [...arrayFormulaRefs(plan)].map(([anchor, ref]) => ({ anchor, cm: true, ref }));
      const byAnchor = (a: { anchor: string }, b: { anchor: string }) => a.anchor.localeCompare(b.anchor);
      expect([name, arrays.sort(byAnchor)]).toEqual([name, expected.sort(byAnchor)]);
      expect(xml.match(/\scm="1"/g)?.length ?? 0).toBe(expected.length);
      spills += plan.spills.length;
      singles += expected.length - plan.spills.length;
    }
    expect(spills).toBeGreaterThanOrEqual(5);
    expect(singles).toBeGreaterThanOrEqual(12); // the OpenAI tornado: 3 rows × 4 cells
  });

  test(`calcPr asks for no full recalculation on load (calcId ${CALC_ID}, no fullCalcOnLoad)`, async () => {
    const calcPr = (await part('xl/workbook.xml')).match(/<calcPr\b[^>]*\/>/g);
    expect(calcPr).toEqual([`<calcPr calcId="${CALC_ID}"/>`]);
  });

  test('every sheet prints fitted to one page wide', async () => {
    for (const [i, { name }] of sheets.entries()) {
      const xml = await sheetXml(i);
      expect([name, /<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/.test(xml)]).toEqual([name, true]);
      const setup = /<pageSetup\b[^>]*\/>/.exec(xml)?.[0] ?? '';
      expect([name, /fitToWidth="1"/.test(setup), /fitToHeight="0"/.test(setup), /orientation="landscape"/.test(setup)]).toEqual([name, true, true, true]);
    }
  });

  test('a wrapped header row is as tall as its longest header needs, so it does not overlap the rows above', async () => {
    let checked = 0;
    for (const [i, { plan, name }] of sheets.entries()) {
      const xml = await sheetXml(i);
      const heights = new Map([...xml.matchAll(/<row r="(\d+)" ht="([\d.]+)" customHeight="1"/g)].map((m) => [Number(m[1]) - 1, Number(m[2])]));
      for (const { range, style } of plan.styles.filter((s) => s.style === 'header')) {
        for (const { row, col } of a1.rangeCells(a1.parseRange(range))) {
          const text = plan.cells[row]?.[col];
          const width = plan.columnWidths[col] ?? 8.43;
          if (typeof text !== 'string' || text.length <= width) continue; // fits on one line
          const where = `${name}!${a1.formatCell(row, col)} "${text}" in width ${width}`;
          // At least 15 pt per line the text takes, and more than a single line.
          expect([where, (heights.get(row) ?? 15) >= 15 * wrappedLineCount(text, width) && (heights.get(row) ?? 15) > 15]).toEqual([where, true]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  test('wrappedLineCount wraps at words and breaks words wider than the column', () => {
    expect(wrappedLineCount('Share price', 20)).toBe(1);
    expect(wrappedLineCount('Cumulative warrant value at hurdle', 11)).toBe(4); // 10 characters a line
    expect(wrappedLineCount('abcdefghijklmnopqrstuvwxy', 11)).toBe(3);
    expect(wrappedLineCount('two\nlines', 30)).toBe(2);
  });
});

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

export type { SheetPlan };
