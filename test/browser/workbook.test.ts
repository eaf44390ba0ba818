/**
 * The workbench's model without a browser (src/workbench/workbook.ts, format.ts, chart.ts): the
 * engine-backed PlanSink (names, copies, a translated error and nothing left behind on failure),
 * typing into a cell as Excel reads it, recalculation, the workbook as the xlsx writer takes it,
 * and cell text in Excel number formats.
 */
import { readCell } from '../../src/engine';
import { en, formatMessage, zhHant } from '../../src/i18n';
import { buildSheetPlan, scenarioById } from '../../src/scenarios';
import type { SheetPlan } from '../../src/scenarios';
import { niceStep, valueScale } from '../../src/workbench/chart';
import { displayValue } from '../../src/workbench/format';
import { addressWithLanguage, pageLocale } from '../../src/workbench/language';
import { parseInput, WorkbenchBook, workbenchSink } from '../../src/workbench/workbook';
import { workbookBuffer } from '../../src/xlsx/workbookFile';

const amd = (): SheetPlan => buildSheetPlan(scenarioById('amd'), en);

describe('the workbench sink', () => {
  test('loads a plan into a new active sheet; a second copy gets a free name and sheet-level names', async () => {
    const book = new WorkbenchBook(en);
    const sink = workbenchSink(book, en);
    expect(book.sheets.map((s) => s.name)).toEqual([en['workbench.scratchSheet']]);
    expect(await sink.load(amd())).toEqual({ sheetName: 'AMD warrants' });
    expect(book.sheet(book.active).name).toBe('AMD warrants');
    expect(await sink.load(amd())).toEqual({ sheetName: 'AMD warrants (2)', detail: en['taskpane.namesOnSheet'] });
    expect(book.sheets.map((s) => s.name)).toEqual([en['workbench.scratchSheet'], 'AMD warrants', 'AMD warrants (2)']);
    const [, first, second] = book.sheets;
    expect(first.names.every((n) => !n.sheetScoped)).toBe(true);
    expect(second.names.every((n) => n.sheetScoped)).toBe(true);
    expect(book.value(first.id, 96, 1)).toBe(95998400000); // B97, AMD_WarrantValueAtTarget
    expect(first.formats.get('96:1')).toBe('#,##0.0,,,');
    expect(first.looks.get('14:1')).toMatchObject({ fontColor: '#0000FF', fill: '#FFF2CC' }); // B15, an input
  });

  test('a plan the engine refuses: a translated reason, and the workbook as it was', async () => {
    const book = new WorkbenchBook(en);
    const sink = workbenchSink(book, en);
    await sink.load(amd());
    const before = { sheets: book.engine.getSheetNames(), names: book.engine.listNamedExpressions() };
    const broken: SheetPlan = { ...amd(), sheetName: 'Broken', names: [...amd().names, { name: 'A1', address: 'B7', label: 'x', unit: '' }] };
    const failure = sink.load(broken);
    await expect(failure).rejects.toThrow(/^the formula engine could not build the sheet \(.+\)\. Nothing was added\.$/);
    expect(book.engine.getSheetNames()).toEqual(before.sheets);
    expect(book.engine.listNamedExpressions()).toEqual(before.names);
    expect(book.sheet(book.active).name).toBe('AMD warrants');
    expect(formatMessage(en, 'workbench.error.load', { detail: 'x' })).toMatch(/Nothing was added/);
  });
});

