/**
 * A small fake of the Excel host for the Office.js writer's tests: the parts of
 * `Excel.RequestContext` that src/taskpane/excelSink.ts uses, with a workbook state (sheets with
 * their cells and formats, column widths, frozen panes, charts and names; workbook-level names;
 * the active sheet).
 *
 * Like Office.js, every call only queues an operation; `context.sync()` applies the queue in order
 * and resolves the loaded properties, and a property read before it was loaded and synced throws.
 * Like Excel, a batch is not a transaction: an operation that fails (an invalid argument, or one
 * chosen with `failWhen`) rejects the sync after the operations before it were applied, and the
 * rest of the batch is dropped. A request whose data exceeds `payloadLimit` (Excel on the web: 5 MB)
 * is rejected before anything is applied. `run` behaves like `Excel.run`: a fresh context per
 * batch, and a last sync of whatever the batch left queued.
 *
 * Sheets have ids (`worksheet.id`, and `worksheets.getItem` takes a name or an id), and
 * `beforeSync` lets a test play a co-author who changes the workbook between two syncs.
 *
 * Counted: `syncs`, `runs`, and per request the operations and the estimated bytes (`requests`).
 */
import { a1 } from '../../src/scenarios';

export interface CellState {
  /** What `range.formulas` would read back: a formula, a value, or text (without its quote prefix). */
  formula?: string | number | boolean;
  quotePrefix?: true;
  /** Set when a string would have been converted (to a number, boolean or date) on entry, as Excel does in a cell not formatted as text. */
  coercedFrom?: string;
  numberFormat?: string;
  font?: { color?: string; bold?: boolean; italic?: boolean; size?: number };
  fill?: string;
  wrap?: boolean;
  borderBottom?: { style?: string; weight?: string; color?: string };
  hyperlink?: { address?: string; textToDisplay?: string };
  /** Cells are locked unless set otherwise (Excel's default); locking matters once the sheet is protected. */
  locked?: boolean;
}

export interface SeriesState {
  name: string;
  values?: string;
  xValues?: string;
}

export interface ChartState {
  name: string;
  type: string;
  source: string;
  seriesBy?: string;
  title?: { text?: string; visible?: boolean };
  legend?: { position?: string; visible?: boolean };
  categoryAxis?: { title?: { text?: string; visible?: boolean } };
  valueAxis?: { title?: { text?: string; visible?: boolean }; numberFormat?: string };
  series: SeriesState[];
  position?: { start: string; end?: string };
}

export interface NameState {
  name: string;
  reference: string;
  comment?: string;
}

export interface SheetState {
  name: string;
  cells: Record<string, CellState>;
  /** Width in points by column letters. */
  columnWidths: Record<string, number>;
  freeze?: { rows: number; columns: number };
  charts: ChartState[];
  names: NameState[];
  /** Set by `worksheet.protection.protect(options, password)`. */
  protection?: { options?: Record<string, unknown>; password?: string };
}

export interface WorkbookState {
  sheets: SheetState[];
  names: NameState[];
  activeSheet: string;
}

/** What a queued operation looks like to `failWhen` and in `requests`. */
export interface OperationInfo {
  /** Office.js-like name of the call: `Worksheets.add`, `Range.formulas`, `Charts.add`, `NamedItems.add`, `load` … */
  readonly kind: string;
  readonly sheet?: string;
  readonly address?: string;
}

interface Operation extends OperationInfo {
  readonly payload?: unknown;
  apply(): void;
}

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

const CHART_TYPES = new Set(['Line', 'ColumnClustered', 'ColumnStacked', 'BarClustered', 'Pie', 'XYScatter', 'Area']);

