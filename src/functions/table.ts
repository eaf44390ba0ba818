/**
 * Every DEALS function declared once, as data (as a formula engine declares its built-in
 * functions): its parameters in order, each with the rule its value must obey, its
 * default and whether it takes a range; its result, spill size and labels. Nothing here computes.
 *
 * - Argument checking applies it: `ArgumentReader` (args.ts) looks each argument up here, so an
 *   implementation names the argument and gets a checked value (or `#VALUE!` stating the rule).
 * - The formula engine registers `DEALS.<name>` from it (catalog.ts, engine/plugin.ts).
 * - Excel's metadata comes from the JSDoc of functions.ts (custom-functions-metadata reads only
 *   JSDoc); test/metadata.test.ts checks names, order, optional, range-ness, result dimensionality
 *   and the defaults each description states against this table.
 * - The descriptions are catalogue texts under `fn.<NAME>.description` and
 *   `fn.<NAME>.param.<parameter>`, in every language (see `descriptionKeys`).
 */
import { functionDescriptionKey, parameterDescriptionKey } from '../i18n/functionMetadata';
import { CIRCULAR_FLOW_METRICS, FUNDING_RISK_METRIC_ALIASES, FUNDING_RISK_METRICS } from '../model';
import { ANY_NUMBER, NON_NEGATIVE, NumberRule, POSITIVE, POSITIVE_SHARE, UNIT_INTERVAL, wholeNumberFrom } from './args';

/** How an argument is read. `number` and `range` without `default` (optional): absent when omitted. */
export type ParameterRead =
  | { readonly kind: 'number'; readonly rule: NumberRule; readonly default?: number }
  | { readonly kind: 'range'; readonly rule: NumberRule; readonly default?: number }
  | { readonly kind: 'flag'; readonly default: boolean }
  | { readonly kind: 'choice'; readonly choices: readonly string[]; readonly aliases?: Readonly<Record<string, string>> };

export interface ParameterSpec {
  readonly name: string;
  readonly optional: boolean;
  /** True where a range (one cell per period or tranche) is accepted, not just one value. */
  readonly acceptsRange: boolean;
  readonly read: ParameterRead;
}

/** What is known of an argument when a formula is parsed: omitted, or a value of some size. */
export type ArgumentShape = { readonly omitted: true } | { readonly omitted: false; readonly rows: number; readonly columns: number };

export interface SpillSize {
  readonly rows: number;
  readonly columns: number;
}

export interface FunctionSpec {
  /** Excel name without the namespace, e.g. WARRANTVALUE. */
  readonly name: string;
  readonly parameters: readonly ParameterSpec[];
  /** 'matrix' results may spill; 'scalar' results are one value. */
  readonly result: 'scalar' | 'matrix';
  /** Size of a matrix result from the argument shapes (an engine must know it before computing). */
  readonly spillSize?: (args: readonly ArgumentShape[]) => SpillSize;
}

/** The row labels of the greeks blocks (WARRANTGREEKS, TRANCHEGREEKS). */
export const GREEK_LABELS = ['delta', 'gamma', 'vega', 'theta', 'rho'] as const;
/** The header row of FUNDINGRISK without a metric. */
export const FUNDING_RISK_HEADER = ['year', ...FUNDING_RISK_METRICS] as const;
export const FUNDING_RISK_PATHS = { min: 1_000, max: 1_000_000, default: 10_000 } as const;
/** The work cap of one FUNDINGRISK call: paths × years (a recalculation stays within seconds). */
export const FUNDING_RISK_MAX_PATH_YEARS = 100_000_000;

const PATHS_RULE = wholeNumberFrom(FUNDING_RISK_PATHS.min, FUNDING_RISK_PATHS.max, {
  key: 'rule.wholeFromTo',
  params: { min: FUNDING_RISK_PATHS.min.toLocaleString('en-US'), max: FUNDING_RISK_PATHS.max.toLocaleString('en-US') },
});
const SEED_RULE = wholeNumberFrom(0, Number.MAX_SAFE_INTEGER, { key: 'rule.seed' });

// ---- parameter builders: required/optional × number/range/flag/choice ----

const param = (name: string, optional: boolean, read: ParameterRead): ParameterSpec => ({ name, optional, acceptsRange: read.kind === 'range', read });
const number = (name: string, rule: NumberRule) => param(name, false, { kind: 'number', rule });
const optionalNumber = (name: string, rule: NumberRule, defaultValue?: number) => param(name, true, { kind: 'number', rule, default: defaultValue });
const range = (name: string, rule: NumberRule) => param(name, false, { kind: 'range', rule });
const optionalRange = (name: string, rule: NumberRule, defaultValue: number) => param(name, true, { kind: 'range', rule, default: defaultValue });
const flag = (name: string, defaultValue: boolean) => param(name, true, { kind: 'flag', default: defaultValue });
/** `aliases`: former names still accepted (matched like the choices, never listed), each to the choice it now means. */
const choice = (name: string, choices: readonly string[], aliases?: Readonly<Record<string, string>>) => param(name, true, { kind: 'choice', choices, aliases });

