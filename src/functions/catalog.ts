/**
 * The DEALS functions as data, for surfaces other than Excel: the formula engine registers each
 * one under `DEALS.<name>`, with the parameters and spill sizes below. Excel reads the same facts
 * from the JSDoc in `functions.ts`; test/metadata.test.ts keeps the two in agreement.
 */
import { CIRCULAR_FLOW_METRICS } from '../model';
import * as excelFunctions from './functions';
import { FUNDING_RISK_HEADER, GREEK_LABELS } from './implementations';

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

/** The arguments of the tranche functions; the third is the price, or the target value to solve for. */
function trancheParameters(third: 'price' | 'targetValue'): ParameterSpec[] {
  return [
    required('shares', true),
    required('strike'),
    required(third),
    required('hurdle', true),
    required('volatility'),
    required('years'),
    optional('rate'),
    optional('dividendYield'),
    optional('milestoneProbability', true),
    optional('observationsPerYear'),
  ];
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
    parameters: trancheParameters('price'),
    result: 'scalar',
  },
  {
    name: 'TRANCHEGREEKS',
    implementation: excelFunctions.trancheGreeks,
    parameters: trancheParameters('price'),
    result: 'matrix',
    spillSize: () => ({ rows: GREEK_LABELS.length, columns: 2 }),
  },
  {
    name: 'TRANCHEBREAKEVEN',
    implementation: excelFunctions.trancheBreakeven,
    parameters: trancheParameters('targetValue'),
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
  {
    name: 'FUNDINGRISK',
    implementation: excelFunctions.fundingRisk,
    parameters: [
      required('obligations', true),
      required('revenueNow'),
      required('growthRate'),
      required('volatility'),
      optional('revenueShare'),
      optional('cash'),
      optional('financing', true),
      optional('paths'),
      optional('seed'),
      optional('metric'),
    ],
    result: 'matrix',
    spillSize: (args) => {
      const years = periodShape(args, [0]);
      const metric = args[9];
      if (metric && !metric.omitted) return years;
      return { rows: years.rows * years.columns + 1, columns: FUNDING_RISK_HEADER.length };
    },
  },
];
