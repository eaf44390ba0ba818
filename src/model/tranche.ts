/**
 * Vesting tranches of the AMD–OpenAI kind: warrant shares that vest only once the share price
 * trades at or above a hurdle before expiry, each also subject to a deployment milestone. One
 * tranche is an up-and-in call with no rebate (Reiner–Rubinstein, Haug §4.17.1) times the
 * milestone probability; a position is the sum of its tranches, all on one share.
 *
 * Monitoring: continuous, or discrete with `observationsPerYear` = m > 0 closes a year (observed
 * at the end of each 1/m-year period after the valuation date), priced by the Broadie–Glasserman–
 * Kou continuity correction (Math. Finance 7, 1997): the continuous price with the hurdle moved
 * away from the spot to H·e^(β·σ·√(1/m)), β = −ζ(½)/√(2π) ≈ 0.5826.
 *
 * Degenerate volatility: Haug's closed form divides by σ² (μ = (b − σ²/2)/σ²), which underflows
 * below σ ≈ 1e-154 and overflows above σ ≈ 1e154 (TRANCHEVALUE(1,10,1,1.5,1E-160,1,0.1,-0.1) came
 * out as −7.943). Outside SMALLEST_STD_DEV ≤ σ√T ≤ LARGEST_STD_DEV a tranche is priced by the
 * limits instead (`degenerateTranche`):
 * - σ√T → 0: the price follows its forward S·e^((r−q)t), so the tranche vests iff
 *   max(S, S·e^((r−q)T)) reaches the hurdle, and is then worth the discounted intrinsic value
 *   max(S·e^(−qT) − K·e^(−rT), 0); otherwise 0. (Exactly at that boundary, the forward ending on
 *   the hurdle, it is taken as vested.) Away from the boundary the closed form differs from the
 *   limit by terms like N(−c/(σ√T)); at σ√T = 1e-8 by at most about 0.4·S·σ√T.
 * - σ√T → ∞: under the share measure the price rises past any hurdle and strike almost surely,
 *   so the tranche is worth the share's prepaid forward S·e^(−qT); at σ√T = 1000 the closed form
 *   equals it to double precision (the neglected terms are below N(−499)).
 *
 * Units: prices per share in one currency unit; shares in shares; values in the currency unit;
 * other inputs as in `blackScholes.ts`.
 */
import { barrierFormulaValue, BarrierOption } from './barrier';
import { blackScholesGreeks, blackScholesMerton } from './blackScholes';
import { brentRoot } from './solve';
import type { WarrantTerms } from './warrant';

/** Below this σ√T a tranche is valued by its σ√T → 0 limit (see the header). */
export const SMALLEST_STD_DEV = 1e-8;
/** Above this σ√T a tranche is valued by its σ√T → ∞ limit (see the header). */
export const LARGEST_STD_DEV = 1e3;

/** β = −ζ(½)/√(2π), the Broadie–Glasserman–Kou constant (0.5826 to four places). */
export const BGK_BETA = 0.5825971579390106;

/** The terms every tranche of a position shares; `observationsPerYear` 0 or absent is continuous monitoring. */
export interface TrancheTerms extends Required<WarrantTerms> {
  readonly observationsPerYear?: number;
}

export interface Tranche {
  /** Warrant shares in the tranche. */
  readonly shares: number;
  /** Share price at or above which the tranche vests (currency/share). */
  readonly hurdlePrice: number;
  /** Probability from 0 to 1 that the tranche's deployment milestone is reached. */
  readonly milestoneProbability: number;
}

/** Sensitivities of a position: delta per 1 of share price, vega and rho per 1.00, theta per year. */
export interface TrancheGreeks {
  readonly delta: number;
  readonly gamma: number;
  readonly vega: number;
  readonly theta: number;
  readonly rho: number;
}

/**
 * The hurdle a continuous-monitoring formula needs to price a tranche observed m times a year
 * (Broadie–Glasserman–Kou, for an up barrier): H·e^(β·σ·√(1/m)); H itself for m = 0 or absent.
 *
 * @example continuityCorrectedHurdle(600, 0.5, 252) // 611.1117
 */
