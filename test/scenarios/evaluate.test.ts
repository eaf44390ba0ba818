/**
 * Every preset evaluated through the formula engine (src/engine, HyperFormula with the DEALS
 * plugin): no error cell, every check TRUE, and the named outputs equal the model called directly
 * (src/functions/implementations) on the plan's own inputs.
 */
import { createEngine, isEngineError, readName, setCell } from '../../src/engine';
import * as impl from '../../src/functions/implementations';
import { a1, buildSheetPlan, PRESETS, scenarioById } from '../../src/scenarios';
import type { SheetPlan } from '../../src/scenarios';
import { addPlanSheet } from '../../src/engine/planSheet';
import { loadPlan } from './loadPlan';
import { bgkShifted, upAndInByIntegration } from '../model/independentBarrier';

const plans = PRESETS.map((s) => [s.id, buildSheetPlan(s)] as const);

const evaluated = new WeakMap<SheetPlan, ReturnType<typeof loadPlan>>();

/**
 * The typed value of an input or of a cell the plan holds as a value; a formula cell (an input the
 * as-of date chooses from the facts-by-date table) is read through the formula engine.
 */
function input(plan: SheetPlan, id: string): number {
  const address = plan.anchors[id] ?? plan.inputs.find((i) => i.id === id)?.address;
  if (!address) throw new Error(`no input ${id}`);
  const { row, col } = a1.parseCell(address);
  const cell = plan.cells[row][col];
  const isFormula = typeof cell === 'object' && cell !== null && 'formula' in cell;
  if (isFormula && !evaluated.has(plan)) evaluated.set(plan, loadPlan(plan));
  const value = isFormula ? evaluated.get(plan)!.value(address) : cell;
  if (typeof value !== 'number') throw new Error(`${id} at ${address} is not a number: ${JSON.stringify(value)}`);
  return value;
}

function expectClose(actual: unknown, expected: number, relative = 1e-12): void {
  expect(typeof actual).toBe('number');
  const tolerance = Math.max(Math.abs(expected) * relative, 1e-12);
  if (Math.abs((actual as number) - expected) > tolerance) expect(actual).toBe(expected);
}

describe.each(plans)('%s evaluated by the formula engine', (id, plan) => {
  const loaded = loadPlan(plan);

  test('no cell holds an error (#VALUE!, #NUM!, #SPILL!, #REF!, #NAME? …)', () => {
    const errors: string[] = [];
    loaded.engine.getSheetValues(0).forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value === 'object' && value !== null) errors.push(`${a1.formatCell(r, c)}: ${JSON.stringify(value)}`);
      }),
    );
    expect(errors).toEqual([]);
  });

  test('every check is TRUE', () => {
    for (const address of plan.checks) expect([address, loaded.value(address)]).toEqual([address, true]);
    expect(loaded.value(plan.allChecks)).toBe(true);
  });

  test('every named output has a value', () => {
    for (const n of plan.names) {
      const value = loaded.name(n.name);
      expect([n.name, isEngineError(value) || value === null]).toEqual([n.name, false]);
      expect(value).toEqual(loaded.value(n.address));
    }
  });

  test('spilled results fill their reserved areas', () => {
    for (const spill of plan.spills) {
      for (const c of a1.rangeCells(a1.parseRange(spill.range))) {
        const value = loaded.value(a1.formatCell(c.row, c.col));
        expect([spill.range, value !== null]).toEqual([spill.range, true]);
      }
    }
  });

  test('a second copy on another sheet computes the same, with its names scoped to its sheet', () => {
    const second = addPlanSheet(loaded.engine, plan);
    const first = loaded.engine.getSheetId(loaded.sheet) as number;
    expect(second.sheetName).toBe(`${plan.sheetName} (2)`);
    expect(second.sheetScopedNames).toEqual(plan.names.map((n) => n.name));
    expect(loaded.engine.getSheetValues(second.sheetId)).toEqual(loaded.engine.getSheetValues(first));
    expect(loaded.engine.getSheetValues(second.sheetId)[0][0]).toBe(plan.title);
    loaded.engine.removeSheet(second.sheetId);
  });
});

