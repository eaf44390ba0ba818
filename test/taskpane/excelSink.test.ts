/**
 * The Office.js writer (src/taskpane/excelSink.ts) against a fake Excel host (fakeExcel.ts): two
 * syncs per load whatever the plan's size, what is written where, free sheet names, a second copy
 * of a preset, failures midway that leave the workbook as it was, and oversize plans refused
 * before anything is sent.
 */
import { en } from '../../src/i18n';
import type { Messages } from '../../src/i18n';
import { a1, buildSheetPlan, isFormulaCell, PRESETS, scenarioById, STYLE_GUIDE } from '../../src/scenarios';
import type { PlanCell, SheetPlan } from '../../src/scenarios';
import { freeSheetName } from '../../src/scenarios/sheetNames';
import {
  cellInput,
  columnRuns,
  columnWidthPoints,
  excelSink,
  prepare,
  SAFE_REQUEST_BYTES,
  SheetWriteError,
  writePlanToExcel,
} from '../../src/taskpane/excelSink';
import { emptySheet, FakeExcel } from './fakeExcel';
import type { CellState, WorkbookState } from './fakeExcel';

/** A workbook with a user's own content: two sheets (one with cells and a chart), workbook and sheet names. */
function userWorkbook(): FakeExcel {
  const data = emptySheet('Data', {
    A1: { formula: 'Revenue', font: { bold: true } },
    B1: { formula: 42, numberFormat: '0.0' },
    B2: { formula: '=B1*2' },
  });
  data.names.push({ name: 'LocalRate', reference: "='Data'!$B$1" });
  data.charts.push({ name: 'Chart 1', type: 'Line', source: 'B1:B2', series: [{ name: 'Series1', values: 'B1:B2' }] });
  data.columnWidths.A = 100;
  const summary = emptySheet('Summary', { A1: { formula: '=Data!B2' } });
  return new FakeExcel({
    sheets: [summary, data],
    names: [{ name: 'Revenue', reference: "='Data'!$B$1", comment: 'mine' }],
    activeSheet: 'Summary',
  });
}

const PLANS: ReadonlyArray<readonly [string, SheetPlan]> = PRESETS.map((p) => [p.id, buildSheetPlan(p, en)] as const);

/** Every cell's number format in the plan, 'General' where it gives none. */
function formatGrid(plan: SheetPlan): string[][] {
  const grid = plan.cells.map((row) => row.map(() => 'General'));
  for (const { range, format } of plan.numberFormats) for (const { row, col } of a1.rangeCells(a1.parseRange(range))) grid[row][col] = format;
  return grid;
}

/** What Excel would read back from `range.formulas` for a plan cell. */
function expectedFormula(cell: PlanCell): string | number | boolean | undefined {
  if (cell === null || cell === '') return undefined;
  return isFormulaCell(cell) ? cell.formula : cell;
}

/** The part of the state that was there before a load: every other sheet, and the workbook names that existed. */
function withoutSheet(state: WorkbookState, sheet: string): WorkbookState {
  return { ...state, sheets: state.sheets.filter((s) => s.name !== sheet) };
}

