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
import { calc, CalcItem, check, output, Scenario, Table, TableRow } from '../types';
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

const answerRow = (k: number): TableRow => ({
  cells: Object.fromEntries(ANSWERS.map((a) => [a.id, { formula: model.rename(a.template, k) }])),
});

/** One row per milestone: its date and name, and the funding sheet's answers as known then. */
const timeline: Table = {
  kind: 'table',
  id: 'timeline',
  title: 'timeline.table.answers',
  columns: [
    { id: 'date', header: 'openai.col.milestoneDate', unit: 'date', formula: '=INDEX({asOfFacts.date},{#})' },
    { id: 'milestone', header: 'openai.col.milestone', unit: 'text', formula: '=INDEX({asOfFacts.label},{#})' },
    ...ANSWERS.map(({ id, header, unit }) => ({ id, header, unit })),
  ],
  rows: MILESTONES.map((_, i) => answerRow(i + 1)),
};

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
    output('milestones', 'TIMELINE_Milestones', 'timeline.out.milestones', 'count', '=ROWS({timeline.date})'),
    output('firstDate', 'TIMELINE_FirstDate', 'timeline.out.firstDate', 'date', '={timeline.date.first}'),
    output('lastDate', 'TIMELINE_LastDate', 'timeline.out.lastDate', 'date', '={timeline.date.last}'),
    output('newMoneyFirst', 'TIMELINE_NewMoneyBy2030First', 'timeline.out.newMoneyFirst', 'usd', '={timeline.newMoneyP50.first}'),
    output('newMoneyLast', 'TIMELINE_NewMoneyBy2030Last', 'timeline.out.newMoneyLast', 'usd', '={timeline.newMoneyP50.last}'),
    output('newMoneyChange', 'TIMELINE_NewMoneyBy2030Change', 'timeline.out.newMoneyChange', 'usd', '={timeline.newMoneyP50.last}-{timeline.newMoneyP50.first}'),
    output('commitmentsChange', 'TIMELINE_CommitmentsExpectedChange', 'timeline.out.commitmentsChange', 'usd', '={timeline.commitmentsExpected.last}-{timeline.commitmentsExpected.first}'),
    output('verdictFirst', 'TIMELINE_VerdictFirst', 'timeline.out.verdictFirst', 'text', '={timeline.verdict.first}'),
    output('verdictLast', 'TIMELINE_VerdictLast', 'timeline.out.verdictLast', 'text', '={timeline.verdict.last}'),
  ],
  checks: [
    ...ledgerChecks('ledgerHeadline')
      .filter((c) => c.id === 'ledgerRows')
      .map((c) => check(c.id, c.label, c.formula)),
    check('fan', 'timeline.check.fan', '=AND(MIN({timeline.newMoneyP50})>=0,SUMPRODUCT(({timeline.newMoneyP50}>{timeline.newMoneyP95})+({timeline.peakNeedP50}>{timeline.peakNeedP95})+({timeline.newMoneyP50}>{timeline.peakNeedP50}))=0)'),
  ],
  charts: [
    {
      id: 'answers',
      type: 'columnClustered',
      title: 'timeline.chart.answers',
      categories: '{timeline.milestone}',
      series: [
        { name: 'timeline.col.newMoneyP50', values: '{timeline.newMoneyP50}' },
        { name: 'timeline.col.newMoneyP95', values: '{timeline.newMoneyP95}' },
        { name: 'timeline.col.peakNeedP50', values: '{timeline.peakNeedP50}' },
        { name: 'timeline.col.commitmentsExpected', values: '{timeline.commitmentsExpected}' },
      ],
      xAxis: 'openai.col.milestone',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
