/**
 * [bain2030] Bain's 2030 gap: USD 500 bn of annual capex needs USD 2 tn of annual revenue
 * (REQUIREDREVENUE), about USD 800 bn more than Bain's best-case funding capacity (FUNDINGGAP; a
 * capacity to fund, not revenue in sight); coverage; and the probability of falling short for a
 * revenue path the user sets (SHORTFALLPROB, native RRI), with where that path's median lands
 * against the capacity and the growth at which it would meet it, computed on the sheet.
 */
import { assume, calc, check, factValue, input, output, Scenario, Table } from '../types';
import { continuousGrowth } from './shared';

/** Assumed path: base year and horizon (inputs the user may change) and starting revenue. */
const BASE_YEAR = 2025;
const TARGET_YEAR = 2030;
/** Rows of the path table: room for a horizon of up to 15 years; rows after the target year repeat it. */
const PATH_ROWS = 16;

const path: Table = {
  kind: 'table',
  id: 'path',
  title: 'bain.table.path',
  columns: [
    { id: 'year', header: 'bain.col.year', unit: 'year', formula: '=MIN({baseYear}+{#}-1,{targetYear})' },
    { id: 'expected', header: 'bain.col.expected', unit: 'usdPerYear', formula: '={revenueNow}*10^9*EXP({growthContinuous}*({.year}-{baseYear}))' },
    { id: 'median', header: 'bain.col.median', unit: 'usdPerYear', formula: '={revenueNow}*10^9*EXP(({growthContinuous}-{volatility}^2/2)*({.year}-{baseYear}))' },
    { id: 'required', header: 'bain.col.required', unit: 'usdPerYear', formula: '={required}' },
    { id: 'gap', header: 'bain.col.gap', unit: 'usdPerYear', formula: '={.required}-{.median}' },
  ],
  rows: Array.from({ length: PATH_ROWS }, () => ({ cells: {} })),
};

