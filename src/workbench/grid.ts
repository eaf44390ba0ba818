/**
 * The grid of the active sheet: column letters and row numbers, every cell's value in its number
 * format and the plan's look (blue inputs on yellow, bold outputs on green …), column widths,
 * frozen rows and columns, text overflowing into empty neighbours as in Excel, the plan's charts
 * drawn over the cells they cover, a selected cell (click, arrow keys, Tab, Home, Page Up/Down, and
 * as in Excel Ctrl+Arrow to the edge of the data, Ctrl+Home / Ctrl+End to the first and last cell,
 * Ctrl+Page Up/Down to the previous and next sheet) and a cell editor (double-click, Enter, F2 or
 * typing; Enter or Tab confirms, Esc cancels, Delete clears; Ctrl+Z undoes, Ctrl+Y redoes).
 * Confirmed input goes to the engine (book.setInput); the view then re-renders every cell from the
 * engine's values. Overwriting a formula of a Calculations or Outputs block asks first; a locked
 * cell of a protected sheet is refused.
 */
import type { EngineScalar } from '../engine';
import { formatMessage as text } from '../i18n';
import type { Messages } from '../i18n';
import { a1 } from '../scenarios';
import type { ChartPlan, StyleLook } from '../scenarios';
import { renderChart } from './chart';
import type { ChartData } from './chart';
import { columnPixels, element, mark } from './dom';
import { displayValue } from './format';
import { cellKey, DEFAULT_COLUMN_WIDTH } from './bookView';
import type { BookView } from './bookView';
import type { EditOutcome, SheetModel } from './workbook';

const ROW_HEADER_WIDTH = 46;
/**
 * Rows laid out at once when a sheet is shown (more than a 1,200 px tall window holds); the rest are
 * in the DOM but hidden until after the first paint, so a large preset appears sooner (the browser
 * test prints both times). Selecting a cell among them shows them at once.
 */
const FIRST_ROWS = 60;
/** Font size of the grid in px for Excel's 11 pt. */
const BASE_FONT_PX = 12;
const BORDER_COLOUR = '#808080';
/** z-index layers: cells < frozen columns < charts (they float over the cells they cover) < frozen rows < headers < editor. */
const Z = { overflow: 1, chart: 1500, frozenColumn: 1000, frozenRow: 2000, frozenBoth: 3000, rowHeader: 4000, frozenRowHeader: 4500, columnHeader: 5000, corner: 5500 };

export interface GridHooks {
  /** The selection moved (or the sheet changed): address like `B15`. */
  onSelect?(row: number, col: number): void;
  /** Input the engine refused, or another problem to show. */
  onError?(message: string): void;
  /** A cell was changed through the editor, or an edit undone or redone: what changed. */
  onEdited?(outcome: EditOutcome, how: 'edit' | 'undo' | 'redo'): void;
  /** Something to say that is not an error (an overwrite the user declined, nothing to undo). */
  onInfo?(message: string): void;
  /** Asks the user a yes/no question (default: window.confirm). */
  confirm?(question: string): boolean;
}

interface CellNode {
  readonly td: HTMLTableCellElement;
  readonly content: HTMLDivElement;
}

export class GridView {
  /** The scroll container (focusable; it handles the keyboard). */
  readonly root: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private readonly charts: HTMLDivElement;
  private readonly editor: HTMLInputElement;
  private table?: HTMLTableElement;
  private cells: CellNode[][] = [];
  private columnHeads: HTMLTableCellElement[] = [];
  private rowHeads: HTMLTableCellElement[] = [];
  private widths: number[] = [];
  private rows = 0;
  private columns = 0;
  private sheetId = -1;
  private selection = { row: 0, col: 0 };
  /** The selected cell of each sheet, kept while another sheet is shown. */
  private readonly selections = new Map<number, { row: number; col: number }>();
  private editing?: { row: number; col: number };
  /** Rows below FIRST_ROWS not shown yet (see FIRST_ROWS), and the render they belong to. */
  private pendingRows?: HTMLTableSectionElement;
  private renderCount = 0;

