/**
 * The formula template language of the presets: a parser (template text → segments, each
 * reference a small AST node) and an interpreter that turns a reference into an A1 address through
 * a `TemplateLookup`, so it knows nothing of how the builder lays a sheet out.
 *
 * Grammar (whitespace inside the braces is ignored; a `{` or `}` that does not enclose a
 * reference free of braces is plain text; everything outside the braces is left as it is):
 *
 *     template   := ( text | '{' reference '}' )*
 *     reference  := '#'                                  row or column number in a table or grid axis: 3
 *                 | 'row' | 'col'                        in a grid cell: its row's axis cell $A25, its column's C$24
 *                 | 'str:' key                           a catalogue text as a string literal, quotes doubled: "Bubble"
 *                 | '.' column                           in a table: this row's cell of another column, relative: C22
 *                 | id '[' digits ',' digits ']'         a cell of a spilled block, 0-based from its anchor: $C$41
 *                 | id                                   the value cell of an input, calculation, output or check: $B$12
 *                 | id '.' member [ '.' part ]           a table or grid part, below
 *     table part := column                               the column's data rows: $C$20:$C$29
 *                 | column '@'                           in a table: the same row index of this other table: C22
 *                 | column '.' ( 'first' | 'last' | 'total' )   one cell of the column: $C$20
 *                 | column '.' digits                  its n-th data row (1-based): {t.value.3} $C$22
 *                 | column '.' 'head'                  its header cell (the row above the data): $C$19
 *     grid part  := 'rows' | 'lead' '.' column           the row-axis column, a lead column
 *                 | ( 'col' | 'head' ) '.' n             matrix column n (1-based), its header cell
 *
 * An id names a table first, then a grid. Parsing fails only for a reference that cannot be one
 * (`{a.b.c.d}`, `{x[1]}`); whether a name exists and fits the place is the interpreter's
 * question. Every error says which reference in which template, and why.
 */
import { formatCell, formatRange } from './a1';

// ---- syntax -------------------------------------------------------------------------------

export type Reference =
  | { readonly kind: 'index' }
  | { readonly kind: 'gridRow' }
  | { readonly kind: 'gridCol' }
  | { readonly kind: 'string'; readonly key: string }
  | { readonly kind: 'sameRow'; readonly column: string }
  | { readonly kind: 'spill'; readonly id: string; readonly row: number; readonly col: number }
  | { readonly kind: 'scalar'; readonly id: string }
  | { readonly kind: 'member'; readonly id: string; readonly member: string; readonly part?: string };

export type Segment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'reference'; readonly source: string; readonly reference: Reference };

/** A template that breaks the grammar, or a reference that does not resolve where it stands. */
export class TemplateError extends Error {
  constructor(
    readonly source: string,
    readonly template: string,
    readonly why: string,
  ) {
    super(`cannot resolve {${source}} in ${template}: ${why}`);
    this.name = 'TemplateError';
  }
}

const REFERENCE = /\{([^{}]+)\}/g;
const SPILL = /^(\w+)\[(\d+),(\d+)\]$/;

/** The template as text and references, in order. */
export function parseTemplate(template: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of template.matchAll(REFERENCE)) {
    if (match.index > at) segments.push({ kind: 'text', text: template.slice(at, match.index) });
    const source = match[1].trim();
    segments.push({ kind: 'reference', source, reference: parseReference(source, template) });
    at = match.index + match[0].length;
  }
  if (at < template.length) segments.push({ kind: 'text', text: template.slice(at) });
  return segments;
}

/** One reference, the text between the braces without its surrounding whitespace. */
export function parseReference(source: string, template = `{${source}}`): Reference {
  if (source === '#') return { kind: 'index' };
  if (source === 'row') return { kind: 'gridRow' };
  if (source === 'col') return { kind: 'gridCol' };
  if (source.startsWith('str:')) return { kind: 'string', key: source.slice(4) };
  if (source.startsWith('.')) return { kind: 'sameRow', column: source.slice(1) };
  const spill = SPILL.exec(source);
  if (spill) return { kind: 'spill', id: spill[1], row: Number(spill[2]), col: Number(spill[3]) };
  if (/[[\]]/.test(source)) throw new TemplateError(source, template, 'a spilled-block cell is id[row,column] with 0-based whole numbers');
  const parts = source.split('.');
  if (parts.length === 1) return { kind: 'scalar', id: source };
  if (parts.length > 3) throw new TemplateError(source, template, 'at most id.member.part');
  if (parts.some((p) => p === '')) throw new TemplateError(source, template, 'an empty name');
  const [id, member, part] = parts;
  return part === undefined ? { kind: 'member', id, member } : { kind: 'member', id, member, part };
}

// ---- meaning ------------------------------------------------------------------------------

/** A laid-out table: its columns' indexes, its data rows, its totals row. Rows and columns 0-based. */
export interface TableLayout {
  readonly columns: ReadonlyMap<string, number>;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRow?: number;
}

/** A laid-out grid: header row, data rows, lead columns' indexes, first matrix column and how many. */
export interface GridLayout {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly lead: ReadonlyMap<string, number>;
  readonly firstMatrixCol: number;
  readonly matrixColumns: number;
}

