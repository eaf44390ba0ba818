/**
 * [amd] AMD–OpenAI, equity for purchases: a warrant for 160 M AMD shares at USD 0.01 that vests in
 * tranches as OpenAI's GPU purchases reach 1 … 6 GW and AMD's share price reaches targets up to
 * USD 600. The filing gives the first tranche (1 GW), full vesting (6 GW) and the final target
 * (USD 600); tranche sizes and intermediate hurdles are labelled assumptions.
 */
import type { MessageKey } from '../../i18n';
import { assume, calc, check, factValue, input, output, Scenario, Table, TableRow } from '../types';
import { excelDate } from '../units';
import { BGK_BETA } from '../../model/tranche';

const TRANCHES = 6;

/** The Broadie–Glasserman–Kou shift of a hurdle's logarithm, β·σ·√(1/m), as a formula on the sheet's inputs. */
const BGK_SHIFT = `${BGK_BETA}*{volatility}*(1/{observationsPerYear})^0.5`;

/** Assumed tranche terms, tranche by tranche (first and last GW, and the last hurdle, are facts via formulas). */
const ASSUMED_GW = [2, 3, 4, 5]; // tranches 2–5: one tranche per further GW
const ASSUMED_HURDLES = [200, 280, 360, 440, 520]; // tranches 1–5, USD/share: even USD 80 steps up to the USD 600 fact
const ASSUMED_MILESTONE_PROBABILITY = [1, 0.9, 0.8, 0.7, 0.6, 0.5];
/** Years after the valuation date at which each tranche's GW are delivered: from H2 2026, evenly, to before expiry. */
const ASSUMED_DELIVERY_YEARS = [0.75, 1.55, 2.35, 3.15, 3.95, 4.75];

const trancheInputRows: TableRow[] = Array.from({ length: TRANCHES }, (_, k) => ({
  cells: {
    label: { text: { key: 'amd.tranche.row', params: { n: k + 1 } } },
    gw:
      k === 0
        ? { formula: '={firstGw}' }
        : k === TRANCHES - 1
          ? { formula: '={fullGw}' }
          : assume(ASSUMED_GW[k - 1], 'amd.why.trancheGw', ['amd.firstTrancheGw', 'amd.fullVestingGw']),
    share: assume(1 / TRANCHES, 'amd.why.trancheShare'),
    hurdle: k === TRANCHES - 1 ? { formula: '={target}' } : assume(ASSUMED_HURDLES[k], 'amd.why.hurdle', ['amd.finalPriceTarget']),
    probability:
      k === 0
        ? assume(ASSUMED_MILESTONE_PROBABILITY[k], 'amd.why.probabilityFirst', ['amd.bindingCommitment'])
        : assume(ASSUMED_MILESTONE_PROBABILITY[k], 'amd.why.probability'),
    delivery: assume(ASSUMED_DELIVERY_YEARS[k], 'amd.why.delivery', k === 0 ? ['amd.firstDeployment'] : undefined),
  },
}));

const trancheInputs: Table = {
  kind: 'table',
  id: 'terms',
  title: 'amd.table.terms',
  columns: [
    { id: 'label', header: 'amd.col.tranche', unit: 'text' },
    { id: 'gw', header: 'amd.col.vestsAtGw', unit: 'gw' },
    { id: 'share', header: 'amd.col.shareOfWarrant', unit: 'percent' },
    { id: 'hurdle', header: 'amd.col.hurdle', unit: 'usdPerShare' },
    { id: 'probability', header: 'amd.col.milestoneProbability', unit: 'probability' },
    { id: 'delivery', header: 'amd.col.deliveryYears', unit: 'years' },
  ],
  rows: trancheInputRows,
  totals: { label: 'sheet.total', sum: ['share'] },
};