  constructor(
    private readonly book: BookView,
    private readonly messages: Messages,
    private readonly hooks: GridHooks = {},
  ) {
    this.root = element('div', 'wb-grid-scroll');
    this.root.id = 'wb-grid';
    this.root.tabIndex = 0;
    this.root.setAttribute('role', 'grid');
    this.canvas = element('div', 'wb-grid-canvas');
    this.charts = element('div', 'wb-charts');
    this.editor = element('input', 'wb-editor');
    this.editor.type = 'text';
    this.editor.id = 'wb-editor';
    this.editor.hidden = true;
    this.editor.setAttribute('aria-label', text(messages, 'workbench.editor'));
    this.editor.spellcheck = false;
    this.editor.autocomplete = 'off';
    this.canvas.append(this.charts, this.editor);
    this.root.append(this.canvas);

    this.root.addEventListener('keydown', (event) => this.onKey(event));
    this.root.addEventListener('mousedown', (event) => {
      const cell = this.cellOf(event.target);
      if (!cell) return;
      if (this.editing) this.commit();
      this.select(cell.row, cell.col, false);
      event.preventDefault();
      this.root.focus({ preventScroll: true });
    });
    this.root.addEventListener('dblclick', (event) => {
      const cell = this.cellOf(event.target);
      if (cell) this.startEdit();
    });
    this.editor.addEventListener('keydown', (event) => this.onEditorKey(event));
    this.editor.addEventListener('blur', () => {
      if (this.editing) this.commit();
    });
  }

  get selected(): { row: number; col: number } {
    return { ...this.selection };
  }

  get selectedAddress(): string {
    return a1.formatCell(this.selection.row, this.selection.col);
  }

  /** Builds the grid of the active sheet. */
  render(): void {
    this.cancelEdit();
    const model = this.book.sheet(this.book.active);
    const changedSheet = model.id !== this.sheetId;
    this.sheetId = model.id;
    const used = this.book.usedSize(model.id);
    this.rows = Math.min(a1.MAX_ROWS, Math.max(used.rows + 6, 40));
    this.columns = Math.min(a1.MAX_COLUMNS, Math.max(used.columns + 2, 10));
    this.widths = Array.from({ length: this.columns }, (_, c) => columnPixels(model.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH));
    this.root.setAttribute('aria-label', text(this.messages, 'workbench.gridLabel', { sheet: model.name }));
    this.root.setAttribute('aria-rowcount', String(this.rows + 1));
    this.root.setAttribute('aria-colcount', String(this.columns + 1));

    const table = element('table', 'wb-grid');
    table.setAttribute('role', 'presentation');
    const colgroup = element('colgroup');
    const headCol = element('col');
    headCol.style.width = `${ROW_HEADER_WIDTH}px`;
    colgroup.append(headCol);
    for (const width of this.widths) {
      const col = element('col');
      col.style.width = `${width}px`;
      colgroup.append(col);
    }
    table.style.width = `${ROW_HEADER_WIDTH + this.widths.reduce((a, b) => a + b, 0)}px`;

    const thead = element('thead');
    const headRow = element('tr');
    headRow.setAttribute('role', 'row');
    const corner = element('th', 'wb-corner');
    corner.style.zIndex = String(Z.corner);
    headRow.append(corner);
    this.columnHeads = [];
    for (let c = 0; c < this.columns; c++) {
      const th = element('th', 'wb-colhead', a1.columnLetters(c));
      th.setAttribute('role', 'columnheader');
      th.style.zIndex = String(Z.columnHeader);
      this.columnHeads.push(th);
      headRow.append(th);
    }
    thead.append(headRow);

    const tbody = element('tbody');
    const rest = this.rows > FIRST_ROWS ? element('tbody') : undefined;
    if (rest) rest.hidden = true;
    this.cells = [];
    this.rowHeads = [];
    for (let r = 0; r < this.rows; r++) {
      const tr = element('tr');
      tr.setAttribute('role', 'row');
      const th = element('th', 'wb-rowhead', String(r + 1));
      th.setAttribute('role', 'rowheader');
      th.style.zIndex = String(r < model.freeze.rows ? Z.frozenRowHeader : Z.rowHeader);
      this.rowHeads.push(th);
      tr.append(th);
      const row: CellNode[] = [];
      for (let c = 0; c < this.columns; c++) {
        const td = element('td', 'wb-cell');
        const address = a1.formatCell(r, c);
        td.id = `wb-cell-${address}`;
        td.dataset.address = address;
        td.setAttribute('role', 'gridcell');
        applyLook(td, model.looks.get(cellKey(r, c)));
        const frozenRow = r < model.freeze.rows;
        const frozenColumn = c < model.freeze.columns;
        if (frozenRow || frozenColumn) {
          td.classList.add('wb-frozen');
          // Earlier cells above later ones, so text overflowing to the right stays visible.
          const layer = frozenRow && frozenColumn ? Z.frozenBoth : frozenRow ? Z.frozenRow : Z.frozenColumn;
          td.style.zIndex = String(layer + (this.columns - c));
        }
        if (c === model.freeze.columns - 1) td.classList.add('wb-freeze-right');
        if (r === model.freeze.rows - 1) td.classList.add('wb-freeze-bottom');
        const content = element('div', 'wb-text');
        td.append(content);
        tr.append(td);
        row.push({ td, content });
      }
      this.cells.push(row);
      (rest && r >= FIRST_ROWS ? rest : tbody).append(tr);
    }
    table.append(colgroup, thead, tbody, ...(rest ? [rest] : []));
    this.pendingRows = rest;
    const render = ++this.renderCount;
    // After the first rows are painted (the frame, then the task after it), the rest.
    if (rest) requestAnimationFrame(() => setTimeout(() => render === this.renderCount && this.showAllRows(), 0));
    this.table?.remove();
    this.canvas.prepend(table);
    this.table = table;

    if (changedSheet) this.selection = this.selections.get(model.id) ?? firstInput(model) ?? { row: 0, col: 0 };
    this.refresh();
    this.select(this.selection.row, this.selection.col, changedSheet);
    if (changedSheet) {
      this.root.scrollTop = 0;
      this.root.scrollLeft = 0;
    }
  }

