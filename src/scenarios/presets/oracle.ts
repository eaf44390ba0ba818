/**
 * [oracle] Oracle–OpenAI (Stargate): about USD 300 bn of computing power over about five years
 * from 2027, 4.5 GW. The sheet holds the capacity ledger and takes the contract's yearly amounts,
 * GW and years from its Oracle row (paid per GW-year in use as the capacity ramps up), so the
 * contract has one schedule on every sheet. Against an assumed OpenAI revenue path: the funding
 * gap year by year and cumulatively (FUNDINGGAP), the probability that revenue falls short in the
 * final contract year (a one-year answer), and Oracle's own OCI revenue guidance as a cross-check
 * of the ramp. Growth is stated annual compound and converted in the shared row (continuousGrowth).
 */
import { factNumber } from '../facts';
import { assume, calc, check, factValue, input, output, Scenario, Table } from '../types';
import { dealCell, ledger, ledgerChecks, ledgerInputs, ledgerTables, ledgerTotals, SCHEDULE_YEARS } from './ledger';
import { continuousGrowth, OPENAI_REVENUE_GROWTH } from './shared';

const row = (column: string) => dealCell('oracle', column);

const byYear: Table = {
  kind: 'table',
  id: 'byYear',
  title: 'oracle.table.byYear',
  columns: [
    { id: 'year', header: 'oracle.col.year', unit: 'year', formula: '={schedule.year@}' },
    { id: 'gw', header: 'oracle.col.gw', unit: 'gw', formula: '={online.oracle@}' },
    { id: 'gwYears', header: 'oracle.col.gwYears', unit: 'gwYears', formula: '={gwYears.oracle@}' },
    { id: 'commitment', header: 'oracle.col.commitment', unit: 'usdPerYear', formula: '={paid.oracle@}' },
    { id: 'expected', header: 'oracle.col.expected', unit: 'usdPerYear', formula: '={expected.oracle@}' },
    { id: 'revenue', header: 'oracle.col.revenue', unit: 'usdPerYear', formula: '={revenueBase}*10^9*EXP({growthContinuous}*({.year}-{baseYear}))' },
    // Revenue counts against the contract only in the years it is paid.
    { id: 'available', header: 'oracle.col.available', unit: 'usdPerYear', formula: '=IF({.commitment}>0,{.revenue}*{availableShare},0)' },
    { id: 'gap', header: 'oracle.col.gap', unit: 'usdPerYear', formula: '={.commitment}-{.available}' },
    { id: 'cumGap', header: 'oracle.col.cumGap', unit: 'usd', spill: '=DEALS.FUNDINGGAP({byYear.commitment},{byYear.available},{cash}*10^9)' },
    { id: 'coverage', header: 'oracle.col.coverage', unit: 'percent', formula: '=IF({.commitment}>0,{.available}/{.commitment},0)' },
  ],
  rows: Array.from({ length: SCHEDULE_YEARS }, () => ({ cells: {} })),
  totals: { label: 'sheet.total', sum: ['gwYears', 'commitment', 'expected', 'available', 'gap'] },
};

/** Oracle's OCI revenue guidance, fiscal years ending May 2026 … May 2030 (all OCI customers). */
const GUIDANCE_YEARS = 5;
const FIRST_FISCAL_YEAR = 2026;
if (factNumber('oracle.ociGuidance', GUIDANCE_YEARS - 1) <= 0) throw new Error('oracle: the OCI guidance fact must give five fiscal years');

/** Calendar year y's amount from the ledger's Oracle column (0 outside the schedule). */
const oracleIn = (year: string) => `IF(AND(${year}>={scheduleStart},${year}<={schedule.year.last}),INDEX({paid.oracle},${year}-{scheduleStart}+1),0)`;

