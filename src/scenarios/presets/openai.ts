/**
 * [openai] Can OpenAI pay? A funding model on the commitments ledger: revenue from the latest
 * sourced figures, the share of it available for compute, financing (equity, debt, Nvidia's
 * investment where the ledger includes it) and the starting cash, against the ledger's schedule.
 * Four cases (bear, base, bull, the company's own projection) in case tables, one input choosing
 * the column; the deterministic cash path on the chosen case; `DEALS.FUNDINGRISK` on the same
 * schedule (probability of running out by each year, a p5/p50/p95 fan); a tornado of explicit
 * FUNDINGRISK formulas with the same seed; a verdict from thresholds the user edits.
 */
import type { MessageKey } from '../../i18n';
import { assume, calc, ChartSpec, check, factValue, input, output, Scenario, Table, TableCell, TableRow } from '../types';
import { COMMITMENTS_TOTAL, dealRow, ledger, ledgerChecks, ledgerInputs, ledgerTables, ledgerTotals, SCHEDULE_YEARS } from './ledger';
import { continuousGrowth } from './shared';

const NVIDIA = dealRow('nvidia');
const NVIDIA_INCLUDED = `IF(INDEX({ledger.include},${NVIDIA}),1,0)`;

/** The chosen case: column 1…4 of a case table. */
const CHOSEN = '=CHOOSE({caseChoice},{.bear},{.base},{.bull},{.company})';

const caseRow = (label: MessageKey, bear: TableCell, base: TableCell, bull: TableCell, company: TableCell): TableRow => ({
  cells: { label: { text: label }, bear, base, bull, company },
});

const caseColumns = (unit: 'percent' | 'usdBnPerYear') => [
  { id: 'label', header: 'openai.col.caseInput' as MessageKey, unit: 'text' as const },
  { id: 'bear', header: 'openai.case.bear' as MessageKey, unit },
  { id: 'base', header: 'openai.case.base' as MessageKey, unit },
  { id: 'bull', header: 'openai.case.bull' as MessageKey, unit },
  { id: 'company', header: 'openai.case.company' as MessageKey, unit },
  { id: 'chosen', header: 'openai.col.chosen' as MessageKey, unit, formula: CHOSEN },
];

/** Case inputs that are rates (rows: growth, volatility, revenue share, debt share). */
const caseRates: Table = {
  kind: 'table',
  id: 'caseRates',
  title: 'openai.table.caseRates',
  columns: caseColumns('percent'),
  rows: [
    caseRow(
      'openai.case.growth',
      assume(0.25, 'openai.why.growthBear', ['openai.revenueTarget2025']),
      assume(0.45, 'openai.why.growthBase', ['openai.runRateEnd2025']),
      assume(0.6, 'openai.why.growthBull', ['openai.runRateEnd2025']),
      { formula: '=({projectedRevenue2030}/{revenue2025})^(1/({projectionYear}-{scheduleStart}))-1' },
    ),
    caseRow(
      'openai.case.volatility',
      assume(0.5, 'openai.why.volatility'),
      assume(0.4, 'openai.why.volatility'),
      assume(0.3, 'openai.why.volatility'),
      assume(0.3, 'openai.why.volatilityCompany'),
    ),
    caseRow(
      'openai.case.share',
      assume(0.3, 'openai.why.share', ['openai.h1CashBurn']),
      assume(0.4, 'openai.why.share', ['openai.h1CashBurn']),
      assume(0.5, 'openai.why.share', ['openai.h1CashBurn']),
      assume(0.5, 'openai.why.share', ['openai.h1CashBurn']),
    ),
    caseRow('openai.case.debtShare', assume(0.2, 'openai.why.debtShare'), assume(0.4, 'openai.why.debtShare'), assume(0.6, 'openai.why.debtShare'), assume(0.4, 'openai.why.debtShare')),
  ],
};

