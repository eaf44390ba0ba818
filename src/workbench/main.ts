/**
 * Entry of the workbench page (dist/workbench.html, a development page, not part of the add-in):
 * the add-in's task pane (mountTaskpane from src/taskpane/ui.ts, unchanged) beside a live workbook
 * computed by the formula engine in a Web Worker (engineWorker.ts), of which the page keeps a
 * mirror (bookMirror.ts): while the worker computes, the status says "Calculating…", #workbench
 * has `data-busy` (a busy cursor) and the page keeps taking input. Loading a preset goes through
 * the same SheetPlan as in Excel, into an engine-backed PlanSink (planLoader.ts); the grid
 * (grid.ts) shows the active sheet with its number formats and styles, the formula bar the
 * selected cell's formula, the panel
 * on the right the sheet's named outputs (names.ts); editing an input recalculates every dependent
 * cell, and the status says how many cells changed and how many became errors; Ctrl+Z / Ctrl+Y
 * undo and redo edits; "Export .xlsx" writes the workbook with src/xlsx (loaded on first use).
 *
 * Narrow windows (1024 × 768, 800 × 600): the task pane column narrows and the named-outputs
 * panel collapses behind the "Named outputs" toggle in the header (open, it takes its own column:
 * nothing overlaps); wide windows show it open.
 *
 * Language (language.ts): `?lang=zh-TW|zh-CN|en` in the address, else the browser's language. The
 * task pane's language menu switches the whole page: its texts are built again in the chosen
 * language, every preset sheet is written again from its plan in that language with the cells the
 * user changed kept (WorkbenchBook.inLanguage in the worker; undo history starts afresh; their
 * references to renamed sheets follow), the active sheet and the selected cell stay, and `?lang=`
 * in the address follows the choice.
 *
 * Nothing here talks to a server besides loading the page's own files (the page's CSP allows
 * 'self' only).
 */
import { CATALOGUES, formatMessage as text } from '../i18n';
import type { Locale } from '../i18n';
import { a1, buildSheetPlan, scenarioById } from '../scenarios';
import type { SheetPlan } from '../scenarios';
import { mountTaskpane } from '../taskpane/ui';
import { element, mark } from './dom';
import { GridView } from './grid';
import { addressWithLanguage, pageLocale } from './language';
import { NamesPanel } from './names';
import { BookMirror } from './bookMirror';
import { workbenchSink } from './planLoader';
import type { EditOutcome } from './workbook';

/** The status line's tone (its data-tone, which the styles colour). */
type Tone = 'info' | 'success' | 'error';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_FILE = 'ai-deal-modeler.xlsx';
/** "Export values": every formula replaced by its value (src/xlsx/valuesOnly.ts). */
const VALUES_FILE = 'ai-deal-modeler-values.xlsx';

async function start(): Promise<void> {
  const root = document.getElementById('workbench');
  if (!root) return;
  mark('script');
  const locale = pageLocale(location.search, typeof navigator === 'undefined' ? undefined : navigator.language);
  let book;
  try {
    book = await BookMirror.start(locale);
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : text(CATALOGUES[locale], 'taskpane.error.unknown');
    root.replaceChildren(element('p', 'wb-status', text(CATALOGUES[locale], 'workbench.engineFailed', { reason })));
    root.dataset.ready = 'failed';
    return;
  }
  mark('engine');
  mountPage(root, locale, book);
}

/** What the page keeps across a language switch besides the workbook: the selected cell, the panel's state. */
interface Carried {
  readonly selected: string;
  readonly namesOpen: boolean | undefined;
  readonly status: string;
}

