/**
 * The workbench's workbook behind messages (engineProtocol.ts): `engineHost()` answers each
 * request, in the order given, with its outcome and a snapshot of the sheets it may have changed.
 * engineWorker.ts runs it in the page's Web Worker; the tests run it in Node.
 */
import { CATALOGUES } from '../i18n';
import { cellKey } from './bookView';
import type { BookSnapshot, EngineMessage, EngineReply, EngineRequest, EngineResults, SheetSnapshot } from './engineProtocol';
import { WorkbenchBook } from './workbook';

/** A host with no workbook until its first request, `start`; the reply to a message, undefined for id 0 (no reply wanted). */
export function engineHost(): (message: EngineMessage) => EngineReply | undefined {
  let book: WorkbenchBook | undefined;

  /** Runs one request; which sheets to send back ('all' after the workbook was made anew). */
  function handle(request: EngineRequest): { result: EngineResults[EngineRequest['op']]; sheets: readonly number[] | 'all' } {
    if (request.op === 'start') {
      book = new WorkbenchBook(CATALOGUES[request.locale]);
      return { result: null, sheets: 'all' };
    }
    if (!book) throw new Error('The engine has not started');
    switch (request.op) {
      case 'activate':
        book.activate(request.sheet);
        return { result: null, sheets: [] };
      case 'load': {
        const loaded = book.loadPlan(request.plan, request.options);
        return { result: loaded, sheets: [book.active] };
      }
      case 'edit': {
        const outcome = book.setInput(request.sheet, request.row, request.col, request.typed);
        return { result: outcome, sheets: [outcome.sheet] };
      }
      case 'undo':
      case 'redo': {
        const outcome = request.op === 'undo' ? book.undo() : book.redo();
        return { result: outcome ?? null, sheets: outcome ? [outcome.sheet] : [] };
      }
      case 'language': {
        const plans = request.plans;
        const translated = book.inLanguage(CATALOGUES[request.locale], (presetId) => {
          const plan = plans[presetId];
          if (!plan) throw new Error(`No plan for the preset ${presetId}`);
          return plan;
        });
        book = translated.book;
        return { result: { sheets: translated.sheets, edits: translated.edits }, sheets: 'all' };
      }
      case 'save':
        return { result: book.toSave(), sheets: [] };
    }
  }

  return ({ id, request }) => {
    let reply: EngineReply;
    try {
      const { result, sheets } = handle(request);
      reply = { id, ok: true, result, ...(book && (sheets === 'all' || sheets.length > 0) ? { snapshot: snapshot(book, sheets) } : {}) };
    } catch (error) {
      reply = { id, ok: false, message: error instanceof Error && error.message ? error.message : String(error) };
    }
    return id === 0 ? undefined : reply;
  };
}

export function sheetSnapshot(from: WorkbenchBook, id: number): SheetSnapshot {
  const used = from.usedSize(id);
  const formulas = new Map<string, string>();
  const texts = new Map<string, string>();
  for (let row = 0; row < used.rows; row++) {
    for (let col = 0; col < used.columns; col++) {
      const formula = from.formula(id, row, col);
      if (formula !== undefined) formulas.set(cellKey(row, col), formula);
      else {
        const shown = from.inputText(id, row, col);
        if (shown !== '') texts.set(cellKey(row, col), shown);
      }
    }
  }
  return { model: from.sheet(id), used, values: from.values(id), formulas, texts };
}

function snapshot(from: WorkbenchBook, sheets: readonly number[] | 'all'): BookSnapshot {
  const order = from.sheets.map((s) => s.id);
  const ids = sheets === 'all' ? order : sheets;
  return { order, active: from.active, sheets: ids.map((id) => sheetSnapshot(from, id)) };
}
