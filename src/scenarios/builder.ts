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
 * Formulas are resolved from the scenario's templates (see `types.ts`) after every block has its
 * place, so a formula may refer to a row above or below it.
 */
import { en } from '../i18n';
import type { MessageKey, Messages } from '../i18n';
import { formatMessage } from '../i18n';
import { formatCell, formatRange, isValidSheetName, toSheetName } from './a1';
import { fact, FACT_IDS, factNumber, FactId } from './facts';
import type { CellStyle, ChartPlan, PlanCell, PlanInput, PlanName, SheetPlan } from './plan';
import type { CalcItem, CalcRow, Grid, InputRow, InputValue, Scenario, SpillBlock, Table, TableCell, Text, TextParam } from './types';
import { isAssumption, isFactInput } from './types';
import { UNITS, UnitId } from './units';

/** Rows reserved under the Charts heading for each chart. */
export const CHART_ROWS = 20;
/** Columns a chart spans, from column A. */
export const CHART_COLUMNS = 6;

const LIST_COLUMNS = 7; // label, value, unit, kind, date, source/rationale, note
const WIDTH_LABEL = 52;

type Pos = { readonly row: number; readonly col: number };

interface TableLayout {
  readonly def: Table;
  readonly columns: ReadonlyMap<string, number>;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRow?: number;
}

interface GridLayout {
  readonly def: Grid;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly lead: ReadonlyMap<string, number>;
  readonly firstMatrixCol: number;
}

/** Where a template is resolved: in a table row, on a grid axis or cell, or at top level. */
interface Context {
  readonly table?: TableLayout;
  readonly rowIndex?: number;
  readonly row?: number;
  readonly grid?: GridLayout;
  readonly col?: number;
  readonly index?: number;
}

interface Pending {
  readonly row: number;
  readonly col: number;
  readonly template: string;
  readonly ctx: Context;
}

/** Builds the plan of one preset in the language of `messages`. */
export function buildSheetPlan(scenario: Scenario, messages: Messages = en): SheetPlan {
  return new PlanBuilder(scenario, messages).build();
}

