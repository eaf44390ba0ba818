/**
 * Entry module of the AI Deal Modeler task pane. The same page is the add-in's shared runtime: it
 * also loads the functions bundle, so the DEALS custom functions are registered whether or not the
 * pane is open. This module only wires things together: the UI (ui.ts, independent of Excel) is
 * mounted at once without a sink, then again at Office.onReady with the Office.js writer
 * (excelSink.ts) when the host is Excel and supports the API set the writer needs.
 *
 * Language (language.ts): the reader's remembered choice, else Office's display language (before
 * Office is ready, the browser's). Choosing another language in the pane remounts it in that
 * language, with a writer whose messages are in it too, so a preset is written in the pane's language.
 */
import { CATALOGUES, formatMessage as text } from '../i18n';
import type { Locale, Messages } from '../i18n';
import { EXCEL_API, excelSink } from './excelSink';
import { browserStorage, languageMemory, paneLocale, rememberLocale } from './language';
import type { PlanSink } from './sink';
import { mountTaskpane } from './ui';

/** What the pane can do in its host: a writer (or none) and the first status line. */
type Setup = (messages: Messages) => { readonly sink?: PlanSink; readonly notice: string };

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  let memory = languageMemory(browserStorage());
  let locale = paneLocale(typeof navigator === 'undefined' ? undefined : navigator.language, memory);
  let chosenByReader = false;
  let setup: Setup = (messages) => ({ notice: text(messages, typeof Office === 'undefined' ? 'taskpane.officeMissing' : 'taskpane.loadingOffice') });

  const show = (): void => {
    const messages = CATALOGUES[locale];
    const { sink, notice } = setup(messages);
    const choose = (chosen: Locale): void => {
      locale = chosen;
      chosenByReader = true;
      rememberLocale(memory, chosen);
      show();
    };
    mountTaskpane(root, sink, messages, { notice, language: { current: locale, choose } });
  };

  show();
  if (typeof Office === 'undefined') return;
  void Office.onReady((info) => {
    memory = languageMemory(browserStorage(), Office.context?.partitionKey);
    // A choice made while Office was loading stands; otherwise the display language decides.
    if (chosenByReader) rememberLocale(memory, locale);
    else locale = paneLocale(Office.context?.displayLanguage, memory);
    if (info.host !== Office.HostType.Excel) {
      setup = (messages) => ({ notice: text(messages, 'taskpane.notExcel') });
    } else if (!Office.context.requirements.isSetSupported(EXCEL_API.set, EXCEL_API.version)) {
      setup = (messages) => ({ notice: text(messages, 'taskpane.unsupported', { version: `${EXCEL_API.set} ${EXCEL_API.version}` }) });
    } else {
      setup = (messages) => ({ sink: excelSink({ messages }), notice: text(messages, 'taskpane.ready') });
    }
    show();
  });
}

start();
