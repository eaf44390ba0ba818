/**
 * [portfolio] OpenAI's 2025 compute deals side by side: counterparty, GW, value, how each is paid
 * for (OpenAI's cash, vendor investment, warrants) and timing; the totals (about a trillion
 * dollars) and a chart.
 */
import { assume, check, factValue, input, output, Scenario, Table, TableCell, Text } from '../types';
import { BROADCOM_COST_PER_GW } from './shared';

const NA: TableCell = { text: 'sheet.na' };
const headline = (included: boolean): TableCell => assume(included, 'portfolio.why.headline');
const REPORTED = '={deals.reported@}*10^9';
const BY_GW = '={deals.gw@}*{deals.perGw@}*10^9';

interface Deal {
  readonly label: Text;
  readonly gw: TableCell;
  readonly perGw: TableCell;
  readonly reported: TableCell;
  readonly inHeadline: boolean;
  readonly value: string;
  readonly vendor: TableCell;
  readonly warrants: TableCell;
  readonly cash: string;
  readonly paidWith: Text;
  readonly timing: Text;
}

const DEALS: readonly Deal[] = [
  {
    label: 'portfolio.deal.oracle',
    gw: factValue('oracle.capacity'),
    perGw: NA,
    reported: factValue('oracle.contractValue'),
    inHeadline: true,
    value: REPORTED,
    vendor: NA,
    warrants: NA,
    cash: '={.value}',
    paidWith: 'portfolio.paid.cloudContract',
    timing: { key: 'portfolio.timing.oracle', params: { start: { fact: 'oracle.startYear' }, term: { fact: 'oracle.term' } } },
  },
  {
    label: 'portfolio.deal.nvidia',
    gw: factValue('nvidia.capacity'),
    perGw: factValue('nvidia.hardwarePerGw'),
    reported: factValue('nvidia.investmentMax'),
    inHeadline: true,
    value: BY_GW,
    vendor: { formula: REPORTED },
    warrants: NA,
    cash: '={.value}-{.vendor}',
    paidWith: 'portfolio.paid.vendorInvestment',
    timing: { key: 'portfolio.timing.firstGw', params: { first: { fact: 'nvidia.firstGw' } } },
  },
  {
    label: 'portfolio.deal.amd',
    gw: factValue('amd.fullVestingGw'),
    perGw: factValue('amd.revenuePerGw'),
    reported: NA,
    inHeadline: true,
    value: BY_GW,
    vendor: NA,
    warrants: { formula: '=DEALS.WARRANTVALUE({amdShares},{amdStrike},{amdTarget})' },
    cash: '={.value}-{.warrants}',
    paidWith: 'portfolio.paid.warrants',
    timing: { key: 'portfolio.timing.firstGw', params: { first: { fact: 'amd.firstDeployment' } } },
  },
  {
    label: 'portfolio.deal.broadcom',
    gw: factValue('broadcom.capacity'),
    perGw: BROADCOM_COST_PER_GW,
    reported: NA,
    inHeadline: true,
    value: BY_GW,
    vendor: NA,
    warrants: NA,
    cash: '={.value}',
    paidWith: 'portfolio.paid.cash',
    timing: { key: 'portfolio.timing.window', params: { window: { fact: 'broadcom.window' } } },
  },
  {
    label: 'portfolio.deal.microsoft',
    gw: NA,
    perGw: NA,
    reported: factValue('microsoft.azureCommitment'),
    inHeadline: false,
    value: REPORTED,
    vendor: NA,
    warrants: NA,
    cash: '={.value}',
    paidWith: 'portfolio.paid.cloudContract',
    timing: 'portfolio.timing.microsoft',
  },
  {
    label: 'portfolio.deal.aws',
    gw: NA,
    perGw: NA,
    reported: factValue('aws.contractValue'),
    inHeadline: false,
    value: REPORTED,
    vendor: NA,
    warrants: NA,
    cash: '={.value}',
    paidWith: 'portfolio.paid.cloudContract',
    timing: 'portfolio.timing.aws',
  },
  {
    label: 'portfolio.deal.coreweave',
    gw: NA,
    perGw: NA,
    reported: factValue('coreweave.totalValue'),
    inHeadline: true,
    value: REPORTED,
    vendor: NA,
    warrants: NA,
    cash: '={.value}',
    paidWith: 'portfolio.paid.cloudContract',
    timing: 'portfolio.timing.coreweave',
  },
];