const fold = (s: string) => s.toUpperCase();

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class FakeExcel {
  state: WorkbookState;
  syncs = 0;
  runs = 0;
  readonly requests: Array<{ operations: OperationInfo[]; bytes: number }> = [];
  /** Return a message (or true) to make that operation fail during its sync. */
  failWhen?: (op: OperationInfo, index: number) => string | boolean;
  /** Request size limit in bytes (Excel on the web: 5 MB). */
  payloadLimit = 5_000_000;
  /** Called as sync number n (1, 2 …) reaches the host, before its queue is applied: a co-author's edit between two syncs. */
  beforeSync?: (n: number) => void;
  /** Sheet ids, as Excel gives each sheet one (`{…}`) that stays when the sheet is renamed. */
  private readonly ids = new WeakMap<SheetState, string>();
  private nextId = 1;

  constructor(state?: Partial<WorkbookState>) {
    const sheets = state?.sheets ?? [emptySheet('Sheet1')];
    this.state = { sheets, names: state?.names ?? [], activeSheet: state?.activeSheet ?? sheets[0].name };
  }

  /** Like `Excel.run`. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.queue.length > 0) await context.sync();
    return result;
  };

  /** A deep copy of the workbook state, to compare before and after. */
  snapshot(): WorkbookState {
    return structuredClone(this.state);
  }

  sheet(name: string): SheetState {
    const found = this.findSheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  findSheet(name: string): SheetState | undefined {
    return this.state.sheets.find((s) => fold(s.name) === fold(name));
  }

  /** The sheet's id (given on first use, then kept). */
  idOf(sheet: SheetState): string {
    let id = this.ids.get(sheet);
    if (id === undefined) this.ids.set(sheet, (id = `{${String(this.nextId++).padStart(8, '0')}-0000-0000-0000-000000000000}`));
    return id;
  }

  /** A sheet by name or id, as `worksheets.getItem(key)` finds it. */
  findSheetByKey(key: string): SheetState | undefined {
    return this.findSheet(key) ?? this.state.sheets.find((s) => this.idOf(s) === key);
  }

  /** Applies a context's queue, as `context.sync()` does. */
  async sync(context: FakeContext): Promise<void> {
    this.syncs++;
    this.beforeSync?.(this.syncs);
    const queue = context.queue.splice(0);
    const bytes = queue.reduce((n, op) => n + 100 + utf8Bytes(JSON.stringify(op.payload ?? null)), 0);
    this.requests.push({ operations: queue.map(({ kind, sheet, address }) => ({ kind, ...(sheet ? { sheet } : {}), ...(address ? { address } : {}) })), bytes });
    await Promise.resolve();
    if (bytes > this.payloadLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    queue.forEach((op, index) => {
      const fail = this.failWhen?.(op, index);
      if (fail) throw new FakeOfficeError('GeneralException', typeof fail === 'string' ? fail : 'An internal error has occurred.', op.kind);
      try {
        op.apply();
      } catch (error) {
        if (error instanceof FakeOfficeError) {
          if (!error.debugInfo.errorLocation) error.debugInfo.errorLocation = op.kind;
          throw error;
        }
        throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${(error as Error).message})`, op.kind);
      }
    });
  }
}

export function emptySheet(name: string, cells: Record<string, CellState> = {}): SheetState {
  return { name, cells, columnWidths: {}, charts: [], names: [] };
}

// ---- proxies ------------------------------------------------------------------------------------

class FakeContext {
  readonly queue: Operation[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void; calculate(calculationType: string): void };

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.enqueue({ kind: 'Application.suspendApiCalculationUntilNextSync', apply: () => undefined }),
      calculate: (calculationType: string) => this.enqueue({ kind: 'Application.calculate', payload: calculationType, apply: () => undefined }),
    };
  }

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  sync(): Promise<void> {
    return this.host.sync(this);
  }
}

/** A value available once loaded and synced. */
class Loaded<T> {
  private value?: { v: T };
  constructor(private readonly what: string) {}
  set(v: T): void {
    this.value = { v };
  }
  get(): T {
    if (!this.value) throw new FakeOfficeError('PropertyNotLoaded', `The property '${this.what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.value.v;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context, undefined);
  }
}

class FakeWorksheetCollection {
  private readonly loadedItems = new Loaded<Array<{ name: string }>>('items');
  constructor(private readonly context: FakeContext) {}

  get items(): Array<{ name: string }> {
    return this.loadedItems.get();
  }

  load(props: string): this {
    const host = this.context.host;
    this.context.enqueue({ kind: 'load', payload: props, apply: () => this.loadedItems.set(host.state.sheets.map((s) => ({ name: s.name }))) });
    return this;
  }

  add(name: string): FakeWorksheet {
    const host = this.context.host;
    let created: SheetState | undefined;
    this.context.enqueue({
      kind: 'Worksheets.add',
      sheet: name,
      payload: name,
      apply: () => {
        if (!a1.isValidSheetName(name)) throw new FakeOfficeError('InvalidArgument', `The sheet name "${name}" is not valid.`);
        if (host.findSheet(name)) throw new FakeOfficeError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
        created = emptySheet(name);
        host.state.sheets.push(created);
      },
    });
    return new FakeWorksheet(this.context, () => {
      if (!created || !host.state.sheets.includes(created)) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn’t exist.');
      return created;
    });
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.context.host.findSheetByKey(key);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn’t exist.');
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return this.getItem(name);
  }

  getActiveWorksheet(): FakeWorksheet {
    const host = this.context.host;
    return new FakeWorksheet(this.context, () => host.sheet(host.state.activeSheet));
  }
}

class FakeWorksheet {
  private readonly loadedName = new Loaded<string>('name');
  private readonly loadedId = new Loaded<string>('id');
  private readonly loadedNull = new Loaded<boolean>('isNullObject');
  readonly names: FakeNamedItemCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: { freezeAt(range: FakeRange | string): void; freezeRows(n: number): void; freezeColumns(n: number): void };
  readonly protection: { protect(options?: Record<string, unknown>, password?: string): void };

  constructor(
    readonly context: FakeContext,
    readonly locate: () => SheetState,
  ) {
    this.names = new FakeNamedItemCollection(context, this);
    this.charts = new FakeChartCollection(context, this);
    const freeze = (kind: string, payload: unknown, rows: () => number, columns: () => number) =>
      this.context.enqueue({ kind, payload, apply: () => (this.locate().freeze = { rows: rows(), columns: columns() }) });
    this.freezePanes = {
      freezeAt: (range) => {
        const address = typeof range === 'string' ? range : range.address;
        const ref = () => a1.parseRange(address);
        freeze('FreezePanes.freezeAt', address, () => ref().end.row + 1, () => ref().end.col + 1);
      },
      freezeRows: (n) => freeze('FreezePanes.freezeRows', n, () => n, () => 0),
      freezeColumns: (n) => freeze('FreezePanes.freezeColumns', n, () => 0, () => n),
    };
    this.protection = {
      protect: (options, password) =>
        this.context.enqueue({
          kind: 'WorksheetProtection.protect',
          payload: options,
          apply: () => {
            const sheet = this.locate();
            if (sheet.protection) throw new FakeOfficeError('InvalidOperation', 'The worksheet is already protected.');
            sheet.protection = { ...(options ? { options } : {}), ...(password !== undefined ? { password } : {}) };
          },
        }),
    };
  }

  get name(): string {
    return this.loadedName.get();
  }

  get id(): string {
    return this.loadedId.get();
  }

  get isNullObject(): boolean {
    return this.loadedNull.get();
  }

  load(props: string): this {
    this.context.enqueue({
      kind: 'load',
      payload: props,
      apply: () => {
        let sheet: SheetState | undefined;
        try {
          sheet = this.locate();
        } catch (error) {
          if (!props.includes('isNullObject')) throw error;
        }
        this.loadedNull.set(sheet === undefined);
        if (sheet) {
          this.loadedName.set(sheet.name);
          this.loadedId.set(this.context.host.idOf(sheet));
        }
      },
    });
    return this;
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, this, address);
  }

  activate(): void {
    const host = this.context.host;
    this.context.enqueue({ kind: 'Worksheet.activate', apply: () => (host.state.activeSheet = this.locate().name) });
  }

  delete(): void {
    const host = this.context.host;
    this.context.enqueue({
      kind: 'Worksheet.delete',
      apply: () => {
        const sheet = this.locate();
        const state = host.state;
        if (state.sheets.length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        const index = state.sheets.indexOf(sheet);
        state.sheets.splice(index, 1);
        // Workbook names that referred to the sheet now refer to #REF!.
        const prefix = `=${quoteSheet(sheet.name)}!`;
        for (const n of state.names) if (n.reference.startsWith(prefix)) n.reference = `=#REF!${n.reference.slice(prefix.length)}`;
        if (fold(state.activeSheet) === fold(sheet.name)) state.activeSheet = state.sheets[Math.max(0, index - 1)].name;
      },
    });
  }
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(address: string): string {
  return a1.rangeText(a1.parseRange(address), true);
}

class FakeRange {
  readonly format: FakeRangeFormat;
  constructor(
    readonly context: FakeContext,
    readonly worksheet: FakeWorksheet,
    readonly address: string,
  ) {
    this.format = new FakeRangeFormat(this);
  }

  /** Queues an operation on every cell of the range. */
  enqueueCells(kind: string, payload: unknown, apply: (cell: CellState, row: number, col: number, sheet: SheetState) => void, check?: (rows: number, columns: number) => void): void {
    this.context.enqueue({
      kind,
      address: this.address,
      payload,
      apply: () => {
        const sheet = this.worksheet.locate();
        const ref = a1.parseRange(this.address);
        const { rows, columns } = a1.rangeSize(ref);
        check?.(rows, columns);
        for (const { row, col } of a1.rangeCells(ref)) {
          const key = a1.formatCell(row, col);
          const cell = (sheet.cells[key] ??= {});
          apply(cell, row - ref.start.row, col - ref.start.col, sheet);
          if (Object.keys(cell).length === 0) delete sheet.cells[key];
        }
      },
    });
  }

  private matrix(kind: string, value: unknown[][], apply: (cell: CellState, v: unknown) => void): void {
    this.enqueueCells(
      kind,
      value,
      (cell, r, c) => apply(cell, value[r][c]),
      (rows, columns) => {
        if (value.length !== rows || value.some((row) => row.length !== columns)) {
          throw new FakeOfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
        }
      },
    );
  }

  set numberFormat(value: unknown[][]) {
    this.matrix('Range.numberFormat', value, (cell, v) => {
      if (v === null) return;
      cell.numberFormat = String(v);
    });
  }

  set formulas(value: unknown[][]) {
    this.matrix('Range.formulas', value, (cell, v) => enter(cell, v));
  }

  set values(value: unknown[][]) {
    this.matrix('Range.values', value, (cell, v) => enter(cell, v));
  }

  set hyperlink(value: { address?: string; textToDisplay?: string }) {
    this.enqueueCells('Range.hyperlink', value, (cell, r, c) => {
      cell.hyperlink = { ...value };
      if (r === 0 && c === 0 && value.textToDisplay !== undefined) enter(cell, value.textToDisplay);
    });
  }
}

/** A value typed into a cell, read the way Excel reads entry. */
function enter(cell: CellState, v: unknown): void {
  delete cell.formula;
  delete cell.quotePrefix;
  delete cell.coercedFrom;
  if (v === null || v === undefined) return;
  if (v === '') return;
  if (typeof v === 'string' && v.startsWith("'")) {
    cell.formula = v.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (typeof v === 'string' && cell.numberFormat !== '@' && !v.startsWith('=')) {
    const trimmed = v.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(trimmed)) {
      cell.formula = Number(trimmed.replace('%', '')) / (trimmed.endsWith('%') ? 100 : 1);
      cell.coercedFrom = v;
      return;
    }
    if (/^(true|false)$/i.test(trimmed)) {
      cell.formula = /^true$/i.test(trimmed);
      cell.coercedFrom = v;
      return;
    }
    if (/^\d{4}-\d{1,2}(-\d{1,2})?$/.test(trimmed) || /^\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?$/.test(trimmed)) {
      cell.formula = 45000; // some date serial
      cell.coercedFrom = v;
      return;
    }
  }
  cell.formula = v as string | number | boolean;
}

class FakeRangeFormat {
  readonly font: Record<'color' | 'bold' | 'italic' | 'size', unknown>;
  readonly fill: { color: string };
  readonly borders: { getItem(index: string): Record<'style' | 'weight' | 'color', string> };
  readonly protection: { locked: boolean };

  constructor(private readonly range: FakeRange) {
    this.font = setterObject(['color', 'bold', 'italic', 'size'], (prop, value) =>
      range.enqueueCells(`RangeFont.${prop}`, value, (cell) => ((cell.font ??= {}) as Record<string, unknown>)[prop] = value),
    ) as FakeRangeFormat['font'];
    this.protection = setterObject(['locked'], (_, value) => range.enqueueCells('RangeFormatProtection.locked', value, (cell) => (cell.locked = Boolean(value)))) as {
      locked: boolean;
    };
    this.fill = setterObject(['color'], (_, value) => range.enqueueCells('RangeFill.color', value, (cell) => (cell.fill = String(value)))) as { color: string };
    this.borders = {
      getItem: (index: string) => {
        if (index !== 'EdgeBottom' && index !== 'InsideHorizontal') throw new Error(`fake: border ${index} not modelled`);
        return setterObject(['style', 'weight', 'color'], (prop, value) => {
          let last = 0;
          range.enqueueCells(
            `RangeBorder.${prop}`,
            { index, value },
            (cell, r) => {
              if (index === 'EdgeBottom' ? r === last : r < last) ((cell.borderBottom ??= {}) as Record<string, unknown>)[prop] = value;
            },
            (rows) => (last = rows - 1),
          );
        }) as Record<'style' | 'weight' | 'color', string>;
      },
    };
  }

  set wrapText(value: boolean) {
    this.range.enqueueCells('RangeFormat.wrapText', value, (cell) => (cell.wrap = value));
  }

  set columnWidth(value: number) {
    this.range.enqueueCells('RangeFormat.columnWidth', value, (_cell, _r, c, sheet) => {
      const ref = a1.parseRange(this.range.address);
      sheet.columnWidths[a1.columnLetters(ref.start.col + c)] = value;
    });
  }
}

/** An object whose listed properties, when set, call `onSet` (reading them is not modelled). */
function setterObject(props: readonly string[], onSet: (prop: string, value: unknown) => void): object {
  const target = {};
  for (const prop of props) {
    Object.defineProperty(target, prop, {
      set: (value: unknown) => onSet(prop, value),
      get: () => {
        throw new Error(`fake: reading ${prop} is not modelled`);
      },
    });
  }
  return target;
}

class FakeNamedItemCollection {
  private readonly loadedItems = new Loaded<Array<{ name: string }>>('items');
  constructor(
    private readonly context: FakeContext,
    /** undefined: the workbook's names. */
    private readonly worksheet: FakeWorksheet | undefined,
  ) {}

  private list(): NameState[] {
    return this.worksheet ? this.worksheet.locate().names : this.context.host.state.names;
  }

  get items(): Array<{ name: string }> {
    return this.loadedItems.get();
  }

  load(props: string): this {
    this.context.enqueue({ kind: 'load', payload: props, apply: () => this.loadedItems.set(this.list().map((n) => ({ name: n.name }))) });
    return this;
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this.context.enqueue({
      kind: this.worksheet ? 'Worksheet.names.add' : 'NamedItems.add',
      address: typeof reference === 'string' ? reference : reference.address,
      payload: { name, reference: typeof reference === 'string' ? reference : reference.address, comment },
      apply: () => {
        if (!a1.isValidName(name)) throw new FakeOfficeError('InvalidArgument', `The name "${name}" is not valid.`);
        const list = this.list();
        if (list.some((n) => fold(n.name) === fold(name))) throw new FakeOfficeError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
        const ref = typeof reference === 'string' ? reference : `=${quoteSheet(reference.worksheet.locate().name)}!${absolute(reference.address)}`;
        list.push({ name, reference: ref, ...(comment !== undefined ? { comment } : {}) });
      },
    });
    return this.getItemOrNullObject(name);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.list().find((n) => fold(n.name) === fold(name)), () => this.list());
  }
}

class FakeNamedItem {
  private readonly loadedNull = new Loaded<boolean>('isNullObject');
  private readonly loadedName = new Loaded<string>('name');
  constructor(
    private readonly context: FakeContext,
    private readonly find: () => NameState | undefined,
    private readonly list: () => NameState[],
  ) {}

  get isNullObject(): boolean {
    return this.loadedNull.get();
  }

  get name(): string {
    return this.loadedName.get();
  }

  load(props: string): this {
    this.context.enqueue({
      kind: 'load',
      payload: props,
      apply: () => {
        const item = this.find();
        if (!item && !props.includes('isNullObject')) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn’t exist.');
        this.loadedNull.set(item === undefined);
        if (item) this.loadedName.set(item.name);
      },
    });
    return this;
  }

  delete(): void {
    this.context.enqueue({
      kind: 'NamedItem.delete',
      apply: () => {
        const item = this.find();
        if (!item) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn’t exist.');
        const list = this.list();
        list.splice(list.indexOf(item), 1);
      },
    });
  }
}

class FakeChartCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartState | undefined;
    this.context.enqueue({
      kind: 'Charts.add',
      address: source.address,
      payload: { type, source: source.address, seriesBy },
      apply: () => {
        if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `fake: chart type ${type}`);
        const sheet = this.worksheet.locate();
        if (source.worksheet.locate() !== sheet) throw new Error('fake: chart source on another sheet');
        const ref = a1.parseRange(source.address);
        // One series per column of the source (seriesBy Columns) or per row (Rows), named Series1, Series2 …
        const series: SeriesState[] = [];
        if (seriesBy === 'Rows') {
          for (let r = ref.start.row; r <= ref.end.row; r++) series.push({ name: `Series${series.length + 1}`, values: a1.formatRange(r, ref.start.col, r, ref.end.col) });
        } else {
          for (let c = ref.start.col; c <= ref.end.col; c++) series.push({ name: `Series${series.length + 1}`, values: a1.formatRange(ref.start.row, c, ref.end.row, c) });
        }
        created = { name: `Chart ${sheet.charts.length + 1}`, type, source: source.address, ...(seriesBy ? { seriesBy } : {}), series };
        sheet.charts.push(created);
      },
    });
    return new FakeChart(this.context, this.worksheet, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn’t exist.');
      return created;
    });
  }
}

