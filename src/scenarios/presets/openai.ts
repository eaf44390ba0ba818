/**
 * [openai] OpenAI's books: H1 2025 revenue USD 4.3 bn and net loss USD 13.5 bn, a 2025 revenue
 * target of about USD 13 bn, a USD 500 bn valuation and about USD 1 tn of compute commitments.
 * Commitments ÷ revenue, valuation ÷ revenue, the growth needed to carry the commitments (native
 * RRI), the probability of falling short (SHORTFALLPROB) and a "cornerstone or bubble" verdict from
 * thresholds the user can edit.
 */
import { assume, calc, check, factValue, input, output, Scenario, Table } from '../types';

const overview: Table = {
  kind: 'table',
  id: 'overview',
  title: 'openai.table.overview',
  columns: [
    { id: 'label', header: 'openai.col.item', unit: 'text' },
    { id: 'value', header: 'openai.col.amount', unit: 'usd' },
  ],
  rows: [
    { cells: { label: { text: 'openai.row.runRate' }, value: { formula: '={runRate}' } } },
    { cells: { label: { text: 'openai.row.revenue2025' }, value: { formula: '={revenue2025}*10^9' } } },
    { cells: { label: { text: 'openai.row.h1Loss' }, value: { formula: '={h1Loss}*10^9' } } },
    { cells: { label: { text: 'openai.row.annualCommitment' }, value: { formula: '={annualCommitment}' } } },
    { cells: { label: { text: 'openai.row.valuation' }, value: { formula: '={valuation}*10^9' } } },
    { cells: { label: { text: 'openai.row.commitments' }, value: { formula: '={commitments}*10^9' } } },
  ],
};

export const openai: Scenario = {
  id: 'openai',
  namePrefix: 'OPENAI',
  sheetName: 'openai.sheet',
  title: 'openai.title',
  summary: 'openai.summary',
  description: {
    key: 'openai.description',
    params: {
      h1Revenue: { fact: 'openai.h1Revenue' },
      h1Loss: { fact: 'openai.h1NetLoss' },
      revenue: { fact: 'openai.revenueTarget2025' },
      valuation: { fact: 'openai.valuation' },
    },
  },
  inputs: [
    input('h1Revenue', 'openai.in.h1Revenue', 'usdBn', factValue('openai.h1Revenue')),
    input('h1Loss', 'openai.in.h1Loss', 'usdBn', factValue('openai.h1NetLoss')),
    input('revenue2025', 'openai.in.revenue2025', 'usdBnPerYear', factValue('openai.revenueTarget2025')),
    input('valuation', 'openai.in.valuation', 'usdBn', factValue('openai.valuation')),
    input('commitments', 'openai.in.commitments', 'usdBn', assume(1000, 'openai.why.commitments')),
    input('payYears', 'openai.in.payYears', 'years', assume(8, 'openai.why.payYears', ['oracle.term', 'oracle.startYear', 'broadcom.window'])),
    input('computeShare', 'openai.in.computeShare', 'percent', assume(0.5, 'openai.why.computeShare')),
    input('horizon', 'openai.in.horizon', 'years', assume(5, 'openai.why.horizon')),
    input('growth', 'openai.in.growth', 'percentPerYear', assume(0.5, 'openai.why.growth')),
    input('volatility', 'openai.in.volatility', 'percentPerYear', assume(0.4, 'openai.why.volatility')),
    input('cornerstoneMaxProb', 'openai.in.cornerstoneMaxProb', 'probability', assume(0.25, 'openai.why.thresholds')),
    input('cornerstoneMaxMultiple', 'openai.in.cornerstoneMaxMultiple', 'multiple', assume(20, 'openai.why.thresholds')),
    input('bubbleMinProb', 'openai.in.bubbleMinProb', 'probability', assume(0.5, 'openai.why.thresholds')),
    input('bubbleMinMultiple', 'openai.in.bubbleMinMultiple', 'multiple', assume(50, 'openai.why.thresholds')),
  ],
  calculations: [
    calc('runRate', 'openai.calc.runRate', 'usdPerYear', '={h1Revenue}*2*10^9', 'openai.note.runRate'),
    calc('annualCommitment', 'openai.calc.annualCommitment', 'usdPerYear', '={commitments}*10^9/{payYears}'),
    overview,
  ],
  outputs: [
    output('commitmentMultiple', 'OPENAI_CommitmentsToRevenue', 'openai.out.commitmentMultiple', 'multiple', '={commitments}/{revenue2025}'),
    output('valuationMultiple', 'OPENAI_ValuationToRevenue', 'openai.out.valuationMultiple', 'multiple', '={valuation}/{revenue2025}'),
    output('netMargin', 'OPENAI_H1NetMargin', 'openai.out.netMargin', 'percent', '=-{h1Loss}/{h1Revenue}'),
    output('requiredRevenue', 'OPENAI_RequiredRevenue', 'openai.out.requiredRevenue', 'usdPerYear', '=DEALS.REQUIREDREVENUE({annualCommitment},{computeShare})'),
    output('growthNeeded', 'OPENAI_GrowthNeeded', 'openai.out.growthNeeded', 'percentPerYear', '=RRI({horizon},{revenue2025}*10^9,{requiredRevenue})'),
    output(
      'shortfallProb',
      'OPENAI_ShortfallProb',
      'openai.out.shortfallProb',
      'probability',
      '=DEALS.SHORTFALLPROB({requiredRevenue},{revenue2025}*10^9,{growth},{volatility},{horizon})',
    ),
    output(
      'verdict',
      'OPENAI_Verdict',
      'openai.out.verdict',
      'text',
      '=IF(AND({shortfallProb}<={cornerstoneMaxProb},{commitmentMultiple}<={cornerstoneMaxMultiple}),{str:openai.verdict.cornerstone},' +
        'IF(OR({shortfallProb}>={bubbleMinProb},{commitmentMultiple}>={bubbleMinMultiple}),{str:openai.verdict.bubble},{str:openai.verdict.between}))',
    ),
  ],
  checks: [
    check('thresholds', 'openai.check.thresholds', '=AND({cornerstoneMaxProb}<{bubbleMinProb},{cornerstoneMaxMultiple}<{bubbleMinMultiple})'),
    check('growth', 'openai.check.growth', '=ABS({revenue2025}*10^9*(1+{growthNeeded})^{horizon}-{requiredRevenue})<=0.000001*{requiredRevenue}'),
    check('probability', 'openai.check.probability', '=AND({shortfallProb}>=0,{shortfallProb}<=1)'),
    check('required', 'openai.check.required', '=ABS({requiredRevenue}*{computeShare}-{annualCommitment})<1'),
  ],
  charts: [
    {
      id: 'overview',
      type: 'columnClustered',
      title: 'openai.chart.overview',
      categories: '{overview.label}',
      series: [{ name: 'openai.col.amount', values: '{overview.value}' }],
      xAxis: 'openai.col.item',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