describe('editing', () => {
  test('typing is read as Excel reads it', () => {
    expect(parseInput('600')).toBe(600);
    expect(parseInput(' 1,000 ')).toBe(1000);
    expect(parseInput('45%')).toBe(0.45);
    expect(parseInput('-2.5e3')).toBe(-2500);
    expect(parseInput('2025-10-06')).toBe(45936);
    expect(parseInput('TRUE')).toBe(true);
    expect(parseInput('false')).toBe(false);
    expect(parseInput('=B15*2')).toBe('=B15*2');
    expect(parseInput("'600")).toBe("'600");
    expect(parseInput('6 GW')).toBe("'6 GW");
    expect(parseInput('')).toBeNull();
    expect(parseInput('   ')).toBeNull();
  });

  test('a comma that is not a thousands separator makes the typing text, as in Excel (en-US)', () => {
    expect(parseInput('1.000,5')).toBe("'1.000,5");
    expect(parseInput('1,5')).toBe("'1,5");
    expect(parseInput('10,00,000')).toBe("'10,00,000");
    expect(parseInput('1,,000')).toBe("'1,,000");
    expect(parseInput('1,000.5,1')).toBe("'1,000.5,1");
    expect(parseInput('12,345,678.25')).toBe(12_345_678.25);
    expect(parseInput('-1,000')).toBe(-1000);
    expect(parseInput('$1,000')).toBe(1000);
    expect(parseInput('1,000%')).toBe(10);
  });

  test('an input changes every dependent cell; the editor and formula bar text', async () => {
    const book = new WorkbenchBook(en);
    await workbenchSink(book, en).load(amd());
    const id = book.active;
    expect(book.inputText(id, 14, 1)).toBe('203.71'); // B15
    expect(book.inputText(id, 15, 1)).toBe('2025-10-06'); // B16, a date shown as its format shows it
    expect(book.inputText(id, 95, 1)).toBe('=DEALS.WARRANTVALUE($B$7,$B$8,$B$15)'); // B96
    const events: unknown[] = [];
    book.onChange((event) => events.push(event));
    const { changed, errors } = book.setInput(id, 14, 1, '600');
    expect(changed).toBeGreaterThan(5);
    expect(errors).toBe(0);
    expect(events).toEqual([{ type: 'values', sheet: id, changed }]);
    expect(book.value(id, 95, 1)).toBe(95998400000);
    expect(readCell(book.engine, "'AMD warrants'!B96")).toBe(95998400000); // the engine itself agrees
    book.setInput(id, 15, 1, '2025-12-31');
    expect(book.value(id, 15, 1)).toBe(46022);
  });

  test('the workbook for the xlsx writer: current cells, spilled results as their formula alone, names of copies left out', async () => {
    const book = new WorkbenchBook(en);
    const sink = workbenchSink(book, en);
    await sink.load(amd());
    await sink.load(amd());
    const first = book.sheets[1].id;
    book.setInput(first, 14, 1, '600');
    const saved = book.toSave();
    expect(saved.map((s) => s.name)).toEqual(['AMD warrants', 'AMD warrants (2)']); // the empty Sheet1 is left out
    const [one, two] = saved;
    expect(one.plan.cells[14][1]).toBe(600);
    expect(one.plan.cells[53][1]).toEqual({ formula: '=DEALS.TRANCHEGREEKS($B$44:$B$49,$B$8,$B$15,$D$29:$D$34,$B$18,$B$39,$B$19,$B$20,$E$29:$E$34,$B$21)' });
    expect([one.plan.cells[53][2], one.plan.cells[54][1], one.plan.cells[57][2]]).toEqual([null, null, null]); // the spill B54:C58
    expect(one.values[54][1]).toBe('gamma');
    expect(one.plan.names).toHaveLength(amd().names.length);
    expect(two.plan.names).toEqual([]);
    expect(two.plan.cells[14][1]).toBe(203.71);
    const bytes = await workbookBuffer(saved);
    expect(bytes.length).toBeGreaterThan(10_000);
  });
});