describe('a load costs two syncs, whatever the plan', () => {
  test.each(PLANS)('%s: 2 syncs in one Excel.run; one numberFormat and one formulas matrix over the used range', async (_id, plan) => {
    const host = userWorkbook();
    const result = await writePlanToExcel(plan, { run: host.run });
    expect(result.sheetName).toBe(plan.sheetName);
    expect(host.syncs).toBe(2);
    expect(host.runs).toBe(1);

    const [read, write] = host.requests;
    expect(read.operations.every((op) => op.kind === 'load')).toBe(true);
    // The write reads nothing of the user's: its only loads are of what it creates (the new sheet's id, each workbook-level name it adds).
    expect(write.operations.filter((op) => op.kind === 'load')).toHaveLength(1 + plan.names.length);
    const used = a1.formatRange(0, 0, plan.cells.length - 1, plan.cells[0].length - 1);
    expect(write.operations.filter((op) => op.kind === 'Range.numberFormat')).toEqual([{ kind: 'Range.numberFormat', address: used }]);
    expect(write.operations.filter((op) => op.kind === 'Range.formulas')).toEqual([{ kind: 'Range.formulas', address: used }]);
    // numberFormat before formulas, both right after the sheet is added (and its id loaded).
    expect(write.operations.slice(0, 4).map((op) => op.kind)).toEqual(['Worksheets.add', 'load', 'Range.numberFormat', 'Range.formulas']);
    expect(write.bytes).toBeLessThan(1_000_000);
  });

  // Microsoft's reference: after suspendApiCalculationUntilNextSync "it is the developer's
  // responsibility to re-calc the workbook". The writer does not suspend; were it to, a later
  // request would have to recalculate, or the new DEALS cells would wait for the user's next edit.
  test.each(PLANS)('%s: calculation is never left suspended: no suspension, or a recalculation after it', async (_id, plan) => {
    const host = userWorkbook();
    await writePlanToExcel(plan, { run: host.run });
    const kinds = host.requests.map((request) => request.operations.map((op) => op.kind));
    const suspended = kinds.findIndex((request) => request.includes('Application.suspendApiCalculationUntilNextSync'));
    if (suspended >= 0) expect(kinds.slice(suspended + 1).some((request) => request.includes('Application.calculate'))).toBe(true);
    else expect(kinds.flat()).not.toContain('Application.suspendApiCalculationUntilNextSync');
  });

  test('a 2,000-row plan still takes 2 syncs and stays under the request limit', async () => {
    const base = buildSheetPlan(scenarioById('amd'), en);
    const width = base.cells[0].length;
    const extra: PlanCell[][] = Array.from({ length: 2000 }, (_, i) => {
      const r = base.cells.length + i + 1;
      return Array.from({ length: width }, (_, c) => (c === 0 ? `Row ${i + 1}` : c === 1 ? i * 1.5 : { formula: `=B${r}*${c}` }));
    });
    const last = base.cells.length + extra.length;
    const plan: SheetPlan = {
      ...base,
      cells: [...base.cells, ...extra],
      numberFormats: [...base.numberFormats, { range: `B${base.cells.length + 1}:${a1.columnLetters(width - 1)}${last}`, format: '#,##0.00' }],
      styles: [...base.styles, { range: `B${base.cells.length + 1}:B${last}`, style: 'input' }],
    };
    expect(prepare(plan).requestBytes).toBeLessThan(SAFE_REQUEST_BYTES);
    const host = userWorkbook();
    await writePlanToExcel(plan, { run: host.run });
    expect(host.syncs).toBe(2);
    const sheet = host.sheet(plan.sheetName);
    expect(sheet.cells[`C${last}`]).toMatchObject({ formula: `=B${last}*2`, numberFormat: '#,##0.00' });
    expect(sheet.cells[`B${last}`]).toMatchObject({ formula: 1999 * 1.5, font: { color: STYLE_GUIDE.input.fontColor } });
    expect(host.requests[1].operations.filter((op) => op.kind === 'Range.formulas')).toHaveLength(1);
  });

  test.each(PLANS)('%s: the size estimate is not below what the fake host measures for the write request', async (_id, plan) => {
    const host = new FakeExcel();
    await writePlanToExcel(plan, { run: host.run });
    expect(prepare(plan).requestBytes).toBeGreaterThanOrEqual(host.requests[1].bytes);
  });
});