const trancheValues: Table = {
  kind: 'table',
  id: 'tranches',
  title: 'amd.table.tranches',
  columns: [
    { id: 'label', header: 'amd.col.tranche', unit: 'text', formula: '={terms.label@}' },
    { id: 'shares', header: 'amd.col.shares', unit: 'shares', formula: '={terms.share@}*{shares}' },
    {
      id: 'value',
      header: 'amd.col.trancheValue',
      unit: 'usd',
      formula: '=DEALS.TRANCHEVALUE({.shares},{strike},{price},{terms.hurdle@},{volatility},{years},{rate},{dividendYield},{terms.probability@},{observationsPerYear})',
    },
    { id: 'atHurdle', header: 'amd.col.valueAtHurdle', unit: 'usd', formula: '=DEALS.WARRANTVALUE({.shares},{strike},{terms.hurdle@})' },
    { id: 'hardware', header: 'amd.col.hardwareToDate', unit: 'usd', formula: '={terms.gw@}*{hardwarePerGw}*10^9' },
    // GW delivered for this tranche: its cumulative GW less the previous tranche's (none before the first).
    { id: 'delivered', header: 'amd.col.hardwareDelivered', unit: 'usd', formula: '=({terms.gw@}-INDEX({terms.gw},MAX({#}-1,1))*({#}>1))*{hardwarePerGw}*10^9' },
    { id: 'deliveredPv', header: 'amd.col.hardwarePv', unit: 'usd', formula: '={.delivered}*EXP(-{rate}*{terms.delivery@})' },
    // Hardware of this tranche's GW times the probability its milestone is reached: the basis the milestone-weighted value buys.
    { id: 'expectedDelivered', header: 'amd.col.expectedDelivered', unit: 'usd', formula: '={terms.probability@}*{.delivered}' },
    { id: 'expectedPv', header: 'amd.col.expectedPv', unit: 'usd', formula: '={.expectedDelivered}*EXP(-{rate}*{terms.delivery@})' },
    // The same tranche with its milestone reached (probability 1; the share-price target still applies).
    {
      id: 'valueVested',
      header: 'amd.col.valueMilestoneReached',
      unit: 'usd',
      formula: '=DEALS.TRANCHEVALUE({.shares},{strike},{price},{terms.hurdle@},{volatility},{years},{rate},{dividendYield},1,{observationsPerYear})',
    },
    // The model prices at the corrected hurdle H' = H·e^(βσ√Δt), where the value has its kink and the greeks switch
    // formula: flag a price within one correction of it, H'·e^(±βσ√Δt) = [H, H·e^(2βσ√Δt)]; never under continuous monitoring.
    { id: 'nearHurdle', header: 'amd.col.nearHurdle', unit: 'flag', formula: `=IF({observationsPerYear}>0,ABS(LN({price}/{terms.hurdle@})-${BGK_SHIFT})<=${BGK_SHIFT},FALSE)` },
    { id: 'cumAtHurdle', header: 'amd.col.cumulativeAtHurdle', unit: 'usd', formula: '=SUM({tranches.atHurdle.first}:{.atHurdle})' },
    { id: 'discount', header: 'amd.col.discountAtHurdle', unit: 'percent', formula: '=DEALS.CIRCULARFLOW(0,{.hardware},,{.cumAtHurdle},"effectiveDiscount")' },
  ],
  rows: Array.from({ length: TRANCHES }, () => ({ cells: {} })),
  totals: { label: 'sheet.total', sum: ['shares', 'value', 'atHurdle', 'delivered', 'deliveredPv', 'expectedDelivered', 'expectedPv', 'valueVested'] },
};

/** Like with like: the milestone-weighted value against the expected hardware, and both at full vesting (every GW milestone reached). */
const BASIS_ROWS: ReadonlyArray<{ label: MessageKey; value: string; hardware: string; hardwarePv: string; probability: string }> = [
  { label: 'amd.basis.expected', value: '{tranches.value.total}', hardware: '{tranches.expectedDelivered.total}', hardwarePv: '{tranches.expectedPv.total}', probability: '{terms.probability}' },
  { label: 'amd.basis.fullVesting', value: '{tranches.valueVested.total}', hardware: '{hardwareValue}', hardwarePv: '{tranches.deliveredPv.total}', probability: '1' },
];

