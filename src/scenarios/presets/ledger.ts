/**
 * The capacity ledger that every sheet showing a commitment holds (portfolio, openai, oracle,
 * broadcom, nvidia): one row per commitment of OpenAI (kind, status, GW, binding GW, GW hosted in a
 * partner's data centre, cost basis, headline value, when its capacity comes online, a weight for
 * the optional part, an include flag) and, year by year 2025…2035, the capacity online, the GW-years
 * in use and the money paid, all as formulas on those rows.
 *
 * How a deal is paid follows its capacity, so no deal pays before its capacity exists:
 * - capacity comes online linearly from `first + offset` (a year fraction: 0.5 = H2) over `ramp`
 *   years; GW online at the end of year y is gw·clip((y+1−start)/ramp) and the GW-years in use in y
 *   are its integral over the year;
 * - cloud contracts are paid per GW-year in use until their last year: the contract value ÷ all its
 *   GW-years is the price per GW-year;
 * - chips are paid as capex at delivery (the GW added in the year × cost per GW), on the GW not
 *   hosted in a partner's data centre (those are in the partner's contract, not counted twice); a
 *   share of the capex (loan-to-cost) is financed and paid back straight-line over the tenor with
 *   interest on the balance from the year after delivery.
 * Binding money is the binding GW's (unweighted); the expected ledger adds the optional part times
 * its weight. All totals are in full US dollars.
 */
import type { MessageKey } from '../../i18n';
import { assume, calc, CalcRow, factValue, input, InputRow, Table, TableCell, TableColumn, Text } from '../types';
import { BROADCOM_COST_PER_GW } from './shared';

const NA: TableCell = { text: 'sheet.na' };
const REPORTED = '={.reported}*10^9';
const BY_GW = '={.gw}*{.perGw}*10^9';

/** Years in the schedule, from the `scheduleStart` input (2025) on: to 2035, so every ramp, term and loan ends inside it. */
export const SCHEDULE_YEARS = 11;

type Kind = 'chips' | 'cloud';

interface Deal {
  /** Column id in the per-year tables. */
  readonly id: string;
  readonly label: MessageKey;
  readonly kind: Kind;
  readonly kindLabel: MessageKey;
  readonly status: Text;
  readonly gw: TableCell;
  readonly bindingGw: TableCell;
  /** Chips only: GW of these chips in a partner's data centre, paid in that partner's contract. */
  readonly hosted?: TableCell;
  readonly perGw: TableCell;
  readonly reported: TableCell;
  readonly value: string;
  readonly basis: MessageKey;
  readonly first: TableCell;
  readonly offset: TableCell;
  /** Chips: a formula (from the last delivery year); cloud: an assumption. */
  readonly ramp: TableCell;
  /** Chips: the last delivery year; cloud: the last year of use. */
  readonly last: TableCell;
  readonly weight: TableCell;
  readonly include: TableCell;
}

const status = {
  binding: 'ledger.status.binding',
  reported: 'ledger.status.reported',
} as const satisfies Record<string, MessageKey>;

/** Chips: the ramp runs from the start of deliveries to the end of the last delivery year. */
const CHIPS_RAMP: TableCell = { formula: '={.last}+1-{.first}-{.offset}' };
const HALF_YEAR = (why: MessageKey = 'ledger.why.h2') => assume(0.5, why);
const INCLUDE = assume(true, 'ledger.why.include');
const BINDING_WEIGHT = assume(1, 'ledger.why.weightBinding');

const at = (k: number, column: string) => `INDEX({ledger.${column}},${k})`;
/** The Oracle contract is the first row: its price per GW-year prices the cloud rows without a published GW (its cells by `.first`, no range that holds the row itself). */
const ORACLE = 1;
const oracleCell = (column: string) => `{ledger.${column}.first}`;

/** Total GW-years of a cloud row at full capacity from its start: gw·(years − ramp/2) when the ramp ends inside the term. */
const gwYearsPerGw = (first: string, offset: string, ramp: string, last: string) => `(${last}+1-${first}-${offset}-${ramp}/2)`;

/**
 * Cloud contracts without a published GW: GW at the Oracle contract's price per GW-year (the one
 * cloud price per GW of the ledger), GW = value ÷ (price × the row's GW-years per GW).
 */