describe('undo, redo, errors, guarded formulas, protection', () => {
  async function amdBook() {
    const book = new WorkbenchBook(en);
    await workbenchSink(book, en).load(amd());
    return { book, id: book.active };
  }

  test('Ctrl+Z / Ctrl+Y: an edit undone puts back the value and every dependent cell, redo applies it again', async () => {
    const { book, id } = await amdBook();
    const original = book.values(id);
    const edited = book.setInput(id, 14, 1, '600'); // B15
    const afterEdit = book.values(id);
    expect(book.value(id, 95, 1)).toBe(95998400000);
    const undone = book.undo()!;
    expect(undone).toMatchObject({ sheet: id, address: 'B15', changed: edited.changed, errors: 0 });
    expect(book.values(id)).toEqual(original);
    expect(book.inputText(id, 14, 1)).toBe('203.71');
    expect(book.redo()).toMatchObject({ address: 'B15', changed: edited.changed });
    expect(book.values(id)).toEqual(afterEdit);
    // A formula and a text cell come back as they were, and a new edit clears what could be redone.
    book.setInput(id, 95, 1, '1');
    book.undo();
    expect(book.formula(id, 95, 1)).toBe('=DEALS.WARRANTVALUE($B$7,$B$8,$B$15)');
    book.setInput(id, 0, 0, 'New title');
    book.undo();
    expect(book.inputText(id, 0, 0)).toBe(amd().cells[0][0]);
    book.setInput(id, 14, 1, '700');
    expect(book.redo()).toBeUndefined();
    expect(book.undo()).toMatchObject({ address: 'B15' });
    expect(book.undo()).toMatchObject({ address: 'B15' }); // the first edit, 600 → 203.71
    expect(book.values(id)).toEqual(original);
    expect(book.undo()).toBeUndefined();
  });

  test.each([
    ['1,500 chained terms', '=' + Array(1500).fill('1').join('+'), /^the formula chains more than 500 operators/],
    ['200 nested parentheses', '=' + '('.repeat(200) + '1' + ')'.repeat(200), /^the formula nests 200 levels of brackets \(the 65th opens at character 66\); Excel takes at most 64\.$/],
    ['8,193 characters', '=' + '1'.repeat(8192), /^the formula is 8193 characters long; Excel takes formulas of at most 8192\.$/],
  ])('a formula of %s is refused in the page language, and every later edit, undo, redo and export works', async (_what, formula, reason) => {
    const { book, id } = await amdBook();
    book.setInput(id, 14, 1, '600'); // B15
    const before = book.values(id);
    expect(() => book.setInput(id, 20, 3, formula)).toThrow(reason);
    expect(book.values(id)).toEqual(before);
    expect(book.changedCells(id)).toEqual([{ row: 14, col: 1, content: 600 }]);
    expect(book.setInput(id, 20, 3, '=B15*2')).toMatchObject({ address: 'D21', errors: 0 });
    expect(book.value(id, 20, 3)).toBe(1200);
    expect(book.undo()).toMatchObject({ address: 'D21' });
    expect(book.undo()).toMatchObject({ address: 'B15' });
    expect(book.redo()).toMatchObject({ address: 'B15' });
    expect(book.value(id, 14, 1)).toBe(600);
    expect((await workbookBuffer(book.toSave())).length).toBeGreaterThan(1000);
    const zh = new WorkbenchBook(zhHant);
    expect(() => zh.setInput(zh.active, 0, 0, formula)).toThrow(/^公式/);
  });

  test('undo switches back to the sheet of the edit', async () => {
    const { book, id } = await amdBook();
    book.setInput(id, 14, 1, '600');
    await workbenchSink(book, en).load(buildSheetPlan(scenarioById('bain2030'), en));
    expect(book.active).not.toBe(id);
    book.undo();
    expect(book.active).toBe(id);
  });

  test('text typed into the volatility: how many cells became errors, and the first with its message', async () => {
    const { book, id } = await amdBook();
    const before = book.values(id);
    const outcome = book.setInput(id, 17, 1, 'abc'); // B18
    const after = book.values(id);
    // Counted independently: cells that hold an error now and did not before, in reading order.
    const turned: string[] = [];
    after.forEach((row, r) =>
      row.forEach((v, c) => {
        const was = before[r]?.[c] ?? null;
        if (typeof v === 'object' && v !== null && !(typeof was === 'object' && was !== null)) turned.push(`${String.fromCharCode(65 + c)}${r + 1}`);
      }),
    );
    expect(turned.length).toBeGreaterThan(5);
    expect(outcome.errors).toBe(turned.length);
    expect(outcome.firstError!.address).toBe(turned[0]);
    expect(outcome.firstError!.code).toBe('#VALUE!');
    expect(outcome.firstError!.message).toMatch(/volatility/i);
    expect(outcome.changed).toBeGreaterThanOrEqual(outcome.errors);
  });

  test('formulas of the Calculations and Outputs blocks are guarded; inputs, labels and checks are not', async () => {
    const { book, id } = await amdBook();
    expect(book.guardedFormulaBlock(id, 96, 1)).toBe(en['sheet.block.outputs']); // B97, AMD_WarrantValueAtTarget
    // The first formula under the sheet's "Calculations" heading.
    const cells = amd().cells;
    const heading = cells.findIndex((row) => row[0] === en['sheet.block.calculations']);
    const calculation = cells.findIndex((row, r) => r > heading && typeof row[1] === 'object' && row[1] !== null);
    expect(calculation).toBeGreaterThan(0);
    expect(book.guardedFormulaBlock(id, calculation, 1)).toBe(en['sheet.block.calculations']);
    expect(book.guardedFormulaBlock(id, 14, 1)).toBeUndefined(); // B15, an input
    expect(book.guardedFormulaBlock(id, 0, 0)).toBeUndefined(); // the title
  });

  test('"protect formulas": only inputs take edits, and the export protects the sheet', async () => {
    const book = new WorkbenchBook(en);
    await workbenchSink(book, en).load(amd(), { protectFormulas: true });
    const id = book.active;
    expect(book.isEditable(id, 14, 1)).toBe(true); // B15
    expect(book.isEditable(id, 96, 1)).toBe(false); // B97
    expect(() => book.setInput(id, 96, 1, '1')).toThrow(/B97 is locked/);
    expect(book.setInput(id, 14, 1, '600').changed).toBeGreaterThan(0);
    const [saved] = book.toSave();
    expect(saved.protectFormulas).toBe(true);
    const unprotected = new WorkbenchBook(en);
    await workbenchSink(unprotected, en).load(amd());
    expect(unprotected.isEditable(unprotected.active, 73, 1)).toBe(true);
    expect(unprotected.toSave()[0].protectFormulas).toBeUndefined();
  });
});