describe('what is written where', () => {
  test.each(PLANS)('%s: cells, formats, styles, widths, links, names, charts, freeze, activation', async (_id, plan) => {
    const host = userWorkbook();
    const before = host.snapshot();
    const result = await writePlanToExcel(plan, { run: host.run });
    const sheet = host.sheet(result.sheetName);
    const formats = formatGrid(plan);

    // Every cell of the used range holds the plan's content and number format, nothing is coerced.
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const address = a1.formatCell(r, c);
        const state: CellState = sheet.cells[address] ?? {};
        expect([address, state.formula, state.numberFormat, state.coercedFrom]).toEqual([address, expectedFormula(cell), formats[r][c], undefined]);
      }),
    );
    // Nothing outside it.
    const outside = Object.keys(sheet.cells).filter((address) => {
      const ref = a1.parseCell(address);
      return ref.row >= plan.cells.length || ref.col >= plan.cells[0].length;
    });
    expect(outside).toEqual([]);

    // Styles, as STYLE_GUIDE says.
    for (const { range, style } of plan.styles) {
      const look = STYLE_GUIDE[style];
      for (const { row, col } of a1.rangeCells(a1.parseRange(range))) {
        const cell = sheet.cells[a1.formatCell(row, col)] ?? {};
        const seen = {
          fontColor: cell.font?.color,
          bold: cell.font?.bold,
          italic: cell.font?.italic,
          fontSize: cell.font?.size,
          fill: cell.fill,
          wrap: cell.wrap,
          borderBottom: cell.borderBottom ? true : undefined,
        };
        const want = { fontColor: look.fontColor, bold: look.bold, italic: look.italic, fontSize: look.fontSize, fill: look.fill, wrap: look.wrap, borderBottom: look.borderBottom || undefined };
        expect([a1.formatCell(row, col), style, seen]).toEqual([a1.formatCell(row, col), style, want]);
      }
    }

    // Column widths in points; frozen panes; the new sheet is active.
    expect(sheet.columnWidths).toEqual(Object.fromEntries(plan.columnWidths.map((w, c) => [a1.columnLetters(c), columnWidthPoints(w)])));
    expect(sheet.freeze).toEqual(plan.freeze);
    expect(host.state.activeSheet).toBe(result.sheetName);
    expect(host.state.sheets.map((s) => s.name)).toEqual(['Summary', 'Data', result.sheetName]);

    // Hyperlinks on the source URLs, the cell keeping its text.
    for (const link of plan.links) {
      const cell = sheet.cells[link.address];
      expect(cell.hyperlink).toEqual({ address: link.url, textToDisplay: link.url });
      expect(cell.formula).toBe(link.url);
    }
    const linked = Object.entries(sheet.cells).filter(([, c]) => c.hyperlink).map(([address]) => address);
    expect(linked.sort()).toEqual(plan.links.map((l) => l.address).sort());

    // Names at workbook level, each on its cell of the new sheet, with label and unit as comment.
    expect(result.workbookNames).toEqual(plan.names.map((n) => n.name));
    expect(result.sheetNames).toEqual([]);
    expect(result.detail).toBeUndefined();
    expect(host.state.names).toEqual([
      ...before.names,
      ...plan.names.map((n) => ({
        name: n.name,
        reference: `='${result.sheetName}'!${a1.rangeText(a1.parseRange(n.address), true)}`,
        comment: n.unit ? `${n.label} (${n.unit})` : n.label,
      })),
    ]);
    expect(sheet.names).toEqual([]);

    // Charts: type, title, axes, series over the plan's ranges, placed over the anchor.
    const types = { line: 'Line', columnClustered: 'ColumnClustered', columnStacked: 'ColumnStacked', barClustered: 'BarClustered' };
    expect(sheet.charts).toEqual(
      plan.charts.map((chart) => ({
        name: chart.id,
        type: types[chart.type],
        source: chart.series[0].values,
        // One series from the source: its rows when it lies across a row (the timeline), else its columns.
        seriesBy: a1.parseRange(chart.series[0].values).start.row === a1.parseRange(chart.series[0].values).end.row ? 'Rows' : 'Columns',
        title: { text: chart.title, visible: true },
        legend: { position: 'Bottom', visible: true },
        categoryAxis: { title: { text: chart.xAxisTitle, visible: true } },
        valueAxis: { title: { text: chart.yAxisTitle, visible: true }, numberFormat: chart.valueFormat },
        series: chart.series.map((s) => ({ name: s.name, values: s.values, xValues: chart.categories })),
        position: { start: chart.anchor.topLeft, end: chart.anchor.bottomRight },
      })),
    );

    // What was there before is untouched.
    const after = withoutSheet(host.snapshot(), result.sheetName);
    expect({ ...after, names: after.names.slice(0, before.names.length) }).toEqual({ ...before, activeSheet: result.sheetName });
  });

  test('text that Excel would turn into a number, date or formula, or whose apostrophe it would drop, stays text', () => {
    expect(cellInput('2025', 'General')).toBe("'2025");
    expect(cellInput('=A1', 'General')).toBe("'=A1");
    expect(cellInput('May 2025', 'General')).toBe("'May 2025");
    expect(cellInput('TRUE', 'General')).toBe("'TRUE");
    expect(cellInput('Tranche 1', 'General')).toBe('Tranche 1');
    expect(cellInput('2025-10-06', '@')).toBe('2025-10-06');
    expect(cellInput("'quoted'", '@')).toBe("''quoted'");
    expect(cellInput(null, 'General')).toBe('');
    expect(cellInput({ formula: '=1+1' }, 'General')).toBe('=1+1');
    expect(cellInput(true, 'General')).toBe(true);
    expect(cellInput(0.5, '0.0%')).toBe(0.5);
  });

  test('a text cell beginning with an apostrophe keeps it (the AMD sources quote the filing)', async () => {
    const plan = buildSheetPlan(scenarioById('amd'), en);
    const quoted = plan.cells.flatMap((row, r) => row.map((cell, c) => [a1.formatCell(r, c), cell] as const)).filter(([, cell]) => typeof cell === 'string' && cell.startsWith("'"));
    expect(quoted.length).toBeGreaterThan(0);
    const host = new FakeExcel();
    await writePlanToExcel(plan, { run: host.run });
    for (const [address, cell] of quoted) expect(host.sheet(plan.sheetName).cells[address].formula).toBe(cell);
  });

  test('column widths: Excel character units to points, 8.43 characters being the default 48 pt', () => {
    expect(columnWidthPoints(8.43)).toBe(48);
    expect(columnWidthPoints(16)).toBe(87.75);
    expect(columnWidthPoints(52)).toBe(276.75);
  });

  test('excelSink() is the same writer behind the tiny sink interface', async () => {
    const host = new FakeExcel();
    const plan = buildSheetPlan(scenarioById('bain2030'), en);
    await expect(excelSink({ run: host.run }).load(plan)).resolves.toMatchObject({ sheetName: plan.sheetName });
    expect(host.syncs).toBe(2);
  });
});

