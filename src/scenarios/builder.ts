/**
 * `buildSheetPlan(scenario, messages)`: a preset deal (data) → a SheetPlan (cells, formats, styles,
 * names, charts). Pure: no Office, no DOM, no formula engine; the same scenario and catalogue give
 * the same plan.
 *
 * Layout, top to bottom, all in one sheet:
 *
 *     A1  title                       (frozen: rows 1–3 and column A)
 *     A2  one-line description
 *     A3  legend (blue = input, black = formula, money units)
 *         Inputs        label | value | unit | fact or assumption | date | source URL or rationale | note
 *         Calculations  rows, tables, the spilled block, the sensitivity grid
 *         Outputs       label | value | unit | workbook name
 *         Checks        label | TRUE/FALSE, and "all checks pass"
 *         Charts        empty rows the charts are placed over
 *         Sources       every fact used: deal and figure, value and unit as stated, confidence, date, URL, quote
 *
 * Each block is laid out by its own function below; they share a `Layout`: the cells (`CellGrid`),
 * the places of every named row, table, spilled block and grid (`Places`, which is what the
 * template interpreter looks names up in) and the texts (`Texts`, catalogue and facts used).
 * Formulas are resolved from the scenario's templates (`template.ts`) after every block has its
 * place, so a formula may refer to a row above or below it.
 */
import { en } from '../i18n';
import type { MessageKey, Messages } from '../i18n';
import { formatMessage } from '../i18n';
import { formatCell, formatRange, isValidSheetName, toSheetName } from './a1';
import { fact, FACT_IDS, factNumber, FactId } from './facts';
import type { CellStyle, ChartPlan, PlanCell, PlanInput, PlanName, SheetPlan } from './plan';
import { GridLayout, Position, resolveTemplate, TableLayout, TemplateError, TemplateLookup, TemplateScope } from './template';
import type { CalcItem, CalcRow, CheckRow, ChartSpec, Grid, InputRow, InputValue, OutputRow, Scenario, SpillBlock, Table, TableCell, Text, TextParam } from './types';
import { isAssumption, isFactInput } from './types';
import { UNITS, UnitId } from './units';

/** Rows reserved under the Charts heading for each chart. */
export const CHART_ROWS = 20;
/** Columns a chart spans, from column A. */
export const CHART_COLUMNS = 6;

const LIST_COLUMNS = 7; // label, value, unit, kind, date, source/rationale, note
const WIDTH_LABEL = 52;

/** Builds the plan of one preset in the language of `messages`. */
export function buildSheetPlan(scenario: Scenario, messages: Messages = en): SheetPlan {
  const layout = newLayout(scenario.id, messages);
  const { texts } = layout;
  const title = texts.text(scenario.title);
  const description = texts.text(scenario.description);
  layOutHead(layout, title, description);
  layOutInputs(layout, scenario.inputs);
  layOutCalculations(layout, scenario.calculations);
  layOutOutputs(layout, scenario.outputs);
  const allChecks = layOutChecks(layout, scenario.checks, scenario.namePrefix);
  const chartRows = layOutChartRows(layout, scenario.charts.length);
  layOutSources(layout);

  for (const p of layout.pending) {
    const formula = layout.resolve(p.template, p.scope);
    if (!formula.startsWith('=')) throw new Error(`${scenario.id}: formula without = : ${p.template}`);
    layout.cells.set(p.row, p.col, { formula });
  }

  const { cells: grid } = layout;
  const width = grid.finish(LIST_COLUMNS, CHART_COLUMNS);
  const cells = grid.cells;
  const charts = scenario.charts.map((chart, i) => chartPlan(layout, chart, chartRows[i]));

  const sheetName = toSheetName(texts.msg(scenario.sheetName));
  if (!isValidSheetName(sheetName)) throw new Error(`invalid sheet name ${sheetName}`);
  return {
    presetId: scenario.id,
    sheetName,
    title,
    description,
    cells,
    numberFormats: compress(grid.formatOf, cells.length, width).map(([range, format]) => ({ range, format })),
    styles: compress(grid.styleOf, cells.length, width).map(([range, style]) => ({ range, style })),
    names: layout.names,
    charts,
    columnWidths: Array.from({ length: width }, (_, c) => (c === 0 ? WIDTH_LABEL : c === 3 ? 22 : 16)),
    freeze: { rows: 3, columns: 1 },
    spills: layout.spills,
    links: layout.links,
    inputs: layout.inputs,
    checks: layout.checks,
    allChecks,
    anchors: layout.places.anchors,
  };
}