const basis: Table = {
  kind: 'table',
  id: 'basis',
  title: 'amd.table.basis',
  columns: [
    { id: 'label', header: 'amd.col.basis', unit: 'text' },
    { id: 'value', header: 'amd.col.basisValue', unit: 'usd' },
    { id: 'hardware', header: 'amd.col.basisHardware', unit: 'usd' },
    { id: 'hardwarePv', header: 'amd.col.basisHardwarePv', unit: 'usd' },
    { id: 'discount', header: 'amd.col.basisDiscount', unit: 'percent', formula: '=DEALS.CIRCULARFLOW(0,{.hardware},,{.value},"effectiveDiscount")' },
    { id: 'discountPv', header: 'amd.col.basisDiscountPv', unit: 'percent', formula: '=DEALS.CIRCULARFLOW(0,{.hardwarePv},,{.value},"effectiveDiscount")' },
    { id: 'netPrice', header: 'amd.col.basisNetPrice', unit: 'usd', formula: '=DEALS.CIRCULARFLOW(0,{.hardware},,{.value},"netPrice")' },
    { id: 'netPricePv', header: 'amd.col.basisNetPricePv', unit: 'usd', formula: '=DEALS.CIRCULARFLOW(0,{.hardwarePv},,{.value},"netPrice")' },
    { id: 'breakeven', header: 'amd.col.basisBreakeven', unit: 'usdPerShare' },
  ],
  rows: BASIS_ROWS.map((b) => ({
    cells: {
      label: { text: b.label },
      value: { formula: `=${b.value}` },
      hardware: { formula: `=${b.hardware}` },
      hardwarePv: { formula: `=${b.hardwarePv}` },
      // Today's AMD price at which the position on this basis is worth this basis's hardware.
      breakeven: {
        formula: `=DEALS.TRANCHEBREAKEVEN({tranches.shares},{strike},${b.hardware},{terms.hurdle},{volatility},{years},{rate},{dividendYield},${b.probability},{observationsPerYear})`,
      },
    },
  })),
};

const VOLATILITY_COLUMNS = 5;

/** Days in the year of the sheet's year fractions (`years`): theta per day uses the same. */
const DAYS_PER_YEAR = 365.25;

/** The tranche position's arguments after the price (or the target value), as every tranche formula passes them. */
const POSITION = '{tranches.shares},{strike},';
const POSITION_TERMS = '{terms.hurdle},{volatility},{years},{rate},{dividendYield},{terms.probability},{observationsPerYear}';

