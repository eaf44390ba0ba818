/**
 * `deals scenario …`: the preset deals without Excel, through the formula-engine sink.
 *
 *   deals scenario list [--lang L]                                         ids and titles
 *   deals scenario show ID [--set CELL=VALUE]... [--as-of D] [--json] [--lang L]  the evaluated sheet
 *   deals scenario export ID|all --xlsx FILE [--set …] [--protect | --values] [--lang L]  a workbook with formulas and cached values
 *                                                                          (--values: every formula replaced by its value)
 *
 * `--set` is a what-if: the preset is recalculated with an input changed, given by its cell
 * (`B15`), its id (`price`) or its label (`"AMD share price on the valuation date"`); the value is
 * read as Excel reads typing (`600`, `45%`, `2025-10-06`, `TRUE`).
 *
 * `--as-of 2025-10-13` is `--set asOf=2025-10-13` for a preset with an as-of input (openai), after
 * checking that the date is a calendar date in ISO form, not before the first milestone.
 *
 * `--lang` writes the sheets in another catalogue's language (`zh-TW` 繁體中文, `zh-CN` 简体中文,
 * `en`; any tag `resolveLocale` maps, e.g. zh-HK, zh-SG, zh-Hant): labels, headers, notes, checks,
 * chart titles and the sheet names; formulas, number formats, workbook names and every value are
 * the same in every language. Without it the CLI is in English, whatever the machine's LANG says.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { HyperFormula } from 'hyperformula';
import { cellFormula, createEngine, EngineScalar, EngineValue, readName } from '../engine';
import { addPlanSheet, PlanOnSheet, sheetValues } from '../engine/planSheet';
import { CATALOGUES, en, formatMessage, resolveLocale } from '../i18n';
import type { Messages } from '../i18n';
import { ARTICLE_DATE } from '../scenarios/presets/openai';
import { a1, buildSheetPlan, numberFormatGrid, PlanCell, PRESET_IDS, presetSummaries, scenarioById, SheetPlan } from '../scenarios';
import { displayValue } from '../workbench/format';
import { parseInput } from '../workbench/workbook';
import { CliIo, Command, EXIT_FAILED, EXIT_OK, systemErrorSentence, usageError } from './common';

const USAGE = [
  'deals scenario list [--lang LANG]',
  '       deals scenario show ID [--set INPUT=VALUE]... [--as-of YYYY-MM-DD] [--json] [--lang LANG]',
  '       deals scenario export ID|all --xlsx FILE [--set INPUT=VALUE]... [--protect | --values] [--lang LANG]',
  '',
  'list       the preset deals: id and title',
  'show       the preset evaluated by the formula engine: its named outputs as the sheet shows them',
  '           (number format and unit), then every cell (address, value as shown, formula);',
  '           --json prints { id, sheet, set, cells, names }, each value raw with its shown "text"',
  'export     an .xlsx workbook, one sheet per preset, each formula with its computed value cached',
  '           (DEALS functions stored as Excel stores them: _xldudf_DEALS_…)',
  '',
  '--set      what-if: recalculate with an input changed (repeatable). INPUT is the input\'s cell',
  '           (B15), id (price) or label ("AMD share price on the valuation date"); VALUE is read',
  '           as Excel reads typing: 600, 1,000, 45%, 2025-10-06, TRUE',
  '--as-of    the facts known on a date (openai): sets the funding sheet\'s as-of input, each fact-backed',
  `           input then takes the latest fact dated on or before it; from the article's date (${ARTICLE_DATE}) on`,
  '--protect  protect formulas: the sheets are protected (no password), only input cells unlocked',
  '--values   values only, for readers without the add-in: every formula replaced by its value, a note row saying so',
  '--lang     the language of the sheets: en (the default), zh-TW (繁體中文) or zh-CN (简体中文);',
  '           also zh-HK, zh-MO, zh-Hant (繁體中文), zh-SG, zh-Hans, zh (简体中文). Labels, headers,',
  '           notes, checks, chart titles and sheet names are translated; formulas, number formats,',
  '           workbook names (AMD_WarrantValueAtTarget) and every value stay the same',
  '',
  'Example: deals scenario show amd --set B15=600 --set volatility=60%',
  '         deals scenario show amd --lang zh-TW',
  `         deals scenario show openai --as-of ${ARTICLE_DATE}`,
].join('\n');

/** An input changed by --set: where, what it was, what it is now. */
interface WhatIf {
  readonly address: string;
  readonly label: string;
  readonly before: PlanCell;
  readonly value: number | boolean;
}

