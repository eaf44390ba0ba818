/**
 * `deals scenario …`: the preset deals without Excel, through the formula-engine sink.
 *
 *   deals scenario list                          ids and titles
 *   deals scenario show ID [--json]              the evaluated sheet
 *   deals scenario export ID|all --xlsx FILE     a workbook with formulas and cached values
 */
import * as fs from 'fs';
import type { HyperFormula } from 'hyperformula';
import { cellFormula, createEngine, EngineScalar, readName } from '../engine';
import { addPlanSheet, PlanOnSheet, sheetValues } from '../engine/planSheet';
import { a1, buildSheetPlan, PRESET_IDS, presetSummaries, scenarioById, SheetPlan } from '../scenarios';
import { workbookBuffer } from '../xlsx/workbookFile';
import { CliIo, Command, EXIT_OK, formatScalar, formatValue, usageError } from './common';

const USAGE = [
  'deals scenario list',
  '       deals scenario show ID [--json]',
  '       deals scenario export ID|all --xlsx FILE',
  '',
  'list    the preset deals: id and title',
  'show    the preset evaluated by the formula engine: its named outputs, checks and every cell',
  '        (address, value, formula); --json prints { id, sheet, cells, names }',
  'export  an .xlsx workbook, one sheet per preset, each formula with its computed value cached',
  '        (DEALS functions stored as Excel stores them: _xldudf_DEALS_…)',
].join('\n');

interface Evaluated {
  readonly plan: SheetPlan;
  readonly placed: PlanOnSheet;
  readonly values: EngineScalar[][];
}

function evaluatePresets(ids: readonly string[]): { engine: HyperFormula; sheets: Evaluated[] } {
  const engine = createEngine();
  const sheets = ids.map((id) => {
    const plan = buildSheetPlan(scenarioById(id));
    const placed = addPlanSheet(engine, plan);
    return { plan, placed, values: sheetValues(engine, placed.sheetId) };
  });
  return { engine, sheets };
}

/** The preset id, or a usage error naming the known ones. */
function knownId(id: string | undefined, allowAll = false): string | undefined {
  if (id === undefined) return undefined;
  return (PRESET_IDS as readonly string[]).includes(id) || (allowAll && id === 'all') ? id : undefined;
}

function listPresets(io: CliIo): number {
  const presets = presetSummaries();
  const width = Math.max(...presets.map((p) => p.id.length));
  for (const p of presets) io.stdout.write(`${p.id.padEnd(width)}  ${p.title}\n`);
  return EXIT_OK;
}

function showPreset(id: string, json: boolean, io: CliIo): number {
  const { engine, sheets } = evaluatePresets([id]);
  const { plan, placed, values } = sheets[0];
  const cells = plan.cells.flatMap((row, r) =>
    row.flatMap((_, c) => {
      const value = values[r]?.[c] ?? null;
      const formula = cellFormula(engine, { sheet: placed.sheetId, row: r, col: c });
      if (value === null && formula === undefined) return [];
      return [{ address: a1.formatCell(r, c), value, ...(formula === undefined ? {} : { formula }) }];
    }),
  );
  const names = plan.names.map((n) => ({ name: n.name, address: n.address, label: n.label, unit: n.unit, value: readName(engine, n.name) }));

  if (json) {
    io.stdout.write(JSON.stringify({ id, sheet: placed.sheetName, cells, names }, null, 2) + '\n');
    return EXIT_OK;
  }
  const out = (line = '') => io.stdout.write(line + '\n');
  out(`${plan.title} (sheet "${placed.sheetName}")`);
  out(plan.description);
  out();
  out('Named outputs:');
  const width = Math.max(...names.map((n) => n.name.length));
  for (const n of names) out(`  ${n.name.padEnd(width)}  ${formatValue(n.value)}  ${n.unit}  ${n.label}`);
  out();
  out('Cells (address, value, formula):');
  for (const cell of cells) out([cell.address, formatScalar(cell.value), cell.formula ?? ''].join('\t').trimEnd());
  return EXIT_OK;
}

async function exportPresets(id: string, file: string, io: CliIo): Promise<number> {
  const ids = id === 'all' ? PRESET_IDS : [id];
  const { sheets } = evaluatePresets(ids);
  const bytes = await workbookBuffer(sheets.map(({ plan, placed, values }) => ({ name: placed.sheetName, plan, values })));
  fs.writeFileSync(file, bytes);
  io.stdout.write(`${file}: ${sheets.length} sheet${sheets.length === 1 ? '' : 's'} (${sheets.map((s) => s.placed.sheetName).join(', ')}), ${bytes.length} bytes\n`);
  return EXIT_OK;
}

export const scenarioCommand: Command = {
  summary: 'the preset deals: list, show (evaluated), export to .xlsx',
  usage: USAGE,
  async run(args, io) {
    const [action, ...rest] = args;
    const ids = `known ids: ${PRESET_IDS.join(', ')}`;
    if (action === 'list' && rest.length === 0) return listPresets(io);
    if (action === 'show') {
      const json = rest.includes('--json');
      const positional = rest.filter((arg) => arg !== '--json');
      const id = knownId(positional[0]);
      if (positional.length !== 1 || !id) return usageError(io, `scenario show: give one preset id (${ids})`, USAGE);
      return showPreset(id, json, io);
    }
    if (action === 'export') {
      const flag = rest.indexOf('--xlsx');
      const file = flag >= 0 ? rest[flag + 1] : undefined;
      const positional = rest.filter((_, i) => i !== flag && i !== flag + 1);
      const id = knownId(positional[0], true);
      if (!file || positional.length !== 1 || !id) return usageError(io, `scenario export: give a preset id or "all", and --xlsx FILE (${ids})`, USAGE);
      return exportPresets(id, file, io);
    }
    return usageError(io, action ? `scenario: unknown action "${action}"` : 'scenario: no action given', USAGE);
  },
};