export function continuityCorrectedHurdle(hurdlePrice: number, volatility: number, observationsPerYear = 0): number {
  return observationsPerYear > 0 ? hurdlePrice * Math.exp(BGK_BETA * volatility * Math.sqrt(1 / observationsPerYear)) : hurdlePrice;
}

/**
 * Value of one warrant share in a tranche, before its milestone probability: an up-and-in call
 * (continuously or discretely monitored, see above). At or above the (corrected) hurdle it is the
 * plain call. Requires years > 0 and volatility > 0.
 *
 * @example hurdleWarrantValue(203.71, 600, { strikePrice: 0.01, years: 5, rate: 0.04, dividendYield: 0, volatility: 0.5 }) // 120.9165
 */
export function hurdleWarrantValue(spotPrice: number, hurdlePrice: number, terms: TrancheTerms): number {
  const limit = degenerateTranche(spotPrice, hurdlePrice, terms);
  if (limit) return limit.value;
  const barrier = continuityCorrectedHurdle(hurdlePrice, terms.volatility, terms.observationsPerYear);
  if (spotPrice >= barrier) return blackScholesMerton('call', spotPrice, terms.strikePrice, terms.years, terms.rate, terms.dividendYield, terms.volatility);
  return barrierFormulaValue(upAndIn(spotPrice, barrier, terms));
}

/**
 * Value of a position: Σ shares × milestone probability × one share's up-and-in value. A tranche
 * of weight 0 adds nothing, even where its own value is no number (a hurdle whose correction overflows).
 */
export function tranchePositionValue(spotPrice: number, tranches: readonly Tranche[], terms: TrancheTerms): number {
  let total = 0;
  for (const t of tranches) {
    const weight = t.shares * t.milestoneProbability;
    if (weight !== 0) total += weight * hurdleWarrantValue(spotPrice, t.hurdlePrice, terms);
  }
  return total;
}

/**
 * Greeks of a position. A tranche at or above its (corrected) hurdle has the plain call's analytic
 * greeks. Below it, the greeks are central differences of Haug's closed form continued smoothly past
 * the hurdle (`barrierFormulaValue`), so a step never meets the kink where the tranche vests,
 * taken of ln V (see `firstDifferenceOfPositive`) and Richardson-extrapolated (error O(h⁴)): steps
 * of 10⁻³ of the spot scaled by min(1, σ√T) for delta and gamma, 10⁻³ of σ for vega (the corrected hurdle moves with σ), 10⁻³ of T for theta (the
 * correction does not depend on T), 10⁻⁴ for rho. Requires years > 0 and volatility > 0.
 */
export function tranchePositionGreeks(spotPrice: number, tranches: readonly Tranche[], terms: TrancheTerms): TrancheGreeks {
  const sum = { delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0 };
  for (const t of tranches) {
    const weight = t.shares * t.milestoneProbability;
    if (weight === 0) continue;
    const g = trancheGreeksPerShare(spotPrice, t.hurdlePrice, terms);
    sum.delta += weight * g.delta;
    sum.gamma += weight * g.gamma;
    sum.vega += weight * g.vega;
    sum.theta += weight * g.theta;
    sum.rho += weight * g.rho;
  }
  return sum;
}

/**
 * The share price S at which a position is worth `targetValue`. Each tranche's value rises
 * strictly and continuously in S from 0, so there is at most one such price. Bracket: at S → 0
 * the position is worth 0 < target; at Ŝ = max(max corrected hurdle, (target/W + K·e^(−rT))·e^(qT)),
 * with W = Σ shares × probability, every tranche has vested and is worth at least
 * S·e^(−qT) − K·e^(−rT) a share, so the position is worth at least the target. Brent's method on
 * [0, Ŝ] to the last bits of the root (tolerance 0: zeroin's own 2·eps·|S|), not to a fraction of
 * Ŝ, which may be a hurdle a million times the root. `undefined` when no price exists (W = 0 makes Ŝ
 * infinite or NaN) or it is not representable.
 *
 * @example tranchePositionBreakeven([{ shares: 160e6, hurdlePrice: 600, milestoneProbability: 1 }], 48e9,
 *   { strikePrice: 0.01, years: 5, rate: 0.04, dividendYield: 0, volatility: 0.5 }) // 358.4904
 */