  /** Re-renders every cell's text from the engine, then the frozen offsets and the charts. */
  refresh(): void {
    if (this.sheetId < 0) return;
    const model = this.book.sheet(this.sheetId);
    const values = this.book.values(this.sheetId);
    const shown: string[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const texts: string[] = [];
      for (let c = 0; c < this.columns; c++) {
        const value: EngineScalar = values[r]?.[c] ?? null;
        const display = displayValue(value, model.formats.get(cellKey(r, c)));
        const { td, content } = this.cells[r][c];
        if (content.textContent !== display.text) content.textContent = display.text;
        if (td.dataset.align !== display.align) td.dataset.align = display.align;
        if (display.error) td.title = display.error;
        else if (td.title) td.removeAttribute('title');
        td.classList.toggle('wb-error', display.error !== undefined);
        texts.push(display.text);
      }
      shown.push(texts);
    }
    this.layoutOverflow(shown);
    this.layoutFrozen(model);
    this.drawCharts(model);
  }

  /** Shows the rows kept hidden by render (see FIRST_ROWS) and draws the charts over them. */
  private showAllRows(): void {
    const rest = this.pendingRows;
    if (!rest) return;
    this.pendingRows = undefined;
    rest.hidden = false;
    this.drawCharts(this.book.sheet(this.sheetId));
    mark('rows:all');
  }

