/**
 * `fork`: a scenario's model once per value of one input. A small scenario whose every block is one
 * of the cases (independent, dependent, not needed, a table mixing inputs and a dependent cell),
 * checked by its structure and by the values the formula engine gives its copies, computed here by
 * hand.
 */
import { buildSheetPlan } from '../../src/scenarios';
import { copyId, fork } from '../../src/scenarios/fork';
import { assume, calc, input, output, Scenario, Table } from '../../src/scenarios/types';
import type { MessageKey } from '../../src/i18n';
import { loadPlan } from './loadPlan';

// Any catalogue key does for a label here: the tests read ids and values, not texts.
const L = 'openai.calc.caseName' as MessageKey;
const why = 'openai.why.seed' as MessageKey;

const tab: Table = {
  kind: 'table',
  id: 'tab',
  title: L,
  columns: [
    { id: 'label', header: L, unit: 'text' },
    { id: 'x', header: L, unit: 'count' },
    { id: 'w', header: L, unit: 'count' },
    { id: 'y', header: L, unit: 'count', formula: '={.x}*{.w}' },
    { id: 'z', header: L, unit: 'count', formula: '={.x}*2' },
  ],
  rows: [
    { cells: { label: { text: L }, x: assume(3, why), w: assume(5, why) } },
    { cells: { label: { text: L }, x: assume(7, why), w: { formula: '={root}*10' } } },
  ],
  totals: { label: L, sum: ['x', 'y', 'z'] },
};

const scenario: Scenario = {
  id: 'openai',
  namePrefix: 'FORK',
  sheetName: 'openai.sheet',
  title: 'openai.title',
  summary: 'openai.summary',
  description: 'openai.summary',
  inputs: [input('root', L, 'count', assume(1, why)), input('a', L, 'count', assume(2, why)), input('unused', L, 'count', assume(3, why)), tab],
  calculations: [
    calc('indep', L, 'count', '={a}*{tab.z.first}'),
    calc('dep', L, 'count', '={root}+{indep}+{tab.y.total}'),
    calc('notNeeded', L, 'count', '={root}*5'),
  ],
  outputs: [output('out', 'FORK_Out', L, 'count', '={dep}*2')],
  checks: [],
  charts: [],
};

const forked = fork({ scenario, root: 'root', answers: ['={out}+{a}'], copies: 2, byCopy: 'timeline.byMilestone' });

test('copies what the answers need and the root reaches; the rest stands once, the unneeded goes', () => {
  expect([...forked.copied].sort()).toEqual(['dep', 'out', 'root', 'tab']);
  expect(forked.inputs.map((b) => b.id)).toEqual(['a', 'tab']);
  expect(forked.calculations.map((b) => b.id)).toEqual(['indep']);
  expect(forked.copies.map((c) => c.map((b) => b.id))).toEqual([
    ['tab_m1', 'dep_m1', 'out_m1'],
    ['tab_m2', 'dep_m2', 'out_m2'],
  ]);
});

test("the table's shared part keeps its inputs and what shared rows read; a cell that depends on the root says so", () => {
  const shared = forked.inputs[1] as Table;
  // y depends on the root in row 2 and nothing shared reads it; z is read by `indep`; w holds inputs.
  expect(shared.columns.map((c) => c.id)).toEqual(['label', 'x', 'w', 'z']);
  expect(shared.rows[0].cells.w).toEqual(assume(5, why));
  expect(shared.rows[1].cells.w).toEqual({ text: 'timeline.byMilestone' });
  expect(shared.totals?.sum).toEqual(['x', 'z']);
});

test("a copy's input cells refer to the shared cell, its references to copied blocks to its own copies", () => {
  const copy = forked.copies[1][0] as Table;
  expect(copy.columns.map((c) => c.id)).toEqual(['label', 'x', 'w', 'y']);
  expect(copy.rows[0].cells).toEqual({ label: { text: L }, x: { formula: '={tab.x@}' }, w: { formula: '={tab.w@}' } });
  expect(copy.rows[1].cells.w).toEqual({ formula: '={root_m2}*10' });
  expect(copy.columns.find((c) => c.id === 'y')?.formula).toBe('={.x}*{.w}');
  expect(forked.copies[1][1]).toMatchObject({ kind: 'calc', id: 'dep_m2', formula: '={root_m2}+{indep}+{tab_m2.y.total}' });
  expect(forked.rename('={out}+{a}+{tab.x.first}', 2)).toBe('={out_m2}+{a}+{tab_m2.x.first}');
});

test('evaluated, each copy is the scenario with the root set to its value', () => {
  const roots = [4, 9];
  const sheet: Scenario = {
    ...scenario,
    inputs: forked.inputs,
    calculations: [...forked.calculations, ...roots.flatMap((r, i) => [calc(copyId('root', i + 1), L, 'count', `=${r}`), ...forked.copies[i]])],
    outputs: roots.map((_, i) => output(`answer${i + 1}`, `FORK_Answer${i + 1}`, L, 'count', forked.rename('={out}+{a}', i + 1))),
  };
  const loaded = loadPlan(buildSheetPlan(sheet));
  // By hand: indep = a·2·x₁ = 12; y = x·w with w₂ = 10·root; dep = root + indep + Σy; answer = 2·dep + a.
  roots.forEach((root, i) => {
    const dep = root + 12 + (3 * 5 + 7 * 10 * root);
    expect(loaded.name(`FORK_Answer${i + 1}`)).toBe(2 * dep + 2);
  });
});

test('a reference to nothing, or a root that is not there, is refused with its name', () => {
  const broken: Scenario = { ...scenario, calculations: [calc('bad', L, 'count', '={nowhere}+{root}')] };
  expect(() => fork({ scenario: broken, root: 'root', answers: ['={bad}'], copies: 1, byCopy: 'timeline.byMilestone' })).toThrow(/bad reads nowhere/);
  expect(() => fork({ scenario, root: 'missing', answers: ['={out}'], copies: 1, byCopy: 'timeline.byMilestone' })).toThrow(/no input missing/);
  expect(() => fork({ scenario, root: 'root', answers: ['={tab.nope}'], copies: 1, byCopy: 'timeline.byMilestone' })).toThrow(/an answer reads tab.nope/);
});