describe('sheet names', () => {
  test('a taken name, compared without case, gives "(2)", then "(3)"', async () => {
    const plan = buildSheetPlan(scenarioById('amd'), en);
    const host = new FakeExcel({ sheets: [emptySheet('amd WARRANTS'), emptySheet('AMD Warrants (2)')] });
    const before = host.snapshot();
    const result = await writePlanToExcel(plan, { run: host.run });
    expect(result.sheetName).toBe('AMD warrants (3)');
    expect(host.state.sheets.map((s) => s.name)).toEqual(['amd WARRANTS', 'AMD Warrants (2)', 'AMD warrants (3)']);
    expect(host.state.sheets.slice(0, 2)).toEqual(before.sheets);
  });

  test('free names keep to 31 characters', () => {
    const long = 'A sheet name of exactly 31 char';
    expect(long).toHaveLength(31);
    expect(freeSheetName(long, [])).toBe(long);
    expect(freeSheetName(long, [long.toLowerCase()])).toBe('A sheet name of exactly 31 (2)');
    expect(freeSheetName(long, [long, 'A sheet name of exactly 31 (2)'])).toBe('A sheet name of exactly 31 (3)');
    const taken = [long, ...Array.from({ length: 8 }, (_, i) => `A sheet name of exactly 31 (${i + 2})`)];
    expect(freeSheetName(long, taken)).toBe('A sheet name of exactly 31 (10)');
    for (const name of [freeSheetName(long, taken), freeSheetName('x'.repeat(40), ['x'.repeat(31)])]) expect(a1.isValidSheetName(name)).toBe(true);
  });

  test('loading the same preset twice: two sheets, the second copy’s names at sheet level', async () => {
    const plan = buildSheetPlan(scenarioById('nvidia'), en);
    const host = userWorkbook();
    const first = await writePlanToExcel(plan, { run: host.run });
    const afterFirst = host.snapshot();
    const second = await writePlanToExcel(plan, { run: host.run });
    expect(host.syncs).toBe(4);
    expect([first.sheetName, second.sheetName]).toEqual(['Nvidia circular', 'Nvidia circular (2)']);
    expect(second.workbookNames).toEqual([]);
    expect(second.sheetNames).toEqual(plan.names.map((n) => n.name));
    expect(second.detail).toBe(en['taskpane.namesOnSheet']);
    // The workbook names still point at the first copy; the second copy has its own.
    expect(host.state.names).toEqual(afterFirst.names);
    expect(host.sheet(second.sheetName).names).toEqual(
      plan.names.map((n) => expect.objectContaining({ name: n.name, reference: `='Nvidia circular (2)'!${a1.rangeText(a1.parseRange(n.address), true)}` })),
    );
    expect(host.sheet(first.sheetName)).toEqual(afterFirst.sheets.find((s) => s.name === first.sheetName));
    // Both copies have the same cells.
    const strip = (cells: Record<string, CellState>) => JSON.stringify(cells);
    expect(strip(host.sheet(second.sheetName).cells)).toBe(strip(host.sheet(first.sheetName).cells));
  });

  test('only the names already taken move to sheet level', async () => {
    const plan = buildSheetPlan(scenarioById('oracle'), en);
    const taken = plan.names[1].name.toLowerCase();
    const host = new FakeExcel({ names: [{ name: taken, reference: '=1' }] });
    const result = await writePlanToExcel(plan, { run: host.run });
    expect(result.sheetNames).toEqual([plan.names[1].name]);
    expect(result.workbookNames).toEqual(plan.names.filter((_, i) => i !== 1).map((n) => n.name));
    expect(host.state.names[0]).toEqual({ name: taken, reference: '=1' });
  });
});

