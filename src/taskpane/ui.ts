/**
 * The task pane UI, independent of Excel: a header (with a language menu when `options.language`
 * is given), the preset deals (title, one-line description, a Load button each), a polite live
 * status line, and the DEALS function examples.
 *
 *     const pane = mountTaskpane(root, sink, messages, { notice: 'Ready.' });
 *
 * `sink` (sink.ts) does the loading: the Office.js writer in the add-in, a formula-engine sink in the
 * browser workbench, a fake in tests. Without a sink the Load buttons stay disabled and the notice
 * says why. Every text comes from the message catalogue; the page is built with DOM calls and
 * `textContent` only (no HTML strings), so no data is ever parsed as markup.
 */
import { presetSummaries, scenarioById, buildSheetPlan } from '../scenarios';
import type { SheetPlan } from '../scenarios';
import { FUNCTION_EXAMPLES } from './examples';
import type { FunctionExample } from './examples';
import { formatMessage as text, isMessageKey, LOCALE_NAMES, LOCALES, localeOf } from '../i18n';
import type { Locale, Messages } from '../i18n';
import type { PlanSink } from './sink';

export interface PresetEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface TaskpaneOptions {
  /** A first status line, e.g. that Office is loading or that the page is not inside Excel. */
  readonly notice?: string;
  /** The presets to list; defaults to PRESETS (src/scenarios) in the catalogue's language. */
  readonly presets?: readonly PresetEntry[];
  /** Builds the plan of a preset; defaults to `buildSheetPlan(scenarioById(id), messages)`. */
  readonly buildPlan?: (id: string) => SheetPlan;
  /** Prefix of the element ids, for more than one pane on a page. */
  readonly idPrefix?: string;
  /** A language menu in the header: the locale shown, and what to do when the reader picks another. */
  readonly language?: { readonly current: Locale; readonly choose: (locale: Locale) => void };
}

export type StatusTone = 'info' | 'busy' | 'success' | 'error';

