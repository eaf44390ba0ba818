/**
 * Units of the preset sheets: the label shown in headers (from the message catalogue) and the
 * number format of the cells.
 *
 * Money convention, the same in every preset:
 * - inputs are typed in the unit their source states (a fact of "USD 100 bn" is the input 100 in a
 *   row labelled USD bn), so what a user types is what they see;
 * - calculated money is held in full US dollars and shown in billions with the format
 *   `#,##0.0,,,` (each trailing comma divides the display by 1,000; the cell keeps the full value,
 *   e.g. 95,998,400,000 shows as 96.0 under a "USD bn" header). Formulas convert inputs with
 *   `*10^9` (bn) or `*10^12` (tn) where they use them.
 */
import type { MessageKey } from '../i18n';

/** Full USD shown in billions. */
export const FORMAT_USD_AS_BN = '#,##0.0,,,';

export interface UnitSpec {
  /** Header label, or null for text columns. */
  readonly label: MessageKey | null;
  readonly format: string;
}

export const UNITS = {
  /** Calculated money, full USD, shown in bn. */
  usd: { label: 'unit.usdBn', format: FORMAT_USD_AS_BN },
  usdPerYear: { label: 'unit.usdBnPerYear', format: FORMAT_USD_AS_BN },
  usdPerGw: { label: 'unit.usdBnPerGw', format: FORMAT_USD_AS_BN },
  /** Money typed in billions (inputs from sources that state billions). */
  usdBn: { label: 'unit.usdBn', format: '#,##0.0' },
  usdBnPerYear: { label: 'unit.usdBnPerYear', format: '#,##0.0' },
  usdBnPerGw: { label: 'unit.usdBnPerGw', format: '#,##0.0' },
  usdTnPerYear: { label: 'unit.usdTnPerYear', format: '#,##0.00' },
  usdPerShare: { label: 'unit.usdPerShare', format: '#,##0.00' },
  shares: { label: 'unit.shares', format: '#,##0' },
  millionShares: { label: 'unit.millionShares', format: '#,##0' },
  gw: { label: 'unit.gw', format: '#,##0.0' },
  gwPerYear: { label: 'unit.gwPerYear', format: '#,##0.0' },
  gwAtYearEnd: { label: 'unit.gwAtYearEnd', format: '#,##0.00' },
  gwYears: { label: 'unit.gwYears', format: '#,##0.00' },
  percent: { label: 'unit.percent', format: '0.0%' },
  percentPerYear: { label: 'unit.percentPerYear', format: '0.0%' },
  probability: { label: 'unit.probability', format: '0.0%' },
  years: { label: 'unit.years', format: '0.00' },
  year: { label: 'unit.year', format: '0' },
  date: { label: 'unit.date', format: 'yyyy-mm-dd' },
  multiple: { label: 'unit.multiple', format: '0.0"x"' },
  flag: { label: 'unit.flag', format: 'General' },
  /** A whole number: a count, a seed, a choice, a 1/0 flag for a year within a term. */
  count: { label: 'unit.count', format: '#,##0' },
  /** Greeks of the whole position. */
  usdPerUsd: { label: 'unit.usdPerUsd', format: '#,##0' },
  perUsd: { label: 'unit.perUsd', format: '#,##0.0' },
  usdPerVol: { label: 'unit.usdPerVol', format: '#,##0' },
  usdPerRate: { label: 'unit.usdPerRate', format: '#,##0' },
  usdPerYearExact: { label: 'unit.usdPerYear', format: '#,##0' },
  usdPerVolPoint: { label: 'unit.usdPerVolPoint', format: '#,##0' },
  usdPerDay: { label: 'unit.usdPerDay', format: '#,##0' },
  /** A count per year, e.g. price observations. */
  perYear: { label: 'unit.perYear', format: '#,##0' },
  text: { label: null, format: '@' },
} as const satisfies Record<string, UnitSpec>;

export type UnitId = keyof typeof UNITS;

/** Days from Excel's day 0 (1899-12-30, as Excel and the formula engine count) to an ISO date: the cell value of a date. */
export function excelDate(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
}
