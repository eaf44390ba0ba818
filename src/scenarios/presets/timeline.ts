/**
 * [timeline] How the answer moved: the funding sheet (`openai`) once per dated milestone of its
 * facts by date, side by side.
 *
 * `fork` keeps what the answers need and copies what depends on the as-of date: each milestone's
 * copy takes the inputs known on its date (the facts-by-date table, Nvidia's letter-of-intent
 * weight in its own copy of the ledger's expected money), while every other input, the ledger's
 * capacity and payments, the paths and the seed stand once. So each milestone's answers are the
 * funding sheet's answers with its as-of date set to that milestone (the tests prove it cell for
 * cell), and one change of an assumption recalculates every milestone.
 */
import type { MessageKey } from '../../i18n';
import { copyId, fork } from '../fork';
import { calc, CalcItem, check, output, Scenario, Table } from '../types';
import { ledgerChecks } from './ledger';
import { MILESTONES, openai } from './openai';

/** The milestone table's answer columns: id, header, unit, and the answer as a template in the funding sheet's names. */
const ANSWERS = [
  { id: 'commitmentsExpected', header: 'timeline.col.commitmentsExpected', unit: 'usd', template: '={ledgerExpected}' },
  { id: 'newMoneyP50', header: 'timeline.col.newMoneyP50', unit: 'usd', template: '={newMoney2030}' },
  { id: 'newMoneyP95', header: 'timeline.col.newMoneyP95', unit: 'usd', template: '=INDEX({model.needP95},MATCH(2030,{model.year},0))' },
  { id: 'peakNeedP50', header: 'timeline.col.peakNeedP50', unit: 'usd', template: '={peakNeed}' },
  { id: 'peakNeedP95', header: 'timeline.col.peakNeedP95', unit: 'usd', template: '={peakNeed95}' },
  { id: 'peakYear', header: 'timeline.col.peakYear', unit: 'year', template: '={peakYear}' },
  { id: 'verdict', header: 'timeline.col.verdict', unit: 'text', template: '={verdict}' },
] as const satisfies ReadonlyArray<{ id: string; header: MessageKey; unit: string; template: string }>;

const model = fork({
  scenario: openai,
  root: 'asOf',
  answers: ANSWERS.map((a) => a.template),
  copies: MILESTONES.length,
  byCopy: 'timeline.byMilestone',
});

/** Milestone k's section: its date (the root of its copy), its name, then its copy of the model. */
const milestoneSection = (k: number): CalcItem[] => [
  calc(copyId('asOf', k), 'timeline.calc.asOf', 'date', `=INDEX({asOfFacts.date},${k})`),
  calc(copyId('milestone', k), 'timeline.calc.milestone', 'text', `=INDEX({asOfFacts.label},${k})`),
  ...model.copies[k - 1],
];

/** Milestone k's column of the answer table. */
const column = (k: number) => `m${k}`;
const MILESTONE_COLUMNS = MILESTONES.map((_, i) => column(i + 1));
/** A cell of the answer table: milestone column `id`, data row n or 'head'. */
const cellOf = (id: string, part: string | number) => `{timeline.${id}.${part}}`;
const FIRST = MILESTONE_COLUMNS[0];
const LATEST = MILESTONE_COLUMNS[MILESTONE_COLUMNS.length - 1];
/** A row of the answer table across the milestones: `{timeline.m1.n}:{timeline.m5.n}` (or the header cells). */
const acrossMilestones = (part: string | number) => `${cellOf(FIRST, part)}:${cellOf(LATEST, part)}`;
/** The answer table's first row: the milestones' dates. */
const DATE_ROW = 1;
/** The answer table's row of an answer (1-based, below the dates). */
const rowOf = (id: (typeof ANSWERS)[number]['id']) => DATE_ROW + 1 + ANSWERS.findIndex((a) => a.id === id);

/**
 * One column per milestone, headed by its name: its date, then the funding sheet's answers as known
 * then, one row per answer in that answer's unit.
 */
