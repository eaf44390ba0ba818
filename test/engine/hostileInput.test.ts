/**
 * The hostile-input battery, kept as a seeded property test: random calls of every DEALS function
 * (src/functions/table.ts) through the formula engine (src/engine), with extreme numbers (0, ±1e308,
 * 5e-324, 1e-160, 1e150 …), wrong types (text, TRUE/FALSE, errors, inline arrays with text),
 * omitted and surplus arguments. Every result must be
 * - finite numbers, text, logical values or blanks only: never NaN, never ±Infinity;
 * - or an Excel error; DEALS's own errors (#VALUE!, #NUM!, #N/A for a wrong argument count) start
 *   with "FUNCTION:" and are one line (no stack trace), a #VALUE! names one of the function's
 *   arguments, and none is the "could not compute" of a bug; an error that came in as an argument
 *   may come out as it is.
 * The same seed gives the same calls on every run; a failure prints the formula.
 */
import { FUNCTION_TABLE } from '../../src/functions/table';
import type { FunctionSpec, ParameterSpec } from '../../src/functions/table';
import { createEngine, EngineScalar, evaluateFormula, isEngineError } from '../../src/engine';
import { mulberry32 } from '../model/independentRandom';

const SEED = 20_261_204;
/** Calls per function; FUNDINGRISK simulates paths, so it gets fewer (and small path counts). */
const CALLS = 400;
const CALLS_FUNDINGRISK = 150;

const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** A number as Excel writes it in a formula: 1E+308, 5E-324, -0.5. */
function excelNumber(n: number): string {
  if (n !== 0 && (Math.abs(n) >= 1e15 || Math.abs(n) < 1e-6)) {
    const [mantissa, exponent] = n.toExponential().split('e');
    return `${mantissa}E${exponent.startsWith('-') ? '' : '+'}${exponent.replace('+', '')}`;
  }
  return String(n);
}

const EXTREMES = [0, -0, 5e-324, 2.2250738585072014e-308, 1e-308, 1e-300, 1e-160, 1e-20, 1e-9, 0.001, 0.5, 1, 2, 10, 600, 1e6, 1e9, 1e15, 1e20, 1e150, 1e154, 1e155, 1e200, 1e300, 1.7976931348623157e308];
const BAD = ['"abc"', '""', '"1e999"', 'TRUE', 'FALSE', 'NA()', '1/0', '{1,"x"}', '{1,2;3,4}', 'A1', '"=1+1"'];

/** How hostile the current call is: the chance of each argument being bad, negative or absurd. */
let hostility = 0;

function randomNumber(): number {
  const roll = random();
  const sign = random() < hostility ? -1 : 1;
  if (roll < 0.2 + hostility) return sign * pick(EXTREMES);
  if (roll < 0.3 + 2 * hostility) return sign * 10 ** (random() * 600 - 300); // log-uniform over the doubles
  return sign * Math.round((0.01 + random() * 3) * 1000) / 1000; // ordinary: 0.01 … 3
}

/** A line of 1–6 numbers, inline: {1,2,3} or {1;2;3}. */
function randomLine(size = 1 + Math.floor(random() * 6)): string {
  const values = Array.from({ length: size }, () => excelNumber(randomNumber()));
  return `{${values.join(random() < 0.5 ? ',' : ';')}}`;
}

function randomArgument(functionName: string, parameter: ParameterSpec): string {
  const roll = random();
  if (roll < hostility / 2) return pick(BAD);
  if (parameter.optional && roll < 0.25) return '';
  const read = parameter.read;
  if (read.kind === 'flag') return pick(['TRUE', 'FALSE', '1', '0', '"yes"']);
  if (read.kind === 'choice') return random() < 0.8 ? `"${pick(read.choices)}"` : pick(['"nope"', '""', '1']);
  if (functionName === 'FUNDINGRISK' && parameter.name === 'paths') return pick(['1000', '1500', '2000', '999', '1000.5', '-1', '1E+300']);
  if (functionName === 'FUNDINGRISK' && parameter.name === 'obligations') return random() < 0.5 ? excelNumber(randomNumber()) : randomLine(1 + Math.floor(random() * 4));
  // FUNDINGRISK's per-year ranges (growthRate, revenueShare, financing) must match the obligations' length: mostly one number.
  if (functionName === 'FUNDINGRISK' && read.kind === 'range') return random() < 0.15 ? randomLine() : excelNumber(randomNumber());
  if (read.kind === 'range' && random() < 0.5) return randomLine();
  return excelNumber(randomNumber());
}

