/**
 * The timeline preset: one row of answers per milestone of the funding sheet's facts by date. Each
 * row must be the funding sheet's own answer with its as-of date set to that milestone (the same
 * formulas, ledger and seed, so equal to the last bit), every input must stand once, and a changed
 * assumption must move every milestone as it moves the funding sheet.
 */
import { applyWhatIfs } from '../../src/cli/scenario';
import { a1, buildSheetPlan, scenarioById } from '../../src/scenarios';
import type { SheetPlan } from '../../src/scenarios';
import { MILESTONES } from '../../src/scenarios/presets/openai';
import { excelDate } from '../../src/scenarios/units';
import { loadPlan } from './loadPlan';

// Fewer paths than the presets' 10,000 keep the test quick; both sheets get the same number.
const PATHS = 'paths=2000';
const timelinePlan = buildSheetPlan(scenarioById('timeline'));
const openaiPlan = buildSheetPlan(scenarioById('openai'));

/** The cells of a table column, top to bottom, from the plan's anchor of it. */
function columnCells(plan: SheetPlan, column: string): string[] {
  const [from, to] = plan.anchors[column].split(':');
  const top = a1.parseCell(from);
  const bottom = a1.parseCell(to);
  return Array.from({ length: bottom.row - top.row + 1 }, (_, k) => a1.formatCell(top.row + k, top.col));
}

/** The timeline's answers, one record per milestone: its column of the answer table, row by row. */
function timelineAnswers(sets: string[]) {
  const loaded = loadPlan(applyWhatIfs(timelinePlan, [PATHS, ...sets]).plan);
  const ids = ['date', 'commitmentsExpected', 'newMoneyP50', 'newMoneyP95', 'peakNeedP50', 'peakNeedP95', 'peakYear', 'verdict'];
  return MILESTONES.map((_, k) => {
    const cells = columnCells(timelinePlan, `timeline.m${k + 1}`);
    expect(cells).toHaveLength(ids.length);
    return Object.fromEntries(ids.map((id, row) => [id, loaded.value(cells[row])]));
  });
}

/** The funding sheet's answers on a date, read from its own cells and names. */
function openaiAnswers(iso: string, sets: string[]) {
  const loaded = loadPlan(applyWhatIfs(openaiPlan, [PATHS, `asOf=${excelDate(iso)}`, ...sets]).plan);
  const years = columnCells(openaiPlan, 'model.year').map((c) => loaded.value(c));
  const needP95 = columnCells(openaiPlan, 'model.needP95').map((c) => loaded.value(c));
  return {
    date: excelDate(iso),
    commitmentsExpected: loaded.value(openaiPlan.anchors.ledgerExpected),
    newMoneyP50: loaded.name('OPENAI_NewMoneyNeededBy2030'),
    newMoneyP95: needP95[years.indexOf(2030)],
    peakNeedP50: loaded.name('OPENAI_PeakFundingNeedP50'),
    peakNeedP95: loaded.name('OPENAI_PeakFundingNeedP95'),
    peakYear: loaded.name('OPENAI_PeakFundingYear'),
    verdict: loaded.name('OPENAI_Verdict'),
  };
}

const defaults = timelineAnswers([]);

test.each(MILESTONES.map((m, k) => [k + 1, m.iso] as const))("milestone %d (%s) is the funding sheet's answer as of that date", (k, iso) => {
  expect(defaults[k - 1]).toEqual(openaiAnswers(iso, []));
});

test('the answer moves between milestones, and every check holds', () => {
  const loaded = loadPlan(applyWhatIfs(timelinePlan, [PATHS]).plan);
  expect(loaded.name('TIMELINE_ChecksOK')).toBe(true);
  expect(new Set(defaults.map((d) => d.newMoneyP50)).size).toBeGreaterThan(1);
  expect(loaded.name('TIMELINE_NewMoneyBy2030Change')).toBe((defaults[defaults.length - 1].newMoneyP50 as number) - (defaults[0].newMoneyP50 as number));
});

test('a changed assumption moves every milestone as it moves the funding sheet', () => {
  const sets = ['minimumCash=25', 'seed=7'];
  const changed = timelineAnswers(sets);
  changed.forEach((row, k) => expect(row.peakNeedP50).not.toBe(defaults[k].peakNeedP50));
  expect(changed[2]).toEqual(openaiAnswers(MILESTONES[2].iso, sets));
});

test('every input stands once: no input of a milestone copy, one seed, one ledger', () => {
  const ids = timelinePlan.inputs.map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => /_m\d/.test(id))).toEqual([]);
  expect(ids.filter((id) => id === 'seed' || id === 'paths')).toEqual(['paths', 'seed']);
  // The funding sheet's inputs that the answers read are all here, under the same ids, with the same cells' values.
  const openaiIds = new Set(openaiPlan.inputs.map((i) => i.id));
  expect(ids.every((id) => openaiIds.has(id))).toBe(true);
  expect(ids).not.toContain('asOf');
});
