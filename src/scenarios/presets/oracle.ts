/**
 * [oracle] Oracle–OpenAI (Stargate): about USD 300 bn of computing power over about five years
 * from 2027, 4.5 GW. The yearly commitment against an assumed OpenAI revenue path, the funding
 * gap year by year and cumulatively (FUNDINGGAP), and the probability that revenue falls short in
 * the final contract year (a one-year answer until a multi-year risk function exists). The term
 * input decides how many years are paid; growth is stated annual compound and converted to
 * continuous in the shared row (continuousGrowth).
 */
import { assume, calc, check, factValue, input, output, Scenario, Table } from '../types';
import { continuousGrowth, OPENAI_REVENUE_GROWTH } from './shared';

/**
 * Assumed payment weights per contract year, back-loaded as capacity comes online; the schedule has
 * room for MAX_TERM years and the term input decides how many are paid: the weights of the years
 * within the term, rescaled to 100 %. With the reported ~5-year term the shares are 10, 15, 20, 25, 30 %.
 */
const ASSUMED_WEIGHTS = [1, 1.5, 2, 2.5, 3, 3, 3, 3, 3, 3];
const MAX_TERM = ASSUMED_WEIGHTS.length;

const schedule: Table = {
  kind: 'table',
  id: 'schedule',
  title: 'oracle.table.schedule',
  columns: [
    { id: 'year', header: 'oracle.col.year', unit: 'year', formula: '={startYear}+{#}-1' },
    { id: 'weight', header: 'oracle.col.weight', unit: 'multiple' },
    { id: 'inTerm', header: 'oracle.col.inTerm', unit: 'count', formula: '=IF({#}<={term},1,0)' },
    { id: 'share', header: 'oracle.col.share', unit: 'percent', formula: '={.weight}*{.inTerm}/SUMIF({schedule.inTerm},1,{schedule.weight})' },
  ],
  rows: ASSUMED_WEIGHTS.map((weight) => ({ cells: { weight: assume(weight, 'oracle.why.schedule') } })),
  totals: { label: 'sheet.total', sum: ['inTerm', 'share'] },
};

const byYear: Table = {
  kind: 'table',
  id: 'byYear',
  title: 'oracle.table.byYear',
  columns: [
    { id: 'year', header: 'oracle.col.year', unit: 'year', formula: '={schedule.year@}' },
    { id: 'commitment', header: 'oracle.col.commitment', unit: 'usdPerYear', formula: '={schedule.share@}*{contractValue}*10^9' },
    { id: 'revenue', header: 'oracle.col.revenue', unit: 'usdPerYear', formula: '={revenueBase}*10^9*EXP({growthContinuous}*({.year}-{baseYear}))' },
    // Revenue counts against the contract only in the years of its term.
    { id: 'available', header: 'oracle.col.available', unit: 'usdPerYear', formula: '={.revenue}*{availableShare}*{schedule.inTerm@}' },
    { id: 'gap', header: 'oracle.col.gap', unit: 'usdPerYear', formula: '={.commitment}-{.available}' },
    { id: 'cumGap', header: 'oracle.col.cumGap', unit: 'usd', spill: '=DEALS.FUNDINGGAP({byYear.commitment},{byYear.available},{cash}*10^9)' },
    { id: 'coverage', header: 'oracle.col.coverage', unit: 'percent', formula: '=IF({.commitment}>0,{.available}/{.commitment},0)' },
  ],
  rows: ASSUMED_WEIGHTS.map(() => ({ cells: {} })),
  totals: { label: 'sheet.total', sum: ['commitment', 'available', 'gap'] },
};

