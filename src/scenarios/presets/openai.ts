/**
 * [openai] Can OpenAI pay? A funding model that follows the gigawatts.
 *
 * - Compute is the ledger's expected schedule (`schedule.total`: money paid as capacity comes
 *   online, financed chips as interest and repayment), once: the reported gross margin's cost of
 *   revenue is mostly inference compute that runs on that same capacity, so the cash model takes
 *   compute from the ledger and from cost of revenue only the part that is not compute; inference
 *   the ledger's capacity cannot carry is bought outside it (`computeOutside`).
 * - Revenue from the 2025 actual and the end-2025 run rate, either growing to the case's 2030 level
 *   or built from drivers (weekly users × paying share × revenue per payer + paying businesses ×
 *   revenue per business); the case table chooses.
 * - Calibration: the model's 2025 burn beside the reported one; the start-2026 cash includes the
 *   2025 equity round and does not subtract 2025 dues (they are inside the reported burn).
 * - Financing: dated equity rounds (a weight on the conditional part), later equity per case, debt
 *   with interest and repayment, a minimum cash buffer.
 * - `DEALS.FUNDINGRISK` with per-year growth and revenue share and the buffer: the fan of cash and of
 *   the peak funding need; a tornado of the p50 peak need; published estimates beside the model's.
 */
import type { MessageKey } from '../../i18n';
import type { FactId } from '../facts';
import { assume, calc, CalcRow, ChartSpec, check, factValue, input, output, Scenario, Table, TableCell, TableRow } from '../types';
import { excelDate } from '../units';
import { COMMITMENTS_TOTAL, dealRow, ledger, ledgerChecks, ledgerInputs, ledgerTables, ledgerTotals, SCHEDULE_YEARS } from './ledger';

/**
 * Facts by date: one row per dated milestone (the article's date, then each fact that changed an
 * input), one column per input that changed over time, each cell the value known on that date (the
 * fact, carried forward; before the first fact a labelled assumption). The inputs take the row of the
 * latest milestone on or before the as-of date (MATCH type 1 on the ascending dates), so the sheet
 * answers "what did we know then" as live formulas.
 */
export const AS_OF_COLUMNS = ['revenue2025', 'runRateEnd2025', 'burn2025', 'projectedRevenue2030', 'round2026Total', 'nvidiaLoiWeight'] as const;
type AsOfColumn = (typeof AS_OF_COLUMNS)[number];

/** The article's date: the first milestone. */
export const ARTICLE_DATE = '2025-10-13';

interface Milestone {
  readonly iso: string;
  readonly label: MessageKey;
  /** The facts dated that day that change an input (the date's source). */
  readonly basis: readonly FactId[];
  readonly values: Readonly<Record<AsOfColumn, TableCell>>;
}

const milestoneDate = (m: Milestone) => assume(excelDate(m.iso), 'openai.why.milestoneDate', m.basis.length > 0 ? m.basis : undefined);

const ARTICLE: Milestone = {
  iso: ARTICLE_DATE,
  label: 'openai.milestone.article',
  basis: [],
  values: {
    revenue2025: factValue('openai.revenueTarget2025'),
    runRateEnd2025: assume(16, 'openai.why.runRateBefore', ['openai.revenueTarget2025']),
    burn2025: assume(7, 'openai.why.burnBefore', ['openai.h1CashBurn']),
    projectedRevenue2030: factValue('openai.projectedRevenue2030'),
    round2026Total: assume(0, 'openai.why.round2026Before'),
    nvidiaLoiWeight: assume(0.5, 'openai.why.nvidiaLoiWeight', ['nvidia.investmentMax', 'nvidia.capacity']),
  },
};
const RUN_RATE: Milestone = { iso: '2025-11-06', label: 'openai.milestone.runRate', basis: ['openai.runRateEnd2025'], values: { ...ARTICLE.values, runRateEnd2025: factValue('openai.runRateEnd2025') } };
const STALLED: Milestone = {
  iso: '2026-01-30',
  label: 'openai.milestone.nvidiaStalled',
  basis: ['nvidia.statusWsj'],
  values: { ...RUN_RATE.values, nvidiaLoiWeight: assume(0.25, 'openai.why.nvidiaStalled', ['nvidia.statusWsj']) },
};
const ACTUALS: Milestone = {
  iso: '2026-02-21',
  label: 'openai.milestone.actuals',
  basis: ['openai.revenue2025', 'openai.burn2025', 'openai.projectedRevenue2030Feb'],
  values: { ...STALLED.values, revenue2025: factValue('openai.revenue2025'), burn2025: factValue('openai.burn2025'), projectedRevenue2030: factValue('openai.projectedRevenue2030Feb') },
};
const ROUND_2026: Milestone = {
  iso: '2026-02-27',
  label: 'openai.milestone.round2026',
  basis: ['openai.round2026', 'nvidia.equityReplacesLoi'],
  values: { ...ACTUALS.values, round2026Total: factValue('openai.round2026'), nvidiaLoiWeight: assume(0, 'ledger.why.nvidiaWeight', ['nvidia.equityReplacesLoi', 'nvidia.statusWsj']) },
};
export const MILESTONES: readonly Milestone[] = [ARTICLE, RUN_RATE, STALLED, ACTUALS, ROUND_2026];

const asOfFacts: Table = {
  kind: 'table',
  id: 'asOfFacts',
  title: 'openai.table.asOfFacts',
  columns: [
    { id: 'date', header: 'openai.col.milestoneDate', unit: 'date' },
    { id: 'label', header: 'openai.col.milestone', unit: 'text' },
    { id: 'revenue2025', header: 'openai.in.revenue2025', unit: 'usdBnPerYear' },
    { id: 'runRateEnd2025', header: 'openai.in.runRateEnd2025', unit: 'usdBnPerYear' },
    { id: 'burn2025', header: 'openai.in.burn2025', unit: 'usdBn' },
    { id: 'projectedRevenue2030', header: 'openai.in.projectedRevenue2030', unit: 'usdBnPerYear' },
    { id: 'round2026Total', header: 'openai.in.round2026Total', unit: 'usdBn' },
    { id: 'nvidiaLoiWeight', header: 'openai.col.nvidiaLoiWeight', unit: 'probability' },
    { id: 'known', header: 'openai.col.known', unit: 'text', formula: '=IF({.date}<={asOf},{str:openai.asOf.known},{str:openai.asOf.later})' },
  ],
  rows: MILESTONES.map((m) => ({ cells: { date: milestoneDate(m), label: { text: m.label }, ...m.values } })),
};

