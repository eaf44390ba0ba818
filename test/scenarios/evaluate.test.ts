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

const plans = PRESETS.map((s) => [s.id, buildSheetPlan(s)] as const);

/** The typed value of an input or of a cell the plan holds as a value. */
function input(plan: SheetPlan, id: string): number {
  const address = plan.anchors[id] ?? plan.inputs.find((i) => i.id === id)?.address;
  if (!address) throw new Error(`no input ${id}`);
  const { row, col } = a1.parseCell(address);
  const value = plan.cells[row][col];
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
    expectClose(name('AMD_DilutedValueNow'), impl.warrantValue(shares, strike, price, vol, years, rate, q, v('outstanding') * 1e6, true));
    expectClose(name('AMD_HardwareValue'), hardware);
    expectClose(name('AMD_BreakevenPrice'), impl.breakevenPrice(shares, strike, hardware));
    expectClose(name('AMD_BreakevenPriceModel'), impl.breakevenPrice(shares, strike, hardware, vol, years, rate, q));

    const tranches = [1, 2, 3, 4, 5, 6].map((k) => ({
      shares: input(plan, `terms.share#${k}`) * shares,
      hurdle: k === 6 ? target : input(plan, `terms.hurdle#${k}`),
      probability: input(plan, `terms.probability#${k}`),
    }));
    const trancheTotal = tranches.reduce((sum, t) => sum + impl.trancheValue(t.shares, strike, price, t.hurdle, vol, years, rate, q, t.probability), 0);
    expectClose(name('AMD_TrancheValueTotal'), trancheTotal);
    expectClose(name('AMD_EffectiveDiscount'), impl.circularFlow(0, hardware, null, trancheTotal, 'effectiveDiscount')[0][0] as number);
    expectClose(name('AMD_EffectiveDiscountAtTarget'), impl.circularFlow(0, hardware, null, 95_998_400_000, 'effectiveDiscount')[0][0] as number);
    expectClose(name('AMD_NetHardwareCost'), hardware - trancheTotal);
    expectClose(name('AMD_StakeIfExercised'), shares / (v('outstanding') * 1e6 + shares));
    const greeks = impl.warrantGreeks(shares, strike, price, vol, years, rate, q);
    expectClose(name('AMD_Delta'), greeks[0][1] as number);
    expectClose(name('AMD_Vega'), greeks[2][1] as number);
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
    const { name } = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const gw = v('capacity');
    const investment = gw * v('investmentPerGw') * 1e9;
    const hardware = gw * v('hardwarePerGw') * 1e9;
    const flow = (metric: string) => impl.circularFlow(investment, hardware, v('grossMargin'), null, metric)[0][0] as number;
    expect(name('NVDA_TotalInvestment')).toBe(100e9);
    expectClose(name('NVDA_TotalHardware'), hardware);
    expectClose(name('NVDA_RoundTripShare'), flow('roundTripShare'));
    expectClose(name('NVDA_CustomerCashNeed'), flow('customerCashNeed'));
    expectClose(name('NVDA_VendorNetCash'), flow('vendorNetCash'));
    expectClose(name('NVDA_AllInCost'), gw * v('allInPerGw') * 1e9);
    expectClose(name('NVDA_AllInCashNeed'), gw * v('allInPerGw') * 1e9 - investment);
    expectClose(name('NVDA_InvestmentShareOfAllIn'), investment / (gw * v('allInPerGw') * 1e9));
    expect(name('NVDA_CompletionYear')).toBe(v('firstYear') + Math.floor((gw - 1) / v('pace')));
  });

  test('Oracle', () => {
    const plan = buildSheetPlan(scenarioById('oracle'));
    const { name } = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const years = Array.from({ length: v('term') }, (_, k) => v('startYear') + k);
    const commitment = years.map((_, k) => input(plan, `schedule.share#${k + 1}`) * v('contractValue') * 1e9);
    const available = years.map((y) => v('revenueBase') * 1e9 * (1 + v('growth')) ** (y - v('baseYear')) * v('availableShare'));
    const gaps = impl.fundingGap(
      commitment.map((c) => [c]),
      available.map((a) => [a]),
      v('cash') * 1e9,
    );
    expectClose(name('ORCL_TotalCommitment'), v('contractValue') * 1e9);
    expectClose(name('ORCL_CumulativeGap'), gaps[gaps.length - 1][0]);
    expectClose(name('ORCL_PeakAnnualGap'), Math.max(...commitment.map((c, k) => c - available[k])));
    expectClose(name('ORCL_Coverage'), available.reduce((a, b) => a + b) / commitment.reduce((a, b) => a + b));
    const required = commitment[commitment.length - 1] / v('availableShare');
    expectClose(name('ORCL_RequiredRevenueFinalYear'), required);
    expectClose(
      name('ORCL_ShortfallProb'),
      impl.shortfallProb(required, v('revenueBase') * 1e9, Math.log(1 + v('growth')), v('volatility'), years[years.length - 1] - v('baseYear')),
    );
    expectClose(name('ORCL_CommitmentPerGw'), (v('contractValue') * 1e9) / v('capacity'));
  });

  test('Broadcom', () => {
    const plan = buildSheetPlan(scenarioById('broadcom'));
    const { name } = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    expectClose(name('AVGO_TotalSpend'), v('capacity') * v('costPerGw') * 1e9);
    expectClose(name('AVGO_TotalAllInCost'), v('capacity') * v('allInPerGw') * 1e9);
    expectClose(name('AVGO_ChipShareOfAllIn'), v('costPerGw') / v('allInPerGw'));
    expectClose(name('AVGO_GwAtEnd'), v('capacity'));
    expect(name('AVGO_CompletionYear')).toBe(v('endYear'));
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
    expectClose(name('BAIN_ShortfallProb'), impl.shortfallProb(required, v('revenueNow') * 1e9, v('growth'), v('volatility'), years));
    expectClose(name('BAIN_GrowthNeeded'), (required / (v('revenueNow') * 1e9)) ** (1 / years) - 1);
    const median = v('revenueNow') * 1e9 * Math.exp((v('growth') - v('volatility') ** 2 / 2) * years);
    expectClose(name('BAIN_PathMedianRevenue'), median);
    expectClose(name('BAIN_PathGap'), impl.fundingGap(required, median)[0][0]);
  });

  test("OpenAI's books", () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const { name } = loadPlan(plan);
    const v = (id: string) => input(plan, id);
    const required = impl.requiredRevenue((v('commitments') * 1e9) / v('payYears'), v('computeShare'));
    const probability = impl.shortfallProb(required, v('revenue2025') * 1e9, v('growth'), v('volatility'), v('horizon'));
    const multiple = v('commitments') / v('revenue2025');
    expectClose(name('OPENAI_CommitmentsToRevenue'), multiple);
    expectClose(name('OPENAI_ValuationToRevenue'), v('valuation') / v('revenue2025'));
    expectClose(name('OPENAI_H1NetMargin'), -v('h1Loss') / v('h1Revenue'));
    expectClose(name('OPENAI_RequiredRevenue'), required);
    expectClose(name('OPENAI_GrowthNeeded'), (required / (v('revenue2025') * 1e9)) ** (1 / v('horizon')) - 1);
    expectClose(name('OPENAI_ShortfallProb'), probability);
    const verdict =
      probability <= v('cornerstoneMaxProb') && multiple <= v('cornerstoneMaxMultiple')
        ? 'Cornerstone'
        : probability >= v('bubbleMinProb') || multiple >= v('bubbleMinMultiple')
          ? 'Bubble'
          : 'Between the two';
    expect(name('OPENAI_Verdict')).toBe(verdict);
  });

  test('OpenAI: the verdict follows the thresholds the user edits', () => {
    const plan = buildSheetPlan(scenarioById('openai'));
    const loaded = loadPlan(plan);
    const at = (id: string) => `'${plan.sheetName}'!${plan.anchors[id]}`;
    setCell(loaded.engine, at('bubbleMinProb'), 0.99);
    setCell(loaded.engine, at('bubbleMinMultiple'), 1000);
    expect(readName(loaded.engine, 'OPENAI_Verdict')).toBe('Between the two');
    setCell(loaded.engine, at('cornerstoneMaxProb'), 0.95);
    setCell(loaded.engine, at('cornerstoneMaxMultiple'), 500);
    expect(readName(loaded.engine, 'OPENAI_Verdict')).toBe('Cornerstone');
  });

  test('Portfolio', () => {
    const plan = buildSheetPlan(scenarioById('portfolio'));
    const { name } = loadPlan(plan);
    const warrants = impl.warrantValue(input(plan, 'amdShares'), input(plan, 'amdStrike'), input(plan, 'amdTarget'));
    const row = (k: number, col: string) => input(plan, `deals.${col}#${k}`);
    const values = [row(1, 'reported'), row(2, 'gw') * row(2, 'perGw'), row(3, 'gw') * row(3, 'perGw'), row(4, 'gw') * row(4, 'perGw'), row(5, 'reported'), row(6, 'reported'), row(7, 'reported')].map(
      (bn) => bn * 1e9,
    );
    const total = values.reduce((a, b) => a + b);
    const headline = values.filter((_, k) => cellValue(plan, `deals.inHeadline#${k + 1}`) === true).reduce((a, b) => a + b);
    expectClose(name('PORT_TotalValue'), total);
    expectClose(name('PORT_HeadlineValue'), headline);
    expectClose(name('PORT_WarrantsAtTarget'), warrants);
    expectClose(name('PORT_VendorInvestment'), row(2, 'reported') * 1e9);
    expectClose(name('PORT_CashFromOpenAI'), total - warrants - row(2, 'reported') * 1e9);
    expectClose(name('PORT_TotalGw'), [1, 2, 3, 4].reduce((sum, k) => sum + row(k, 'gw'), 0));
    expect(total).toBeGreaterThan(0.9e12); // about a trillion dollars
  });
});

function cellValue(plan: SheetPlan, inputId: string): unknown {
  const address = plan.inputs.find((i) => i.id === inputId)?.address;
  if (!address) throw new Error(inputId);
  const { row, col } = a1.parseCell(address);
  return plan.cells[row][col];
}