export interface Position {
  readonly row: number;
  readonly col: number;
}

/** What the interpreter asks of the sheet: where each named thing is, and the catalogue's texts. */
export interface TemplateLookup {
  scalar(id: string): Position | undefined;
  table(id: string): TableLayout | undefined;
  grid(id: string): GridLayout | undefined;
  /** The anchor (top-left cell) of a spilled block. */
  spill(id: string): Position | undefined;
  message(key: string): string;
}

/** Where a template stands: in a table row, on a grid axis or in a grid cell, or at top level. */
export interface TemplateScope {
  readonly table?: TableLayout;
  /** 0-based row index within the table. */
  readonly rowIndex?: number;
  /** Sheet row of the cell (0-based). */
  readonly row?: number;
  readonly grid?: GridLayout;
  /** Sheet column of the grid cell (0-based). */
  readonly col?: number;
  /** The 1-based number `{#}` stands for. */
  readonly index?: number;
}

/** The template with every reference replaced by its address or text. */
export function resolveTemplate(template: string, scope: TemplateScope, lookup: TemplateLookup): string {
  let out = '';
  for (const segment of parseTemplate(template)) {
    out += segment.kind === 'text' ? segment.text : resolveReference(segment.reference, scope, lookup, (why) => new TemplateError(segment.source, template, why));
  }
  return out;
}

/** One reference's address or text; `error(why)` builds the error to throw. */
export function resolveReference(ref: Reference, scope: TemplateScope, lookup: TemplateLookup, error: (why: string) => Error): string {
  const fail = (why: string): never => {
    throw error(why);
  };
  switch (ref.kind) {
    case 'index':
      return scope.index !== undefined ? String(scope.index) : fail('no row number here');
    case 'gridRow':
      if (!scope.grid || scope.row === undefined) return fail('{row} is only for grid cells');
      return formatCell(scope.row, 0, { row: false, col: true });
    case 'gridCol':
      if (!scope.grid || scope.col === undefined) return fail('{col} is only for grid cells');
      return formatCell(scope.grid.headerRow, scope.col, { row: true, col: false });
    case 'string':
      return `"${lookup.message(ref.key).replace(/"/g, '""')}"`;
    case 'sameRow': {
      if (!scope.table || scope.row === undefined) return fail('same-row reference outside a table');
      const c = scope.table.columns.get(ref.column);
      return c === undefined ? fail('no such column') : formatCell(scope.row, c);
    }
    case 'spill': {
      const anchor = lookup.spill(ref.id);
      return anchor ? formatCell(anchor.row + ref.row, anchor.col + ref.col, true) : fail('no such spilled block');
    }
    case 'scalar': {
      const pos = lookup.scalar(ref.id);
      return pos ? formatCell(pos.row, pos.col, true) : fail('no such row');
    }
    case 'member': {
      const table = lookup.table(ref.id);
      if (table) return tablePart(table, ref.member, ref.part, scope, fail);
      const grid = lookup.grid(ref.id);
      if (grid) return gridPart(grid, ref.member, ref.part, fail);
      return fail('unknown id');
    }
  }
}

function tablePart(table: TableLayout, member: string, part: string | undefined, scope: TemplateScope, fail: (why: string) => never): string {
  const sameRow = member.endsWith('@');
  const c = table.columns.get(sameRow ? member.slice(0, -1) : member);
  if (c === undefined) return fail('no such column');
  if (sameRow) {
    if (scope.rowIndex === undefined) return fail('@ needs a table row');
    if (scope.rowIndex > table.lastRow - table.firstRow) return fail('the other table is shorter');
    return formatCell(table.firstRow + scope.rowIndex, c);
  }
  if (part === undefined) return formatRange(table.firstRow, c, table.lastRow, c, true);
  if (part === 'first') return formatCell(table.firstRow, c, true);
  if (part === 'last') return formatCell(table.lastRow, c, true);
  if (part === 'total') return table.totalRow !== undefined ? formatCell(table.totalRow, c, true) : fail('no totals row');
  if (part === 'head') return formatCell(table.firstRow - 1, c, true);
  if (/^\d+$/.test(part)) {
    const n = Number(part);
    return n >= 1 && n <= table.lastRow - table.firstRow + 1 ? formatCell(table.firstRow + n - 1, c, true) : fail('no such row in the table');
  }
  return fail('unknown part');
}

function gridPart(grid: GridLayout, member: string, part: string | undefined, fail: (why: string) => never): string {
  if (member === 'rows') return formatRange(grid.firstRow, 0, grid.lastRow, 0, true);
  if (member === 'lead') {
    const c = part === undefined ? undefined : grid.lead.get(part);
    return c === undefined ? fail('no such lead column') : formatRange(grid.firstRow, c, grid.lastRow, c, true);
  }
  const n = Number(part);
  if (!Number.isInteger(n) || n < 1 || n > grid.matrixColumns) return fail('no such grid column');
  const c = grid.firstMatrixCol + n - 1;
  if (member === 'col') return formatRange(grid.firstRow, c, grid.lastRow, c, true);
  if (member === 'head') return formatCell(grid.headerRow, c, true);
  return fail('unknown grid part');
}
