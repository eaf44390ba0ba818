/**
 * The commitments ledger that the `portfolio` and `openai` presets share: one row per commitment
 * of OpenAI (counterparty, kind, status, GW, cost basis, headline value, first and last year, an
 * include flag) and a year-by-year schedule 2025…2033 as formulas (straight-line over each deal's
 * years; no source gives a finer schedule). Both sheets hold these same rows, so their
 * commitments totals are the same number.
 */
import type { MessageKey } from '../../i18n';
import { assume, calc, CalcRow, factValue, input, InputRow, Table, TableCell, TableColumn, Text } from '../types';
import { BROADCOM_COST_PER_GW } from './shared';

const NA: TableCell = { text: 'sheet.na' };
const REPORTED = '={.reported}*10^9';
const BY_GW = '={.gw}*{.perGw}*10^9';

/** Years in the schedule, from the `scheduleStart` input (2025) on. */
export const SCHEDULE_YEARS = 9;

interface Deal {
  /** Column id in the schedule. */
  readonly id: string;
  readonly label: MessageKey;
  readonly kind: MessageKey;
  readonly status: Text;
  readonly gw: TableCell;
  readonly perGw: TableCell;
  readonly reported: TableCell;
  readonly value: string;
  readonly basis: MessageKey;
  readonly first: TableCell;
  readonly last: TableCell;
  readonly include: TableCell;
}

const status = {
  definitive: 'ledger.status.definitive',
  reported: 'ledger.status.reported',
} as const satisfies Record<string, MessageKey>;

