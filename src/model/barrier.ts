/**
 * European barrier options, continuously monitored, with a cash rebate: the closed forms of
 * Reiner & Rubinstein (1991, "Breaking down the barriers", Risk 4) as set out in Haug,
 * "The Complete Guide to Option Pricing Formulas", 2nd ed., §4.17.1, terms A–F.
 *
 * A knock-in rebate is paid at expiry if the barrier was never hit; a knock-out rebate is paid
 * when the barrier is hit. Units as in `blackScholes.ts`.
 */
import { blackScholesMerton, OptionKind } from './blackScholes';
import { logNormalCdf, normalCdf } from './normal';

export type BarrierType = 'DownIn' | 'DownOut' | 'UpIn' | 'UpOut';

export interface BarrierOption {
  readonly kind: OptionKind;
  readonly barrierType: BarrierType;
  readonly spotPrice: number;
  readonly strikePrice: number;
  readonly barrierPrice: number;
  /** Cash paid as described above; 0 for none. */
  readonly rebate: number;
  readonly years: number;
  readonly rate: number;
  readonly dividendYield: number;
  readonly volatility: number;
}

/**
 * Value of a European barrier option. Requires years > 0 and volatility > 0.
 *
 * When the spot is already at or past the barrier, a knock-in option is the plain option and a
 * knock-out option is worth its rebate, paid now.
 *
 * @example barrierOptionValue({ kind: 'call', barrierType: 'DownOut', spotPrice: 100, strikePrice: 90,
 *   barrierPrice: 95, rebate: 3, years: 0.5, rate: 0.08, dividendYield: 0.04, volatility: 0.25 }) // 9.0246 (Haug p. 72)
 */
export function barrierOptionValue(o: BarrierOption): number {
  const isDown = o.barrierType === 'DownIn' || o.barrierType === 'DownOut';
  const isIn = o.barrierType === 'DownIn' || o.barrierType === 'UpIn';
  const breached = isDown ? o.spotPrice <= o.barrierPrice : o.spotPrice >= o.barrierPrice;
  if (breached) {
    return isIn ? blackScholesMerton(o.kind, o.spotPrice, o.strikePrice, o.years, o.rate, o.dividendYield, o.volatility) : o.rebate;
  }
  return barrierFormulaValue(o);
}

/**
 * Haug's closed form itself, without the breached-barrier shortcut: the value for a spot on the
 * unbreached side, and beyond it the same expression continued analytically (smooth in every
 * input). Sensitivities by central differences use it so that a step across the barrier does not
 * meet the kink where `barrierOptionValue` switches to the plain option.
 */
