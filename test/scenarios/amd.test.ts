/**
 * The AMD sheet's audit findings (issue 18): the tranches whose price sits in the discrete-observation
 * band of their target, and the theta-per-day convention. The like-with-like discounts are checked
 * against the model in evaluate.test.ts; here the properties that must hold whatever the inputs.
 */
import { setCell } from '../../src/engine';
import { a1, buildSheetPlan, scenarioById } from '../../src/scenarios';
import { loadPlan } from './loadPlan';

const plan = buildSheetPlan(scenarioById('amd'));

/** β = −ζ(½)/√(2π), from the published ζ(½) = −1.4603545088095868 (not the model's constant). */
const BETA = 1.4603545088095868 / Math.sqrt(2 * Math.PI);

/** The address of an anchor or of an input cell (tranche terms are inputs: `terms.hurdle#2`). */
function address(id: string): string {
  const found = plan.anchors[id] ?? plan.inputs.find((i) => i.id === id)?.address;
  if (!found) throw new Error(`no cell ${id}`);
  return found;
}

function load() {
  const loaded = loadPlan(plan);
  const set = (id: string, value: number) => setCell(loaded.engine, `'${plan.sheetName}'!${address(id)}`, value);
  const num = (id: string) => loaded.value(address(id)) as number;
  const column = (id: string) => [...a1.rangeCells(a1.parseRange(plan.anchors[id]))].map((c) => loaded.value(a1.formatCell(c.row, c.col)));
  return { ...loaded, set, num, column };
}

describe('AMD: tranches near their target are flagged (BGK band)', () => {
  test('tranche 1 at the defaults: price 203.71 against the target 200, inside the band of the corrected target', () => {
    const sheet = load();
    const [price, vol, m] = ['price', 'volatility', 'observationsPerYear'].map(sheet.num);
    // Tranche 6's target is the final target (a formula, not an input cell).
    const hurdles = [1, 2, 3, 4, 5].map((k) => sheet.num(`terms.hurdle#${k}`)).concat(sheet.num('target'));
    expect(price).toBe(203.71);
    expect(hurdles[0]).toBe(200);
    // The model prices at H' = H·e^(βσ√Δt); the band is H'·e^(±βσ√Δt) = [H, H·e^(2βσ√Δt)].
    const shift = BETA * vol * Math.sqrt(1 / m);
    const inBand = hurdles.map((h) => price >= h * (1 - 1e-12) && price <= h * Math.exp(2 * shift));
    expect(inBand).toEqual([true, false, false, false, false, false]);
    expect(sheet.column('tranches.nearHurdle')).toEqual(inBand);
    expect(sheet.name('AMD_TranchesNearHurdle')).toBe(1);
    // The corrected target sits 0.006 below today's price: a cent's move crosses the model's kink.
    expect(hurdles[0] * Math.exp(shift)).toBeCloseTo(203.704, 3);
  });

  test.each([190, 199.99, 207.5, 250])('no tranche is flagged at a price of %p (out of every band)', (price) => {
    const sheet = load();
    sheet.set('price', price);
    expect(sheet.column('tranches.nearHurdle')).toEqual([false, false, false, false, false, false]);
    expect(sheet.name('AMD_TranchesNearHurdle')).toBe(0);
    expect(sheet.name('AMD_ChecksOK')).toBe(true);
  });

  test('the band follows each tranche: a price just above the target of tranche 2 flags tranche 2 only', () => {
    const sheet = load();
    const hurdle2 = sheet.num('terms.hurdle#2');
    sheet.set('price', hurdle2 * 1.01);
    expect(sheet.column('tranches.nearHurdle')).toEqual([false, true, false, false, false, false]);
  });

  test('the band narrows with more observations and vanishes under continuous monitoring', () => {
    const sheet = load();
    // σ = 0.5: 2βσ√(1/m) < ln(203.71/200) = 0.01838 once m > 4·(0.5·0.5826/0.01838)², about 1005 a year.
    sheet.set('observationsPerYear', 1100);
    expect(sheet.column('tranches.nearHurdle')[0]).toBe(false);
    sheet.set('observationsPerYear', 0);
    expect(sheet.column('tranches.nearHurdle')).toEqual([false, false, false, false, false, false]);
    expect(sheet.name('AMD_TranchesNearHurdle')).toBe(0);
  });
});

describe('AMD: theta per day uses the days of the sheet’s years', () => {
  test('theta per day × days to expiry = theta per year × years to expiry', () => {
    const sheet = load();
    const days = sheet.num('expiry') - sheet.num('valuationDate');
    const perDay = sheet.name('AMD_PositionThetaPerDay') as number;
    const perYear = sheet.name('AMD_PositionTheta') as number;
    const years = sheet.num('years');
    expect(Math.abs((perDay * days) / (perYear * years) - 1)).toBeLessThan(1e-12);
  });
});

describe('AMD: like with like', () => {
  test('each basis compares a value with the hardware it buys; equal 1-GW tranches give one break-even', () => {
    const sheet = load();
    const n = (name: string) => sheet.name(name) as number;
    // Weighted value ÷ weighted hardware, full vesting ÷ full hardware: the published finding (~25 % nominal, ~28 % PV).
    expect(n('AMD_EffectiveDiscount')).toBeCloseTo(n('AMD_TrancheValueTotal') / n('AMD_ExpectedHardwareValue'), 12);
    expect(n('AMD_EffectiveDiscountFullVesting')).toBeCloseTo(n('AMD_TrancheValueFullVesting') / n('AMD_HardwareValue'), 12);
    expect(n('AMD_TrancheValueFullVesting')).toBeGreaterThan(n('AMD_TrancheValueTotal'));
    expect(n('AMD_ExpectedHardwareValue')).toBeLessThan(n('AMD_HardwareValue'));
    // With equal shares and one GW per tranche, expected hardware = full hardware × the share-weighted
    // probability; above every target the position is worth that fraction of the vested one: same price.
    expect(Math.abs(n('AMD_BreakevenPriceTranches') / n('AMD_BreakevenPriceTranchesFullVesting') - 1)).toBeLessThan(1e-9);
    // A milestone made less likely changes the weighted basis only.
    const full = n('AMD_EffectiveDiscountFullVesting');
    sheet.set('terms.probability#6', 0.1);
    expect(n('AMD_EffectiveDiscountFullVesting')).toBeCloseTo(full, 12);
    expect(n('AMD_ExpectedHardwareValue')).toBeCloseTo(((1 + 0.9 + 0.8 + 0.7 + 0.6 + 0.1) / 6) * n('AMD_HardwareValue'), 0);
  });
});
