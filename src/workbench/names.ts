/**
 * The named outputs of the active sheet (the plan's workbook names, e.g. AMD_WarrantValueAtTarget):
 * each with its label, its value in the cell's number format and unit, and whether the name
 * belongs to the sheet (a second copy of a preset). Clicking one selects its cell in the grid.
 */
import { formatMessage as text } from '../i18n';
import type { Messages } from '../i18n';
import { a1 } from '../scenarios';
import { element } from './dom';
import { displayValue } from './format';
import { cellKey } from './bookView';
import type { BookView } from './bookView';

export class NamesPanel {
  readonly root: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly empty: HTMLParagraphElement;

  constructor(
    private readonly book: BookView,
    private readonly messages: Messages,
    private readonly onPick: (address: string) => void,
  ) {
    this.root = element('section', 'wb-names');
    this.root.id = 'wb-names';
    const heading = element('h2', 'wb-panel-title', text(messages, 'workbench.names'));
    heading.id = 'wb-names-heading';
    this.root.setAttribute('aria-labelledby', heading.id);
    this.list = element('ul', 'wb-name-list');
    this.empty = element('p', 'wb-muted', text(messages, 'workbench.namesEmpty'));
    this.root.append(heading, this.empty, this.list);
  }

  /** Lists the names of the active sheet with their current values. */
  render(): void {
    const model = this.book.sheet(this.book.active);
    const values = this.book.values(model.id);
    const items = model.names.map((output) => {
      const { row, col } = a1.parseCell(output.address);
      const value = values[row]?.[col] ?? null;
      const display = displayValue(value, model.formats.get(cellKey(row, col)));

      const item = element('li', 'wb-name');
      item.dataset.name = output.name;
      const button = element('button', 'wb-name-button');
      button.type = 'button';
      button.title = text(this.messages, 'workbench.nameGoTo', { cell: output.address });
      const top = element('span', 'wb-name-top');
      top.append(element('code', 'wb-name-id', output.name));
      if (output.sheetScoped) top.append(element('span', 'wb-badge', text(this.messages, 'workbench.nameSheetScope')));
      const valueLine = element('span', 'wb-name-line');
      const shown = element('span', 'wb-name-value', display.text);
      shown.dataset.value = typeof value === 'object' && value !== null ? value.error : String(value);
      if (display.error) shown.title = display.error;
      valueLine.append(shown);
      if (output.unit) valueLine.append(element('span', 'wb-name-unit', output.unit));
      button.append(top, element('span', 'wb-name-label', output.label), valueLine);
      button.addEventListener('click', () => this.onPick(output.address));
      item.append(button);
      return item;
    });
    this.list.replaceChildren(...items);
    this.empty.hidden = items.length > 0;
  }
}