/**
 * The row of the latest milestone on or before a date (a formula without "="); a date before the
 * first milestone takes the first (the sheet's check flags it) rather than #N/A in every input.
 */
export const milestoneOf = (date: string) => `MATCH(MAX(${date},INDEX({asOfFacts.date},1)),{asOfFacts.date},1)`;
/** An input as known on a date: its column of the facts-by-date table at that date's milestone. */
export const knownOn = (column: AsOfColumn, date: string) => `INDEX({asOfFacts.${column}},${milestoneOf(date)})`;

const asOfCalcs: readonly CalcRow[] = [
  calc('revenue2025', 'openai.in.revenue2025', 'usdBnPerYear', `=${knownOn('revenue2025', '{asOf}')}`, 'openai.note.asOf'),
  calc('runRateEnd2025', 'openai.in.runRateEnd2025', 'usdBnPerYear', `=${knownOn('runRateEnd2025', '{asOf}')}`),
  calc('burn2025', 'openai.in.burn2025', 'usdBn', `=${knownOn('burn2025', '{asOf}')}`),
  calc('projectedRevenue2030', 'openai.in.projectedRevenue2030', 'usdBnPerYear', `=${knownOn('projectedRevenue2030', '{asOf}')}`),
  calc('round2026Total', 'openai.in.round2026Total', 'usdBn', `=${knownOn('round2026Total', '{asOf}')}`),
  calc('nvidiaLoiWeight', 'openai.col.nvidiaLoiWeight', 'probability', `=${knownOn('nvidiaLoiWeight', '{asOf}')}`),
];

/** The ledger with Nvidia's letter-of-intent weight as known on the as-of date. */
const NVIDIA = dealRow('nvidia') - 1;
const fundingLedger: Table = {
  ...ledger,
  rows: ledger.rows.map((row, k) => (k === NVIDIA ? { ...row, cells: { ...row.cells, weight: { formula: '={nvidiaLoiWeight}' } } } : row)),
};

/** The chosen case: column 1…4 of a case table. */
const CHOSEN = '=CHOOSE({caseChoice},{.bear},{.base},{.bull},{.company})';

const caseRow = (label: MessageKey, bear: TableCell, base: TableCell, bull: TableCell, company: TableCell): TableRow => ({
  cells: { label: { text: label }, bear, base, bull, company },
});

const caseColumns = (unit: 'percent' | 'usdBnPerYear' | 'count') => [
  { id: 'label', header: 'openai.col.caseInput' as MessageKey, unit: 'text' as const },
  { id: 'bear', header: 'openai.case.bear' as MessageKey, unit },
  { id: 'base', header: 'openai.case.base' as MessageKey, unit },
  { id: 'bull', header: 'openai.case.bull' as MessageKey, unit },
  { id: 'company', header: 'openai.case.company' as MessageKey, unit },
  { id: 'chosen', header: 'openai.col.chosen' as MessageKey, unit, formula: CHOSEN },
];

/** How each case builds revenue: 1 grows the run rate to the case's 2030 revenue, 2 uses the drivers. */
const caseMethod: Table = {
  kind: 'table',
  id: 'caseMethod',
  title: 'openai.table.caseMethod',
  columns: caseColumns('count'),
  rows: [
    caseRow(
      'openai.case.method',
      assume(2, 'openai.why.methodBear', ['hsbc.fundingGap']),
      assume(1, 'openai.why.methodGrowth'),
      assume(1, 'openai.why.methodGrowth'),
      assume(1, 'openai.why.methodGrowth'),
    ),
  ],
};

/** Case inputs that are money per year (rows: 2030 revenue, later equity, debt drawn). */
const caseMoney: Table = {
  kind: 'table',
  id: 'caseMoney',
  title: 'openai.table.caseMoney',
  columns: caseColumns('usdBnPerYear'),
  rows: [
    caseRow(
      'openai.case.revenue2030',
      assume(100, 'openai.why.revenue2030', ['openai.projectedRevenue2030Feb', 'openai.projectedRevenue2030']),
      assume(160, 'openai.why.revenue2030', ['openai.projectedRevenue2030Feb', 'openai.projectedRevenue2030']),
      assume(220, 'openai.why.revenue2030', ['openai.projectedRevenue2030Feb', 'openai.projectedRevenue2030']),
      { formula: '={projectedRevenue2030}' },
    ),
    caseRow('openai.case.laterEquity', assume(0, 'openai.why.laterEquity'), assume(10, 'openai.why.laterEquity'), assume(20, 'openai.why.laterEquity'), assume(20, 'openai.why.laterEquity')),
    caseRow('openai.case.debt', assume(0, 'openai.why.debt'), assume(10, 'openai.why.debt'), assume(20, 'openai.why.debt'), assume(20, 'openai.why.debt')),
  ],
};