export function tranchePositionBreakeven(allTranches: readonly Tranche[], targetValue: number, terms: TrancheTerms): number | undefined {
  // A tranche of weight 0 adds nothing to the value, so its hurdle must not stretch the bracket (it may overflow).
  const tranches = allTranches.filter((t) => t.shares * t.milestoneProbability !== 0);
  const weight = tranches.reduce((sum, t) => sum + t.shares * t.milestoneProbability, 0);
  const gap = (price: number) => (price > 0 ? tranchePositionValue(price, tranches, terms) : 0) - targetValue;
  // Beyond LARGEST_STD_DEV every tranche is worth S·e^(−qT) whatever its hurdle (the corrected hurdle may overflow there).
  const hurdlesMatter = terms.volatility * Math.sqrt(terms.years) <= LARGEST_STD_DEV;
  const highestHurdle = hurdlesMatter ? Math.max(...tranches.map((t) => continuityCorrectedHurdle(t.hurdlePrice, terms.volatility, terms.observationsPerYear))) : 0;
  const fromBound = (targetValue / weight + terms.strikePrice * Math.exp(-terms.rate * terms.years)) * Math.exp(terms.dividendYield * terms.years);
  let upper = Math.max(highestHurdle, fromBound);
  // The bound holds in exact arithmetic. Where rounding leaves the value there a hair short, twice
  // the bound (still above every hurdle) is worth at least W·(2Ŝ·e^(−qT) − K·e^(−rT)) ≥ target +
  // W·Ŝ·e^(−qT): past the root by far more than any rounding, so one doubling is all there can be.
  if (Number.isFinite(upper) && gap(upper) < 0) upper *= 2;
  if (!Number.isFinite(upper) || !(gap(upper) >= 0)) return undefined;
  const root = brentRoot(gap, 0, upper, 0);
  // Brent's tolerance is on the price; the function promises the value, so a root must reproduce it
  // (no price does where the value jumps by more than that between neighbouring doubles).
  return root !== undefined && Math.abs(gap(root)) <= 1e-9 * targetValue ? root : undefined;
}

function upAndIn(spotPrice: number, barrierPrice: number, terms: TrancheTerms): BarrierOption {
  return {
    kind: 'call',
    barrierType: 'UpIn',
    spotPrice,
    strikePrice: terms.strikePrice,
    barrierPrice,
    rebate: 0,
    years: terms.years,
    rate: terms.rate,
    dividendYield: terms.dividendYield,
    volatility: terms.volatility,
  };
}

/** Richardson-extrapolated central first difference: (4·D(h) − D(2h))/3. */
function firstDifference(f: (x: number) => number, x: number, h: number): number {
  const d1 = (f(x + h) - f(x - h)) / (2 * h);
  const d2 = (f(x + 2 * h) - f(x - 2 * h)) / (4 * h);
  return (4 * d1 - d2) / 3;
}

/** Richardson-extrapolated central second difference. */
function secondDifference(f: (x: number) => number, x: number, h: number): number {
  const centre = f(x);
  const s1 = (f(x + h) - 2 * centre + f(x - h)) / (h * h);
  const s2 = (f(x + 2 * h) - 2 * centre + f(x - 2 * h)) / (4 * h * h);
  return (4 * s1 - s2) / 3;
}

/**
 * f′(x) for an f that is positive here, by differences of ln f: f′ = f·(ln f)′. Far below a high
 * hurdle a tranche's value spans orders of magnitude within one step (ln V ≈ −c/σ², c in the
 * hundreds), where ln V is still smooth and nearly quadratic. Differences of f itself where ln f
 * cannot be taken.
 */
function firstDifferenceOfPositive(f: (x: number) => number, x: number, h: number): number {
  const centre = f(x);
  // ln(f(y)/f(x)) rather than ln f(y) − ln f(x): the ratio is near 1, so this adds no rounding of its own.
  const logSlope = firstDifference((y) => Math.log(f(y) / centre), x, h);
  return Number.isFinite(logSlope) ? centre * logSlope : firstDifference(f, x, h);
}

