/**
 * One scenario's model once per value of one of its inputs, on one sheet: the timeline preset is
 * the funding sheet once per milestone date. Only what the chosen answers need is kept, and only
 * what depends on the varying input (the root) is copied; the rest (the other inputs, the ledger's
 * capacity and payments…) stands once and every copy refers to it, so one change of an assumption
 * moves every copy and the seed is the same in all of them.
 *
 * Dependencies are followed through the formula templates (`template.ts`) at the grain the sheet
 * computes: a row (input, calculation, output), a table column, a spilled block or grid as a whole.
 * - dependent: the root and everything whose templates reach it;
 * - needed: everything the answers' templates reach;
 * - copied: needed and dependent scalar rows, and every table with a needed dependent column. A
 *   table's copy holds its needed columns (and text columns); its input cells become references to
 *   the same cell of the table's shared part, so an input is typed once.
 * - shared: what the copies and answers reach outside the copies (for a copied table, its columns
 *   the shared rows read and its input columns; a formula cell there that depends on the root shows
 *   `byCopy`, a text, since its value differs from copy to copy).
 * In copy k every reference to a copied row or table names its copy (`copyId(id, k)`), the root
 * included: the caller gives each copy its root row.
 */
import type { MessageKey } from '../i18n';
import { parseTemplate, Reference } from './template';
import type { CalcItem, CalcRow, InputRow, OutputRow, Scenario, Table, TableCell, TableColumn, TableRow } from './types';
import { isAssumption, isFactInput } from './types';

type Block = InputRow | CalcItem | { readonly kind: 'output'; readonly output: OutputRow };

/** The id of copy k (1-based) of a row or table. */
export const copyId = (id: string, k: number) => `${id}_m${k}`;

export interface ForkSpec {
  readonly scenario: Scenario;
  /** The input whose value differs from copy to copy. */
  readonly root: string;
  /** Templates in the scenario's names whose values each copy must give. */
  readonly answers: readonly string[];
  readonly copies: number;
  /** The text shown in a shared cell whose value differs from copy to copy. */
  readonly byCopy: MessageKey;
}

export interface Fork {
  /** Shared inputs (rows and tables), in the scenario's order. */
  readonly inputs: ReadonlyArray<InputRow | Table>;
  /** Shared calculations, in the scenario's order. */
  readonly calculations: readonly CalcItem[];
  /** Copy k's calculations (index k − 1), in the scenario's order; outputs become calculation rows. */
  readonly copies: ReadonlyArray<readonly CalcItem[]>;
  /** A template in the scenario's names, in the names of copy k. */
  rename(template: string, k: number): string;
  /** Ids of the rows and tables that are copied (the root included). */
  readonly copied: ReadonlySet<string>;
}

const isInputCell = (cell: TableCell | undefined) => cell !== undefined && (isFactInput(cell) || isAssumption(cell));
const isTextCell = (cell: TableCell | undefined) => cell !== undefined && 'text' in cell;
const blockId = (b: Block) => (b.kind === 'output' ? b.output.id : b.id);

/** A column's templates: its own, and each row's formula cell in it. */
function columnTemplates(table: Table, column: TableColumn): string[] {
  const own = [column.formula, column.spill].filter((t): t is string => t !== undefined);
  const cells = table.rows.map((r) => r.cells[column.id]).filter((c): c is { formula: string } => c !== undefined && 'formula' in c);
  return [...own, ...cells.map((c) => c.formula)];
}

/** A column whose every cell is text: a description of its rows, kept wherever the table is. */
const isTextColumn = (table: Table, column: TableColumn) => !column.formula && !column.spill && table.rows.every((r) => isTextCell(r.cells[column.id]));

/** The columns `keep` chooses, with the table's first column and its text columns (the rows' labels). */
const keptColumns = (t: Table, keep: (c: TableColumn) => boolean) => t.columns.filter((c) => keep(c) || isTextColumn(t, c) || c === t.columns[0]);