// ---- the layout the blocks share ------------------------------------------------------------

/** A formula cell whose template waits until every block has its place. */
interface PendingFormula {
  readonly row: number;
  readonly col: number;
  readonly template: string;
  readonly scope: TemplateScope;
}

interface Layout {
  readonly presetId: string;
  readonly cells: CellGrid;
  readonly places: Places;
  readonly texts: Texts;
  readonly pending: PendingFormula[];
  readonly spills: { anchor: string; range: string }[];
  readonly links: { address: string; url: string }[];
  readonly inputs: PlanInput[];
  readonly names: PlanName[];
  readonly checks: string[];
  /** A formula cell: styled and formatted now, its template resolved at the end. */
  formula(row: number, col: number, template: string, scope: TemplateScope, style: CellStyle, format?: string): void;
  /** A template resolved now that every place is known (charts' ranges, formulas). */
  resolve(template: string, scope: TemplateScope): string;
}

function newLayout(presetId: string, messages: Messages): Layout {
  const cells = new CellGrid();
  const places = new Places(presetId);
  const texts = new Texts(messages);
  const pending: PendingFormula[] = [];
  const lookup: TemplateLookup = { ...places.lookup, message: (key) => texts.msg(key as MessageKey) };
  return {
    presetId,
    cells,
    places,
    texts,
    pending,
    spills: [],
    links: [],
    inputs: [],
    names: [],
    checks: [],
    formula(row, col, template, scope, style, format) {
      // A formula typed into a cell formatted as text (@) stays text in Excel: text results get General.
      cells.set(row, col, null, style, format === '@' ? 'General' : format);
      pending.push({ row, col, template, scope });
    },
    resolve(template, scope) {
      try {
        return resolveTemplate(template, scope, lookup);
      } catch (e) {
        if (e instanceof TemplateError) throw new Error(`${presetId}: ${e.message}`);
        throw e;
      }
    },
  };
}

// ---- blocks, top to bottom ------------------------------------------------------------------

function layOutHead({ cells, texts }: Layout, title: string, description: string): void {
  cells.put(0, 0, title, 'title');
  cells.put(1, 0, description, 'description');
  cells.put(2, 0, texts.msg('sheet.legend'), 'legend');
  cells.row = 4;
}

function layOutInputs(layout: Layout, items: Scenario['inputs']): void {
  const { cells, texts } = layout;
  cells.heading(texts.msg('sheet.block.inputs'));
  let listHeader = false;
  for (const item of items) {
    if (item.kind === 'input') {
      if (!listHeader) cells.headerRow(texts.msgs(['sheet.col.input', 'sheet.col.value', 'sheet.col.unit', 'sheet.col.kind', 'sheet.col.date', 'sheet.col.sourceOrRationale', 'sheet.col.note']));
      listHeader = true;
      layOutInputRow(layout, item);
    } else {
      layOutTable(layout, item);
      listHeader = false;
    }
  }
}

function layOutCalculations(layout: Layout, items: readonly CalcItem[]): void {
  const { cells, texts } = layout;
  cells.row++;
  cells.heading(texts.msg('sheet.block.calculations'));
  let calcHeader = false;
  for (const item of items) {
    if (item.kind === 'calc') {
      if (!calcHeader) cells.headerRow(texts.msgs(['sheet.col.calculation', 'sheet.col.value', 'sheet.col.unit', 'sheet.col.note']));
      calcHeader = true;
      layOutCalcRow(layout, item);
      continue;
    }
    calcHeader = false;
    if (item.kind === 'table') layOutTable(layout, item);
    else if (item.kind === 'spill') layOutSpillBlock(layout, item);
    else layOutGrid(layout, item);
  }
}