const deals: Table = {
  kind: 'table',
  id: 'deals',
  title: 'portfolio.table.deals',
  columns: [
    { id: 'label', header: 'portfolio.col.counterparty', unit: 'text' },
    { id: 'gw', header: 'portfolio.col.gw', unit: 'gw' },
    { id: 'perGw', header: 'portfolio.col.perGw', unit: 'usdBnPerGw' },
    { id: 'reported', header: 'portfolio.col.reported', unit: 'usdBn' },
    { id: 'inHeadline', header: 'portfolio.col.inHeadline', unit: 'flag' },
  ],
  rows: DEALS.map((d) => ({ cells: { label: { text: d.label }, gw: d.gw, perGw: d.perGw, reported: d.reported, inHeadline: headline(d.inHeadline) } })),
  totals: { label: 'sheet.total', sum: ['gw'] },
};

const money: Table = {
  kind: 'table',
  id: 'money',
  title: 'portfolio.table.money',
  columns: [
    { id: 'label', header: 'portfolio.col.counterparty', unit: 'text', formula: '={deals.label@}' },
    { id: 'value', header: 'portfolio.col.value', unit: 'usd' },
    { id: 'vendor', header: 'portfolio.col.vendor', unit: 'usd' },
    { id: 'warrants', header: 'portfolio.col.warrants', unit: 'usd' },
    { id: 'cash', header: 'portfolio.col.cash', unit: 'usd' },
    { id: 'paidWith', header: 'portfolio.col.paidWith', unit: 'text' },
    { id: 'timing', header: 'portfolio.col.timing', unit: 'text' },
  ],
  rows: DEALS.map((d) => ({
    cells: {
      value: { formula: d.value },
      vendor: d.vendor,
      warrants: d.warrants,
      cash: { formula: d.cash },
      paidWith: { text: d.paidWith },
      timing: { text: d.timing },
    },
  })),
  totals: { label: 'sheet.total', sum: ['value', 'vendor', 'warrants', 'cash'] },
};

export const portfolio: Scenario = {
  id: 'portfolio',
  namePrefix: 'PORT',
  sheetName: 'portfolio.sheet',
  title: 'portfolio.title',
  summary: 'portfolio.summary',
  description: 'portfolio.description',
  inputs: [
    input('amdShares', 'portfolio.in.amdShares', 'shares', factValue('amd.warrantShares')),
    input('amdStrike', 'portfolio.in.amdStrike', 'usdPerShare', factValue('amd.exercisePrice')),
    input('amdTarget', 'portfolio.in.amdTarget', 'usdPerShare', factValue('amd.finalPriceTarget')),
    deals,
  ],
  calculations: [money],
  outputs: [
    output('total', 'PORT_TotalValue', 'portfolio.out.total', 'usd', '={money.value.total}'),
    output('headline', 'PORT_HeadlineValue', 'portfolio.out.headline', 'usd', '=SUMIF({deals.inHeadline},TRUE,{money.value})'),
    output('gw', 'PORT_TotalGw', 'portfolio.out.gw', 'gw', '={deals.gw.total}'),
    output('vendor', 'PORT_VendorInvestment', 'portfolio.out.vendor', 'usd', '={money.vendor.total}'),
    output('warrants', 'PORT_WarrantsAtTarget', 'portfolio.out.warrants', 'usd', '={money.warrants.total}'),
    output('cash', 'PORT_CashFromOpenAI', 'portfolio.out.cash', 'usd', '={money.cash.total}'),
    output('vendorShare', 'PORT_VendorFundedShare', 'portfolio.out.vendorShare', 'percent', '=({vendor}+{warrants})/{total}'),
  ],
  checks: [
    check('adds', 'portfolio.check.adds', '=ABS({cash}+{vendor}+{warrants}-{total})<1'),
    check('headline', 'portfolio.check.headline', '={headline}<={total}'),
    check('share', 'portfolio.check.share', '=AND({vendorShare}>=0,{vendorShare}<=1)'),
  ],
  charts: [
    {
      id: 'deals',
      type: 'columnStacked',
      title: 'portfolio.chart.deals',
      categories: '{money.label}',
      series: [
        { name: 'portfolio.col.cash', values: '{money.cash}' },
        { name: 'portfolio.col.vendor', values: '{money.vendor}' },
        { name: 'portfolio.col.warrants', values: '{money.warrants}' },
      ],
      xAxis: 'portfolio.col.counterparty',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
