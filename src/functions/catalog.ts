/**
 * The DEALS functions as data, for surfaces other than Excel: the formula engine registers each
 * one under `DEALS.<name>`, with the parameters and spill sizes below. Excel reads the same facts
 * from the JSDoc in `functions.ts`; test/metadata.test.ts keeps the two in agreement.
 */
import { CIRCULAR_FLOW_METRICS } from '../model';
import * as excelFunctions from './functions';
import { GREEK_LABELS } from './implementations';

/** What is known of an argument when a formula is parsed: omitted, or a value of some size. */
export type ArgumentShape = { readonly omitted: true } | { readonly omitted: false; readonly rows: number; readonly columns: number };

export interface ParameterSpec {
  readonly name: string;
  readonly optional: boolean;
  /** True where a range (one cell per period) is accepted, not just one value. */
  readonly acceptsRange: boolean;
}

export interface SpillSize {
  readonly rows: number;
  readonly columns: number;
}

export interface DealsFunctionSpec {
  /** Excel name without the namespace, e.g. WARRANTVALUE. */
  readonly name: string;
  /** The same exported function Excel calls. */
  readonly implementation: (...args: never[]) => unknown;
  readonly parameters: readonly ParameterSpec[];
  /** 'matrix' results may spill; 'scalar' results are one value. */
  readonly result: 'scalar' | 'matrix';
  /** Size of a matrix result from the argument shapes (an engine must know it before computing). */
  readonly spillSize?: (args: readonly ArgumentShape[]) => SpillSize;
}

const required = (name: string, acceptsRange = false): ParameterSpec => ({ name, optional: false, acceptsRange });
const optional = (name: string, acceptsRange = false): ParameterSpec => ({ name, optional: true, acceptsRange });

/** The largest of the given arguments' sizes: the period shape of a range form. */
function periodShape(args: readonly ArgumentShape[], indexes: readonly number[]): SpillSize {
  let shape: SpillSize = { rows: 1, columns: 1 };
  for (const i of indexes) {
    const arg = args[i];
    if (arg && !arg.omitted && arg.rows * arg.columns > shape.rows * shape.columns) shape = { rows: arg.rows, columns: arg.columns };
  }
  return shape;
}

export const DEALS_FUNCTIONS: readonly DealsFunctionSpec[] = [
  {
    name: 'WARRANTVALUE',
    implementation: excelFunctions.warrantValue,
    parameters: [
      required('shares'),
      required('strike'),
      required('price'),
      optional('volatility'),
      optional('years'),
      optional('rate'),
      optional('dividendYield'),
      optional('sharesOutstanding'),
      optional('priceIncludesWarrants'),
    ],
    result: 'scalar',
  },
  {
    name: 'TRANCHEVALUE',
    implementation: excelFunctions.trancheValue,
    parameters: [
      required('shares'),
      required('strike'),
      required('price'),
      required('hurdle'),
      required('volatility'),
      required('years'),
      optional('rate'),
      optional('dividendYield'),
      optional('milestoneProbability'),
    ],
    result: 'scalar',
  },
  {
    name: 'BREAKEVENPRICE',
    implementation: excelFunctions.breakevenPrice,
    parameters: [
      required('shares'),
      required('strike'),
      required('targetValue'),
      optional('volatility'),
      optional('years'),
      optional('rate'),
      optional('dividendYield'),
    ],
    result: 'scalar',
  },
  {
    name: 'WARRANTGREEKS',
    implementation: excelFunctions.warrantGreeks,
    parameters: [required('shares'), required('strike'), required('price'), required('volatility'), required('years'), optional('rate'), optional('dividendYield')],
    result: 'matrix',
    spillSize: () => ({ rows: GREEK_LABELS.length, columns: 2 }),
  },
  {
    name: 'FUNDINGGAP',
    implementation: excelFunctions.fundingGap,
    parameters: [required('required', true), required('projected', true), optional('cash')],
    result: 'matrix',
    spillSize: (args) => periodShape(args, [0, 1]),
  },
  {
    name: 'REQUIREDREVENUE',
    implementation: excelFunctions.requiredRevenue,
    parameters: [required('annualCapex'), required('capexShareOfRevenue')],
    result: 'scalar',
  },
  {
    name: 'SHORTFALLPROB',
    implementation: excelFunctions.shortfallProb,
    parameters: [required('required'), required('revenueNow'), required('growthRate'), required('volatility'), required('years')],
    result: 'scalar',
  },
  {
    name: 'CIRCULARFLOW',
    implementation: excelFunctions.circularFlow,
    parameters: [
      required('investment', true),
      required('purchases', true),
      optional('grossMargin', true),
      optional('equityGranted', true),
      optional('metric'),
      optional('cumulative'),
    ],
    result: 'matrix',
    spillSize: (args) => {
      const periods = periodShape(args, [0, 1, 2, 3]);
      const metric = args[4];
      if (metric && !metric.omitted) return periods;
      const count = periods.rows * periods.columns;
      return count === 1 ? { rows: CIRCULAR_FLOW_METRICS.length, columns: 2 } : { rows: count + 1, columns: CIRCULAR_FLOW_METRICS.length };
    },
  },
];