/** Case inputs that are rates. */
const caseRates: Table = {
  kind: 'table',
  id: 'caseRates',
  title: 'openai.table.caseRates',
  columns: caseColumns('percent'),
  rows: [
    caseRow('openai.case.lateGrowth', assume(0.05, 'openai.why.lateGrowth'), assume(0.1, 'openai.why.lateGrowth'), assume(0.15, 'openai.why.lateGrowth'), assume(0.15, 'openai.why.lateGrowth')),
    caseRow('openai.case.volatility', assume(0.5, 'openai.why.volatility'), assume(0.4, 'openai.why.volatility'), assume(0.3, 'openai.why.volatility'), assume(0.3, 'openai.why.volatility')),
    caseRow(
      'openai.case.grossMargin2030',
      assume(0.35, 'openai.why.grossMargin2030', ['openai.grossMargin2025']),
      assume(0.45, 'openai.why.grossMargin2030', ['openai.grossMargin2025']),
      assume(0.55, 'openai.why.grossMargin2030', ['openai.grossMargin2025']),
      assume(0.55, 'openai.why.grossMargin2030', ['openai.grossMargin2025']),
    ),
    caseRow('openai.case.opexGrowth', assume(0.3, 'openai.why.opexGrowth'), assume(0.25, 'openai.why.opexGrowth'), assume(0.25, 'openai.why.opexGrowth'), assume(0.25, 'openai.why.opexGrowth')),
  ],
};

/** Dated equity: each round's year, amount and the weight (probability) that it is paid. */
const roundRow = (label: MessageKey, year: TableCell, amount: TableCell, weight: TableCell): TableRow => ({ cells: { label: { text: label }, year, amount, weight } });

const rounds: Table = {
  kind: 'table',
  id: 'rounds',
  title: 'openai.table.rounds',
  columns: [
    { id: 'label', header: 'openai.col.round', unit: 'text' },
    { id: 'year', header: 'openai.col.roundYear', unit: 'year' },
    { id: 'amount', header: 'openai.col.roundAmount', unit: 'usdBn' },
    { id: 'weight', header: 'openai.col.roundWeight', unit: 'probability' },
    // The 2026 round's parts count once it is known on the as-of date (its total is then above 0).
    { id: 'expected', header: 'openai.col.roundExpected', unit: 'usd', formula: '={.amount}*{.weight}*10^9*IF({.year}>{scheduleStart},IF({round2026Total}>0,1,0),1)' },
  ],
  rows: [
    roundRow('openai.round.softbank2025', assume(2025, 'openai.why.round2025Year', ['openai.round2025']), factValue('openai.round2025'), assume(1, 'openai.why.roundPaid', ['openai.softbankSecondClosing'])),
    roundRow('openai.round.amazonNow', assume(2026, 'openai.why.round2026Year', ['openai.round2026']), assume(15, 'openai.why.round2026Part', ['openai.round2026']), assume(1, 'openai.why.roundAnnounced', ['openai.round2026'])),
    roundRow(
      'openai.round.amazonLater',
      assume(2027, 'openai.why.amazonLaterYear', ['openai.round2026']),
      assume(35, 'openai.why.round2026Part', ['openai.round2026']),
      assume(0.5, 'openai.why.amazonLaterWeight', ['openai.round2026']),
    ),
    roundRow('openai.round.nvidia', assume(2026, 'openai.why.round2026Year', ['openai.round2026']), factValue('nvidia.equityReplacesLoi'), assume(1, 'openai.why.roundAnnounced', ['openai.round2026'])),
    roundRow('openai.round.softbank2026', assume(2026, 'openai.why.round2026Year', ['openai.round2026']), assume(30, 'openai.why.round2026Part', ['openai.round2026']), assume(1, 'openai.why.roundAnnounced', ['openai.round2026'])),
  ],
  totals: { label: 'sheet.total', sum: ['amount', 'expected'] },
};

const MODEL_YEARS = SCHEDULE_YEARS - 1; // 2026…2033: 2025 is the calibration year

/** The share of the way from 2026 to the revenue target year, mid-year to mid-year (0 … 1, then 1). */
const RAMP = '=MIN(1,({.year}-{scheduleStart}-0.5)/({revenueTargetYear}-{scheduleStart}-0.5))';
/** A value growing geometrically from its start-2026 level to its target-year level along the ramp. */
const along = (start: string, target: string) => `(${start})*((${target})/(${start}))^{.ramp}`;

type RiskArgument = 'due' | 'growth' | 'volatility' | 'share' | 'cash' | 'financing' | 'minimum';

/** `DEALS.FUNDINGRISK` on the model's columns; arguments may be replaced (the tornado). */
function fundingRisk(metric: string, change: Partial<Record<RiskArgument, string>> = {}): string {
  const a = {
    due: '{model.obligations}',
    growth: '{model.growthContinuous}',
    volatility: '{volatility}',
    share: '{model.share}',
    cash: '{startCash}',
    financing: '{model.financing}',
    minimum: '{minimumCash}*10^9',
    ...change,
  };
  return `DEALS.FUNDINGRISK(${a.due},{revenue2025}*10^9,${a.growth},${a.volatility},${a.share},${a.cash},${a.financing},{paths},{seed},"${metric}",${a.minimum})`;
}

/** A peak funding need (last year: the need so far never falls) with some inputs changed. */
const peakNeed = (metric: 'needP50' | 'needP95', change: Partial<Record<RiskArgument, string>>) => `=INDEX(${fundingRisk(metric, change)},ROWS({model.obligations}))`;

