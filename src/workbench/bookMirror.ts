/**
 * The page's copy of the workbook whose engine runs in a Web Worker (engineWorker.ts): the views
 * read it synchronously (BookView), and every change (an edit, undo, redo, a load, the language
 * switch, the export's cells) is a message to the worker, answered with the outcome and a snapshot
 * of the sheets it changed. While any request is out the mirror says it is busy (a 'busy' event),
 * so the page can show that it is computing; the page itself stays free for input.
 *
 * Requests are answered in the order posted; a view reading the mirror meanwhile sees the values
 * of the last answer.
 */
import type { EngineScalar } from '../engine';
import type { Locale } from '../i18n';
import type { SheetPlan } from '../scenarios';
import type { LoadOptions } from '../taskpane/sink';
import type { SheetToSave } from '../xlsx/workbookFile';
import { cellKey, guardedBlockOf, isEditableCell } from './bookView';
import type { BookView } from './bookView';
import type { BookSnapshot, EngineMessage, EngineReply, EngineRequest, EngineResults, SheetSnapshot } from './engineProtocol';
import type { BookEvent, EditOutcome, LoadedSheet, PlanLoader, SheetModel } from './workbook';

/** Where the worker's script is, beside the page's (webpack.workbench.config.js builds it). */
export const ENGINE_WORKER_URL = 'workbench-engine.js';

/** The part of a Worker the mirror uses (a test may give its own). */
export interface EnginePort {
  postMessage(message: EngineMessage): void;
  onmessage: ((event: MessageEvent<EngineReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class BookMirror implements BookView, PlanLoader {
  private readonly listeners = new Set<(event: BookEvent) => void>();
  private readonly waiting = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private order: readonly number[] = [];
  private readonly snapshots = new Map<number, SheetSnapshot>();
  private activeId = 0;
  private shownBusy = false;

  private constructor(private readonly port: EnginePort) {
    port.onmessage = (event) => this.answered(event.data);
    port.onerror = (event) => this.failAll(event.message || 'the engine stopped');
  }

  /** A mirror of a new workbook in `locale`, its engine started in the worker. */
  static async start(locale: Locale, port: EnginePort = new Worker(ENGINE_WORKER_URL)): Promise<BookMirror> {
    const mirror = new BookMirror(port);
    await mirror.request({ op: 'start', locale });
    return mirror;
  }

  /** Whether the engine is computing something the page asked for. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  get sheets(): SheetModel[] {
    return this.order.map((id) => this.snapshot(id).model);
  }

  get active(): number {
    return this.activeId;
  }

  sheet(id: number): SheetModel {
    return this.snapshot(id).model;
  }

  activate(id: number): void {
    this.sheet(id);
    if (id === this.activeId) return;
    this.activeId = id;
    this.port.postMessage({ id: 0, request: { op: 'activate', sheet: id } });
    this.emit({ type: 'active' });
  }

  onChange(listener: (event: BookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  usedSize(id: number): { rows: number; columns: number } {
    return { ...this.snapshot(id).used };
  }

  values(id: number): EngineScalar[][] {
    return this.snapshot(id).values;
  }

  value(id: number, row: number, col: number): EngineScalar {
    return this.snapshot(id).values[row]?.[col] ?? null;
  }

  formula(id: number, row: number, col: number): string | undefined {
    return this.snapshot(id).formulas.get(cellKey(row, col));
  }

  inputText(id: number, row: number, col: number): string {
    const sheet = this.snapshot(id);
    const key = cellKey(row, col);
    return sheet.formulas.get(key) ?? sheet.texts.get(key) ?? '';
  }

  isEditable(id: number, row: number, col: number): boolean {
    return isEditableCell(this.sheet(id), row, col);
  }

  guardedFormulaBlock(id: number, row: number, col: number): string | undefined {
    return guardedBlockOf(this.sheet(id), row, this.formula(id, row, col) !== undefined);
  }

  setInput(id: number, row: number, col: number, typed: string): Promise<EditOutcome> {
    return this.edit({ op: 'edit', sheet: id, row, col, typed }) as Promise<EditOutcome>;
  }

  undo(): Promise<EditOutcome | undefined> {
    return this.edit({ op: 'undo' });
  }

  redo(): Promise<EditOutcome | undefined> {
    return this.edit({ op: 'redo' });
  }

  async loadPlan(plan: SheetPlan, options: LoadOptions = {}): Promise<LoadedSheet> {
    const loaded = await this.request({ op: 'load', plan, options });
    this.emit({ type: 'sheets' });
    return loaded;
  }

  /**
   * The workbook in another language (WorkbenchBook.inLanguage in the worker, with the plans of
   * its presets in that language by preset id): this mirror then shows the new workbook. Emits
   * nothing: the page is built again around it.
   */
  inLanguage(locale: Locale, plans: Readonly<Record<string, SheetPlan>>): Promise<{ sheets: number; edits: number }> {
    return this.request({ op: 'language', locale, plans });
  }

  /** The workbook as the xlsx writer takes it. */
  toSave(): Promise<SheetToSave[]> {
    return this.request({ op: 'save' });
  }

  /** An edit, undo or redo; then, as WorkbenchBook does, 'active' if it switched sheets and 'values'. */
  private async edit(request: Extract<EngineRequest, { op: 'edit' | 'undo' | 'redo' }>): Promise<EditOutcome | undefined> {
    const before = this.activeId;
    const outcome = await this.request(request);
    if (!outcome) return undefined;
    if (this.activeId !== before) this.emit({ type: 'active' });
    this.emit({ type: 'values', sheet: outcome.sheet, changed: outcome.changed });
    return outcome;
  }

  private snapshot(id: number): SheetSnapshot {
    const sheet = this.snapshots.get(id);
    if (!sheet) throw new Error(`No sheet with id ${id}`);
    return sheet;
  }

  private request<Op extends EngineRequest['op']>(request: Extract<EngineRequest, { op: Op }>): Promise<EngineResults[Op]> {
    const id = this.nextId++;
    const answer = new Promise<EngineResults[Op]>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
    });
    this.port.postMessage({ id, request });
    this.showBusy(true);
    return answer;
  }

  private answered(reply: EngineReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (reply.ok) {
      if (reply.snapshot) this.take(reply.snapshot);
      waiting.resolve(reply.result);
    } else {
      waiting.reject(new Error(reply.message));
    }
    if (!this.busy) this.showBusy(false);
  }

  /**
   * 'busy' when the first request goes out; 'not busy' on the task after the last answer, so that
   * whatever its caller does with it (the grid redrawn, the status written) comes first.
   */
  private showBusy(busy: boolean): void {
    if (busy) {
      if (!this.shownBusy) this.emit({ type: 'busy', busy: (this.shownBusy = true) });
    } else {
      setTimeout(() => {
        if (this.busy || !this.shownBusy) return;
        this.emit({ type: 'busy', busy: (this.shownBusy = false) });
      }, 0);
    }
  }

  /** Takes the worker's snapshot (the sheet of an edit is the active one then, as in Excel). */
  private take(snapshot: BookSnapshot): void {
    for (const sheet of snapshot.sheets) this.snapshots.set(sheet.model.id, sheet);
    for (const id of this.snapshots.keys()) if (!snapshot.order.includes(id)) this.snapshots.delete(id);
    this.order = snapshot.order;
    this.activeId = snapshot.active;
  }

  private failAll(message: string): void {
    for (const { reject } of this.waiting.values()) reject(new Error(message));
    this.waiting.clear();
    this.showBusy(false);
  }

  private emit(event: BookEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
