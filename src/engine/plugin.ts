/**
 * The DEALS functions as a HyperFormula function plugin, built from the catalog
 * (`../functions/catalog.ts`), so that `=DEALS.WARRANTVALUE(...)` and the rest evaluate in the
 * engine exactly as Excel runs them: the same implementation, fed the arguments Excel would hand a
 * JavaScript custom function.
 *
 * HyperFormula's own argument handling (`runFunction`) is deliberately not used: it turns an
 * omitted argument (`DEALS.CIRCULARFLOW(10,35,,,"x")`) into 0 and coerces types, where Excel passes
 * `null` and lets the function decide. Instead each argument is evaluated here and converted:
 *
 * - number, text, boolean → the same JavaScript value (a date/percent/currency number → its number);
 * - an omitted argument (empty AST node) or a blank cell → `null`; an argument not written at the end → `undefined`;
 * - a range or array → a 2-D array of such values, for a parameter that accepts ranges
 *   (a single value there becomes `[[value]]`, as Excel passes it); for any other parameter a
 *   range is `#VALUE!`;
 * - an error value (in the argument or anywhere in its range) → returned as the result, the
 *   function is not called (as Excel does).
 *
 * Results: a thrown `DealsError` (anything with `code` '#VALUE!' | '#NUM!' | '#N/A' and a
 * `message`, so also a `CustomFunctions.Error`) becomes that error with its message; anything else
 * thrown becomes `#VALUE!` with a one-line message. A 'matrix' result spills; a 1×1 matrix is a plain value. HyperFormula sizes a
 * spill when the formula is entered, from the catalog's `spillSize` and the argument shapes seen in
 * the formula (omitted, a range's size, an inline array's size, the size of what a name refers to,
 * else one cell); a result that
 * outgrows that size (e.g. CIRCULARFLOW whose `metric` is a reference to a blank cell) is `#VALUE!`
 * saying so, never a silently cut table. An error from a call sized to spill fills that size
 * (see `errorResult`).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import type { ArgumentShape, DealsFunctionSpec } from '../functions/catalog';
import { DEALS_FUNCTIONS } from '../functions/catalog';

/** The namespace every DEALS function is registered under, as in Excel. */
export const NAMESPACE = 'DEALS';

/** The language whose function names the engine uses; the DEALS names are added to it. */
export const ENGINE_LANGUAGE = 'enGB';

/** What Excel hands a JavaScript custom function for one argument. */
export type ArgumentValue = number | string | boolean | null | undefined | ArgumentCell[][];
type ArgumentCell = number | string | boolean | null;

/** The parts of HyperFormula's AST and interpreter state used here (its own types are internal). */
interface AstNode {
  readonly type: string;
}
interface CallAst extends AstNode {
  readonly procedureName: string;
  readonly args: readonly AstNode[];
}
interface InterpreterState {
  readonly formulaAddress: { readonly sheet: number; readonly row: number; readonly col: number };
  readonly arraysFlag: boolean;
}
interface Size {
  readonly rows: number;
  readonly columns: number;
}

const SPECS = new Map<string, DealsFunctionSpec>(DEALS_FUNCTIONS.map((spec) => [`${NAMESPACE}.${spec.name}`, spec]));

/** Error codes a thrown error may carry: DealsError's, and CustomFunctions.Error's should a wrapper throw one. */
const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NAME?': ErrorType.NAME,
  '#REF!': ErrorType.REF,
};

/** Thrown inside the plugin to end a call with this error as its result. */
class ResultError {
  constructor(readonly error: CellError) {}
}

function valueError(message: string): ResultError {
  return new ResultError(new CellError(ErrorType.VALUE, message));
}