function layOutOutputs(layout: Layout, outputs: readonly OutputRow[]): void {
  const { cells, places, texts } = layout;
  cells.row++;
  cells.heading(texts.msg('sheet.block.outputs'));
  cells.headerRow(texts.msgs(['sheet.col.output', 'sheet.col.value', 'sheet.col.unit', 'sheet.col.name']));
  for (const out of outputs) {
    const r = cells.row++;
    places.register(out.id, r, 1);
    cells.put(r, 0, texts.msg(out.label), 'label');
    layout.formula(r, 1, out.formula, {}, 'output', UNITS[out.unit].format);
    cells.put(r, 2, texts.unitLabel(out.unit) || null, 'unit');
    cells.put(r, 3, out.name, 'name');
    layout.names.push({ name: out.name, address: formatCell(r, 1), label: texts.msg(out.label), unit: texts.unitLabel(out.unit) });
  }
}

/** The checks and the "all checks pass" cell under them (named `<prefix>_ChecksOK`); returns its address. */
function layOutChecks(layout: Layout, checks: readonly CheckRow[], namePrefix: string): string {
  const { cells, places, texts } = layout;
  cells.row++;
  cells.heading(texts.msg('sheet.block.checks'));
  cells.headerRow(texts.msgs(['sheet.col.check', 'sheet.col.holds']));
  const firstCheck = cells.row;
  for (const c of checks) {
    const r = cells.row++;
    places.register(`check:${c.id}`, r, 1);
    cells.put(r, 0, texts.msg(c.label), 'label');
    layout.formula(r, 1, c.formula, {}, 'check', 'General');
    layout.checks.push(formatCell(r, 1));
  }
  const allRow = cells.row++;
  cells.put(allRow, 0, texts.msg('sheet.allChecks'), 'total');
  const allChecks = formatCell(allRow, 1);
  cells.set(allRow, 1, { formula: `=AND(${formatRange(firstCheck, 1, allRow - 1, 1, true)})` }, 'check', 'General');
  layout.names.push({ name: `${namePrefix}_ChecksOK`, address: allChecks, label: texts.msg('sheet.allChecks'), unit: texts.msg('unit.flag') });
  return allChecks;
}

/** Empty rows under the Charts heading, CHART_ROWS for each chart; returns each chart's top row. */
function layOutChartRows({ cells, texts }: Layout, count: number): number[] {
  const tops: number[] = [];
  if (count === 0) return tops;
  cells.row++;
  cells.heading(texts.msg('sheet.block.charts'));
  for (let i = 0; i < count; i++) {
    tops.push(cells.row);
    cells.row += CHART_ROWS + 1;
  }
  return tops;
}