const model: Table = {
  kind: 'table',
  id: 'model',
  title: 'openai.table.model',
  columns: [
    { id: 'year', header: 'ledger.col.year', unit: 'year', formula: '=INDEX({schedule.year},{#}+1)' },
    { id: 'gwOnline', header: 'openai.col.gwOnline', unit: 'gwAtYearEnd', formula: '=INDEX({schedule.gwOnline},{#}+1)' },
    { id: 'gwYears', header: 'openai.col.gwYears', unit: 'gwYears', formula: '=INDEX({schedule.gwYears},{#}+1)' },
    { id: 'ramp', header: 'openai.col.ramp', unit: 'percent', formula: RAMP },
    { id: 'users', header: 'openai.col.users', unit: 'count', formula: `=${along('{users2026}', '{users2030}')}` },
    { id: 'payingShare', header: 'openai.col.payingShare', unit: 'percent', formula: `=${along('{payingShare2026}', '{payingShare2030}')}` },
    { id: 'businesses', header: 'openai.col.businesses', unit: 'count', formula: `=${along('{businesses2026}', '{businesses2030}')}` },
    {
      id: 'revenueDrivers',
      header: 'openai.col.revenueDrivers',
      unit: 'usd',
      formula: '=({.users}*{.payingShare}*{revenuePerPayer}+{.businesses}*{revenuePerBusiness})*10^6*(1+{lateGrowth})^MAX(0,{.year}-{revenueTargetYear})',
    },
    {
      id: 'revenueGrowth',
      header: 'openai.col.revenueGrowth',
      unit: 'usd',
      formula: `=IF({.year}<={revenueTargetYear},${along('{runRateEnd2025}*10^9', '{revenueTarget}')},{revenueTarget}*(1+{lateGrowth})^({.year}-{revenueTargetYear}))`,
    },
    { id: 'revenue', header: 'openai.col.revenue', unit: 'usd', formula: '=IF({revenueMethod}=2,{.revenueDrivers},{.revenueGrowth})' },
    { id: 'previousRevenue', header: 'openai.col.previousRevenue', unit: 'usd', formula: '=IF({#}=1,{revenue2025}*10^9,INDEX({model.revenue},MAX(1,{#}-1)))' },
    { id: 'growthContinuous', header: 'openai.col.growthContinuous', unit: 'percent', formula: '=LN({.revenue}/{.previousRevenue})' },
    { id: 'revenuePerGwYear', header: 'openai.col.revenuePerGwYear', unit: 'usdPerGw', formula: '=IF({.gwYears}>0,{.revenue}/{.gwYears},0)' },
    {
      id: 'grossMargin',
      header: 'openai.col.grossMargin',
      unit: 'percent',
      formula: '={grossMargin2025}+({grossMargin2030}-{grossMargin2025})*MIN(1,({.year}-{scheduleStart})/({revenueTargetYear}-{scheduleStart}))',
    },
    { id: 'costOfRevenue', header: 'openai.col.costOfRevenue', unit: 'usd', formula: '=(1-{.grossMargin})*{.revenue}' },
    { id: 'otherCost', header: 'openai.col.otherCost', unit: 'usd', formula: '={otherCostShare}*{.revenue}' },
    { id: 'inference', header: 'openai.col.inference', unit: 'usd', formula: '={.costOfRevenue}-{.otherCost}' },
    { id: 'ledgerCompute', header: 'openai.col.ledgerCompute', unit: 'usd', formula: '=INDEX({schedule.total},{#}+1)' },
    { id: 'computeOutside', header: 'openai.col.computeOutside', unit: 'usd', formula: '=MAX(0,{.inference}-{.ledgerCompute})' },
    { id: 'training', header: 'openai.col.training', unit: 'usd', formula: '=MAX(0,{.ledgerCompute}-{.inference})' },
    { id: 'opex', header: 'openai.col.opex', unit: 'usd', formula: '={opex2025}*10^9*(1+{opexGrowth})^(MIN({.year},{revenueTargetYear})-{scheduleStart})*(1+{lateGrowth})^MAX(0,{.year}-{revenueTargetYear})' },
    { id: 'opexShare', header: 'openai.col.opexShare', unit: 'percent', formula: '={.opex}/{.revenue}' },
    { id: 'operatingCash', header: 'openai.col.operatingCash', unit: 'usd', formula: '={.revenue}-{.otherCost}-{.ledgerCompute}-{.computeOutside}-{.opex}' },
    { id: 'operatingMargin', header: 'openai.col.operatingMargin', unit: 'percent', formula: '={.operatingCash}/{.revenue}' },
    { id: 'rounds', header: 'openai.col.rounds', unit: 'usd', formula: '=SUMIF({rounds.year},{.year},{rounds.expected})' },
    { id: 'laterEquity', header: 'openai.col.laterEquity', unit: 'usd', formula: '=IF({.year}>={laterEquityFrom},{laterEquity},0)' },
    { id: 'debtDraw', header: 'openai.col.debtDraw', unit: 'usd', formula: '=IF(AND({.year}>={debtFrom},{.year}<={debtTo}),{debtPerYear},0)' },
    // Each year's loan is repaid in equal parts over the tenor, from the year after it is drawn.
    { id: 'repayment', header: 'openai.col.repayment', unit: 'usd', formula: '=SUMPRODUCT({model.debtDraw},({model.year}<{.year})*({model.year}>={.year}-{debtTenor}))/{debtTenor}' },
    { id: 'debt', header: 'openai.col.debt', unit: 'usd', formula: '=SUM({model.debtDraw.first}:{.debtDraw})-SUM({model.repayment.first}:{.repayment})' },
    { id: 'interest', header: 'openai.col.interest', unit: 'usd', formula: '={debtRate}*({.debt}-{.debtDraw}+{.repayment})' },
    // FUNDINGRISK's terms: obligations (fixed in USD), the share of revenue left after the costs that scale with it
    // (other cost of revenue, inference bought outside the ledger), new money.
    { id: 'obligations', header: 'openai.col.obligations', unit: 'usd', formula: '={.ledgerCompute}+{.opex}+{.interest}+{.repayment}' },
    { id: 'share', header: 'openai.col.share', unit: 'percent', formula: '=1-{otherCostShare}-{.computeOutside}/{.revenue}' },
    { id: 'financing', header: 'openai.col.financing', unit: 'usd', formula: '={.rounds}+{.laterEquity}+{.debtDraw}' },
    { id: 'cash', header: 'openai.col.cash', unit: 'usd', formula: '={startCash}+SUMPRODUCT({model.share.first}:{.share},{model.revenue.first}:{.revenue})+SUM({model.financing.first}:{.financing})-SUM({model.obligations.first}:{.obligations})' },
    { id: 'belowBuffer', header: 'openai.col.belowBuffer', unit: 'year', formula: '=IF({.cash}<{minimumCash}*10^9,{.year},{str:openai.notBelow})' },
    // HSBC's basis: no money raised after 2025, no buffer, expected revenue.
    { id: 'cashNoFinancing', header: 'openai.col.cashNoFinancing', unit: 'usd', formula: '={startCash}+SUM({model.operatingCash.first}:{.operatingCash})' },
    { id: 'needNoFinancing', header: 'openai.col.needNoFinancing', unit: 'usd', formula: '=MAX(0,-MIN({model.cashNoFinancing.first}:{.cashNoFinancing}))' },
    { id: 'ranOut', header: 'openai.col.ranOut', unit: 'probability', spill: `=${fundingRisk('ranOutProb')}` },
    { id: 'deficit', header: 'openai.col.deficit', unit: 'usd', spill: `=${fundingRisk('expectedDeficit')}` },
    { id: 'p5', header: 'openai.col.p5', unit: 'usd', spill: `=${fundingRisk('p5')}` },
    { id: 'p50', header: 'openai.col.p50', unit: 'usd', spill: `=${fundingRisk('p50')}` },
    { id: 'p95', header: 'openai.col.p95', unit: 'usd', spill: `=${fundingRisk('p95')}` },
    { id: 'needP50', header: 'openai.col.needP50', unit: 'usd', spill: `=${fundingRisk('needP50')}` },
    { id: 'needP95', header: 'openai.col.needP95', unit: 'usd', spill: `=${fundingRisk('needP95')}` },
  ],
  rows: Array.from({ length: MODEL_YEARS }, () => ({ cells: {} })),
};

