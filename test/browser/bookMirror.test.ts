/**
 * The page's mirror of the workbook (src/workbench/bookMirror.ts) against the engine host that
 * the Web Worker runs (src/workbench/engineHost.ts), in Node: the port below carries each message
 * through structuredClone on a later turn, as a worker would. The mirror shows what the book
 * computes, says when it is busy, and keeps working after the engine refuses something.
 */
import { en, zhHant } from '../../src/i18n';
import { buildSheetPlan, scenarioById } from '../../src/scenarios';
import { BookMirror } from '../../src/workbench/bookMirror';
import type { EnginePort } from '../../src/workbench/bookMirror';
import { engineHost } from '../../src/workbench/engineHost';
import type { EngineMessage, EngineReply } from '../../src/workbench/engineProtocol';
import type { BookEvent } from '../../src/workbench/workbook';
import { WorkbenchBook } from '../../src/workbench/workbook';

/**
 * structuredClone for this data (arrays, plain objects, Maps, Sets, primitives), made in the
 * test's own realm: Node's structuredClone makes arrays of the outer realm under Jest, which
 * HyperFormula's `instanceof Array` does not take (in a browser the worker's are its own).
 */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value instanceof Map) return new Map(Array.from(value, ([k, v]) => [clone(k), clone(v)])) as T;
  if (value instanceof Set) return new Set(Array.from(value, clone)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

/** A worker in the same thread: messages cloned, answered on a later macrotask, in order. */
function inProcessWorker(): EnginePort & { posted: EngineMessage[] } {
  const host = engineHost();
  const port: EnginePort & { posted: EngineMessage[] } = {
    posted: [],
    onmessage: null,
    onerror: null,
    postMessage(message) {
      port.posted.push(message);
      const request = clone(message);
      setTimeout(() => {
        const reply = host(request);
        if (reply) port.onmessage?.({ data: clone(reply) } as MessageEvent<EngineReply>);
      }, 0);
    },
  };
  return port;
}

describe('the mirror of the workbook in the worker', () => {
  test('shows what the book computes: loads, edits, undo, redo, busy while the engine works, the export cells', async () => {
    const idle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const mirror = await BookMirror.start('en', inProcessWorker());
    await idle();
    const events: BookEvent['type'][] = [];
    mirror.onChange((event) => events.push(event.type === 'busy' ? (event.busy ? 'busy' : ('idle' as never)) : event.type));
    const book = new WorkbenchBook(en);
    expect(mirror.sheets.map((s) => s.name)).toEqual(book.sheets.map((s) => s.name));

    const loading = mirror.loadPlan(buildSheetPlan(scenarioById('amd'), en));
    expect(mirror.busy).toBe(true);
    expect(await loading).toEqual(book.loadPlan(buildSheetPlan(scenarioById('amd'), en)));
    expect(mirror.busy).toBe(false);
    await idle();
    const id = mirror.active;
    expect(id).toBe(book.active);
    expect(mirror.values(id)).toEqual(book.values(id));
    expect(mirror.usedSize(id)).toEqual(book.usedSize(id));
    for (const [row, col] of [[14, 1], [91, 1], [0, 0], [200, 3]]) {
      expect([row, col, mirror.inputText(id, row, col)]).toEqual([row, col, book.inputText(id, row, col)]);
      expect(mirror.formula(id, row, col)).toBe(book.formula(id, row, col));
      expect(mirror.guardedFormulaBlock(id, row, col)).toBe(book.guardedFormulaBlock(id, row, col));
    }

    const edit = mirror.setInput(id, 14, 1, '600');
    expect(mirror.value(id, 14, 1)).toBe(book.value(id, 14, 1)); // not yet: the last answer's values
    expect(await edit).toEqual(book.setInput(id, 14, 1, '600'));
    await idle();
    expect(mirror.values(id)).toEqual(book.values(id));
    expect(await mirror.undo()).toEqual(book.undo());
    await idle();
    expect(mirror.values(id)).toEqual(book.values(id));
    expect(await mirror.redo()).toEqual(book.redo());
    await idle();
    // Two requests at once: busy from the first to the last answer.
    const [none, cells] = await Promise.all([mirror.redo(), mirror.toSave()]);
    expect(none).toBeUndefined();
    expect(cells).toEqual(book.toSave());
    await idle();
    expect(events).toEqual(['busy', 'sheets', 'idle', 'busy', 'values', 'idle', 'busy', 'values', 'idle', 'busy', 'values', 'idle', 'busy', 'idle']);
  });

  test('a refused formula rejects with the reason in the page language; later edits still work', async () => {
    const mirror = await BookMirror.start('zh-Hant', inProcessWorker());
    const scratch = mirror.active;
    await expect(mirror.setInput(scratch, 0, 0, '=' + '('.repeat(200) + '1' + ')'.repeat(200))).rejects.toThrow(/^公式的括號巢狀 200 層/);
    expect(mirror.busy).toBe(false);
    await mirror.setInput(scratch, 0, 1, '=2*21');
    expect(mirror.value(scratch, 0, 1)).toBe(42);
    expect(mirror.inputText(scratch, 0, 1)).toBe('=2*21');
  });

  test('the language switch: the mirror shows the translated workbook, references to renamed sheets kept', async () => {
    const mirror = await BookMirror.start('en', inProcessWorker());
    await mirror.loadPlan(buildSheetPlan(scenarioById('amd'), en));
    const [scratch] = mirror.sheets;
    await mirror.setInput(scratch.id, 0, 0, "='AMD warrants'!B15*2");
    mirror.activate(scratch.id);
    const plans = { amd: buildSheetPlan(scenarioById('amd'), zhHant) };
    expect(await mirror.inLanguage('zh-Hant', plans)).toEqual({ sheets: 1, edits: 1 });
    expect(mirror.sheets.map((s) => s.name)).toEqual([zhHant['workbench.scratchSheet'], plans.amd.sheetName]);
    expect(mirror.active).toBe(mirror.sheets[0].id);
    expect(mirror.inputText(mirror.active, 0, 0)).toBe(`='${plans.amd.sheetName}'!B15*2`);
    expect(mirror.value(mirror.active, 0, 0)).toBeCloseTo(407.42, 10);
  });
});