const GW_AT_ORACLE_PRICE: TableCell = {
  formula:
    `={.reported}/(${oracleCell('reported')}/(${oracleCell('gw')}*${gwYearsPerGw(oracleCell('first'), oracleCell('offset'), oracleCell('ramp'), oracleCell('last'))})` +
    `*${gwYearsPerGw('{.first}', '{.offset}', '{.ramp}', '{.last}')})`,
};

const DEALS: readonly Deal[] = [
  {
    id: 'oracle',
    label: 'ledger.deal.oracle',
    kind: 'cloud',
    kindLabel: 'ledger.kind.cloud',
    status: status.reported,
    gw: factValue('oracle.capacity'),
    bindingGw: assume(0, 'ledger.why.reportedBinding'),
    perGw: NA,
    reported: factValue('oracle.contractValue'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: factValue('oracle.startYear'),
    offset: assume(0, 'ledger.why.fromStart'),
    ramp: assume(3, 'ledger.why.oracleRamp', ['oracle.ociGuidance']),
    last: { formula: '={.first}+{oracleTerm}-1' },
    weight: assume(0.8, 'ledger.why.oracleWeight', ['oracle.contractValue']),
    include: INCLUDE,
  },
  {
    id: 'microsoft',
    label: 'ledger.deal.microsoft',
    kind: 'cloud',
    kindLabel: 'ledger.kind.cloud',
    status: status.binding,
    gw: GW_AT_ORACLE_PRICE,
    bindingGw: { formula: '={.gw}' },
    perGw: NA,
    reported: factValue('microsoft.azureCommitment'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: assume(2026, 'ledger.why.microsoftYears', ['microsoft.azureCommitment']),
    offset: assume(0, 'ledger.why.fromStart'),
    ramp: assume(2, 'ledger.why.cloudRamp'),
    last: assume(2032, 'ledger.why.microsoftYears', ['microsoft.azureCommitment']),
    weight: BINDING_WEIGHT,
    include: INCLUDE,
  },
  {
    id: 'aws',
    label: 'ledger.deal.aws',
    kind: 'cloud',
    kindLabel: 'ledger.kind.cloud',
    status: status.binding,
    gw: GW_AT_ORACLE_PRICE,
    bindingGw: { formula: '={.gw}' },
    perGw: NA,
    reported: factValue('aws.contractValue'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: assume(2025, 'ledger.why.awsFirst', ['aws.contractValue', 'aws.capacityTiming']),
    offset: assume(0.85, 'ledger.why.awsOffset', ['aws.contractValue']),
    ramp: assume(1.15, 'ledger.why.awsRamp', ['aws.capacityTiming']),
    last: { formula: '={.first}+{awsTerm}-1' },
    weight: BINDING_WEIGHT,
    include: INCLUDE,
  },
  {
    id: 'awsExpansion',
    label: 'ledger.deal.awsExpansion',
    kind: 'cloud',
    kindLabel: 'ledger.kind.cloud',
    status: status.reported,
    gw: assume(2, 'ledger.why.awsExpansionGw', ['aws.expansion']),
    bindingGw: assume(0, 'ledger.why.reportedBinding'),
    perGw: NA,
    reported: factValue('aws.expansion'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: assume(2027, 'ledger.why.awsExpansionFirst', ['aws.capacityTiming']),
    offset: assume(0, 'ledger.why.fromStart'),
    ramp: assume(2, 'ledger.why.cloudRamp'),
    last: { formula: '={.first}+{awsExpansionTerm}-1' },
    weight: assume(0.7, 'ledger.why.awsExpansionWeight', ['aws.expansion']),
    include: INCLUDE,
  },
  {
    id: 'coreweave',
    label: 'ledger.deal.coreweave',
    kind: 'cloud',
    kindLabel: 'ledger.kind.cloud',
    status: status.binding,
    gw: GW_AT_ORACLE_PRICE,
    bindingGw: { formula: '={.gw}' },
    perGw: NA,
    reported: factValue('coreweave.totalValue'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: assume(2025, 'ledger.why.coreweaveYears', ['coreweave.totalValue']),
    offset: assume(0.25, 'ledger.why.coreweaveOffset', ['coreweave.totalValue']),
    ramp: assume(1, 'ledger.why.cloudRamp'),
    last: assume(2029, 'ledger.why.coreweaveYears', ['coreweave.totalValue']),
    weight: BINDING_WEIGHT,
    include: INCLUDE,
  },
  {
    id: 'cerebras',
    label: 'ledger.deal.cerebras',
    kind: 'cloud',
    kindLabel: 'ledger.kind.cloud',
    status: status.reported,
    gw: assume(0.75, 'ledger.why.cerebrasTerms', ['cerebras.contractValue']),
    bindingGw: assume(0, 'ledger.why.reportedBinding'),
    perGw: NA,
    reported: factValue('cerebras.contractValue'),
    value: REPORTED,
    basis: 'ledger.basis.allIn',
    first: assume(2026, 'ledger.why.cerebrasTerms', ['cerebras.contractValue']),
    offset: assume(0, 'ledger.why.fromStart'),
    ramp: assume(3, 'ledger.why.cerebrasTerms', ['cerebras.contractValue']),
    last: assume(2028, 'ledger.why.cerebrasTerms', ['cerebras.contractValue']),
    weight: assume(0.8, 'ledger.why.cerebrasWeight', ['cerebras.contractValue']),
    include: INCLUDE,
  },
  {
    id: 'nvidia',
    label: 'ledger.deal.nvidia',
    kind: 'chips',
    kindLabel: 'ledger.kind.chips',
    status: { key: 'ledger.status.nvidia', params: { equity: { fact: 'nvidia.equityReplacesLoi' } } },
    gw: factValue('nvidia.capacity'),
    bindingGw: assume(0, 'ledger.why.nvidiaBinding', ['nvidia.status10Q', 'nvidia.statusCfo', 'nvidia.equityReplacesLoi']),
    hosted: assume(0, 'ledger.why.hosted'),
    perGw: factValue('nvidia.hardwarePerGw'),
    reported: NA,
    value: BY_GW,
    basis: 'ledger.basis.chips',
    first: factValue('nvidia.firstGw'),
    offset: HALF_YEAR(),
    ramp: CHIPS_RAMP,
    last: assume(2030, 'ledger.why.nvidiaLast', ['nvidia.capacity', 'broadcom.window']),
    weight: assume(0, 'ledger.why.nvidiaWeight', ['nvidia.equityReplacesLoi', 'nvidia.statusWsj']),
    include: INCLUDE,
  },
  {
    id: 'amd',
    label: 'ledger.deal.amd',
    kind: 'chips',
    kindLabel: 'ledger.kind.chips',
    status: { key: 'ledger.status.amd', params: { binding: { fact: 'amd.bindingCommitment' }, full: { fact: 'amd.fullVestingGw' } } },
    gw: factValue('amd.fullVestingGw'),
    bindingGw: factValue('amd.bindingCommitment'),
    hosted: assume(0, 'ledger.why.hosted'),
    perGw: factValue('amd.revenuePerGw'),
    reported: NA,
    value: BY_GW,
    basis: 'ledger.basis.chips',
    first: factValue('amd.firstDeployment'),
    offset: HALF_YEAR(),
    ramp: CHIPS_RAMP,
    last: assume(2030, 'ledger.why.amdLast', ['amd.warrantExpiry']),
    weight: assume(0.5, 'ledger.why.amdWeight', ['amd.bindingCommitment']),
    include: INCLUDE,
  },
  {
    id: 'broadcom',
    label: 'ledger.deal.broadcom',
    kind: 'chips',
    kindLabel: 'ledger.kind.customChips',
    status: status.reported,
    gw: factValue('broadcom.capacity'),
    bindingGw: assume(0, 'ledger.why.reportedBinding'),
    hosted: assume(0, 'ledger.why.hosted'),
    perGw: BROADCOM_COST_PER_GW,
    reported: NA,
    value: BY_GW,
    basis: 'ledger.basis.chips',
    first: factValue('broadcom.window', 0),
    offset: HALF_YEAR(),
    ramp: CHIPS_RAMP,
    last: factValue('broadcom.window', 1),
    weight: assume(0.6, 'ledger.why.broadcomWeight', ['broadcom.capacity']),
    include: INCLUDE,
  },
];

/** 1-based row of a deal in the ledger. */
export function dealRow(id: string): number {
  const k = DEALS.findIndex((d) => d.id === id);
  if (k < 0) throw new Error(`no deal ${id} in the ledger`);
  return k + 1;
}

/** A formula reference to deal `id`'s cell in a ledger column, for the sheets that show one deal. */
export const dealCell = (id: string, column: string): string => at(dealRow(id), column);

if (dealRow('oracle') !== ORACLE) throw new Error('ledger: ORACLE must be the Oracle row');

export const DEAL_LABELS: ReadonlyArray<{ readonly id: string; readonly label: MessageKey; readonly kind: Kind }> = DEALS.map(({ id, label, kind }) => ({ id, label, kind }));

/** Inputs the ledger's formulas use, besides its table. */
export const ledgerInputs: readonly InputRow[] = [
  input('scheduleStart', 'ledger.in.scheduleStart', 'year', assume(2025, 'ledger.why.scheduleStart')),
  input('oracleTerm', 'ledger.in.oracleTerm', 'years', factValue('oracle.term')),
  input('awsTerm', 'ledger.in.awsTerm', 'years', assume(7, 'ledger.why.awsTerm', ['aws.contractValue'])),
  input('awsExpansionTerm', 'ledger.in.awsExpansionTerm', 'years', assume(8, 'ledger.why.awsExpansionTerm', ['aws.expansion'])),
  input('loanToCost', 'ledger.in.loanToCost', 'percent', assume(0.5, 'ledger.why.loanToCost')),
  input('loanTenor', 'ledger.in.loanTenor', 'years', assume(5, 'ledger.why.loanTenor')),
  input('loanRate', 'ledger.in.loanRate', 'percentPerYear', assume(0.08, 'ledger.why.loanRate')),
  input('ceoCommitments', 'ledger.in.ceoCommitments', 'usdBn', factValue('openai.ceoCommitments')),
  input('ceoGw', 'ledger.in.ceoGw', 'gw', assume(30, 'ledger.why.ceoGw', ['openai.ceoCommitments'])),
  input('computePlan', 'ledger.in.computePlan', 'usdBn', factValue('openai.computePlan2030')),
  input('computePlanEnd', 'ledger.in.computePlanEnd', 'year', assume(2030, 'ledger.why.computePlanEnd', ['openai.computePlan2030'])),
];

/** Value allocated to the row: chips on the GW not hosted by a partner; cloud contracts in full. */
const allocated = (d: Deal) => (d.kind === 'chips' ? '={.value}*({.gw}-{.hosted})/{.gw}' : '={.value}');
/** GW this row pays for: chips less the hosted GW. */
const ownGw = (d: Deal, k: number) => (d.kind === 'chips' ? `(${at(k, 'gw')}-${at(k, 'hosted')})` : at(k, 'gw'));

export const ledger: Table = {
  kind: 'table',
  id: 'ledger',
  title: 'ledger.table.ledger',
  columns: [
    { id: 'label', header: 'ledger.col.counterparty', unit: 'text' },
    { id: 'kind', header: 'ledger.col.kind', unit: 'text' },
    { id: 'status', header: 'ledger.col.status', unit: 'text' },
    { id: 'gw', header: 'ledger.col.gw', unit: 'gw' },
    { id: 'bindingGw', header: 'ledger.col.bindingGw', unit: 'gw' },
    { id: 'hosted', header: 'ledger.col.hosted', unit: 'gw' },
    { id: 'perGw', header: 'ledger.col.perGw', unit: 'usdBnPerGw' },
    { id: 'reported', header: 'ledger.col.reported', unit: 'usdBn' },
    { id: 'value', header: 'ledger.col.value', unit: 'usd' },
    { id: 'basis', header: 'ledger.col.basis', unit: 'text' },
    { id: 'first', header: 'ledger.col.first', unit: 'year' },
    { id: 'offset', header: 'ledger.col.offset', unit: 'years' },
    { id: 'ramp', header: 'ledger.col.ramp', unit: 'years' },
    { id: 'last', header: 'ledger.col.last', unit: 'year' },
    { id: 'weight', header: 'ledger.col.weight', unit: 'probability' },
    { id: 'include', header: 'ledger.col.include', unit: 'flag' },
    { id: 'allocated', header: 'ledger.col.allocated', unit: 'usd' },
    { id: 'expectedShare', header: 'ledger.col.expectedShare', unit: 'percent' },
    { id: 'expected', header: 'ledger.col.expected', unit: 'usd' },
  ],
  rows: DEALS.map((d) => {
    const own = d.kind === 'chips' ? '({.gw}-{.hosted})' : '{.gw}';
    const bound = `MIN({.bindingGw},${own})`;
    return {
      cells: {
        label: { text: d.label },
        kind: { text: d.kindLabel },
        status: { text: d.status },
        gw: d.gw,
        bindingGw: d.bindingGw,
        hosted: d.hosted ?? NA,
        perGw: d.perGw,
        reported: d.reported,
        value: { formula: d.value },
        basis: { text: d.basis },
        first: d.first,
        offset: d.offset,
        ramp: d.ramp,
        last: d.last,
        weight: d.weight,
        include: d.include,
        allocated: { formula: allocated(d) },
        // The expected share of the row's GW: the binding GW, plus the optional GW times the weight.
        expectedShare: { formula: `=IF({.include},(${bound}+{.weight}*(${own}-${bound}))/${own},0)` },
        expected: { formula: '={.allocated}*{.expectedShare}' },
      },
    };
  }),
  totals: { label: 'sheet.total', sum: ['gw', 'bindingGw', 'hosted', 'value', 'allocated', 'expected'] },
};

/** Capacity of deal k online as a share of its GW at time u years after its start: clip(u/ramp). */
const rampShare = (k: number, u: string) => `MIN(1,MAX(0,(${u})/${at(k, 'ramp')}))`;
/** ∫₀ᵘ clip(x/ramp) dx: GW-years per GW from the start to u years after it. */
const rampIntegral = (k: number, u: string) => {
  const r = at(k, 'ramp');
  return `IF((${u})<=0,0,IF((${u})<=${r},(${u})^2/(2*${r}),(${u})-${r}/2))`;
};
/** Years from deal k's start to the end of the year in `yearCell` (+1) or to its beginning (+0). */
const sinceStart = (k: number, yearCell: string, plus: 0 | 1) => `${yearCell}${plus ? '+1' : ''}-${at(k, 'first')}-${at(k, 'offset')}`;
const inUse = (d: Deal, k: number, yearCell: string, expr: string) => (d.kind === 'cloud' ? `IF(${yearCell}<=${at(k, 'last')},${expr},0)` : expr);

/** GW of deal k online at the end of the year (chips: the GW it pays for; cloud: until its last year). */
const onlineGw = (d: Deal, k: number, yearCell: string) => inUse(d, k, yearCell, `${ownGw(d, k)}*${rampShare(k, sinceStart(k, yearCell, 1))}`);
/** GW-years of deal k in use during the year. */
const gwYearsInYear = (d: Deal, k: number, yearCell: string) =>
  inUse(d, k, yearCell, `${ownGw(d, k)}*(${rampIntegral(k, sinceStart(k, yearCell, 1))}-${rampIntegral(k, sinceStart(k, yearCell, 0))})`);
/** Chips of deal k delivered in the year, capped at `capGw` (the binding GW) when given, in USD. */
const chipsDelivered = (k: number, yearCell: string, capGw?: string) => {
  const online = (plus: 0 | 1) => `${ownGw(DEALS[k - 1], k)}*${rampShare(k, sinceStart(k, yearCell, plus))}`;
  const capped = (plus: 0 | 1) => (capGw ? `MIN(${capGw},${online(plus)})` : online(plus));
  return `${at(k, 'value')}/${at(k, 'gw')}*(${capped(1)}-${capped(0)})`;
};

const yearColumn: TableColumn = { id: 'year', header: 'ledger.col.year', unit: 'year', formula: '={scheduleStart}+{#}-1' };
const yearRows = Array.from({ length: SCHEDULE_YEARS }, () => ({ cells: {} }));
const dealIds = DEALS.map((d) => d.id);

function perDealTable(id: string, title: MessageKey, unit: TableColumn['unit'], cell: (d: Deal, k: number) => string, totalHeader: MessageKey, sumTotals: boolean): Table {
  return {
    kind: 'table',
    id,
    title,
    columns: [
      yearColumn,
      ...DEALS.map((d, i): TableColumn => ({ id: d.id, header: d.label, unit, formula: `=${cell(d, i + 1)}` })),
      { id: 'total', header: totalHeader, unit, formula: `=SUM({.${dealIds[0]}}:{.${dealIds[dealIds.length - 1]}})` },
    ],
    rows: yearRows,
    ...(sumTotals ? { totals: { label: 'sheet.total' as MessageKey, sum: [...dealIds, 'total'] } } : {}),
  };
}

/** GW online at the end of each year, per deal (whole deal, unweighted). */
export const online = perDealTable('online', 'ledger.table.online', 'gwAtYearEnd', (d, k) => onlineGw(d, k, '{.year}'), 'ledger.col.allDeals', false);

/** GW-years in use during each year, per deal (whole deal, unweighted). */
export const gwYears = perDealTable('gwYears', 'ledger.table.gwYears', 'gwYears', (d, k) => gwYearsInYear(d, k, '{.year}'), 'ledger.col.allDeals', true);

/** Money each deal asks for in full (unweighted): cloud per GW-year in use, chips as capex at delivery. */
export const paid = perDealTable(
  'paid',
  'ledger.table.paid',
  'usd',
  (d, k) => (d.kind === 'cloud' ? `${at(k, 'allocated')}*{gwYears.${d.id}@}/SUM({gwYears.${d.id}})` : chipsDelivered(k, '{.year}')),
  'ledger.col.allDeals',
  true,
);

/** The binding part of each deal's money (unweighted): chips up to the binding GW, cloud in proportion to its binding GW. */
export const bound = perDealTable(
  'bound',
  'ledger.table.bound',
  'usd',
  (d, k) => (d.kind === 'cloud' ? `{paid.${d.id}@}*${at(k, 'bindingGw')}/${at(k, 'gw')}` : chipsDelivered(k, '{.year}', at(k, 'bindingGw'))),
  'ledger.col.allDeals',
  true,
);

/** The expected money per deal before financing: include × (binding + weight × optional part). */
export const expected = perDealTable(
  'expected',
  'ledger.table.expected',
  'usd',
  (d, k) => `IF(${at(k, 'include')},{bound.${d.id}@}+${at(k, 'weight')}*({paid.${d.id}@}-{bound.${d.id}@}),0)`,
  'ledger.col.allDeals',
  true,
);

const sumOf = (table: string, kind: Kind, included = false) =>
  DEALS.map((d, i) => ({ d, k: i + 1 }))
    .filter(({ d }) => d.kind === kind)
    .map(({ d, k }) => (included ? `IF(${at(k, 'include')},{${table}.${d.id}@},0)` : `{${table}.${d.id}@}`))
    .join('+');

/** Loan service in the year: interest on the balance outstanding at its start, and straight-line repayment, of loans drawn at delivery. */
const repayment = (capex: string) => `{loanToCost}/{loanTenor}*SUMPRODUCT(${capex}*({schedule.year}<{.year})*({schedule.year}>={.year}-{loanTenor}))`;
const interest = (capex: string) =>
  `{loanRate}*{loanToCost}*SUMPRODUCT(${capex}*({schedule.year}<{.year})*({schedule.year}>={.year}-{loanTenor})*(1-({.year}-{schedule.year}-1)/{loanTenor}))`;
const weighted = (table: string) => DEALS.map((d, i) => `{${table}.${d.id}@}*${at(i + 1, 'expectedShare')}`).join('+');

/**
 * Year by year (2025…2035): the expected ledger's money (`total`: chips' cash at delivery, their
 * loan interest and repayment, cloud contracts), the binding deals' money (`binding`, unweighted,
 * with the same financing), and the expected GW online and GW-years in use.
 */
export const schedule: Table = {
  kind: 'table',
  id: 'schedule',
  title: 'ledger.table.schedule',
  columns: [
    yearColumn,
    { id: 'chips', header: 'ledger.col.chips', unit: 'usd', formula: `=${sumOf('expected', 'chips')}` },
    { id: 'chipsCash', header: 'ledger.col.chipsCash', unit: 'usd', formula: '=(1-{loanToCost})*{.chips}' },
    { id: 'interest', header: 'ledger.col.interest', unit: 'usd', formula: `=${interest('{schedule.chips}')}` },
    { id: 'repayment', header: 'ledger.col.repayment', unit: 'usd', formula: `=${repayment('{schedule.chips}')}` },
    { id: 'cloud', header: 'ledger.col.cloud', unit: 'usd', formula: `=${sumOf('expected', 'cloud')}` },
    { id: 'total', header: 'ledger.col.due', unit: 'usd', formula: '={.chipsCash}+{.interest}+{.repayment}+{.cloud}' },
    { id: 'bindingChips', header: 'ledger.col.bindingChips', unit: 'usd', formula: `=${sumOf('bound', 'chips', true)}` },
    {
      id: 'binding',
      header: 'ledger.col.binding',
      unit: 'usd',
      formula: `=(1-{loanToCost})*{.bindingChips}+${interest('{schedule.bindingChips}')}+${repayment('{schedule.bindingChips}')}+${sumOf('bound', 'cloud', true)}`,
    },
    { id: 'gwOnline', header: 'ledger.col.gwOnline', unit: 'gwAtYearEnd', formula: `=${weighted('online')}` },
    { id: 'gwYears', header: 'ledger.col.gwYears', unit: 'gwYears', formula: `=${weighted('gwYears')}` },
  ],
  rows: yearRows,
  totals: { label: 'sheet.total', sum: ['chips', 'chipsCash', 'interest', 'repayment', 'cloud', 'total', 'bindingChips', 'binding', 'gwYears'] },
};

/** Every per-year table of the ledger, in the order a sheet shows them. */
export const ledgerTables: readonly Table[] = [online, gwYears, paid, bound, expected, schedule];

/** The included deals' headline total: the commitments total of every sheet that holds the ledger. */
export const COMMITMENTS_TOTAL = '=SUMIF({ledger.include},TRUE,{ledger.value})';

/** A calculation row with the commitments total (full USD). */
export const commitmentsTotal = (id: string): CalcRow => calc(id, 'ledger.calc.commitmentsTotal', 'usd', COMMITMENTS_TOTAL, 'ledger.note.commitmentsTotal');

/**
 * The ledger's totals as calculation rows (full USD), with these ids on every sheet: headline
 * (included headline values), binding (binding money paid, with its financing), expected (expected
 * money paid, with financing), and expected money paid from the schedule's start to the end of the
 * compute plan's year (to set beside OpenAI's ~USD 600 bn through 2030).
 */
export const ledgerTotals: readonly CalcRow[] = [
  calc('ledgerHeadline', 'ledger.calc.headline', 'usd', COMMITMENTS_TOTAL, 'ledger.note.headline'),
  calc('ledgerBinding', 'ledger.calc.binding', 'usd', '={schedule.binding.total}', 'ledger.note.binding'),
  calc('ledgerExpected', 'ledger.calc.expected', 'usd', '={schedule.total.total}', 'ledger.note.expected'),
  calc('ledgerExpectedThrough2030', 'ledger.calc.expectedThroughPlan', 'usd', '=SUMPRODUCT(({schedule.year}<={computePlanEnd})*{schedule.total})', 'ledger.note.expectedThroughPlan'),
];

/** Checks every sheet with the ledger carries. */
export const ledgerChecks = (totalId: string) =>
  [
    {
      id: 'ledgerYears',
      label: 'ledger.check.years' as MessageKey,
      formula: `=AND(SUMPRODUCT(({ledger.first}>{ledger.last})*1)=0,MIN({ledger.first})>={scheduleStart},MAX({ledger.last})<={schedule.year.last},${DEALS.map((d, i) => ({ d, k: i + 1 })).filter(({ d }) => d.kind === 'chips').map(({ k }) => `${at(k, 'last')}+{loanTenor}<={schedule.year.last}`).join(',')})`,
    },
    { id: 'ledgerRows', label: 'ledger.check.rows' as MessageKey, formula: '=AND(MIN({ledger.ramp})>0,SUMPRODUCT(({ledger.bindingGw}>{ledger.gw})*1)=0,MIN({ledger.weight})>=0,MAX({ledger.weight})<=1)' },
    { id: 'ledgerPaid', label: 'ledger.check.paid' as MessageKey, formula: '=AND(ABS({paid.total.total}-{ledger.allocated.total})<1,ABS({expected.total.total}-{ledger.expected.total})<1)' },
    {
      id: 'ledgerCapacity',
      label: 'ledger.check.capacity' as MessageKey,
      formula: `=AND(${DEALS.map((d) => `SUMPRODUCT(({paid.${d.id}}>0)*({gwYears.${d.id}}+{online.${d.id}}=0))=0`).join(',')})`,
    },
    { id: 'ledgerLoans', label: 'ledger.check.loans' as MessageKey, formula: '=ABS({schedule.repayment.total}-{loanToCost}*{schedule.chips.total})<1' },
    { id: 'ledgerSchedule', label: 'ledger.check.schedule' as MessageKey, formula: `=AND({schedule.binding.total}<={schedule.total.total}+1,{ledger.expected.total}<={${totalId}}+1)` },
  ] as const;