/** The HyperFormula plugin; its static `implementedFunctions` is filled from the catalog below. */
export class DealsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    [...SPECS].map(([id, spec]) => [
      id,
      {
        method: 'dealsFunction',
        sizeOfResultArrayMethod: 'dealsResultSize',
        parameters: spec.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
        // Arguments such as A1:A3*2 evaluate to arrays (Excel's dynamic-array behaviour).
        enableArrayArithmeticForArguments: true,
        vectorizationForbidden: true,
      },
    ]),
  );

  /** Evaluates one call of a DEALS function. */
  dealsFunction(ast: CallAst, state: InterpreterState): unknown {
    const spec = specFor(ast);
    try {
      if (ast.args.length > spec.parameters.length) {
        return new CellError(ErrorType.NA, `${spec.name}: takes at most ${spec.parameters.length} arguments (${ast.args.length} given)`);
      }
      const args = ast.args.map((arg, i) => this.argument(spec, i, arg, state));
      const result = callImplementation(spec, args);
      return this.toEngineResult(spec, result, ast, state);
    } catch (thrown) {
      return this.errorResult(spec, thrown instanceof ResultError ? thrown.error : toCellError(spec, thrown), ast, state);
    }
  }

  /**
   * An error as the result of a call sized to spill: the error in every cell of that size. A spill
   * whose formula evaluates to one error is an "errored array" in HyperFormula 3.5, and a formula
   * naming exactly that range (`=SUM(C20:C29)` over a FUNDINGRISK column) then throws "Unknown
   * array" out of the interpreter (Interpreter.js, CELL_RANGE) instead of giving the error, which
   * stopped `deals scenario show` whole. Excel shows the error once, in the anchor; here every cell
   * of the spill shows it, so no dependent formula computes on blanks as if the spill were empty.
   */
  private errorResult(spec: DealsFunctionSpec, error: CellError, ast: CallAst, state: InterpreterState): unknown {
    const sized = this.predictedSize(spec, ast, state);
    if (sized.rows === 1 && sized.columns === 1) return error;
    return SimpleRangeValue.onlyValues(Array.from({ length: sized.rows }, () => new Array(sized.columns).fill(error)) as never);
  }

  /** The size of a call's result, known when the formula is parsed (the size of its spill). */
  dealsResultSize(ast: CallAst, state: InterpreterState): ArraySize {
    const size = this.predictedSize(specFor(ast), ast, state);
    return size.rows === 1 && size.columns === 1 ? ArraySize.scalar() : new ArraySize(size.columns, size.rows);
  }

  private predictedSize(spec: DealsFunctionSpec, ast: CallAst, state: InterpreterState): Size {
    if (spec.result !== 'matrix' || !spec.spillSize) return { rows: 1, columns: 1 };
    // A literal "" is read as omitted (args.ts isOmitted), so it sizes the result as omitted too.
    const omitted = (arg: AstNode) => arg.type === 'EMPTY' || (arg.type === 'STRING' && (arg as AstNode & { value: string }).value === '');
    const shapes = ast.args.map((arg): ArgumentShape => (omitted(arg) ? { omitted: true } : { omitted: false, ...this.argumentSize(arg, state, 0) }));
    const { rows, columns } = spec.spillSize(shapes);
    return { rows: Math.max(1, rows), columns: Math.max(1, columns) };
  }

  /**
   * The size of an argument as written: a range's, an inline array's, an array expression's
   * (HyperFormula's own prediction, in array mode), or, for a name, the size of what it refers to
   * (HyperFormula sizes a name as one cell). Anything else is one cell.
   */
  private argumentSize(ast: AstNode, state: InterpreterState, depth: number): Size {
    if (ast.type === 'PARENTHESIS') return this.argumentSize((ast as AstNode & { expression: AstNode }).expression, state, depth);
    if (ast.type === 'NAMED_EXPRESSION' && depth < 10) {
      const named = this.namedFormula((ast as AstNode & { expressionName: string }).expressionName, state.formulaAddress.sheet);
      if (named) return this.argumentSize(named.ast, { ...state, formulaAddress: named.address }, depth + 1);
    }
    const size = this.arraySizeForAst(ast as never, { ...state, arraysFlag: true } as never);
    return { rows: size.height, columns: size.width };
  }

  /** The formula a name stands for (uses HyperFormula internals; undefined if they change or the name holds a value). */
  private namedFormula(name: string, sheet: number): { ast: AstNode; address: InterpreterState['formulaAddress'] } | undefined {
    try {
      const graph = this.dependencyGraph;
      const named = graph.namedExpressions.nearestNamedExpression(name, sheet);
      const vertex = named && (graph.getCell(named.address) as unknown as { getFormula?: (service: unknown) => AstNode } | undefined);
      if (!named || typeof vertex?.getFormula !== 'function') return undefined;
      return { ast: vertex.getFormula(graph.lazilyTransformingAstService), address: named.address };
    } catch {
      return undefined;
    }
  }

  /** One argument as Excel would pass it; throws ResultError for an error value or a misplaced range. */
  private argument(spec: DealsFunctionSpec, index: number, ast: AstNode, state: InterpreterState): ArgumentValue {
    if (ast.type === 'EMPTY') return null;
    const parameter = spec.parameters[index];
    const value: unknown = this.evaluateAst(ast as never, state as never);
    if (value instanceof SimpleRangeValue) {
      if (!parameter.acceptsRange) throw valueError(`${spec.name}: ${parameter.name} must be a single value, not a range`);
      return value.data.map((row) => row.map(toArgumentCell));
    }
    const cell = toArgumentCell(value);
    return parameter.acceptsRange && cell !== null ? [[cell]] : cell;
  }

  private toEngineResult(spec: DealsFunctionSpec, result: unknown, ast: CallAst, state: InterpreterState): unknown {
    if (!Array.isArray(result)) return toResultCell(spec, result);
    const rows = result.length;
    const columns = rows > 0 && Array.isArray(result[0]) ? result[0].length : 0;
    if (columns === 0 || result.some((row) => !Array.isArray(row) || row.length !== columns)) {
      throw valueError(`${spec.name}: could not compute (the result is not a rectangular array)`);
    }
    const cells = result.map((row: unknown[]) => row.map((cell) => toResultCell(spec, cell)));
    if (rows === 1 && columns === 1) return cells[0][0];
    const sized = this.predictedSize(spec, ast, state);
    if (rows > sized.rows || columns > sized.columns) {
      throw valueError(
        `${spec.name}: the result is ${rows}×${columns} but the formula was sized ${sized.rows}×${sized.columns} when it was entered; ` +
          'the size follows from the formula text, so an argument that decides it (such as metric) cannot be a reference to a blank cell',
      );
    }
    return SimpleRangeValue.onlyValues(cells as never);
  }
}

