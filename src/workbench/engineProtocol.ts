/**
 * The messages between the page (bookMirror.ts) and the engine's Web Worker (engineWorker.ts).
 * Everything in them is structured-clone data: a sheet's model with its Maps and Sets, plans,
 * values, and the outcome of each request. Types only: nothing here runs.
 */
import type { EngineScalar } from '../engine';
import type { Locale } from '../i18n';
import type { SheetPlan } from '../scenarios';
import type { LoadOptions } from '../taskpane/sink';
import type { SheetToSave } from '../xlsx/workbookFile';
import type { EditOutcome, LoadedSheet, SheetModel } from './workbook';

/** One sheet as the page shows it: what the views read, computed in the worker. */
export interface SheetSnapshot {
  readonly model: SheetModel;
  readonly used: { readonly rows: number; readonly columns: number };
  readonly values: EngineScalar[][];
  /** Formulas as Excel text, by cell key (`row:col`). */
  readonly formulas: ReadonlyMap<string, string>;
  /** What the editor shows for every other non-blank cell, by cell key. */
  readonly texts: ReadonlyMap<string, string>;
}

/** The workbook after a request: tab order, active sheet, and the sheets that may have changed. */
export interface BookSnapshot {
  readonly order: readonly number[];
  readonly active: number;
  readonly sheets: readonly SheetSnapshot[];
}

export type EngineRequest =
  | { readonly op: 'start'; readonly locale: Locale }
  | { readonly op: 'activate'; readonly sheet: number }
  | { readonly op: 'load'; readonly plan: SheetPlan; readonly options: LoadOptions }
  | { readonly op: 'edit'; readonly sheet: number; readonly row: number; readonly col: number; readonly typed: string }
  | { readonly op: 'undo' }
  | { readonly op: 'redo' }
  | { readonly op: 'language'; readonly locale: Locale; readonly plans: Readonly<Record<string, SheetPlan>> }
  | { readonly op: 'save' };

/** What each request resolves to. */
export interface EngineResults {
  start: null;
  activate: null;
  load: LoadedSheet;
  edit: EditOutcome;
  undo: EditOutcome | null;
  redo: EditOutcome | null;
  language: { readonly sheets: number; readonly edits: number };
  save: SheetToSave[];
}

/** A request as posted: `id` 0 asks for no reply. */
export interface EngineMessage {
  readonly id: number;
  readonly request: EngineRequest;
}

export type EngineReply =
  | { readonly id: number; readonly ok: true; readonly result: EngineResults[EngineRequest['op']]; readonly snapshot?: BookSnapshot }
  | { readonly id: number; readonly ok: false; readonly message: string };
