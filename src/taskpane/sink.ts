/**
 * What the task pane UI needs from a place that takes preset sheets: one method.
 *
 * The UI (`mountTaskpane` in ui.ts) knows nothing about Excel. In the add-in the sink is the
 * Office.js writer (`excelSink` in excelSink.ts); a browser workbench passes one backed by the
 * formula engine; tests pass a fake.
 *
 * Contract of `load(plan)`:
 * - writes the plan into a NEW sheet (named after `plan.sheetName`, or a free variant of it such
 *   as "AMD warrants (2)") and makes it the one the user sees; never changes or deletes anything
 *   that was there before;
 * - resolves with the name of the sheet it created, and optionally one line of `detail` for the
 *   user (already translated), e.g. that the copy's names were scoped to its sheet;
 * - on failure rejects with an `Error` whose `message` is the reason in the user's language, ready
 *   to be shown, after undoing whatever it had written (the workbook is as it was).
 * - with `options.protectFormulas`, protects the new sheet without a password once it is written:
 *   every cell locked but the plan's inputs (`plan.inputs`), so a user cannot overwrite a
 *   calculation by accident (Excel: Review › Unprotect Sheet lifts it).
 * The UI calls `load` once at a time (its buttons are disabled while a load runs).
 */
import type { SheetPlan } from '../scenarios';

export interface LoadResult {
  /** The sheet created, e.g. `AMD warrants (2)`. */
  readonly sheetName: string;
  /** One more line for the user, translated (optional). */
  readonly detail?: string;
}

export interface LoadOptions {
  /** Protect formulas: lock every cell but the inputs and protect the sheet (no password). */
  readonly protectFormulas?: boolean;
}

export interface PlanSink {
  load(plan: SheetPlan, options?: LoadOptions): Promise<LoadResult>;
}
