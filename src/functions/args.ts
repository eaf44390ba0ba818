/**
 * Argument checking and defaults for every DEALS function, in one place.
 *
 * Excel hands a custom function numbers, strings, booleans, `null` (an omitted or blank
 * argument), `undefined` (a trailing omitted argument) and, for range parameters, 2-D arrays.
 * The formula engine used by the CLI, the workbench and the tests hands over the same shapes.
 * Each reader below either returns a clean value or throws `#VALUE!` naming the function, the
 * argument and the rule, so no model function ever sees text, blanks, NaN or Infinity.
 */
import { ErrorText, invalidArgument, noSolution } from './errors';
import type { FunctionSpec, ParameterRead, ParameterSpec } from './table';

export type ExcelScalar = number | string | boolean | null | undefined;
export type ExcelValue = ExcelScalar | ExcelScalar[][];

/**
 * A rule a number must obey, and how the error message states it. Every rule is an interval
 * (`low < x` or `low ≤ x`, `x ≤ high`), optionally of whole numbers: data, so checking one is a
 * few comparisons inline rather than a call through a different closure for each rule.
 */
export interface NumberRule extends Interval {
  readonly holds: (x: number) => boolean;
  readonly says: ErrorText;
}

interface Interval {
  readonly low: number;
  readonly lowIncluded: boolean;
  readonly high: number;
  readonly whole: boolean;
}

function interval(low: number, lowIncluded: boolean, high: number, whole: boolean, says: ErrorText): NumberRule {
  const rule: NumberRule = { low, lowIncluded, high, whole, holds: (x) => obeys(rule, x), says };
  return rule;
}

function obeys(rule: Interval, x: number): boolean {
  return (x > rule.low || (rule.lowIncluded && x === rule.low)) && x <= rule.high && (!rule.whole || Number.isInteger(x));
}

export const ANY_NUMBER: NumberRule = interval(-Infinity, true, Infinity, false, { key: 'rule.number' });
export const POSITIVE: NumberRule = interval(0, false, Infinity, false, { key: 'rule.positive' });
export const NON_NEGATIVE: NumberRule = interval(0, true, Infinity, false, { key: 'rule.nonNegative' });
export const UNIT_INTERVAL: NumberRule = interval(0, true, 1, false, { key: 'rule.unitInterval' });

const isBlank = (value: unknown): value is null | undefined | '' => value === null || value === undefined || value === '';

/**
 * An argument the caller left out: Excel passes `null` or `undefined`; `""` is treated alike. An
 * omitted middle argument to a range parameter (`DEALS.CIRCULARFLOW(0,E43,,F43,…)`) may instead
 * arrive as a 1×1 range holding nothing, `[[null]]`: omitted too.
 *
 * A referenced blank cell is `null` on Excel on the web but `0` on some desktop builds (office-js
 * #4702; in ranges too, #1951, #5262). The two cannot be told apart here, so a required argument
 * for which 0 is invalid still fails with its rule (`must be a positive number`); README "Blank
 * cells" says, per argument, what a blank gives on each.
 */
export function isOmitted(value: unknown): boolean {
  return isBlank(value) || (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && isBlank(value[0][0]));
}

/**
 * Reads one argument by its declaration in table.ts (its rule, its default, whether it takes a
 * range); every error names the function and the argument. Built once per parameter, so reading a
 * plain number is a few comparisons: no lookup, no allocation (a cell of a 10,000-row sheet reads
 * each of its arguments; `bench/bench.ts` measures the cost against the model).
 */
export class ParameterReader implements Interval {
  readonly name: string;
  private readonly optional: boolean;
  private readonly read: ParameterRead;
  private readonly kind: ParameterRead['kind'];
  /** The rule of a number or range parameter (ANY_NUMBER for the others, which never use it). */
  private readonly rule: NumberRule;
  // The rule's interval, copied onto the reader so that checking a number reads no other object.
  readonly low: number;
  readonly lowIncluded: boolean;
  readonly high: number;
  readonly whole: boolean;