  /** Selects a cell and scrolls it into view. */
  select(row: number, col: number, scroll = true): void {
    if (row >= FIRST_ROWS) this.showAllRows();
    const r = clamp(row, 0, this.rows - 1);
    const c = clamp(col, 0, this.columns - 1);
    const previous = this.cells[this.selection.row]?.[this.selection.col];
    if (previous) {
      previous.td.classList.remove('wb-selected');
      previous.td.removeAttribute('aria-selected');
      this.columnHeads[this.selection.col]?.classList.remove('wb-head-active');
      this.rowHeads[this.selection.row]?.classList.remove('wb-head-active');
    }
    this.selection = { row: r, col: c };
    this.selections.set(this.sheetId, this.selection);
    const node = this.cells[r]?.[c];
    if (!node) return;
    node.td.classList.add('wb-selected');
    node.td.setAttribute('aria-selected', 'true');
    this.columnHeads[c]?.classList.add('wb-head-active');
    this.rowHeads[r]?.classList.add('wb-head-active');
    this.root.setAttribute('aria-activedescendant', node.td.id);
    if (scroll) this.scrollIntoView(node.td, r, c);
    this.hooks.onSelect?.(r, c);
  }

  /** Selects a cell by address (`B74`). */
  selectAddress(address: string): void {
    const cell = a1.tryParseCell(address);
    if (cell) this.select(cell.row, cell.col);
  }

  focus(): void {
    this.root.focus({ preventScroll: true });
  }

  /** Opens the editor on the selected cell, with its formula or value, or with `initial` replacing it. */
  startEdit(initial?: string): void {
    const { row, col } = this.selection;
    const node = this.cells[row]?.[col];
    if (!node) return;
    if (!this.book.isEditable(this.sheetId, row, col)) {
      this.hooks.onError?.(text(this.messages, 'workbench.protected', { cell: a1.formatCell(row, col) }));
      return;
    }
    this.editing = { row, col };
    this.editor.value = initial ?? this.book.inputText(this.sheetId, row, col);
    this.editor.style.left = `${node.td.offsetLeft}px`;
    this.editor.style.top = `${node.td.offsetTop}px`;
    this.editor.style.minWidth = `${node.td.offsetWidth}px`;
    this.editor.style.width = `${Math.max(node.td.offsetWidth, Math.min(480, (this.editor.value.length + 2) * 8))}px`;
    this.editor.style.height = `${node.td.offsetHeight}px`;
    this.editor.hidden = false;
    this.editor.focus({ preventScroll: true });
    const end = this.editor.value.length;
    this.editor.setSelectionRange(end, end);
  }

  /**
   * Enters `typed` into a cell through the engine; true if it went to the engine, whose answer
   * comes through the hooks (onEdited, or onError with the reason it refused). A locked cell of a
   * protected sheet is refused; a formula of a Calculations or Outputs block is replaced only once
   * the user confirms.
   */
  enter(row: number, col: number, typed: string): boolean {
    const address = a1.formatCell(row, col);
    if (!this.book.isEditable(this.sheetId, row, col)) {
      this.hooks.onError?.(text(this.messages, 'workbench.protected', { cell: address }));
      return false;
    }
    const block = this.book.guardedFormulaBlock(this.sheetId, row, col);
    if (block !== undefined) {
      const formula = this.book.formula(this.sheetId, row, col) ?? '';
      const ask = this.hooks.confirm ?? ((question: string) => window.confirm(question));
      if (!ask(text(this.messages, 'workbench.confirmOverwrite', { cell: address, block, formula }))) {
        this.hooks.onInfo?.(text(this.messages, 'workbench.overwriteCancelled', { cell: address }));
        return false;
      }
    }
    this.whenEdited(() => this.book.setInput(this.sheetId, row, col, typed), 'edit', address);
    return true;
  }

  /** Tells the hooks how an edit, undo or redo went once the engine has answered (at once, or from its worker). */
  private whenEdited(run: () => EditOutcome | undefined | Promise<EditOutcome | undefined>, how: 'edit' | 'undo' | 'redo', address: string): void {
    let answer: Promise<EditOutcome | undefined>;
    try {
      answer = Promise.resolve(run());
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (outcome) => {
        if (!outcome) {
          this.hooks.onInfo?.(text(this.messages, how === 'undo' ? 'workbench.nothingToUndo' : 'workbench.nothingToRedo'));
          return;
        }
        if (how !== 'edit') this.selectAddress(outcome.address);
        this.hooks.onEdited?.(outcome, how);
      },
      (error: unknown) => {
        // The engine refused the content (engine/limits.ts, a locked cell): the cell stays as it was.
        const reason = error instanceof Error && error.message ? error.message : text(this.messages, 'taskpane.error.unknown');
        this.hooks.onError?.(text(this.messages, 'workbench.editFailed', { cell: address, reason }));
      },
    );
  }