/** Every fact the sheet used, in the order of the facts file. */
function layOutSources(layout: Layout): void {
  const { cells, texts } = layout;
  cells.row++;
  cells.heading(texts.msg('sheet.block.sources'));
  cells.headerRow(texts.msgs(['sheet.col.fact', 'sheet.col.valueAsStated', 'sheet.col.unitAsStated', 'sheet.col.confidence', 'sheet.col.date', 'sheet.col.url', 'sheet.col.quote']));
  for (const id of FACT_IDS.filter((f) => texts.factsUsed.includes(f))) {
    const f = fact(id);
    const r = cells.row++;
    cells.put(r, 0, `${f.deal} — ${f.figure}`, 'label');
    cells.put(r, 1, f.value, 'source', typeof f.value === 'string' ? '@' : 'General');
    cells.put(r, 2, f.unit || null, 'source', '@');
    cells.put(r, 3, f.confidence, 'source', '@');
    cells.put(r, 4, f.date, 'source', '@');
    cells.put(r, 5, f.source_url, 'source', '@');
    if (/^https?:\/\//.test(f.source_url)) layout.links.push({ address: formatCell(r, 5), url: f.source_url });
    cells.put(r, 6, f.quote_or_note, 'note', '@');
  }
}

// ---- rows and sub-blocks --------------------------------------------------------------------

function layOutInputRow(layout: Layout, item: InputRow): void {
  const { cells, places, texts } = layout;
  const r = cells.row++;
  places.register(item.id, r, 1);
  cells.put(r, 0, texts.msg(item.label), 'label');
  cells.put(r, 1, texts.inputValue(item.value), 'input', UNITS[item.unit].format);
  cells.put(r, 2, texts.unitLabel(item.unit) || null, 'unit');
  layout.inputs.push(texts.planInput(item.id, r, 1, item.value));
  const v = item.value;
  if (isFactInput(v)) {
    const f = fact(v.fact);
    cells.put(r, 3, texts.msg('sheet.fact', { confidence: f.confidence }), 'source', '@');
    cells.put(r, 4, f.date, 'source', '@');
    cells.put(r, 5, f.source_url, 'source', '@');
    if (/^https?:\/\//.test(f.source_url)) layout.links.push({ address: formatCell(r, 5), url: f.source_url });
    if (typeof f.value === 'string') cells.put(r, 6, texts.msg('sheet.readFrom', { text: f.value }), 'note', '@');
  } else {
    cells.put(r, 3, texts.msg('sheet.assumption'), 'source', '@');
    cells.put(r, 5, texts.msg(v.why), 'source', '@');
    if (v.basis?.length) cells.put(r, 6, texts.basisText(v.basis), 'note', '@');
  }
}

function layOutCalcRow(layout: Layout, item: CalcRow): void {
  const { cells, places, texts } = layout;
  const r = cells.row++;
  places.register(item.id, r, 1);
  cells.put(r, 0, texts.msg(item.label), 'label');
  layout.formula(r, 1, item.formula, {}, 'formula', UNITS[item.unit].format);
  cells.put(r, 2, texts.unitLabel(item.unit) || null, 'unit');
  if (item.note) cells.put(r, 3, texts.msg(item.note), 'note');
}

function layOutTable(layout: Layout, def: Table): void {
  const { cells, places, texts } = layout;
  cells.gap();
  cells.put(cells.row++, 0, texts.msg(def.title), 'tableTitle');
  const columns = new Map(def.columns.map((c, i) => [c.id, i] as const));
  const hasInputs = def.rows.some((r) => Object.values(r.cells).some((cell) => isFactInput(cell) || isAssumption(cell)));
  const headerRow = cells.row++;
  def.columns.forEach((c, i) => cells.put(headerRow, i, texts.header(c.header, c.unit), 'header'));
  if (hasInputs) cells.put(headerRow, def.columns.length, texts.msg('sheet.col.sourceOrAssumption'), 'header');
  const firstRow = cells.row;
  const lastRow = firstRow + def.rows.length - 1;
  const totalRow = def.totals ? lastRow + 1 : undefined;
  const table: TableLayout = { columns, firstRow, lastRow, totalRow };
  places.addTable(def.id, table);
  def.columns.forEach((c, i) => {
    places.anchors[`${def.id}.${c.id}`] = formatRange(firstRow, i, lastRow, i);
  });

  def.rows.forEach((tableRow, k) => {
    const r = firstRow + k;
    const notes: string[] = [];
    def.columns.forEach((column, c) => {
      const format = UNITS[tableRow.unit ?? column.unit].format;
      const cell: TableCell | undefined = tableRow.cells[column.id];
      const scope: TemplateScope = { table, rowIndex: k, row: r, index: k + 1 };
      if (cell !== undefined) {
        if (isFactInput(cell) || isAssumption(cell)) {
          cells.put(r, c, texts.inputValue(cell), 'input', format);
          layout.inputs.push(texts.planInput(`${def.id}.${column.id}#${k + 1}`, r, c, cell));
          notes.push(`${texts.msg(column.header)}: ${texts.inputNote(cell)}`);
        } else if ('formula' in cell) layout.formula(r, c, cell.formula, scope, 'formula', format);
        else if (c === 0 && tableRow.unit && typeof cell.text === 'string') cells.put(r, c, texts.header(cell.text, tableRow.unit), 'label');
        else cells.put(r, c, texts.text(cell.text), 'label', c === 0 ? undefined : '@');
      } else if (column.spill !== undefined) {
        if (k === 0) {
          layout.formula(r, c, column.spill, scope, 'formula', format);
          layout.spills.push({ anchor: formatCell(r, c), range: formatRange(firstRow, c, lastRow, c) });
        } else cells.reserve(r, c, 'formula', format);
      } else if (column.formula !== undefined) layout.formula(r, c, column.formula, scope, 'formula', format);
      else throw new Error(`${layout.presetId}: table ${def.id} row ${k + 1} has no cell for column ${column.id}`);
    });
    if (hasInputs) cells.put(r, def.columns.length, notes.join('; '), 'source', '@');
  });
  cells.row = lastRow + 1;

  if (def.totals) {
    const r = cells.row++;
    cells.put(r, 0, texts.msg(def.totals.label), 'total');
    for (const id of def.totals.sum) {
      const c = columns.get(id);
      if (c === undefined) throw new Error(`${layout.presetId}: totals of unknown column ${def.id}.${id}`);
      const column = def.columns[c];
      cells.set(r, c, { formula: `=SUM(${formatRange(firstRow, c, lastRow, c, true)})` }, 'total', UNITS[column.unit].format);
    }
  }
}

function layOutSpillBlock(layout: Layout, def: SpillBlock): void {
  const { cells, places, texts } = layout;
  cells.gap();
  cells.put(cells.row++, 0, texts.msg(def.title), 'tableTitle');
  const headerRow = cells.row++;
  def.headers.forEach((h, i) => cells.put(headerRow, i, texts.msg(h), 'header'));
  const first = cells.row;
  places.addSpill(def.id, { row: first, col: 1 });
  def.rows.forEach((rowDef, k) => {
    const r = first + k;
    cells.put(r, 0, texts.header(rowDef.label, rowDef.unit), 'label');
    for (let c = 0; c < def.columns; c++) {
      const format = c === def.valueColumn ? UNITS[rowDef.unit].format : undefined;
      if (k === 0 && c === 0) layout.formula(r, 1, def.formula, {}, 'formula', format);
      else cells.reserve(r, 1 + c, 'formula', format);
    }
  });
  layout.spills.push({ anchor: formatCell(first, 1), range: formatRange(first, 1, first + def.rows.length - 1, def.columns) });
  cells.row = first + def.rows.length;
}

function layOutGrid(layout: Layout, def: Grid): void {
  const { cells, places, texts } = layout;
  cells.gap();
  cells.put(cells.row++, 0, texts.msg(def.title), 'tableTitle');
  const headerRow = cells.row++;
  const lead = new Map((def.lead ?? []).map((l, i) => [l.id, 1 + i] as const));
  const firstMatrixCol = 1 + lead.size;
  const firstRow = cells.row;
  const lastRow = firstRow + def.rows.count - 1;
  const grid: GridLayout = { headerRow, firstRow, lastRow, lead, firstMatrixCol, matrixColumns: def.columns.count };
  places.addGrid(def.id, grid);

  cells.put(
    headerRow,
    0,
    texts.msg('sheet.gridCorner', {
      rows: texts.msg(def.rows.header),
      rowUnit: texts.unitLabel(def.rows.unit),
      columns: texts.msg(def.columns.header),
      columnUnit: texts.unitLabel(def.columns.unit),
    }),
    'header',
  );
  (def.lead ?? []).forEach((l, i) => cells.put(headerRow, 1 + i, texts.header(l.header, l.unit), 'header'));
  for (let j = 0; j < def.columns.count; j++) {
    layout.formula(headerRow, firstMatrixCol + j, def.columns.formula, { grid, index: j + 1 }, 'header', UNITS[def.columns.unit].format);
  }
  for (let k = 0; k < def.rows.count; k++) {
    const r = firstRow + k;
    layout.formula(r, 0, def.rows.formula, { grid, index: k + 1 }, 'header', UNITS[def.rows.unit].format);
    (def.lead ?? []).forEach((l, i) => layout.formula(r, 1 + i, l.formula, { grid, row: r }, 'formula', UNITS[l.unit].format));
    for (let j = 0; j < def.columns.count; j++) {
      layout.formula(r, firstMatrixCol + j, def.cell.formula, { grid, row: r, col: firstMatrixCol + j }, 'formula', UNITS[def.cell.unit].format);
    }
  }
  cells.row = lastRow + 1;
}

/** A chart over its reserved rows; its ranges are templates, resolved without `$`. */
function chartPlan(layout: Layout, spec: ChartSpec, top: number): ChartPlan {
  const { texts } = layout;
  const plain = (template: string) => layout.resolve(template, {}).replace(/\$/g, '');
  return {
    id: spec.id,
    type: spec.type,
    title: texts.msg(spec.title),
    categories: plain(spec.categories),
    series: spec.series.map((s) => {
      const values = plain(s.values);
      if (typeof s.name === 'object' && 'cell' in s.name) {
        return { name: texts.text(s.name.fallback), nameAddress: plain(s.name.cell), values };
      }
      return { name: texts.text(s.name), values };
    }),
    xAxisTitle: texts.msg(spec.xAxis),
    yAxisTitle: texts.msg(spec.yAxis),
    valueFormat: UNITS[spec.valueUnit].format,
    anchor: { topLeft: formatCell(top, 0), bottomRight: formatCell(top + CHART_ROWS - 1, CHART_COLUMNS - 1) },
  };
}

// ---- cells ----------------------------------------------------------------------------------

/** The sheet's cells with their styles and number formats, and the row the next block starts on. */
class CellGrid {
  readonly cells: PlanCell[][] = [];
  readonly styleOf: (CellStyle | undefined)[][] = [];
  readonly formatOf: (string | undefined)[][] = [];
  private readonly headingRows: number[] = [];
  row = 0;

  put(row: number, col: number, value: PlanCell, style?: CellStyle, format?: string): void {
    this.set(row, col, value, style, format);
  }

  /** A cell a formula spills into, or whose formula comes later: empty, styled and formatted. */
  reserve(row: number, col: number, style: CellStyle, format?: string): void {
    this.set(row, col, null, style, format);
  }

  set(row: number, col: number, value: PlanCell, style?: CellStyle, format?: string): void {
    while (this.cells.length <= row) {
      this.cells.push([]);
      this.styleOf.push([]);
      this.formatOf.push([]);
    }
    const cells = this.cells[row];
    while (cells.length <= col) {
      cells.push(null);
      this.styleOf[row].push(undefined);
      this.formatOf[row].push(undefined);
    }
    cells[col] = value;
    if (style !== undefined) this.styleOf[row][col] = style;
    if (format !== undefined) this.formatOf[row][col] = format;
  }

  /** An empty row before a sub-block, except right under a block heading. */
  gap(): void {
    if (!this.headingRows.includes(this.row - 1)) this.row++;
  }

  heading(text: string): void {
    const r = this.row++;
    this.put(r, 0, text, 'blockHeading');
    this.headingRows.push(r);
  }

  headerRow(texts: readonly string[]): void {
    const r = this.row++;
    texts.forEach((text, c) => this.put(r, c, text, 'header'));
  }

  /** Pads every row to the sheet's width (at least `minWidths`), styles the heading rows across it; returns the width. */
  finish(...minWidths: number[]): number {
    const width = Math.max(...minWidths, ...this.cells.map((r) => r.length));
    for (const r of this.headingRows) for (let c = 0; c < width; c++) this.styleOf[r][c] = 'blockHeading';
    for (let r = 0; r < this.cells.length; r++) {
      while (this.cells[r].length < width) {
        this.cells[r].push(null);
        this.styleOf[r].push(undefined);
        this.formatOf[r].push(undefined);
      }
    }
    return width;
  }
}

// ---- places ---------------------------------------------------------------------------------

/** Where every named row, table, spilled block and grid sits: what templates look names up in. */
class Places {
  private readonly scalars = new Map<string, Position>();
  private readonly tables = new Map<string, TableLayout>();
  private readonly spillBlocks = new Map<string, Position>();
  private readonly grids = new Map<string, GridLayout>();
  /** Id → A1 address (relative) of each row's value cell, table column, spilled block and grid axis. */
  readonly anchors: Record<string, string> = {};
  readonly lookup: Omit<TemplateLookup, 'message'> = {
    scalar: (id) => this.scalars.get(id),
    table: (id) => this.tables.get(id),
    grid: (id) => this.grids.get(id),
    spill: (id) => this.spillBlocks.get(id),
  };

  constructor(private readonly presetId: string) {}

  register(id: string, row: number, col: number): void {
    if (this.scalars.has(id) || this.tables.has(id) || this.spillBlocks.has(id) || this.grids.has(id)) {
      throw new Error(`${this.presetId}: duplicate id ${id}`);
    }
    this.scalars.set(id, { row, col });
    this.anchors[id] = formatCell(row, col);
  }

  addTable(id: string, table: TableLayout): void {
    this.tables.set(id, table);
  }

  addSpill(id: string, anchor: Position): void {
    this.spillBlocks.set(id, anchor);
    this.anchors[id] = formatCell(anchor.row, anchor.col);
  }

  addGrid(id: string, grid: GridLayout): void {
    this.grids.set(id, grid);
    this.anchors[`${id}.rows`] = formatRange(grid.firstRow, 0, grid.lastRow, 0);
  }
}

// ---- texts ----------------------------------------------------------------------------------

/** Catalogue texts in the sheet's language, input values and their notes, and the facts used so far. */
class Texts {
  readonly factsUsed: FactId[] = [];

  constructor(private readonly messages: Messages) {}

  msg(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    return formatMessage(this.messages, key, params);
  }

  msgs(keys: readonly MessageKey[]): string[] {
    return keys.map((k) => this.msg(k));
  }

  text(text: Text): string {
    if (typeof text === 'string') return this.msg(text);
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(text.params)) params[name] = this.param(value);
    return this.msg(text.key, params);
  }

  private param(value: TextParam): string | number {
    if (typeof value === 'object') {
      this.useFact(value.fact);
      return fact(value.fact).value;
    }
    return value;
  }

  unitLabel(unit: UnitId): string {
    const label = UNITS[unit].label;
    return label === null ? '' : this.msg(label);
  }

  /** A header with its unit: "Warrant shares (shares)"; text and calendar-year columns have none. */
  header(key: MessageKey, unit: UnitId): string {
    const label = UNITS[unit].label;
    // A column of calendar years needs no unit: "Year (year)" says nothing more.
    return label === null || unit === 'year' ? this.msg(key) : this.msg('sheet.withUnit', { label: this.msg(key), unit: this.msg(label) });
  }

  private useFact(id: FactId): void {
    fact(id);
    if (!this.factsUsed.includes(id)) this.factsUsed.push(id);
  }

  inputValue(value: InputValue): number | boolean {
    if (isFactInput(value)) {
      this.useFact(value.fact);
      return factNumber(value.fact, value.pick);
    }
    for (const id of value.basis ?? []) this.useFact(id);
    return value.assume;
  }

  planInput(id: string, row: number, col: number, value: InputValue): PlanInput {
    const address = formatCell(row, col);
    if (isFactInput(value)) {
      return { id, address, fact: value.fact, ...(value.pick !== undefined ? { pick: value.pick } : {}), assumption: false, note: fact(value.fact).source_url };
    }
    return { id, address, assumption: true, note: this.msg(value.why) };
  }

  inputNote(value: InputValue): string {
    if (isFactInput(value)) {
      const f = fact(value.fact);
      return this.msg('sheet.factShort', { figure: f.figure, confidence: f.confidence, date: f.date, url: f.source_url });
    }
    const note = this.msg('sheet.assumptionShort', { why: this.msg(value.why) });
    return value.basis?.length ? `${note} (${this.basisText(value.basis)})` : note;
  }

  basisText(ids: readonly FactId[]): string {
    return this.msg('sheet.basis', { facts: ids.map((id) => `${fact(id).deal} — ${fact(id).figure}`).join('; ') });
  }
}

/**
 * Per-cell values (styles or formats) → ranges: runs along each row, then identical runs in
 * consecutive rows merged into rectangles.
 */
function compress<T extends string>(grid: (T | undefined)[][], rows: number, width: number): Array<[string, T]> {
  const out: Array<[string, T]> = [];
  let open = new Map<string, { top: number; left: number; right: number; value: T }>();
  const flush = (block: { top: number; left: number; right: number; value: T }, bottom: number) =>
    out.push([formatRange(block.top, block.left, bottom, block.right), block.value]);
  for (let r = 0; r <= rows; r++) {
    const next = new Map<string, { top: number; left: number; right: number; value: T }>();
    if (r < rows) {
      const line = grid[r] ?? [];
      let c = 0;
      while (c < width) {
        const value = line[c];
        if (value === undefined) {
          c++;
          continue;
        }
        let end = c;
        while (end + 1 < width && line[end + 1] === value) end++;
        const key = `${c}:${end}:${value}`;
        const above = open.get(key);
        next.set(key, above ?? { top: r, left: c, right: end, value });
        if (above) open.delete(key);
        c = end + 1;
      }
    }
    for (const block of open.values()) flush(block, r - 1);
    open = next;
  }
  return out.sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }));
}