  constructor(
    readonly functionName: string,
    spec: ParameterSpec,
  ) {
    this.name = spec.name;
    this.optional = spec.optional;
    this.read = spec.read;
    this.kind = spec.read.kind;
    this.rule = spec.read.kind === 'number' || spec.read.kind === 'range' ? spec.read.rule : ANY_NUMBER;
    this.low = this.rule.low;
    this.lowIncluded = this.rule.lowIncluded;
    this.high = this.rule.high;
    this.whole = this.rule.whole;
  }

  /** A number: the table's default when omitted, `#VALUE!` if it is required. */
  number(value: ExcelValue): number {
    // The common case in a few instructions, small enough for V8 to inline at every call; the rest below.
    return this.kind === 'number' && this.accepts(value) ? value : this.numberOtherwise(value);
  }

  private numberOtherwise(value: ExcelValue): number {
    const read = this.declared('number');
    if (typeof value === 'number' || !isOmitted(value)) return this.checkNumber(value);
    if (this.optional && read.default !== undefined) return read.default;
    if (this.optional) throw new Error(`${this.functionName}.${this.name} has no default: read it with numberOrAbsent`);
    throw invalidArgument(this.functionName, this.name, { key: 'rule.required' });
  }

  /** An optional number without a default: `undefined` when omitted. */
  numberOrAbsent(value: ExcelValue): number | undefined {
    return this.kind === 'number' && this.accepts(value) ? value : this.numberOrAbsentOtherwise(value);
  }

  private numberOrAbsentOtherwise(value: ExcelValue): number | undefined {
    this.declared('number');
    return typeof value !== 'number' && isOmitted(value) ? undefined : this.checkNumber(value);
  }

  /** TRUE/FALSE (1/0 accepted, as Excel coerces them), the table's default when omitted. */
  flag(value: ExcelValue): boolean {
    const read = this.declared('flag');
    if (typeof value === 'boolean') return value;
    if (isOmitted(value)) return read.default;
    if (value === 1 || value === 0) return value === 1;
    throw invalidArgument(this.functionName, this.name, { key: 'rule.flag' });
  }

  /** One of the table's choices (or a former name of one, its alias), matched without regard to case; `undefined` when omitted. */
  choiceOrAbsent<T extends string>(value: ExcelValue): T | undefined {
    const read = this.declared('choice');
    if (isOmitted(value)) return undefined;
    const wanted = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    const alias = Object.keys(read.aliases ?? {}).find((a) => a.toLowerCase() === wanted);
    const match = alias !== undefined ? read.aliases?.[alias] : read.choices.find((c) => c.toLowerCase() === wanted);
    if (match === undefined) throw invalidArgument(this.functionName, this.name, { key: 'rule.choice', params: { choices: read.choices.join(', ') } });
    return match as T;
  }

  /**
   * A single number or a range of numbers, returned as a 2-D array (a scalar becomes 1×1); an
   * omitted optional one is its default, 1×1. Every cell must obey the rule; a blank cell is an
   * error, never a silent 0.
   */
  numberGrid(value: ExcelValue): number[][] {
    if (!Array.isArray(value)) return [[this.single(value)]];
    const read = this.declared('range');
    if (isOmitted(value)) {
      if (this.optional && read.default !== undefined) return [[read.default]];
      throw invalidArgument(this.functionName, this.name, { key: 'rule.required' });
    }
    const width = value.length > 0 && Array.isArray(value[0]) ? value[0].length : 0;
    if (width === 0) throw invalidArgument(this.functionName, this.name, { key: 'rule.rectangular' });
    for (const row of value) {
      if (!Array.isArray(row) || row.length !== width) throw invalidArgument(this.functionName, this.name, { key: 'rule.rectangular' });
    }
    // Plain loops, not map/flat with closures: this copy is on the path of every range argument.
    const grid: number[][] = new Array(value.length);
    for (let r = 0; r < value.length; r++) {
      const row = value[r];
      const numbers: number[] = new Array(width);
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        if (isBlank(cell)) throw invalidArgument(this.functionName, this.name, { key: 'rule.noBlanks' });
        numbers[c] = this.checkNumber(cell);
      }
      grid[r] = numbers;
    }
    return grid;
  }

  /** A range argument given as one value, not a range: the number, checked, or the default when omitted (as `numberGrid` reads it, without building a grid). */
  single(value: ExcelScalar): number {
    const read = this.declared('range');
    if (!isBlank(value)) return this.checkNumber(value);
    if (this.optional && read.default !== undefined) return read.default;
    throw invalidArgument(this.functionName, this.name, { key: 'rule.required' });
  }

  /** The declaration, which must be of the kind the implementation reads. */
  private declared<K extends ParameterRead['kind']>(kind: K): Extract<ParameterRead, { kind: K }> {
    if (this.kind !== kind) throw new Error(`${this.functionName} declares no ${kind} parameter ${this.name} (table.ts)`);
    return this.read as Extract<ParameterRead, { kind: K }>;
  }

  /** A finite number within the rule. */
  private accepts(value: ExcelValue): value is number {
    return typeof value === 'number' && Number.isFinite(value) && obeys(this, value);
  }

  private checkNumber(value: ExcelValue): number {
    if (!this.accepts(value)) throw invalidArgument(this.functionName, this.name, this.rule.says);
    return value;
  }
}