class FakeChart {
  readonly title: object;
  readonly legend: object;
  readonly axes: { categoryAxis: { title: object }; valueAxis: { title: object; numberFormat: string } };
  readonly series: { getItemAt(index: number): FakeSeries; add(name?: string): FakeSeries };

  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly locate: () => ChartState,
  ) {
    this.title = setterObject(['text', 'visible'], (prop, value) =>
      context.enqueue({ kind: `ChartTitle.${prop}`, payload: value, apply: () => (((locate().title ??= {}) as Record<string, unknown>)[prop] = value) }),
    );
    this.legend = setterObject(['position', 'visible'], (prop, value) =>
      context.enqueue({ kind: `ChartLegend.${prop}`, payload: value, apply: () => (((locate().legend ??= {}) as Record<string, unknown>)[prop] = value) }),
    );
    const axisTitle = (axis: 'categoryAxis' | 'valueAxis') =>
      setterObject(['text', 'visible'], (prop, value) =>
        context.enqueue({
          kind: `ChartAxisTitle.${prop}`,
          payload: value,
          apply: () => {
            const state = (locate()[axis] ??= {});
            ((state.title ??= {}) as Record<string, unknown>)[prop] = value;
          },
        }),
      );
    const valueAxis = { title: axisTitle('valueAxis') } as { title: object; numberFormat: string };
    Object.defineProperty(valueAxis, 'numberFormat', {
      set: (value: string) => context.enqueue({ kind: 'ChartAxis.numberFormat', payload: value, apply: () => ((locate().valueAxis ??= {}).numberFormat = value) }),
    });
    this.axes = { categoryAxis: { title: axisTitle('categoryAxis') }, valueAxis };
    this.series = {
      getItemAt: (index: number) =>
        new FakeSeries(context, worksheet, () => {
          const s = locate().series[index];
          if (!s) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn’t exist.');
          return s;
        }),
      add: (name?: string) => {
        let created: SeriesState | undefined;
        context.enqueue({
          kind: 'ChartSeries.add',
          payload: name,
          apply: () => {
            created = { name: name ?? `Series${locate().series.length + 1}` };
            locate().series.push(created);
          },
        });
        return new FakeSeries(context, worksheet, () => {
          if (!created) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn’t exist.');
          return created;
        });
      },
    };
  }

  set name(value: string) {
    this.context.enqueue({ kind: 'Chart.name', payload: value, apply: () => (this.locate().name = value) });
  }

  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    const address = (r: FakeRange | string) => (typeof r === 'string' ? r : r.address);
    this.context.enqueue({
      kind: 'Chart.setPosition',
      payload: [address(start), end && address(end)],
      apply: () => {
        a1.parseCell(address(start));
        this.locate().position = { start: address(start), ...(end ? { end: address(end) } : {}) };
      },
    });
  }
}

class FakeSeries {
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly locate: () => SeriesState,
  ) {}

  private range(kind: string, range: FakeRange, apply: (s: SeriesState, address: string) => void): void {
    this.context.enqueue({
      kind,
      address: range.address,
      payload: range.address,
      apply: () => {
        if (range.worksheet.locate() !== this.worksheet.locate()) throw new Error('fake: series data on another sheet');
        a1.parseRange(range.address);
        apply(this.locate(), range.address);
      },
    });
  }

  setValues(range: FakeRange): void {
    this.range('ChartSeries.setValues', range, (s, address) => (s.values = address));
  }

  setXAxisValues(range: FakeRange): void {
    this.range('ChartSeries.setXAxisValues', range, (s, address) => (s.xValues = address));
  }

  set name(value: string) {
    this.context.enqueue({ kind: 'ChartSeries.name', payload: value, apply: () => (this.locate().name = value) });
  }
}
