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
  hurdleWarrantValue,
  requiredRevenue as requiredRevenueModel,
  runningFundingGap,
  shortfallProbability,
  WarrantTerms,
} from '../model';
import { ANY_NUMBER, ArgumentReader, ExcelValue, isOmitted, NON_NEGATIVE, POSITIVE, UNIT_INTERVAL } from './args';
import { noSolution } from './errors';
import { alignPeriods, toShape } from './periods';

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
  const sigma = reader.numberOrAbsent('volatility', volatility, POSITIVE);
  const t = reader.numberOrAbsent('years', years, POSITIVE);
  if ((sigma === undefined) !== (t === undefined)) {
    reader.fail(sigma === undefined ? 'volatility' : 'years', 'must be given together with ' + (sigma === undefined ? 'years' : 'volatility') + ' (omit both for intrinsic value)');
  }
  return {
    strikePrice,
    volatility: sigma,
    years: t,
    rate: reader.optionalNumber('rate', rate, ANY_NUMBER, 0),
    dividendYield: reader.optionalNumber('dividendYield', dividendYield, ANY_NUMBER, 0),
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
  const reader = new ArgumentReader('WARRANTVALUE');
  const warrants = reader.number('shares', shares, POSITIVE);
  const strikePrice = reader.number('strike', strike, NON_NEGATIVE);
  const spot = reader.number('price', price, POSITIVE);
  const terms = warrantTerms(reader, strikePrice, volatility, years, rate, dividendYield);
  const outstanding = reader.numberOrAbsent('sharesOutstanding', sharesOutstanding, POSITIVE);
  const includesWarrants = reader.flag('priceIncludesWarrants', priceIncludesWarrants, true);
  const each = outstanding === undefined ? callValue(spot, terms) : dilutedWarrantValue(spot, terms, outstanding, warrants, includesWarrants);
  return reader.finite(warrants * each);
}

export function trancheValue(
  shares: ExcelValue,
  strike: ExcelValue,
  price: ExcelValue,
  hurdle: ExcelValue,
  volatility: ExcelValue,
  years: ExcelValue,
  rate?: ExcelValue,
  dividendYield?: ExcelValue,
  milestoneProbability?: ExcelValue,
): number {
  const reader = new ArgumentReader('TRANCHEVALUE');
  const warrants = reader.number('shares', shares, POSITIVE);
  const terms: Required<WarrantTerms> = {
    strikePrice: reader.number('strike', strike, NON_NEGATIVE),
    volatility: reader.number('volatility', volatility, POSITIVE),
    years: reader.number('years', years, POSITIVE),
    rate: reader.optionalNumber('rate', rate, ANY_NUMBER, 0),
    dividendYield: reader.optionalNumber('dividendYield', dividendYield, ANY_NUMBER, 0),
  };
  const spot = reader.number('price', price, POSITIVE);
  const hurdlePrice = reader.number('hurdle', hurdle, POSITIVE);
  const probability = reader.optionalNumber('milestoneProbability', milestoneProbability, UNIT_INTERVAL, 1);
  return reader.finite(warrants * probability * hurdleWarrantValue(spot, hurdlePrice, terms));
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
  const reader = new ArgumentReader('BREAKEVENPRICE');
  const warrants = reader.number('shares', shares, POSITIVE);
  const strikePrice = reader.number('strike', strike, NON_NEGATIVE);
  const target = reader.number('targetValue', targetValue, POSITIVE);
  const terms = warrantTerms(reader, strikePrice, volatility, years, rate, dividendYield);
  const price = breakevenSharePrice(warrants, target, terms);
  if (price === undefined || !Number.isFinite(price)) throw noSolution('BREAKEVENPRICE', 'no finite share price gives that value');
  return price;
}

export const GREEK_LABELS = ['delta', 'gamma', 'vega', 'theta', 'rho'] as const;

export function warrantGreeks(
  shares: ExcelValue,
  strike: ExcelValue,
  price: ExcelValue,
  volatility: ExcelValue,
  years: ExcelValue,
  rate?: ExcelValue,
  dividendYield?: ExcelValue,
): Cell[][] {
  const reader = new ArgumentReader('WARRANTGREEKS');
  const warrants = reader.number('shares', shares, POSITIVE);
  const strikePrice = reader.number('strike', strike, NON_NEGATIVE);
  const spot = reader.number('price', price, POSITIVE);
  const sigma = reader.number('volatility', volatility, POSITIVE);
  const t = reader.number('years', years, POSITIVE);
  const r = reader.optionalNumber('rate', rate, ANY_NUMBER, 0);
  const q = reader.optionalNumber('dividendYield', dividendYield, ANY_NUMBER, 0);
  const greeks = blackScholesGreeks('call', spot, strikePrice, t, r, q, sigma);
  return GREEK_LABELS.map((label) => [label, reader.finite(warrants * greeks[label])]);
}

export function fundingGap(required: ExcelValue, projected: ExcelValue, cash?: ExcelValue): number[][] {
  const reader = new ArgumentReader('FUNDINGGAP');
  const { shape, series } = alignPeriods(reader, [
    ['required', reader.numberGrid('required', required, ANY_NUMBER)],
    ['projected', reader.numberGrid('projected', projected, ANY_NUMBER)],
  ]);
  const cashOnHand = reader.optionalNumber('cash', cash, ANY_NUMBER, 0);
  return toShape(runningFundingGap(series[0], series[1], cashOnHand).map((gap) => reader.finite(gap)), shape);
}

export function requiredRevenue(annualCapex: ExcelValue, capexShareOfRevenue: ExcelValue): number {
  const reader = new ArgumentReader('REQUIREDREVENUE');
  const capex = reader.number('annualCapex', annualCapex, NON_NEGATIVE);
  const share = reader.number('capexShareOfRevenue', capexShareOfRevenue, POSITIVE);
  return reader.finite(requiredRevenueModel(capex, share));
}

export function shortfallProb(
  required: ExcelValue,
  revenueNow: ExcelValue,
  growthRate: ExcelValue,
  volatility: ExcelValue,
  years: ExcelValue,
): number {
  const reader = new ArgumentReader('SHORTFALLPROB');
  const probability = shortfallProbability(
    reader.number('required', required, POSITIVE),
    reader.number('revenueNow', revenueNow, POSITIVE),
    reader.number('growthRate', growthRate, ANY_NUMBER),
    reader.number('volatility', volatility, POSITIVE),
    reader.number('years', years, POSITIVE),
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
  const reader = new ArgumentReader('CIRCULARFLOW');
  const { shape, series } = alignPeriods(reader, [
    ['investment', reader.numberGrid('investment', investment, NON_NEGATIVE)],
    ['purchases', reader.numberGrid('purchases', purchases, POSITIVE)],
    ['grossMargin', reader.numberGrid('grossMargin', isOmitted(grossMargin) ? 0 : grossMargin, UNIT_INTERVAL)],
    ['equityGranted', reader.numberGrid('equityGranted', isOmitted(equityGranted) ? 0 : equityGranted, NON_NEGATIVE)],
  ]);
  const chosen: CircularFlowMetric | undefined = reader.choiceOrAbsent('metric', metric, CIRCULAR_FLOW_METRICS);
  const running = reader.flag('cumulative', cumulative, false);

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
