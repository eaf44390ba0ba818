/**
 * Every preset builds a SheetPlan that keeps the rules the sinks rely on, without a formula engine:
 * rectangular cells; formulas that refer only to same-sheet cells that hold something (or to the
 * reserved spill area of a spilling formula); empty spill areas; a source or the assumption label
 * beside every input; units in headers; valid, unique names; valid sheet names and number formats;
 * and every sheet text from the message catalogue.
 */
import { en, formatMessage, isMessageKey } from '../../src/i18n';
import type { MessageKey, Messages } from '../../src/i18n';
import { a1, buildSheetPlan, FACT_IDS, FACTS, isFormulaCell, PRESET_IDS, PRESETS, presetSummaries, scenarioById, UNITS } from '../../src/scenarios';
import type { PlanCell, Scenario, SheetPlan, Table } from '../../src/scenarios';
import type { RangeRef } from '../../src/scenarios/a1';
import { CIRCULAR_FLOW_METRICS, FUNDING_RISK_METRIC_ALIASES, FUNDING_RISK_METRICS } from '../../src/model';

/** Metric names a formula may quote: function arguments, never translated. */
const METRIC_NAMES = new Set<string>([...CIRCULAR_FLOW_METRICS, ...FUNDING_RISK_METRICS, ...Object.keys(FUNDING_RISK_METRIC_ALIASES)]);

const plans = PRESETS.map((scenario) => [scenario.id, buildSheetPlan(scenario), scenario] as const);

function cell(plan: SheetPlan, address: string): PlanCell {
  const { row, col } = a1.parseCell(address);
  return plan.cells[row]?.[col] ?? null;
}

function spillRanges(plan: SheetPlan): RangeRef[] {
  return plan.spills.map((s) => a1.parseRange(s.range));
}

function* formulas(plan: SheetPlan): Generator<{ row: number; col: number; formula: string }> {
  for (let row = 0; row < plan.cells.length; row++) {
    for (let col = 0; col < plan.cells[row].length; col++) {
      const c = plan.cells[row][col];
      if (isFormulaCell(c)) yield { row, col, formula: c.formula };
    }
  }
}