interface TornadoRow {
  readonly label: MessageKey;
  readonly change: (factor: string) => Partial<Record<RiskArgument, string>>;
}

/** Each row changes one input by the swing factor; every one moves the p50 peak need while it is above 0. */
const TORNADO: readonly TornadoRow[] = [
  { label: 'openai.tornado.growth', change: (f) => ({ growth: `{model.growthContinuous}*${f}` }) },
  { label: 'openai.tornado.volatility', change: (f) => ({ volatility: `{volatility}*${f}` }) },
  { label: 'openai.tornado.otherCost', change: (f) => ({ share: `1-(1-{model.share})*${f}` }) },
  { label: 'openai.tornado.compute', change: (f) => ({ due: `{model.obligations}+(${f}-1)*{model.ledgerCompute}` }) },
  { label: 'openai.tornado.opex', change: (f) => ({ due: `{model.obligations}+(${f}-1)*{model.opex}` }) },
  { label: 'openai.tornado.cash', change: (f) => ({ cash: `{startCash}*${f}` }) },
  { label: 'openai.tornado.financing', change: (f) => ({ financing: `{model.financing}*${f}` }) },
  { label: 'openai.tornado.buffer', change: (f) => ({ minimum: `{minimumCash}*10^9*${f}` }) },
];

const tornado: Table = {
  kind: 'table',
  id: 'tornado',
  title: 'openai.table.tornado',
  columns: [
    { id: 'label', header: 'openai.col.tornadoInput', unit: 'text' },
    { id: 'lowFactor', header: 'openai.col.lowFactor', unit: 'multiple', formula: '=1-{tornadoSwing}' },
    { id: 'highFactor', header: 'openai.col.highFactor', unit: 'multiple', formula: '=1+{tornadoSwing}' },
    { id: 'low', header: 'openai.col.lowNeed', unit: 'usd' },
    { id: 'high', header: 'openai.col.highNeed', unit: 'usd' },
    { id: 'lowDelta', header: 'openai.col.lowDelta', unit: 'usd', formula: '={.low}-{peakNeed}' },
    { id: 'highDelta', header: 'openai.col.highDelta', unit: 'usd', formula: '={.high}-{peakNeed}' },
    { id: 'swing', header: 'openai.col.swing', unit: 'usd', formula: '=ABS({.high}-{.low})' },
    // The p95 need as well: where the median path never needs money (p50 = 0 at both ends), the tail still does.
    { id: 'lowP95', header: 'openai.col.lowNeedP95', unit: 'usd' },
    { id: 'highP95', header: 'openai.col.highNeedP95', unit: 'usd' },
    { id: 'lowDeltaP95', header: 'openai.col.lowDeltaP95', unit: 'usd', formula: '={.lowP95}-{peakNeed95}' },
    { id: 'highDeltaP95', header: 'openai.col.highDeltaP95', unit: 'usd', formula: '={.highP95}-{peakNeed95}' },
  ],
  rows: TORNADO.map((row) => ({
    cells: {
      label: { text: row.label },
      low: { formula: peakNeed('needP50', row.change('{.lowFactor}')) },
      high: { formula: peakNeed('needP50', row.change('{.highFactor}')) },
      lowP95: { formula: peakNeed('needP95', row.change('{.lowFactor}')) },
      highP95: { formula: peakNeed('needP95', row.change('{.highFactor}')) },
    },
  })),
};

/** The year of the comparison (2030) as a row of the model. */
const IN_COMPARISON_YEAR = (column: string) => `INDEX({model.${column}},MATCH({comparisonYear},{model.year},0))`;
/** Compute paid 2025 … the comparison year: the 2025 calibration's compute, then the model's. */
const COMPUTE_THROUGH = '{compute2025}+SUMPRODUCT(({model.year}<={comparisonYear})*({model.ledgerCompute}+{model.computeOutside}))';

const publishedRow = (label: MessageKey, published: TableCell, modelFormula: string, why: MessageKey): TableRow => ({
  cells: { label: { text: label }, published, model: { formula: modelFormula }, why: { text: why } },
});