export function barrierFormulaValue(o: BarrierOption): number {
  const { kind, barrierType, spotPrice: S, strikePrice: X, barrierPrice: H, rebate: K, years: T, rate: r, volatility: v } = o;
  const isDown = barrierType === 'DownIn' || barrierType === 'DownOut';
  const isIn = barrierType === 'DownIn' || barrierType === 'UpIn';

  const b = r - o.dividendYield; // cost of carry
  const stdDev = v * Math.sqrt(T);
  const mu = (b - (v * v) / 2) / (v * v);
  const lambda = Math.sqrt(mu * mu + (2 * r) / (v * v));
  const phi = kind === 'call' ? 1 : -1;
  const eta = isDown ? 1 : -1;
  const carry = S * Math.exp((b - r) * T);
  const discount = Math.exp(-r * T);
  const hs = H / S;
  const hsMu = Math.pow(hs, 2 * mu);
  const hsMu1 = hsMu * hs * hs; // (H/S)^(2(μ+1))

  const x1 = Math.log(S / X) / stdDev + (1 + mu) * stdDev;
  const x2 = Math.log(S / H) / stdDev + (1 + mu) * stdDev;
  const y1 = Math.log((H * H) / (S * X)) / stdDev + (1 + mu) * stdDev;
  const y2 = Math.log(H / S) / stdDev + (1 + mu) * stdDev;
  const z = Math.log(H / S) / stdDev + lambda * stdDev;

  // Haug's terms: A and B are plain-option-like, C and D their reflections at the barrier,
  // E the knock-in rebate paid at expiry, F the knock-out rebate paid at the hit. Each is computed
  // only where the option needs it, without per-call closures (a hot path). Which terms make up
  // each of the eight options follows Haug's table (§4.17.1).
  const strikeAboveBarrier = X > H;
  const isCall = kind === 'call';
  const simple = strikeAboveBarrier === isCall; // the shorter of the two forms in Haug's table
  const terms: Terms = { phi, eta, carry, X, discount, hs, hsMu, hsMu1, mu, stdDev };
  if (isIn) {
    const E = K > 0 ? K * discount * (normalCdf(eta * x2 - eta * stdDev) - weightedCdf(hsMu, 2 * mu, hs, eta * y2 - eta * stdDev)) : 0;
    // down-and-in call / up-and-in put: C + E, or A − B + D + E
    if (isDown === isCall) return (simple ? reflectedTerm(terms, y1) : plainTerm(terms, x1) - plainTerm(terms, x2) + reflectedTerm(terms, y2)) + E;
    // up-and-in call / down-and-in put: A + E, or B − C + D + E
    return (simple ? plainTerm(terms, x1) : plainTerm(terms, x2) - reflectedTerm(terms, y1) + reflectedTerm(terms, y2)) + E;
  }
  // Haug's ηz − 2ηλσ√T as η·(z − 2λσ√T): the same double for η = ±1, as a product by ±1 or ±2 is
  // exact and rounding is symmetric (fl(−a) = −fl(a)), so each step of ηz − ((2η)λ)σ√T is ± that of
  // z − (2λ)σ√T; only the sign of a zero can differ, and N(±0), ln N(±0) are the same.
  const F = K > 0 ? K * (weightedCdf(Math.pow(hs, mu + lambda), mu + lambda, hs, eta * z) + weightedCdf(Math.pow(hs, mu - lambda), mu - lambda, hs, eta * (z - 2 * lambda * stdDev))) : 0;
  // down-and-out call / up-and-out put: A − C + F, or B − D + F
  if (isDown === isCall) return (simple ? plainTerm(terms, x1) - reflectedTerm(terms, y1) : plainTerm(terms, x2) - reflectedTerm(terms, y2)) + F;
  // up-and-out call / down-and-out put: F, or A − B + C − D + F
  return (simple ? 0 : plainTerm(terms, x1) - plainTerm(terms, x2) + reflectedTerm(terms, y1) - reflectedTerm(terms, y2)) + F;
}

/** The inputs Haug's terms A–D share. */
interface Terms {
  readonly phi: number;
  readonly eta: number;
  /** S·e^((b−r)T) */
  readonly carry: number;
  readonly X: number;
  /** e^(−rT) */
  readonly discount: number;
  /** (H/S)^(2μ) */
  readonly hsMu: number;
  /** (H/S)^(2(μ+1)) */
  readonly hsMu1: number;
  readonly mu: number;
  /** H/S */
  readonly hs: number;
  /** σ√T */
  readonly stdDev: number;
}

/** Haug's A (at x1) and B (at x2): φ·S·e^((b−r)T)·N(φx) − φ·X·e^(−rT)·N(φx − φσ√T). */
function plainTerm({ phi, carry, X, discount, stdDev }: Terms, x: number): number {
  return phi * carry * normalCdf(phi * x) - phi * X * discount * normalCdf(phi * x - phi * stdDev);
}

/** Haug's C (at y1) and D (at y2): the same reflected at the barrier, weighted by (H/S)^(2(μ+1)) and (H/S)^(2μ). */
function reflectedTerm({ phi, eta, carry, X, discount, hs, hsMu, hsMu1, mu, stdDev }: Terms, y: number): number {
  return phi * carry * weightedCdf(hsMu1, 2 * (mu + 1), hs, eta * y) - phi * X * discount * weightedCdf(hsMu, 2 * mu, hs, eta * y - eta * stdDev);
}

const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * (H/S)^p·N(x), given hs = H/S and the power `weight` = (H/S)^p. Far from the barrier at low
 * volatility the power overflows to Infinity exactly where N(x) underflows to 0 (their product is
 * small and finite), so unless both factors are ordinary doubles the product is taken as
 * exp(p·ln(H/S) + ln N(x)); the logarithm is only taken there (a hot path).
 */
function weightedCdf(weight: number, power: number, hs: number, x: number): number {
  const cdf = normalCdf(x);
  if (weight >= SMALLEST_NORMAL && weight <= Number.MAX_VALUE && cdf >= SMALLEST_NORMAL) return weight * cdf;
  return Math.exp(power * Math.log(hs) + logNormalCdf(x));
}