  private commit(): void {
    const editing = this.editing;
    if (!editing) return;
    this.editing = undefined;
    this.editor.hidden = true;
    const typed = this.editor.value;
    if (typed !== this.book.inputText(this.sheetId, editing.row, editing.col)) this.enter(editing.row, editing.col, typed);
  }

  private cancelEdit(): void {
    this.editing = undefined;
    this.editor.hidden = true;
  }

  private onEditorKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      const { row, col } = this.editing ?? this.selection;
      this.commit();
      if (event.key === 'Enter') this.select(row + (event.shiftKey ? -1 : 1), col);
      else this.select(row, col + (event.shiftKey ? -1 : 1));
      this.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancelEdit();
      this.focus();
    } else {
      event.stopPropagation();
    }
  }

  /** Undoes (or redoes) the last edit and selects its cell; says so when there is nothing to undo. */
  undo(how: 'undo' | 'redo'): void {
    this.whenEdited(() => (how === 'undo' ? this.book.undo() : this.book.redo()), how, this.selectedAddress);
  }

  /** Where Ctrl+Arrow goes, as in Excel: to the last filled cell of the run it is in, else to the next filled cell, else to the edge. */
  private dataEdge(dRow: number, dCol: number): [number, number] {
    const values = this.book.values(this.sheetId);
    const filled = (r: number, c: number) => {
      const value = values[r]?.[c] ?? null;
      return value !== null && value !== '';
    };
    const inside = (r: number, c: number) => r >= 0 && c >= 0 && r < this.rows && c < this.columns;
    let { row: r, col: c } = this.selection;
    if (!inside(r + dRow, c + dCol)) return [r, c];
    if (filled(r, c) && filled(r + dRow, c + dCol)) {
      while (inside(r + dRow, c + dCol) && filled(r + dRow, c + dCol)) [r, c] = [r + dRow, c + dCol];
      return [r, c];
    }
    do [r, c] = [r + dRow, c + dCol];
    while (inside(r + dRow, c + dCol) && !filled(r, c));
    return [r, c];
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editing || event.target === this.editor) return;
    const { row, col } = this.selection;
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (ctrl && !event.altKey && (key === 'z' || key === 'y')) {
      event.preventDefault();
      this.undo(key === 'y' || event.shiftKey ? 'redo' : 'undo');
      return;
    }
    if (ctrl && (key === 'PageUp' || key === 'PageDown')) {
      event.preventDefault();
      const sheets = this.book.sheets;
      const next = sheets[sheets.findIndex((s) => s.id === this.sheetId) + (key === 'PageUp' ? -1 : 1)];
      if (next) this.book.activate(next.id);
      return;
    }
    const page = Math.max(1, Math.floor(this.root.clientHeight / 21) - 2);
    const model = this.book.sheet(this.sheetId);
    const used = this.book.usedSize(this.sheetId);
    const moves: Record<string, () => [number, number]> = ctrl
      ? {
          ArrowUp: () => this.dataEdge(-1, 0),
          ArrowDown: () => this.dataEdge(1, 0),
          ArrowLeft: () => this.dataEdge(0, -1),
          ArrowRight: () => this.dataEdge(0, 1),
          // The first cell below and right of the frozen panes, and the last cell of the used range.
          Home: () => [model.freeze.rows, model.freeze.columns],
          End: () => [Math.max(0, used.rows - 1), Math.max(0, used.columns - 1)],
        }
      : {
          ArrowUp: () => [row - 1, col],
          ArrowDown: () => [row + 1, col],
          ArrowLeft: () => [row, col - 1],
          ArrowRight: () => [row, col + 1],
          PageUp: () => [row - page, col],
          PageDown: () => [row + page, col],
          Home: () => [row, 0],
          Tab: () => [row, col + (event.shiftKey ? -1 : 1)],
        };
    const move = moves[event.key]?.();
    if (move && !(event.key === 'Tab' && ((event.shiftKey && col === 0) || (!event.shiftKey && col === this.columns - 1)))) {
      event.preventDefault();
      this.select(move[0], move[1]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      if (event.key === 'Backspace') this.startEdit('');
      else if (this.book.inputText(this.sheetId, row, col) !== '') this.enter(row, col, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEdit(event.key);
    }
  }

  private cellOf(target: EventTarget | null): { row: number; col: number } | undefined {
    const td = target instanceof Element ? target.closest('td.wb-cell') : null;
    const address = td instanceof HTMLElement ? td.dataset.address : undefined;
    return address ? a1.tryParseCell(address) : undefined;
  }

  /** Keeps the selected cell clear of the frozen panes and the headers. */
  private scrollIntoView(td: HTMLElement, row: number, col: number): void {
    const model = this.book.sheet(this.sheetId);
    const headerHeight = this.table?.tHead?.offsetHeight ?? 0;
    const frozenHeight = row < model.freeze.rows ? 0 : this.frozenRowsHeight(model);
    const frozenWidth = col < model.freeze.columns ? 0 : this.widths.slice(0, model.freeze.columns).reduce((a, b) => a + b, 0);
    const top = td.offsetTop - headerHeight - frozenHeight;
    const bottom = td.offsetTop + td.offsetHeight - this.root.clientHeight;
    if (row >= model.freeze.rows) {
      if (this.root.scrollTop > top) this.root.scrollTop = top;
      else if (this.root.scrollTop < bottom) this.root.scrollTop = bottom;
    }
    const left = td.offsetLeft - ROW_HEADER_WIDTH - frozenWidth;
    const right = td.offsetLeft + td.offsetWidth - this.root.clientWidth;
    if (col >= model.freeze.columns) {
      if (this.root.scrollLeft > left) this.root.scrollLeft = left;
      else if (this.root.scrollLeft < right) this.root.scrollLeft = right;
    }
  }

  private frozenRowsHeight(model: SheetModel): number {
    let height = 0;
    for (let r = 0; r < Math.min(model.freeze.rows, this.rows); r++) height += this.cells[r][0].td.offsetHeight;
    return height;
  }

  /** Text that does not wrap runs on over empty cells to its right, as in Excel, and is cut at the next filled one. */
  private layoutOverflow(shown: string[][]): void {
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.columns; c++) {
        const { td, content } = this.cells[r][c];
        td.classList.remove('wb-spans', 'wb-spanned');
        content.style.removeProperty('width');
        content.style.removeProperty('z-index');
      }
      for (let c = 0; c < this.columns; c++) {
        const { td, content } = this.cells[r][c];
        if (shown[r][c] === '' || td.dataset.align !== 'left' || td.classList.contains('wb-wrap')) continue;
        let end = c;
        while (end + 1 < this.columns && shown[r][end + 1] === '') end++;
        if (end === c) continue;
        let width = 0;
        for (let k = c; k <= end; k++) width += this.widths[k];
        content.style.width = `${width - 7}px`;
        content.style.zIndex = String(Z.overflow);
        td.classList.add('wb-spans');
        for (let k = c; k < end; k++) this.cells[r][k].td.classList.add('wb-spanned');
        c = end;
      }
    }
  }

  /** Sticky offsets of the frozen rows and columns (rows are as tall as their content). */
  private layoutFrozen(model: SheetModel): void {
    // All reads first, then all writes: one layout, not one per frozen row.
    const headerHeight = this.table?.tHead?.offsetHeight ?? 0;
    const heights = this.cells.slice(0, Math.min(model.freeze.rows, this.rows)).map((row) => row[0].td.offsetHeight);
    let top = headerHeight;
    for (const [r, height] of heights.entries()) {
      for (const { td } of this.cells[r]) td.style.top = `${top}px`;
      this.rowHeads[r].style.top = `${top}px`;
      this.rowHeads[r].classList.add('wb-frozen');
      top += height;
    }
    let left = ROW_HEADER_WIDTH;
    for (let c = 0; c < Math.min(model.freeze.columns, this.columns); c++) {
      for (const row of this.cells) row[c].td.style.left = `${left}px`;
      left += this.widths[c];
    }
  }

  private drawCharts(model: SheetModel): void {
    this.charts.replaceChildren();
    if (this.pendingRows) return; // drawn once every row is laid out
    model.charts.forEach((chart, index) => {
      const start = a1.tryParseCell(chart.anchor.topLeft);
      const end = a1.tryParseCell(chart.anchor.bottomRight);
      if (!start || !end) return;
      // Positions from the layout, not from cells that may be stuck in a frozen pane.
      const scrolling = this.columns - 1;
      const first = this.cells[start.row]?.[scrolling]?.td;
      const last = this.cells[end.row]?.[scrolling]?.td;
      if (!first || !last || end.col >= this.columns) return;
      const offset = (col: number) => ROW_HEADER_WIDTH + this.widths.slice(0, col).reduce((a, b) => a + b, 0);
      const left = offset(start.col) + 4;
      const top = first.offsetTop + 4;
      const width = offset(end.col + 1) - offset(start.col) - 8;
      const height = last.offsetTop + last.offsetHeight - first.offsetTop - 8;
      if (width < 60 || height < 60) return;
      const box = element('figure', 'wb-chart');
      box.id = `wb-chart-${index}`;
      box.dataset.chart = chart.id;
      box.style.left = `${left}px`;
      box.style.top = `${top}px`;
      box.style.width = `${width}px`;
      box.style.height = `${height}px`;
      box.style.zIndex = String(Z.chart);
      box.append(renderChart(this.chartData(model, chart), width, height, text(this.messages, 'workbench.chartLabel', { title: chart.title })));
      this.charts.append(box);
    });
  }

  private chartData(model: SheetModel, chart: ChartPlan): ChartData {
    const values = this.book.values(model.id);
    const cellsOf = (range: string) => Array.from(a1.rangeCells(a1.parseRange(range)));
    const shown = (row: number, col: number) => displayValue(values[row]?.[col] ?? null, model.formats.get(cellKey(row, col))).text;
    return {
      type: chart.type,
      title: chart.title,
      categories: cellsOf(chart.categories).map(({ row, col }) => shown(row, col)),
      series: chart.series.map((s) => {
        const link = s.nameAddress ? a1.tryParseCell(s.nameAddress) : undefined;
        const linked = link ? shown(link.row, link.col) : '';
        return {
          name: linked !== '' ? linked : s.name,
          values: cellsOf(s.values).map(({ row, col }) => {
            const v = values[row]?.[col];
            return typeof v === 'number' ? v : null;
          }),
        };
      }),
      xAxisTitle: chart.xAxisTitle,
      yAxisTitle: chart.yAxisTitle,
      valueFormat: chart.valueFormat,
    };
  }
}

function applyLook(td: HTMLTableCellElement, look: StyleLook | undefined): void {
  if (!look) return;
  if (look.fontColor) td.style.color = look.fontColor;
  if (look.fill) {
    td.style.backgroundColor = look.fill;
    td.classList.add('wb-filled');
  }
  if (look.bold) td.style.fontWeight = '700';
  if (look.italic) td.style.fontStyle = 'italic';
  if (look.fontSize) td.style.fontSize = `${((look.fontSize * BASE_FONT_PX) / 11).toFixed(1)}px`;
  if (look.wrap) td.classList.add('wb-wrap');
  if (look.borderBottom) td.style.borderBottom = `1px solid ${BORDER_COLOUR}`;
}

/** The first input cell of a plan (where a user starts), if any. */
function firstInput(model: SheetModel): { row: number; col: number } | undefined {
  const address = model.plan?.inputs[0]?.address;
  return address ? a1.tryParseCell(address) : undefined;
}

function clamp(n: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, n));
}