function specFor(ast: CallAst): DealsFunctionSpec {
  const spec = SPECS.get(ast.procedureName.toUpperCase());
  if (!spec) throw new Error(`Not a DEALS function: ${ast.procedureName}`);
  return spec;
}

function callImplementation(spec: DealsFunctionSpec, args: ArgumentValue[]): unknown {
  return (spec.implementation as (...values: ArgumentValue[]) => unknown)(...args);
}

/** A scalar from the interpreter as Excel passes it: blank → null; an error ends the call with that error. */
function toArgumentCell(value: unknown): ArgumentCell {
  if (value instanceof CellError) throw new ResultError(value);
  if (value === EmptyValue || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (isRichNumber(value)) return value.val;
  throw valueError(`unexpected argument value ${String(value)}`);
}

/** One result value for HyperFormula; a non-finite number is #NUM!. */
function toResultCell(spec: DealsFunctionSpec, value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ResultError(new CellError(ErrorType.NUM, `${spec.name}: the result is not a finite number`));
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === null || value === undefined) return EmptyValue;
  throw valueError(`${spec.name}: could not compute (unexpected result ${String(value)})`);
}

/** HyperFormula's date, time, percent and currency numbers carry the number in `val`. */
function isRichNumber(value: unknown): value is { val: number } {
  return typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number';
}

/** What a DEALS function threw, as a cell error with a one-line message (never a stack trace). */
export function toCellError(spec: Pick<DealsFunctionSpec, 'name'>, thrown: unknown): CellError {
  if (typeof thrown === 'object' && thrown !== null) {
    const { code, message } = thrown as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_TYPES, code)) {
      return new CellError(ERROR_TYPES[code], typeof message === 'string' ? message.split('\n')[0] : undefined);
    }
  }
  const message = typeof thrown === 'object' && thrown !== null ? (thrown as { message?: unknown }).message : undefined;
  const why = typeof message === 'string' ? message : String(thrown);
  return new CellError(ErrorType.VALUE, `${spec.name}: could not compute (${why.split('\n')[0]})`);
}

/** Translations of the DEALS names in the engine's language (the names are the same in every language). */
export const DEALS_TRANSLATIONS: Readonly<Record<string, Record<string, string>>> = {
  [ENGINE_LANGUAGE]: Object.fromEntries([...SPECS.keys()].map((id) => [id, id])),
};

/**
 * Registers the DEALS plugin and its names with HyperFormula, once: calling it again (every
 * `createEngine` does) changes nothing. Engines built afterwards know the DEALS functions.
 */
export function registerDealsFunctions(): void {
  const ids = [...SPECS.keys()];
  const registered = ids.every((id) => HyperFormula.getFunctionPlugin(id) === DealsPlugin);
  const translated = ids.every((id) => HyperFormula.getLanguage(ENGINE_LANGUAGE).isFunctionTranslated(id));
  if (registered && translated) return;
  HyperFormula.registerFunctionPlugin(DealsPlugin, DEALS_TRANSLATIONS);
}