describe('named outputs equal the model called directly', () => {
  test('AMD', () => {
    const plan = buildSheetPlan(scenarioById('amd'));
    const { name } = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const [shares, strike, price, target, vol, rate, q] = ['shares', 'strike', 'price', 'target', 'volatility', 'rate', 'dividendYield'].map(v);
    const years = (v('expiry') - v('valuationDate')) / 365.25;
    const hardware = v('fullGw') * v('hardwarePerGw') * 1e9;

    expect(name('AMD_WarrantValueAtTarget')).toBe(95_998_400_000);
    expect(impl.warrantValue(160e6, 0.01, 600)).toBe(95_998_400_000);
    expectClose(name('AMD_WarrantValueNow'), impl.warrantValue(shares, strike, price, vol, years, rate, q));
    expectClose(name('AMD_IntrinsicValueNow'), impl.warrantValue(shares, strike, price));
    expectClose(name('AMD_HardwareValue'), hardware);
    expectClose(name('AMD_BreakevenPrice'), impl.breakevenPrice(shares, strike, hardware));
    expectClose(name('AMD_BreakevenPriceModel'), impl.breakevenPrice(shares, strike, hardware, vol, years, rate, q));

    const observations = v('observationsPerYear');
    const tranches = [1, 2, 3, 4, 5, 6].map((k) => ({
      shares: input(plan, `terms.share#${k}`) * shares,
      hurdle: k === 6 ? target : input(plan, `terms.hurdle#${k}`),
      probability: input(plan, `terms.probability#${k}`),
      gw: k === 1 ? v('firstGw') : k === 6 ? v('fullGw') : input(plan, `terms.gw#${k}`),
      delivery: input(plan, `terms.delivery#${k}`),
    }));
    const column = (f: (t: (typeof tranches)[number]) => number) => tranches.map((t) => [f(t)]);
    const position = [column((t) => t.shares), strike, price, column((t) => t.hurdle), vol, years, rate, q, column((t) => t.probability), observations] as const;
    const trancheTotal = tranches.reduce(
      (sum, t) => sum + impl.trancheValue(t.shares, strike, price, t.hurdle, vol, years, rate, q, t.probability, observations),
      0,
    );
    expectClose(name('AMD_TrancheValueTotal'), trancheTotal);
    expectClose(impl.trancheValue(...position), trancheTotal);
    expect(observations).toBe(252); // daily closes, as the sheet says

    // The position's greeks: TRANCHEGREEKS of the same tranches, not of the plain warrant.
    const greeks = Object.fromEntries(impl.trancheGreeks(...position)) as Record<string, number>;
    expectClose(name('AMD_PositionDelta'), greeks.delta);
    expectClose(name('AMD_PositionGamma'), greeks.gamma);
    expectClose(name('AMD_PositionVega'), greeks.vega);
    expectClose(name('AMD_PositionTheta'), greeks.theta);
    expectClose(name('AMD_PositionRho'), greeks.rho);
    expectClose(name('AMD_PositionVegaPerPoint'), greeks.vega / 100);
    // Theta per day in the days of the sheet's years (365.25, as `years` above).
    expectClose(name('AMD_PositionThetaPerDay'), greeks.theta / 365.25);
    // …and they are the sensitivities of AMD_TrancheValueTotal: a 0.01 % price move changes it by delta × move.
    const valueAt = (p: number) => impl.trancheValue(position[0], strike, p, position[3], vol, years, rate, q, position[8], observations);
    const h = price * 1e-6;
    expect(Math.abs((valueAt(price + h) - valueAt(price - h)) / (2 * h) / greeks.delta - 1)).toBeLessThan(1e-4);

    // Like with like: the milestone-weighted value against the expected hardware (each tranche's GW × its
    // milestone probability), and the value with every milestone reached against the full hardware.
    const steps = tranches.map((t, k) => (t.gw - (k === 0 ? 0 : tranches[k - 1].gw)) * v('hardwarePerGw') * 1e9);
    const pv = (step: number, k: number) => step * Math.exp(-rate * tranches[k].delivery);
    const hardwarePv = steps.reduce((sum, step, k) => sum + pv(step, k), 0);
    const expectedHardware = steps.reduce((sum, step, k) => sum + tranches[k].probability * step, 0);
    const expectedPv = steps.reduce((sum, step, k) => sum + tranches[k].probability * pv(step, k), 0);
    const vested = column(() => 1);
    const fullTotal = impl.trancheValue(position[0], strike, price, position[3], vol, years, rate, q, vested, observations);
    expectClose(steps.reduce((a, b) => a + b), hardware);
    expectClose(name('AMD_HardwarePV'), hardwarePv);
    expectClose(name('AMD_ExpectedHardwareValue'), expectedHardware);
    expectClose(name('AMD_ExpectedHardwarePV'), expectedPv);
    expectClose(name('AMD_TrancheValueFullVesting'), fullTotal);
    expectClose(name('AMD_EffectiveDiscount'), trancheTotal / expectedHardware);
    expectClose(name('AMD_EffectiveDiscountPV'), trancheTotal / expectedPv);
    expectClose(name('AMD_EffectiveDiscountFullVesting'), fullTotal / hardware);
    expectClose(name('AMD_EffectiveDiscountFullVestingPV'), fullTotal / hardwarePv);
    expectClose(name('AMD_NetHardwareCost'), expectedHardware - trancheTotal);
    expectClose(name('AMD_NetHardwareCostFullVesting'), hardware - fullTotal);
    expectClose(name('AMD_EffectiveDiscountAtTarget'), impl.circularFlow(0, hardware, null, 95_998_400_000, 'effectiveDiscount')[0][0] as number);

    // Break-even on each basis: the position is worth exactly that basis's hardware.
    const at = (p: number, probability: typeof position[8] = position[8]) =>
      impl.trancheValue(position[0], strike, p, position[3], vol, years, rate, q, probability, observations);
    const breakeven = name('AMD_BreakevenPriceTranches') as number;
    expectClose(breakeven, impl.trancheBreakeven(position[0], strike, expectedHardware, position[3], vol, years, rate, q, position[8], observations));
    expect(Math.abs(at(breakeven) / expectedHardware - 1)).toBeLessThan(1e-12);
    const breakevenFull = name('AMD_BreakevenPriceTranchesFullVesting') as number;
    expect(Math.abs(at(breakevenFull, vested) / hardware - 1)).toBeLessThan(1e-12);

    // Value transferred per AMD share, at the share count before the valuation date (start of FY2025).
    expect(v('outstanding')).toBe(1622);
    expectClose(name('AMD_ValueTransferredPerShare'), trancheTotal / (v('outstanding') * 1e6));
    expectClose(name('AMD_ValueTransferredShareOfPrice'), trancheTotal / (v('outstanding') * 1e6) / price);
    expectClose(name('AMD_StakeIfExercised'), shares / (v('outstanding') * 1e6 + shares));
  });

  test("AMD: the position's delta and vega equal an independent pricer's within 1e-4 relative", () => {
    const plan = buildSheetPlan(scenarioById('amd'));
    const { name } = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const market = { S: v('price'), K: v('strike'), T: (v('expiry') - v('valuationDate')) / 365.25, r: v('rate'), q: v('dividendYield'), v: v('volatility') };
    const tranches = [1, 2, 3, 4, 5, 6].map((k) => ({
      weight: input(plan, `terms.share#${k}`) * v('shares') * input(plan, `terms.probability#${k}`),
      H: k === 6 ? v('target') : input(plan, `terms.hurdle#${k}`),
    }));
    // Σ weight × (reflection-principle integral with the BGK hurdle for daily closes), as a function of S and σ
    const position = (S: number, vol: number) =>
      tranches.reduce((sum, t) => sum + t.weight * upAndInByIntegration(bgkShifted({ ...market, S, v: vol, H: t.H }, v('observationsPerYear'))), 0);
    const hS = market.S * 1e-6; // small: tranche 1's corrected hurdle lies just below today's price
    const delta = (position(market.S + hS, market.v) - position(market.S - hS, market.v)) / (2 * hS);
    const vega = (position(market.S, market.v + 1e-6) - position(market.S, market.v - 1e-6)) / 2e-6;
    expect(Math.abs((name('AMD_PositionDelta') as number) / delta - 1)).toBeLessThan(1e-4);
    expect(Math.abs((name('AMD_PositionVega') as number) / vega - 1)).toBeLessThan(1e-4);
    expect(Math.abs((name('AMD_TrancheValueTotal') as number) / position(market.S, market.v) - 1)).toBeLessThan(1e-7);
  });

  test('AMD: the price × volatility grid values the tranche position, and varies with volatility', () => {
    const plan = buildSheetPlan(scenarioById('amd'));
    const loaded = loadPlan(plan);
    const rows = a1.parseRange(plan.anchors['grid.rows']);
    const firstRow = rows.start.row;
    const header = firstRow - 1;
    const values = (col: number) => Array.from({ length: rows.end.row - firstRow + 1 }, (_, k) => loaded.value(a1.formatCell(firstRow + k, col)) as number);
    const matrixColumns = [2, 3, 4, 5, 6]; // after the price axis and the intrinsic lead column
    const volatilities = matrixColumns.map((c) => loaded.value(a1.formatCell(header, c)) as number);
    const prices = values(0);
    const v = (id: string) => input(plan, id);
    const years = (v('expiry') - v('valuationDate')) / 365.25;
    const tranches = [1, 2, 3, 4, 5, 6].map((k) => [
      input(plan, `terms.share#${k}`) * v('shares'),
      k === 6 ? v('target') : input(plan, `terms.hurdle#${k}`),
      input(plan, `terms.probability#${k}`),
    ]);
    matrixColumns.forEach((c, j) => {
      values(c).forEach((cellValue, k) => {
        const expected = impl.trancheValue(
          tranches.map((t) => [t[0]]),
          v('strike'),
          prices[k],
          tranches.map((t) => [t[1]]),
          volatilities[j],
          years,
          v('rate'),
          v('dividendYield'),
          tranches.map((t) => [t[2]]),
          v('observationsPerYear'),
        );
        expectClose(cellValue, expected);
      });
    });
    // Below the hurdles the columns differ: more volatility, more chance to reach the targets.
    expect(values(matrixColumns[4])[0]).toBeGreaterThan(values(matrixColumns[0])[0] * 1.01);
    expect(new Set(matrixColumns.map((c) => values(c)[1])).size).toBe(matrixColumns.length);
  });

  test('AMD: the sheet is live — a USD 600 share price makes the intrinsic value 95,998,400,000', () => {
    const plan = buildSheetPlan(scenarioById('amd'));
    const loaded = loadPlan(plan);
    setCell(loaded.engine, `'${plan.sheetName}'!${plan.anchors.price}`, 600);
    expect(readName(loaded.engine, 'AMD_IntrinsicValueNow')).toBe(95_998_400_000);
    expect(readName(loaded.engine, 'AMD_ChecksOK')).toBe(true);
  });

  test('Nvidia', () => {
    const plan = buildSheetPlan(scenarioById('nvidia'));
    const loaded = loadPlan(plan);
    const { name } = loaded;
    const v = (id: string) => input(plan, id);
    // GW, hardware per GW and years come from the ledger's Nvidia row (calculated cells).
    const c = (id: string) => loaded.value(plan.anchors[id]) as number;
    const gw = c('capacity');
    expect(gw).toBe(10);
    expect(c('hardwarePerGw')).toBe(35);
    const investment = gw * v('investmentPerGw') * 1e9;
    const hardware = gw * c('hardwarePerGw') * 1e9;
    const flow = (metric: string) => impl.circularFlow(investment, hardware, v('grossMargin'), null, metric)[0][0] as number;
    expect(name('NVDA_TotalInvestment')).toBe(100e9);
    expectClose(name('NVDA_TotalHardware'), hardware);
    expectClose(name('NVDA_RoundTripShare'), flow('roundTripShare'));
    expectClose(name('NVDA_CustomerCashNeed'), flow('customerCashNeed'));
    // Gross profit on the hardware less the investment (CIRCULARFLOW's "vendorNetCash" metric), named for what it is.
    expectClose(name('NVDA_VendorGrossProfitLessInvestment'), v('grossMargin') * hardware - investment);
    expectClose(name('NVDA_VendorGrossProfitLessInvestment'), flow('vendorNetCash'));
    // 2026: the first GW, in H2 2026 (the fact), and the per-GW table completes exactly one GW in 2026.
    expect(name('NVDA_GWOnline2026')).toBe(1);
    expect(c('firstYear')).toBe(2026);
    expectClose(name('NVDA_AllInCost'), gw * v('allInPerGw') * 1e9);
    expectClose(name('NVDA_AllInCashNeed'), gw * v('allInPerGw') * 1e9 - investment);
    expectClose(name('NVDA_InvestmentShareOfAllIn'), investment / (gw * v('allInPerGw') * 1e9));
    // The last GW completes in the ledger's last delivery year; the letter is replaced: nothing expected.
    expect(name('NVDA_CompletionYear')).toBe(c('lastYear'));
    expect(name('NVDA_ExpectedPurchases')).toBe(0);
    expect(loaded.value(plan.anchors.status)).toContain('Replaced');
  });

  test('Oracle', () => {
    const plan = buildSheetPlan(scenarioById('oracle'));
    const loaded = loadPlan(plan);
    const { name } = loaded;
    const v = (id: string) => input(plan, id);
    const c = (id: string) => loaded.value(plan.anchors[id]) as number;
    const growth = Math.log(1 + v('growth')); // the sheet's annual compound growth, converted as every sheet does
    const years = columnValues(loaded, plan.anchors['byYear.year']) as number[];
    const commitment = columnValues(loaded, plan.anchors['byYear.commitment']) as number[];
    const available = years.map((y, k) => (commitment[k] > 0 ? v('revenueBase') * 1e9 * Math.exp(growth * (y - v('baseYear'))) * v('availableShare') : 0));
    const gaps = impl.fundingGap(
      commitment.map((x) => [x]),
      available.map((a) => [a]),
      v('cash') * 1e9,
    );
    expectClose(name('ORCL_TotalCommitment'), 300e9);
    expectClose(name('ORCL_CumulativeGap'), gaps[gaps.length - 1][0], 1e-10);
    expectClose(name('ORCL_PeakAnnualGap'), Math.max(...commitment.map((x, k) => x - available[k])), 1e-10);
    expectClose(name('ORCL_Coverage'), available.reduce((a, b) => a + b) / commitment.reduce((a, b) => a + b), 1e-10);
    const finalYear = c('finalYear');
    const required = commitment[years.indexOf(finalYear)] / v('availableShare');
    expectClose(name('ORCL_RequiredRevenueFinalYear'), required);
    expectClose(name('ORCL_ShortfallProb'), impl.shortfallProb(required, v('revenueBase') * 1e9, growth, v('volatility'), finalYear - v('baseYear')));
    expectClose(name('ORCL_CommitmentPerGw'), 300e9 / 4.5);
    // Paid from 2027 for the ~5-year term, per GW-year in use: a three-year ramp to 4.5 GW gives
    // 0.75, 2.25, 3.75, 4.5, 4.5 GW-years of 15.75, so the shares are 1/21, 3/21, 5/21, 6/21, 6/21.
    expect(years.filter((_, k) => commitment[k] > 0)).toEqual([2027, 2028, 2029, 2030, 2031]);
    expect(commitment.filter((x) => x > 0).map((x) => Math.round((x / 300e9) * 21 * 1e9) / 1e9)).toEqual([1, 3, 5, 6, 6]);
  });

  test('Oracle: the term input drives the schedule', () => {
    const plan = buildSheetPlan(scenarioById('oracle'));
    const loaded = loadPlan(plan);
    setCell(loaded.engine, `'${plan.sheetName}'!${plan.anchors.oracleTerm}`, 7);
    expect(readName(loaded.engine, 'ORCL_ChecksOK')).toBe(true);
    expectClose(readName(loaded.engine, 'ORCL_TotalCommitment'), 300e9);
    // Seven years: 0.75 + 2.25 + 3.75 + 4 × 4.5 = 24.75 GW-years; the last year is 4.5 of them.
    const finalYearCommitment = (4.5 / 24.75) * 300e9;
    expectClose(readName(loaded.engine, 'ORCL_PeakAnnualCommitment'), finalYearCommitment);
    expectClose(readName(loaded.engine, 'ORCL_RequiredRevenueFinalYear'), finalYearCommitment / input(plan, 'availableShare'));
    const v = (id: string) => input(plan, id);
    expectClose(
      readName(loaded.engine, 'ORCL_ShortfallProb'),
      impl.shortfallProb(finalYearCommitment / v('availableShare'), v('revenueBase') * 1e9, Math.log(1 + v('growth')), v('volatility'), 2027 + 7 - 1 - v('baseYear')),
    );
    setCell(loaded.engine, `'${plan.sheetName}'!${plan.anchors.oracleTerm}`, 4.5);
    expect(readName(loaded.engine, 'ORCL_ChecksOK')).toBe(false);
  });

  test('Broadcom', () => {
    const plan = buildSheetPlan(scenarioById('broadcom'));
    const loaded = loadPlan(plan);
    const { name } = loaded;
    const v = (id: string) => input(plan, id);
    const c = (id: string) => loaded.value(plan.anchors[id]) as number;
    expect([c('capacity'), c('costPerGw'), c('startYear'), c('endYear')]).toEqual([10, 15, 2026, 2029]);
    expectClose(name('AVGO_TotalSpend'), c('capacity') * c('costPerGw') * 1e9);
    expectClose(name('AVGO_TotalAllInCost'), c('capacity') * v('allInPerGw') * 1e9);
    expectClose(name('AVGO_ChipShareOfAllIn'), c('costPerGw') / v('allInPerGw'));
    expectClose(name('AVGO_GwAtEnd'), c('capacity'));
    expect(name('AVGO_CompletionYear')).toBe(c('endYear'));
    // Delivered linearly from mid-2026 to the end of 2029 (3.5 years): 1/7, 2/7, 2/7, 2/7 of the 10 GW.
    const years = columnValues(loaded, plan.anchors['byYear.year']) as number[];
    const spend = columnValues(loaded, plan.anchors['byYear.spend']) as number[];
    expect(years.filter((_, k) => spend[k] > 0)).toEqual([2026, 2027, 2028, 2029]);
    expect(spend.filter((x) => x > 0).map((x) => Math.round((x / 150e9) * 7 * 1e9) / 1e9)).toEqual([1, 2, 2, 2]);
    // The spend against the OpenAI revenue available for it: the shared funding model (FUNDINGGAP).
    const available = years.map((y, k) => (spend[k] > 0 ? v('revenueBase') * 1e9 * (1 + v('growth')) ** (y - v('baseYear')) * v('availableShare') : 0));
    const gaps = impl.fundingGap(
      spend.map((x) => [x]),
      available.map((x) => [x]),
      v('cash') * 1e9,
    );
    expectClose(name('AVGO_CumulativeGap'), gaps[gaps.length - 1][0], 1e-10);
    expectClose(name('AVGO_Coverage'), available.reduce((a, b) => a + b) / spend.reduce((a, b) => a + b), 1e-10);
  });

  test("Bain's 2030 gap", () => {
    const plan = buildSheetPlan(scenarioById('bain2030'));
    const { name } = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const required = impl.requiredRevenue(v('capex') * 1e9, v('capexShare'));
    const projected = v('revenueNeeded') * 1e12 - v('shortfall') * 1e9;
    const years = v('targetYear') - v('baseYear');
    expect(name('BAIN_RequiredRevenue')).toBe(2e12);
    expect(name('BAIN_FundingGap')).toBe(800e9);
    expectClose(name('BAIN_RequiredRevenue'), required);
    expectClose(name('BAIN_FundingGap'), impl.fundingGap(required, projected)[0][0]);
    expectClose(name('BAIN_Coverage'), projected / required);
    const growth = Math.log(1 + v('growth')); // annual compound input, converted by the shared row
    expectClose(name('BAIN_ShortfallProb'), impl.shortfallProb(required, v('revenueNow') * 1e9, growth, v('volatility'), years));
    expectClose(name('BAIN_GrowthNeeded'), (required / (v('revenueNow') * 1e9)) ** (1 / years) - 1);
    const median = v('revenueNow') * 1e9 * Math.exp((growth - v('volatility') ** 2 / 2) * years);
    expectClose(name('BAIN_PathMedianRevenue'), median);
    expectClose(name('BAIN_PathGap'), impl.fundingGap(required, median)[0][0]);
  });

  test("Bain: the path's median against Bain's funding capacity is computed, not asserted", () => {
    const plan = buildSheetPlan(scenarioById('bain2030'));
    const loaded = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const value = (id: string) => loaded.value(plan.anchors[id]) as number;
    expect(plan.names.map((n) => n.name)).not.toContain('BAIN_ProjectedRevenue');
    const capacity = v('revenueNeeded') * 1e12 - v('shortfall') * 1e9;
    expect(readName(loaded.engine, 'BAIN_FundingCapacity')).toBe(1.2e12);
    const years = v('targetYear') - v('baseYear');
    // Lognormal median: revenue × e^((ln(1+g) − σ²/2)·years); the figures: USD 1,114.7 bn in 2030, 30.3 % to reach 1.2 tn.
    const median = v('revenueNow') * 1e9 * Math.exp((Math.log(1 + v('growth')) - v('volatility') ** 2 / 2) * years);
    expect(median / 1e9).toBeCloseTo(1114.7, 1);
    expectClose(value('medianToCapacity'), median / capacity);
    const needed = Math.exp(Math.log(capacity / (v('revenueNow') * 1e9)) / years + v('volatility') ** 2 / 2) - 1;
    expect(needed).toBeCloseTo(0.303, 3);
    expectClose(value('growthForCapacity'), needed);
    expect(readName(loaded.engine, 'BAIN_ChecksOK')).toBe(true);
    // Growing at that rate, the path's median in the target year is Bain's funding capacity.
    setCell(loaded.engine, `'${plan.sheetName}'!${plan.anchors.growth}`, value('growthForCapacity'));
    expectClose(readName(loaded.engine, 'BAIN_PathMedianRevenue') as number, capacity);
    expectClose(value('medianToCapacity'), 1);
    expect(readName(loaded.engine, 'BAIN_ChecksOK')).toBe(true);
  });

  test("Bain: the base and target years drive the path length", () => {
    const plan = buildSheetPlan(scenarioById('bain2030'));
    const loaded = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    setCell(loaded.engine, `'${plan.sheetName}'!${plan.anchors.targetYear}`, 2033);
    expect(readName(loaded.engine, 'BAIN_ChecksOK')).toBe(true);
    const median = v('revenueNow') * 1e9 * Math.exp((Math.log(1 + v('growth')) - v('volatility') ** 2 / 2) * (2033 - v('baseYear')));
    expectClose(readName(loaded.engine, 'BAIN_PathMedianRevenue'), median);
    setCell(loaded.engine, `'${plan.sheetName}'!${plan.anchors.baseYear}`, 2027);
    expect(readName(loaded.engine, 'BAIN_ChecksOK')).toBe(true);
    expectClose(readName(loaded.engine, 'BAIN_PathMedianRevenue'), v('revenueNow') * 1e9 * Math.exp((Math.log(1 + v('growth')) - v('volatility') ** 2 / 2) * 6));
  });

  test('Portfolio: PORT_WarrantValue is the AMD sheet’s AMD_TrancheValueTotal', () => {
    const port = loadPlan(buildSheetPlan(scenarioById('portfolio')));
    const amdSheet = loadPlan(buildSheetPlan(scenarioById('amd')));
    expect(port.name('PORT_WarrantValue')).toBe(amdSheet.name('AMD_TrancheValueTotal'));
    expect(port.name('PORT_WarrantValue') as number).toBeLessThan(amdSheet.name('AMD_WarrantValueAtTarget') as number);
  });

  test('OpenAI: the commitments total comes from the same ledger as the portfolio', () => {
    const openaiSheet = loadPlan(buildSheetPlan(scenarioById('openai')));
    const port = loadPlan(buildSheetPlan(scenarioById('portfolio')));
    expect(openaiSheet.name('OPENAI_CommitmentsTotal')).toBe(port.name('PORT_CommitmentsTotal'));
  });

  test('OpenAI: the 2025 calibration and the start-2026 cash, recomputed from the inputs', () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const loaded = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const costOfRevenue = (1 - v('grossMargin2025')) * v('revenue2025') * 1e9;
    expectClose(loaded.name('OPENAI_Model2025Burn'), costOfRevenue + (v('training2025') + v('opex2025') - v('revenue2025')) * 1e9);
    // The reported 2025 burn is what the calibration is held against: within a quarter of it.
    expect(Math.abs((loaded.name('OPENAI_Model2025Burn') as number) / (v('burn2025') * 1e9) - 1)).toBeLessThan(0.25);
    const rounds = openaiRounds(plan);
    const paid2025 = rounds.filter((r) => r.year === v('scheduleStart')).reduce((s, r) => s + r.expected, 0);
    expectClose(paid2025, v('rounds.amount#1') * 1e9); // the USD 41 bn round closed in 2025, all of it
    const start = (v('cashMid2025') + v('h1CashBurn') - v('softbankFirstClosing')) * 1e9 + paid2025 - v('burn2025') * 1e9;
    expectClose(loaded.value(plan.anchors.startCash), start);
    // The February 2026 round's parts add up to the sourced total.
    expectClose(rounds.filter((r) => r.year > v('scheduleStart')).reduce((s, r) => s + r.amount, 0), v('round2026Total') * 1e9);
  });

  test('OpenAI: revenue, costs, debt and the cash path year by year, recomputed from the inputs (base case)', () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const loaded = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const m = openaiColumns(plan, loaded);
    const schedule = scheduleColumns(plan, loaded);
    const [start, target] = [v('scheduleStart'), v('revenueTargetYear')];
    const revenueTarget = v('caseMoney.base#1') * 1e9;
    const [equity, debtPerYear] = [v('caseMoney.base#2') * 1e9, v('caseMoney.base#3') * 1e9];
    const [late, , margin2030, opexGrowth] = [1, 2, 3, 4].map((k) => v(`caseRates.base#${k}`));
    const runRate = v('runRateEnd2025') * 1e9;
    const rounds = openaiRounds(plan);
    const draws: number[] = [];
    let outstanding = 0;
    let cash = loaded.value(plan.anchors.startCash) as number;
    m.year.forEach((year, t) => {
      expect(year).toBe(start + 1 + t);
      const ramp = Math.min(1, (year - start - 0.5) / (target - start - 0.5));
      const revenue = year <= target ? runRate * (revenueTarget / runRate) ** ramp : revenueTarget * (1 + late) ** (year - target);
      expectClose(m.revenue[t], revenue, 1e-12);
      expectClose(m.growthContinuous[t], Math.log(revenue / (t === 0 ? v('revenue2025') * 1e9 : m.revenue[t - 1])), 1e-9);
      const margin = v('grossMargin2025') + (margin2030 - v('grossMargin2025')) * Math.min(1, (year - start) / (target - start));
      const inference = (1 - margin - v('otherCostShare')) * revenue;
      const ledgerCompute = schedule.total[schedule.year.indexOf(year)];
      expectClose(m.ledgerCompute[t], ledgerCompute);
      const outside = Math.max(0, inference - ledgerCompute);
      const opex = v('opex2025') * 1e9 * (1 + opexGrowth) ** (Math.min(year, target) - start) * (1 + late) ** Math.max(0, year - target);
      // Debt: each year's draw repaid in equal parts over the tenor from the next year; interest on the debt at the start of the year.
      const draw = year >= v('debtFrom') && year <= v('debtTo') ? debtPerYear : 0;
      const repayment = draws.reduce((s, d, u) => s + (t - u <= v('debtTenor') ? d / v('debtTenor') : 0), 0);
      const interest = v('debtRate') * outstanding;
      outstanding += draw - repayment;
      draws.push(draw);
      expectClose(m.interest[t], interest, 1e-9);
      expectClose(m.repayment[t], repayment, 1e-9);
      const financing = rounds.filter((r) => r.year === year).reduce((s, r) => s + r.expected, 0) + (year >= v('laterEquityFrom') ? equity : 0) + draw;
      cash += (1 - v('otherCostShare')) * revenue - outside - ledgerCompute - opex - interest - repayment + financing;
      expectClose(m.cash[t], cash, 1e-9);
      // FUNDINGRISK's terms give the same cash on expected revenue: share × revenue + new money − obligations.
      expectClose(m.share[t] * revenue + m.financing[t] - m.obligations[t], (1 - v('otherCostShare')) * revenue - outside - ledgerCompute - opex - interest - repayment + financing, 1e-9);
    });
    expect(outstanding).toBeCloseTo(m.debt[m.debt.length - 1], 0);
  });

  test('OpenAI: the FUNDINGRISK columns and the named outputs equal the model called directly', () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const loaded = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const m = openaiColumns(plan, loaded);
    const schedule = scheduleColumns(plan, loaded);
    const direct = (metric: string) => openaiFundingRisk(plan, loaded, metric, m.obligations).map((row) => row[0] as number);
    for (const metric of ['ranOutProb', 'expectedDeficit', 'p5', 'p50', 'p95', 'needP50', 'needP95'] as const) {
      const column = { ranOutProb: 'ranOut', expectedDeficit: 'deficit' }[metric as string] ?? metric;
      expect([metric, m[column as keyof typeof m]]).toEqual([metric, direct(metric)]);
    }
    const at = (years: number[], values: number[], year: number) => values[years.indexOf(year)];
    expect(loaded.name('OPENAI_Due2026')).toBe(at(schedule.year, schedule.total, 2026));
    expect(loaded.name('OPENAI_Due2028')).toBe(at(schedule.year, schedule.total, 2028));
    expect(loaded.name('OPENAI_GWOnline2030')).toBe(at(schedule.year, schedule.gwOnline, 2030));
    expect(loaded.name('OPENAI_NewMoneyNeededBy2030')).toBe(at(m.year, m.needP50, 2030));
    const peak = Math.max(...m.needP50);
    expect(loaded.name('OPENAI_PeakFundingNeedP50')).toBe(peak);
    expect(loaded.name('OPENAI_PeakFundingNeedP95')).toBe(Math.max(...m.needP95));
    expect(loaded.name('OPENAI_PeakFundingYear')).toBe(m.year[m.needP50.indexOf(peak)]);
    expect(loaded.name('OPENAI_RanOutProb')).toBe(m.ranOut[m.ranOut.length - 1]);
    // Not saturated with the default inputs: a need that is neither 0 nor the same in every path.
    expect(peak).toBeGreaterThan(0);
    expect(Math.max(...m.needP95)).toBeGreaterThan(peak);
    expect(m.ranOut[m.ranOut.length - 1]).toBeLessThan(1);
  });

  test('OpenAI: the case table chooses the revenue method; drivers start at the end-2025 run rate; the company case reaches its 2030 projection', () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const loaded = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const at = (id: string) => `'${plan.sheetName}'!${plan.anchors[id]}`;
    const perBusiness = (v('runRateEnd2025') * 1e3 - v('payers2026') * v('revenuePerPayer')) / v('businesses2026');
    expectClose(loaded.value(plan.anchors.revenuePerBusiness), perBusiness);
    setCell(loaded.engine, at('caseChoice'), 1); // bear: user drivers
    expect(loaded.name('OPENAI_Case')).toBe('Bear');
    let m = openaiColumns(plan, loaded);
    const t2030 = m.year.indexOf(v('revenueTargetYear'));
    expectClose(m.revenue[t2030], (v('users2030') * v('payingShare2030') * v('revenuePerPayer') + v('businesses2030') * perBusiness) * 1e6, 1e-12);
    expect(m.revenue).toEqual(m.revenueDrivers);
    setCell(loaded.engine, at('caseChoice'), 4);
    expect(loaded.name('OPENAI_Case')).toBe('Company projection');
    m = openaiColumns(plan, loaded);
    expectClose(m.revenue[t2030], v('projectedRevenue2030') * 1e9, 1e-12);
    expect(m.revenue).toEqual(m.revenueGrowth);
    expect(loaded.value(plan.allChecks)).toBe(true);
  });

  test('OpenAI tornado: every bar moves the p50 peak funding need, each the way it must, and equals a direct call', () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const loaded = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const low = columnValues(loaded, plan.anchors['tornado.low']) as number[];
    const high = columnValues(loaded, plan.anchors['tornado.high']) as number[];
    const swing = columnValues(loaded, plan.anchors['tornado.swing']) as number[];
    expect(swing.every((s) => s > 0)).toBe(true); // not flat: every input moves the answer
    const [growth, , otherCost, compute, opex, cash, financing, buffer] = low.map((l, k) => [l, high[k]]);
    expect(growth[1]).toBeLessThan(growth[0]);
    expect(otherCost[1]).toBeGreaterThan(otherCost[0]);
    expect(compute[1]).toBeGreaterThan(compute[0]);
    expect(opex[1]).toBeGreaterThan(opex[0]);
    expect(cash[1]).toBeLessThan(cash[0]);
    expect(financing[1]).toBeLessThan(financing[0]);
    expect(buffer[1]).toBeGreaterThan(buffer[0]); // common random numbers: a bigger buffer never lowers a need
    const m = openaiColumns(plan, loaded);
    const factor = 1 + v('tornadoSwing');
    const scaled = openaiFundingRisk(plan, loaded, 'needP50', m.obligations.map((o, t) => o + (factor - 1) * m.ledgerCompute[t]));
    expect(compute[1]).toBeCloseTo(scaled[scaled.length - 1][0] as number, 0);
    // The company case: the median path needs no money (p50 = 0 at both ends of most bars), the p95 bars still all move.
    setCell(loaded.engine, `'${plan.sheetName}'!${plan.anchors.caseChoice}`, 4);
    const lowP95 = columnValues(loaded, plan.anchors['tornado.lowP95']) as number[];
    const highP95 = columnValues(loaded, plan.anchors['tornado.highP95']) as number[];
    expect(lowP95.every((l, k) => Math.abs(highP95[k] - l) > 0)).toBe(true);
    expect(highP95[7]).toBeGreaterThan(lowP95[7]); // the buffer row, with common random numbers
  });

  test('OpenAI: the published estimates sit beside the model’s figure on the same basis', () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const loaded = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const m = openaiColumns(plan, loaded);
    const model = columnValues(loaded, plan.anchors['published.model']) as number[];
    const year = v('comparisonYear');
    const upTo = m.year.filter((y) => y <= year).length;
    // HSBC's basis: no money raised after 2025, no buffer, expected revenue: the deepest cumulative deficit by 2030.
    let cash = loaded.value(plan.anchors.startCash) as number;
    let need = 0;
    for (let t = 0; t < upTo; t++) {
      cash += m.revenue[t] - v('otherCostShare') * m.revenue[t] - m.ledgerCompute[t] - m.computeOutside[t] - m.opex[t];
      need = Math.max(need, -cash);
    }
    expectClose(model[0], need, 1e-9);
    // HSBC's rent and OpenAI's ~USD 600 bn plan: compute paid 2025 … 2030, 2025 from the calibration.
    const compute2025 = (1 - v('grossMargin2025') - v('otherCostShare')) * v('revenue2025') * 1e9 + v('training2025') * 1e9;
    const compute = compute2025 + m.ledgerCompute.slice(0, upTo).reduce((s, c, t) => s + c + m.computeOutside[t], 0);
    expectClose(model[1], compute, 1e-9);
    expectClose(model[2], compute, 1e-9);
    // Bain's basis: revenue needed per USD of compute (USD 2 tn for USD 500 bn) × 2030 compute − 2030 revenue.
    const t = upTo - 1;
    expectClose(model[3], ((v('bainRevenueNeeded') * 1e3) / v('bainCapex')) * (m.ledgerCompute[t] + m.computeOutside[t]) - m.revenue[t], 1e-9);
    const published = columnValues(loaded, plan.anchors['published.published']) as number[];
    expect(published).toEqual([207, 792, 600, 800]);
  });

  test('OpenAI: the verdict says how much new money is needed by the verdict year, against the thresholds the user edits', () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const loaded = loadPlan(plan);
    const at = (id: string) => `'${plan.sheetName}'!${plan.anchors[id]}`;
    const m = openaiColumns(plan, loaded);
    const need = m.needP50[m.year.indexOf(input(plan, 'verdictYear'))];
    expect(loaded.name('OPENAI_NeedByVerdictYear')).toBe(need);
    expect(loaded.name('OPENAI_VerdictYear')).toBe(input(plan, 'verdictYear'));
    const verdict = (lowBn: number, highBn: number) => (need <= lowBn * 1e9 ? 'Cornerstone' : need >= highBn * 1e9 ? 'Bubble' : 'Between the two');
    const shown = () => (loaded.name('OPENAI_Verdict') as string).split(':')[0];
    expect(shown()).toBe(verdict(input(plan, 'cornerstoneMaxNeed'), input(plan, 'bubbleMinNeed')));
    expect(shown()).toBe('Between the two'); // base case: neither threshold
    setCell(loaded.engine, at('cornerstoneMaxNeed'), Math.ceil(need / 1e9) + 1);
    setCell(loaded.engine, at('bubbleMinNeed'), Math.ceil(need / 1e9) + 2);
    expect(shown()).toBe('Cornerstone');
    setCell(loaded.engine, at('cornerstoneMaxNeed'), Math.floor(need / 1e9) - 2);
    setCell(loaded.engine, at('bubbleMinNeed'), Math.floor(need / 1e9) - 1);
    expect(shown()).toBe('Bubble');
    setCell(loaded.engine, at('verdictYear'), 2027); // an earlier year: less new money needed so far, never more
    expect(loaded.name('OPENAI_NeedByVerdictYear') as number).toBeLessThanOrEqual(need);
  });

});

