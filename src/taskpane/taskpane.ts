/**
 * The AI Deal Modeler task pane. The same page is the add-in's shared runtime: it also loads the
 * functions bundle, so the DEALS custom functions are registered whether or not the pane is open.
 * Everything shown is built with DOM APIs and textContent (no HTML strings).
 */
import { FUNCTION_EXAMPLES, FunctionExample } from './examples';

const ADD_IN_NAME = 'AI Deal Modeler';
const DESCRIPTION = 'Excel functions for the economics of AI-compute megadeals: warrants, vendor financing and funding gaps.';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function functionItem(example: FunctionExample): HTMLLIElement {
  const item = element('li', 'fn');
  item.append(element('h3', 'fn-name', `DEALS.${example.name}`), element('p', 'fn-summary', example.summary));
  const formula = element('code', 'fn-formula', example.formula);
  formula.title = 'Example formula: select it and copy it into a cell';
  item.append(formula);
  return item;
}

/** Fills the page; `status` says whether the page runs inside Excel. */
export function render(root: HTMLElement): HTMLElement {
  const status = element('p', 'status', 'Loading Office…');
  const list = element('ul', 'fn-list');
  list.append(...FUNCTION_EXAMPLES.map(functionItem));
  root.replaceChildren(
    element('h1', 'title', ADD_IN_NAME),
    element('p', 'description', DESCRIPTION),
    status,
    element('h2', 'section', 'Functions'),
    list,
  );
  return status;
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const status = render(root);
  if (typeof Office === 'undefined') {
    status.textContent = 'Office.js did not load: open this page from Excel with the add-in installed.';
    return;
  }
  Office.onReady((info) => {
    status.textContent =
      info.host === Office.HostType.Excel
        ? 'Type =DEALS. in any cell to use the functions.'
        : 'Open this page from Excel (AI Deal Modeler add-in) to use the functions.';
  });
}

start();
