/**
 * [nvidia] Nvidia–OpenAI, circular investment: the letter of intent of September 2025, under which
 * Nvidia would invest up to USD 100 bn in OpenAI, about USD 10 bn for each of at least 10 GW
 * deployed, while each GW needs about USD 35 bn of Nvidia hardware. It was replaced by a USD 30 bn
 * equity investment (status on the ledger: replaced); the sheet keeps the letter's circular flow
 * GW by GW (round-trip share, OpenAI's cash need, Nvidia's gross profit less its investment with an assumed gross margin)
 * and takes the GW, the cost per GW, the years and the yearly amounts from the ledger's Nvidia row.
 */
import { factNumber } from '../facts';
import { assume, calc, check, factValue, input, output, Scenario, Table } from '../types';
import { dealCell, ledger, ledgerChecks, ledgerInputs, ledgerTables, ledgerTotals, SCHEDULE_YEARS } from './ledger';
import { ALL_IN_PER_GW } from './shared';

const row = (column: string) => dealCell('nvidia', column);

/** Time (a decimal year) at which the ledger's ramp has delivered the row's GW. */
const DONE_AT = `(${row('first')}+${row('offset')}+{#}*${row('ramp')}/{capacity})`;

const perGw: Table = {
  kind: 'table',
  id: 'perGw',
  title: 'nvidia.table.perGw',
  columns: [
    { id: 'label', header: 'nvidia.col.gw', unit: 'text' },
    // The year the ledger's linear ramp completes this GW at time t: the first year ending at or after t, ⌈t⌉ − 1 (t ≥ 0, so INT floors).
    { id: 'year', header: 'nvidia.col.year', unit: 'year', formula: `=INT(${DONE_AT})-IF(${DONE_AT}=INT(${DONE_AT}),1,0)` },
    { id: 'investment', header: 'nvidia.col.investment', unit: 'usd', formula: '={investmentPerGw}*10^9' },
    { id: 'hardware', header: 'nvidia.col.hardware', unit: 'usd', formula: '={hardwarePerGw}*10^9' },
    { id: 'other', header: 'nvidia.col.other', unit: 'usd', formula: '=({allInPerGw}-{hardwarePerGw})*10^9' },
    { id: 'cumInvestment', header: 'nvidia.col.cumInvestment', unit: 'usd', formula: '=SUM({perGw.investment.first}:{.investment})' },
    { id: 'cumHardware', header: 'nvidia.col.cumHardware', unit: 'usd', formula: '=SUM({perGw.hardware.first}:{.hardware})' },
    {
      id: 'roundTrip',
      header: 'nvidia.col.roundTrip',
      unit: 'percent',
      spill: '=DEALS.CIRCULARFLOW({perGw.investment},{perGw.hardware},{grossMargin},,"roundTripShare",TRUE)',
    },
    {
      id: 'cashNeed',
      header: 'nvidia.col.cashNeed',
      unit: 'usd',
      spill: '=DEALS.CIRCULARFLOW({perGw.investment},{perGw.hardware},{grossMargin},,"customerCashNeed",TRUE)',
    },
    {
      // CIRCULARFLOW's metric "vendorNetCash" is gross profit less investment, not cash: the column says what it is.
      id: 'vendorGrossProfitNet',
      header: 'nvidia.col.vendorGrossProfitNet',
      unit: 'usd',
      spill: '=DEALS.CIRCULARFLOW({perGw.investment},{perGw.hardware},{grossMargin},,"vendorNetCash",TRUE)',
    },
    { id: 'allInNeed', header: 'nvidia.col.allInNeed', unit: 'usd', formula: '={.cashNeed}+SUM({perGw.other.first}:{.other})' },
  ],
  // One row per GW of the announced minimum capacity.
  rows: Array.from({ length: factNumber('nvidia.capacity') }, (_, k) => ({
    cells: { label: { text: { key: 'nvidia.row.gw', params: { n: k + 1 } } } },
  })),
  totals: { label: 'sheet.total', sum: ['investment', 'hardware', 'other'] },
};