function columnValues(loaded: ReturnType<typeof loadPlan>, range: string): unknown[] {
  const { start, end } = a1.parseRange(range.replace(/\$/g, ''));
  const values: unknown[] = [];
  for (let r = start.row; r <= end.row; r++) {
    const value = loaded.value(a1.formatCell(r, start.col));
    values.push(Array.isArray(value) ? value[0][0] : value); // a spill anchor reads back as its whole array
  }
  return values;
}

/** The openai sheet's model table, column by column (spilled FUNDINGRISK columns read cell by cell). */
function openaiColumns(plan: SheetPlan, loaded: ReturnType<typeof loadPlan>) {
  const ids = ['year', 'revenueDrivers', 'revenueGrowth', 'revenue', 'growthContinuous', 'ledgerCompute', 'computeOutside', 'opex', 'repayment', 'debt', 'interest', 'obligations', 'share', 'financing', 'cash'] as const;
  const spilled = ['ranOut', 'deficit', 'p5', 'p50', 'p95', 'needP50', 'needP95'] as const;
  const c = (id: string) => columnValues(loaded, plan.anchors[`model.${id}`]) as number[];
  return Object.fromEntries([...ids, ...spilled].map((id) => [id, c(id)])) as Record<(typeof ids)[number] | (typeof spilled)[number], number[]>;
}

