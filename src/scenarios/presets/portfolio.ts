/**
 * [portfolio] The commitments ledger: every compute commitment of OpenAI in one table (kind,
 * status, GW, cost basis, value, years, include flag), its schedule 2025…2033, and what the
 * vendors give back, with vendor financing (cash in for OpenAI shares) and price concessions (the
 * AMD warrant at the AMD sheet's tranche value) in separate columns; where deals overlap, and the
 * chief executive's USD 1.4 tn beside the ledger's total.
 */
import type { MessageKey } from '../../i18n';
import { calc, check, factValue, input, InputRow, output, Scenario, Table, TableCell, TableRow } from '../types';
import type { CalcItem, CalcRow } from '../types';
import { amd } from './amd';
import { ALL_IN_PER_GW } from './shared';
import { COMMITMENTS_TOTAL, DEAL_LABELS, dealRow, ledger, ledgerChecks, ledgerInputs, ledgerTables, ledgerTotals } from './ledger';

/**
 * The AMD sheet's tranche position, reused from its definition: its tranche terms and the value
 * column of its tranche table, with every input and calculation row those formulas refer to, so
 * `PORT_WarrantValue` is the AMD sheet's `AMD_TrancheValueTotal` by construction.
 */
function amdTranchePosition(): { inputs: Array<InputRow | Table>; calculations: CalcItem[] } {
  const tranches = amd.calculations.find((item): item is Table => item.kind === 'table' && item.id === 'tranches');
  const terms = amd.inputs.find((item): item is Table => item.kind === 'table' && item.id === 'terms');
  if (!tranches || !terms) throw new Error('the AMD preset no longer has its tranche tables');
  const position: Table = {
    ...tranches,
    title: 'portfolio.table.amdTranches',
    columns: tranches.columns.filter((c) => ['label', 'shares', 'value'].includes(c.id)),
    totals: { label: 'sheet.total', sum: ['shares', 'value'] },
  };
  const formulas = (table: Table): string[] => [
    ...table.columns.flatMap((c) => [c.formula, c.spill].filter((f): f is string => f !== undefined)),
    ...table.rows.flatMap((r) => Object.values(r.cells).flatMap((cell) => (typeof cell === 'object' && 'formula' in cell ? [cell.formula] : []))),
  ];
  const scalars = new Map<string, InputRow | CalcRow>();
  for (const item of [...amd.inputs, ...amd.calculations]) if (item.kind === 'input' || item.kind === 'calc') scalars.set(item.id, item);
  const needed = new Set<string>();
  const visit = (formula: string) => {
    for (const [, token] of formula.matchAll(/\{([A-Za-z]\w*)[^{}]*\}/g)) {
      const row = scalars.get(token);
      if (row && !needed.has(token)) {
        needed.add(token);
        if (row.kind === 'calc') visit(row.formula);
      }
    }
  };
  [...formulas(position), ...formulas(terms)].forEach(visit);
  const pick = <T extends { id: string }>(items: readonly T[]) => items.filter((item) => needed.has(item.id));
  return {
    inputs: [...pick(amd.inputs.filter((i): i is InputRow => i.kind === 'input')), terms],
    calculations: [...pick(amd.calculations.filter((c): c is CalcRow => c.kind === 'calc')), position],
  };
}

const position = amdTranchePosition();

const NA: TableCell = { text: 'sheet.na' };
const included = (k: number, amount: string) => `IF(INDEX({ledger.include},${k}),${amount},0)`;

interface Flows {
  readonly financing?: string;
  readonly concession?: string;
  readonly allIn?: string;
  readonly overlap: MessageKey;
}

const CHIPS_ALL_IN = (k: number) => included(k, `INDEX({ledger.gw},${k})*{allInPerGw}*10^9`);