/** The ledger's Nvidia row year by year: what the letter of intent would have asked, and what the expected ledger keeps. */
const byYear: Table = {
  kind: 'table',
  id: 'byYear',
  title: 'nvidia.table.byYear',
  columns: [
    { id: 'year', header: 'nvidia.col.year', unit: 'year', formula: '={schedule.year@}' },
    { id: 'gw', header: 'nvidia.col.gwDelivered', unit: 'gw', formula: '={paid.nvidia@}/({hardwarePerGw}*10^9)' },
    { id: 'hardware', header: 'nvidia.col.hardware', unit: 'usdPerYear', formula: '={paid.nvidia@}' },
    { id: 'investment', header: 'nvidia.col.investment', unit: 'usdPerYear', formula: '={.gw}*{investmentPerGw}*10^9' },
    { id: 'expected', header: 'nvidia.col.expected', unit: 'usdPerYear', formula: '={expected.nvidia@}' },
  ],
  rows: Array.from({ length: SCHEDULE_YEARS }, () => ({ cells: {} })),
  totals: { label: 'sheet.total', sum: ['gw', 'hardware', 'investment', 'expected'] },
};

export const nvidia: Scenario = {
  id: 'nvidia',
  namePrefix: 'NVDA',
  sheetName: 'nvidia.sheet',
  title: 'nvidia.title',
  summary: 'nvidia.summary',
  description: {
    key: 'nvidia.description',
    params: { perGw: { fact: 'nvidia.investmentPerGw' }, hardwarePerGw: { fact: 'nvidia.hardwarePerGw' }, equity: { fact: 'nvidia.equityReplacesLoi' } },
  },
  inputs: [
    ...ledgerInputs,
    ledger,
    input('investmentMax', 'nvidia.in.investmentMax', 'usdBn', factValue('nvidia.investmentMax')),
    input('investmentPerGw', 'nvidia.in.investmentPerGw', 'usdBnPerGw', factValue('nvidia.investmentPerGw')),
    input('equityInvestment', 'nvidia.in.equityInvestment', 'usdBn', factValue('nvidia.equityReplacesLoi')),
    input('allInPerGw', 'nvidia.in.allInPerGw', 'usdBnPerGw', ALL_IN_PER_GW),
    input('nvidiaAllInPerGw', 'nvidia.in.nvidiaAllInPerGw', 'usdBnPerGw', factValue('nvidia.allInCostPerGw', 0)),
    input('grossMargin', 'nvidia.in.grossMargin', 'percent', assume(0.75, 'nvidia.why.grossMargin')),
    input('firstYearGw', 'nvidia.in.gwOnline2026', 'gw', assume(1, 'nvidia.why.gwOnline2026', ['nvidia.firstGw'])),
  ],
  calculations: [
    calc('status', 'nvidia.calc.status', 'text', `=${row('status')}`, 'nvidia.note.fromLedger'),
    calc('capacity', 'nvidia.calc.capacity', 'gw', `=${row('gw')}`, 'nvidia.note.fromLedger'),
    calc('hardwarePerGw', 'nvidia.calc.hardwarePerGw', 'usdBnPerGw', `=${row('perGw')}`, 'nvidia.note.fromLedger'),
    calc('firstYear', 'nvidia.calc.firstYear', 'year', `=${row('first')}`, 'nvidia.note.fromLedger'),
    calc('lastYear', 'nvidia.calc.lastYear', 'year', `=${row('last')}`, 'nvidia.note.fromLedger'),
    ...ledgerTotals,
    ...ledgerTables,
    perGw,
    byYear,
  ],
  outputs: [
    output('totalInvestment', 'NVDA_TotalInvestment', 'nvidia.out.totalInvestment', 'usd', '={perGw.investment.total}'),
    output('totalHardware', 'NVDA_TotalHardware', 'nvidia.out.totalHardware', 'usd', '={perGw.hardware.total}'),
    output('allInCost', 'NVDA_AllInCost', 'nvidia.out.allInCost', 'usd', '={perGw.hardware.total}+{perGw.other.total}'),
    output('roundTrip', 'NVDA_RoundTripShare', 'nvidia.out.roundTrip', 'percent', '=DEALS.CIRCULARFLOW({totalInvestment},{totalHardware},{grossMargin},,"roundTripShare")'),
    output('cashNeed', 'NVDA_CustomerCashNeed', 'nvidia.out.cashNeed', 'usd', '=DEALS.CIRCULARFLOW({totalInvestment},{totalHardware},{grossMargin},,"customerCashNeed")'),
    output('vendorGrossProfitNet', 'NVDA_VendorGrossProfitLessInvestment', 'nvidia.out.vendorGrossProfitNet', 'usd', '=DEALS.CIRCULARFLOW({totalInvestment},{totalHardware},{grossMargin},,"vendorNetCash")'),
    output('allInNeed', 'NVDA_AllInCashNeed', 'nvidia.out.allInNeed', 'usd', '={perGw.allInNeed.last}'),
    output('allInCostNvidia', 'NVDA_AllInCostAtNvidiaFigure', 'nvidia.out.allInCostNvidia', 'usd', '={capacity}*{nvidiaAllInPerGw}*10^9'),
    output('investmentShare', 'NVDA_InvestmentShareOfAllIn', 'nvidia.out.investmentShare', 'percent', '={totalInvestment}/{allInCost}'),
    output('gwOnline2026', 'NVDA_GWOnline2026', 'nvidia.out.gwOnline2026', 'gw', '={firstYearGw}'),
    output('completion', 'NVDA_CompletionYear', 'nvidia.out.completion', 'year', '={perGw.year.last}'),
    output('expectedPurchases', 'NVDA_ExpectedPurchases', 'nvidia.out.expectedPurchases', 'usd', '={byYear.expected.total}'),
    output('equity', 'NVDA_EquityInvestment', 'nvidia.out.equity', 'usd', '={equityInvestment}*10^9'),
  ],
  checks: [
    ...ledgerChecks('ledgerHeadline').map((c) => check(c.id, c.label, c.formula)),
    check('cap', 'nvidia.check.cap', '=ABS({totalInvestment}-{investmentMax}*10^9)<1'),
    check('rows', 'nvidia.check.rows', '=ROWS({perGw.investment})={capacity}'),
    check('ledger', 'nvidia.check.ledger', `=AND(ABS({totalHardware}-${row('value')})<1,ABS({byYear.hardware.total}-${row('value')})<1,{completion}={lastYear},{perGw.year.first}>={firstYear})`),
    check('hardwareWithinAllIn', 'nvidia.check.hardwareWithinAllIn', '={hardwarePerGw}<={allInPerGw}'),
    check('margin', 'nvidia.check.margin', '=AND({grossMargin}>=0,{grossMargin}<=1)'),
    check('roundTripLast', 'nvidia.check.roundTripLast', '=ABS({perGw.roundTrip.last}-{roundTrip})<0.000001'),
    check('cashNeed', 'nvidia.check.cashNeed', '=ABS({cashNeed}-({totalHardware}-{totalInvestment}))<1'),
    // The per-GW table's years come from the ledger's ramp; the facts name 2026, the ledger's first year.
    check('gwOnline2026', 'nvidia.check.gwOnline2026', '=COUNTIF({perGw.year},{firstYear})={firstYearGw}'),
  ],
  charts: [
    {
      id: 'flows',
      type: 'line',
      title: 'nvidia.chart.flows',
      categories: '{perGw.label}',
      series: [
        { name: 'nvidia.col.cumInvestment', values: '{perGw.cumInvestment}' },
        { name: 'nvidia.col.cumHardware', values: '{perGw.cumHardware}' },
        { name: 'nvidia.col.cashNeed', values: '{perGw.cashNeed}' },
        { name: 'nvidia.col.vendorGrossProfitNet', values: '{perGw.vendorGrossProfitNet}' },
      ],
      xAxis: 'nvidia.chart.gwAxis',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
