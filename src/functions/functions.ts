/**
 * The DEALS custom functions for Excel. This JSDoc is the single source of the Excel metadata
 * (`dist/functions.json`, generated at build time by custom-functions-metadata) and of the
 * function reference in the README. Each function is a thin wrapper: the checking, defaults and
 * numbers live in `implementations.ts` and `../model`, shared with the CLI and the formula engine.
 *
 * Parameters are typed `any` so that the add-in, not Excel's coercion, checks them: every surface
 * then gives the same `#VALUE!` message naming the function, the argument and the rule.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { asExcelFunction } from './excelErrors';
import * as impl from './implementations';

/**
 * Total value of warrants, each for one share at the strike: intrinsic value without volatility and years, Black–Scholes–Merton with them, diluted with sharesOutstanding.
 * @customfunction WARRANTVALUE
 * @helpurl https://localhost:3000/help.html#WARRANTVALUE
 * @param shares Number of warrant shares (shares), > 0.
 * @param strike Exercise price per share (currency/share), ≥ 0.
 * @param price Share price now (currency/share), > 0.
 * @param [volatility] Annual volatility as a decimal (0.5 = 50 %). Give with years, or omit both for intrinsic value.
 * @param [years] Time to expiry in years. Give with volatility.
 * @param [rate] Risk-free rate, continuously compounded per year (default 0).
 * @param [dividendYield] Continuous dividend yield per year (default 0).
 * @param [sharesOutstanding] Shares outstanding excluding the warrant shares; when given, the value is diluted.
 * @param [priceIncludesWarrants] With sharesOutstanding: TRUE (default) if the price already reflects the warrants (Galai–Schneller); FALSE for a price from before they were known.
 * @returns Total value of the warrants (currency).
 */
export function warrantValue(
  shares: any,
  strike: any,
  price: any,
  volatility?: any,
  years?: any,
  rate?: any,
  dividendYield?: any,
  sharesOutstanding?: any,
  priceIncludesWarrants?: any,
): number {
  return asExcelFunction('WARRANTVALUE', () =>
    impl.warrantValue(shares, strike, price, volatility, years, rate, dividendYield, sharesOutstanding, priceIncludesWarrants),
  );
}

/**
 * Value of warrant tranches that vest only if the share price reaches their hurdle before expiry (up-and-in calls), each times the probability of its deployment milestone; with ranges (one cell per tranche) the total of the tranches.
 * @customfunction TRANCHEVALUE
 * @helpurl https://localhost:3000/help.html#TRANCHEVALUE
 * @param shares Number of warrant shares in the tranche (shares), > 0: a number, or a row or column with one cell per tranche.
 * @param strike Exercise price per share (currency/share), ≥ 0.
 * @param price Share price now (currency/share), > 0.
 * @param hurdle Share price the stock must trade at or above to vest the tranche (currency/share), > 0: a number or one cell per tranche.
 * @param volatility Annual volatility as a decimal, > 0.
 * @param years Time to expiry in years, > 0.
 * @param [rate] Risk-free rate, continuously compounded per year (default 0).
 * @param [dividendYield] Continuous dividend yield per year (default 0).
 * @param [milestoneProbability] Probability from 0 to 1 that the deployment milestone is reached (default 1): a number or one cell per tranche.
 * @param [observationsPerYear] How often a year the price is checked against the hurdle: 0 or omitted for continuously, 252 for daily closes (Broadie–Glasserman–Kou correction).
 * @returns Value of the tranches (currency).
 */
export function trancheValue(
  shares: any[][],
  strike: any,
  price: any,
  hurdle: any[][],
  volatility: any,
  years: any,
  rate?: any,
  dividendYield?: any,
  milestoneProbability?: any[][],
  observationsPerYear?: any,
): number {
  return asExcelFunction('TRANCHEVALUE', () =>
    impl.trancheValue(shares, strike, price, hurdle, volatility, years, rate, dividendYield, milestoneProbability, observationsPerYear),
  );
}

