/**
 * What each DEALS function computes, with its arguments checked and defaulted. Every surface
 * (Excel through `functions.ts`, the formula engine, the CLI) runs these same functions.
 * Each throws a `DealsError` (`#VALUE!` for bad input, `#NUM!` for no answer) and never returns
 * NaN or Infinity.
 */
import {
  breakevenSharePrice,
  callValue,
  CIRCULAR_FLOW_METRICS,
  circularFlow as circularFlowMetrics,
  CircularFlowMetric,
  blackScholesGreeks,
  dilutedWarrantValue,
  Tranche,
  TrancheGreeks,
  tranchePositionBreakeven,
  tranchePositionGreeks,
  tranchePositionValue,
  TrancheTerms,
  fundingRisk as fundingRiskModel,
  FundingRiskMetric,
  requiredRevenue as requiredRevenueModel,
  runningFundingGap,
  shortfallProbability,
  WarrantTerms,
} from '../model';
import { ArgumentReader, ExcelValue } from './args';
import { FUNCTION_TABLE, FUNDING_RISK_HEADER, FUNDING_RISK_MAX_PATH_YEARS, GREEK_LABELS } from './table';

export { FUNDING_RISK_HEADER, FUNDING_RISK_MAX_PATH_YEARS, FUNDING_RISK_PATHS, GREEK_LABELS } from './table';
import { noSolution } from './errors';
import { alignPeriods, PeriodShape, toShape } from './periods';

export type Cell = number | string;

/** Volatility and years come together (model value) or not at all (intrinsic value). */
function warrantTerms(
  reader: ArgumentReader,
  strikePrice: number,
  volatility: ExcelValue,
  years: ExcelValue,
  rate: ExcelValue,
  dividendYield: ExcelValue,
): WarrantTerms {
  const sigma = reader.numberOrAbsent('volatility', volatility);
  const t = reader.numberOrAbsent('years', years);
  if ((sigma === undefined) !== (t === undefined)) {
    reader.fail(sigma === undefined ? 'volatility' : 'years', { key: 'rule.together', params: { other: sigma === undefined ? 'years' : 'volatility' } });
  }
  return {
    strikePrice,
    volatility: sigma,
    years: t,
    rate: reader.number('rate', rate),
    dividendYield: reader.number('dividendYield', dividendYield),
  };
}

export function warrantValue(
  shares: ExcelValue,
  strike: ExcelValue,
  price: ExcelValue,
  volatility?: ExcelValue,
  years?: ExcelValue,
  rate?: ExcelValue,
  dividendYield?: ExcelValue,
  sharesOutstanding?: ExcelValue,
  priceIncludesWarrants?: ExcelValue,
): number {
  const reader = new ArgumentReader(FUNCTION_TABLE.WARRANTVALUE);
  const warrants = reader.number('shares', shares);
  const strikePrice = reader.number('strike', strike);
  const spot = reader.number('price', price);
  const terms = warrantTerms(reader, strikePrice, volatility, years, rate, dividendYield);
  const outstanding = reader.numberOrAbsent('sharesOutstanding', sharesOutstanding);
  const includesWarrants = reader.flag('priceIncludesWarrants', priceIncludesWarrants);
  const each = outstanding === undefined ? callValue(spot, terms) : dilutedWarrantValue(spot, terms, outstanding, warrants, includesWarrants);
  return reader.finite(warrants * each);
}

/**
 * The arguments of TRANCHEVALUE, TRANCHEGREEKS and TRANCHEBREAKEVEN, in order; the third is the
 * share price (or, for the break-even, the target value). `shares`, `hurdle` and
 * `milestoneProbability` take one number (one tranche) or one cell per tranche in a row or column;
 * a single number stands for every tranche.
 */
export type TrancheCall = [
  shares: ExcelValue,
  strike: ExcelValue,
  priceOrTarget: ExcelValue,
  hurdle: ExcelValue,
  volatility: ExcelValue,
  years: ExcelValue,
  rate?: ExcelValue,
  dividendYield?: ExcelValue,
  milestoneProbability?: ExcelValue,
  observationsPerYear?: ExcelValue,
];