/** Case inputs that are money per year (row: equity raised). */
const caseMoney: Table = {
  kind: 'table',
  id: 'caseMoney',
  title: 'openai.table.caseMoney',
  columns: caseColumns('usdBnPerYear'),
  rows: [
    caseRow(
      'openai.case.equity',
      assume(10, 'openai.why.equity', ['openai.secondarySale']),
      assume(20, 'openai.why.equity', ['openai.secondarySale']),
      assume(30, 'openai.why.equity', ['openai.secondarySale']),
      { formula: '={projectedBurn}/{burnYears}' },
    ),
  ],
};

const MODEL_YEARS = SCHEDULE_YEARS - 1; // 2026…2033: 2025 is year 0

/** `DEALS.FUNDINGRISK` on the model's schedule; arguments may be replaced (the tornado). */
function fundingRisk(metric: string, change: Partial<Record<'due' | 'growth' | 'volatility' | 'share' | 'cash' | 'financing', string>> = {}): string {
  const a = {
    due: '{model.due}',
    growth: '{growthContinuous}',
    volatility: '{volatility}',
    share: '{share}',
    cash: '{startCash}',
    financing: '{model.financing}',
    ...change,
  };
  return `DEALS.FUNDINGRISK(${a.due},{revenue2025}*10^9,${a.growth},${a.volatility},${a.share},${a.cash},${a.financing},{paths},{seed},"${metric}")`;
}

/** OPENAI_RanOutProb with some inputs changed: the probability of running out by the last year. */
const ranOutByLastYear = (change: Parameters<typeof fundingRisk>[1]) => `=INDEX(${fundingRisk('ranOutProb', change)},ROWS({model.due}))`;

/** OPENAI_ExpectedShortfallByVerdictYear with some inputs changed: it still moves where the probability sits at 0 or 1. */
const shortfallInVerdictYear = (change: Parameters<typeof fundingRisk>[1]) =>
  `=INDEX(${fundingRisk('expectedShortfall', change)},MATCH({verdictYear},{model.year},0))`;

const model: Table = {
  kind: 'table',
  id: 'model',
  title: 'openai.table.model',
  columns: [
    { id: 'year', header: 'ledger.col.year', unit: 'year', formula: '=INDEX({schedule.year},{#}+1)' },
    { id: 'due', header: 'openai.col.due', unit: 'usd', formula: '=INDEX({schedule.total},{#}+1)' },
    { id: 'revenue', header: 'openai.col.revenue', unit: 'usd', formula: '={revenue2025}*10^9*(1+{growth})^({.year}-{scheduleStart})' },
    { id: 'available', header: 'openai.col.available', unit: 'usd', formula: '={share}*{.revenue}' },
    { id: 'nvidiaDue', header: 'openai.col.nvidiaDue', unit: 'usd', formula: '=INDEX({expected.nvidia},{#}+1)' },
    { id: 'nvidiaFull', header: 'openai.col.nvidiaFull', unit: 'usd', formula: '={.nvidiaDue}*{nvidiaRatio}' },
    { id: 'debt', header: 'openai.col.debt', unit: 'usd', formula: '={debtShare}*{.due}' },
    { id: 'financing', header: 'openai.col.financing', unit: 'usd', formula: `={equityPerYear}+{.debt}+{.nvidiaFull}*${NVIDIA_INCLUDED}` },
    { id: 'cash', header: 'openai.col.cash', unit: 'usd', formula: '={startCash}+SUM({model.available.first}:{.available})+SUM({model.financing.first}:{.financing})-SUM({model.due.first}:{.due})' },
    { id: 'negative', header: 'openai.col.negative', unit: 'year', formula: '=IF({.cash}<0,{.year},{str:openai.notNegative})' },
    { id: 'ranOut', header: 'openai.col.ranOut', unit: 'probability', spill: `=${fundingRisk('ranOutProb')}` },
    { id: 'shortfall', header: 'openai.col.shortfall', unit: 'usd', spill: `=${fundingRisk('expectedShortfall')}` },
    { id: 'p5', header: 'openai.col.p5', unit: 'usd', spill: `=${fundingRisk('p5')}` },
    { id: 'p50', header: 'openai.col.p50', unit: 'usd', spill: `=${fundingRisk('p50')}` },
    { id: 'p95', header: 'openai.col.p95', unit: 'usd', spill: `=${fundingRisk('p95')}` },
  ],
  rows: Array.from({ length: MODEL_YEARS }, () => ({ cells: {} })),
};