const FLOWS: Readonly<Record<string, Flows>> = {
  // Nvidia's equity investment replaced the letter of intent: financing, no longer tied to purchases.
  nvidia: { financing: '{nvidiaInvestment}*10^9', allIn: CHIPS_ALL_IN(dealRow('nvidia')), overlap: 'portfolio.overlap.nvidia' },
  amd: { concession: included(dealRow('amd'), '{warrantValue}'), allIn: CHIPS_ALL_IN(dealRow('amd')), overlap: 'portfolio.overlap.chips' },
  oracle: { overlap: 'portfolio.overlap.cloud' },
  broadcom: { allIn: CHIPS_ALL_IN(dealRow('broadcom')), overlap: 'portfolio.overlap.chips' },
  microsoft: { overlap: 'portfolio.overlap.cloud' },
  aws: { overlap: 'portfolio.overlap.aws' },
  awsExpansion: { overlap: 'portfolio.overlap.cloud' },
  coreweave: { overlap: 'portfolio.overlap.cloud' },
  cerebras: { overlap: 'portfolio.overlap.cerebras' },
};

const moneyRows: TableRow[] = DEAL_LABELS.map(({ id }, i) => {
  const flows = FLOWS[id];
  const k = i + 1;
  return {
    cells: {
      value: { formula: `=${included(k, `INDEX({ledger.value},${k})`)}` },
      financing: flows.financing ? { formula: `=${flows.financing}` } : NA,
      concession: flows.concession ? { formula: `=${flows.concession}` } : NA,
      netPrice: { formula: flows.concession ? '={.value}-{.concession}' : '={.value}' },
      allIn: { formula: flows.allIn ? `=${flows.allIn}` : '={.value}' },
      overlap: { text: flows.overlap },
    },
  };
});

const money: Table = {
  kind: 'table',
  id: 'money',
  title: 'portfolio.table.money',
  columns: [
    { id: 'label', header: 'ledger.col.counterparty', unit: 'text', formula: '={ledger.label@}' },
    { id: 'value', header: 'portfolio.col.includedValue', unit: 'usd' },
    { id: 'financing', header: 'portfolio.col.financing', unit: 'usd' },
    { id: 'concession', header: 'portfolio.col.concession', unit: 'usd' },
    { id: 'netPrice', header: 'portfolio.col.netPrice', unit: 'usd' },
    { id: 'allIn', header: 'portfolio.col.allIn', unit: 'usd' },
    { id: 'overlap', header: 'portfolio.col.overlap', unit: 'text' },
  ],
  rows: moneyRows,
  totals: { label: 'sheet.total', sum: ['value', 'financing', 'concession', 'netPrice', 'allIn'] },
};