/** Reads a tranche call: the tranches, their shared terms, and the third argument (a positive number named `thirdName`). */
function readTrancheCall(reader: ArgumentReader, thirdName: 'price' | 'targetValue', call: TrancheCall): { tranches: Tranche[]; terms: TrancheTerms; third: number } {
  const [shares, strike, third, hurdle, volatility, years, rate, dividendYield, milestoneProbability, observationsPerYear] = call;
  const {
    series: [counts, hurdles, probabilities],
  } = alignPeriods(
    reader,
    [
      ['shares', reader.numberGrid('shares', shares)],
      ['hurdle', reader.numberGrid('hurdle', hurdle)],
      ['milestoneProbability', reader.numberGrid('milestoneProbability', milestoneProbability)],
    ],
    'tranches',
  );
  const terms: TrancheTerms = {
    strikePrice: reader.number('strike', strike),
    volatility: reader.number('volatility', volatility),
    years: reader.number('years', years),
    rate: reader.number('rate', rate),
    dividendYield: reader.number('dividendYield', dividendYield),
    observationsPerYear: reader.number('observationsPerYear', observationsPerYear),
  };
  const tranches = counts.map((n, i) => ({ shares: n, hurdlePrice: hurdles[i], milestoneProbability: probabilities[i] }));
  return { tranches, terms, third: reader.number(thirdName, third) };
}

/** Value of a tranche position: Σ shares × milestone probability × up-and-in call. */
export function trancheValue(...call: TrancheCall): number {
  const reader = new ArgumentReader(FUNCTION_TABLE.TRANCHEVALUE);
  const { tranches, terms, third: spot } = readTrancheCall(reader, 'price', call);
  return reader.finite(tranchePositionValue(spot, tranches, terms));
}

/** Greeks of a tranche position, as TRANCHEVALUE values it: a 5×2 block of names and values. */
export function trancheGreeks(...call: TrancheCall): Cell[][] {
  const reader = new ArgumentReader(FUNCTION_TABLE.TRANCHEGREEKS);
  const { tranches, terms, third: spot } = readTrancheCall(reader, 'price', call);
  const greeks: TrancheGreeks = tranchePositionGreeks(spot, tranches, terms);
  return GREEK_LABELS.map((label) => [label, reader.finite(greeks[label])]);
}

/** The share price at which TRANCHEVALUE with the same tranches and terms equals the target. */
export function trancheBreakeven(...call: TrancheCall): number {
  const reader = new ArgumentReader(FUNCTION_TABLE.TRANCHEBREAKEVEN);
  const { tranches, terms, third: target } = readTrancheCall(reader, 'targetValue', call);
  if (tranches.every((t) => t.milestoneProbability === 0)) throw noSolution('TRANCHEBREAKEVEN', { key: 'why.allProbabilitiesZero' });
  const price = tranchePositionBreakeven(tranches, target, terms);
  if (price === undefined || !Number.isFinite(price)) throw noSolution('TRANCHEBREAKEVEN', { key: 'why.noPrice' });
  return price;
}

export function breakevenPrice(
  shares: ExcelValue,
  strike: ExcelValue,
  targetValue: ExcelValue,
  volatility?: ExcelValue,
  years?: ExcelValue,
  rate?: ExcelValue,
  dividendYield?: ExcelValue,
): number {
  const reader = new ArgumentReader(FUNCTION_TABLE.BREAKEVENPRICE);
  const warrants = reader.number('shares', shares);
  const strikePrice = reader.number('strike', strike);
  const target = reader.number('targetValue', targetValue);
  const terms = warrantTerms(reader, strikePrice, volatility, years, rate, dividendYield);
  const price = breakevenSharePrice(warrants, target, terms);
  if (price === undefined || !Number.isFinite(price)) throw noSolution('BREAKEVENPRICE', { key: 'why.noPrice' });
  return price;
}