interface TornadoRow {
  readonly label: MessageKey;
  readonly low: TableCell;
  readonly high: TableCell;
  readonly change: (factor: string) => Parameters<typeof fundingRisk>[1];
}

const SWING_LOW: TableCell = { formula: '=1-{tornadoSwing}' };
const SWING_HIGH: TableCell = { formula: '=1+{tornadoSwing}' };

const TORNADO: readonly TornadoRow[] = [
  { label: 'openai.tornado.growth', low: SWING_LOW, high: SWING_HIGH, change: (f) => ({ growth: `LN(1+{growth}*${f})` }) },
  { label: 'openai.tornado.volatility', low: SWING_LOW, high: SWING_HIGH, change: (f) => ({ volatility: `{volatility}*${f}` }) },
  { label: 'openai.tornado.share', low: SWING_LOW, high: SWING_HIGH, change: (f) => ({ share: `MIN(1,{share}*${f})` }) },
  { label: 'openai.tornado.cash', low: SWING_LOW, high: SWING_HIGH, change: (f) => ({ cash: `{startCash}*${f}` }) },
  { label: 'openai.tornado.financing', low: SWING_LOW, high: SWING_HIGH, change: (f) => ({ financing: `{model.financing}*${f}` }) },
  // Debt finances a share of what is due, so it scales with the commitments.
  {
    label: 'openai.tornado.obligations',
    low: SWING_LOW,
    high: SWING_HIGH,
    change: (f) => ({ due: `{model.due}*${f}`, financing: `{model.financing}+{debtShare}*(${f}-1)*{model.due}` }),
  },
  // Last row: the tornadoBase check reads it.
  {
    label: 'openai.tornado.nvidia',
    low: assume(0, 'openai.why.tornadoNvidia'),
    high: assume(1, 'openai.why.tornadoNvidia'),
    // 0: without the Nvidia letter of intent (its purchases and its investment); 1: with it.
    change: (f) => ({
      due: `{model.due}+(${f}-${NVIDIA_INCLUDED})*{model.nvidiaDue}`,
      financing: `{model.financing}+(${f}-${NVIDIA_INCLUDED})*({model.nvidiaFull}+{debtShare}*{model.nvidiaDue})`,
    }),
  },
];

const tornado: Table = {
  kind: 'table',
  id: 'tornado',
  title: 'openai.table.tornado',
  columns: [
    { id: 'label', header: 'openai.col.tornadoInput', unit: 'text' },
    { id: 'lowFactor', header: 'openai.col.lowFactor', unit: 'multiple' },
    { id: 'highFactor', header: 'openai.col.highFactor', unit: 'multiple' },
    { id: 'low', header: 'openai.col.lowProb', unit: 'probability' },
    { id: 'high', header: 'openai.col.highProb', unit: 'probability' },
    { id: 'lowDelta', header: 'openai.col.lowDelta', unit: 'probability', formula: '={.low}-{ranOutProb}' },
    { id: 'highDelta', header: 'openai.col.highDelta', unit: 'probability', formula: '={.high}-{ranOutProb}' },
    { id: 'swing', header: 'openai.col.swing', unit: 'probability', formula: '=ABS({.high}-{.low})' },
    { id: 'lowShortfall', header: 'openai.col.lowShortfall', unit: 'usd' },
    { id: 'highShortfall', header: 'openai.col.highShortfall', unit: 'usd' },
    { id: 'lowShortfallDelta', header: 'openai.col.lowShortfallDelta', unit: 'usd', formula: '={.lowShortfall}-{shortfallByVerdictYear}' },
    { id: 'highShortfallDelta', header: 'openai.col.highShortfallDelta', unit: 'usd', formula: '={.highShortfall}-{shortfallByVerdictYear}' },
  ],
  rows: TORNADO.map((row) => ({
    cells: {
      label: { text: row.label },
      lowFactor: row.low,
      highFactor: row.high,
      low: { formula: ranOutByLastYear(row.change('{.lowFactor}')) },
      high: { formula: ranOutByLastYear(row.change('{.highFactor}')) },
      lowShortfall: { formula: shortfallInVerdictYear(row.change('{.lowFactor}')) },
      highShortfall: { formula: shortfallInVerdictYear(row.change('{.highFactor}')) },
    },
  })),
};