const timeline: Table = {
  kind: 'table',
  id: 'timeline',
  title: 'timeline.table.answers',
  columns: [{ id: 'answer', header: 'timeline.col.answer', unit: 'text' }, ...MILESTONES.map((m, i) => ({ id: column(i + 1), header: m.label, unit: 'text' as const }))],
  rows: [
    { unit: 'date', cells: { answer: { text: 'openai.col.milestoneDate' }, ...Object.fromEntries(MILESTONE_COLUMNS.map((id, i) => [id, { formula: `={${copyId('asOf', i + 1)}}` }])) } },
    ...ANSWERS.map((a) => ({
      unit: a.unit,
      cells: { answer: { text: a.header }, ...Object.fromEntries(MILESTONE_COLUMNS.map((id, i) => [id, { formula: model.rename(a.template, i + 1) }])) },
    })),
  ],
};

/** A cell of the answer table: the row of an answer (or the dates) at the first or the latest milestone. */
const first = (row: number) => cellOf(FIRST, row);
const latest = (row: number) => cellOf(LATEST, row);
/** A check that holds in every milestone's column. */
const everyMilestone = (holds: (cell: (row: number) => string) => string) => `=AND(${MILESTONE_COLUMNS.map((id) => holds((row) => cellOf(id, row))).join(',')})`;

export const timelinePreset: Scenario = {
  id: 'timeline',
  namePrefix: 'TIMELINE',
  sheetName: 'timeline.sheet',
  title: 'timeline.title',
  summary: 'timeline.summary',
  description: { key: 'timeline.description', params: { milestones: MILESTONES.length } },
  inputs: model.inputs,
  calculations: [...model.calculations, timeline, ...MILESTONES.flatMap((_, i) => milestoneSection(i + 1))],
  outputs: [
    output('milestones', 'TIMELINE_Milestones', 'timeline.out.milestones', 'count', `=SUMPRODUCT((${acrossMilestones(DATE_ROW)}>0)*1)`),
    output('firstDate', 'TIMELINE_FirstDate', 'timeline.out.firstDate', 'date', `=${first(DATE_ROW)}`),
    output('lastDate', 'TIMELINE_LastDate', 'timeline.out.lastDate', 'date', `=${latest(DATE_ROW)}`),
    output('newMoneyFirst', 'TIMELINE_NewMoneyBy2030First', 'timeline.out.newMoneyFirst', 'usd', `=${first(rowOf('newMoneyP50'))}`),
    output('newMoneyLast', 'TIMELINE_NewMoneyBy2030Last', 'timeline.out.newMoneyLast', 'usd', `=${latest(rowOf('newMoneyP50'))}`),
    output('newMoneyChange', 'TIMELINE_NewMoneyBy2030Change', 'timeline.out.newMoneyChange', 'usd', `=${latest(rowOf('newMoneyP50'))}-${first(rowOf('newMoneyP50'))}`),
    output('commitmentsChange', 'TIMELINE_CommitmentsExpectedChange', 'timeline.out.commitmentsChange', 'usd', `=${latest(rowOf('commitmentsExpected'))}-${first(rowOf('commitmentsExpected'))}`),
    output('verdictFirst', 'TIMELINE_VerdictFirst', 'timeline.out.verdictFirst', 'text', `=${first(rowOf('verdict'))}`),
    output('verdictLast', 'TIMELINE_VerdictLast', 'timeline.out.verdictLast', 'text', `=${latest(rowOf('verdict'))}`),
  ],
  checks: [
    ...ledgerChecks('ledgerHeadline')
      .filter((c) => c.id === 'ledgerRows')
      .map((c) => check(c.id, c.label, c.formula)),
    check(
      'fan',
      'timeline.check.fan',
      everyMilestone((at) => `${at(rowOf('newMoneyP50'))}>=0,${at(rowOf('newMoneyP50'))}<=${at(rowOf('newMoneyP95'))},${at(rowOf('peakNeedP50'))}<=${at(rowOf('peakNeedP95'))},${at(rowOf('newMoneyP50'))}<=${at(rowOf('peakNeedP50'))}`),
    ),
  ],
  charts: [
    {
      id: 'answers',
      type: 'columnClustered',
      title: 'timeline.chart.answers',
      categories: acrossMilestones('head'),
      series: (['newMoneyP50', 'newMoneyP95', 'peakNeedP50', 'commitmentsExpected'] as const).map((id) => ({
        name: ANSWERS.find((a) => a.id === id)!.header,
        values: acrossMilestones(rowOf(id)),
      })),
      xAxis: 'openai.col.milestone',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
