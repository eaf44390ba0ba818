/**
 * Funding arithmetic and vendor-financing flows against values worked out here, and
 * SHORTFALLPROB's closed form away from the median against mpmath.
 */
import { circularFlow, requiredRevenue, runningFundingGap, shortfallProbability } from '../../src/model';

describe('runningFundingGap', () => {
  test('accumulates required − projected and starts from −cash', () => {
    // period 1: 100 − 80 − 5 = 15; period 2: 15 + 120 − 130 = 5; period 3: 5 + 50 − 10 = 45
    expect(runningFundingGap([100, 120, 50], [80, 130, 10], 5)).toEqual([15, 5, 45]);
    expect(runningFundingGap([], [], 7)).toEqual([]);
    expect(runningFundingGap([1], [4], 0)).toEqual([-3]);
  });
});

describe('requiredRevenue', () => {
  test('is capex ÷ the capex share of revenue (Bain: 500 bn at 25 % needs 2 tn)', () => {
    expect(requiredRevenue(500, 0.25)).toBe(2000);
    expect(requiredRevenue(30, 0.6)).toBeCloseTo(50, 12);
  });
});

describe('shortfallProbability away from the median', () => {
  // python3 -c "import mpmath as mp; mp.mp.dps = 50; z = (mp.log(mp.mpf(req)/now) - (mp.mpf(g) - mp.mpf(v)**2/2)*T)/(mp.mpf(v)*mp.sqrt(T)); print(float(mp.ncdf(z)))"
  // with mpmath 1.3.0, for each row's (req, now, g, v, T)
  const rows: [number, number, number, number, number, number][] = [
    [2000, 1200, 0.1, 0.3, 5, 0.6374113970682534],
    [500, 1200, 0.05, 0.4, 3, 0.1284546519169707],
    [3000, 1000, 0.25, 0.2, 2, 0.9880220383226358],
    [100, 80, -0.1, 0.6, 0.5, 0.803983840751184],
    [1000, 1000, 0, 0.5, 4, 0.6914624612740131],
  ];
  test.each(rows)('required %d, revenue %d, g = %d, σ = %d, T = %d: %d to 1e-13 relative', (req, now, g, v, T, expected) => {
    expect(Math.abs(shortfallProbability(req, now, g, v, T) / expected - 1)).toBeLessThan(1e-13);
  });
});

describe('circularFlow', () => {
  test('Nvidia–OpenAI per GW: 10 invested against 35 of hardware at a 75 % margin, 2 of equity granted', () => {
    const m = circularFlow(10, 35, 0.75, 2);
    expect(m.roundTripShare).toBeCloseTo(10 / 35, 15);
    expect(m.customerCashNeed).toBe(25);
    expect(m.vendorNetCash).toBeCloseTo(35 * 0.75 - 10, 12); // 16.25
    expect(m.effectiveDiscount).toBeCloseTo(2 / 35, 15);
    expect(m.netPrice).toBe(33);
  });
});