/** Published estimates beside the model's figure on the same basis. */
const published: Table = {
  kind: 'table',
  id: 'published',
  title: 'openai.table.published',
  columns: [
    { id: 'label', header: 'openai.col.estimate', unit: 'text' },
    { id: 'published', header: 'openai.col.publishedValue', unit: 'usdBn' },
    { id: 'model', header: 'openai.col.modelValue', unit: 'usd' },
    { id: 'difference', header: 'openai.col.difference', unit: 'usd', formula: '={.model}-{.published}*10^9' },
    { id: 'why', header: 'openai.col.whyDiffer', unit: 'text' },
  ],
  rows: [
    publishedRow('openai.published.hsbcGap', factValue('hsbc.fundingGap'), `=${IN_COMPARISON_YEAR('needNoFinancing')}`, 'openai.published.hsbcGapWhy'),
    publishedRow('openai.published.hsbcRent', assume(792, 'openai.why.hsbcRent', ['hsbc.fundingGap']), `=${COMPUTE_THROUGH}`, 'openai.published.hsbcRentWhy'),
    publishedRow('openai.published.plan', { formula: '={computePlan}' }, `=${COMPUTE_THROUGH}`, 'openai.published.planWhy'),
    publishedRow(
      'openai.published.bain',
      factValue('bain.shortfall'),
      `={bainRevenuePerCompute}*(${IN_COMPARISON_YEAR('ledgerCompute')}+${IN_COMPARISON_YEAR('computeOutside')})-${IN_COMPARISON_YEAR('revenue')}`,
      'openai.published.bainWhy',
    ),
  ],
};

/** The verdict: the p50 new money needed by the verdict year against the user's two thresholds (the amount is OPENAI_NeedByVerdictYear). */
const VERDICT =
  '=IF({needByVerdictYear}<={cornerstoneMaxNeed}*10^9,{str:openai.verdict.cornerstone},IF({needByVerdictYear}>={bubbleMinNeed}*10^9,{str:openai.verdict.bubble},{str:openai.verdict.between}))';

function lineChart(id: string, title: MessageKey, series: ReadonlyArray<readonly [MessageKey, string]>): ChartSpec {
  return {
    id,
    type: 'line',
    title,
    categories: '{model.year}',
    series: series.map(([name, values]) => ({ name, values })),
    xAxis: 'chart.yearAxis',
    yAxis: 'chart.usdBnAxis',
    valueUnit: 'usd',
  };
}

