/**
 * Warrants: calls written by the company on its own shares (the vesting tranches of the
 * AMD–OpenAI kind are in `tranche.ts`).
 *
 * Units: prices per share in one currency unit; share counts in shares; other inputs as in
 * `blackScholes.ts`.
 */
import { blackScholesGreeks, blackScholesMerton } from './blackScholes';
import { brentRoot } from './solve';

/** The pricing inputs of a warrant; with `volatility` or `years` absent, intrinsic value is used. */
export interface WarrantTerms {
  readonly strikePrice: number;
  readonly years?: number;
  readonly rate: number;
  readonly dividendYield: number;
  readonly volatility?: number;
}

/**
 * Value of one undiluted call on one share: Black–Scholes–Merton when `volatility` and `years`
 * are given, otherwise the intrinsic value max(S − K, 0).
 */
export function callValue(spotPrice: number, terms: WarrantTerms): number {
  if (terms.volatility === undefined || terms.years === undefined) return Math.max(spotPrice - terms.strikePrice, 0);
  return blackScholesMerton('call', spotPrice, terms.strikePrice, terms.years, terms.rate, terms.dividendYield, terms.volatility);
}

/**
 * Value of one warrant when exercising it issues new shares (Galai & Schneller 1978, "Pricing of
 * warrants and the value of the firm", J. Finance 33; Haug 2nd ed. §9.4.1).
 *
 * With N shares outstanding and M warrants, λ = N/(N+M):
 * - price already reflects the warrants: W = λ·C(S + (M/N)·W), solved by Newton's method from
 *   W = C(S) (an upper bound); the right side is convex in W with slope below M/(N+M) < 1, so
 *   after the first step the iterates rise monotonically to the one root;
 * - price from before the warrants were known: W = λ·C(S).
 *
 * @example dilutedWarrantValue(100, { strikePrice: 100, years: 1, rate: 0.05, dividendYield: 0, volatility: 0.3 }, 1000, 100, false)
 *   // (1000/1100)·14.23125 = 12.9375
 */
export function dilutedWarrantValue(
  spotPrice: number,
  terms: WarrantTerms,
  sharesOutstanding: number,
  warrantShares: number,
  priceIncludesWarrants: boolean,
): number {
  const keep = sharesOutstanding / (sharesOutstanding + warrantShares);
  if (!priceIncludesWarrants) return keep * callValue(spotPrice, terms);
  if (terms.volatility === undefined || terms.years === undefined) {
    // W = λ·max(S + (M/N)W − K, 0) solves to W = max(S − K, 0): the market price already carries the dilution.
    return Math.max(spotPrice - terms.strikePrice, 0);
  }
  const { strikePrice, years, rate, dividendYield, volatility } = terms;
  const perWarrant = warrantShares / sharesOutstanding;
  let value = callValue(spotPrice, terms);
  for (let i = 0; i < 100; i++) {
    const share = spotPrice + perWarrant * value;
    const residual = value - keep * blackScholesMerton('call', share, strikePrice, years, rate, dividendYield, volatility);
    const delta = blackScholesGreeks('call', share, strikePrice, years, rate, dividendYield, volatility).delta;
    const step = residual / (1 - keep * perWarrant * delta);
    value -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(Math.abs(value), 1e-300)) break;
  }
  return Math.max(value, 0);
}

/**
 * The share price S at which `shares` undiluted warrants are worth `targetValue` in total:
 * shares·C(S) = targetValue. C rises strictly from 0 without bound, so every positive target has
 * exactly one such price. Intrinsic: S = K + target/shares. Otherwise Brent's method on a bracket
 * from C(S) ≥ S·e^(−qT) − K·e^(−rT). `undefined` when the price is not representable.
 *
 * @example breakevenSharePrice(160e6, 90e9, { strikePrice: 0.01, rate: 0, dividendYield: 0 }) // 562.51
 */
export function breakevenSharePrice(shares: number, targetValue: number, terms: WarrantTerms): number | undefined {
  const perShare = targetValue / shares;
  if (terms.volatility === undefined || terms.years === undefined) {
    const price = terms.strikePrice + perShare;
    return Number.isFinite(price) ? price : undefined;
  }
  const gap = (price: number) => callValue(price, terms) - perShare;
  // C(S) ≥ S·e^(−qT) − K·e^(−rT), so this bound is at or past the root. Where rounding leaves
  // C(bound) a hair short, twice the bound is past the root by target/shares + K·e^(−rT) at least
  // (C(2B) ≥ 2B·e^(−qT) − K·e^(−rT)), so one doubling is all there can be.
  let upper = (perShare + terms.strikePrice * Math.exp(-terms.rate * terms.years)) * Math.exp(terms.dividendYield * terms.years);
  if (Number.isFinite(upper) && gap(upper) < 0) upper *= 2;
  if (!Number.isFinite(upper) || !(gap(upper) >= 0)) return undefined;
  return brentRoot(gap, 0, upper, upper * 1e-15);
}
