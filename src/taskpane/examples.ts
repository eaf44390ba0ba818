/**
 * The DEALS functions as the task pane lists them: one line of what each does and one example
 * formula to copy. Plain data with no imports, so the task pane bundle stays free of the model
 * and of functions.ts (whose module, once bundled, registers the custom functions with Excel).
 * test/metadata.test.ts checks that this list names exactly the catalog's functions and that
 * each example with literal arguments computes without an error.
 */
export interface FunctionExample {
  /** Excel name without the namespace, e.g. WARRANTVALUE. */
  readonly name: string;
  /** What the function returns, in a few words. */
  readonly summary: string;
  /** A formula to type into a cell, with the DEALS namespace. */
  readonly formula: string;
}

export const FUNCTION_EXAMPLES: readonly FunctionExample[] = [
  {
    name: 'WARRANTVALUE',
    summary: 'Value of a block of warrants (intrinsic, or Black–Scholes–Merton with volatility and years).',
    formula: '=DEALS.WARRANTVALUE(160000000, 0.01, 165, 0.6, 5)',
  },
  {
    name: 'TRANCHEVALUE',
    summary: 'Value of a tranche that vests only once the share price reaches a hurdle.',
    formula: '=DEALS.TRANCHEVALUE(16000000, 0.01, 165, 600, 0.6, 5)',
  },
  {
    name: 'BREAKEVENPRICE',
    summary: 'Share price at which the warrants are worth a target value.',
    formula: '=DEALS.BREAKEVENPRICE(160000000, 0.01, 50000000000)',
  },
  {
    name: 'WARRANTGREEKS',
    summary: 'Delta, gamma, vega, theta and rho of the position (spills 5×2).',
    formula: '=DEALS.WARRANTGREEKS(1000000, 165, 165, 0.6, 5, 0.04)',
  },
  {
    name: 'FUNDINGGAP',
    summary: 'Running funding gap per period; positive is a shortfall.',
    formula: '=DEALS.FUNDINGGAP(B2:F2, B3:F3, 10)',
  },
  {
    name: 'REQUIREDREVENUE',
    summary: 'Annual revenue that sustains a capex budget at a capex-to-revenue ratio.',
    formula: '=DEALS.REQUIREDREVENUE(500, 0.25)',
  },
  {
    name: 'SHORTFALLPROB',
    summary: 'Probability that lognormal revenue growth falls short of a required level.',
    formula: '=DEALS.SHORTFALLPROB(2000, 1200, 0.15, 0.3, 5)',
  },
  {
    name: 'CIRCULARFLOW',
    summary: 'Vendor-financing round trip: how much of the money comes back to the vendor.',
    formula: '=DEALS.CIRCULARFLOW(100, 350, 0.7)',
  },
];