const READERS = new WeakMap<FunctionSpec, ReadonlyMap<string, ParameterReader>>();

function readersOf(spec: FunctionSpec): ReadonlyMap<string, ParameterReader> {
  let readers = READERS.get(spec);
  if (readers === undefined) {
    readers = new Map(spec.parameters.map((p) => [p.name, new ParameterReader(spec.name, p)]));
    READERS.set(spec, readers);
  }
  return readers;
}

/**
 * Reads the arguments of one DEALS function by its declaration in table.ts: each read names the
 * argument, and the table gives its rule, its default and whether it takes a range. Every error
 * names the function and the argument. It holds no call's state; its parameter readers are built
 * once per function (`parameters(...)` hands them out for a function on a hot path).
 */
export class ArgumentReader {
  readonly functionName: string;
  private readonly readers: ReadonlyMap<string, ParameterReader>;

  constructor(readonly spec: FunctionSpec) {
    this.functionName = spec.name;
    this.readers = readersOf(spec);
  }

  /** The readers of the named parameters, looked up once; throws at load time for a name the table lacks. */
  parameters<N extends string>(...names: readonly N[]): { readonly [P in N]: ParameterReader } {
    const readers = {} as { [P in N]: ParameterReader };
    for (const name of names) readers[name] = this.parameter(name);
    return readers;
  }

  number(name: string, value: ExcelValue): number {
    return this.parameter(name).number(value);
  }

  numberOrAbsent(name: string, value: ExcelValue): number | undefined {
    return this.parameter(name).numberOrAbsent(value);
  }

  flag(name: string, value: ExcelValue): boolean {
    return this.parameter(name).flag(value);
  }

  choiceOrAbsent<T extends string>(name: string, value: ExcelValue): T | undefined {
    return this.parameter(name).choiceOrAbsent<T>(value);
  }

  numberGrid(name: string, value: ExcelValue): number[][] {
    return this.parameter(name).numberGrid(value);
  }

  /** `#VALUE!` for a rule that involves several arguments. */
  fail(name: string, rule: ErrorText): never {
    throw invalidArgument(this.functionName, name, rule);
  }

  /** A result that must be finite: overflow from huge inputs becomes `#NUM!`, never Infinity or NaN. */
  finite(result: number): number {
    if (Number.isNaN(result)) throw noSolution(this.functionName, { key: 'why.undefined' });
    if (!Number.isFinite(result)) throw noSolution(this.functionName, { key: 'why.tooLarge' });
    return result;
  }

  private parameter(name: string): ParameterReader {
    const reader = this.readers.get(name);
    if (reader === undefined) throw new Error(`${this.functionName} declares no parameter ${name} (table.ts)`);
    return reader;
  }
}

/** A share that may not be zero: (0, 1]. */
export const POSITIVE_SHARE: NumberRule = interval(0, false, 1, false, { key: 'rule.positiveShare' });

/** A whole number within [min, max], with the rule as the message states it. */
export function wholeNumberFrom(min: number, max: number, says: ErrorText): NumberRule {
  return interval(min, true, max, true, says);
}