export const oracle: Scenario = {
  id: 'oracle',
  namePrefix: 'ORCL',
  sheetName: 'oracle.sheet',
  title: 'oracle.title',
  summary: 'oracle.summary',
  description: {
    key: 'oracle.description',
    params: { value: { fact: 'oracle.contractValue' }, term: { fact: 'oracle.term' }, start: { fact: 'oracle.startYear' }, gw: { fact: 'oracle.capacity' } },
  },
  inputs: [
    input('contractValue', 'oracle.in.contractValue', 'usdBn', factValue('oracle.contractValue')),
    input('term', 'oracle.in.term', 'years', factValue('oracle.term')),
    input('startYear', 'oracle.in.startYear', 'year', factValue('oracle.startYear')),
    input('capacity', 'oracle.in.capacity', 'gw', factValue('oracle.capacity')),
    input('revenueBase', 'oracle.in.revenueBase', 'usdBnPerYear', factValue('openai.revenueTarget2025')),
    input('baseYear', 'oracle.in.baseYear', 'year', assume(2025, 'oracle.why.baseYear', ['openai.revenueTarget2025'])),
    input('growth', 'oracle.in.growth', 'percentPerYear', OPENAI_REVENUE_GROWTH),
    input('availableShare', 'oracle.in.availableShare', 'percent', assume(0.3, 'oracle.why.availableShare')),
    input('cash', 'oracle.in.cash', 'usdBn', assume(0, 'oracle.why.cash')),
    input('volatility', 'oracle.in.volatility', 'percentPerYear', assume(0.35, 'oracle.why.volatility')),
    schedule,
  ],
  calculations: [
    continuousGrowth(),
    calc('finalYear', 'oracle.calc.finalYear', 'year', '={startYear}+{term}-1'),
    calc('finalCommitment', 'oracle.calc.finalCommitment', 'usdPerYear', '=INDEX({byYear.commitment},{term})'),
    byYear,
  ],
  outputs: [
    output('total', 'ORCL_TotalCommitment', 'oracle.out.total', 'usd', '={byYear.commitment.total}'),
    output('perGw', 'ORCL_CommitmentPerGw', 'oracle.out.perGw', 'usdPerGw', '={contractValue}*10^9/{capacity}'),
    output('peak', 'ORCL_PeakAnnualCommitment', 'oracle.out.peak', 'usdPerYear', '=MAX({byYear.commitment})'),
    output('cumGap', 'ORCL_CumulativeGap', 'oracle.out.cumGap', 'usd', '={byYear.cumGap.last}'),
    output('peakGap', 'ORCL_PeakAnnualGap', 'oracle.out.peakGap', 'usdPerYear', '=MAX({byYear.gap})'),
    output('coverage', 'ORCL_Coverage', 'oracle.out.coverage', 'percent', '={byYear.available.total}/{byYear.commitment.total}'),
    output('required', 'ORCL_RequiredRevenueFinalYear', 'oracle.out.required', 'usdPerYear', '={finalCommitment}/{availableShare}'),
    output(
      'shortfall',
      'ORCL_ShortfallProb',
      'oracle.out.shortfall',
      'probability',
      '=DEALS.SHORTFALLPROB({required},{revenueBase}*10^9,{growthContinuous},{volatility},{finalYear}-{baseYear})',
    ),
  ],
  checks: [
    check('scheduleSum', 'oracle.check.scheduleSum', '=ABS({schedule.share.total}-1)<0.000001'),
    check('total', 'oracle.check.total', '=ABS({total}-{contractValue}*10^9)<1'),
    check('term', 'oracle.check.term', `=AND({term}=INT({term}),{term}>=1,{term}<=${MAX_TERM},{schedule.inTerm.total}={term})`),
    check('cumGap', 'oracle.check.cumGap', '=ABS({cumGap}-({byYear.commitment.total}-{byYear.available.total}-{cash}*10^9))<1'),
    check('probability', 'oracle.check.probability', '=AND({shortfall}>=0,{shortfall}<=1)'),
  ],
  charts: [
    {
      id: 'gap',
      type: 'columnClustered',
      title: 'oracle.chart.gap',
      categories: '{byYear.year}',
      series: [
        { name: 'oracle.col.commitment', values: '{byYear.commitment}' },
        { name: 'oracle.col.available', values: '{byYear.available}' },
        { name: 'oracle.col.cumGap', values: '{byYear.cumGap}' },
      ],
      xAxis: 'chart.yearAxis',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