/** A bar chart of two tornado columns (low − base, high − base) by input: it reads as a tornado. */
function tornadoChart(id: string, title: MessageKey, [low, high]: readonly [TornadoColumn, TornadoColumn], yAxis: MessageKey, valueUnit: ChartSpec['valueUnit']): ChartSpec {
  return {
    id,
    type: 'barClustered',
    title,
    categories: '{tornado.label}',
    series: [
      { name: `openai.col.${low}`, values: `{tornado.${low}}` },
      { name: `openai.col.${high}`, values: `{tornado.${high}}` },
    ],
    xAxis: 'openai.col.tornadoInput',
    yAxis,
    valueUnit,
  };
}

type TornadoColumn = 'lowDelta' | 'highDelta' | 'lowShortfallDelta' | 'highShortfallDelta';

const FIRST_NEGATIVE = '=IF(MIN({model.cash})>=0,{str:openai.never},MIN({model.negative}))';

export const openai: Scenario = {
  id: 'openai',
  namePrefix: 'OPENAI',
  sheetName: 'openai.sheet',
  title: 'openai.title',
  summary: 'openai.summary',
  description: {
    key: 'openai.description',
    params: { revenue: { fact: 'openai.revenueTarget2025' }, runRate: { fact: 'openai.runRateEnd2025' }, ceo: { fact: 'openai.ceoCommitments' } },
  },
  inputs: [
    input('h1Revenue', 'openai.in.h1Revenue', 'usdBn', factValue('openai.h1Revenue')),
    input('h1Loss', 'openai.in.h1Loss', 'usdBn', factValue('openai.h1NetLoss')),
    input('h1OperatingLoss', 'openai.in.h1OperatingLoss', 'usdBn', assume(7.8, 'openai.why.operatingLoss', ['openai.h1NetLoss'])),
    input('h1CashBurn', 'openai.in.h1CashBurn', 'usdBn', factValue('openai.h1CashBurn')),
    input('revenue2025', 'openai.in.revenue2025', 'usdBnPerYear', factValue('openai.revenueTarget2025')),
    input('runRateEnd2025', 'openai.in.runRateEnd2025', 'usdBnPerYear', factValue('openai.runRateEnd2025')),
    input('valuation', 'openai.in.valuation', 'usdBn', factValue('openai.valuation')),
    input('secondarySale', 'openai.in.secondarySale', 'usdBn', factValue('openai.secondarySale')),
    input('projectedRevenue2030', 'openai.in.projectedRevenue2030', 'usdBnPerYear', factValue('openai.projectedRevenue2030')),
    input('projectionYear', 'openai.in.projectionYear', 'year', assume(2030, 'openai.why.projectionYear', ['openai.projectedRevenue2030'])),
    input('projectedBurn', 'openai.in.projectedBurn', 'usdBn', factValue('openai.projectedBurn')),
    input('burnYears', 'openai.in.burnYears', 'years', assume(5, 'openai.why.burnYears', ['openai.projectedBurn'])),
    input('cashMid2025', 'openai.in.cashMid2025', 'usdBn', assume(17.5, 'openai.why.cashMid2025', ['openai.h1NetLoss'])),
    input('nvidiaInvestment', 'openai.in.nvidiaInvestment', 'usdBn', factValue('nvidia.investmentMax')),
    ...ledgerInputs,
    ledger,
    input('caseChoice', 'openai.in.caseChoice', 'count', assume(2, 'openai.why.caseChoice')),
    caseRates,
    caseMoney,
    input('paths', 'openai.in.paths', 'count', assume(10000, 'openai.why.paths')),
    input('seed', 'openai.in.seed', 'count', assume(1, 'openai.why.seed')),
    input('tornadoSwing', 'openai.in.tornadoSwing', 'percent', assume(0.25, 'openai.why.tornadoSwing')),
    input('verdictYear', 'openai.in.verdictYear', 'year', assume(2030, 'openai.why.verdictYear')),
    input('cornerstoneMaxProb', 'openai.in.cornerstoneMaxProb', 'probability', assume(0.1, 'openai.why.thresholds')),
    input('bubbleMinProb', 'openai.in.bubbleMinProb', 'probability', assume(0.5, 'openai.why.thresholds')),
  ],
  calculations: [
    calc('caseName', 'openai.calc.caseName', 'text', '=CHOOSE({caseChoice},{str:openai.case.bear},{str:openai.case.base},{str:openai.case.bull},{str:openai.case.company})'),
    calc('growth', 'openai.calc.growth', 'percentPerYear', '=INDEX({caseRates.chosen},1)', 'openai.note.growth'),
    continuousGrowth(),
    calc('volatility', 'openai.calc.volatility', 'percentPerYear', '=INDEX({caseRates.chosen},2)'),
    calc('share', 'openai.calc.share', 'percent', '=INDEX({caseRates.chosen},3)'),
    calc('equityPerYear', 'openai.calc.equityPerYear', 'usdPerYear', '=INDEX({caseMoney.chosen},1)*10^9'),
    calc('debtShare', 'openai.calc.debtShare', 'percent', '=INDEX({caseRates.chosen},4)'),
    calc('commitments', 'ledger.calc.commitmentsTotal', 'usd', COMMITMENTS_TOTAL, 'ledger.note.commitmentsTotal'),
    calc('due2025', 'openai.calc.due2025', 'usd', '={schedule.total.first}'),
    calc('startCash', 'openai.calc.startCash', 'usd', '=MAX(0,{cashMid2025}*10^9-{due2025})', 'openai.note.startCash'),
    calc('nvidiaRatio', 'openai.calc.nvidiaRatio', 'percent', `={nvidiaInvestment}*10^9/INDEX({ledger.value},${NVIDIA})`, 'openai.note.nvidiaRatio'),
    calc('runRateH1', 'openai.calc.runRateH1', 'usdPerYear', '={h1Revenue}*2*10^9'),
    calc('runRateGrowth', 'openai.calc.runRateGrowth', 'percent', '={runRateEnd2025}/{revenue2025}-1', 'openai.note.runRateGrowth'),
    ...ledgerTotals,
    ...ledgerTables,
    model,
    tornado,
  ],
  outputs: [
    output('commitmentsTotal', 'OPENAI_CommitmentsTotal', 'openai.out.commitmentsTotal', 'usd', '={commitments}'),
    output('commitmentMultiple', 'OPENAI_CommitmentsToRevenue', 'openai.out.commitmentMultiple', 'multiple', '={commitments}/({revenue2025}*10^9)'),
    output('operatingMargin', 'OPENAI_H1OperatingMargin', 'openai.out.operatingMargin', 'percent', '=-{h1OperatingLoss}/{h1Revenue}'),
    output('burnToRevenue', 'OPENAI_H1CashBurnToRevenue', 'openai.out.burnToRevenue', 'percent', '={h1CashBurn}/{h1Revenue}'),
    output('netMargin', 'OPENAI_H1NetMarginInclRemeasurement', 'openai.out.netMargin', 'percent', '=-{h1Loss}/{h1Revenue}'),
    output('valuationMultiple', 'OPENAI_ValuationToRevenue', 'openai.out.valuationMultiple', 'multiple', '={valuation}/{revenue2025}'),
    output('case', 'OPENAI_Case', 'openai.out.case', 'text', '={caseName}'),
    output('firstNegative', 'OPENAI_FirstNegativeYear', 'openai.out.firstNegative', 'year', FIRST_NEGATIVE),
    output('ranOutProb', 'OPENAI_RanOutProb', 'openai.out.ranOutProb', 'probability', '={model.ranOut.last}'),
    output('shortfallByVerdictYear', 'OPENAI_ExpectedShortfallByVerdictYear', 'openai.out.shortfallByVerdictYear', 'usd', '=INDEX({model.shortfall},MATCH({verdictYear},{model.year},0))'),
    output('ranOutByVerdictYear', 'OPENAI_RanOutProbByVerdictYear', 'openai.out.ranOutByVerdictYear', 'probability', '=INDEX({model.ranOut},MATCH({verdictYear},{model.year},0))'),
    output(
      'verdict',
      'OPENAI_Verdict',
      'openai.out.verdict',
      'text',
      '=IF({ranOutByVerdictYear}<{cornerstoneMaxProb},{str:openai.verdict.cornerstone},IF({ranOutByVerdictYear}>{bubbleMinProb},{str:openai.verdict.bubble},{str:openai.verdict.between}))',
    ),
  ],
  checks: [
    ...ledgerChecks('commitments').map((c) => check(c.id, c.label, c.formula)),
    check('case', 'openai.check.case', '=AND({caseChoice}>=1,{caseChoice}<=4,INT({caseChoice})={caseChoice})'),
    check('thresholds', 'openai.check.thresholds', '={cornerstoneMaxProb}<{bubbleMinProb}'),
    check('verdictYear', 'openai.check.verdictYear', '=COUNTIF({model.year},{verdictYear})=1'),
    check('ranOut', 'openai.check.ranOut', '=AND(MIN({model.ranOut})>=0,MAX({model.ranOut})<=1,{ranOutProb}=MAX({model.ranOut}))'),
    check('fan', 'openai.check.fan', '=SUMPRODUCT(({model.p5}>{model.p50})+({model.p50}>{model.p95}))=0'),
    check(
      'tornadoBase',
      'openai.check.tornadoBase',
      `=AND(IF(INDEX({ledger.include},${NVIDIA}),{tornado.high.last},{tornado.low.last})={ranOutProb},IF(INDEX({ledger.include},${NVIDIA}),{tornado.highShortfall.last},{tornado.lowShortfall.last})={shortfallByVerdictYear})`,
    ),
  ],
  charts: [
    {
      id: 'fan',
      type: 'line',
      title: 'openai.chart.fan',
      categories: '{model.year}',
      series: [
        { name: 'openai.col.p5', values: '{model.p5}' },
        { name: 'openai.col.p50', values: '{model.p50}' },
        { name: 'openai.col.p95', values: '{model.p95}' },
        { name: 'openai.col.cash', values: '{model.cash}' },
      ],
      xAxis: 'chart.yearAxis',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
    {
      id: 'ranOut',
      type: 'columnClustered',
      title: 'openai.chart.ranOut',
      categories: '{model.year}',
      series: [{ name: 'openai.col.ranOut', values: '{model.ranOut}' }],
      xAxis: 'chart.yearAxis',
      yAxis: 'openai.chart.probabilityAxis',
      valueUnit: 'probability',
    },
    tornadoChart('tornado', 'openai.chart.tornado', ['lowDelta', 'highDelta'], 'openai.chart.deltaAxis', 'probability'),
    tornadoChart('tornadoShortfall', 'openai.chart.tornadoShortfall', ['lowShortfallDelta', 'highShortfallDelta'], 'openai.chart.shortfallDeltaAxis', 'usd'),
  ],
};