/** f″(x) likewise: f″ = f·((ln f)″ + (ln f)′²). */
function secondDifferenceOfPositive(f: (x: number) => number, x: number, h: number): number {
  const centre = f(x);
  const logRatio = (y: number) => Math.log(f(y) / centre);
  const slope = firstDifference(logRatio, x, h);
  const curvature = secondDifference(logRatio, x, h);
  return Number.isFinite(slope) && Number.isFinite(curvature) ? centre * (curvature + slope * slope) : secondDifference(f, x, h);
}

/**
 * One share of a tranche at degenerate volatility, σ√T outside [SMALLEST_STD_DEV, LARGEST_STD_DEV]:
 * the limit's value and its greeks (undefined otherwise). Near σ√T = 0 the value is flat in σ,
 * so vega is 0; delta, theta and rho are those of the discounted intrinsic value when vested.
 * Near σ√T = ∞ only S·e^(−qT) is left: delta e^(−qT), theta q·S·e^(−qT), the rest 0.
 */
export function degenerateTranche(spotPrice: number, hurdlePrice: number, terms: TrancheTerms): (TrancheGreeks & { readonly value: number }) | undefined {
  const { strikePrice, years, rate, dividendYield, volatility } = terms;
  const stdDev = volatility * Math.sqrt(years);
  const shareDiscount = Math.exp(-dividendYield * years);
  if (stdDev > LARGEST_STD_DEV) {
    return { value: spotPrice * shareDiscount, delta: shareDiscount, gamma: 0, vega: 0, theta: dividendYield * spotPrice * shareDiscount, rho: 0 };
  }
  if (stdDev >= SMALLEST_STD_DEV) return undefined;
  const strikeDiscount = Math.exp(-rate * years);
  const highest = Math.max(spotPrice, spotPrice * Math.exp((rate - dividendYield) * years));
  const intrinsic = spotPrice * shareDiscount - strikePrice * strikeDiscount;
  if (!(highest >= hurdlePrice) || !(intrinsic > 0)) return { value: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0 };
  return {
    value: intrinsic,
    delta: shareDiscount,
    gamma: 0,
    vega: 0,
    theta: dividendYield * spotPrice * shareDiscount - rate * strikePrice * strikeDiscount,
    rho: years * strikePrice * strikeDiscount,
  };
}

function trancheGreeksPerShare(spotPrice: number, hurdlePrice: number, terms: TrancheTerms): TrancheGreeks {
  const limit = degenerateTranche(spotPrice, hurdlePrice, terms);
  if (limit) return { delta: limit.delta, gamma: limit.gamma, vega: limit.vega, theta: limit.theta, rho: limit.rho };
  const { strikePrice, years, rate, dividendYield, volatility, observationsPerYear } = terms;
  if (spotPrice >= continuityCorrectedHurdle(hurdlePrice, volatility, observationsPerYear)) {
    const g = blackScholesGreeks('call', spotPrice, strikePrice, years, rate, dividendYield, volatility);
    return { delta: g.delta, gamma: g.gamma, vega: g.vega, theta: g.theta, rho: g.rho };
  }
  const value = (changes: Partial<TrancheTerms> & { spotPrice?: number }) => {
    const t = { ...terms, ...changes };
    return barrierFormulaValue(upAndIn(changes.spotPrice ?? spotPrice, continuityCorrectedHurdle(hurdlePrice, t.volatility, t.observationsPerYear), t));
  };
  const spotStep = spotPrice * 1e-3 * Math.min(1, volatility * Math.sqrt(years));
  const bySpot = (s: number) => value({ spotPrice: s });
  return {
    delta: firstDifferenceOfPositive(bySpot, spotPrice, spotStep),
    gamma: secondDifferenceOfPositive(bySpot, spotPrice, spotStep),
    vega: firstDifferenceOfPositive((v) => value({ volatility: v }), volatility, volatility * 1e-3),
    theta: -firstDifferenceOfPositive((t) => value({ years: t }), years, years * 1e-3),
    rho: firstDifferenceOfPositive((r) => value({ rate: r }), rate, 1e-4),
  };
}