interface Evaluated {
  readonly plan: SheetPlan;
  readonly placed: PlanOnSheet;
  readonly values: EngineScalar[][];
}

/** A usage problem found while reading the arguments: the message for usageError. */
class UsageProblem extends Error {}

function evaluatePlans(plans: readonly SheetPlan[]): { engine: HyperFormula; sheets: Evaluated[] } {
  const engine = createEngine();
  const sheets = plans.map((plan) => {
    const placed = addPlanSheet(engine, plan);
    return { plan, placed, values: sheetValues(engine, placed.sheetId) };
  });
  return { engine, sheets };
}

/** The tags --lang takes: English or Chinese, as a BCP-47 tag (`en`, `en-GB`, `zh-TW`, `zh-Hant-HK`, `zh_cn`). */
const LANGUAGE_TAG = /^(en|zh)([-_][a-z0-9]{1,8})*$/i;

/** The catalogue for a --lang value (English without one); another language is a usage problem. */
export function cliMessages(lang: string | undefined): Messages {
  if (lang === undefined) return en;
  if (!LANGUAGE_TAG.test(lang.trim())) {
    throw new UsageProblem(`--lang ${lang}: not a language of the presets; use en (English), zh-TW (繁體中文) or zh-CN (简体中文) (also zh-HK, zh-MO, zh-Hant, zh-SG, zh-Hans)`);
  }
  return CATALOGUES[resolveLocale(lang.trim())];
}

function presetsList(): string {
  return `the presets are ${PRESET_IDS.join(', ')}`;
}

/** The preset id, or a usage problem saying that it is not one and listing the ids. */
function knownId(action: string, id: string | undefined, allowAll = false): string {
  if (id === undefined) throw new UsageProblem(`scenario ${action}: give a preset id${allowAll ? ' or "all"' : ''} (${presetsList()})`);
  if ((PRESET_IDS as readonly string[]).includes(id) || (allowAll && id === 'all')) return id;
  throw new UsageProblem(`scenario ${action}: "${id}" is not a preset; ${presetsList()}${allowAll ? ', or "all"' : ''}`);
}

/** The label shown beside an input (column A of its row); a cell of an input table also by its address. */
function inputLabel(plan: SheetPlan, address: string): string {
  const { row, col } = a1.parseCell(address);
  const rowLabel = String(plan.cells[row]?.[0] ?? '');
  return col === 1 ? rowLabel : `${rowLabel} (${address})`;
}

