/**
 * The formula engine: Excel formulas, DEALS functions included, evaluated by HyperFormula
 * (GPL-3.0, a dev dependency: the engine serves the CLI, tests, benchmarks and tools, never the
 * add-in bundle).
 *
 *   const engine = createEngine({ sheets: { Deal: [[160e6, 0.01, 600, '=DEALS.WARRANTVALUE(A1,B1,C1)']] } });
 *   readCell(engine, 'Deal!D1');                                  // 95998400000
 *   evaluateFormula(engine, '=DEALS.FUNDINGGAP({100,120},{80,130},5)'); // [[15, 5]]
 *   setCell(engine, 'Deal!C1', 700);                              // D1 recalculates
 */
export {
  createEngine,
  evaluateFormula,
  setCell,
  readCell,
  cellFormula,
  defineName,
  readName,
  toAddress,
  isEngineError,
  fromCellValue,
  ENGINE_CONFIG,
} from './engine';
export type { EngineError, EngineScalar, EngineValue, CellInput, CellRef, EngineOptions } from './engine';
export { toEngineFormula } from './normalise';
export { FormulaLimitError, formulaLimitBreach, describeFormulaLimit, MAX_FORMULA_CHARS, MAX_NESTING_LEVELS } from './limits';
export type { FormulaLimit } from './limits';
export { DealsPlugin, registerDealsFunctions, NAMESPACE, ENGINE_LANGUAGE } from './plugin';