function randomFormula(spec: FunctionSpec): string {
  hostility = pick([0, 0.05, 0.3]);
  const args = spec.parameters.map((p) => randomArgument(spec.name, p));
  // Sometimes fewer arguments than required, or one too many.
  const roll = random();
  if (roll < 0.05) args.length = Math.floor(random() * args.length);
  else if (roll < 0.08) args.push('1');
  while (args.length > 0 && args[args.length - 1] === '' && random() < 0.5) args.pop();
  return `=DEALS.${spec.name}(${args.join(',')})`;
}

/** What is wrong with one result value, or undefined. */
function problem(value: EngineScalar, spec: FunctionSpec, formula: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `the number ${value}`;
  if (!isEngineError(value)) return undefined;
  const { error, message } = value;
  if (/\n|\bat .+\(.+:\d+:\d+\)|Error:/.test(message)) return `a stack trace or raw error: ${message}`;
  const ownError = message.startsWith(`${spec.name}:`);
  if (!ownError) {
    // An error the engine raised itself (wrong argument count, an error handed in, a spill): never a DEALS message without its function.
    return /DEALS|could not compute/i.test(message) ? `an unattributed DEALS message: ${message}` : undefined;
  }
  if (/could not compute/.test(message)) return `a computation bug: ${message}`;
  if (error === '#VALUE!') {
    const named = spec.parameters.some((p) => message.startsWith(`${spec.name}: ${p.name} `));
    return named ? undefined : `a #VALUE! naming no argument: ${message}`;
  }
  if (error === '#NUM!') return message.length > spec.name.length + 2 ? undefined : `a #NUM! without a reason`;
  if (error === '#N/A') return /: takes (at most|at least) \d+ arguments? \(\d+ given\)$/.test(message) ? undefined : `an #N/A that is not about the argument count: ${message}`;
  return `an unexpected ${error} from ${formula}: ${message}`;
}

const SPECS = Object.values(FUNCTION_TABLE) as readonly FunctionSpec[];

describe('hostile input through the engine (seeded)', () => {
  const engine = createEngine();

  test.each(SPECS.map((spec) => [spec.name, spec] as const))('DEALS.%s: random, extreme and bad arguments give finite values or errors that say what is wrong', (_, spec) => {
    const calls = spec.name === 'FUNDINGRISK' ? CALLS_FUNDINGRISK : CALLS;
    const failures: string[] = [];
    const seen = { values: 0, valueErrors: 0, numErrors: 0, otherErrors: 0 };
    for (let i = 0; i < calls; i++) {
      const formula = randomFormula(spec);
      let result;
      try {
        result = evaluateFormula(engine, formula);
      } catch (error) {
        failures.push(`${formula} threw ${String(error)}`);
        continue;
      }
      const cells = Array.isArray(result) ? result.flat() : [result];
      for (const cell of cells) {
        const wrong = problem(cell, spec, formula);
        if (wrong) failures.push(`${formula} → ${wrong}`);
      }
      const first = cells[0];
      if (isEngineError(first)) {
        if (first.error === '#VALUE!') seen.valueErrors++;
        else if (first.error === '#NUM!') seen.numErrors++;
        else seen.otherErrors++;
      } else seen.values++;
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The battery is not all refusals: some calls compute, some are refused each way.
    expect(seen.values).toBeGreaterThanOrEqual(5);
    expect(seen.valueErrors).toBeGreaterThanOrEqual(5);
  });
});