/** Applies `--set` assignments to a plan: the plan with those input cells replaced, and what changed. */
export function applyWhatIfs(plan: SheetPlan, assignments: readonly string[]): { plan: SheetPlan; changes: WhatIf[] } {
  if (assignments.length === 0) return { plan, changes: [] };
  const cells = plan.cells.map((row) => [...row]);
  const changes: WhatIf[] = [];
  const fold = (s: string) => s.trim().toLowerCase();
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) throw new UsageProblem(`--set ${assignment}: write INPUT=VALUE, e.g. --set B15=600`);
    const target = assignment.slice(0, equals).trim();
    const typed = assignment.slice(equals + 1);
    const cell = a1.tryParseCell(target.toUpperCase().replace(/\$/g, ''));
    const input = plan.inputs.find((i) =>
      cell ? i.address === a1.formatCell(cell.row, cell.col) : fold(i.id) === fold(target) || fold(inputLabel(plan, i.address)) === fold(target),
    );
    if (!input) {
      const what = cell ? `${a1.formatCell(cell.row, cell.col)} is not an input cell of ${plan.presetId}` : `no input of ${plan.presetId} has the id or label "${target}"`;
      const inputs = plan.inputs
        .filter((i) => !i.id.includes('#'))
        .map((i) => `  ${i.address.padEnd(5)} ${i.id.padEnd(16)} ${inputLabel(plan, i.address)}`)
        .join('\n');
      throw new UsageProblem(`--set ${assignment}: ${what} (formulas are recalculated, not set). Its inputs:\n${inputs}\n  (and the cells of its input tables, by address)`);
    }
    const value = parseInput(typed);
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new UsageProblem(`--set ${assignment}: "${typed}" is not a number, percentage, date or TRUE/FALSE`);
    }
    const { row, col } = a1.parseCell(input.address);
    // An input takes what it holds: a number for a number, TRUE/FALSE for a TRUE/FALSE switch.
    const expected = typeof cells[row][col] === 'boolean' ? 'boolean' : 'number';
    if (typeof value !== expected) {
      throw new UsageProblem(`--set ${assignment}: ${inputLabel(plan, input.address)} takes ${expected === 'number' ? 'a number (600, 45%, 2025-10-06), not TRUE/FALSE' : 'TRUE or FALSE, not a number'}`);
    }
    changes.push({ address: input.address, label: inputLabel(plan, input.address), before: cells[row][col], value });
    cells[row][col] = value;
  }
  return { plan: { ...plan, cells }, changes };
}

/** `--as-of DATE` as a --set assignment of the preset's as-of input; a bad date or a preset without one is a usage problem. */
export function asOfAssignment(plan: SheetPlan, date: string): string {
  if (!plan.inputs.some((i) => i.id === 'asOf')) throw new UsageProblem(`--as-of: ${plan.presetId} has no as-of date (the openai preset has one)`);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== date) throw new UsageProblem(`--as-of ${date}: not a date; write it YYYY-MM-DD, e.g. --as-of ${ARTICLE_DATE}`);
  if (date < ARTICLE_DATE) throw new UsageProblem(`--as-of ${date}: before the article's date (${ARTICLE_DATE}), the first milestone of the facts by date`);
  return `asOf=${date}`;
}

/** A value as its cell shows it (number format), followed by its unit: `96.0 USD bn`, `19.0 %`. */
export function shownWithUnit(value: EngineValue, numberFormat: string, unit: string): string {
  const scalar = Array.isArray(value) ? (value[0]?.[0] ?? null) : value;
  const shown = displayValue(scalar, numberFormat).text;
  if (!unit || typeof scalar !== 'number') return shown;
  // A format that already shows the unit (0.0% under "%" or "%/year"): the unit once, after a space.
  if (shown.endsWith('%') && unit.startsWith('%')) return `${shown.slice(0, -1)} ${unit}`;
  if (shown.endsWith('%') && unit.endsWith(', %')) return `${shown} ${unit.slice(0, -3)}`;
  if (shown.endsWith('%') && unit.endsWith('，%')) return `${shown} ${unit.slice(0, -2)}`;
  return `${shown} ${unit}`;
}

function listPresets(messages: Messages, io: CliIo): number {
  const presets = presetSummaries(messages);
  const width = Math.max(...presets.map((p) => p.id.length));
  for (const p of presets) io.stdout.write(`${p.id.padEnd(width)}  ${p.title}\n`);
  return EXIT_OK;
}

