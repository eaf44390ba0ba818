/**
 * A computed value as a cell shows it: numbers through the cell's Excel number format (numfmt,
 * which implements Excel's format language: `#,##0.0,,,` shows 95998400000 as 96.0, `yyyy-mm-dd`
 * a date serial as a date, `0.0%` a share as a percentage), text as it is, TRUE/FALSE, and errors
 * by their code. Alignment follows Excel's General alignment: numbers right, text left, logical
 * values and errors centred.
 */
import { format as formatNumber } from 'numfmt';
import type { EngineScalar } from '../engine';

export interface CellDisplay {
  readonly text: string;
  readonly align: 'left' | 'right' | 'center';
  /** The error's message, for a tooltip. */
  readonly error?: string;
}

const BLANK: CellDisplay = { text: '', align: 'left' };

export function displayValue(value: EngineScalar, numberFormat = 'General'): CellDisplay {
  if (value === null) return BLANK;
  if (typeof value === 'number') return { text: formatNumberValue(value, numberFormat), align: 'right' };
  if (typeof value === 'string') return { text: value, align: 'left' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', align: 'center' };
  return { text: value.error, align: 'center', error: value.message || value.error };
}

/** A number in an Excel format; General if the format is not one numfmt understands. */
export function formatNumberValue(value: number, numberFormat = 'General'): string {
  let text: string;
  try {
    text = formatNumber(numberFormat || 'General', value, { locale: 'en-US' });
  } catch {
    return formatNumber('General', value, { locale: 'en-US' });
  }
  // numfmt writes a fixed format's digits from JavaScript's own text, which for huge numbers is
  // "1e+300" or "Infinity" (1e308 under #,##0.00 became "In,fin,ity.00"): show those as Excel
  // shows a number too long for its format, in scientific notation with the format's decimals.
  return /\de[+-]|Infinity|NaN/.test(text.replace(/,/g, '')) ? scientific(value, numberFormat) : text;
}

/** `1.00E+308` for 1e308 under `#,##0.00`: the format's decimals, its percent and its thousands scaling (`#,##0.0,,,`). */
function scientific(value: number, numberFormat: string): string {
  const section = numberFormat.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const decimals = /\.([0#?]*)/.exec(section)?.[1].length ?? 0;
  const percent = section.includes('%');
  const scaling = /[0#?](,+)[^0#?]*$/.exec(section)?.[1].length ?? 0;
  const [mantissa, exponentText] = value.toExponential(Math.min(decimals, 20)).split('e');
  const exponent = Number(exponentText) + (percent ? 2 : 0) - 3 * scaling;
  const digits = String(Math.abs(exponent)).padStart(2, '0');
  return `${mantissa}E${exponent < 0 ? '-' : '+'}${digits}${percent ? '%' : ''}`;
}
