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

/** A rule a number must obey, and how the error message states it. */
export interface NumberRule {
  readonly holds: (x: number) => boolean;
  readonly says: ErrorText;
}

export const ANY_NUMBER: NumberRule = { holds: () => true, says: { key: 'rule.number' } };
export const POSITIVE: NumberRule = { holds: (x) => x > 0, says: { key: 'rule.positive' } };
export const NON_NEGATIVE: NumberRule = { holds: (x) => x >= 0, says: { key: 'rule.nonNegative' } };
export const UNIT_INTERVAL: NumberRule = { holds: (x) => x >= 0 && x <= 1, says: { key: 'rule.unitInterval' } };

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
 * Reads the arguments of one DEALS function by its declaration in table.ts: each read names the
 * argument, and the table gives its rule, its default and whether it takes a range. Every error
 * names the function and the argument.
 */
export class ArgumentReader {
  readonly functionName: string;

  constructor(readonly spec: FunctionSpec) {
    this.functionName = spec.name;
  }

  /** A number: the table's default when omitted, `#VALUE!` if it is required. */
  number(name: string, value: ExcelValue): number {
    const { spec, read } = this.parameter(name, 'number');
    if (!isOmitted(value)) return this.checkNumber(name, value, read.rule);
    if (spec.optional && read.default !== undefined) return read.default;
    if (spec.optional) throw new Error(`${this.functionName}.${name} has no default: read it with numberOrAbsent`);
    throw invalidArgument(this.functionName, name, { key: 'rule.required' });
  }

  /** An optional number without a default: `undefined` when omitted. */
  numberOrAbsent(name: string, value: ExcelValue): number | undefined {
    const { read } = this.parameter(name, 'number');
    return isOmitted(value) ? undefined : this.checkNumber(name, value, read.rule);
  }

  /** TRUE/FALSE (1/0 accepted, as Excel coerces them), the table's default when omitted. */
  flag(name: string, value: ExcelValue): boolean {
    const { read } = this.parameter(name, 'flag');
    if (isOmitted(value)) return read.default;
    if (typeof value === 'boolean') return value;
    if (value === 1 || value === 0) return value === 1;
    throw invalidArgument(this.functionName, name, { key: 'rule.flag' });
  }

  /** One of the table's choices (or a former name of one, its alias), matched without regard to case; `undefined` when omitted. */
  choiceOrAbsent<T extends string>(name: string, value: ExcelValue): T | undefined {
    const { read } = this.parameter(name, 'choice');
    if (isOmitted(value)) return undefined;
    const wanted = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    const alias = Object.keys(read.aliases ?? {}).find((a) => a.toLowerCase() === wanted);
    const match = alias !== undefined ? read.aliases?.[alias] : read.choices.find((c) => c.toLowerCase() === wanted);
    if (match === undefined) throw invalidArgument(this.functionName, name, { key: 'rule.choice', params: { choices: read.choices.join(', ') } });
    return match as T;
  }

  /**
   * A single number or a range of numbers, returned as a 2-D array (a scalar becomes 1×1); an
   * omitted optional one is its default, 1×1. Every cell must obey the rule; a blank cell is an
   * error, never a silent 0.
   */
  numberGrid(name: string, value: ExcelValue): number[][] {
    const { spec, read } = this.parameter(name, 'range');
    if (isOmitted(value)) {
      if (spec.optional && read.default !== undefined) return [[read.default]];
      throw invalidArgument(this.functionName, name, { key: 'rule.required' });
    }
    if (!Array.isArray(value)) return [[this.checkNumber(name, value, read.rule)]];
    if (value.length === 0 || value.some((row) => !Array.isArray(row) || row.length !== value[0].length || row.length === 0)) {
      throw invalidArgument(this.functionName, name, { key: 'rule.rectangular' });
    }
    return value.map((row) =>
      row.map((cell) => {
        if (isBlank(cell)) throw invalidArgument(this.functionName, name, { key: 'rule.noBlanks' });
        return this.checkNumber(name, cell, read.rule);
      }),
    );
  }

  /** `#VALUE!` for a rule that involves several arguments. */
  fail(name: string, rule: ErrorText): never {
    throw invalidArgument(this.functionName, name, rule);
  }

  /** A result that must be finite: overflow from huge inputs becomes `#NUM!`, never Infinity or NaN. */
  finite(result: number): number {
    if (!Number.isFinite(result)) throw noSolution(this.functionName, { key: 'why.tooLarge' });
    return result;
  }

  /** The table's entry for an argument, which must be read the way it is declared. */
  private parameter<K extends ParameterRead['kind']>(name: string, kind: K): { spec: ParameterSpec; read: Extract<ParameterRead, { kind: K }> } {
    const spec = this.spec.parameters.find((p) => p.name === name);
    if (!spec || spec.read.kind !== kind) throw new Error(`${this.functionName} declares no ${kind} parameter ${name} (table.ts)`);
    return { spec, read: spec.read as Extract<ParameterRead, { kind: K }> };
  }

  private checkNumber(name: string, value: ExcelValue, rule: NumberRule): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || !rule.holds(value)) {
      throw invalidArgument(this.functionName, name, rule.says);
    }
    return value;
  }
}

/** A share that may not be zero: (0, 1]. */
export const POSITIVE_SHARE: NumberRule = { holds: (x) => x > 0 && x <= 1, says: { key: 'rule.positiveShare' } };

/** A whole number within [min, max], with the rule as the message states it. */
export function wholeNumberFrom(min: number, max: number, says: ErrorText): NumberRule {
  return { holds: (x) => Number.isInteger(x) && x >= min && x <= max, says };
}