/** Builds the page in `locale` around `book` (the first time, or again after a language switch). */
function mountPage(root: HTMLElement, locale: Locale, book: BookMirror, carried?: Carried): void {
  const messages = CATALOGUES[locale];
  document.documentElement.lang = locale;
  document.title = text(messages, 'workbench.title');
  // Listeners on the window, dropped when the page is built again in another language.
  const page = new AbortController();

  // Header: title, export, status.
  const header = element('header', 'wb-header');
  const titles = element('div', 'wb-titles');
  titles.append(element('h1', 'wb-title', text(messages, 'workbench.title')), element('p', 'wb-subtitle', text(messages, 'workbench.subtitle')));
  const status = element('p', 'wb-status');
  status.id = 'wb-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const say = (message: string, tone: Tone = 'info') => {
    status.textContent = message;
    status.dataset.tone = tone;
  };
  const exportButton = element('button', 'wb-button', text(messages, 'workbench.export'));
  exportButton.type = 'button';
  exportButton.id = 'wb-export';
  const valuesButton = element('button', 'wb-button', text(messages, 'workbench.exportValues'));
  valuesButton.type = 'button';
  valuesButton.id = 'wb-export-values';
  valuesButton.title = text(messages, 'workbench.exportValuesHint');
  const namesToggle = element('button', 'wb-button wb-toggle', text(messages, 'workbench.namesToggle'));
  namesToggle.type = 'button';
  namesToggle.id = 'wb-names-toggle';
  namesToggle.setAttribute('aria-controls', 'wb-names');
  header.append(titles, status, namesToggle, exportButton, valuesButton);

  // Task pane.
  const pane = element('aside', 'wb-pane');
  pane.setAttribute('aria-label', text(messages, 'workbench.taskpane'));
  const paneRoot = element('main', 'app');
  paneRoot.id = 'app';
  paneRoot.addEventListener('click', (event) => event.target instanceof Element && event.target.closest('.preset button') && mark('load:click'), true);
  pane.append(paneRoot);

  // Workbook: formula bar, grid, sheet tabs.
  const bookSection = element('section', 'wb-book');
  bookSection.setAttribute('aria-label', text(messages, 'workbench.workbook'));
  const formulaBar = element('div', 'wb-formula-bar');
  const nameBox = element('output', 'wb-namebox');
  nameBox.id = 'wb-namebox';
  nameBox.setAttribute('aria-label', text(messages, 'workbench.nameBox'));
  const fx = element('span', 'wb-fx', 'fx');
  fx.setAttribute('aria-hidden', 'true');
  const formula = element('input', 'wb-formula');
  formula.type = 'text';
  formula.id = 'wb-formula';
  formula.spellcheck = false;
  formula.autocomplete = 'off';
  formula.setAttribute('aria-label', text(messages, 'workbench.formulaBar'));
  formulaBar.append(nameBox, fx, formula);

  const tabs = element('div', 'wb-tabs');
  tabs.id = 'wb-tabs';
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', text(messages, 'workbench.sheets'));

  const grid = new GridView(book, messages, {
    onSelect: (row, col) => showSelection(row, col),
    onError: (message) => say(message, 'error'),
    onInfo: (message) => say(message),
    onEdited: (outcome, how) => say(editMessage(outcome, how), outcome.errors > 0 ? 'error' : 'success'),
  });

  /** "B18 changed: 29 cells of this sheet have a new value. 28 of them are now errors; the first, B38: #VALUE! …" */
  function editMessage(outcome: EditOutcome, how: 'edit' | 'undo' | 'redo'): string {
    const key = how === 'undo' ? 'workbench.undone' : how === 'redo' ? 'workbench.redone' : 'workbench.edited';
    const done = text(messages, key, { cell: outcome.address, count: outcome.changed });
    const first = outcome.firstError;
    if (outcome.errors === 0 || !first) return done;
    const message = first.message === first.code ? first.code : `${first.code} ${first.message}`;
    return `${done} ${text(messages, 'workbench.newErrors', { errors: outcome.errors, first: first.address, message })}`;
  }
  const hint = element('p', 'wb-hint', text(messages, 'workbench.editHint'));
  bookSection.append(formulaBar, grid.root, tabs, hint);

  const names = new NamesPanel(book, messages, (address) => {
    grid.selectAddress(address);
    grid.focus();
  });

  const layout = element('div', 'wb-layout');
  layout.append(pane, bookSection, names.root);
  root.replaceChildren(header, layout);

  // The named-outputs panel: open on wide windows, behind its toggle on narrow ones, until the user chooses.
  const narrow = window.matchMedia('(max-width: 1100px)');
  const showNames = (open: boolean) => {
    layout.dataset.names = open ? 'open' : 'closed';
    namesToggle.setAttribute('aria-expanded', String(open));
    names.root.hidden = !open;
  };
  let chosen: boolean | undefined = carried?.namesOpen;
  showNames(chosen ?? !narrow.matches);
  narrow.addEventListener('change', () => chosen === undefined && showNames(!narrow.matches), { signal: page.signal });
  namesToggle.addEventListener('click', () => {
    chosen = layout.dataset.names !== 'open';
    showNames(chosen);
  });

  function showSelection(row: number, col: number): void {
    nameBox.textContent = a1.formatCell(row, col);
    formula.value = book.inputText(book.active, row, col);
  }

  function renderTabs(): void {
    const buttons = book.sheets.map((sheet) => {
      const tab = element('button', 'wb-tab', sheet.name);
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.dataset.sheet = sheet.name;
      const selected = sheet.id === book.active;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      tab.addEventListener('click', () => book.activate(sheet.id));
      tab.addEventListener('keydown', (event) => {
        const all = Array.from(tabs.querySelectorAll<HTMLButtonElement>('.wb-tab'));
        const index = all.indexOf(tab);
        const next = event.key === 'ArrowRight' ? all[index + 1] : event.key === 'ArrowLeft' ? all[index - 1] : undefined;
        if (next) {
          event.preventDefault();
          next.focus();
          next.click();
        }
      });
      return tab;
    });
    tabs.replaceChildren(...buttons);
  }

  function renderAll(): void {
    renderTabs();
    grid.render();
    names.render();
  }

  /** While the engine computes: the status says so and the cursor shows it; the page takes input all along. */
  let beforeBusy: { message: string; tone: Tone } | undefined;
  const calculating = text(messages, 'workbench.calculating');
  function showBusy(busy: boolean): void {
    if (busy) {
      root.dataset.busy = 'true';
      beforeBusy = { message: status.textContent ?? '', tone: (status.dataset.tone as Tone | undefined) ?? 'info' };
      say(calculating);
    } else {
      delete root.dataset.busy;
      if (status.textContent === calculating && beforeBusy) say(beforeBusy.message, beforeBusy.tone);
    }
  }

  const unsubscribe = book.onChange((event) => {
    if (event.type === 'busy') showBusy(event.busy);
    else if (event.type === 'values') {
      grid.refresh();
      names.render();
      showSelection(grid.selected.row, grid.selected.col);
    } else {
      renderAll();
      // Show the sheet's active tab, as Excel does after adding one.
      tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });

  page.signal.addEventListener('abort', unsubscribe);

  formula.addEventListener('keydown', (event) => {
    const { row, col } = grid.selected;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (formula.value !== book.inputText(book.active, row, col)) grid.enter(row, col, formula.value);
      grid.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      showSelection(row, col);
      grid.focus();
    }
  });

  exportButton.addEventListener('click', () => void exportWorkbook(false));
  valuesButton.addEventListener('click', () => void exportWorkbook(true));

  async function exportWorkbook(valuesOnly: boolean): Promise<void> {
    const fileName = valuesOnly ? VALUES_FILE : EXPORT_FILE;
    exportButton.disabled = true;
    valuesButton.disabled = true;
    say(text(messages, 'workbench.exporting'));
    try {
      const sheets = await book.toSave();
      if (sheets.length === 0) {
        say(text(messages, 'workbench.exportEmpty'), 'error');
        return;
      }
      // exceljs is loaded only when a workbook is exported (a chunk of its own).
      const { workbookBuffer } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/workbookFile');
      let bytes: Uint8Array;
      if (valuesOnly) {
        const { valuesOnlySheet } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/valuesOnly');
        bytes = await workbookBuffer(sheets.map((sheet) => valuesOnlySheet(sheet, text(messages, 'export.valuesNote'))), null);
      } else bytes = await workbookBuffer(sheets);
      const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: XLSX_TYPE }));
      const link = element('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      say(text(messages, 'workbench.exported', { file: fileName, sheets: sheets.map((s) => s.name).join(', ') }), 'success');
    } catch (error) {
      const reason = error instanceof Error && error.message ? error.message : text(messages, 'taskpane.error.unknown');
      say(text(messages, 'workbench.exportFailed', { reason }), 'error');
    } finally {
      exportButton.disabled = false;
      valuesButton.disabled = false;
    }
  }

  /** The language menu's choice: the page again in that language, the workbook written again in it with the user's changes. */
  async function switchLanguage(next: Locale): Promise<void> {
    const nextMessages = CATALOGUES[next];
    const plans: Record<string, SheetPlan> = {};
    for (const sheet of book.sheets) if (sheet.plan) plans[sheet.plan.presetId] ??= buildSheetPlan(scenarioById(sheet.plan.presetId), nextMessages);
    let switched;
    try {
      switched = await book.inLanguage(next, plans);
    } catch (error) {
      const reason = error instanceof Error && error.message ? error.message : text(messages, 'taskpane.error.unknown');
      say(text(messages, 'workbench.languageFailed', { reason }), 'error');
      return;
    }
    history.replaceState(history.state, '', addressWithLanguage(location.href, next));
    page.abort();
    const status = text(nextMessages, 'workbench.languageSwitched', switched);
    mountPage(root, next, book, { selected: grid.selectedAddress, namesOpen: chosen, status });
    document.getElementById('deals-language')?.focus();
  }

  mountTaskpane(paneRoot, workbenchSink(book, messages), messages, { notice: text(messages, 'workbench.ready'), language: { current: locale, choose: (next) => void switchLanguage(next) } });
  // The pane's status line does not stick over the preset cards here (workbench.css), so a load's
  // result ("Loaded …", or why not) is repeated in the header status, which is always in view.
  const paneStatus = paneRoot.querySelector<HTMLElement>('#deals-status');
  if (paneStatus) {
    new MutationObserver(() => {
      const tone = paneStatus.dataset.tone;
      if ((tone === 'success' || tone === 'error') && paneStatus.textContent) say(paneStatus.textContent, tone);
    }).observe(paneStatus, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['data-tone'] });
  }
  renderAll();
  if (carried) grid.selectAddress(carried.selected);
  say(carried?.status ?? text(messages, 'workbench.welcome'), carried ? 'success' : 'info');
  root.dataset.ready = 'true';
  root.dataset.lang = locale;
  mark('ready');
}

void start();
