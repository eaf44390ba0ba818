/**
 * Vendor financing ("circular" deals): a vendor invests in, or grants equity to, a customer who
 * spends the money with the vendor (Nvidia–OpenAI: ~USD 10 bn invested per GW against ~35 bn of
 * hardware; AMD–OpenAI: warrants against GPU purchases). Money in the caller's unit.
 */

export interface CircularFlowMetrics {
  /** investment ÷ purchases: the share of the customer's spend that is the vendor's own money. */
  readonly roundTripShare: number;
  /** purchases − investment: what the customer must fund from elsewhere. */
  readonly customerCashNeed: number;
  /** purchases × grossMargin − investment: the vendor's cash profit after its investment. */
  readonly vendorNetCash: number;
  /** equityGranted ÷ purchases: the discount the granted equity amounts to. */
  readonly effectiveDiscount: number;
  /** purchases − equityGranted: what the customer pays net of the equity it receives. */
  readonly netPrice: number;
}

export const CIRCULAR_FLOW_METRICS = ['roundTripShare', 'customerCashNeed', 'vendorNetCash', 'effectiveDiscount', 'netPrice'] as const;
export type CircularFlowMetric = (typeof CIRCULAR_FLOW_METRICS)[number];

/**
 * Metrics of one vendor-financing flow. `purchases` must be positive.
 *
 * @example circularFlow(10, 35, 0.75, 0).roundTripShare // 0.2857142857142857
 */
export function circularFlow(investment: number, purchases: number, grossMargin: number, equityGranted: number): CircularFlowMetrics {
  return {
    roundTripShare: investment / purchases,
    customerCashNeed: purchases - investment,
    vendorNetCash: purchases * grossMargin - investment,
    effectiveDiscount: equityGranted / purchases,
    netPrice: purchases - equityGranted,
  };
}