const DEALS: readonly Deal[] = [
  {
    id: 'nvidia',
    label: 'ledger.deal.nvidia',
    kind: 'ledger.kind.chips',
    // Nvidia's own words: its 10-Q gives no assurance of definitive agreements.
    status: { key: 'ledger.status.nvidia', params: { words: { fact: 'nvidia.status10Q' } } },
    gw: factValue('nvidia.capacity'),
    perGw: factValue('nvidia.hardwarePerGw'),
    reported: NA,
    value: BY_GW,
    basis: 'ledger.basis.chips',
    first: factValue('nvidia.firstGw'),
    last: assume(2030, 'ledger.why.nvidiaLast', ['nvidia.capacity', 'broadcom.window']),
    include: assume(true, 'ledger.why.includeLoi', ['nvidia.status10Q', 'nvidia.statusCfo', 'nvidia.statusWsj']),
  },
  {
    id: 'amd',
    label: 'ledger.deal.amd',
    kind: 'ledger.kind.chips',
    status: status.definitive,
    gw: factValue('amd.fullVestingGw'),
    perGw: factValue('amd.revenuePerGw'),
    reported: NA,
    value: BY_GW,
    basis: 'ledger.basis.chips',
    first: factValue('amd.firstDeployment'),
    last: assume(2030, 'ledger.why.amdLast', ['amd.warrantExpiry']),
    include: assume(true, 'ledger.why.include'),
  },
  {
    id: 'oracle',
    label: 'ledger.deal.oracle',
    kind: 'ledger.kind.cloud',
    status: status.reported,
    gw: factValue('oracle.capacity'),
    perGw: NA,
    reported: factValue('oracle.contractValue'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: factValue('oracle.startYear'),
    last: { formula: '={.first}+{oracleTerm}-1' },
    include: assume(true, 'ledger.why.include'),
  },
  {
    id: 'broadcom',
    label: 'ledger.deal.broadcom',
    kind: 'ledger.kind.customChips',
    status: status.reported,
    gw: factValue('broadcom.capacity'),
    perGw: BROADCOM_COST_PER_GW,
    reported: NA,
    value: BY_GW,
    basis: 'ledger.basis.chips',
    first: factValue('broadcom.window', 0),
    last: factValue('broadcom.window', 1),
    include: assume(true, 'ledger.why.include'),
  },
  {
    id: 'microsoft',
    label: 'ledger.deal.microsoft',
    kind: 'ledger.kind.cloud',
    status: status.definitive,
    gw: NA,
    perGw: NA,
    reported: factValue('microsoft.azureCommitment'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: assume(2026, 'ledger.why.microsoftYears', ['microsoft.azureCommitment']),
    last: assume(2032, 'ledger.why.microsoftYears', ['microsoft.azureCommitment']),
    include: assume(true, 'ledger.why.include'),
  },
  {
    id: 'aws',
    label: 'ledger.deal.aws',
    kind: 'ledger.kind.cloud',
    status: status.definitive,
    gw: NA,
    perGw: NA,
    reported: factValue('aws.contractValue'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: assume(2025, 'ledger.why.awsFirst', ['aws.contractValue']),
    last: { formula: '={.first}+{awsTerm}-1' },
    include: assume(true, 'ledger.why.include'),
  },
  {
    id: 'coreweave',
    label: 'ledger.deal.coreweave',
    kind: 'ledger.kind.cloud',
    status: status.definitive,
    gw: NA,
    perGw: NA,
    reported: factValue('coreweave.totalValue'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: assume(2025, 'ledger.why.coreweaveYears', ['coreweave.totalValue']),
    last: assume(2029, 'ledger.why.coreweaveYears', ['coreweave.totalValue']),
    include: assume(true, 'ledger.why.include'),
  },
  {
    id: 'cerebras',
    label: 'ledger.deal.cerebras',
    kind: 'ledger.kind.cloud',
    status: status.reported,
    gw: assume(0.75, 'ledger.why.cerebrasTerms', ['cerebras.contractValue']),
    perGw: NA,
    reported: factValue('cerebras.contractValue'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: assume(2026, 'ledger.why.cerebrasTerms', ['cerebras.contractValue']),
    last: assume(2028, 'ledger.why.cerebrasTerms', ['cerebras.contractValue']),
    include: assume(true, 'ledger.why.include'),
  },
];

/** 1-based row of a deal in the ledger. */
export function dealRow(id: string): number {
  const k = DEALS.findIndex((d) => d.id === id);
  if (k < 0) throw new Error(`no deal ${id} in the ledger`);
  return k + 1;
}

export const DEAL_LABELS: ReadonlyArray<{ readonly id: string; readonly label: MessageKey }> = DEALS.map(({ id, label }) => ({ id, label }));

/** Inputs the ledger's formulas use, besides its table. */
export const ledgerInputs: readonly InputRow[] = [
  input('scheduleStart', 'ledger.in.scheduleStart', 'year', assume(2025, 'ledger.why.scheduleStart')),
  input('oracleTerm', 'ledger.in.oracleTerm', 'years', factValue('oracle.term')),
  input('awsTerm', 'ledger.in.awsTerm', 'years', assume(7, 'ledger.why.awsTerm', ['aws.contractValue'])),
];

export const ledger: Table = {
  kind: 'table',
  id: 'ledger',
  title: 'ledger.table.ledger',
  columns: [
    { id: 'label', header: 'ledger.col.counterparty', unit: 'text' },
    { id: 'kind', header: 'ledger.col.kind', unit: 'text' },
    { id: 'status', header: 'ledger.col.status', unit: 'text' },
    { id: 'gw', header: 'ledger.col.gw', unit: 'gw' },
    { id: 'perGw', header: 'ledger.col.perGw', unit: 'usdBnPerGw' },
    { id: 'reported', header: 'ledger.col.reported', unit: 'usdBn' },
    { id: 'value', header: 'ledger.col.value', unit: 'usd' },
    { id: 'basis', header: 'ledger.col.basis', unit: 'text' },
    { id: 'first', header: 'ledger.col.first', unit: 'year' },
    { id: 'last', header: 'ledger.col.last', unit: 'year' },
    { id: 'include', header: 'ledger.col.include', unit: 'flag' },
  ],
  rows: DEALS.map((d) => ({
    cells: {
      label: { text: d.label },
      kind: { text: d.kind },
      status: { text: d.status },
      gw: d.gw,
      perGw: d.perGw,
      reported: d.reported,
      value: { formula: d.value },
      basis: { text: d.basis },
      first: d.first,
      last: d.last,
      include: d.include,
    },
  })),
  totals: { label: 'sheet.total', sum: ['gw', 'value'] },
};

/**
 * Deal k's money due in the year in `yearCell`: its value spread evenly over its first…last
 * years; with `included`, zero when its include flag is FALSE.
 */
export function straightLine(k: number, yearCell: string, included = true): string {
  const at = (column: string) => `INDEX({ledger.${column}},${k})`;
  const inYears = `${yearCell}>=${at('first')},${yearCell}<=${at('last')}`;
  return `IF(AND(${included ? `${at('include')},` : ''}${inYears}),${at('value')}/(${at('last')}-${at('first')}+1),0)`;
}

const dealColumns: TableColumn[] = DEALS.map((d, i) => ({ id: d.id, header: d.label, unit: 'usd', formula: `=${straightLine(i + 1, '{.year}')}` }));

/** Year by year (rows 2025…2033), what each included deal asks for, and the total due. */
export const schedule: Table = {
  kind: 'table',
  id: 'schedule',
  title: 'ledger.table.schedule',
  columns: [
    { id: 'year', header: 'ledger.col.year', unit: 'year', formula: '={scheduleStart}+{#}-1' },
    ...dealColumns,
    { id: 'total', header: 'ledger.col.due', unit: 'usd', formula: `=SUM({.${DEALS[0].id}}:{.${DEALS[DEALS.length - 1].id}})` },
  ],
  rows: Array.from({ length: SCHEDULE_YEARS }, () => ({ cells: {} })),
  totals: { label: 'sheet.total', sum: [...DEALS.map((d) => d.id), 'total'] },
};

/** The included deals' total: the commitments total of every sheet that holds the ledger. */
export const COMMITMENTS_TOTAL = '=SUMIF({ledger.include},TRUE,{ledger.value})';

/** A calculation row with the commitments total (full USD). */
export const commitmentsTotal = (id: string): CalcRow => calc(id, 'ledger.calc.commitmentsTotal', 'usd', COMMITMENTS_TOTAL, 'ledger.note.commitmentsTotal');

/** Checks every sheet with the ledger carries: each deal within the schedule, and the schedule adds up. */
export const ledgerChecks = (totalId: string) =>
  [
    { id: 'ledgerYears', label: 'ledger.check.years' as MessageKey, formula: `=AND(SUMPRODUCT(({ledger.first}>{ledger.last})*1)=0,MIN({ledger.first})>={scheduleStart},MAX({ledger.last})<={schedule.year.last})` },
    { id: 'ledgerSchedule', label: 'ledger.check.schedule' as MessageKey, formula: `=ABS({schedule.total.total}-{${totalId}})<1` },
  ] as const;