export const bain2030: Scenario = {
  id: 'bain2030',
  namePrefix: 'BAIN',
  sheetName: 'bain.sheet',
  title: 'bain.title',
  summary: 'bain.summary',
  description: { key: 'bain.description', params: { capex: { fact: 'bain.capex' }, revenue: { fact: 'bain.revenueNeeded' }, shortfall: { fact: 'bain.shortfall' } } },
  inputs: [
    input('capex', 'bain.in.capex', 'usdBnPerYear', factValue('bain.capex')),
    input('revenueNeeded', 'bain.in.revenueNeeded', 'usdTnPerYear', factValue('bain.revenueNeeded')),
    input('shortfall', 'bain.in.shortfall', 'usdBnPerYear', factValue('bain.shortfall')),
    input('capexShare', 'bain.in.capexShare', 'percent', assume(0.25, 'bain.why.capexShare', ['bain.capex', 'bain.revenueNeeded'])),
    input('baseYear', 'bain.in.baseYear', 'year', assume(BASE_YEAR, 'bain.why.baseYear')),
    input('targetYear', 'bain.in.targetYear', 'year', assume(TARGET_YEAR, 'bain.why.targetYear', ['bain.revenueNeeded'])),
    input('revenueNow', 'bain.in.revenueNow', 'usdBnPerYear', assume(400, 'bain.why.revenueNow')),
    input('growth', 'bain.in.growth', 'percentPerYear', assume(0.284, 'bain.why.growth')),
    input('volatility', 'bain.in.volatility', 'percentPerYear', assume(0.3, 'bain.why.volatility')),
  ],
  calculations: [
    calc('years', 'bain.calc.years', 'years', '={targetYear}-{baseYear}'),
    continuousGrowth(),
    calc('required', 'bain.calc.required', 'usdPerYear', '=DEALS.REQUIREDREVENUE({capex}*10^9,{capexShare})', 'bain.note.required'),
    calc('capacityBain', 'bain.calc.fundingCapacity', 'usdPerYear', '={revenueNeeded}*10^12-{shortfall}*10^9', 'bain.note.fundingCapacity'),
    path,
    // Where the assumed growth lands, computed rather than asserted: the median path (lognormal, median
    // = revenue × e^((ln(1+g) − σ²/2)·years)) against Bain's funding capacity, and the g that meets it.
    calc('medianToCapacity', 'bain.calc.medianToCapacity', 'percent', '={pathMedian}/{capacityBain}', 'bain.note.medianToCapacity'),
    calc('growthForCapacity', 'bain.calc.growthForCapacity', 'percentPerYear', '=EXP(LN({capacityBain}/({revenueNow}*10^9))/{years}+{volatility}^2/2)-1', 'bain.note.growthForCapacity'),
  ],
  outputs: [
    output('requiredRevenue', 'BAIN_RequiredRevenue', 'bain.out.requiredRevenue', 'usdPerYear', '={required}'),
    output('fundingCapacity', 'BAIN_FundingCapacity', 'bain.out.fundingCapacity', 'usdPerYear', '={capacityBain}'),
    output('gap', 'BAIN_FundingGap', 'bain.out.gap', 'usdPerYear', '=DEALS.FUNDINGGAP({requiredRevenue},{fundingCapacity})'),
    output('coverage', 'BAIN_Coverage', 'bain.out.coverage', 'percent', '={fundingCapacity}/{requiredRevenue}'),
    output('pathMedian', 'BAIN_PathMedianRevenue', 'bain.out.pathMedian', 'usdPerYear', '=INDEX({path.median},{years}+1)'),
    output('pathGap', 'BAIN_PathGap', 'bain.out.pathGap', 'usdPerYear', '=DEALS.FUNDINGGAP({requiredRevenue},{pathMedian})'),
    output('shortfallProb', 'BAIN_ShortfallProb', 'bain.out.shortfallProb', 'probability', '=DEALS.SHORTFALLPROB({requiredRevenue},{revenueNow}*10^9,{growthContinuous},{volatility},{years})'),
    output('growthNeeded', 'BAIN_GrowthNeeded', 'bain.out.growthNeeded', 'percentPerYear', '=RRI({years},{revenueNow}*10^9,{requiredRevenue})'),
  ],
  checks: [
    check('required', 'bain.check.required', '=ABS({requiredRevenue}-{revenueNeeded}*10^12)<1'),
    check('gap', 'bain.check.gap', '=ABS({gap}-{shortfall}*10^9)<1'),
    check('coverage', 'bain.check.coverage', '=AND({coverage}>0,{coverage}<=1)'),
    check('probability', 'bain.check.probability', '=AND({shortfallProb}>=0,{shortfallProb}<=1)'),
    check('growth', 'bain.check.growth', '=ABS({revenueNow}*10^9*(1+{growthNeeded})^{years}-{requiredRevenue})<=0.000001*{requiredRevenue}'),
    check('growthForCapacity', 'bain.check.growthForCapacity', '=ABS({revenueNow}*10^9*EXP((LN(1+{growthForCapacity})-{volatility}^2/2)*{years})-{capacityBain})<=0.000001*{capacityBain}'),
    check('pathEnd', 'bain.check.pathEnd', `=AND({years}>=1,{years}<=${PATH_ROWS - 1},{years}=INT({years}),INDEX({path.year},{years}+1)={targetYear})`),
  ],
  charts: [
    {
      id: 'path',
      type: 'line',
      title: 'bain.chart.path',
      categories: '{path.year}',
      series: [
        { name: 'bain.col.expected', values: '{path.expected}' },
        { name: 'bain.col.median', values: '{path.median}' },
        { name: 'bain.col.required', values: '{path.required}' },
      ],
      xAxis: 'chart.yearAxis',
      yAxis: 'chart.usdBnPerYearAxis',
      valueUnit: 'usdPerYear',
    },
  ],
};
