/**
 * Funding arithmetic for compute commitments (Bain & Company, "Technology Report 2025": USD 500 bn
 * of annual capex needs USD 2 tn of annual revenue by 2030). Money in the caller's unit.
 */
import { normalCdf } from './normal';

/**
 * Running funding gap: after period t, Σ_{i≤t}(required_i − projected_i) − cash.
 * Positive is a shortfall, negative a surplus.
 *
 * @example runningFundingGap([100, 120], [80, 130], 5) // [15, 5]
 */
export function runningFundingGap(required: readonly number[], projected: readonly number[], cash: number): number[] {
  let cumulative = -cash;
  return required.map((need, i) => (cumulative += need - projected[i]));
}

/**
 * Annual revenue that sustains `annualCapex` when capex may be `capexShareOfRevenue` of revenue.
 *
 * @example requiredRevenue(500, 0.25) // 2000
 */
export function requiredRevenue(annualCapex: number, capexShareOfRevenue: number): number {
  return annualCapex / capexShareOfRevenue;
}

/**
 * Probability that revenue after `years` is below `required` when revenue follows geometric
 * Brownian motion from `revenueNow` with expected continuous growth `growthRate` and volatility
 * `volatility` (per year): N((ln(required/revenueNow) − (g − σ²/2)·T)/(σ√T)).
 *
 * @example shortfallProbability(2000, 1200, 0.1, 0.3, 5) // 0.6374
 */
export function shortfallProbability(required: number, revenueNow: number, growthRate: number, volatility: number, years: number): number {
  const stdDev = volatility * Math.sqrt(years);
  return normalCdf((Math.log(required / revenueNow) - (growthRate - (volatility * volatility) / 2) * years) / stdDev);
}