describe('presets', () => {
  test('the eight presets, in order, with a lookup', () => {
    expect(PRESET_IDS).toEqual(['amd', 'nvidia', 'oracle', 'broadcom', 'bain2030', 'openai', 'timeline', 'portfolio']);
    for (const id of PRESET_IDS) expect(scenarioById(id).id).toBe(id);
    expect(() => scenarioById('tesla')).toThrow(/Unknown preset "tesla"/);
  });

  test('summaries for the taskpane: translated title and a one-line summary that fits a 320 px pane in two lines', () => {
    const summaries = presetSummaries(en);
    expect(summaries.map((s) => s.id)).toEqual(PRESET_IDS);
    for (const s of summaries) {
      expect(s.title.length).toBeGreaterThan(5);
      expect(s.description.length).toBeGreaterThan(40);
      expect(s.description.length).toBeLessThanOrEqual(100);
      expect(s.description).not.toMatch(/[{}\n]/);
    }
    expect(summaries[0].description).toContain('warrant');
  });

  test("each sheet's description line still carries the sourced figures", () => {
    const amd = buildSheetPlan(scenarioById('amd'), en);
    expect(amd.description).toContain('USD 0.01');
    expect(amd.description).toContain('6 GW');
  });

  test('building is pure: the same scenario gives the same plan', () => {
    for (const scenario of PRESETS) expect(JSON.stringify(buildSheetPlan(scenario))).toBe(JSON.stringify(buildSheetPlan(scenario)));
  });

  test('sheet names are valid, at most 31 characters and distinct', () => {
    const names = plans.map(([, plan]) => plan.sheetName);
    for (const name of names) expect(a1.isValidSheetName(name)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  test('workbook names are distinct across presets, so all seven fit in one workbook', () => {
    const all = plans.flatMap(([, plan]) => plan.names.map((n) => n.name.toUpperCase()));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe.each(plans)('%s plan', (id, plan, scenario) => {
  const width = plan.cells[0].length;
  const spills = spillRanges(plan);
  const inSpill = (row: number, col: number) => spills.some((r) => a1.rangeContains(r, row, col));

  test('cells are rectangular from A1, with the title and the one-line description on top', () => {
    expect(plan.cells.length).toBeGreaterThan(10);
    for (const row of plan.cells) expect(row.length).toBe(width);
    expect(plan.cells[0][0]).toBe(plan.title);
    expect(plan.cells[1][0]).toBe(plan.description);
    expect(plan.description).not.toMatch(/\n/);
    expect(plan.presetId).toBe(id);
  });

  test('every formula refers only to cells of this sheet, by address, inside the plan, that hold something or are spilled into', () => {
    let count = 0;
    for (const { row, col, formula } of formulas(plan)) {
      count++;
      const where = `${a1.formatCell(row, col)} ${formula}`;
      expect([where, formula.startsWith('=')]).toEqual([where, true]);
      expect(formula).not.toMatch(/[{}]/); // every template token resolved
      const parts = a1.formulaParts(formula);
      expect([where, parts.names]).toEqual([where, []]);
      for (const ref of parts.references) {
        expect([where, ref.sheet]).toEqual([where, undefined]);
        for (const target of a1.rangeCells(ref.range)) {
          const at = `${where} → ${a1.formatCell(target.row, target.col)}`;
          expect([at, target.row < plan.cells.length && target.col < width]).toEqual([at, true]);
          expect([at, target.row === row && target.col === col]).toEqual([at, false]);
          const filled = plan.cells[target.row][target.col] !== null || inSpill(target.row, target.col);
          expect([at, filled]).toEqual([at, true]);
        }
      }
    }
    expect(count).toBeGreaterThan(5);
  });

  test('formulas use only functions Excel and HyperFormula 3 both know (no LET, LAMBDA, XLOOKUP, dynamic-array-only functions)', () => {
    const allowed = new Set(['SUM', 'MAX', 'MIN', 'ABS', 'AND', 'OR', 'IF', 'INT', 'EXP', 'LN', 'RRI', 'ROWS', 'SUMIF', 'CHOOSE', 'INDEX', 'MATCH', 'COUNTIF', 'SUMPRODUCT']);
    for (const { formula } of formulas(plan)) {
      for (const fn of a1.formulaParts(formula).functions) {
        expect([formula, fn.startsWith('DEALS.') || allowed.has(fn)]).toEqual([formula, true]);
      }
      expect(formula).not.toMatch(/\d[eE][+-]?\d/); // exponents written as 10^n
    }
  });

  test('spill areas: a spilling formula at the anchor, nothing else written inside, no overlaps', () => {
    for (const spill of plan.spills) {
      const range = a1.parseRange(spill.range);
      const anchor = a1.parseCell(spill.anchor);
      expect(range.start).toMatchObject({ row: anchor.row, col: anchor.col });
      expect(isFormulaCell(plan.cells[anchor.row][anchor.col])).toBe(true);
      for (const { row, col } of a1.rangeCells(range)) {
        if (row === anchor.row && col === anchor.col) continue;
        expect([spill.range, a1.formatCell(row, col), plan.cells[row][col]]).toEqual([spill.range, a1.formatCell(row, col), null]);
        expect(spills.filter((r) => a1.rangeContains(r, row, col)).length).toBe(1);
      }
    }
  });

  test('every input is a blue value cell with its source URL or its rationale beside it', () => {
    expect(plan.inputs.length).toBeGreaterThan(2);
    const inputStyled = styledCells(plan, 'input');
    for (const input of plan.inputs) {
      const { row, col } = a1.parseCell(input.address);
      const value = plan.cells[row][col];
      expect([input.id, typeof value === 'number' || typeof value === 'boolean']).toEqual([input.id, true]);
      expect([input.id, inputStyled.has(input.address)]).toEqual([input.id, true]);
      const beside = plan.cells[row].slice(col + 1).filter((c): c is string => typeof c === 'string');
      expect([input.id, beside.some((text) => text.includes(input.note))]).toEqual([input.id, true]);
      if (input.assumption) {
        const label = en['sheet.assumption'];
        expect([input.id, beside.some((text) => text === label || text.includes(formatMessage(en, 'sheet.assumptionShort', { why: input.note })))]).toEqual([
          input.id,
          true,
        ]);
      } else {
        expect(input.fact && FACT_IDS.includes(input.fact as never)).toBe(true);
        expect(input.note).toBe(FACTS[input.fact as keyof typeof FACTS].source_url);
      }
    }
    // Nothing blue is a formula: inputs are typed values.
    for (const address of inputStyled) expect([address, isFormulaCell(cell(plan, address))]).toEqual([address, false]);
  });

  test('formula cells are black (formula, output, check, total or header style), never input style', () => {
    const black = new Set(['formula', 'output', 'check', 'total', 'header']);
    const styleAt = styleMap(plan);
    for (const { row, col, formula } of formulas(plan)) {
      const style = styleAt.get(a1.formatCell(row, col));
      expect([formula, style !== undefined && black.has(style)]).toEqual([formula, true]);
    }
  });

  test('units: in the unit column of every input, calculation and output row, and in every table header', () => {
    for (const item of scenario.inputs) {
      if (item.kind === 'input') expect(cell(plan, unitCell(plan.anchors[item.id]))).toBe(unitLabel(item.unit) || null);
      else expectTableHeaders(plan, item);
    }
    for (const item of scenario.calculations) {
      if (item.kind === 'calc') expect(cell(plan, unitCell(plan.anchors[item.id]))).toBe(unitLabel(item.unit) || null);
      else if (item.kind === 'table') expectTableHeaders(plan, item);
      else if (item.kind === 'grid') {
        const corner = cell(plan, a1.formatCell(a1.parseRange(plan.anchors[`${item.id}.rows`]).start.row - 1, 0));
        expect(corner).toContain(unitLabel(item.rows.unit));
        expect(corner).toContain(unitLabel(item.columns.unit));
      } else {
        const first = a1.parseCell(plan.anchors[item.id]);
        item.rows.forEach((r, k) => expect(plan.cells[first.row + k][0]).toContain(`(${unitLabel(r.unit)})`));
      }
    }
    for (const out of scenario.outputs) expect(cell(plan, unitCell(plan.anchors[out.id]))).toBe(unitLabel(out.unit) || null);
  });

  test('names: valid Excel names with the preset prefix, unique, each on one formula cell', () => {
    const names = plan.names.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(`${scenario.namePrefix}_ChecksOK`);
    for (const n of plan.names) {
      expect([n.name, a1.isValidName(n.name)]).toEqual([n.name, true]);
      expect(n.name.startsWith(`${scenario.namePrefix}_`)).toBe(true);
      expect(a1.tryParseCell(n.address)).toBeDefined();
      expect(isFormulaCell(cell(plan, n.address))).toBe(true);
    }
    expect(plan.names.length).toBe(scenario.outputs.length + 1);
  });

  test('checks are formulas and the all-checks cell ANDs them', () => {
    expect(plan.checks.length).toBe(scenario.checks.length);
    for (const address of plan.checks) expect(isFormulaCell(cell(plan, address))).toBe(true);
    const all = cell(plan, plan.allChecks);
    expect(isFormulaCell(all) && all.formula).toBe(`=AND(${a1.rangeText(a1.parseRange(`${plan.checks[0]}:${plan.checks[plan.checks.length - 1]}`), true)})`);
  });

  test('number formats come from the unit table and show USD in billions while the cell keeps the full value', () => {
    const known = new Set<string>([...Object.values(UNITS).map((u) => u.format), 'General']);
    for (const { range, format } of plan.numberFormats) {
      expect(a1.tryParseRange(range)).toBeDefined();
      expect([range, known.has(format)]).toEqual([range, true]);
    }
    // Three trailing commas scale the display by 1,000³: 95,998,400,000 shows as 96.0 (USD bn).
    expect(UNITS.usd.format).toBe('#,##0.0,,,');
    // Every calculated USD cell is formatted in billions.
    const formatAt = new Map<string, string>();
    for (const { range, format } of plan.numberFormats) for (const c of a1.rangeCells(a1.parseRange(range))) formatAt.set(a1.formatCell(c.row, c.col), format);
    for (const out of scenario.outputs) expect(formatAt.get(plan.anchors[out.id])).toBe(UNITS[out.unit].format === '@' ? 'General' : UNITS[out.unit].format);
    // A formula cell is never formatted as text (Excel would keep the formula as text).
    for (const { row, col } of formulas(plan)) expect(formatAt.get(a1.formatCell(row, col))).not.toBe('@');
  });

  test('styles and formats cover the plan without overlaps', () => {
    for (const list of [plan.styles.map((s) => s.range), plan.numberFormats.map((f) => f.range)]) {
      const seen = new Set<string>();
      for (const range of list) {
        for (const c of a1.rangeCells(a1.parseRange(range))) {
          const key = a1.formatCell(c.row, c.col);
          expect([range, seen.has(key)]).toEqual([range, false]);
          expect(c.row < plan.cells.length && c.col < width).toBe(true);
          seen.add(key);
        }
      }
    }
    expect(styleMap(plan).get('A1')).toBe('title');
  });

  test('no text cell could be read as a formula', () => {
    for (const row of plan.cells) for (const c of row) if (typeof c === 'string') expect(c).not.toMatch(/^[=+@]/);
  });

  test('layout: frozen title rows and label column, a width per column, links on source URLs', () => {
    expect(plan.freeze).toEqual({ rows: 3, columns: 1 });
    expect(plan.columnWidths.length).toBe(width);
    for (const w of plan.columnWidths) expect(w).toBeGreaterThanOrEqual(8);
    for (const link of plan.links) {
      expect(cell(plan, link.address)).toBe(link.url);
      expect(link.url).toMatch(/^https?:\/\//);
    }
  });

  test('charts: titles, axis titles, equal-length ranges inside the plan, over empty rows', () => {
    expect(plan.charts.length).toBe(scenario.charts.length);
    expect(plan.charts.length).toBeGreaterThan(0);
    for (const chart of plan.charts) {
      expect(chart.title).not.toBe('');
      expect(chart.xAxisTitle).not.toBe('');
      expect(chart.yAxisTitle).not.toBe('');
      // Categories down a column, or across a row (a table laid across, the timeline); each series the same shape beside them.
      const categories = a1.parseRange(chart.categories);
      const size = a1.rangeSize(categories);
      const across = size.rows === 1;
      expect(across ? size.columns : size.rows).toBeGreaterThan(1);
      if (!across) expect(size.columns).toBe(1);
      for (const s of chart.series) {
        const values = a1.parseRange(s.values);
        expect(a1.rangeSize(values)).toEqual(size);
        if (across) expect(values.start.col).toBe(categories.start.col);
        else expect(values.start.row).toBe(categories.start.row);
        if (s.nameAddress) expect(cell(plan, s.nameAddress)).not.toBeNull();
        expect(s.name).not.toBe('');
      }
      const area = a1.parseRange(`${chart.anchor.topLeft}:${chart.anchor.bottomRight}`);
      for (const c of a1.rangeCells(area)) expect(plan.cells[c.row][c.col]).toBeNull();
    }
  });

  test('every message key the scenario uses exists in the catalogue', () => {
    const keys = messageKeys(scenario);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect([key, isMessageKey(key)]).toEqual([key, true]);
  });

  test('every sheet text comes from the catalogue (or is a fact as its source states it, or a workbook name)', () => {
    const marked = buildSheetPlan(scenario, markedCatalogue());
    const factTexts = new Set<string>();
    for (const id of FACT_IDS) {
      const f = FACTS[id];
      for (const t of [f.deal, f.figure, String(f.value), f.unit, f.date, f.source_url, f.quote_or_note, f.confidence, `${f.deal} — ${f.figure}`]) factTexts.add(t);
    }
    const names = new Set(marked.names.map((n) => n.name));
    for (const row of marked.cells) {
      for (const c of row) {
        if (typeof c === 'string') expect([c, c.startsWith('⟦') || factTexts.has(c) || names.has(c)]).toEqual([c, true]);
        if (isFormulaCell(c)) {
          for (const s of a1.formulaParts(c.formula).strings) {
            expect([s, s.startsWith('⟦') || METRIC_NAMES.has(s)]).toEqual([s, true]);
          }
        }
      }
    }
    expect(marked.sheetName.startsWith('⟦')).toBe(true);
  });
});

describe('builder errors name the preset and the bad template', () => {
  const base: Scenario = {
    id: 'amd',
    namePrefix: 'T',
    sheetName: 'amd.sheet',
    title: 'amd.title',
    description: 'portfolio.description',
    summary: 'portfolio.summary',
    inputs: [{ kind: 'input', id: 'x', label: 'amd.in.shares', unit: 'shares', value: { assume: 1, why: 'amd.why.trancheShare' } }],
    calculations: [],
    outputs: [{ id: 'y', name: 'T_Y', label: 'amd.out.valueNow', unit: 'usd', formula: '={x}*2' }],
    checks: [],
    charts: [],
  };

  test('a valid minimal scenario builds', () => {
    const plan = buildSheetPlan(base);
    expect(plan.names.map((n) => n.name)).toEqual(['T_Y', 'T_ChecksOK']);
    const y = cell(plan, plan.anchors.y);
    expect(isFormulaCell(y) && y.formula).toBe(`=${plan.anchors.x.replace(/([A-Z]+)(\d+)/, '$$$1$$$2')}*2`);
  });

  test('unknown id, same-row reference outside a table, duplicate id', () => {
    expect(() => buildSheetPlan({ ...base, outputs: [{ ...base.outputs[0], formula: '={nope}' }] })).toThrow(/amd: cannot resolve \{nope\}/);
    expect(() => buildSheetPlan({ ...base, outputs: [{ ...base.outputs[0], formula: '={.x}' }] })).toThrow(/outside a table/);
    expect(() => buildSheetPlan({ ...base, outputs: [{ ...base.outputs[0], id: 'x' }] })).toThrow(/duplicate id x/);
  });
});

// ---- helpers ------------------------------------------------------------------------------------

function unitLabel(unit: keyof typeof UNITS): string {
  const key = UNITS[unit].label;
  return key === null ? '' : en[key];
}

/** The unit column (C) beside a value cell in column B. */
function unitCell(address: string): string {
  const { row } = a1.parseCell(address);
  return a1.formatCell(row, 2);
}

function expectTableHeaders(plan: SheetPlan, table: Table): void {
  for (const column of table.columns) {
    const range = a1.parseRange(plan.anchors[`${table.id}.${column.id}`]);
    const header = plan.cells[range.start.row - 1][range.start.col];
    expect(header).toEqual(expect.stringContaining(en[column.header]));
    if (UNITS[column.unit].label !== null && column.unit !== 'year') expect([column.id, header]).toEqual([column.id, expect.stringContaining(`(${unitLabel(column.unit)})`)]);
  }
}

function styleMap(plan: SheetPlan): Map<string, string> {
  const map = new Map<string, string>();
  for (const { range, style } of plan.styles) for (const c of a1.rangeCells(a1.parseRange(range))) map.set(a1.formatCell(c.row, c.col), style);
  return map;
}

function styledCells(plan: SheetPlan, style: string): Set<string> {
  return new Set([...styleMap(plan)].filter(([, s]) => s === style).map(([address]) => address));
}

const KEY_FIELDS = new Set(['label', 'title', 'header', 'why', 'description', 'sheetName', 'key', 'xAxis', 'yAxis', 'note', 'text', 'name', 'fallback', 'headers']);

/** Every string in the scenario that sits where a message key belongs, and every {str:key} in its formulas. */
function messageKeys(scenario: Scenario): string[] {
  const keys = new Set<string>();
  const walk = (value: unknown, field?: string): void => {
    if (typeof value === 'string') {
      if (field && KEY_FIELDS.has(field) && !/^[A-Z]+_/.test(value)) keys.add(value);
      for (const m of value.matchAll(/\{str:([^}]+)\}/g)) keys.add(m[1]);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, field));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(scenario);
  return [...keys];
}

/** The English catalogue with every text marked ⟦…⟧, placeholders kept. */
function markedCatalogue(): Messages {
  return Object.fromEntries(Object.entries(en).map(([k, v]) => [k, `⟦${v}⟧`])) as unknown as Messages;
}

export type { MessageKey };