const guidance: Table = {
  kind: 'table',
  id: 'oci',
  title: 'oracle.table.oci',
  columns: [
    { id: 'fiscalYear', header: 'oracle.col.fiscalYear', unit: 'year', formula: `=${FIRST_FISCAL_YEAR}+{#}-1` },
    { id: 'guidance', header: 'oracle.col.guidance', unit: 'usdBnPerYear' },
    // A fiscal year ending in May y holds 7 months of calendar y−1 and 5 of calendar y.
    { id: 'openai', header: 'oracle.col.openaiInFiscalYear', unit: 'usdPerYear', formula: `=7/12*${oracleIn('({.fiscalYear}-1)')}+5/12*${oracleIn('{.fiscalYear}')}` },
    { id: 'share', header: 'oracle.col.shareOfGuidance', unit: 'percent', formula: '={.openai}/({.guidance}*10^9)' },
  ],
  rows: Array.from({ length: GUIDANCE_YEARS }, (_, k) => ({ cells: { guidance: factValue('oracle.ociGuidance', k) } })),
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
    ...ledgerInputs,
    ledger,
    input('revenueBase', 'oracle.in.revenueBase', 'usdBnPerYear', factValue('openai.revenueTarget2025')),
    input('baseYear', 'oracle.in.baseYear', 'year', assume(2025, 'oracle.why.baseYear', ['openai.revenueTarget2025'])),
    input('growth', 'oracle.in.growth', 'percentPerYear', OPENAI_REVENUE_GROWTH),
    input('availableShare', 'oracle.in.availableShare', 'percent', assume(0.3, 'oracle.why.availableShare')),
    input('cash', 'oracle.in.cash', 'usdBn', assume(0, 'oracle.why.cash')),
    input('volatility', 'oracle.in.volatility', 'percentPerYear', assume(0.35, 'oracle.why.volatility')),
  ],
  calculations: [
    continuousGrowth(),
    calc('contractValue', 'oracle.calc.contractValue', 'usd', `=${row('value')}`, 'oracle.note.fromLedger'),
    calc('capacity', 'oracle.calc.capacity', 'gw', `=${row('gw')}`, 'oracle.note.fromLedger'),
    calc('startYear', 'oracle.calc.startYear', 'year', `=${row('first')}`, 'oracle.note.fromLedger'),
    calc('finalYear', 'oracle.calc.finalYear', 'year', `=${row('last')}`, 'oracle.note.fromLedger'),
    calc('perGwYear', 'oracle.calc.perGwYear', 'usdPerGw', '={contractValue}/SUM({gwYears.oracle})', 'oracle.note.perGwYear'),
    calc('finalCommitment', 'oracle.calc.finalCommitment', 'usdPerYear', '=INDEX({paid.oracle},INT({finalYear})-{scheduleStart}+1)'),
    ...ledgerTotals,
    ...ledgerTables,
    byYear,
    guidance,
  ],
  outputs: [
    output('total', 'ORCL_TotalCommitment', 'oracle.out.total', 'usd', '={byYear.commitment.total}'),
    output('expectedTotal', 'ORCL_ExpectedCommitment', 'oracle.out.expected', 'usd', '={byYear.expected.total}'),
    output('perGw', 'ORCL_CommitmentPerGw', 'oracle.out.perGw', 'usdPerGw', '={contractValue}/{capacity}'),
    output('pricePerGwYear', 'ORCL_PricePerGwYear', 'oracle.out.perGwYear', 'usdPerGw', '={perGwYear}'),
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
    output('guidanceShare', 'ORCL_PeakShareOfOciGuidance', 'oracle.out.guidanceShare', 'percent', '=MAX({oci.share})'),
  ],
  checks: [
    ...ledgerChecks('ledgerHeadline').map((c) => check(c.id, c.label, c.formula)),
    check('total', 'oracle.check.total', '=ABS({total}-{contractValue})<1'),
    check('term', 'oracle.check.term', '=AND({oracleTerm}=INT({oracleTerm}),{oracleTerm}>=1,{finalYear}<={schedule.year.last},SUMPRODUCT(({byYear.commitment}>0)*1)={oracleTerm})'),
    check('cumGap', 'oracle.check.cumGap', '=ABS({cumGap}-({byYear.commitment.total}-{byYear.available.total}-{cash}*10^9))<1'),
    check('probability', 'oracle.check.probability', '=AND({shortfall}>=0,{shortfall}<=1)'),
    check('guidance', 'oracle.check.guidance', '=MAX({oci.share})<=1'),
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