export const amd: Scenario = {
  id: 'amd',
  namePrefix: 'AMD',
  sheetName: 'amd.sheet',
  title: 'amd.title',
  summary: 'amd.summary',
  description: { key: 'amd.description', params: { strike: { fact: 'amd.exercisePrice' }, fullGw: { fact: 'amd.fullVestingGw' }, target: { fact: 'amd.finalPriceTarget' } } },
  inputs: [
    input('shares', 'amd.in.shares', 'shares', factValue('amd.warrantShares')),
    input('strike', 'amd.in.strike', 'usdPerShare', factValue('amd.exercisePrice')),
    input('target', 'amd.in.target', 'usdPerShare', factValue('amd.finalPriceTarget')),
    input('firstGw', 'amd.in.firstGw', 'gw', factValue('amd.firstTrancheGw')),
    input('fullGw', 'amd.in.fullGw', 'gw', factValue('amd.fullVestingGw')),
    input('hardwarePerGw', 'amd.in.hardwarePerGw', 'usdBnPerGw', factValue('amd.revenuePerGw')),
    input('outstanding', 'amd.in.outstanding', 'millionShares', factValue('amd.sharesOutstandingStart')),
    input('reportedAtTarget', 'amd.in.reportedAtTarget', 'usdBn', factValue('amd.valueAtTargetReported')),
    input('price', 'amd.in.price', 'usdPerShare', factValue('amd.closeOnAnnouncement')),
    input('valuationDate', 'amd.in.valuationDate', 'date', assume(excelDate('2025-10-06'), 'amd.why.valuationDate', ['amd.closeOnAnnouncement'])),
    input('expiry', 'amd.in.expiry', 'date', assume(excelDate('2030-10-05'), 'amd.why.expiry', ['amd.warrantExpiry'])),
    input('volatility', 'amd.in.volatility', 'percentPerYear', assume(0.5, 'amd.why.volatility')),
    input('rate', 'amd.in.rate', 'percentPerYear', assume(0.04, 'amd.why.rate')),
    input('dividendYield', 'amd.in.dividendYield', 'percentPerYear', assume(0, 'amd.why.dividendYield')),
    input('observationsPerYear', 'amd.in.observationsPerYear', 'perYear', assume(252, 'amd.why.observationsPerYear', ['amd.finalPriceTarget'])),
    input('gridPriceStart', 'amd.in.gridPriceStart', 'usdPerShare', assume(100, 'amd.why.gridPrice')),
    input('gridPriceStep', 'amd.in.gridPriceStep', 'usdPerShare', assume(100, 'amd.why.gridPrice')),
    input('gridVolStart', 'amd.in.gridVolStart', 'percentPerYear', assume(0.3, 'amd.why.gridVolatility')),
    input('gridVolStep', 'amd.in.gridVolStep', 'percentPerYear', assume(0.1, 'amd.why.gridVolatility')),
    trancheInputs,
  ],
  calculations: [
    calc('years', 'amd.calc.years', 'years', `=({expiry}-{valuationDate})/${DAYS_PER_YEAR}`, 'amd.note.years'),
    calc('hardwareValue', 'amd.calc.hardwareValue', 'usd', '={fullGw}*{hardwarePerGw}*10^9', 'amd.note.hardwareValue'),
    trancheValues,
    {
      kind: 'spill',
      id: 'greeks',
      title: 'amd.table.greeks',
      headers: ['amd.col.greek', 'amd.col.greekName', 'amd.col.greekValue'],
      rows: [
        { label: 'amd.greek.delta', unit: 'usdPerUsd' },
        { label: 'amd.greek.gamma', unit: 'perUsd' },
        { label: 'amd.greek.vega', unit: 'usdPerVol' },
        { label: 'amd.greek.theta', unit: 'usdPerYearExact' },
        { label: 'amd.greek.rho', unit: 'usdPerRate' },
      ],
      columns: 2,
      valueColumn: 1,
      formula: `=DEALS.TRANCHEGREEKS(${POSITION}{price},${POSITION_TERMS})`,
    },
    {
      kind: 'grid',
      id: 'grid',
      title: 'amd.table.grid',
      rows: { header: 'amd.grid.price', unit: 'usdPerShare', count: 8, formula: '={gridPriceStart}+({#}-1)*{gridPriceStep}' },
      columns: { header: 'amd.grid.volatility', unit: 'percentPerYear', count: VOLATILITY_COLUMNS, formula: '={gridVolStart}+({#}-1)*{gridVolStep}' },
      lead: [{ id: 'intrinsic', header: 'amd.grid.intrinsic', unit: 'usd', formula: '=DEALS.WARRANTVALUE({shares},{strike},{row})' }],
      cell: { unit: 'usd', formula: `=DEALS.TRANCHEVALUE(${POSITION}{row},{terms.hurdle},{col},{years},{rate},{dividendYield},{terms.probability},{observationsPerYear})` },
    },
    basis,
  ],
  outputs: [
    output('trancheTotal', 'AMD_TrancheValueTotal', 'amd.out.trancheTotal', 'usd', '={tranches.value.total}'),
    output('positionDelta', 'AMD_PositionDelta', 'amd.out.positionDelta', 'usdPerUsd', '={greeks[0,1]}'),
    output('positionGamma', 'AMD_PositionGamma', 'amd.out.positionGamma', 'perUsd', '={greeks[1,1]}'),
    output('positionVega', 'AMD_PositionVega', 'amd.out.positionVega', 'usdPerVol', '={greeks[2,1]}'),
    output('positionVegaPoint', 'AMD_PositionVegaPerPoint', 'amd.out.positionVegaPoint', 'usdPerVolPoint', '={positionVega}/100'),
    output('positionTheta', 'AMD_PositionTheta', 'amd.out.positionTheta', 'usdPerYearExact', '={greeks[3,1]}'),
    output('positionThetaDay', 'AMD_PositionThetaPerDay', 'amd.out.positionThetaDay', 'usdPerDay', `={positionTheta}/${DAYS_PER_YEAR}`),
    output('positionRho', 'AMD_PositionRho', 'amd.out.positionRho', 'usdPerRate', '={greeks[4,1]}'),
    output('hardware', 'AMD_HardwareValue', 'amd.out.hardware', 'usd', '={hardwareValue}'),
    output('hardwarePv', 'AMD_HardwarePV', 'amd.out.hardwarePv', 'usd', '={tranches.deliveredPv.total}'),
    output('breakevenTranches', 'AMD_BreakevenPriceTranches', 'amd.out.breakevenTranches', 'usdPerShare', '={basis.breakeven.first}'),
    output('discountPv', 'AMD_EffectiveDiscountPV', 'amd.out.discountPv', 'percent', '={basis.discountPv.first}'),
    output('discount', 'AMD_EffectiveDiscount', 'amd.out.discount', 'percent', '={basis.discount.first}'),
    output('netPrice', 'AMD_NetHardwareCost', 'amd.out.netPrice', 'usd', '={basis.netPrice.first}'),
    output('transferPerShare', 'AMD_ValueTransferredPerShare', 'amd.out.transferPerShare', 'usdPerShare', '={trancheTotal}/({outstanding}*10^6)'),
    output('transferShareOfPrice', 'AMD_ValueTransferredShareOfPrice', 'amd.out.transferShareOfPrice', 'percent', '={transferPerShare}/{price}'),
    output('stake', 'AMD_StakeIfExercised', 'amd.out.stake', 'percent', '={shares}/({outstanding}*10^6+{shares})'),
    output('valueNow', 'AMD_WarrantValueNow', 'amd.out.valueNow', 'usd', '=DEALS.WARRANTVALUE({shares},{strike},{price},{volatility},{years},{rate},{dividendYield})'),
    output('intrinsicNow', 'AMD_IntrinsicValueNow', 'amd.out.intrinsicNow', 'usd', '=DEALS.WARRANTVALUE({shares},{strike},{price})'),
    output('valueAtTarget', 'AMD_WarrantValueAtTarget', 'amd.out.valueAtTarget', 'usd', '=DEALS.WARRANTVALUE({shares},{strike},{target})'),
    output('discountAtTarget', 'AMD_EffectiveDiscountAtTarget', 'amd.out.discountAtTarget', 'percent', '=DEALS.CIRCULARFLOW(0,{hardwareValue},,{valueAtTarget},"effectiveDiscount")'),
    output('breakeven', 'AMD_BreakevenPrice', 'amd.out.breakeven', 'usdPerShare', '=DEALS.BREAKEVENPRICE({shares},{strike},{hardwareValue})'),
    output(
      'breakevenModel',
      'AMD_BreakevenPriceModel',
      'amd.out.breakevenModel',
      'usdPerShare',
      '=DEALS.BREAKEVENPRICE({shares},{strike},{hardwareValue},{volatility},{years},{rate},{dividendYield})',
    ),
    // Like with like (the basis table): the expected basis above, full vesting here; and the near-target flag.
    output('expectedHardware', 'AMD_ExpectedHardwareValue', 'amd.out.expectedHardware', 'usd', '={basis.hardware.first}'),
    output('expectedHardwarePv', 'AMD_ExpectedHardwarePV', 'amd.out.expectedHardwarePv', 'usd', '={basis.hardwarePv.first}'),
    output('trancheFull', 'AMD_TrancheValueFullVesting', 'amd.out.trancheFull', 'usd', '={basis.value.last}'),
    output('breakevenTranchesFull', 'AMD_BreakevenPriceTranchesFullVesting', 'amd.out.breakevenTranchesFull', 'usdPerShare', '={basis.breakeven.last}'),
    output('discountFullPv', 'AMD_EffectiveDiscountFullVestingPV', 'amd.out.discountFullPv', 'percent', '={basis.discountPv.last}'),
    output('discountFull', 'AMD_EffectiveDiscountFullVesting', 'amd.out.discountFull', 'percent', '={basis.discount.last}'),
    output('netPriceFull', 'AMD_NetHardwareCostFullVesting', 'amd.out.netPriceFull', 'usd', '={basis.netPrice.last}'),
    output('nearHurdle', 'AMD_TranchesNearHurdle', 'amd.out.nearHurdle', 'count', '=SUMPRODUCT({tranches.nearHurdle}*1)'),
  ],
  checks: [
    check('sharesSum', 'amd.check.sharesSum', '=ABS({tranches.shares.total}-{shares})<1'),
    check('finalHurdle', 'amd.check.finalHurdle', '={terms.hurdle.last}={target}'),
    check('gwRange', 'amd.check.gwRange', '=AND({terms.gw.first}={firstGw},{terms.gw.last}={fullGw})'),
    check('probabilities', 'amd.check.probabilities', '=AND(MIN({terms.probability})>=0,MAX({terms.probability})<=1)'),
    check('tranchesBelowWarrant', 'amd.check.tranchesBelowWarrant', '={trancheTotal}<={valueNow}+1'),
    check('targetValue', 'amd.check.targetValue', '=ABS({valueAtTarget}-{shares}*({target}-{strike}))<1'),
    check('reported', 'amd.check.reported', '=ABS({valueAtTarget}/10^9-{reportedAtTarget})<0.5'),
    check('breakeven', 'amd.check.breakeven', '=ABS(DEALS.WARRANTVALUE({shares},{strike},{breakeven})-{hardwareValue})<1'),
    check(
      'breakevenModel',
      'amd.check.breakevenModel',
      '=ABS(DEALS.WARRANTVALUE({shares},{strike},{breakevenModel},{volatility},{years},{rate},{dividendYield})-{hardwareValue})<=0.000001*{hardwareValue}',
    ),
  ],
  charts: [
    {
      id: 'valueByPrice',
      type: 'line',
      title: 'amd.chart.valueByPrice',
      categories: '{grid.rows}',
      series: [
        { name: 'amd.grid.intrinsic', values: '{grid.lead.intrinsic}' },
        ...Array.from({ length: VOLATILITY_COLUMNS }, (_, j) => ({
          name: { cell: `{grid.head.${j + 1}}`, fallback: { key: 'amd.chart.volatilitySeries', params: { n: j + 1 } } as const },
          values: `{grid.col.${j + 1}}`,
        })),
      ],
      xAxis: 'amd.chart.priceAxis',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
    {
      id: 'tranches',
      type: 'columnClustered',
      title: 'amd.chart.tranches',
      categories: '{tranches.label}',
      series: [
        { name: 'amd.col.trancheValue', values: '{tranches.value}' },
        { name: 'amd.col.valueAtHurdle', values: '{tranches.atHurdle}' },
      ],
      xAxis: 'amd.col.tranche',
      yAxis: 'chart.usdBnAxis',
      valueUnit: 'usd',
    },
  ],
};