export function warrantGreeks(
  shares: ExcelValue,
  strike: ExcelValue,
  price: ExcelValue,
  volatility: ExcelValue,
  years: ExcelValue,
  rate?: ExcelValue,
  dividendYield?: ExcelValue,
): Cell[][] {
  const reader = new ArgumentReader(FUNCTION_TABLE.WARRANTGREEKS);
  const warrants = reader.number('shares', shares);
  const strikePrice = reader.number('strike', strike);
  const spot = reader.number('price', price);
  const sigma = reader.number('volatility', volatility);
  const t = reader.number('years', years);
  const r = reader.number('rate', rate);
  const q = reader.number('dividendYield', dividendYield);
  const greeks = blackScholesGreeks('call', spot, strikePrice, t, r, q, sigma);
  return GREEK_LABELS.map((label) => [label, reader.finite(warrants * greeks[label])]);
}

export function fundingGap(required: ExcelValue, projected: ExcelValue, cash?: ExcelValue): number[][] {
  const reader = new ArgumentReader(FUNCTION_TABLE.FUNDINGGAP);
  const { shape, series } = alignPeriods(reader, [
    ['required', reader.numberGrid('required', required)],
    ['projected', reader.numberGrid('projected', projected)],
  ]);
  const cashOnHand = reader.number('cash', cash);
  return toShape(runningFundingGap(series[0], series[1], cashOnHand).map((gap) => reader.finite(gap)), shape);
}

export function requiredRevenue(annualCapex: ExcelValue, capexShareOfRevenue: ExcelValue): number {
  const reader = new ArgumentReader(FUNCTION_TABLE.REQUIREDREVENUE);
  const capex = reader.number('annualCapex', annualCapex);
  const share = reader.number('capexShareOfRevenue', capexShareOfRevenue);
  return reader.finite(requiredRevenueModel(capex, share));
}

export function shortfallProb(
  required: ExcelValue,
  revenueNow: ExcelValue,
  growthRate: ExcelValue,
  volatility: ExcelValue,
  years: ExcelValue,
): number {
  const reader = new ArgumentReader(FUNCTION_TABLE.SHORTFALLPROB);
  const probability = shortfallProbability(
    reader.number('required', required),
    reader.number('revenueNow', revenueNow),
    reader.number('growthRate', growthRate),
    reader.number('volatility', volatility),
    reader.number('years', years),
  );
  // ln of a ratio of huge and tiny numbers can overflow to ±Infinity, where N(·) is still exact.
  return reader.finite(probability);
}

/**
 * Vendor-financing metrics. Scalars: without `metric` a 5×2 table of names and values, with it the
 * one number. Ranges (one cell per period, a single number repeating): with `metric`, that metric
 * per period in the same shape; without, a table with a header row of metric names and a row per
 * period. `cumulative` TRUE computes each period's metrics on the running totals.
 */
export function circularFlow(
  investment: ExcelValue,
  purchases: ExcelValue,
  grossMargin?: ExcelValue,
  equityGranted?: ExcelValue,
  metric?: ExcelValue,
  cumulative?: ExcelValue,
): Cell[][] {
  const reader = new ArgumentReader(FUNCTION_TABLE.CIRCULARFLOW);
  const { shape, series } = alignPeriods(reader, [
    ['investment', reader.numberGrid('investment', investment)],
    ['purchases', reader.numberGrid('purchases', purchases)],
    ['grossMargin', reader.numberGrid('grossMargin', grossMargin)],
    ['equityGranted', reader.numberGrid('equityGranted', equityGranted)],
  ]);
  const chosen = reader.choiceOrAbsent<CircularFlowMetric>('metric', metric);
  const running = reader.flag('cumulative', cumulative);

  const [invested, bought, margin, equity] = series;
  const totals = { investment: 0, purchases: 0, grossProfit: 0, equity: 0 };
  const perPeriod = bought.map((_, i) => {
    if (!running) return circularFlowMetrics(invested[i], bought[i], margin[i], equity[i]);
    totals.investment += invested[i];
    totals.purchases += bought[i];
    totals.grossProfit += bought[i] * margin[i];
    totals.equity += equity[i];
    // The blended margin of the running totals keeps purchases × margin equal to the gross profit so far.
    return circularFlowMetrics(totals.investment, totals.purchases, totals.grossProfit / totals.purchases, totals.equity);
  });
  const value = (m: CircularFlowMetric, i: number) => reader.finite(perPeriod[i][m]);

  if (chosen !== undefined) return toShape(perPeriod.map((_, i) => value(chosen, i)), shape);
  if (perPeriod.length === 1) return CIRCULAR_FLOW_METRICS.map((m) => [m, value(m, 0)]);
  return [[...CIRCULAR_FLOW_METRICS], ...perPeriod.map((_, i) => CIRCULAR_FLOW_METRICS.map((m) => value(m, i)))];
}