export interface TaskpaneHandle {
  /** Loads a preset as its button would (ignored while a load runs or without a sink). */
  load(id: string): Promise<void>;
  /** Shows a status line. */
  setStatus(message: string, tone?: StatusTone): void;
  /** Whether a load is running. */
  readonly busy: boolean;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

/** Fills `root` with the task pane and wires the Load buttons to `sink`. */
export function mountTaskpane(root: HTMLElement, sink: PlanSink | undefined, messages: Messages, options: TaskpaneOptions = {}): TaskpaneHandle {
  const prefix = options.idPrefix ?? 'deals';
  const presets = options.presets ?? presetSummaries(messages);
  const buildPlan = options.buildPlan ?? ((id: string) => buildSheetPlan(scenarioById(id), messages));

  const header = element('header', 'header');
  header.append(element('h1', 'title', text(messages, 'app.title')), element('p', 'description', text(messages, 'app.description')));
  const languageMenu = options.language ? languageSelect(options.language, messages, prefix) : undefined;
  if (languageMenu) header.append(languageMenu.label);
  // The language of the texts, for screen readers and for the CJK font of the page (taskpane.css).
  const locale = localeOf(messages);
  if (locale) root.lang = locale;

  const presetsHeading = element('h2', 'section', text(messages, 'taskpane.presets'));
  presetsHeading.id = `${prefix}-presets-heading`;
  const status = element('p', 'status');
  status.id = `${prefix}-status`;
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.setAttribute('aria-atomic', 'true');

  const list = element('ul', 'preset-list');
  list.setAttribute('aria-labelledby', presetsHeading.id);
  const buttons = new Map<string, HTMLButtonElement>();
  for (const preset of presets) {
    const item = element('li', 'preset');
    const body = element('div', 'preset-text');
    const title = element('h3', 'preset-title', preset.title);
    title.id = `${prefix}-preset-${preset.id}-title`;
    const description = element('p', 'preset-description', preset.description);
    description.id = `${prefix}-preset-${preset.id}-description`;
    body.append(title, description);
    const button = element('button', 'button', text(messages, 'taskpane.load'));
    button.type = 'button';
    button.id = `${prefix}-preset-${preset.id}-load`;
    button.dataset.preset = preset.id;
    // Read as "Load AMD–OpenAI: …", then the description.
    button.setAttribute('aria-labelledby', `${button.id} ${title.id}`);
    button.setAttribute('aria-describedby', description.id);
    button.disabled = sink === undefined;
    button.addEventListener('click', () => void load(preset.id));
    buttons.set(preset.id, button);
    item.append(body, button);
    list.append(item);
  }

  const presetsSection = element('section', 'presets');
  presetsSection.setAttribute('aria-labelledby', presetsHeading.id);
  // Protect formulas: an option of every load (the sink locks all but the inputs, see sink.ts).
  const protect = element('input');
  protect.type = 'checkbox';
  protect.id = `${prefix}-protect`;
  const protectHint = element('p', 'option-hint', text(messages, 'taskpane.protectFormulasHint'));
  protectHint.id = `${prefix}-protect-hint`;
  protect.setAttribute('aria-describedby', protectHint.id);
  const protectLabel = element('label', 'option');
  protectLabel.append(protect, element('span', undefined, text(messages, 'taskpane.protectFormulas')));
  presetsSection.append(presetsHeading, element('p', 'intro', text(messages, 'taskpane.presetsIntro')), protectLabel, protectHint, status, list);

  const functionsHeading = element('h2', 'section', text(messages, 'taskpane.functions'));
  functionsHeading.id = `${prefix}-functions-heading`;
  const functions = element('ul', 'fn-list');
  functions.append(...FUNCTION_EXAMPLES.map((example) => functionItem(example, messages)));
  const functionsSection = element('section', 'functions');
  functionsSection.setAttribute('aria-labelledby', functionsHeading.id);
  functionsSection.append(functionsHeading, functions);

  root.replaceChildren(header, presetsSection, functionsSection);

  let busy = false;
  const setStatus = (message: string, tone: StatusTone = 'info'): void => {
    status.textContent = message;
    status.dataset.tone = tone;
    status.hidden = message === '';
  };
  setStatus(options.notice ?? '', 'info');

  async function load(id: string): Promise<void> {
    const button = buttons.get(id);
    const preset = presets.find((p) => p.id === id);
    if (busy || !sink || !button || !preset) return;
    busy = true;
    const hadFocus = root.ownerDocument.activeElement === button;
    list.setAttribute('aria-busy', 'true');
    for (const b of buttons.values()) b.disabled = true;
    if (languageMenu) languageMenu.select.disabled = true;
    button.textContent = text(messages, 'taskpane.loading');
    setStatus(text(messages, 'taskpane.loadingPreset', { preset: preset.title }), 'busy');
    try {
      const result = await sink.load(buildPlan(id), { protectFormulas: protect.checked });
      const done = text(messages, 'taskpane.loadedInto', { preset: preset.title, sheet: result.sheetName });
      setStatus(result.detail ? `${done} ${result.detail}` : done, 'success');
    } catch (error) {
      setStatus(text(messages, 'taskpane.loadFailed', { preset: preset.title, reason: reasonOf(error, messages) }), 'error');
    } finally {
      busy = false;
      list.removeAttribute('aria-busy');
      button.textContent = text(messages, 'taskpane.load');
      for (const b of buttons.values()) b.disabled = false;
      if (languageMenu) languageMenu.select.disabled = false;
      // A disabled button loses focus; give it back so the keyboard user stays where they were.
      const active = root.ownerDocument.activeElement;
      if (hadFocus && (!active || active === root.ownerDocument.body)) button.focus();
    }
  }

  return {
    load,
    setStatus,
    get busy() {
      return busy;
    },
  };
}

/** "Language [繁體中文 ▾]": each language named in itself; picking one calls `choose`. */
function languageSelect(language: NonNullable<TaskpaneOptions['language']>, messages: Messages, prefix: string) {
  const label = element('label', 'language', text(messages, 'taskpane.language'));
  const select = element('select', 'language-select');
  select.id = `${prefix}-language`;
  label.htmlFor = select.id;
  for (const locale of LOCALES) {
    const option = element('option', undefined, LOCALE_NAMES[locale]);
    option.value = locale;
    option.lang = locale;
    option.selected = locale === language.current;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const chosen = LOCALES.find((l) => l === select.value);
    if (chosen && chosen !== language.current) language.choose(chosen);
  });
  label.append(select);
  return { label, select };
}

function functionItem(example: FunctionExample, messages: Messages): HTMLLIElement {
  const item = element('li', 'fn');
  const key = `taskpane.fn.${example.name}`;
  item.append(element('h3', 'fn-name', `DEALS.${example.name}`));
  if (isMessageKey(key)) item.append(element('p', 'fn-summary', text(messages, key)));
  const formula = element('code', 'fn-formula', example.formula);
  formula.title = text(messages, 'taskpane.copyHint');
  item.append(formula);
  return item;
}

function reasonOf(error: unknown, messages: Messages): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return text(messages, 'taskpane.error.unknown');
}
