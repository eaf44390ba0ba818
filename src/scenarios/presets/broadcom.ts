/**
 * [broadcom] Broadcom–OpenAI: 10 GW of OpenAI-designed accelerators and Broadcom networking,
 * deployed from H2 2026 to the end of 2029. Financial terms were not disclosed: the cost per GW is
 * an assumption. The sheet holds the capacity ledger and takes the deployment, the spend at
 * delivery, the GW and the cost per GW from its Broadcom row, so the contract has one schedule on
 * every sheet; the spend against the OpenAI revenue available for it year by year (FUNDINGGAP,
 * the same funding model as Oracle's sheet).
 */
import { assume, calc, check, factValue, input, output, Scenario, Table } from '../types';
import { dealCell, ledger, ledgerChecks, ledgerInputs, ledgerTables, ledgerTotals, SCHEDULE_YEARS } from './ledger';
import { ALL_IN_PER_GW, continuousGrowth, OPENAI_REVENUE_GROWTH } from './shared';

const row = (column: string) => dealCell('broadcom', column);

const byYear: Table = {
  kind: 'table',
  id: 'byYear',
  title: 'broadcom.table.byYear',
  columns: [
    { id: 'year', header: 'broadcom.col.year', unit: 'year', formula: '={schedule.year@}' },
    { id: 'cumGw', header: 'broadcom.col.cumGw', unit: 'gw', formula: '={online.broadcom@}' },
    { id: 'gw', header: 'broadcom.col.gw', unit: 'gw', formula: '={.cumGw}-IF({#}=1,0,INDEX({online.broadcom},{#}-1))' },
    { id: 'spend', header: 'broadcom.col.spend', unit: 'usdPerYear', formula: '={paid.broadcom@}' },
    { id: 'expected', header: 'broadcom.col.expected', unit: 'usdPerYear', formula: '={expected.broadcom@}' },
    { id: 'cumSpend', header: 'broadcom.col.cumSpend', unit: 'usd', formula: '=SUM({byYear.spend.first}:{.spend})' },
    { id: 'allIn', header: 'broadcom.col.allIn', unit: 'usdPerYear', formula: '={.gw}*{allInPerGw}*10^9' },
    { id: 'revenue', header: 'broadcom.col.revenue', unit: 'usdPerYear', formula: '={revenueBase}*10^9*EXP({growthContinuous}*({.year}-{baseYear}))' },
    // Revenue counts against the contract only in the years it is paid.
    { id: 'available', header: 'broadcom.col.available', unit: 'usdPerYear', formula: '=IF({.spend}>0,{.revenue}*{availableShare},0)' },
    { id: 'cumGap', header: 'broadcom.col.cumGap', unit: 'usd', spill: '=DEALS.FUNDINGGAP({byYear.spend},{byYear.available},{cash}*10^9)' },
  ],
  rows: Array.from({ length: SCHEDULE_YEARS }, () => ({ cells: {} })),
  totals: { label: 'sheet.total', sum: ['gw', 'spend', 'expected', 'allIn', 'available'] },
};

