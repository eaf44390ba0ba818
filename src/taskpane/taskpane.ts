/**
 * Entry module of the AI Deal Modeler task pane. The same page is the add-in's shared runtime: it
 * also loads the functions bundle, so the DEALS custom functions are registered whether or not the
 * pane is open. This module only wires things together: the UI (ui.ts, independent of Excel) is
 * mounted at once without a sink, then again at Office.onReady with the Office.js writer
 * (excelSink.ts) when the host is Excel and supports the API set the writer needs.
 */
import { formatMessage as text, messagesFor } from '../i18n';
import { EXCEL_API, excelSink } from './excelSink';
import { mountTaskpane } from './ui';

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const browserMessages = messagesFor(typeof navigator === 'undefined' ? undefined : navigator.language);
  if (typeof Office === 'undefined') {
    mountTaskpane(root, undefined, browserMessages, { notice: text(browserMessages, 'taskpane.officeMissing') });
    return;
  }
  mountTaskpane(root, undefined, browserMessages, { notice: text(browserMessages, 'taskpane.loadingOffice') });
  void Office.onReady((info) => {
    const messages = messagesFor(Office.context?.displayLanguage);
    if (info.host !== Office.HostType.Excel) {
      mountTaskpane(root, undefined, messages, { notice: text(messages, 'taskpane.notExcel') });
    } else if (!Office.context.requirements.isSetSupported(EXCEL_API.set, EXCEL_API.version)) {
      mountTaskpane(root, undefined, messages, { notice: text(messages, 'taskpane.unsupported', { version: `${EXCEL_API.set} ${EXCEL_API.version}` }) });
    } else {
      mountTaskpane(root, excelSink({ messages }), messages, { notice: text(messages, 'taskpane.ready') });
    }
  });
}

start();
