/**
 * [broadcom] Broadcom–OpenAI: 10 GW of OpenAI-designed accelerators and Broadcom networking,
 * deployed from H2 2026 to the end of 2029. Financial terms were not disclosed: the cost per GW
 * and the yearly deployment are assumptions. Deployment and spend schedule, and the spend against the
 * OpenAI revenue available for it year by year (FUNDINGGAP, the same funding model as Oracle's sheet).
 */
import { factNumber } from '../facts';
import { assume, check, factValue, input, output, Scenario, Table } from '../types';
import { BROADCOM_COST_PER_GW, continuousGrowth, OPENAI_REVENUE_GROWTH } from './shared';

/** Assumed share of the 10 GW installed in each year of the window: a half-year start, then a ramp. */
const ASSUMED_DEPLOYMENT = [0.05, 0.2, 0.35, 0.4];

const years = factNumber('broadcom.window', 1) - factNumber('broadcom.window', 0) + 1;
if (ASSUMED_DEPLOYMENT.length !== years) throw new Error('broadcom: the assumed deployment must have one share per year of the window');

const deployment: Table = {
  kind: 'table',
  id: 'deployment',
  title: 'broadcom.table.deployment',
  columns: [
    { id: 'year', header: 'broadcom.col.year', unit: 'year', formula: '={startYear}+{#}-1' },
    { id: 'share', header: 'broadcom.col.share', unit: 'percent' },
  ],
  rows: ASSUMED_DEPLOYMENT.map((share, k) => ({ cells: { share: assume(share, k === 0 ? 'broadcom.why.firstYear' : 'broadcom.why.ramp') } })),
  totals: { label: 'sheet.total', sum: ['share'] },
};

const byYear: Table = {
  kind: 'table',
  id: 'byYear',
  title: 'broadcom.table.byYear',
  columns: [
    { id: 'year', header: 'broadcom.col.year', unit: 'year', formula: '={deployment.year@}' },
    { id: 'gw', header: 'broadcom.col.gw', unit: 'gw', formula: '={deployment.share@}*{capacity}' },
    { id: 'cumGw', header: 'broadcom.col.cumGw', unit: 'gw', formula: '=SUM({byYear.gw.first}:{.gw})' },
    { id: 'spend', header: 'broadcom.col.spend', unit: 'usdPerYear', formula: '={.gw}*{costPerGw}*10^9' },
    { id: 'cumSpend', header: 'broadcom.col.cumSpend', unit: 'usd', formula: '=SUM({byYear.spend.first}:{.spend})' },
    { id: 'allIn', header: 'broadcom.col.allIn', unit: 'usdPerYear', formula: '={.gw}*{allInPerGw}*10^9' },
    { id: 'revenue', header: 'broadcom.col.revenue', unit: 'usdPerYear', formula: '={revenueBase}*10^9*EXP({growthContinuous}*({.year}-{baseYear}))' },
    { id: 'available', header: 'broadcom.col.available', unit: 'usdPerYear', formula: '={.revenue}*{availableShare}' },
    { id: 'cumGap', header: 'broadcom.col.cumGap', unit: 'usd', spill: '=DEALS.FUNDINGGAP({byYear.spend},{byYear.available},{cash}*10^9)' },
  ],
  rows: ASSUMED_DEPLOYMENT.map(() => ({ cells: {} })),
  totals: { label: 'sheet.total', sum: ['gw', 'spend', 'allIn', 'available'] },
};

export const broadcom: Scenario = {
  id: 'broadcom',
  namePrefix: 'AVGO',
  sheetName: 'broadcom.sheet',
  title: 'broadcom.title',
  summary: 'broadcom.summary',
  description: { key: 'broadcom.description', params: { gw: { fact: 'broadcom.capacity' }, window: { fact: 'broadcom.window' } } },
  inputs: [
    input('capacity', 'broadcom.in.capacity', 'gw', factValue('broadcom.capacity')),
    input('startYear', 'broadcom.in.startYear', 'year', factValue('broadcom.window', 0)),
    input('endYear', 'broadcom.in.endYear', 'year', factValue('broadcom.window', 1)),
    input('costPerGw', 'broadcom.in.costPerGw', 'usdBnPerGw', BROADCOM_COST_PER_GW),
    input('allInPerGw', 'broadcom.in.allInPerGw', 'usdBnPerGw', factValue('nvidia.allInCostPerGw', 0)),
    input('revenueBase', 'oracle.in.revenueBase', 'usdBnPerYear', factValue('openai.revenueTarget2025')),
    input('baseYear', 'oracle.in.baseYear', 'year', assume(2025, 'oracle.why.baseYear', ['openai.revenueTarget2025'])),
    input('growth', 'oracle.in.growth', 'percentPerYear', OPENAI_REVENUE_GROWTH),
    input('availableShare', 'broadcom.in.availableShare', 'percent', assume(0.15, 'broadcom.why.availableShare')),
    input('cash', 'oracle.in.cash', 'usdBn', assume(0, 'oracle.why.cash')),
    deployment,
  ],
  calculations: [continuousGrowth(), byYear],
  outputs: [
    output('totalSpend', 'AVGO_TotalSpend', 'broadcom.out.totalSpend', 'usd', '={byYear.spend.total}'),
    output('peakSpend', 'AVGO_PeakYearSpend', 'broadcom.out.peakSpend', 'usdPerYear', '=MAX({byYear.spend})'),
    output('allIn', 'AVGO_TotalAllInCost', 'broadcom.out.allIn', 'usd', '={byYear.allIn.total}'),
    output('chipShare', 'AVGO_ChipShareOfAllIn', 'broadcom.out.chipShare', 'percent', '={costPerGw}/{allInPerGw}'),
    output('gwAtEnd', 'AVGO_GwAtEnd', 'broadcom.out.gwAtEnd', 'gw', '={byYear.cumGw.last}'),
    output('completion', 'AVGO_CompletionYear', 'broadcom.out.completion', 'year', '={byYear.year.last}'),
    output('cumGap', 'AVGO_CumulativeGap', 'broadcom.out.cumGap', 'usd', '={byYear.cumGap.last}'),
    output('coverage', 'AVGO_Coverage', 'broadcom.out.coverage', 'percent', '={byYear.available.total}/{byYear.spend.total}'),
  ],
  checks: [
    check('deploymentSum', 'broadcom.check.deploymentSum', '=ABS({deployment.share.total}-1)<0.000001'),
    check('gwAtEnd', 'broadcom.check.gwAtEnd', '=ABS({gwAtEnd}-{capacity})<0.000001'),
    check('window', 'broadcom.check.window', '={byYear.year.last}={endYear}'),
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