class PlanBuilder {
  private readonly cells: PlanCell[][] = [];
  private readonly styleOf: (CellStyle | undefined)[][] = [];
  private readonly formatOf: (string | undefined)[][] = [];
  private readonly pending: Pending[] = [];
  private readonly scalars = new Map<string, Pos>();
  private readonly tables = new Map<string, TableLayout>();
  private readonly spillBlocks = new Map<string, Pos>();
  private readonly grids = new Map<string, GridLayout>();
  private readonly spills: { anchor: string; range: string }[] = [];
  private readonly links: { address: string; url: string }[] = [];
  private readonly inputs: PlanInput[] = [];
  private readonly names: PlanName[] = [];
  private readonly checks: string[] = [];
  private readonly anchors: Record<string, string> = {};
  private readonly factsUsed: FactId[] = [];
  private readonly headingRows: number[] = [];
  private row = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly messages: Messages,
  ) {}

  build(): SheetPlan {
    const s = this.scenario;
    const title = this.text(s.title);
    const description = this.text(s.description);
    this.put(0, 0, title, 'title');
    this.put(1, 0, description, 'description');
    this.put(2, 0, this.msg('sheet.legend'), 'legend');
    this.row = 4;

    this.heading('sheet.block.inputs');
    let listHeader = false;
    for (const item of s.inputs) {
      if (item.kind === 'input') {
        if (!listHeader) this.headerRow(['sheet.col.input', 'sheet.col.value', 'sheet.col.unit', 'sheet.col.kind', 'sheet.col.date', 'sheet.col.sourceOrRationale', 'sheet.col.note']);
        listHeader = true;
        this.inputRow(item);
      } else {
        this.table(item);
        listHeader = false;
      }
    }

    this.row++;
    this.heading('sheet.block.calculations');
    let calcHeader = false;
    for (const item of s.calculations) {
      if (item.kind === 'calc') {
        if (!calcHeader) this.headerRow(['sheet.col.calculation', 'sheet.col.value', 'sheet.col.unit', 'sheet.col.note']);
        calcHeader = true;
        this.calcRow(item);
      } else {
        calcHeader = false;
        this.calcItem(item);
      }
    }

    this.row++;
    this.heading('sheet.block.outputs');
    this.headerRow(['sheet.col.output', 'sheet.col.value', 'sheet.col.unit', 'sheet.col.name']);
    for (const out of s.outputs) {
      const r = this.row++;
      this.register(out.id, r, 1);
      this.put(r, 0, this.msg(out.label), 'label');
      this.formula(r, 1, out.formula, {}, 'output', UNITS[out.unit].format);
      this.put(r, 2, this.unitLabel(out.unit) || null, 'unit');
      this.put(r, 3, out.name, 'name');
      this.names.push({ name: out.name, address: formatCell(r, 1), label: this.msg(out.label), unit: this.unitLabel(out.unit) });
    }

    this.row++;
    this.heading('sheet.block.checks');
    this.headerRow(['sheet.col.check', 'sheet.col.holds']);
    const firstCheck = this.row;
    for (const c of s.checks) {
      const r = this.row++;
      this.register(`check:${c.id}`, r, 1);
      this.put(r, 0, this.msg(c.label), 'label');
      this.formula(r, 1, c.formula, {}, 'check', 'General');
      this.checks.push(formatCell(r, 1));
    }
    const allRow = this.row++;
    this.put(allRow, 0, this.msg('sheet.allChecks'), 'total');
    const allChecks = formatCell(allRow, 1);
    this.set(allRow, 1, { formula: `=AND(${formatRange(firstCheck, 1, allRow - 1, 1, true)})` }, 'check', 'General');
    this.names.push({ name: `${s.namePrefix}_ChecksOK`, address: allChecks, label: this.msg('sheet.allChecks'), unit: this.msg('unit.flag') });

    const chartRows: number[] = [];
    if (s.charts.length > 0) {
      this.row++;
      this.heading('sheet.block.charts');
      for (let i = 0; i < s.charts.length; i++) {
        chartRows.push(this.row);
        this.row += CHART_ROWS + 1;
      }
    }

    this.row++;
    this.heading('sheet.block.sources');
    this.headerRow(['sheet.col.fact', 'sheet.col.valueAsStated', 'sheet.col.unitAsStated', 'sheet.col.confidence', 'sheet.col.date', 'sheet.col.url', 'sheet.col.quote']);
    for (const id of FACT_IDS.filter((f) => this.factsUsed.includes(f))) {
      const f = fact(id);
      const r = this.row++;
      this.put(r, 0, `${f.deal} — ${f.figure}`, 'label');
      this.put(r, 1, f.value, 'source', typeof f.value === 'string' ? '@' : 'General');
      this.put(r, 2, f.unit || null, 'source', '@');
      this.put(r, 3, f.confidence, 'source', '@');
      this.put(r, 4, f.date, 'source', '@');
      this.put(r, 5, f.source_url, 'source', '@');
      if (/^https?:\/\//.test(f.source_url)) this.links.push({ address: formatCell(r, 5), url: f.source_url });
      this.put(r, 6, f.quote_or_note, 'note', '@');
    }

    for (const p of this.pending) this.setFormula(p);

    const width = Math.max(LIST_COLUMNS, CHART_COLUMNS, ...this.cells.map((r) => r.length));
    for (const r of this.headingRows) for (let c = 0; c < width; c++) this.styleOf[r][c] = 'blockHeading';
    const cells = this.rectangular(width);
    const charts = s.charts.map((chart, i) => this.chart(chart, chartRows[i]));

    const sheetName = toSheetName(this.msg(s.sheetName));
    if (!isValidSheetName(sheetName)) throw new Error(`invalid sheet name ${sheetName}`);
    return {
      presetId: s.id,
      sheetName,
      title,
      description,
      cells,
      numberFormats: compress(this.formatOf, cells.length, width).map(([range, format]) => ({ range, format })),
      styles: compress(this.styleOf, cells.length, width).map(([range, style]) => ({ range, style })),
      names: this.names,
      charts,
      columnWidths: Array.from({ length: width }, (_, c) => (c === 0 ? WIDTH_LABEL : c === 3 ? 22 : 16)),
      freeze: { rows: 3, columns: 1 },
      spills: this.spills,
      links: this.links,
      inputs: this.inputs,
      checks: this.checks,
      allChecks,
      anchors: this.anchors,
    };
  }

  // ---- blocks -------------------------------------------------------------------------------

  private inputRow(item: InputRow): void {
    const r = this.row++;
    this.register(item.id, r, 1);
    this.put(r, 0, this.msg(item.label), 'label');
    this.put(r, 1, this.inputValue(item.value), 'input', UNITS[item.unit].format);
    this.put(r, 2, this.unitLabel(item.unit) || null, 'unit');
    this.inputs.push(this.planInput(item.id, r, 1, item.value));
    const v = item.value;
    if (isFactInput(v)) {
      const f = fact(v.fact);
      this.put(r, 3, this.msg('sheet.fact', { confidence: f.confidence }), 'source', '@');
      this.put(r, 4, f.date, 'source', '@');
      this.put(r, 5, f.source_url, 'source', '@');
      if (/^https?:\/\//.test(f.source_url)) this.links.push({ address: formatCell(r, 5), url: f.source_url });
      if (typeof f.value === 'string') this.put(r, 6, this.msg('sheet.readFrom', { text: f.value }), 'note', '@');
    } else {
      this.put(r, 3, this.msg('sheet.assumption'), 'source', '@');
      this.put(r, 5, this.msg(v.why), 'source', '@');
      if (v.basis?.length) this.put(r, 6, this.basisText(v.basis), 'note', '@');
    }
  }

  private calcRow(item: CalcRow): void {
    const r = this.row++;
    this.register(item.id, r, 1);
    this.put(r, 0, this.msg(item.label), 'label');
    this.formula(r, 1, item.formula, {}, 'formula', UNITS[item.unit].format);
    this.put(r, 2, this.unitLabel(item.unit) || null, 'unit');
    if (item.note) this.put(r, 3, this.msg(item.note), 'note');
  }

  private calcItem(item: Exclude<CalcItem, CalcRow>): void {
    if (item.kind === 'table') this.table(item);
    else if (item.kind === 'spill') this.spillBlock(item);
    else this.grid(item);
  }

  private table(def: Table): void {
    this.gap();
    this.put(this.row++, 0, this.msg(def.title), 'tableTitle');
    const columns = new Map(def.columns.map((c, i) => [c.id, i] as const));
    const hasInputs = def.rows.some((r) => Object.values(r.cells).some((cell) => isFactInput(cell) || isAssumption(cell)));
    const headerRow = this.row++;
    def.columns.forEach((c, i) => this.put(headerRow, i, this.header(c.header, c.unit), 'header'));
    if (hasInputs) this.put(headerRow, def.columns.length, this.msg('sheet.col.sourceOrAssumption'), 'header');
    const firstRow = this.row;
    const lastRow = firstRow + def.rows.length - 1;
    const totalRow = def.totals ? lastRow + 1 : undefined;
    const layout: TableLayout = { def, columns, firstRow, lastRow, totalRow };
    this.tables.set(def.id, layout);
    def.columns.forEach((c, i) => {
      this.anchors[`${def.id}.${c.id}`] = formatRange(firstRow, i, lastRow, i);
    });

    def.rows.forEach((tableRow, k) => {
      const r = firstRow + k;
      const notes: string[] = [];
      def.columns.forEach((column, c) => {
        const format = UNITS[column.unit].format;
        const cell: TableCell | undefined = tableRow.cells[column.id];
        const ctx: Context = { table: layout, rowIndex: k, row: r, index: k + 1 };
        if (cell !== undefined) {
          if (isFactInput(cell) || isAssumption(cell)) {
            this.put(r, c, this.inputValue(cell), 'input', format);
            this.inputs.push(this.planInput(`${def.id}.${column.id}#${k + 1}`, r, c, cell));
            notes.push(`${this.msg(column.header)}: ${this.inputNote(cell)}`);
          } else if ('formula' in cell) this.formula(r, c, cell.formula, ctx, 'formula', format);
          else this.put(r, c, this.text(cell.text), 'label', c === 0 ? undefined : '@');
        } else if (column.spill !== undefined) {
          if (k === 0) {
            this.formula(r, c, column.spill, ctx, 'formula', format);
            this.spills.push({ anchor: formatCell(r, c), range: formatRange(firstRow, c, lastRow, c) });
          } else this.reserve(r, c, 'formula', format);
        } else if (column.formula !== undefined) this.formula(r, c, column.formula, ctx, 'formula', format);
        else throw new Error(`${this.scenario.id}: table ${def.id} row ${k + 1} has no cell for column ${column.id}`);
      });
      if (hasInputs) this.put(r, def.columns.length, notes.join('; '), 'source', '@');
    });
    this.row = lastRow + 1;

    if (def.totals) {
      const r = this.row++;
      this.put(r, 0, this.msg(def.totals.label), 'total');
      for (const id of def.totals.sum) {
        const c = columns.get(id);
        if (c === undefined) throw new Error(`${this.scenario.id}: totals of unknown column ${def.id}.${id}`);
        const column = def.columns[c];
        this.set(r, c, { formula: `=SUM(${formatRange(firstRow, c, lastRow, c, true)})` }, 'total', UNITS[column.unit].format);
      }
    }
  }

  private spillBlock(def: SpillBlock): void {
    this.gap();
    this.put(this.row++, 0, this.msg(def.title), 'tableTitle');
    const headerRow = this.row++;
    def.headers.forEach((h, i) => this.put(headerRow, i, this.msg(h), 'header'));
    const first = this.row;
    const anchor = { row: first, col: 1 };
    this.spillBlocks.set(def.id, anchor);
    this.anchors[def.id] = formatCell(first, 1);
    def.rows.forEach((rowDef, k) => {
      const r = first + k;
      this.put(r, 0, this.header(rowDef.label, rowDef.unit), 'label');
      for (let c = 0; c < def.columns; c++) {
        const format = c === def.valueColumn ? UNITS[rowDef.unit].format : undefined;
        if (k === 0 && c === 0) this.formula(r, 1, def.formula, {}, 'formula', format);
        else this.reserve(r, 1 + c, 'formula', format);
      }
    });
    this.spills.push({ anchor: formatCell(first, 1), range: formatRange(first, 1, first + def.rows.length - 1, def.columns) });
    this.row = first + def.rows.length;
  }

  private grid(def: Grid): void {
    this.gap();
    this.put(this.row++, 0, this.msg(def.title), 'tableTitle');
    const headerRow = this.row++;
    const lead = new Map((def.lead ?? []).map((l, i) => [l.id, 1 + i] as const));
    const firstMatrixCol = 1 + lead.size;
    const firstRow = this.row;
    const lastRow = firstRow + def.rows.count - 1;
    const layout: GridLayout = { def, headerRow, firstRow, lastRow, lead, firstMatrixCol };
    this.grids.set(def.id, layout);
    this.anchors[`${def.id}.rows`] = formatRange(firstRow, 0, lastRow, 0);

    this.put(
      headerRow,
      0,
      this.msg('sheet.gridCorner', {
        rows: this.msg(def.rows.header),
        rowUnit: this.unitLabel(def.rows.unit),
        columns: this.msg(def.columns.header),
        columnUnit: this.unitLabel(def.columns.unit),
      }),
      'header',
    );
    (def.lead ?? []).forEach((l, i) => this.put(headerRow, 1 + i, this.header(l.header, l.unit), 'header'));
    for (let j = 0; j < def.columns.count; j++) {
      this.formula(headerRow, firstMatrixCol + j, def.columns.formula, { grid: layout, index: j + 1 }, 'header', UNITS[def.columns.unit].format);
    }
    for (let k = 0; k < def.rows.count; k++) {
      const r = firstRow + k;
      this.formula(r, 0, def.rows.formula, { grid: layout, index: k + 1 }, 'header', UNITS[def.rows.unit].format);
      (def.lead ?? []).forEach((l, i) => this.formula(r, 1 + i, l.formula, { grid: layout, row: r }, 'formula', UNITS[l.unit].format));
      for (let j = 0; j < def.columns.count; j++) {
        this.formula(r, firstMatrixCol + j, def.cell.formula, { grid: layout, row: r, col: firstMatrixCol + j }, 'formula', UNITS[def.cell.unit].format);
      }
    }
    this.row = lastRow + 1;
  }

  private chart(spec: Scenario['charts'][number], top: number): ChartPlan {
    const plain = (template: string) => this.resolve(template, {}).replace(/\$/g, '');
    return {
      id: spec.id,
      type: spec.type,
      title: this.msg(spec.title),
      categories: plain(spec.categories),
      series: spec.series.map((s) => {
        const values = plain(s.values);
        if (typeof s.name === 'object' && 'cell' in s.name) {
          return { name: this.text(s.name.fallback), nameAddress: plain(s.name.cell), values };
        }
        return { name: this.text(s.name), values };
      }),
      xAxisTitle: this.msg(spec.xAxis),
      yAxisTitle: this.msg(spec.yAxis),
      valueFormat: UNITS[spec.valueUnit].format,
      anchor: { topLeft: formatCell(top, 0), bottomRight: formatCell(top + CHART_ROWS - 1, CHART_COLUMNS - 1) },
    };
  }

  // ---- cells --------------------------------------------------------------------------------

  /** An empty row before a sub-block, except right under a block heading. */
  private gap(): void {
    if (!this.headingRows.includes(this.row - 1)) this.row++;
  }

  private heading(key: MessageKey): void {
    const r = this.row++;
    this.put(r, 0, this.msg(key), 'blockHeading');
    this.headingRows.push(r);
  }

  private headerRow(keys: readonly MessageKey[]): void {
    const r = this.row++;
    keys.forEach((k, c) => this.put(r, c, this.msg(k), 'header'));
  }

  private register(id: string, row: number, col: number): void {
    if (this.scalars.has(id) || this.tables.has(id) || this.spillBlocks.has(id) || this.grids.has(id)) {
      throw new Error(`${this.scenario.id}: duplicate id ${id}`);
    }
    this.scalars.set(id, { row, col });
    this.anchors[id] = formatCell(row, col);
  }

  private put(row: number, col: number, value: PlanCell, style?: CellStyle, format?: string): void {
    this.set(row, col, value, style, format);
  }

  private reserve(row: number, col: number, style: CellStyle, format?: string): void {
    this.set(row, col, null, style, format);
  }

  private formula(row: number, col: number, template: string, ctx: Context, style: CellStyle, format?: string): void {
    // A formula typed into a cell formatted as text (@) stays text in Excel: text results get General.
    this.set(row, col, null, style, format === '@' ? 'General' : format);
    this.pending.push({ row, col, template, ctx });
  }

  private setFormula(p: Pending): void {
    const text = this.resolve(p.template, p.ctx);
    if (!text.startsWith('=')) throw new Error(`${this.scenario.id}: formula without = : ${p.template}`);
    this.cells[p.row][p.col] = { formula: text };
  }

  private set(row: number, col: number, value: PlanCell, style?: CellStyle, format?: string): void {
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

  private rectangular(width: number): PlanCell[][] {
    for (let r = 0; r < this.cells.length; r++) {
      while (this.cells[r].length < width) {
        this.cells[r].push(null);
        this.styleOf[r].push(undefined);
        this.formatOf[r].push(undefined);
      }
    }
    return this.cells;
  }

  // ---- values and text ----------------------------------------------------------------------

  private useFact(id: FactId): void {
    fact(id);
    if (!this.factsUsed.includes(id)) this.factsUsed.push(id);
  }

  private inputValue(value: InputValue): number | boolean {
    if (isFactInput(value)) {
      this.useFact(value.fact);
      return factNumber(value.fact, value.pick);
    }
    for (const id of value.basis ?? []) this.useFact(id);
    return value.assume;
  }

  private planInput(id: string, row: number, col: number, value: InputValue): PlanInput {
    const address = formatCell(row, col);
    if (isFactInput(value)) {
      return { id, address, fact: value.fact, ...(value.pick !== undefined ? { pick: value.pick } : {}), assumption: false, note: fact(value.fact).source_url };
    }
    return { id, address, assumption: true, note: this.msg(value.why) };
  }

  private inputNote(value: InputValue): string {
    if (isFactInput(value)) {
      const f = fact(value.fact);
      return this.msg('sheet.factShort', { figure: f.figure, confidence: f.confidence, date: f.date, url: f.source_url });
    }
    const note = this.msg('sheet.assumptionShort', { why: this.msg(value.why) });
    return value.basis?.length ? `${note} (${this.basisText(value.basis)})` : note;
  }

  private basisText(ids: readonly FactId[]): string {
    return this.msg('sheet.basis', { facts: ids.map((id) => `${fact(id).deal} — ${fact(id).figure}`).join('; ') });
  }

  private msg(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    return formatMessage(this.messages, key, params);
  }

  private text(text: Text): string {
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

  private unitLabel(unit: UnitId): string {
    const label = UNITS[unit].label;
    return label === null ? '' : this.msg(label);
  }

  /** A header with its unit: "Warrant shares (shares)"; text and calendar-year columns have none. */
  private header(key: MessageKey, unit: UnitId): string {
    const label = UNITS[unit].label;
    // A column of calendar years needs no unit: "Year (year)" says nothing more.
    return label === null || unit === 'year' ? this.msg(key) : this.msg('sheet.withUnit', { label: this.msg(key), unit: this.msg(label) });
  }

  // ---- templates ----------------------------------------------------------------------------

  private resolve(template: string, ctx: Context): string {
    return template.replace(/\{([^{}]+)\}/g, (_, token: string) => this.token(token.trim(), ctx, template));
  }

  private token(token: string, ctx: Context, template: string): string {
    const fail = (why: string): never => {
      throw new Error(`${this.scenario.id}: cannot resolve {${token}} in ${template}: ${why}`);
    };
    if (token === '#') return ctx.index !== undefined ? String(ctx.index) : fail('no row number here');
    if (token === 'row') {
      if (!ctx.grid || ctx.row === undefined) return fail('{row} is only for grid cells');
      return formatCell(ctx.row, 0, { row: false, col: true });
    }
    if (token === 'col') {
      if (!ctx.grid || ctx.col === undefined) return fail('{col} is only for grid cells');
      return formatCell(ctx.grid.headerRow, ctx.col, { row: true, col: false });
    }
    if (token.startsWith('str:')) {
      const key = token.slice(4) as MessageKey;
      return `"${this.msg(key).replace(/"/g, '""')}"`;
    }
    if (token.startsWith('.')) {
      if (!ctx.table || ctx.row === undefined) return fail('same-row reference outside a table');
      const c = ctx.table.columns.get(token.slice(1));
      return c === undefined ? fail('no such column') : formatCell(ctx.row, c);
    }
    const spill = /^(\w+)\[(\d+),(\d+)\]$/.exec(token);
    if (spill) {
      const anchor = this.spillBlocks.get(spill[1]);
      return anchor ? formatCell(anchor.row + Number(spill[2]), anchor.col + Number(spill[3]), true) : fail('no such spilled block');
    }
    const parts = token.split('.');
    if (parts.length === 1) {
      const pos = this.scalars.get(token);
      return pos ? formatCell(pos.row, pos.col, true) : fail('no such row');
    }
    const [id, second, third] = parts;
    const table = this.tables.get(id);
    if (table) {
      const sameRow = second.endsWith('@');
      const c = table.columns.get(sameRow ? second.slice(0, -1) : second);
      if (c === undefined) return fail('no such column');
      if (sameRow) {
        if (ctx.rowIndex === undefined) return fail('@ needs a table row');
        if (ctx.rowIndex > table.lastRow - table.firstRow) return fail('the other table is shorter');
        return formatCell(table.firstRow + ctx.rowIndex, c);
      }
      if (third === undefined) return formatRange(table.firstRow, c, table.lastRow, c, true);
      if (third === 'first') return formatCell(table.firstRow, c, true);
      if (third === 'last') return formatCell(table.lastRow, c, true);
      if (third === 'total') return table.totalRow !== undefined ? formatCell(table.totalRow, c, true) : fail('no totals row');
      return fail('unknown part');
    }
    const grid = this.grids.get(id);
    if (grid) {
      if (second === 'rows') return formatRange(grid.firstRow, 0, grid.lastRow, 0, true);
      if (second === 'lead') {
        const c = grid.lead.get(third);
        return c === undefined ? fail('no such lead column') : formatRange(grid.firstRow, c, grid.lastRow, c, true);
      }
      const n = Number(third);
      if (!Number.isInteger(n) || n < 1 || n > grid.def.columns.count) return fail('no such grid column');
      const c = grid.firstMatrixCol + n - 1;
      if (second === 'col') return formatRange(grid.firstRow, c, grid.lastRow, c, true);
      if (second === 'head') return formatCell(grid.headerRow, c, true);
      return fail('unknown grid part');
    }
    return fail('unknown id');
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