/** `DEALS.FUNDINGRISK` called directly on the sheet's own columns and inputs (base case), with the given obligations. */
function openaiFundingRisk(plan: SheetPlan, loaded: ReturnType<typeof loadPlan>, metric: string, obligations: readonly number[]) {
  const m = openaiColumns(plan, loaded);
  const v = (id: string) => input(plan, id);
  return impl.fundingRisk(
    obligations.map((o) => [o]),
    v('revenue2025') * 1e9,
    m.growthContinuous.map((g) => [g]),
    v('caseRates.base#2'),
    m.share.map((s) => [s]),
    loaded.value(plan.anchors.startCash) as number,
    m.financing.map((f) => [f]),
    v('paths'),
    v('seed'),
    metric,
    v('minimumCash') * 1e9,
  );
}

/** The ledger's schedule on the openai sheet: year, expected money paid, expected GW online. */
function scheduleColumns(plan: SheetPlan, loaded: ReturnType<typeof loadPlan>) {
  const c = (id: string) => columnValues(loaded, plan.anchors[`schedule.${id}`]) as number[];
  return { year: c('year'), total: c('total'), gwOnline: c('gwOnline') };
}

/** The dated equity rounds: year, amount and expected amount (× weight), full USD. */
function openaiRounds(plan: SheetPlan) {
  return [1, 2, 3, 4, 5].map((k) => {
    const amount = input(plan, `rounds.amount#${k}`) * 1e9;
    return { year: input(plan, `rounds.year#${k}`), amount, expected: amount * input(plan, `rounds.weight#${k}`) };
  });
}