export const openai: Scenario = {
  id: 'openai',
  namePrefix: 'OPENAI',
  sheetName: 'openai.sheet',
  title: 'openai.title',
  summary: 'openai.summary',
  description: {
    key: 'openai.description',
    params: { revenue: { fact: 'openai.revenue2025' }, runRate: { fact: 'openai.runRateEnd2025' }, burn: { fact: 'openai.burn2025' } },
  },
  inputs: [
    // as of: the facts known on this date choose the inputs of the facts-by-date table
    input('asOf', 'openai.in.asOf', 'date', assume(excelDate(ROUND_2026.iso), 'openai.why.asOf', ROUND_2026.basis)),
    asOfFacts,
    // 2025, the calibration year
    input('grossMargin2025', 'openai.in.grossMargin2025', 'percent', assume(0.33, 'openai.why.grossMargin2025', ['openai.grossMargin2025'])),
    input('otherCostShare', 'openai.in.otherCostShare', 'percent', assume(0.1, 'openai.why.otherCostShare', ['openai.grossMargin2025'])),
    input('training2025', 'openai.in.training2025', 'usdBn', assume(7, 'openai.why.training2025', ['openai.burn2025'])),
    input('opex2025', 'openai.in.opex2025', 'usdBn', assume(6, 'openai.why.opex2025', ['openai.burn2025'])),
    input('h1CashBurn', 'openai.in.h1CashBurn', 'usdBn', factValue('openai.h1CashBurn')),
    input('cashMid2025', 'openai.in.cashMid2025', 'usdBn', assume(17.5, 'openai.why.cashMid2025', ['openai.h1NetLoss'])),
    input('softbankFirstClosing', 'openai.in.softbankFirstClosing', 'usdBn', assume(7.5, 'openai.why.softbankFirstClosing', ['openai.softbankSecondClosing'])),
    // the ledger
    ...ledgerInputs,
    fundingLedger,
    // revenue
    input('revenueTargetYear', 'openai.in.revenueTargetYear', 'year', assume(2030, 'openai.why.revenueTargetYear', ['openai.projectedRevenue2030Feb'])),
    input('users2026', 'openai.in.users2026', 'count', factValue('openai.users2026', 0)),
    input('payers2026', 'openai.in.payers2026', 'count', factValue('openai.users2026', 1)),
    input('businesses2026', 'openai.in.businesses2026', 'count', factValue('openai.users2026', 2)),
    input('revenuePerPayer', 'openai.in.revenuePerPayer', 'usdPerYearExact', assume(240, 'openai.why.revenuePerPayer')),
    input('users2030', 'openai.in.users2030', 'count', assume(3000, 'openai.why.hsbcUsers', ['hsbc.fundingGap'])),
    input('payingShare2030', 'openai.in.payingShare2030', 'percent', assume(0.1, 'openai.why.hsbcUsers', ['hsbc.fundingGap'])),
    input('businesses2030', 'openai.in.businesses2030', 'count', assume(30, 'openai.why.businesses2030', ['openai.users2026'])),
    // cases
    input('caseChoice', 'openai.in.caseChoice', 'count', assume(2, 'openai.why.caseChoice')),
    caseMethod,
    caseMoney,
    caseRates,
    // financing
    rounds,
    input('laterEquityFrom', 'openai.in.laterEquityFrom', 'year', assume(2027, 'openai.why.laterEquityFrom', ['openai.round2026'])),
    input('debtFrom', 'openai.in.debtFrom', 'year', assume(2027, 'openai.why.debtYears')),
    input('debtTo', 'openai.in.debtTo', 'year', assume(2030, 'openai.why.debtYears')),
    input('debtRate', 'openai.in.debtRate', 'percentPerYear', assume(0.08, 'openai.why.debtRate')),
    input('debtTenor', 'openai.in.debtTenor', 'years', assume(5, 'openai.why.debtTenor')),
    input('minimumCash', 'openai.in.minimumCash', 'usdBn', assume(10, 'openai.why.minimumCash', ['openai.burn2025'])),
    // Monte Carlo, tornado, verdict
    input('paths', 'openai.in.paths', 'count', assume(10000, 'openai.why.paths')),
    input('seed', 'openai.in.seed', 'count', assume(1, 'openai.why.seed')),
    input('tornadoSwing', 'openai.in.tornadoSwing', 'percent', assume(0.25, 'openai.why.tornadoSwing')),
    input('verdictYear', 'openai.in.verdictYear', 'year', assume(2030, 'openai.why.verdictYear')),
    input('cornerstoneMaxNeed', 'openai.in.cornerstoneMaxNeed', 'usdBn', assume(50, 'openai.why.thresholds')),
    input('bubbleMinNeed', 'openai.in.bubbleMinNeed', 'usdBn', assume(250, 'openai.why.thresholds')),
    // published estimates
    input('comparisonYear', 'openai.in.comparisonYear', 'year', assume(2030, 'openai.why.comparisonYear', ['hsbc.fundingGap'])),
    input('hsbcGw', 'openai.in.hsbcGw', 'gw', assume(36, 'openai.why.hsbcGw', ['hsbc.fundingGap'])),
    input('hsbcOnlineShare', 'openai.in.hsbcOnlineShare', 'percent', assume(1 / 3, 'openai.why.hsbcGw', ['hsbc.fundingGap'])),
    input('bainRevenueNeeded', 'openai.in.bainRevenueNeeded', 'usdTnPerYear', factValue('bain.revenueNeeded')),
    input('bainCapex', 'openai.in.bainCapex', 'usdBnPerYear', factValue('bain.capex')),
  ],
  calculations: [
    ...asOfCalcs,
    calc('caseName', 'openai.calc.caseName', 'text', '=CHOOSE({caseChoice},{str:openai.case.bear},{str:openai.case.base},{str:openai.case.bull},{str:openai.case.company})'),
    calc('revenueMethod', 'openai.calc.revenueMethod', 'count', '=INDEX({caseMethod.chosen},1)', 'openai.note.revenueMethod'),
    calc('revenueTarget', 'openai.calc.revenueTarget', 'usdPerYear', '=INDEX({caseMoney.chosen},1)*10^9'),
    calc('laterEquity', 'openai.calc.laterEquity', 'usdPerYear', '=INDEX({caseMoney.chosen},2)*10^9'),
    calc('debtPerYear', 'openai.calc.debtPerYear', 'usdPerYear', '=INDEX({caseMoney.chosen},3)*10^9'),
    calc('lateGrowth', 'openai.calc.lateGrowth', 'percentPerYear', '=INDEX({caseRates.chosen},1)'),
    calc('volatility', 'openai.calc.volatility', 'percentPerYear', '=INDEX({caseRates.chosen},2)'),
    calc('grossMargin2030', 'openai.calc.grossMargin2030', 'percent', '=INDEX({caseRates.chosen},3)'),
    calc('opexGrowth', 'openai.calc.opexGrowth', 'percentPerYear', '=INDEX({caseRates.chosen},4)'),
    // 2025 calibration: reported revenue and margin, assumed training compute and other costs.
    calc('costOfRevenue2025', 'openai.calc.costOfRevenue2025', 'usd', '=(1-{grossMargin2025})*{revenue2025}*10^9'),
    calc('inference2025', 'openai.calc.inference2025', 'usd', '={costOfRevenue2025}-{otherCostShare}*{revenue2025}*10^9'),
    calc('compute2025', 'openai.calc.compute2025', 'usd', '={inference2025}+{training2025}*10^9'),
    calc('model2025Burn', 'openai.calc.model2025Burn', 'usd', '={costOfRevenue2025}+({training2025}+{opex2025}-{revenue2025})*10^9', 'openai.note.model2025Burn'),
    calc('burnGap', 'openai.calc.burnGap', 'usd', '={model2025Burn}-{burn2025}*10^9'),
    calc('cashStart2025', 'openai.calc.cashStart2025', 'usd', '=({cashMid2025}+{h1CashBurn}-{softbankFirstClosing})*10^9', 'openai.note.cashStart2025'),
    calc('equity2025', 'openai.calc.equity2025', 'usd', '=SUMIF({rounds.year},{scheduleStart},{rounds.expected})'),
    calc('startCash', 'openai.calc.startCash', 'usd', '={cashStart2025}+{equity2025}-{burn2025}*10^9', 'openai.note.startCash'),
    // revenue drivers at the start of 2026
    calc('payingShare2026', 'openai.calc.payingShare2026', 'percent', '={payers2026}/{users2026}'),
    calc('revenuePerBusiness', 'openai.calc.revenuePerBusiness', 'usdPerYearExact', '=({runRateEnd2025}*10^3-{payers2026}*{revenuePerPayer})/{businesses2026}', 'openai.note.revenuePerBusiness'),
    calc('commitments', 'ledger.calc.commitmentsTotal', 'usd', COMMITMENTS_TOTAL, 'ledger.note.commitmentsTotal'),
    ...ledgerTotals,
    ...ledgerTables,
    model,
    calc('peakNeed', 'openai.calc.peakNeedP50', 'usd', '={model.needP50.last}'),
    calc('peakNeed95', 'openai.calc.peakNeedP95', 'usd', '={model.needP95.last}'),
    calc('needByVerdictYear', 'openai.calc.needByVerdictYear', 'usd', '=INDEX({model.needP50},MATCH({verdictYear},{model.year},0))'),
    tornado,
    calc('bainRevenuePerCompute', 'openai.calc.bainRevenuePerCompute', 'multiple', '={bainRevenueNeeded}*10^3/{bainCapex}', 'openai.note.bainRevenuePerCompute'),
    published,
    calc('hsbcGwOnline', 'openai.calc.hsbcGwOnline', 'gw', '={hsbcGw}*{hsbcOnlineShare}'),
  ],
  outputs: [
    output('commitmentsTotal', 'OPENAI_CommitmentsTotal', 'openai.out.commitmentsTotal', 'usd', '={commitments}'),
    output('commitmentMultiple', 'OPENAI_CommitmentsToRevenue', 'openai.out.commitmentMultiple', 'multiple', '={commitments}/({revenue2025}*10^9)'),
    output('case', 'OPENAI_Case', 'openai.out.case', 'text', '={caseName}'),
    output('due2026', 'OPENAI_Due2026', 'openai.out.due2026', 'usd', '=INDEX({schedule.total},MATCH(2026,{schedule.year},0))'),
    output('due2028', 'OPENAI_Due2028', 'openai.out.due2028', 'usd', '=INDEX({schedule.total},MATCH(2028,{schedule.year},0))'),
    output('modelBurn', 'OPENAI_Model2025Burn', 'openai.out.modelBurn', 'usd', '={model2025Burn}'),
    output('gwOnline2030', 'OPENAI_GWOnline2030', 'openai.out.gwOnline2030', 'gwAtYearEnd', '=INDEX({schedule.gwOnline},MATCH(2030,{schedule.year},0))'),
    output('newMoney2030', 'OPENAI_NewMoneyNeededBy2030', 'openai.out.newMoney2030', 'usd', '=INDEX({model.needP50},MATCH(2030,{model.year},0))'),
    output('peakNeedP50', 'OPENAI_PeakFundingNeedP50', 'openai.out.peakNeedP50', 'usd', '={peakNeed}'),
    output('peakNeedP95', 'OPENAI_PeakFundingNeedP95', 'openai.out.peakNeedP95', 'usd', '={peakNeed95}'),
    output('peakYear', 'OPENAI_PeakFundingYear', 'openai.out.peakYear', 'year', '=IF({peakNeed}=0,{str:openai.never},INDEX({model.year},MATCH({peakNeed},{model.needP50},0)))'),
    output('firstBelowBuffer', 'OPENAI_FirstYearBelowBuffer', 'openai.out.firstBelowBuffer', 'year', '=IF(MIN({model.cash})>={minimumCash}*10^9,{str:openai.never},MIN({model.belowBuffer}))'),
    output('ranOutProb', 'OPENAI_RanOutProb', 'openai.out.ranOutProb', 'probability', '={model.ranOut.last}'),
    output('needVerdict', 'OPENAI_NeedByVerdictYear', 'openai.out.needByVerdictYear', 'usd', '={needByVerdictYear}'),
    output('verdictYearOut', 'OPENAI_VerdictYear', 'openai.out.verdictYear', 'year', '={verdictYear}'),
    output('verdict', 'OPENAI_Verdict', 'openai.out.verdict', 'text', VERDICT),
  ],
  checks: [
    ...ledgerChecks('commitments').map((c) => check(c.id, c.label, c.formula)),
    check('case', 'openai.check.case', '=AND({caseChoice}>=1,{caseChoice}<=4,INT({caseChoice})={caseChoice},OR({revenueMethod}=1,{revenueMethod}=2))'),
    check('round2026', 'openai.check.round2026', '=ABS(SUMPRODUCT(({rounds.year}>{scheduleStart})*{rounds.amount})*IF({round2026Total}>0,1,0)-{round2026Total})<10^-9'),
    check('asOf', 'openai.check.asOf', `={asOf}>=INDEX({asOfFacts.date},1)`),
    check('inference', 'openai.check.inference', '=AND({inference2025}>=0,MIN({model.inference})>=0)'),
    check('thresholds', 'openai.check.thresholds', '={cornerstoneMaxNeed}<{bubbleMinNeed}'),
    check('verdictYear', 'openai.check.verdictYear', '=AND(COUNTIF({model.year},{verdictYear})=1,COUNTIF({model.year},{comparisonYear})=1)'),
    check('debtRepaid', 'openai.check.debtRepaid', '=MIN({model.debt})>=-1'),
    check('ranOut', 'openai.check.ranOut', '=AND(MIN({model.ranOut})>=0,MAX({model.ranOut})<=1,{model.ranOut.last}=MAX({model.ranOut}))'),
    check('fan', 'openai.check.fan', '=SUMPRODUCT(({model.p5}>{model.p50})+({model.p50}>{model.p95})+({model.needP50}>{model.needP95}))=0'),
    check('need', 'openai.check.need', '=AND(MIN({model.needP50})>=0,{peakNeed}=MAX({model.needP50}),{peakNeed95}=MAX({model.needP95}))'),
  ],
  charts: [
    lineChart('revenue', 'openai.chart.revenue', [
      ['openai.col.revenue', '{model.revenue}'],
      ['openai.col.ledgerCompute', '{model.ledgerCompute}'],
      ['openai.col.opex', '{model.opex}'],
      ['openai.col.operatingCash', '{model.operatingCash}'],
    ]),
    lineChart('fan', 'openai.chart.fan', [
      ['openai.col.p5', '{model.p5}'],
      ['openai.col.p50', '{model.p50}'],
      ['openai.col.p95', '{model.p95}'],
      ['openai.col.cash', '{model.cash}'],
    ]),
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
    lineChart('need', 'openai.chart.need', [
      ['openai.col.needP50', '{model.needP50}'],
      ['openai.col.needP95', '{model.needP95}'],
    ]),
    {
      id: 'tornado',
      type: 'barClustered',
      title: 'openai.chart.tornado',
      categories: '{tornado.label}',
      series: [
        { name: 'openai.col.lowDelta', values: '{tornado.lowDelta}' },
        { name: 'openai.col.highDelta', values: '{tornado.highDelta}' },
      ],
      xAxis: 'openai.col.tornadoInput',
      yAxis: 'openai.chart.deltaAxis',
      valueUnit: 'usd',
    },
    {
      id: 'tornadoP95',
      type: 'barClustered',
      title: 'openai.chart.tornadoP95',
      categories: '{tornado.label}',
      series: [
        { name: 'openai.col.lowDeltaP95', values: '{tornado.lowDeltaP95}' },
        { name: 'openai.col.highDeltaP95', values: '{tornado.highDeltaP95}' },
      ],
      xAxis: 'openai.col.tornadoInput',
      yAxis: 'openai.chart.deltaAxis',
      valueUnit: 'usd',
    },
  ],
};