describe('cell text', () => {
  test('numbers in the cell format, text as is, logical values and errors centred', () => {
    expect(displayValue(95998400000, '#,##0.0,,,')).toEqual({ text: '96.0', align: 'right' });
    expect(displayValue(45936, 'yyyy-mm-dd')).toEqual({ text: '2025-10-06', align: 'right' });
    expect(displayValue(0.5, '0.0%')).toEqual({ text: '50.0%', align: 'right' });
    expect(displayValue(160000000, '#,##0')).toEqual({ text: '160,000,000', align: 'right' });
    expect(displayValue(3.21, '0.0"x"')).toEqual({ text: '3.2x', align: 'right' });
    expect(displayValue(1 / 3)).toEqual({ text: '0.333333333', align: 'right' });
    expect(displayValue(12, 'not a [format')).toEqual({ text: '12', align: 'right' });
    expect(displayValue('6 GW', '@')).toEqual({ text: '6 GW', align: 'left' });
    expect(displayValue(true)).toEqual({ text: 'TRUE', align: 'center' });
    expect(displayValue({ error: '#NUM!', message: 'BREAKEVENPRICE: no price reaches the target' })).toEqual({
      text: '#NUM!',
      align: 'center',
      error: 'BREAKEVENPRICE: no price reaches the target',
    });
    expect(displayValue(null)).toEqual({ text: '', align: 'left' });
  });

  test('chart value axes: nice steps covering the values and zero', () => {
    expect(niceStep(100)).toBe(20);
    expect(niceStep(7)).toBe(2);
    expect(valueScale([5.4e9, 16e9])).toEqual({ min: 0, max: 20e9, ticks: [0, 5e9, 10e9, 15e9, 20e9] });
    expect(valueScale([-3, 7]).ticks).toEqual([-4, -2, 0, 2, 4, 6, 8]);
    expect(valueScale([0]).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('the same workbook in another language (the language switch)', () => {
  const inputAddress = (plan: SheetPlan, id: string) => plan.inputs.find((i) => i.id === id)!.address;
  const rc = (address: string) => ({ row: Number(/\d+/.exec(address)![0]) - 1, col: address.charCodeAt(0) - 65 });

  test('preset sheets are written again in that language, in order, protected as before, with the changed cells kept', async () => {
    const book = new WorkbenchBook(en);
    const sink = workbenchSink(book, en);
    await sink.load(amd());
    await sink.load(buildSheetPlan(scenarioById('bain2030'), en), { protectFormulas: true });
    await sink.load(amd());
    const [scratch, first, bain, second] = book.sheets;
    const price = rc(inputAddress(first.plan!, 'price'));
    book.setInput(first.id, price.row, price.col, '600');
    book.setInput(second.id, price.row, price.col, '300');
    book.setInput(second.id, price.row, price.col, '400'); // twice: one changed cell
    book.setInput(scratch.id, 0, 0, '=1+2');
    const growth = rc(inputAddress(bain.plan!, 'growth'));
    book.setInput(bain.id, growth.row, growth.col, '50%');
    book.setInput(bain.id, growth.row, growth.col, '40%');
    book.undo();
    book.undo(); // back to the preset's growth: not a changed cell
    book.activate(first.id);
    const target = first.names.find((n) => n.name === 'AMD_WarrantValueAtTarget')!;
    const valueAt = (b: WorkbenchBook, id: number, address: string) => b.value(id, rc(address).row, rc(address).col);

    const { book: zh, sheets, edits } = book.inLanguage(zhHant, (id) => buildSheetPlan(scenarioById(id), zhHant));
    expect([sheets, edits]).toEqual([3, 3]);
    const amdName = buildSheetPlan(scenarioById('amd'), zhHant).sheetName;
    expect(zh.sheets.map((s) => s.name)).toEqual([zhHant['workbench.scratchSheet'], amdName, buildSheetPlan(scenarioById('bain2030'), zhHant).sheetName, `${amdName} (2)`]);
    const [zScratch, zFirst, zBain, zSecond] = zh.sheets;
    expect(zh.active).toBe(zFirst.id);
    expect(zh.value(zFirst.id, 0, 0)).toBe(zhHant['amd.title']);
    expect(zh.inputText(zFirst.id, price.row, price.col)).toBe('600');
    expect(zh.inputText(zSecond.id, price.row, price.col)).toBe('400');
    expect(zh.inputText(zScratch.id, 0, 0)).toBe('=1+2');
    expect(zh.value(zScratch.id, 0, 0)).toBe(3);
    // Every value computed from the edits is the English book's.
    expect(valueAt(zh, zFirst.id, target.address)).toBe(valueAt(book, first.id, target.address));
    expect(valueAt(zh, zSecond.id, target.address)).toBe(valueAt(book, second.id, target.address));
    expect(zh.values(zFirst.id).flat().filter((v) => typeof v === 'number')).toEqual(book.values(first.id).flat().filter((v) => typeof v === 'number'));
    expect(zBain.protected).toBe(true);
    expect(zFirst.protected).toBe(false);
    expect(zh.inputText(zBain.id, growth.row, growth.col)).toBe(book.inputText(bain.id, growth.row, growth.col));
    expect(zSecond.names.every((n) => n.sheetScoped)).toBe(true);

    // Back to English: the changed cells are still changed cells, and nothing else is.
    const back = zh.inLanguage(en, (id) => buildSheetPlan(scenarioById(id), en));
    expect(back.edits).toBe(3);
    expect(back.book.sheets.map((s) => s.name)).toEqual(book.sheets.map((s) => s.name));
    expect(back.book.values(back.book.sheets[1].id)).toEqual(book.values(first.id));
  });
});

describe('references to renamed sheets (the language switch renames every sheet)', () => {
  test("='AMD warrants'!B15*2 on another sheet, and Sheet1!A1 on a preset sheet, follow the sheets to 繁體中文 and back", async () => {
    const book = new WorkbenchBook(en);
    const sink = workbenchSink(book, en);
    await sink.load(amd());
    await sink.load(buildSheetPlan(scenarioById('bain2030'), en));
    const [scratch, amdSheet, bain] = book.sheets;
    book.setInput(amdSheet.id, 14, 1, '600'); // B15, the price
    book.setInput(scratch.id, 0, 0, "='AMD warrants'!B15*2");
    book.setInput(scratch.id, 1, 0, '7');
    book.setInput(bain.id, 0, 5, '=Sheet1!A2+sheet1!A1+\'AMD warrants\'!B15'); // F1: case-insensitive, as Excel
    book.setInput(scratch.id, 2, 0, '="\'AMD warrants\'!B15"'); // text, not a reference
    expect([book.value(scratch.id, 0, 0), book.value(bain.id, 0, 5)]).toEqual([1200, 1807]);

    const { book: zh } = book.inLanguage(zhHant, (id) => buildSheetPlan(scenarioById(id), zhHant));
    const [zScratch, zAmd, zBain] = zh.sheets;
    expect([zScratch.name, zAmd.name]).toEqual([zhHant['workbench.scratchSheet'], buildSheetPlan(scenarioById('amd'), zhHant).sheetName]);
    expect(zScratch.name).not.toBe(scratch.name);
    expect(zAmd.name).not.toBe(amdSheet.name);
    expect(zh.formula(zScratch.id, 0, 0)).toBe(`='${zAmd.name}'!B15*2`);
    expect([zh.value(zScratch.id, 0, 0), zh.value(zBain.id, 0, 5)]).toEqual([1200, 1807]);
    expect(zh.formula(zBain.id, 0, 5)).toBe(`='${zScratch.name}'!A2+'${zScratch.name}'!A1+'${zAmd.name}'!B15`);
    expect(zh.value(zScratch.id, 2, 0)).toBe("'AMD warrants'!B15");

    const back = zh.inLanguage(en, (id) => buildSheetPlan(scenarioById(id), en)).book;
    const [eScratch, eAmd, eBain] = back.sheets;
    expect(back.formula(eScratch.id, 0, 0)).toBe("='AMD warrants'!B15*2");
    expect([back.value(eScratch.id, 0, 0), back.value(eBain.id, 0, 5), back.value(eAmd.id, 14, 1)]).toEqual([1200, 1807, 600]);
  });
});

describe("the workbench page's language (src/workbench/language.ts)", () => {
  test('?lang= wins over the browser language; an empty one does not; tags resolve as everywhere', () => {
    expect(pageLocale('?lang=zh-TW', 'en-US')).toBe('zh-Hant');
    expect(pageLocale('?lang=zh-CN', 'zh-TW')).toBe('zh-Hans');
    expect(pageLocale('?x=1&lang=zh-HK', 'en-US')).toBe('zh-Hant');
    expect(pageLocale('?lang=en', 'zh-TW')).toBe('en');
    expect(pageLocale('?lang=', 'zh-SG')).toBe('zh-Hans');
    expect(pageLocale('', 'zh-TW')).toBe('zh-Hant');
    expect(pageLocale('', undefined)).toBe('en');
  });

  test('the address keeps its other parameters and hash, with lang set to the region tag', () => {
    expect(addressWithLanguage('https://localhost:3000/workbench.html', 'zh-Hant')).toBe('https://localhost:3000/workbench.html?lang=zh-TW');
    expect(addressWithLanguage('https://localhost:3000/workbench.html?lang=zh-TW&x=1#B7', 'zh-Hans')).toBe('https://localhost:3000/workbench.html?lang=zh-CN&x=1#B7');
    expect(addressWithLanguage('https://localhost:3000/?lang=zh-CN', 'en')).toBe('https://localhost:3000/?lang=en');
  });
});