export function fork(spec: ForkSpec): Fork {
  const { scenario, root } = spec;
  const blocks: Block[] = [...scenario.inputs, ...scenario.calculations, ...scenario.outputs.map((output) => ({ kind: 'output' as const, output }))];
  const byId = new Map<string, Block>();
  for (const b of blocks) {
    if (byId.has(blockId(b))) throw new Error(`fork: ${scenario.id} has two rows or tables with id ${blockId(b)}`);
    byId.set(blockId(b), b);
  }
  const tableOf = (id: string) => {
    const b = byId.get(id);
    return b?.kind === 'table' ? b : undefined;
  };

  /** The node a reference reads: a row's id, a table's `id.column`, a block's id; none for `{#}` and texts. */
  const nodeOf = (ref: Reference, inTable?: string): string | undefined => {
    switch (ref.kind) {
      case 'scalar':
      case 'spill':
        return ref.id;
      case 'member':
        return tableOf(ref.id) ? `${ref.id}.${ref.member.replace(/@$/, '')}` : ref.id;
      case 'sameRow':
        return `${inTable}.${ref.column}`;
      default:
        return undefined;
    }
  };
  const nodesIn = (template: string, inTable?: string) =>
    parseTemplate(template).flatMap((s) => (s.kind === 'reference' ? [nodeOf(s.reference, inTable)].filter((n): n is string => n !== undefined) : []));

  // The graph: each node and the nodes its templates read.
  const reads = new Map<string, string[]>();
  for (const b of blocks) {
    if (b.kind === 'input') reads.set(b.id, []);
    else if (b.kind === 'calc') reads.set(b.id, nodesIn(b.formula));
    else if (b.kind === 'output') reads.set(b.output.id, nodesIn(b.output.formula));
    else if (b.kind === 'spill') reads.set(b.id, nodesIn(b.formula));
    else if (b.kind === 'grid') reads.set(b.id, nodesIn([b.rows.formula, b.columns.formula, b.cell.formula, ...(b.lead ?? []).map((l) => l.formula)].join(' ')));
    else for (const c of b.columns) reads.set(`${b.id}.${c.id}`, columnTemplates(b, c).flatMap((t) => nodesIn(t, b.id)));
  }
  for (const [node, targets] of reads) {
    const missing = targets.find((t) => !reads.has(t));
    if (missing) throw new Error(`fork: ${scenario.id}: ${node} reads ${missing}, which is not a row, column or block`);
  }
  if (!reads.has(root)) throw new Error(`fork: ${scenario.id} has no input ${root}`);

  const dependent = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [node, targets] of reads) {
      if (!dependent.has(node) && targets.some((t) => dependent.has(t))) {
        dependent.add(node);
        grew = true;
      }
    }
  }
  const reach = (from: Iterable<string>, follow: (node: string) => boolean = () => true) => {
    const seen = new Set<string>();
    const stack = [...from];
    while (stack.length) {
      const node = stack.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      if (follow(node)) stack.push(...reads.get(node)!);
    }
    return seen;
  };
  const answerNodes = spec.answers.flatMap((t) => nodesIn(t));
  const unknown = answerNodes.find((n) => !reads.has(n));
  if (unknown) throw new Error(`fork: ${scenario.id}: an answer reads ${unknown}, which is not a row, column or block`);
  const needed = reach(answerNodes);

  const copied = new Set<string>();
  for (const b of blocks) {
    const id = blockId(b);
    if (b.kind === 'table' ? b.columns.some((c) => needed.has(`${id}.${c.id}`) && dependent.has(`${id}.${c.id}`)) : needed.has(id) && dependent.has(id)) copied.add(id);
  }
  const isCopiedNode = (node: string) => copied.has(node.split('.')[0]);
  // What a copy holds: the needed nodes that depend on the root, what they read inside copied
  // blocks, and what the answers read there.
  const inCopies = new Set(
    [...reach([...needed].filter((n) => dependent.has(n)).concat(answerNodes.filter(isCopiedNode)), isCopiedNode)].filter(isCopiedNode),
  );
  const inCopy = (t: Table) => (c: TableColumn) => inCopies.has(`${t.id}.${c.id}`);

  // What stands once: the nodes the copies (their references outside the copies and their input
  // cells) and the answers read, and what those read in turn.
  const sharedRoots: string[] = answerNodes.filter((n) => !isCopiedNode(n));
  for (const id of copied) {
    const b = byId.get(id)!;
    if (b.kind === 'table') {
      for (const c of keptColumns(b, inCopy(b))) {
        if (b.rows.some((r) => isInputCell(r.cells[c.id]))) sharedRoots.push(`${id}.${c.id}`);
        for (const t of columnTemplates(b, c)) sharedRoots.push(...nodesIn(t, id).filter((n) => !isCopiedNode(n)));
      }
    } else sharedRoots.push(...(reads.get(id) ?? []).filter((n) => !isCopiedNode(n)));
  }
  // A shared node reads only what does not depend on the root: its reads are shared too.
  const shared = reach(sharedRoots, (n) => !dependent.has(n));

  /** A template with the references to copied rows and tables renamed to copy k's. */
  const rename = (template: string, k: number, inTable?: string): string =>
    parseTemplate(template)
      .map((s) => {
        if (s.kind === 'text') return s.text;
        const ref = s.reference;
        const node = nodeOf(ref, inTable);
        if (node === undefined || !isCopiedNode(node) || !('id' in ref)) return `{${s.source}}`;
        return `{${copyId(ref.id, k)}${s.source.slice(ref.id.length)}}`;
      })
      .join('');

  const sharedTable = (t: Table): Table | undefined => {
    const kept = (c: TableColumn) => shared.has(`${t.id}.${c.id}`);
    if (!t.columns.some(kept)) return undefined;
    const pruned = pruneColumns(t, kept);
    if (!copied.has(t.id)) return pruned;
    // A kept column that depends on the root keeps its inputs and texts; its formulas differ from copy to copy: say so.
    const byCopy: TableCell = { text: spec.byCopy };
    const isDependent = (c: TableColumn) => dependent.has(`${t.id}.${c.id}`);
    return {
      ...pruned,
      columns: pruned.columns.map((c) => (isDependent(c) ? { id: c.id, header: c.header, unit: c.unit } : c)),
      rows: pruned.rows.map((r) => ({
        cells: Object.fromEntries(
          pruned.columns.flatMap((c) => {
            const cell = r.cells[c.id];
            if (isDependent(c) && !isInputCell(cell) && !isTextCell(cell)) return [[c.id, byCopy]];
            return cell === undefined ? [] : [[c.id, cell]];
          }),
        ),
      })),
    };
  };

  /** The table with the columns `keep` chooses, its first column and its text columns. */
  function pruneColumns(t: Table, keep: (c: TableColumn) => boolean): Table {
    const columns = keptColumns(t, keep);
    const ids = new Set(columns.map((c) => c.id));
    const rows: TableRow[] = t.rows.map((r) => ({ cells: Object.fromEntries(Object.entries(r.cells).filter(([id]) => ids.has(id))) }));
    const sum = t.totals?.sum.filter((id) => ids.has(id)) ?? [];
    const { totals, ...rest } = t;
    return { ...rest, columns, rows, ...(totals && sum.length ? { totals: { label: totals.label, sum } } : {}) };
  }

  const copyTable = (t: Table, k: number): Table => {
    const pruned = pruneColumns(t, inCopy(t));
    const cell = (c: TableColumn, value: TableCell | undefined): TableCell | undefined => {
      if (value === undefined || isTextCell(value)) return value;
      if (isInputCell(value)) return { formula: `={${t.id}.${c.id}@}` };
      return { formula: rename((value as { formula: string }).formula, k, t.id) };
    };
    return {
      ...pruned,
      id: copyId(t.id, k),
      columns: pruned.columns.map((c) => ({
        ...c,
        ...(c.formula !== undefined ? { formula: rename(c.formula, k, t.id) } : {}),
        ...(c.spill !== undefined ? { spill: rename(c.spill, k, t.id) } : {}),
      })),
      rows: pruned.rows.map((r) => ({
        cells: Object.fromEntries(
          pruned.columns.flatMap((c) => {
            const value = cell(c, r.cells[c.id]);
            return value === undefined ? [] : [[c.id, value]];
          }),
        ),
      })),
    };
  };

  const copyBlock = (b: Block, k: number): CalcItem => {
    if (b.kind === 'table') return copyTable(b, k);
    if (b.kind === 'calc') return { ...b, id: copyId(b.id, k), formula: rename(b.formula, k) };
    if (b.kind === 'output') {
      const { id, label, unit, formula } = b.output;
      return { kind: 'calc', id: copyId(id, k), label, unit, formula: rename(formula, k) } satisfies CalcRow;
    }
    throw new Error(`fork: ${scenario.id}: ${blockId(b)} (${b.kind}) depends on ${root}; only rows, tables and outputs are copied`);
  };

  const sharedBlock = <B extends InputRow | CalcItem>(b: B): B | undefined => {
    if (b.kind === 'table') return sharedTable(b) as B | undefined;
    return shared.has(b.id) && !copied.has(b.id) ? b : undefined;
  };
  const present = <T>(x: T | undefined): x is T => x !== undefined;

  return {
    inputs: scenario.inputs.map((b) => sharedBlock(b)).filter(present),
    calculations: scenario.calculations.map((b) => sharedBlock(b)).filter(present),
    copies: Array.from({ length: spec.copies }, (_, i) => blocks.filter((b) => copied.has(blockId(b)) && blockId(b) !== root).map((b) => copyBlock(b, i + 1))),
    rename: (template, k) => rename(template, k),
    copied,
  };
}