/**
 * Sensitivities of the tranches TRANCHEVALUE values (same arguments) as a 5×2 array: delta, gamma, vega (per 1.00 of volatility), theta (per year), rho (per 1.00 of rate).
 * @customfunction TRANCHEGREEKS
 * @helpurl https://localhost:3000/help.html#TRANCHEGREEKS
 * @param shares Number of warrant shares in the tranche (shares), > 0: a number, or a row or column with one cell per tranche.
 * @param strike Exercise price per share (currency/share), ≥ 0.
 * @param price Share price now (currency/share), > 0.
 * @param hurdle Share price the stock must trade at or above to vest the tranche (currency/share), > 0: a number or one cell per tranche.
 * @param volatility Annual volatility as a decimal, > 0.
 * @param years Time to expiry in years, > 0.
 * @param [rate] Risk-free rate, continuously compounded per year (default 0).
 * @param [dividendYield] Continuous dividend yield per year (default 0).
 * @param [milestoneProbability] Probability from 0 to 1 that the deployment milestone is reached (default 1): a number or one cell per tranche.
 * @param [observationsPerYear] How often a year the price is checked against the hurdle: 0 or omitted for continuously, 252 for daily closes (Broadie–Glasserman–Kou correction).
 * @returns Labels and values of the tranches' greeks.
 */
export function trancheGreeks(
  shares: any[][],
  strike: any,
  price: any,
  hurdle: any[][],
  volatility: any,
  years: any,
  rate?: any,
  dividendYield?: any,
  milestoneProbability?: any[][],
  observationsPerYear?: any,
): any[][] {
  return asExcelFunction('TRANCHEGREEKS', () =>
    impl.trancheGreeks(shares, strike, price, hurdle, volatility, years, rate, dividendYield, milestoneProbability, observationsPerYear),
  );
}

/**
 * Share price today at which TRANCHEVALUE with the same tranches and terms equals the target value; #NUM! when no price does.
 * @customfunction TRANCHEBREAKEVEN
 * @helpurl https://localhost:3000/help.html#TRANCHEBREAKEVEN
 * @param shares Number of warrant shares in the tranche (shares), > 0: a number, or a row or column with one cell per tranche.
 * @param strike Exercise price per share (currency/share), ≥ 0.
 * @param targetValue Total value the tranches should reach (currency), > 0.
 * @param hurdle Share price the stock must trade at or above to vest the tranche (currency/share), > 0: a number or one cell per tranche.
 * @param volatility Annual volatility as a decimal, > 0.
 * @param years Time to expiry in years, > 0.
 * @param [rate] Risk-free rate, continuously compounded per year (default 0).
 * @param [dividendYield] Continuous dividend yield per year (default 0).
 * @param [milestoneProbability] Probability from 0 to 1 that the deployment milestone is reached (default 1): a number or one cell per tranche.
 * @param [observationsPerYear] How often a year the price is checked against the hurdle: 0 or omitted for continuously, 252 for daily closes (Broadie–Glasserman–Kou correction).
 * @returns Share price (currency/share).
 */
export function trancheBreakeven(
  shares: any[][],
  strike: any,
  targetValue: any,
  hurdle: any[][],
  volatility: any,
  years: any,
  rate?: any,
  dividendYield?: any,
  milestoneProbability?: any[][],
  observationsPerYear?: any,
): number {
  return asExcelFunction('TRANCHEBREAKEVEN', () =>
    impl.trancheBreakeven(shares, strike, targetValue, hurdle, volatility, years, rate, dividendYield, milestoneProbability, observationsPerYear),
  );
}

/**
 * Share price at which WARRANTVALUE with the same arguments equals the target value; #NUM! when no price does.
 * @customfunction BREAKEVENPRICE
 * @helpurl https://localhost:3000/help.html#BREAKEVENPRICE
 * @param shares Number of warrant shares (shares), > 0.
 * @param strike Exercise price per share (currency/share), ≥ 0.
 * @param targetValue Total value the warrants should reach (currency), > 0.
 * @param [volatility] Annual volatility as a decimal. Give with years, or omit both for intrinsic value.
 * @param [years] Time to expiry in years. Give with volatility.
 * @param [rate] Risk-free rate, continuously compounded per year (default 0).
 * @param [dividendYield] Continuous dividend yield per year (default 0).
 * @returns Share price (currency/share).
 */