const rate = optionalNumber('rate', ANY_NUMBER, 0);
const dividendYield = optionalNumber('dividendYield', ANY_NUMBER, 0);

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
    range('shares', POSITIVE),
    number('strike', NON_NEGATIVE),
    number(third, POSITIVE),
    range('hurdle', POSITIVE),
    number('volatility', POSITIVE),
    number('years', POSITIVE),
    rate,
    dividendYield,
    optionalRange('milestoneProbability', UNIT_INTERVAL, 1),
    optionalNumber('observationsPerYear', NON_NEGATIVE, 0),
  ];
}

const greeksBlock = () => ({ rows: GREEK_LABELS.length, columns: 2 });

export const FUNCTION_TABLE = {
  WARRANTVALUE: {
    name: 'WARRANTVALUE',
    parameters: [
      number('shares', POSITIVE),
      number('strike', NON_NEGATIVE),
      number('price', POSITIVE),
      optionalNumber('volatility', POSITIVE),
      optionalNumber('years', POSITIVE),
      rate,
      dividendYield,
      optionalNumber('sharesOutstanding', POSITIVE),
      flag('priceIncludesWarrants', true),
    ],
    result: 'scalar',
  },
  TRANCHEVALUE: { name: 'TRANCHEVALUE', parameters: trancheParameters('price'), result: 'scalar' },
  TRANCHEGREEKS: { name: 'TRANCHEGREEKS', parameters: trancheParameters('price'), result: 'matrix', spillSize: greeksBlock },
  TRANCHEBREAKEVEN: { name: 'TRANCHEBREAKEVEN', parameters: trancheParameters('targetValue'), result: 'scalar' },
  BREAKEVENPRICE: {
    name: 'BREAKEVENPRICE',
    parameters: [
      number('shares', POSITIVE),
      number('strike', NON_NEGATIVE),
      number('targetValue', POSITIVE),
      optionalNumber('volatility', POSITIVE),
      optionalNumber('years', POSITIVE),
      rate,
      dividendYield,
    ],
    result: 'scalar',
  },
  WARRANTGREEKS: {
    name: 'WARRANTGREEKS',
    parameters: [number('shares', POSITIVE), number('strike', NON_NEGATIVE), number('price', POSITIVE), number('volatility', POSITIVE), number('years', POSITIVE), rate, dividendYield],
    result: 'matrix',
    spillSize: greeksBlock,
  },
  FUNDINGGAP: {
    name: 'FUNDINGGAP',
    parameters: [range('required', ANY_NUMBER), range('projected', ANY_NUMBER), optionalNumber('cash', ANY_NUMBER, 0)],
    result: 'matrix',
    spillSize: (args) => periodShape(args, [0, 1]),
  },
  REQUIREDREVENUE: {
    name: 'REQUIREDREVENUE',
    parameters: [number('annualCapex', NON_NEGATIVE), number('capexShareOfRevenue', POSITIVE)],
    result: 'scalar',
  },
  SHORTFALLPROB: {
    name: 'SHORTFALLPROB',
    parameters: [number('required', POSITIVE), number('revenueNow', POSITIVE), number('growthRate', ANY_NUMBER), number('volatility', POSITIVE), number('years', POSITIVE)],
    result: 'scalar',
  },
  CIRCULARFLOW: {
    name: 'CIRCULARFLOW',
    parameters: [
      range('investment', NON_NEGATIVE),
      range('purchases', POSITIVE),
      optionalRange('grossMargin', UNIT_INTERVAL, 0),
      optionalRange('equityGranted', NON_NEGATIVE, 0),
      choice('metric', CIRCULAR_FLOW_METRICS),
      flag('cumulative', false),
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
  FUNDINGRISK: {
    name: 'FUNDINGRISK',
    parameters: [
      range('obligations', NON_NEGATIVE),
      number('revenueNow', POSITIVE),
      range('growthRate', ANY_NUMBER),
      number('volatility', POSITIVE),
      optionalRange('revenueShare', POSITIVE_SHARE, 1),
      optionalNumber('cash', NON_NEGATIVE, 0),
      optionalRange('financing', NON_NEGATIVE, 0),
      optionalNumber('paths', PATHS_RULE, FUNDING_RISK_PATHS.default),
      optionalNumber('seed', SEED_RULE, 1),
      choice('metric', FUNDING_RISK_METRICS, FUNDING_RISK_METRIC_ALIASES),
      optionalNumber('minimumCash', NON_NEGATIVE, 0),
    ],
    result: 'matrix',
    spillSize: (args) => {
      const years = periodShape(args, [0]);
      const metric = args[9];
      if (metric && !metric.omitted) return years;
      return { rows: years.rows * years.columns + 1, columns: FUNDING_RISK_HEADER.length };
    },
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTION_TABLE;

/** The table as a list, in the order of functions.ts and of every reference. */
export const FUNCTION_SPECS: readonly FunctionSpec[] = Object.values(FUNCTION_TABLE);

/** The catalogue keys of a function's descriptions (the same keys the per-locale Excel metadata is built from). */
export function descriptionKeys(spec: FunctionSpec): { readonly description: string; readonly parameters: readonly string[] } {
  return { description: functionDescriptionKey(spec.name), parameters: spec.parameters.map((p) => parameterDescriptionKey(spec.name, p.name)) };
}
