/**
 * The DEALS functions for surfaces other than Excel: the declarations of table.ts, each joined to
 * the same exported function Excel calls. The formula engine registers each one under
 * `DEALS.<name>` with the parameters and spill sizes of its declaration.
 */
import * as excelFunctions from './functions';
import { FUNCTION_SPECS, FunctionName, FunctionSpec } from './table';

export type { ArgumentShape, ParameterSpec, SpillSize } from './table';

export interface DealsFunctionSpec extends FunctionSpec {
  /** The same exported function Excel calls. */
  readonly implementation: (...args: never[]) => unknown;
}

const IMPLEMENTATIONS: { readonly [N in FunctionName]: (...args: never[]) => unknown } = {
  WARRANTVALUE: excelFunctions.warrantValue,
  TRANCHEVALUE: excelFunctions.trancheValue,
  TRANCHEGREEKS: excelFunctions.trancheGreeks,
  TRANCHEBREAKEVEN: excelFunctions.trancheBreakeven,
  BREAKEVENPRICE: excelFunctions.breakevenPrice,
  WARRANTGREEKS: excelFunctions.warrantGreeks,
  FUNDINGGAP: excelFunctions.fundingGap,
  REQUIREDREVENUE: excelFunctions.requiredRevenue,
  SHORTFALLPROB: excelFunctions.shortfallProb,
  CIRCULARFLOW: excelFunctions.circularFlow,
  FUNDINGRISK: excelFunctions.fundingRisk,
};

export const DEALS_FUNCTIONS: readonly DealsFunctionSpec[] = FUNCTION_SPECS.map((spec) => ({ ...spec, implementation: IMPLEMENTATIONS[spec.name as FunctionName] }));
