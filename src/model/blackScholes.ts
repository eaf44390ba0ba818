/**
 * Black–Scholes–Merton prices and sensitivities of European options on a share with a
 * continuous dividend yield (Merton 1973; formulas as in Haug, "The Complete Guide to Option
 * Pricing Formulas", 2nd ed., ch. 1, with cost of carry b = rate − dividendYield).
 *
 * Units: prices in any one currency unit; `years` a year fraction; `rate` and `dividendYield`
 * continuously compounded per year; `volatility` annual, as a decimal (0.5 = 50 %).
 */
import { normalCdf, normalPdf } from './normal';

export type OptionKind = 'call' | 'put';

/**
 * Black–Scholes–Merton value of one European option.
 *
 * call = S·e^(−qT)·N(d1) − K·e^(−rT)·N(d2), put = K·e^(−rT)·N(−d2) − S·e^(−qT)·N(−d1),
 * d1 = (ln(S/K) + (r − q + σ²/2)·T)/(σ√T), d2 = d1 − σ√T.
 * With σ√T = 0 (no time or no volatility) it is the discounted forward intrinsic value.
 *
 * @example blackScholesMerton('call', 60, 65, 0.25, 0.08, 0, 0.3) // 2.1333684449 (Haug p. 2: 2.1334)
 */
export function blackScholesMerton(
  kind: OptionKind,
  spotPrice: number,
  strikePrice: number,
  years: number,
  rate: number,
  dividendYield: number,
  volatility: number,
): number {
  const discountedSpot = spotPrice * Math.exp(-dividendYield * years);
  const discountedStrike = strikePrice * Math.exp(-rate * years);
  const stdDev = volatility * Math.sqrt(years);
  if (!(stdDev > 0) || !(strikePrice > 0)) {
    const forwardIntrinsic = kind === 'call' ? discountedSpot - discountedStrike : discountedStrike - discountedSpot;
    return Math.max(forwardIntrinsic, 0);
  }
  const d1 = Math.log(discountedSpot / discountedStrike) / stdDev + 0.5 * stdDev;
  const d2 = d1 - stdDev;
  return kind === 'call'
    ? discountedSpot * normalCdf(d1) - discountedStrike * normalCdf(d2)
    : discountedStrike * normalCdf(-d2) - discountedSpot * normalCdf(-d1);
}

/** Sensitivities of one option; vega and both rhos per 1.00 (not per 1 %), theta per year. */
export interface Greeks {
  /** ∂V/∂S, per 1 unit of share price. */
  readonly delta: number;
  /** ∂²V/∂S². */
  readonly gamma: number;
  /** ∂V/∂σ, per 1.00 of volatility. */
  readonly vega: number;
  /** −∂V/∂T: value change per year of time passing. */
  readonly theta: number;
  /** ∂V/∂r, per 1.00 of rate. */
  readonly rho: number;
  /** ∂V/∂q, per 1.00 of dividend yield. */
  readonly dividendRho: number;
}

/**
 * Analytic Black–Scholes–Merton greeks (Haug ch. 2). Requires years > 0 and volatility > 0.
 *
 * @example blackScholesGreeks('call', 105, 100, 0.5, 0.1, 0.1, 0.36).delta // 0.5946 (Haug p. 11)
 */
export function blackScholesGreeks(
  kind: OptionKind,
  spotPrice: number,
  strikePrice: number,
  years: number,
  rate: number,
  dividendYield: number,
  volatility: number,
): Greeks {
  const sqrtYears = Math.sqrt(years);
  const stdDev = volatility * sqrtYears;
  const carryDiscount = Math.exp(-dividendYield * years);
  const discount = Math.exp(-rate * years);
  const d1 = (Math.log(spotPrice / strikePrice) + (rate - dividendYield) * years) / stdDev + 0.5 * stdDev;
  const d2 = d1 - stdDev;
  const density = normalPdf(d1);
  const gamma = (carryDiscount * density) / (spotPrice * stdDev);
  const vega = spotPrice * carryDiscount * density * sqrtYears;
  const timeDecay = (-spotPrice * carryDiscount * density * volatility) / (2 * sqrtYears);
  if (kind === 'call') {
    const nd1 = normalCdf(d1);
    const nd2 = normalCdf(d2);
    return {
      delta: carryDiscount * nd1,
      gamma,
      vega,
      theta: timeDecay - rate * strikePrice * discount * nd2 + dividendYield * spotPrice * carryDiscount * nd1,
      rho: strikePrice * years * discount * nd2,
      dividendRho: -years * spotPrice * carryDiscount * nd1,
    };
  }
  const nMinusD1 = normalCdf(-d1);
  const nMinusD2 = normalCdf(-d2);
  return {
    delta: -carryDiscount * nMinusD1,
    gamma,
    vega,
    theta: timeDecay + rate * strikePrice * discount * nMinusD2 - dividendYield * spotPrice * carryDiscount * nMinusD1,
    rho: -strikePrice * years * discount * nMinusD2,
    dividendRho: years * spotPrice * carryDiscount * nMinusD1,
  };
}