export const broadcom: Scenario = {
  id: 'broadcom',
  namePrefix: 'AVGO',
  sheetName: 'broadcom.sheet',
  title: 'broadcom.title',
  summary: 'broadcom.summary',
  description: { key: 'broadcom.description', params: { gw: { fact: 'broadcom.capacity' }, window: { fact: 'broadcom.window' } } },
  inputs: [
    ...ledgerInputs,
    ledger,
    input('allInPerGw', 'broadcom.in.allInPerGw', 'usdBnPerGw', ALL_IN_PER_GW),
    input('revenueBase', 'oracle.in.revenueBase', 'usdBnPerYear', factValue('openai.revenueTarget2025')),
    input('baseYear', 'oracle.in.baseYear', 'year', assume(2025, 'oracle.why.baseYear', ['openai.revenueTarget2025'])),
    input('growth', 'oracle.in.growth', 'percentPerYear', OPENAI_REVENUE_GROWTH),
    input('availableShare', 'broadcom.in.availableShare', 'percent', assume(0.15, 'broadcom.why.availableShare')),
    input('cash', 'oracle.in.cash', 'usdBn', assume(0, 'oracle.why.cash')),
  ],
  calculations: [
    continuousGrowth(),
    calc('capacity', 'broadcom.calc.capacity', 'gw', `=${row('gw')}-${row('hosted')}`, 'broadcom.note.fromLedger'),
    calc('costPerGw', 'broadcom.calc.costPerGw', 'usdBnPerGw', `=${row('perGw')}`, 'broadcom.note.fromLedger'),
    calc('startYear', 'broadcom.calc.startYear', 'year', `=${row('first')}`, 'broadcom.note.fromLedger'),
    calc('endYear', 'broadcom.calc.endYear', 'year', `=${row('last')}`, 'broadcom.note.fromLedger'),
    ...ledgerTotals,
    ...ledgerTables,
    byYear,
  ],
  outputs: [
    output('totalSpend', 'AVGO_TotalSpend', 'broadcom.out.totalSpend', 'usd', '={byYear.spend.total}'),
    output('expectedSpend', 'AVGO_ExpectedSpend', 'broadcom.out.expectedSpend', 'usd', '={byYear.expected.total}'),
    output('peakSpend', 'AVGO_PeakYearSpend', 'broadcom.out.peakSpend', 'usdPerYear', '=MAX({byYear.spend})'),
    output('allIn', 'AVGO_TotalAllInCost', 'broadcom.out.allIn', 'usd', '={byYear.allIn.total}'),
    output('chipShare', 'AVGO_ChipShareOfAllIn', 'broadcom.out.chipShare', 'percent', '={costPerGw}/{allInPerGw}'),
    output('gwAtEnd', 'AVGO_GwAtEnd', 'broadcom.out.gwAtEnd', 'gw', '={byYear.cumGw.last}'),
    output('completion', 'AVGO_CompletionYear', 'broadcom.out.completion', 'year', '=INDEX({byYear.year},MATCH(MAX({byYear.cumGw}),{byYear.cumGw},0))'),
    output('cumGap', 'AVGO_CumulativeGap', 'broadcom.out.cumGap', 'usd', '={byYear.cumGap.last}'),
    output('coverage', 'AVGO_Coverage', 'broadcom.out.coverage', 'percent', '={byYear.available.total}/{byYear.spend.total}'),
  ],
  checks: [
    ...ledgerChecks('ledgerHeadline').map((c) => check(c.id, c.label, c.formula)),
    check('gwAtEnd', 'broadcom.check.gwAtEnd', '=AND(ABS({gwAtEnd}-{capacity})<0.000001,ABS({byYear.gw.total}-{capacity})<0.000001)'),
    check('window', 'broadcom.check.window', '=AND({completion}={endYear},INDEX({byYear.spend},{startYear}-{scheduleStart}+1)>0,SUMPRODUCT(({byYear.year}<{startYear})*{byYear.spend})=0)'),
    check('cumGap', 'broadcom.check.cumGap', '=ABS({cumGap}-({byYear.spend.total}-{byYear.available.total}-{cash}*10^9))<1'),
    check('chipWithinAllIn', 'broadcom.check.chipWithinAllIn', '={costPerGw}<={allInPerGw}'),
  ],
  charts: [
    {
      id: 'spend',
      type: 'columnClustered',
      title: 'broadcom.chart.spend',
      categories: '{byYear.year}',
      series: [
        { name: 'broadcom.col.spend', values: '{byYear.spend}' },
        { name: 'broadcom.col.allIn', values: '{byYear.allIn}' },
        { name: 'broadcom.col.cumSpend', values: '{byYear.cumSpend}' },
        { name: 'broadcom.col.available', values: '{byYear.available}' },
        { name: 'broadcom.col.cumGap', values: '{byYear.cumGap}' },
      ],
      xAxis: 'chart.yearAxis',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