describe('failures leave the workbook as it was', () => {
  const failingAt = (kind: string, nth = 1) => {
    let seen = 0;
    return (op: { kind: string }) => op.kind === kind && ++seen === nth && `Simulated failure at ${kind}`;
  };

  test.each([
    ['Charts.add', 1],
    ['ChartSeries.setValues', 3],
    ['NamedItems.add', 4],
    ['Range.formulas', 1],
    ['Range.hyperlink', 2],
    ['FreezePanes.freezeAt', 1],
    ['Worksheet.activate', 1],
  ])('the write fails at %s (#%i): the partial sheet and its names are removed, the error says why', async (kind, nth) => {
    const plan = buildSheetPlan(scenarioById('amd'), en);
    const host = userWorkbook();
    const before = host.snapshot();
    const fail = failingAt(kind, nth);
    let partial: { cells: number; names: number } | undefined;
    host.failWhen = (op) => {
      const now = fail(op);
      // When the failure strikes, the earlier operations of the batch have been applied.
      if (now) partial = { cells: Object.keys(host.findSheet(plan.sheetName)?.cells ?? {}).length, names: host.state.names.length - before.names.length };
      return now;
    };
    const error = await writePlanToExcel(plan, { run: host.run }).catch((e: unknown) => e);
    expect(host.findSheet(plan.sheetName)).toBeUndefined();
    expect(partial).toBeDefined();
    if (kind !== 'Range.formulas') expect(partial!.cells).toBeGreaterThan(100);
    if (kind === 'NamedItems.add') expect(partial!.names).toBe(nth - 1);
    if (['Charts.add', 'ChartSeries.setValues', 'FreezePanes.freezeAt', 'Worksheet.activate'].includes(kind)) expect(partial!.names).toBe(plan.names.length);
    expect(error).toBeInstanceOf(SheetWriteError);
    expect((error as Error).message).toBe(
      en['taskpane.error.writeFailed'].replace('{detail}', `Simulated failure at ${kind} [${kind}]`),
    );
    expect(host.snapshot()).toEqual(before);
    expect(host.syncs).toBe(4); // read, write (failed), undo: read, delete
  });

  test('a failing second copy removes only its own sheet (its names were at sheet level)', async () => {
    const plan = buildSheetPlan(scenarioById('portfolio'), en);
    const host = userWorkbook();
    await writePlanToExcel(plan, { run: host.run });
    const before = host.snapshot();
    host.failWhen = failingAt('Charts.add');
    await expect(writePlanToExcel(plan, { run: host.run })).rejects.toThrow(/Simulated failure at Charts.add/);
    expect(host.snapshot()).toEqual(before);
  });

  test('Excel rejecting an oversized request also ends with the workbook as it was', async () => {
    const plan = buildSheetPlan(scenarioById('broadcom'), en);
    const host = userWorkbook();
    const before = host.snapshot();
    host.payloadLimit = 10_000;
    await expect(writePlanToExcel(plan, { run: host.run })).rejects.toThrow(/payload size has exceeded/);
    expect(host.snapshot()).toEqual(before);
  });

  test('if the undo fails too, the error says so and names the sheet to delete', async () => {
    const plan = buildSheetPlan(scenarioById('openai'), en);
    const host = userWorkbook();
    host.failWhen = (op) => (op.kind === 'Charts.add' && 'chart failed') || (op.kind === 'Worksheet.delete' && 'delete failed');
    const error = (await writePlanToExcel(plan, { run: host.run }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      en['taskpane.error.cleanupFailed']
        .replace('{detail}', 'chart failed [Charts.add]')
        .replace('{sheet}', plan.sheetName)
        .replace('{cleanup}', 'delete failed [Worksheet.delete]'),
    );
  });

  test('a co-author takes the sheet name between the two syncs: the load fails, and the co-author’s sheet survives', async () => {
    const plan = buildSheetPlan(scenarioById('amd'), en);
    const host = userWorkbook();
    const theirs = emptySheet(plan.sheetName, { A1: { formula: 'my own work' } });
    host.beforeSync = (n) => {
      if (n === 2) host.state.sheets.push(theirs);
    };
    const before = { ...host.snapshot(), sheets: [...host.snapshot().sheets, structuredClone(theirs)] };
    const error = (await writePlanToExcel(plan, { run: host.run }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(SheetWriteError);
    expect(error.message).toMatch(/A resource with the same name or identifier already exists/);
    expect(host.findSheet(plan.sheetName)).toBe(theirs);
    expect(host.snapshot()).toEqual(before);
  });

  test('a co-author takes a workbook name between the two syncs: this load’s sheet and names go, the co-author’s name stays', async () => {
    const plan = buildSheetPlan(scenarioById('amd'), en);
    const host = userWorkbook();
    const taken = plan.names[3].name;
    const theirs = { name: taken, reference: "='Data'!$B$1", comment: 'the co-author’s' };
    host.beforeSync = (n) => {
      if (n === 2) host.state.names.push(theirs);
    };
    const before = host.snapshot();
    before.names.push(structuredClone(theirs));
    const error = (await writePlanToExcel(plan, { run: host.run }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(en['taskpane.error.writeFailed'].replace('{detail}', 'A resource with the same name or identifier already exists. [NamedItems.add]'));
    expect(host.findSheet(plan.sheetName)).toBeUndefined();
    expect(host.state.names.find((n) => n.name === taken)).toEqual(theirs);
    expect(host.snapshot()).toEqual(before);
  });

  test('a co-author renames the new sheet before the undo: it is still found and deleted by its id, not by name', async () => {
    const plan = buildSheetPlan(scenarioById('amd'), en);
    const host = userWorkbook();
    const before = host.snapshot();
    host.failWhen = (op) => op.kind === 'Charts.add' && 'chart failed';
    host.beforeSync = (n) => {
      if (n === 3) host.sheet(plan.sheetName).name = 'Renamed by a co-author';
    };
    await expect(writePlanToExcel(plan, { run: host.run })).rejects.toThrow(/chart failed/);
    expect(host.snapshot()).toEqual(before);
  });

  test('if Excel does not say which sheet the load added, no sheet is deleted and the error names the one to check', async () => {
    const plan = buildSheetPlan(scenarioById('amd'), en);
    const host = userWorkbook();
    host.failWhen = (op) => op.kind === 'Charts.add' && 'chart failed';
    const sync2Loads: string[] = [];
    const error = (await writePlanToExcel(plan, {
      run: async (batch) =>
        host.run(async (context) => {
          const sheets = context.workbook.worksheets;
          const add = sheets.add.bind(sheets);
          // A host that returns no result for the load of the new sheet's id.
          sheets.add = (name?: string) => {
            const sheet = add(name);
            sheet.load = ((props: string) => (sync2Loads.push(props), sheet)) as typeof sheet.load;
            return sheet;
          };
          return batch(context);
        }),
    }).catch((e: unknown) => e)) as Error;
    expect(sync2Loads).toEqual(['id']);
    expect(error.message).toBe(en['taskpane.error.writeFailedUnknownSheet'].replace('{detail}', 'chart failed [Charts.add]').replace('{sheet}', plan.sheetName));
    expect(host.findSheet(plan.sheetName)).toBeDefined();
  });

  test('if reading the workbook fails, nothing is written and nothing is undone', async () => {
    const plan = buildSheetPlan(scenarioById('openai'), en);
    const host = userWorkbook();
    const before = host.snapshot();
    host.failWhen = (op) => op.kind === 'load' && 'no access';
    await expect(writePlanToExcel(plan, { run: host.run })).rejects.toThrow(en['taskpane.error.readFailed'].replace('{detail}', 'no access [load]'));
    expect(host.syncs).toBe(1);
    expect(host.snapshot()).toEqual(before);
  });
});

describe('plans that must not be sent', () => {
  function hugePlan(): SheetPlan {
    const base = buildSheetPlan(scenarioById('bain2030'), en);
    const width = base.cells[0].length;
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit';
    const cells = [...base.cells, ...Array.from({ length: 12_000 }, (_, i) => Array.from({ length: width }, (_, c) => `${filler} ${i}.${c}`))];
    return { ...base, cells };
  }

  test('a plan whose write request would exceed 4 MB is refused before anything is sent', async () => {
    const plan = hugePlan();
    expect(prepare(plan).requestBytes).toBeGreaterThan(SAFE_REQUEST_BYTES);
    const host = userWorkbook();
    const before = host.snapshot();
    const error = (await writePlanToExcel(plan, { run: host.run }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(SheetWriteError);
    expect(error.message).toMatch(/^the sheet is too large to write in one request \(about \d+\.\d MB; the safe limit is 4\.0 MB\)\. Nothing was written\.$/);
    expect(host.runs).toBe(0);
    expect(host.syncs).toBe(0);
    expect(host.snapshot()).toEqual(before);
  });

  test('(control) Excel on the web would indeed reject it: the fake host’s 5 MB limit, and the undo', async () => {
    const plan = hugePlan();
    const host = userWorkbook();
    const before = host.snapshot();
    await expect(writePlanToExcel(plan, { run: host.run, maxRequestBytes: Infinity })).rejects.toThrow(/payload size/);
    expect(host.snapshot()).toEqual(before);
  });

  test('a malformed plan (ragged rows, addresses off the used range) is refused before anything is sent', async () => {
    const base = buildSheetPlan(scenarioById('oracle'), en);
    const ragged: SheetPlan = { ...base, cells: [...base.cells.slice(0, -1), base.cells[base.cells.length - 1].slice(1)] };
    const offRange: SheetPlan = { ...base, names: [...base.names, { name: 'Far', address: 'ZZ9999', label: 'x', unit: '' }] };
    for (const plan of [ragged, offRange]) {
      const host = new FakeExcel();
      await expect(writePlanToExcel(plan, { run: host.run })).rejects.toThrow(/^the preset could not be laid out/);
      expect(host.runs).toBe(0);
    }
  });
});

test('error texts come from the catalogue passed in (the stopgap table only fills missing keys)', async () => {
  const messages = { ...en, 'taskpane.error.writeFailed': 'ÉCHEC ({detail})' } as unknown as Messages;
  const host = new FakeExcel();
  host.failWhen = (op) => op.kind === 'Charts.add' && 'x';
  await expect(writePlanToExcel(buildSheetPlan(scenarioById('amd'), en), { run: host.run, messages })).rejects.toThrow('ÉCHEC (x [Charts.add])');
});

describe('protect formulas', () => {
  test.each(PLANS)('%s: inputs unlocked, every other cell locked, the sheet protected without a password, still 2 syncs', async (_id, plan) => {
    const host = userWorkbook();
    const result = await excelSink({ run: host.run }).load(plan, { protectFormulas: true });
    expect(host.syncs).toBe(2);
    const sheet = host.sheet(result.sheetName);
    expect(sheet.protection).toEqual({ options: { allowFormatColumns: true, allowFormatRows: true } });
    const inputs = new Set(plan.inputs.map((i) => i.address));
    expect(inputs.size).toBeGreaterThan(0);
    for (const address of inputs) expect([address, sheet.cells[address]?.locked]).toEqual([address, false]);
    const unlocked = Object.entries(sheet.cells).filter(([, cell]) => cell.locked === false).map(([address]) => address);
    expect(unlocked.sort()).toEqual([...inputs].sort());
    // Every formula cell is locked (Excel's default, never unlocked).
    plan.cells.forEach((row, r) => row.forEach((cell, c) => isFormulaCell(cell) && expect(sheet.cells[a1.formatCell(r, c)]?.locked).not.toBe(false)));
    // The user's sheets are left alone.
    expect(host.sheet('Data').protection).toBeUndefined();
  });

  test('without the option nothing is protected or unlocked', async () => {
    const host = new FakeExcel();
    const result = await excelSink({ run: host.run }).load(PLANS[0][1]);
    const sheet = host.sheet(result.sheetName);
    expect(sheet.protection).toBeUndefined();
    expect(Object.values(sheet.cells).some((cell) => cell.locked !== undefined)).toBe(false);
  });

  test('the inputs are unlocked in few ranges: runs of a column', () => {
    expect(columnRuns([{ row: 6, col: 1 }, { row: 7, col: 1 }, { row: 8, col: 1 }, { row: 27, col: 2 }, { row: 10, col: 1 }, { row: 28, col: 2 }])).toEqual(['B7:B9', 'B11', 'C28:C29']);
  });
});