export function breakevenPrice(
  shares: any,
  strike: any,
  targetValue: any,
  volatility?: any,
  years?: any,
  rate?: any,
  dividendYield?: any,
): number {
  return asExcelFunction('BREAKEVENPRICE', () => impl.breakevenPrice(shares, strike, targetValue, volatility, years, rate, dividendYield));
}

/**
 * Sensitivities of a warrant position as a 5×2 array: delta, gamma, vega (per 1.00 of volatility), theta (per year), rho (per 1.00 of rate).
 * @customfunction WARRANTGREEKS
 * @helpurl https://localhost:3000/help.html#WARRANTGREEKS
 * @param shares Number of warrant shares (shares), > 0.
 * @param strike Exercise price per share (currency/share), ≥ 0.
 * @param price Share price now (currency/share), > 0.
 * @param volatility Annual volatility as a decimal, > 0.
 * @param years Time to expiry in years, > 0.
 * @param [rate] Risk-free rate, continuously compounded per year (default 0).
 * @param [dividendYield] Continuous dividend yield per year (default 0).
 * @returns Labels and values of the position's greeks.
 */
export function warrantGreeks(shares: any, strike: any, price: any, volatility: any, years: any, rate?: any, dividendYield?: any): any[][] {
  return asExcelFunction('WARRANTGREEKS', () => impl.warrantGreeks(shares, strike, price, volatility, years, rate, dividendYield));
}

/**
 * Running funding gap: cumulative (required − projected) minus cash; positive is a shortfall. Ranges (one cell per period) spill period by period.
 * @customfunction FUNDINGGAP
 * @helpurl https://localhost:3000/help.html#FUNDINGGAP
 * @param required Money required: a number, or a row or column with one cell per period.
 * @param projected Money projected to be available: a number, or a range of the same shape.
 * @param [cash] Cash on hand at the start (default 0).
 * @returns The gap after each period, in the shape of the inputs.
 */
export function fundingGap(required: any[][], projected: any[][], cash?: any): number[][] {
  return asExcelFunction('FUNDINGGAP', () => impl.fundingGap(required, projected, cash));
}

/**
 * Annual revenue that sustains a capex budget at a given capex-to-revenue ratio (Bain: 500 at 25 % needs 2000).
 * @customfunction REQUIREDREVENUE
 * @helpurl https://localhost:3000/help.html#REQUIREDREVENUE
 * @param annualCapex Annual capital expenditure (currency per year), ≥ 0.
 * @param capexShareOfRevenue Capex as a share of revenue, as a decimal (0.25 = 25 %), > 0.
 * @returns Required annual revenue (currency per year).
 */
export function requiredRevenue(annualCapex: any, capexShareOfRevenue: any): number {
  return asExcelFunction('REQUIREDREVENUE', () => impl.requiredRevenue(annualCapex, capexShareOfRevenue));
}

/**
 * Probability that revenue after the given years is below the required level when revenue grows lognormally.
 * @customfunction SHORTFALLPROB
 * @helpurl https://localhost:3000/help.html#SHORTFALLPROB
 * @param required Revenue required at the horizon (currency per year), > 0.
 * @param revenueNow Revenue now (currency per year), > 0.
 * @param growthRate Expected growth rate, continuous per year, as a decimal.
 * @param volatility Annual volatility of revenue as a decimal, > 0.
 * @param years Horizon in years, > 0.
 * @returns Probability from 0 to 1.
 */
export function shortfallProb(required: any, revenueNow: any, growthRate: any, volatility: any, years: any): number {
  return asExcelFunction('SHORTFALLPROB', () => impl.shortfallProb(required, revenueNow, growthRate, volatility, years));
}