/**
 * Monte Carlo funding risk of a schedule of obligations (one cell per year). Without `metric`: a
 * header row and one row per year (FUNDING_RISK_HEADER: year, shortfallProb, ranOutProb,
 * expectedDeficit, p5, p50, p95, needP50, needP95) whatever the orientation of `obligations`;
 * with it, that metric per year in the shape of `obligations`. `growthRate`, `revenueShare` and
 * `financing` are each one number for every year or a range of the obligations' shape.
 * `minimumCash` is the buffer a path must keep; paths × years is capped (the call's work).
 */
export function fundingRisk(
  obligations: ExcelValue,
  revenueNow: ExcelValue,
  growthRate: ExcelValue,
  volatility: ExcelValue,
  revenueShare?: ExcelValue,
  cash?: ExcelValue,
  financing?: ExcelValue,
  paths?: ExcelValue,
  seed?: ExcelValue,
  metric?: ExcelValue,
  minimumCash?: ExcelValue,
): Cell[][] {
  const reader = new ArgumentReader(FUNCTION_TABLE.FUNDINGRISK);
  const { shape, series } = alignPeriods(reader, [['obligations', reader.numberGrid('obligations', obligations)]]);
  const due = series[0];
  const revenue = reader.number('revenueNow', revenueNow);
  const growth = perYearOf(reader, 'growthRate', growthRate, shape);
  const sigma = reader.number('volatility', volatility);
  const share = perYearOf(reader, 'revenueShare', revenueShare, shape);
  const cashNow = reader.number('cash', cash);
  const newMoney = perYearOf(reader, 'financing', financing, shape);
  const pathCount = reader.number('paths', paths);
  const seedValue = reader.number('seed', seed);
  const chosen = reader.choiceOrAbsent<FundingRiskMetric>('metric', metric);
  const buffer = reader.number('minimumCash', minimumCash);
  if (pathCount * due.length > FUNDING_RISK_MAX_PATH_YEARS) {
    reader.fail('paths', { key: 'rule.workCap', params: { years: due.length.toLocaleString('en-US'), max: FUNDING_RISK_MAX_PATH_YEARS.toLocaleString('en-US') } });
  }

  const years = fundingRiskModel({
    obligations: due,
    revenueNow: revenue,
    growthRate: growth,
    volatility: sigma,
    revenueShare: share,
    cash: cashNow,
    financing: newMoney,
    paths: pathCount,
    seed: seedValue,
    minimumCash: buffer,
  });
  if (chosen !== undefined) return toShape(years.map((y) => reader.finite(y[chosen])), shape);
  return [[...FUNDING_RISK_HEADER], ...years.map((y) => FUNDING_RISK_HEADER.map((m) => reader.finite(y[m])))];
}

/** One value per period of `shape` from a range argument that is one number or a range of that shape. */
function perYearOf(reader: ArgumentReader, name: string, value: ExcelValue, shape: PeriodShape): number[] {
  const grid = reader.numberGrid(name, value);
  const flat = grid.flat();
  if (flat.length === 1) return new Array<number>(shape.rows * shape.columns).fill(flat[0]);
  if (grid.length !== shape.rows || grid[0].length !== shape.columns) {
    reader.fail(name, { key: 'rule.financingShape', params: { rows: shape.rows, columns: shape.columns } });
  }
  return flat;
}
