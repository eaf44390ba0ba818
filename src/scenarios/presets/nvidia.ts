/**
 * [nvidia] Nvidia–OpenAI, circular investment: Nvidia invests up to USD 100 bn in OpenAI, about
 * USD 10 bn for each of at least 10 GW deployed, while each GW needs about USD 35 bn of Nvidia
 * hardware (about USD 50 bn all-in). Per-GW tranches with the cumulative round-trip share,
 * OpenAI's cash need and Nvidia's net cash (gross margin an assumption).
 */
import { factNumber } from '../facts';
import { assume, check, factValue, input, output, Scenario, Table } from '../types';

const perGw: Table = {
  kind: 'table',
  id: 'perGw',
  title: 'nvidia.table.perGw',
  columns: [
    { id: 'label', header: 'nvidia.col.gw', unit: 'text' },
    { id: 'year', header: 'nvidia.col.year', unit: 'year', formula: '={firstYear}+INT(({#}-1)/{pace})' },
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
      id: 'vendorNet',
      header: 'nvidia.col.vendorNet',
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

export const nvidia: Scenario = {
  id: 'nvidia',
  namePrefix: 'NVDA',
  sheetName: 'nvidia.sheet',
  title: 'nvidia.title',
  summary: 'nvidia.summary',
  description: { key: 'nvidia.description', params: { perGw: { fact: 'nvidia.investmentPerGw' }, hardwarePerGw: { fact: 'nvidia.hardwarePerGw' } } },
  inputs: [
    input('investmentMax', 'nvidia.in.investmentMax', 'usdBn', factValue('nvidia.investmentMax')),
    input('capacity', 'nvidia.in.capacity', 'gw', factValue('nvidia.capacity')),
    input('investmentPerGw', 'nvidia.in.investmentPerGw', 'usdBnPerGw', factValue('nvidia.investmentPerGw')),
    input('hardwarePerGw', 'nvidia.in.hardwarePerGw', 'usdBnPerGw', factValue('nvidia.hardwarePerGw')),
    input('allInPerGw', 'nvidia.in.allInPerGw', 'usdBnPerGw', factValue('nvidia.allInCostPerGw', 0)),
    input('firstYear', 'nvidia.in.firstYear', 'year', factValue('nvidia.firstGw', 0)),
    input('pace', 'nvidia.in.pace', 'gwPerYear', assume(2, 'nvidia.why.pace')),
    input('grossMargin', 'nvidia.in.grossMargin', 'percent', assume(0.75, 'nvidia.why.grossMargin')),
  ],
  calculations: [perGw],
  outputs: [
    output('totalInvestment', 'NVDA_TotalInvestment', 'nvidia.out.totalInvestment', 'usd', '={perGw.investment.total}'),
    output('totalHardware', 'NVDA_TotalHardware', 'nvidia.out.totalHardware', 'usd', '={perGw.hardware.total}'),
    output('allInCost', 'NVDA_AllInCost', 'nvidia.out.allInCost', 'usd', '={perGw.hardware.total}+{perGw.other.total}'),
    output('roundTrip', 'NVDA_RoundTripShare', 'nvidia.out.roundTrip', 'percent', '=DEALS.CIRCULARFLOW({totalInvestment},{totalHardware},{grossMargin},,"roundTripShare")'),
    output('cashNeed', 'NVDA_CustomerCashNeed', 'nvidia.out.cashNeed', 'usd', '=DEALS.CIRCULARFLOW({totalInvestment},{totalHardware},{grossMargin},,"customerCashNeed")'),
    output('vendorNet', 'NVDA_VendorNetCash', 'nvidia.out.vendorNet', 'usd', '=DEALS.CIRCULARFLOW({totalInvestment},{totalHardware},{grossMargin},,"vendorNetCash")'),
    output('allInNeed', 'NVDA_AllInCashNeed', 'nvidia.out.allInNeed', 'usd', '={perGw.allInNeed.last}'),
    output('investmentShare', 'NVDA_InvestmentShareOfAllIn', 'nvidia.out.investmentShare', 'percent', '={totalInvestment}/{allInCost}'),
    output('completion', 'NVDA_CompletionYear', 'nvidia.out.completion', 'year', '={perGw.year.last}'),
  ],
  checks: [
    check('cap', 'nvidia.check.cap', '=ABS({totalInvestment}-{investmentMax}*10^9)<1'),
    check('rows', 'nvidia.check.rows', '=ROWS({perGw.investment})={capacity}'),
    check('hardwareWithinAllIn', 'nvidia.check.hardwareWithinAllIn', '={hardwarePerGw}<={allInPerGw}'),
    check('margin', 'nvidia.check.margin', '=AND({grossMargin}>=0,{grossMargin}<=1)'),
    check('roundTripLast', 'nvidia.check.roundTripLast', '=ABS({perGw.roundTrip.last}-{roundTrip})<0.000001'),
    check('cashNeed', 'nvidia.check.cashNeed', '=ABS({cashNeed}-({totalHardware}-{totalInvestment}))<1'),
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
        { name: 'nvidia.col.vendorNet', values: '{perGw.vendorNet}' },
      ],
      xAxis: 'nvidia.chart.gwAxis',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