function showPreset(id: string, assignments: readonly string[], asOf: string | undefined, json: boolean, messages: Messages, io: CliIo): number {
  const built = buildSheetPlan(scenarioById(id), messages);
  const { plan, changes } = applyWhatIfs(built, asOf === undefined ? assignments : [asOfAssignment(built, asOf), ...assignments]);
  const { engine, sheets } = evaluatePlans([plan]);
  const { placed, values } = sheets[0];
  const formats = numberFormatGrid(plan);
  const shownAt = (value: EngineScalar, row: number, col: number) => displayValue(value, formats[row]?.[col] ?? 'General').text;
  const cells = plan.cells.flatMap((row, r) =>
    row.flatMap((_, c) => {
      const value = values[r]?.[c] ?? null;
      const formula = cellFormula(engine, { sheet: placed.sheetId, row: r, col: c });
      if (value === null && formula === undefined) return [];
      return [{ address: a1.formatCell(r, c), value, text: shownAt(value, r, c), ...(formula === undefined ? {} : { formula }) }];
    }),
  );
  const names = plan.names.map((n) => {
    const { row, col } = a1.parseCell(n.address);
    const value = readName(engine, n.name);
    return { name: n.name, address: n.address, label: n.label, unit: n.unit, value, text: shownWithUnit(value, formats[row][col], n.unit) };
  });

  if (json) {
    const set = changes.map((change) => ({ address: change.address, label: change.label, value: change.value, before: change.before }));
    io.stdout.write(JSON.stringify({ id, sheet: placed.sheetName, set, cells, names }, null, 2) + '\n');
    return EXIT_OK;
  }
  const out = (line = '') => io.stdout.write(line + '\n');
  out(formatMessage(messages, 'cli.sheetTitle', { title: plan.title, sheet: placed.sheetName }));
  out(plan.description);
  if (changes.length > 0) {
    out();
    out(formatMessage(messages, 'cli.whatIfInputs'));
    for (const change of changes) {
      const { row, col } = a1.parseCell(change.address);
      const show = (v: PlanCell) => (typeof v === 'number' || typeof v === 'boolean' ? shownAt(v, row, col) : String(v ?? ''));
      out(`  ${change.address}  ${formatMessage(messages, 'cli.whatIfChange', { label: change.label, value: show(change.value), preset: show(change.before) })}`);
    }
  }
  out();
  out(formatMessage(messages, 'cli.namedOutputs'));
  const width = Math.max(...names.map((n) => n.name.length));
  for (const n of names) out(`  ${n.name.padEnd(width)}  ${n.text}  (${n.label})`);
  out();
  out(formatMessage(messages, 'cli.cells'));
  for (const cell of cells) out([cell.address, cell.text, cell.formula ?? ''].join('\t').trimEnd());
  return EXIT_OK;
}