/**
 * Vendor-financing metrics: roundTripShare, customerCashNeed, vendorNetCash, effectiveDiscount, netPrice. Without metric it spills names and values; ranges give one value per period.
 * @customfunction CIRCULARFLOW
 * @helpurl https://localhost:3000/help.html#CIRCULARFLOW
 * @param investment Cash the vendor invests in its customer (currency), ≥ 0: a number or one cell per period.
 * @param purchases What the customer spends with the vendor (currency), > 0: a number or one cell per period.
 * @param [grossMargin] Vendor's gross margin on those sales, from 0 to 1 (default 0).
 * @param [equityGranted] Value of equity or warrants the vendor grants the customer (currency, default 0).
 * @param [metric] One metric name (case-insensitive) to return alone. Write it in the formula or point at a filled cell: it decides the size of the spill.
 * @param [cumulative] TRUE to compute each period's metrics on running totals (default FALSE).
 * @returns The metric(s).
 */
export function circularFlow(
  investment: any[][],
  purchases: any[][],
  grossMargin?: any[][],
  equityGranted?: any[][],
  metric?: any,
  cumulative?: any,
): any[][] {
  return asExcelFunction('CIRCULARFLOW', () => impl.circularFlow(investment, purchases, grossMargin, equityGranted, metric, cumulative));
}

/**
 * Monte Carlo funding risk of yearly obligations: lognormal revenue (a share of it available), starting cash and yearly financing against the money due, with a minimum cash buffer. Without metric it spills a header row (year, shortfallProb, ranOutProb, expectedDeficit, p5, p50, p95, needP50, needP95) and one row per year; seeded, so the same inputs give the same numbers everywhere.
 * @customfunction FUNDINGRISK
 * @helpurl https://localhost:3000/help.html#FUNDINGRISK
 * @param obligations Money due in years 1…T, ≥ 0: a row or a column with one cell per year.
 * @param revenueNow Revenue in year 0 (currency per year), > 0.
 * @param growthRate Expected revenue growth, continuous per year (E[revenue in year t] = revenueNow·e^(growthRate·t)), as a decimal: one number for every year, or a range of the same shape as obligations (year t grows at its own rate).
 * @param volatility Annual volatility of revenue as a decimal, > 0.
 * @param [revenueShare] Share of each year's revenue available for the obligations, greater than 0 and at most 1: one number for every year, or a range of the same shape as obligations (default 1).
 * @param [cash] Cash at the start (currency), ≥ 0 (default 0).
 * @param [financing] New money each year (currency), ≥ 0: one number for every year, or a range of the same shape as obligations (default 0).
 * @param [paths] Number of simulated paths, a whole number from 1,000 to 1,000,000 (default 10,000); paths × years at most 100,000,000.
 * @param [seed] Seed of the random numbers (xoshiro128**, Box–Muller normals), a whole number ≥ 0 (default 1).
 * @param [metric] One of shortfallProb, ranOutProb, expectedDeficit, p5, p50, p95, needP50, needP95 (case-insensitive) to return alone, in the shape of obligations.
 * @param [minimumCash] The buffer (currency), ≥ 0: a path runs out in a year when its cash ends below it (default 0).
 * @returns Per year: P(cash < minimumCash), P(cash was below it in any year so far), the expected deficit E[max(minimumCash − cash, 0)], the 5th, 50th and 95th percentiles of cash, and the 50th and 95th percentiles of the peak funding need so far.
 */
export function fundingRisk(
  obligations: any[][],
  revenueNow: any,
  growthRate: any[][],
  volatility: any,
  revenueShare?: any[][],
  cash?: any,
  financing?: any[][],
  paths?: any,
  seed?: any,
  metric?: any,
  minimumCash?: any,
): any[][] {
  return asExcelFunction('FUNDINGRISK', () =>
    impl.fundingRisk(obligations, revenueNow, growthRate, volatility, revenueShare, cash, financing, paths, seed, metric, minimumCash),
  );
}