export const portfolio: Scenario = {
  id: 'portfolio',
  namePrefix: 'PORT',
  sheetName: 'portfolio.sheet',
  title: 'portfolio.title',
  summary: 'portfolio.summary',
  description: 'portfolio.description',
  inputs: [
    ...ledgerInputs,
    ledger,
    input('nvidiaInvestment', 'portfolio.in.nvidiaInvestment', 'usdBn', factValue('nvidia.equityReplacesLoi')),
    input('allInPerGw', 'portfolio.in.allInPerGw', 'usdBnPerGw', ALL_IN_PER_GW),
    ...position.inputs,
  ],
  calculations: [
    ...position.calculations,
    calc('warrantValue', 'portfolio.calc.warrantValue', 'usd', '={tranches.value.total}', 'portfolio.note.warrantValue'),
    ...ledgerTotals,
    ...ledgerTables,
    money,
  ],
  outputs: [
    output('commitments', 'PORT_CommitmentsTotal', 'portfolio.out.commitments', 'usd', COMMITMENTS_TOTAL),
    output('allDeals', 'PORT_AllDealsValue', 'portfolio.out.allDeals', 'usd', '={ledger.value.total}'),
    output('gw', 'PORT_IncludedGw', 'portfolio.out.gw', 'gw', '=SUMIF({ledger.include},TRUE,{ledger.gw})'),
    output('peakDue', 'PORT_PeakYearDue', 'portfolio.out.peakDue', 'usdPerYear', '=MAX({schedule.total})'),
    output('peakYear', 'PORT_PeakYear', 'portfolio.out.peakYear', 'year', '=INDEX({schedule.year},MATCH(MAX({schedule.total}),{schedule.total},0))'),
    output('warrant', 'PORT_WarrantValue', 'portfolio.out.warrant', 'usd', '={warrantValue}'),
    output('financing', 'PORT_VendorFinancing', 'portfolio.out.financing', 'usd', '={money.financing.total}'),
    output('concessions', 'PORT_PriceConcessions', 'portfolio.out.concessions', 'usd', '={money.concession.total}'),
    output('netPrice', 'PORT_NetPrice', 'portfolio.out.netPrice', 'usd', '={money.netPrice.total}'),
    output('allIn', 'PORT_AllInEquivalent', 'portfolio.out.allIn', 'usd', '={money.allIn.total}'),
    output('ceo', 'PORT_CeoCommitments', 'portfolio.out.ceo', 'usd', '={ceoCommitments}*10^9'),
    output('toCeo', 'PORT_LedgerToCeo', 'portfolio.out.toCeo', 'percent', '={commitments}/{ceo}'),
    output('allInToCeo', 'PORT_AllInToCeo', 'portfolio.out.allInToCeo', 'percent', '={allIn}/{ceo}'),
    output('bindingPaid', 'PORT_BindingTotal', 'portfolio.out.binding', 'usd', '={ledgerBinding}'),
    output('expectedPaid', 'PORT_ExpectedTotal', 'portfolio.out.expected', 'usd', '={ledgerExpected}'),
    output('headlineGw', 'PORT_HeadlineGw', 'portfolio.out.headlineGw', 'gw', '=SUMIF({ledger.include},TRUE,{ledger.gw})-SUMIF({ledger.include},TRUE,{ledger.hosted})'),
    output('gwToCeo', 'PORT_HeadlineGwToCeo', 'portfolio.out.gwToCeo', 'percent', '={headlineGw}/{ceoGw}'),
    output('expectedGw', 'PORT_ExpectedGwOnline2030', 'portfolio.out.expectedGw', 'gw', '=INDEX({schedule.gwOnline},MATCH({computePlanEnd},{schedule.year},0))'),
    output('throughPlan', 'PORT_ExpectedThrough2030', 'portfolio.out.throughPlan', 'usd', '={ledgerExpectedThrough2030}'),
    output('toPlan', 'PORT_ExpectedToComputePlan', 'portfolio.out.toPlan', 'percent', '={throughPlan}/({computePlan}*10^9)'),
  ],
  checks: [
    ...ledgerChecks('commitments').map((c) => check(c.id, c.label, c.formula)),
    check('includedValue', 'portfolio.check.includedValue', '=ABS({money.value.total}-{commitments})<1'),
    check('netPrice', 'portfolio.check.netPrice', '=ABS({money.netPrice.total}+{money.concession.total}-{commitments})<1'),
    check('concession', 'portfolio.check.concession', '=AND({concessions}>=0,{concessions}<={commitments})'),
    check('allIn', 'portfolio.check.allIn', '={allIn}>={commitments}-1'),
  ],
  charts: [
    {
      id: 'schedule',
      type: 'columnStacked',
      title: 'portfolio.chart.schedule',
      categories: '{expected.year}',
      series: DEAL_LABELS.map(({ id, label }) => ({ name: label, values: `{expected.${id}}` })),
      xAxis: 'chart.yearAxis',
      yAxis: 'chart.usdBnPerYearAxis',
      valueUnit: 'usd',
    },
    {
      id: 'money',
      type: 'columnClustered',
      title: 'portfolio.chart.money',
      categories: '{money.label}',
      series: [
        { name: 'portfolio.col.includedValue', values: '{money.value}' },
        { name: 'portfolio.col.financing', values: '{money.financing}' },
        { name: 'portfolio.col.concession', values: '{money.concession}' },
        { name: 'portfolio.col.allIn', values: '{money.allIn}' },
      ],
      xAxis: 'ledger.col.counterparty',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