/** A sentence for a file that could not be written, naming it (never a bare ENOENT). */
export function writeFailure(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = path.dirname(path.resolve(file));
  if (code === 'ENOENT' || code === 'ENOTDIR') return `cannot write ${file}: the folder ${folder} does not exist`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot write ${file}: no permission to write it in ${folder}`;
  if (code === 'EROFS') return `cannot write ${file}: ${folder} is on a read-only file system`;
  if (code === 'EISDIR') return `cannot write ${file}: it is a folder; give a file name, e.g. ${path.join(file, 'deals.xlsx')}`;
  return systemErrorSentence(`cannot write ${file}`, error);
}

/**
 * Writes the file whole or not at all: the bytes go to a temporary file beside it, which is then
 * renamed over it (a rename within a folder is atomic), so a full disk or a file-size limit leaves
 * the previous file as it was; the partial temporary file is removed. `writeFile` is injectable
 * for tests.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array, writeFile: (target: string, data: Uint8Array) => void = fs.writeFileSync): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFile(temporary, bytes);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

async function exportPresets(id: string, file: string, assignments: readonly string[], protect: boolean, valuesOnly: boolean, messages: Messages, io: CliIo): Promise<number> {
  if (id === 'all' && assignments.length > 0) throw new UsageProblem('scenario export: --set needs one preset id, not "all"');
  if (protect && valuesOnly) throw new UsageProblem('scenario export: --values leaves no formula to protect; give --protect or --values');
  const ids = id === 'all' ? PRESET_IDS : [id];
  const plans = ids.map((presetId) => applyWhatIfs(buildSheetPlan(scenarioById(presetId), messages), assignments).plan);
  const { sheets } = evaluatePlans(plans);
  // exceljs is loaded only to export.
  const { workbookBuffer } = await import('../xlsx/workbookFile');
  const withFormulas = sheets.map(({ plan, placed, values }) => ({ name: placed.sheetName, plan, values, protectFormulas: protect }));
  let bytes: Uint8Array;
  if (valuesOnly) {
    const { valuesOnlySheet } = await import('../xlsx/valuesOnly');
    bytes = await workbookBuffer(withFormulas.map((sheet) => valuesOnlySheet(sheet, formatMessage(messages, 'export.valuesNote'))), null);
  } else bytes = await workbookBuffer(withFormulas);
  try {
    writeFileAtomically(file, bytes);
  } catch (error) {
    io.stderr.write(`deals: ${writeFailure(file, error)}\n`);
    return EXIT_FAILED;
  }
  const protection = protect ? ', formulas protected' : valuesOnly ? ', values only (every formula replaced by its value)' : '';
  io.stdout.write(`${file}: ${sheets.length} sheet${sheets.length === 1 ? '' : 's'} (${sheets.map((s) => s.placed.sheetName).join(', ')}), ${bytes.length} bytes${protection}\n`);
  return EXIT_OK;
}

/** Splits the arguments into positional ones, --set values (`--set X=V` or `--set=X=V`) and flags. */
function readArgs(args: readonly string[], flags: readonly string[], options: readonly string[]) {
  const positional: string[] = [];
  const sets: string[] = [];
  const seen = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--set' || options.includes(name)) {
      const value = inline ?? args[++i];
      // `--xlsx --protect`: the next option is not the value.
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageProblem(`${name} needs a value`);
      if (name === '--set') sets.push(value);
      else if (values.has(name)) throw new UsageProblem(`${name} is given twice (${values.get(name)}, ${value}); give it once (only --set repeats)`);
      else values.set(name, value);
    } else if (flags.includes(arg)) {
      if (seen.has(arg)) throw new UsageProblem(`${arg} is given twice`);
      seen.add(arg);
    } else if (arg.startsWith('-')) throw new UsageProblem(`unknown option ${arg}`);
    else positional.push(arg);
  }
  return { positional, sets, flags: seen, values };
}

export const scenarioCommand: Command = {
  summary: 'the preset deals: list, show (evaluated, with what-if inputs), export to .xlsx',
  usage: USAGE,
  async run(args, io) {
    const [action, ...rest] = args;
    try {
      if (action === 'list') {
        const { positional, sets, values } = readArgs(rest, [], ['--lang']);
        if (positional.length > 0 || sets.length > 0) throw new UsageProblem('scenario list takes no preset id and no --set');
        return listPresets(cliMessages(values.get('--lang')), io);
      }
      if (action === 'show') {
        const { positional, sets, flags, values } = readArgs(rest, ['--json'], ['--lang', '--as-of']);
        if (positional.length > 1) throw new UsageProblem(`scenario show: give one preset id, not ${positional.length}`);
        const messages = cliMessages(values.get('--lang'));
        return showPreset(knownId('show', positional[0]), sets, values.get('--as-of'), flags.has('--json'), messages, io);
      }
      if (action === 'export') {
        const { positional, sets, flags, values } = readArgs(rest, ['--protect', '--values'], ['--xlsx', '--lang']);
        if (positional.length > 1) throw new UsageProblem(`scenario export: give one preset id or "all", not ${positional.length}`);
        const id = knownId('export', positional[0], true);
        const file = values.get('--xlsx');
        if (!file) throw new UsageProblem('scenario export: give --xlsx FILE');
        if (file === '-') throw new UsageProblem('scenario export: --xlsx - would write a file named "-"; give a file name (the workbook is binary, it is not written to standard output)');
        return await exportPresets(id, file, sets, flags.has('--protect'), flags.has('--values'), cliMessages(values.get('--lang')), io);
      }
    } catch (error) {
      if (error instanceof UsageProblem) return usageError(io, error.message, USAGE);
      throw error;
    }
    return usageError(io, action ? `scenario: unknown action "${action}"` : 'scenario: no action given', USAGE);
  },
};
