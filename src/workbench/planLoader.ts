/**
 * The workbench's PlanSink (what the task pane loads presets through), for anything that can load
 * a plan: the WorkbenchBook itself or the page's BookMirror of it. No engine here, so the page's
 * bundle stays free of it.
 */
import { formatMessage as text } from '../i18n';
import type { Messages } from '../i18n';
import type { SheetPlan } from '../scenarios';
import type { LoadOptions, LoadResult, PlanSink } from '../taskpane/sink';
import { mark } from './dom';

/** A sheet added from a plan: its name, and the plan's names that had to be defined on it. */
export interface LoadedSheet {
  readonly sheetName: string;
  readonly sheetScopedNames: readonly string[];
}

/** What loads a plan: the book itself, or the page's mirror of the book in the engine's worker. */
export interface PlanLoader {
  loadPlan(plan: SheetPlan, options?: LoadOptions): LoadedSheet | Promise<LoadedSheet>;
}

/**
 * The PlanSink of the workbench: loads a plan into the book through the engine (as the add-in's
 * sink writes it into Excel), resolves with the new sheet's name and, when the plan's names were
 * already taken by an earlier copy, the line saying they belong to the sheet; rejects with a
 * translated reason after removing what it had added.
 */
export function workbenchSink(book: PlanLoader, messages: Messages): PlanSink {
  return {
    async load(plan: SheetPlan, options: LoadOptions = {}): Promise<LoadResult> {
      mark('load:start');
      // Let the task pane show its busy state before the engine works synchronously.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      let loaded;
      try {
        loaded = await book.loadPlan(plan, options);
      } catch (error) {
        const detail = error instanceof Error && error.message ? error.message : text(messages, 'taskpane.error.unknown');
        throw new Error(text(messages, 'workbench.error.load', { detail }));
      }
      mark(`loaded:${loaded.sheetName}`);
      return {
        sheetName: loaded.sheetName,
        ...(loaded.sheetScopedNames.length > 0 ? { detail: text(messages, 'taskpane.namesOnSheet') } : {}),
      };
    },
  };
}
