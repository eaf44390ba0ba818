/**
 * The DEALS functions as the task pane lists them, each with one example formula to copy; the
 * line saying what each does is the catalogue text `taskpane.fn.<NAME>` (see messages.ts). Plain
 * data with no imports, so the task pane bundle stays free of the model
 * and of functions.ts (whose module, once bundled, registers the custom functions with Excel).
 * test/metadata.test.ts checks that this list names exactly the catalog's functions and that
 * each example with literal arguments computes without an error.
 */
export interface FunctionExample {
  /** Excel name without the namespace, e.g. WARRANTVALUE. */
  readonly name: string;
  /** A formula to type into a cell, with the DEALS namespace. */
  readonly formula: string;
}

export const FUNCTION_EXAMPLES: readonly FunctionExample[] = [
  {
    name: 'WARRANTVALUE',
    formula: '=DEALS.WARRANTVALUE(160000000, 0.01, 165, 0.6, 5)',
  },
  {
    name: 'TRANCHEVALUE',
    formula: '=DEALS.TRANCHEVALUE(16000000, 0.01, 165, 600, 0.6, 5)',
  },
  {
    name: 'TRANCHEGREEKS',
    formula: '=DEALS.TRANCHEGREEKS(16000000, 0.01, 165, 600, 0.6, 5, 0.04, 0, 0.5, 252)',
  },
  {
    name: 'TRANCHEBREAKEVEN',
    formula: '=DEALS.TRANCHEBREAKEVEN(16000000, 0.01, 5000000000, 600, 0.6, 5, 0.04, 0, 0.5, 252)',
  },
  {
    name: 'BREAKEVENPRICE',
    formula: '=DEALS.BREAKEVENPRICE(160000000, 0.01, 50000000000)',
  },
  {
    name: 'WARRANTGREEKS',
    formula: '=DEALS.WARRANTGREEKS(1000000, 165, 165, 0.6, 5, 0.04)',
  },
  {
    name: 'FUNDINGGAP',
    formula: '=DEALS.FUNDINGGAP(B2:F2, B3:F3, 10)',
  },
  {
    name: 'REQUIREDREVENUE',
    formula: '=DEALS.REQUIREDREVENUE(500, 0.25)',
  },
  {
    name: 'SHORTFALLPROB',
    formula: '=DEALS.SHORTFALLPROB(2000, 1200, 0.15, 0.3, 5)',
  },
  {
    name: 'CIRCULARFLOW',
    formula: '=DEALS.CIRCULARFLOW(100, 350, 0.7)',
  },
  {
    name: 'FUNDINGRISK',
    formula: '=DEALS.FUNDINGRISK(B2:F2, 20, 0.4, 0.4, 0.5, 17.5, 10, 10000, 1)',
  },
];
