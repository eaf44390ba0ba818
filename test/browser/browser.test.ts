/**
 * The workbench and the task pane in a real browser (Debian's Chromium through playwright-core),
 * served by the dev server from a production build (see harness.ts). Every page is offline: a
 * request to anywhere but this server is aborted and fails the test, Office.js's CDN URL is answered
 * locally, and any console error or uncaught exception fails the test.
 *
 * Workbench: every preset loads through the task pane's buttons and shows the values the engine
 * computes in Node; editing the AMD price in the grid recalculates the warrant values; a second
 * copy of a preset gets its own tab; "Export .xlsx" downloads a workbook exceljs reads back.
 * Task pane page (taskpane.html): with a mocked Office host it writes a preset through the expected
 * Excel API calls in 2 syncs; with the real Office.js outside Office it says where to open it.
 * Prints the time from navigation to a loaded preset; writes the screenshots (.run/screenshots, or
 * docs/screenshots with `npm run screenshots`: see SCREENSHOTS in harness.ts).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Page } from 'playwright-core';
import { createEngine, readCell, readName, setCell } from '../../src/engine';
import type { EngineScalar, EngineValue } from '../../src/engine';
import { addPlanSheet } from '../../src/engine/planSheet';
import { en } from '../../src/i18n';
import { a1, buildSheetPlan, PRESETS, scenarioById } from '../../src/scenarios';
import type { SheetPlan } from '../../src/scenarios';
import { displayValue } from '../../src/workbench/format';
import { browserTestsEnabled, engineIdle, guardedPage, harnessForSuite, nonLocalRequests, OFFICE_HOSTED, ROOT as ROOT_DIR, writeScreenshot } from './harness';
import type { GuardedPage, HarnessSession } from './harness';

const OFFICE_MOCK = fs.readFileSync(path.join(__dirname, 'officeMock.js'), 'utf8');
const describeBrowser = browserTestsEnabled() ? describe : describe.skip;

let session: HarnessSession;

async function open(url: string, options: Parameters<typeof guardedPage>[1] = {}): Promise<GuardedPage> {
  const guarded = await guardedPage(session.harness, options);
  session.opened.push(guarded);
  await guarded.page.goto(`${session.harness.origin}${url}`, { waitUntil: 'load' });
  return guarded;
}

/** The plan a preset's Load button writes (English catalogue, as in the page). */
const planOf = (id: string): SheetPlan => buildSheetPlan(scenarioById(id), en);

/** Number format of a plan's cell ('General' where the plan gives none), as the workbench applies it. */
function formatOf(plan: SheetPlan, address: string): string {
  const { row, col } = a1.parseCell(address);
  let format = 'General';
  for (const f of plan.numberFormats) if (a1.rangeContains(a1.parseRange(f.range), row, col)) format = f.format;
  return format;
}

function scalar(value: EngineValue): EngineScalar {
  return Array.isArray(value) ? (value[0]?.[0] ?? null) : value;
}

/** What the named-outputs panel shows for a value: the text, and the raw value it carries. */
function expectedName(plan: SheetPlan, name: string, value: EngineValue): { text: string; value: string } {
  const v = scalar(value);
  const address = plan.names.find((n) => n.name === name)!.address;
  return { text: displayValue(v, formatOf(plan, address)).text, value: typeof v === 'object' && v !== null ? v.error : String(v) };
}

async function shownName(page: Page, name: string): Promise<{ text: string; value: string }> {
  await engineIdle(page);
  const value = page.locator(`#wb-names [data-name="${name}"] .wb-name-value`);
  return { text: (await value.textContent()) ?? '', value: (await value.getAttribute('data-value')) ?? '' };
}

async function cellText(page: Page, address: string): Promise<string> {
  await engineIdle(page);
  return (await page.locator(`#wb-grid td[data-address="${address}"]`).textContent()) ?? '';
}

/** Clicks a preset's Load button and waits for the task pane to report the sheet it loaded into. */
async function loadPreset(page: Page, id: string): Promise<string> {
  await page.click(`#deals-preset-${id}-load`);
  await page.waitForFunction(() => {
    const status = document.getElementById('deals-status');
    return status?.dataset.tone === 'success' || status?.dataset.tone === 'error';
  });
  const status = (await page.textContent('#deals-status')) ?? '';
  expect(await page.getAttribute('#deals-status', 'data-tone')).toBe('success');
  const sheet = /“(.+)”/.exec(status)?.[1];
  expect(sheet).toBeDefined();
  await page.waitForSelector(`#wb-tabs [role="tab"][aria-selected="true"][data-sheet="${sheet!.replace(/"/g, '\\"')}"]`);
  // The load resolves before the taskpane re-enables its buttons; wait for that too.
  await page.waitForFunction(() => !document.querySelector('.preset-list')?.hasAttribute('aria-busy'));
  await engineIdle(page);
  return sheet!;
}

async function tabs(page: Page): Promise<string[]> {
  return page.locator('#wb-tabs [role="tab"]').allTextContents();
}

describeBrowser('in Chromium', () => {
  session = harnessForSuite();

  describe('workbench (dist/workbench.html)', () => {
    test('/ serves the workbench; it loads every preset through the task pane and shows the values the engine computes', async () => {
      const { page } = await open('/');
      await page.waitForSelector('#workbench[data-ready="true"]');

      // The same workbook in Node: the presets loaded in the same order through the same sink.
      const engine = createEngine();
      for (const [index, preset] of PRESETS.entries()) {
        // The click first, so that the first load's time is the page's alone.
        const sheet = await loadPreset(page, preset.id);
        const plan = planOf(preset.id);
        const placed = addPlanSheet(engine, plan);
        expect(sheet).toBe(placed.sheetName);
        if (index === 0) {
          const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('workbench:')).map((m) => [m.name.slice('workbench:'.length), m.startTime] as const));
          const mark = marks.find(([name]) => name.startsWith('loaded:'))?.[1];
          expect(typeof mark).toBe('number');
          const nav = await page.evaluate(() => {
            const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            return { response: entry.responseEnd, domContentLoaded: entry.domContentLoadedEventEnd };
          });
          // Where the time went: page received, script started, engine built, page ready, Load clicked,
          // plan built, engine filled, sheet shown (its first rows), every row shown.
          const at = (name: string) => marks.find(([n]) => n === name)?.[1] ?? NaN;
          const steps = [['html', nav.response] as const, ...marks.map(([name, t]) => [name.startsWith('loaded:') ? 'shown' : name, t] as const)]
            .sort((a, b) => a[1] - b[1])
            .map(([name, t]) => `${name} ${Math.round(t)}`);
          const clickToShown = mark! - at('load:click');
          console.log(
            [
              `Workbench: ${Math.round(mark!)} ms from navigation to a loaded preset (${sheet}, ${plan.cells.length} × ${plan.cells[0].length} cells, production build, headless Chromium), the test's click included`,
              `  page ready ${Math.round(at('ready'))} ms + Load clicked → sheet shown ${Math.round(clickToShown)} ms = ${Math.round(at('ready') + clickToShown)} ms for a click as soon as the page is ready`,
              `  ms since navigation: ${steps.join(', ')}`,
            ].join('\n'),
          );
        }

        // Every named output, as text in the cell's format and as the raw value, equals the engine's.
        const names = await page.locator('#wb-names [data-name]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.name));
        expect(names).toEqual(plan.names.map((n) => n.name));
        for (const { name, address } of plan.names) {
          const expected = expectedName(plan, name, readCell(engine, `'${placed.sheetName}'!${address}`));
          const shown = await shownName(page, name);
          if (/^AMD_Position/.test(name)) {
            // Greeks by central differences (src/model/tranche.ts) carry last-bit differences between
            // Chromium's and Node's Math functions, amplified by 1/step (1/step² for gamma): equal to 1e-9 relative.
            expect([name, shown.text]).toEqual([name, expected.text]);
            expect([name, Math.abs(Number(shown.value) / Number(expected.value) - 1) <= 1e-9]).toEqual([name, true]);
          } else expect([name, shown]).toEqual([name, expected]);
          expect([name, await cellText(page, address)]).toEqual([name, expected.text]);
        }
        // The sheet's checks all hold, in the grid as in the engine.
        expect([preset.id, await cellText(page, plan.allChecks)]).toEqual([preset.id, 'TRUE']);
        // Its charts are drawn, each with marks in it: bars or lines beyond the frame and one legend square a series.
        expect([preset.id, await page.locator('#wb-grid .wb-chart').count()]).toEqual([preset.id, plan.charts.length]);
        const marks = await page.locator('#wb-grid .wb-chart svg').evaluateAll((charts) => charts.map((c) => c.querySelectorAll('rect').length - 1 + c.querySelectorAll('path').length));
        marks.forEach((count, i) => expect([preset.id, i, count > plan.charts[i].series.length]).toEqual([preset.id, i, true]));
        // Inputs look like inputs: blue on yellow.
        const input = plan.inputs.find((i) => i.address)!.address;
        const look = await page.locator(`#wb-grid td[data-address="${input}"]`).evaluate((td) => [getComputedStyle(td).color, getComputedStyle(td).backgroundColor]);
        expect(look).toEqual(['rgb(0, 0, 255)', 'rgb(255, 242, 204)']);
      }
        expect(await tabs(page)).toEqual([en['workbench.scratchSheet'], ...PRESETS.map((p) => planOf(p.id).sheetName)]);
      expect(await page.title()).toBe(en['workbench.title']);

      // The AMD sheet again: its headline output in the grid, the panel and the formula bar.
      await page.click('#wb-tabs [data-sheet="AMD warrants"]');
      expect(await shownName(page, 'AMD_WarrantValueAtTarget')).toEqual({ text: '96.0', value: '95998400000' });
      expect(await cellText(page, 'B97')).toBe('96.0');
      await page.click('#wb-names [data-name="AMD_WarrantValueAtTarget"] button');
      expect(await page.textContent('#wb-namebox')).toBe('B97');
      expect(await page.inputValue('#wb-formula')).toBe('=DEALS.WARRANTVALUE($B$7,$B$8,$B$9)');
      // Number formats: a date, a percentage, a count with separators.
      expect(await cellText(page, 'B16')).toBe('2025-10-06');
      expect(await cellText(page, 'B18')).toBe('50.0%');
      expect(await cellText(page, 'B7')).toBe('160,000,000');
      // Charts are drawn over the cells the plan reserves for them.
      expect(await page.locator('#wb-grid .wb-chart').count()).toBe(planOf('amd').charts.length);
    }, 240_000);

    test('changing the AMD price in the grid recalculates the warrant values (intrinsic at 600: 95,998,400,000)', async () => {
      const { page } = await open('/workbench.html');
      await loadPreset(page, 'amd');
      const plan = planOf('amd');
      const engine = createEngine();
      const placed = addPlanSheet(engine, plan);
      const price = plan.anchors.price;
      expect(price).toBe('B15');
      const before = await shownName(page, 'AMD_WarrantValueNow');
      expect(before).toEqual(expectedName(plan, 'AMD_WarrantValueNow', readName(engine, 'AMD_WarrantValueNow')));

      // Select the price by clicking, type over it, confirm with Enter (the selection moves down).
      await page.click(`#wb-grid td[data-address="${price}"]`);
      expect(await page.textContent('#wb-namebox')).toBe(price);
      expect(await page.inputValue('#wb-formula')).toBe('203.71');
      await page.keyboard.type('600');
      expect(await page.isVisible('#wb-editor')).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.isVisible('#wb-editor')).toBe(false);
      expect(await page.textContent('#wb-namebox')).toBe('B16');
      expect(await cellText(page, price)).toBe('600.00');

      setCell(engine, `'${placed.sheetName}'!${price}`, 600);
      expect(await shownName(page, 'AMD_IntrinsicValueNow')).toEqual({ text: '96.0', value: '95998400000' });
      const after = await shownName(page, 'AMD_WarrantValueNow');
      expect(after).toEqual(expectedName(plan, 'AMD_WarrantValueNow', readName(engine, 'AMD_WarrantValueNow')));
      expect(after.value).not.toBe(before.value);
      for (const { name } of plan.names) expect([name, await shownName(page, name)]).toEqual([name, expectedName(plan, name, readName(engine, name))]);
      expect(await page.textContent('#wb-status')).toMatch(/^B15 changed: \d+ cells of this sheet have a new value\.$/);

      // The volatility through the arrow keys and the editor opened with Enter: 50% → 60%.
      await page.keyboard.press('ArrowDown'); // B17
      await page.keyboard.press('ArrowDown'); // B18
      expect(await page.textContent('#wb-namebox')).toBe('B18');
      await page.keyboard.press('Enter');
      expect(await page.inputValue('#wb-editor')).toBe('0.5');
      await page.fill('#wb-editor', '60%');
      await page.keyboard.press('Enter');
      setCell(engine, `'${placed.sheetName}'!B18`, 0.6);
      expect(await cellText(page, 'B18')).toBe('60.0%');
      expect(await shownName(page, 'AMD_WarrantValueNow')).toEqual(expectedName(plan, 'AMD_WarrantValueNow', readName(engine, 'AMD_WarrantValueNow')));

      // A formula typed into an empty cell, through a double-click and the editor.
      await page.dblclick('#wb-grid td[data-address="I2"]');
      await page.fill('#wb-editor', '=B15*2');
      await page.keyboard.press('Tab');
      expect(await cellText(page, 'I2')).toBe('1200');
      await page.click('#wb-grid td[data-address="I2"]');
      expect(await page.inputValue('#wb-formula')).toBe('=B15*2');
      // Escape leaves a cell as it was.
      await page.keyboard.type('7');
      await page.keyboard.press('Escape');
      expect(await cellText(page, 'I2')).toBe('1200');
    }, 120_000);

    test('loading the same preset twice gives two sheets, the second with sheet-level names', async () => {
      const { page } = await open('/workbench.html');
      expect(await page.textContent('#deals-status')).toBe(en['workbench.ready']);
      expect(await loadPreset(page, 'amd')).toBe('AMD warrants');
      expect(await loadPreset(page, 'amd')).toBe('AMD warrants (2)');
      expect(await page.textContent('#deals-status')).toContain(en['taskpane.namesOnSheet']);
      expect(await tabs(page)).toEqual([en['workbench.scratchSheet'], 'AMD warrants', 'AMD warrants (2)']);
      expect(await page.locator('#wb-names .wb-badge').count()).toBe(planOf('amd').names.length);
      expect(await shownName(page, 'AMD_WarrantValueAtTarget')).toEqual({ text: '96.0', value: '95998400000' });

      // The copies are independent: a price changed in the copy leaves the first sheet alone.
      await page.click('#wb-grid td[data-address="B15"]');
      await page.keyboard.type('600');
      await page.keyboard.press('Enter');
      expect((await shownName(page, 'AMD_IntrinsicValueNow')).value).toBe('95998400000');
      await page.click('#wb-tabs [data-sheet="AMD warrants"]');
      expect(await page.locator('#wb-names .wb-badge').count()).toBe(0);
      expect(await cellText(page, 'B15')).toBe('203.71');
      expect((await shownName(page, 'AMD_IntrinsicValueNow')).value).not.toBe('95998400000');
    }, 120_000);

    test('"Export .xlsx" downloads the workbook: formulas with cached values, edited inputs, names', async () => {
      const { page } = await open('/workbench.html');
      await loadPreset(page, 'amd');
      await loadPreset(page, 'bain2030');
      await page.click('#wb-tabs [data-sheet="AMD warrants"]');
      await page.click('#wb-grid td[data-address="B15"]');
      await page.keyboard.type('600');
      await page.keyboard.press('Enter');

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wb-export')]);
      expect(download.suggestedFilename()).toBe('ai-deal-modeler.xlsx');
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-workbench-')), 'export.xlsx');
      await download.saveAs(file);
      await page.waitForFunction(() => document.getElementById('wb-status')?.dataset.tone === 'success');
      expect(await page.textContent('#wb-status')).toContain('ai-deal-modeler.xlsx');

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const bain = planOf('bain2030');
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['AMD warrants', bain.sheetName]);
      const amd = workbook.getWorksheet('AMD warrants')!;
      expect(amd.getCell('B15').value).toBe(600);
      const intrinsic = amd.getCell('B96').value as ExcelJS.CellFormulaValue;
      expect(intrinsic.formula).toMatch(/WARRANTVALUE\(\$B\$7,\$B\$8,\$B\$15\)/);
      expect(intrinsic.result).toBe(95998400000);
      expect(amd.getCell('B97').numFmt).toBe('#,##0.0,,,');
      const definedNames = (workbook.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;
      const intrinsicAt = a1.parseCell(planOf('amd').names.find((n) => n.name === 'AMD_IntrinsicValueNow')!.address);
      expect(definedNames.find((n) => n.name === 'AMD_IntrinsicValueNow')?.ranges).toEqual([`'AMD warrants'!${a1.formatCell(intrinsicAt.row, intrinsicAt.col, true)}`]);
      expect(definedNames.map((n) => n.name).sort()).toEqual([...planOf('amd').names, ...bain.names].map((n) => n.name).sort());
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }, 120_000);

    test('"Export values" downloads the workbook with every formula replaced by its value and a note row', async () => {
      const { page } = await open('/workbench.html');
      await loadPreset(page, 'amd');
      await page.click('#wb-grid td[data-address="B15"]');
      await page.keyboard.type('600');
      await page.keyboard.press('Enter');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wb-export-values')]);
      expect(download.suggestedFilename()).toBe('ai-deal-modeler-values.xlsx');
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-workbench-')), 'values.xlsx');
      await download.saveAs(file);
      await page.waitForFunction(() => document.getElementById('wb-status')?.dataset.tone === 'success');
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const sheetFiles = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
      expect(sheetFiles.length).toBeGreaterThan(0);
      for (const name of sheetFiles) expect([name, /<f[\s>]/.test(await zip.file(name)!.async('string'))]).toEqual([name, false]);
      expect(Object.keys(zip.files).some((n) => n.startsWith('xl/webextensions/'))).toBe(false);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const amd = workbook.getWorksheet('AMD warrants')!;
      expect(amd.getCell('B96').value).toBe(95998400000); // the edited model's value, no formula
      const texts: string[] = [];
      amd.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && texts.push(cell.value)));
      expect(texts[texts.length - 1]).toBe(en['export.valuesNote']);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }, 120_000);

    test('screenshot: the workbench with the AMD preset loaded (workbench-amd.png)', async () => {
      const { page } = await open('/workbench.html', { viewport: { width: 1440, height: 900 } });
      await loadPreset(page, 'amd');
      await page.click('#wb-grid td[data-address="B15"]');
      const file = writeScreenshot('workbench-amd.png', await page.screenshot({ animations: 'disabled', caret: 'hide' }));
      expect(fs.statSync(file).size).toBeGreaterThan(20_000);
    }, 120_000);

    /** The page's main regions do not overlap, lie inside the viewport, and the page does not scroll sideways. */
    async function expectNoOverlap(page: Page, viewport: { width: number; height: number }): Promise<void> {
      const boxes = await page.evaluate(() => {
        const box = (selector: string) => {
          const el = document.querySelector(selector) as HTMLElement | null;
          if (!el || el.hidden || getComputedStyle(el).display === 'none') return null;
          const r = el.getBoundingClientRect();
          return { selector, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        };
        const header = ['.wb-titles', '#wb-status', '#wb-names-toggle', '#wb-export', '#wb-export-values'].map(box);
        const body = ['.wb-pane', '.wb-formula-bar', '#wb-grid', '#wb-tabs', '.wb-hint', '#wb-names'].map(box);
        return { header, body, scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight };
      });
      expect(boxes.scrollWidth).toBeLessThanOrEqual(viewport.width);
      expect(boxes.scrollHeight).toBeLessThanOrEqual(viewport.height);
      for (const group of [boxes.header, boxes.body]) {
        const shown = group.filter((b): b is NonNullable<typeof b> => b !== null);
        for (const b of shown) expect([b.selector, b.left >= 0 && b.top >= 0 && b.right <= viewport.width + 0.5 && b.bottom <= viewport.height + 0.5]).toEqual([b.selector, true]);
        for (const [i, a] of shown.entries()) {
          for (const b of shown.slice(i + 1)) {
            const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
            expect([a.selector, b.selector, overlap]).toEqual([a.selector, b.selector, false]);
          }
        }
      }
    }

    test.each([
      [800, 600],
      [1440, 900],
    ])('at %d × %d, after loading the last preset, the pane status covers no preset card and the header says what was loaded', async (width, height) => {
      const { page } = await open('/workbench.html', { viewport: { width, height } });
      const last = PRESETS[PRESETS.length - 1].id;
      await loadPreset(page, last);
      await page.waitForFunction(() => document.getElementById('deals-status')?.dataset.tone === 'success');
      const loaded = await page.textContent('#deals-status');
      expect(loaded).toMatch(/^Loaded /);
      expect(await page.textContent('#wb-status')).toBe(loaded);
      const overlaps = await page.evaluate(() => {
        const pane = document.querySelector('.wb-pane')!.getBoundingClientRect();
        const status = document.getElementById('deals-status')!.getBoundingClientRect();
        return Array.from(document.querySelectorAll('.wb-pane .preset'))
          .map((card) => ({ id: card.querySelector('button')?.id, r: card.getBoundingClientRect() }))
          .filter(({ r }) => r.bottom > pane.top && r.top < pane.bottom) // visible in the pane
          .filter(({ r }) => Math.min(r.bottom, status.bottom) - Math.max(r.top, status.top) > 0.5)
          .map(({ id }) => id);
      });
      expect(overlaps).toEqual([]);
    }, 120_000);

    test.each([
      [1024, 768],
      [800, 600],
    ])('usable at %d × %d: named outputs behind a toggle, a narrower task pane, nothing overlaps', async (width, height) => {
      const viewport = { width, height };
      const { page } = await open('/workbench.html', { viewport });
      await loadPreset(page, 'amd');
      const toggle = page.locator('#wb-names-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.isVisible('#wb-names')).toBe(false);
      const pane = await page.locator('.wb-pane').boundingBox();
      expect(pane!.width).toBeLessThan(320);
      const grid = await page.locator('#wb-grid').boundingBox();
      expect(grid!.width).toBeGreaterThan(width / 3);
      expect(grid!.height).toBeGreaterThan(height / 3);
      await expectNoOverlap(page, viewport);

      // Open, the panel takes a column of its own and shows the outputs; closed again, it is gone.
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.isVisible('#wb-names [data-name="AMD_WarrantValueAtTarget"]')).toBe(true);
      expect(await shownName(page, 'AMD_WarrantValueAtTarget')).toEqual({ text: '96.0', value: '95998400000' });
      await expectNoOverlap(page, viewport);
      if (width === 800) writeScreenshot('workbench-800x600.png', await page.screenshot({ animations: 'disabled', caret: 'hide' }));
      await toggle.click();
      expect(await page.isVisible('#wb-names')).toBe(false);

      // Editing still works at this size.
      await page.click('#wb-grid td[data-address="B15"]');
      await page.keyboard.type('600');
      await page.keyboard.press('Enter');
      expect(await cellText(page, 'B15')).toBe('600.00');
    }, 120_000);

    test('wide windows show the named outputs open, with the toggle to close them', async () => {
      const { page } = await open('/workbench.html', { viewport: { width: 1440, height: 900 } });
      expect(await page.getAttribute('#wb-names-toggle', 'aria-expanded')).toBe('true');
      expect(await page.isVisible('#wb-names')).toBe(true);
      await expectNoOverlap(page, { width: 1440, height: 900 });
    }, 120_000);

    test('Ctrl+Z undoes an edit and every value it changed, Ctrl+Y redoes it; the status says so', async () => {
      const { page } = await open('/workbench.html', { viewport: { width: 800, height: 600 } });
      await loadPreset(page, 'amd');
      const before = await page.locator('#wb-grid td.wb-cell').allTextContents();
      await page.click('#wb-grid td[data-address="B15"]');
      await page.keyboard.type('600');
      await page.keyboard.press('Enter');
      await engineIdle(page);
      const edited = await page.locator('#wb-grid td.wb-cell').allTextContents();
      expect(await cellText(page, 'B96')).toBe('96.0');
      const changedByEdit = Number(/(\d+) cells/.exec((await page.textContent('#wb-status')) ?? '')?.[1]);
      expect(changedByEdit).toBeGreaterThan(5);

      await page.keyboard.press('Control+z');
      expect(await cellText(page, 'B15')).toBe('203.71');
      expect(await page.locator('#wb-grid td.wb-cell').allTextContents()).toEqual(before);
      expect(await page.textContent('#wb-namebox')).toBe('B15');
      expect(await page.textContent('#wb-status')).toBe(`Undone: B15 is back as it was; ${changedByEdit} cells of this sheet have a new value.`);

      await page.keyboard.press('Control+y');
      expect(await cellText(page, 'B15')).toBe('600.00');
      expect(await page.locator('#wb-grid td.wb-cell').allTextContents()).toEqual(edited);
      expect(await page.textContent('#wb-status')).toBe(`Redone: B15 changed again; ${changedByEdit} cells of this sheet have a new value.`);
      await page.keyboard.press('Control+y');
      await engineIdle(page);
      expect(await page.textContent('#wb-status')).toBe(en['workbench.nothingToRedo']);
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await engineIdle(page);
      expect(await page.textContent('#wb-status')).toBe(en['workbench.nothingToUndo']);
      expect(await page.locator('#wb-grid td.wb-cell').allTextContents()).toEqual(before);
    }, 120_000);

    test('text typed into the volatility: the status counts the cells that became errors and gives the first message', async () => {
      const { page } = await open('/workbench.html', { viewport: { width: 800, height: 600 } });
      await loadPreset(page, 'amd');
      // The same edit in Node: which cells hold an error after it that did not before.
      const engine = createEngine();
      const placed = addPlanSheet(engine, planOf('amd'));
      const values = () => engine.getSheetValues(placed.sheetId).map((row) => row.map((v) => v !== null && typeof v === 'object'));
      const wasError = values();
      setCell(engine, `'${placed.sheetName}'!B18`, 'abc');
      const turned: string[] = [];
      values().forEach((row, r) => row.forEach((isError, c) => isError && !wasError[r]?.[c] && turned.push(a1.formatCell(r, c))));
      expect(turned.length).toBeGreaterThan(5);
      const first = scalar(readCell(engine, `'${placed.sheetName}'!${turned[0]}`)) as { error: string; message: string };

      await page.click('#wb-grid td[data-address="B18"]');
      await page.keyboard.type('abc');
      await page.keyboard.press('Enter');
      await engineIdle(page);
      expect(await page.getAttribute('#wb-status', 'data-tone')).toBe('error');
      const status = (await page.textContent('#wb-status')) ?? '';
      expect(status).toMatch(new RegExp(`^B18 changed: \\d+ cells of this sheet have a new value\\. ${turned.length} of them are now errors; the first, ${turned[0]}: `));
      expect(status.endsWith(`${first.error} ${first.message}`)).toBe(true);
      expect(first.message).toMatch(/volatility/i);
      console.log(`Workbench status after typing "abc" into the AMD volatility: ${status}`);
    }, 120_000);

    test('overwriting a formula of the Outputs block asks first; declined, the cell stays as it was', async () => {
      const { page } = await open('/workbench.html', { viewport: { width: 1024, height: 768 } });
      await loadPreset(page, 'amd');
      const questions: string[] = [];
      page.once('dialog', (dialog) => {
        questions.push(dialog.message());
        void dialog.dismiss();
      });
      await page.click('#wb-grid td[data-address="B97"]');
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
      expect(questions).toEqual([`B97 holds a formula of the ${en['sheet.block.outputs']} block: =DEALS.WARRANTVALUE($B$7,$B$8,$B$9). Replace it with what you typed?`]);
      expect(await cellText(page, 'B97')).toBe('96.0');
      expect(await page.textContent('#wb-status')).toBe('B97 was left as it was.');

      page.once('dialog', (dialog) => void dialog.accept());
      await page.click('#wb-grid td[data-address="B97"]');
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
      expect(await cellText(page, 'B97')).toBe('0.0');
      // An input is changed without a question (a dialog would fail the test: nothing accepts it).
      await page.click('#wb-grid td[data-address="B15"]');
      await page.keyboard.type('300');
      await page.keyboard.press('Enter');
      expect(await cellText(page, 'B15')).toBe('300.00');
    }, 120_000);

    test('Ctrl+Arrow, Ctrl+Home/End and Ctrl+PageUp/PageDown move as in Excel', async () => {
      const { page } = await open('/workbench.html', { viewport: { width: 1024, height: 768 } });
      await loadPreset(page, 'amd');
      await loadPreset(page, 'bain2030');
      await page.click('#wb-tabs [data-sheet="AMD warrants"]');
      await page.click('#wb-grid td[data-address="B15"]');
      const plan = planOf('amd');
      const at = async (keys: string) => {
        await page.keyboard.press(keys);
        return page.textContent('#wb-namebox');
      };
      expect(await at('Control+ArrowDown')).toBe('B25'); // the end of the filled run B6:B25
      expect(await at('Control+ArrowDown')).toBe('B28'); // over the blank B26:B27 to the next filled cell
      expect(await at('Control+ArrowUp')).toBe('B25');
      expect(await at('Control+ArrowUp')).toBe('B6');
      expect(await at('Control+ArrowLeft')).toBe('A6');
      expect(await at('Control+ArrowRight')).toBe('G6'); // the header row A6:G6 is filled to G
      expect(await at('Control+Home')).toBe(a1.formatCell(plan.freeze.rows, plan.freeze.columns)); // below and right of the frozen panes
      expect(await at('Control+End')).toBe(a1.formatCell(plan.cells.length - 1, plan.cells[0].length - 1));
      await page.keyboard.press('Control+PageDown');
      expect(await page.getAttribute('#wb-tabs [aria-selected="true"]', 'data-sheet')).toBe(planOf('bain2030').sheetName);
      await page.keyboard.press('Control+PageUp');
      await page.keyboard.press('Control+PageUp');
      expect(await page.getAttribute('#wb-tabs [aria-selected="true"]', 'data-sheet')).toBe(en['workbench.scratchSheet']);
      await page.keyboard.press('Control+PageUp'); // the first sheet: stays
      expect(await page.getAttribute('#wb-tabs [aria-selected="true"]', 'data-sheet')).toBe(en['workbench.scratchSheet']);
    }, 120_000);

    test('"Protect formulas": the loaded sheet takes edits of its inputs only, and exports protected', async () => {
      const { page } = await open('/workbench.html', { viewport: { width: 1024, height: 768 } });
      await page.check('#deals-protect');
      await loadPreset(page, 'amd');
      await page.click('#wb-grid td[data-address="B97"]');
      await page.keyboard.type('1');
      expect(await page.isVisible('#wb-editor')).toBe(false);
      expect(await page.getAttribute('#wb-status', 'data-tone')).toBe('error');
      expect(await page.textContent('#wb-status')).toBe(en['workbench.protected'].replace('{cell}', 'B97'));
      expect(await cellText(page, 'B97')).toBe('96.0');
      await page.click('#wb-grid td[data-address="B15"]');
      await page.keyboard.type('600');
      await page.keyboard.press('Enter');
      expect(await cellText(page, 'B15')).toBe('600.00');

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wb-export')]);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deals-workbench-')), 'protected.xlsx');
      await download.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.getWorksheet('AMD warrants')!;
      expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
      expect(sheet.getCell('B15').protection?.locked).toBe(false);
      expect(sheet.getCell('B97').protection?.locked).not.toBe(false);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }, 120_000);
  });

  describe('task pane page (dist/taskpane.html)', () => {
    test('with a mocked Office host it loads a preset through the expected Excel API calls, in 2 syncs', async () => {
      const guarded = await open('/taskpane.html', { viewport: { width: 320, height: 720 }, initScript: OFFICE_MOCK, office: { kind: 'script', body: '/* Office.js: the mocked host of test/browser/officeMock.js */' } });
      const { page } = guarded;
      expect(guarded.office).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
      await page.waitForFunction((ready) => document.getElementById('deals-status')?.textContent === ready, en['taskpane.ready']);
      // The functions bundle registered every DEALS function with the host.
      const associations = await page.evaluate(() => (window as unknown as { __officeMock: { associations: string[] } }).__officeMock.associations);
      const metadata = JSON.parse(fs.readFileSync(path.join(session.harness.dir, 'functions.json'), 'utf8')) as { functions: Array<{ id: string }> };
      expect([...associations].sort()).toEqual(metadata.functions.map((f) => f.id).sort());

      await page.click('#deals-preset-amd-load');
      await page.waitForFunction(() => document.getElementById('deals-status')?.dataset.tone === 'success');
      const plan = planOf('amd');
      expect(await page.textContent('#deals-status')).toBe(`Loaded ${planOf('amd').title} into the new sheet “AMD warrants”.`);

      type Call = { kind: 'call' | 'set' | 'sync'; path?: string; args?: unknown[]; value?: unknown };
      const mock = await page.evaluate(() => {
        const m = (window as unknown as { __officeMock: { calls: unknown[]; syncs: number } }).__officeMock;
        return { calls: m.calls, syncs: m.syncs };
      });
      const calls = mock.calls as Call[];
      expect(mock.syncs).toBe(2);
      expect(calls.filter((c) => c.kind === 'sync')).toHaveLength(2);
      expect(calls).toContainEqual({ kind: 'call', path: 'workbook.worksheets.add', args: ['AMD warrants'] });
      const formulas = calls.filter((c) => c.kind === 'set' && c.path!.endsWith('.formulas'));
      expect(formulas).toHaveLength(1);
      const matrix = formulas[0].value as unknown[][];
      expect([matrix.length, matrix[0].length]).toEqual([plan.cells.length, plan.cells[0].length]);
      expect(calls.filter((c) => c.kind === 'set' && /^workbook\.worksheets\.add\(\)\.getRange\(\)\.numberFormat$/.test(c.path!))).toHaveLength(1);
      const names = calls.filter((c) => c.kind === 'call' && c.path === 'workbook.names.add');
      expect(names.map((c) => c.args![0])).toEqual(plan.names.map((n) => n.name));
      expect(calls.filter((c) => c.kind === 'call' && c.path!.endsWith('.activate'))).toHaveLength(1);
      expect(calls.filter((c) => c.kind === 'call' && c.path!.endsWith('.charts.add'))).toHaveLength(plan.charts.length);
      // Everything was written in the second batch: after the first sync, before the second.
      const firstSync = calls.findIndex((c) => c.kind === 'sync');
      expect(calls.findIndex((c) => c.path === 'workbook.worksheets.add')).toBeGreaterThan(firstSync);

      await page.mouse.move(0, 719); // no hover highlight in the picture
      const file = writeScreenshot('taskpane.png', await page.screenshot({ animations: 'disabled', caret: 'hide' }));
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    }, 120_000);

    test('with the real Office.js (from the @microsoft/office-js package) outside Office it says where to open it', async () => {
      const guarded = await guardedPage(session.harness, { office: { kind: 'package' }, initScript: 'window.CustomFunctions = { associate() {} };', viewport: { width: 360, height: 720 } });
      await guarded.page.goto(`${session.harness.origin}/taskpane.html`);
      await guarded.page.waitForFunction((notice) => document.getElementById('deals-status')?.textContent === notice, en['taskpane.notExcel']);
      expect(guarded.office[0]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      for (const button of await guarded.page.locator('.preset button').all()) expect(await button.isDisabled()).toBe(true);
      expect(guarded.external).toEqual([]);
      expect(nonLocalRequests(session.harness, guarded)).toEqual([]);
      // Office.js outside an Office host tries to frame its telemetry page and set an inline style;
      // the add-in's CSP blocks both (and nothing leaves the machine). Anything else is a failure.
      const unexpected = guarded.errors.filter(
        (e) => !/Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates/.test(e) && !/Applying inline style violates .*style-src 'self'/.test(e),
      );
      expect(unexpected).toEqual([]);
      await guarded.context.close();
    }, 120_000);
  });

  // Microsoft moved the Office.js CDN; the page's CSP allows both hosts. The built page, with its
  // office.js <script> pointed at each host in turn, must load the real Office.js from there (and
  // the files it loads beside itself) without a CSP violation of its own.
  describe.each(OFFICE_HOSTED)('task pane page with office.js from %s', (base) => {
    test('loads Office.js from that host under the page CSP and says where to open it', async () => {
      const guarded = await guardedPage(session.harness, { office: { kind: 'package' }, initScript: 'window.CustomFunctions = { associate() {} };', viewport: { width: 360, height: 720 } });
      const built = fs.readFileSync(path.join(session.harness.dir, 'taskpane.html'), 'utf8');
      const html = built.replace('https://appsforoffice.microsoft.com/lib/1/hosted/office.js', `${base}office.js`);
      expect(html.includes(`${base}office.js`)).toBe(true);
      await guarded.page.route(`${session.harness.origin}/taskpane.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await guarded.page.goto(`${session.harness.origin}/taskpane.html`);
      await guarded.page.waitForFunction((notice) => document.getElementById('deals-status')?.textContent === notice, en['taskpane.notExcel']);
      expect(guarded.office[0]).toBe(`${base}office.js`);
      expect(guarded.office.every((url) => url.startsWith(base))).toBe(true);
      expect(guarded.external).toEqual([]);
      const unexpected = guarded.errors.filter(
        (e) => !/Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates/.test(e) && !/Applying inline style violates .*style-src 'self'/.test(e),
      );
      expect(unexpected).toEqual([]);
      await guarded.context.close();
    }, 120_000);
  });

  describe('bundles', () => {
    test('workbench.html: a CSP of its own origin only, its own scripts only, no inline code', () => {
      const html = fs.readFileSync(path.join(session.harness.dir, 'workbench.html'), 'utf8');
      const csp = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/i.exec(html);
      expect(csp).not.toBeNull();
      const sources = (csp![1] ?? csp![2])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .flatMap(([, ...values]) => values);
      expect([...new Set(sources)].sort()).toEqual(["'none'", "'self'", 'data:'].sort());
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.map((s) => s[2].trim())).toEqual(scripts.map(() => ''));
      expect(scripts.map((s) => /\bsrc=["']?([^"'\s>]+)/.exec(s[1])?.[1])).toEqual(['workbench.js']);
      // The add-in's page still loads Office.js from Microsoft's CDN, as Office requires.
      expect(fs.readFileSync(path.join(session.harness.dir, 'taskpane.html'), 'utf8')).toMatch(/<script\b[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
      expect(fs.readFileSync(path.join(session.harness.dir, 'office.js')).equals(fs.readFileSync(path.join(ROOT_DIR, 'node_modules/@microsoft/office-js/dist/office.js')))).toBe(true);
    });

    test("the formula engine is in the worker's bundle only: the page's own script carries no HyperFormula", () => {
      const carries = (name: string) => /HyperFormula/.test(fs.readFileSync(path.join(session.harness.dir, name), 'utf8'));
      expect({ page: carries('workbench.js'), worker: carries('workbench-engine.js') }).toEqual({ page: false, worker: true });
    });

    test('sizes (gzipped) of what the pages load', () => {
      const lines = ['taskpane.js', 'functions.js', 'workbench.js', 'workbench-engine.js', 'workbench-xlsx.js'].map((name) => {
        const raw = fs.readFileSync(path.join(session.harness.dir, name));
        return `${name.padEnd(19)} raw ${String(raw.length).padStart(8)} B   gzip ${String(zlib.gzipSync(raw, { level: 9 }).length).padStart(7)} B`;
      });
      console.log(`Bundle sizes (production; the add-in's budgets, taskpane ≤ 200 KB and functions ≤ 50 KB gzipped, are checked by test/build.test.ts):\n${lines.join('\n')}`);
    });
  });
});
