/** The DEALS functions on worked examples: the article's figures and independent re-computations. */
import { blackScholesMerton } from '../../src/model';
import { DealsError } from '../../src/functions/errors';
import * as deals from '../../src/functions/implementations';

/** The DealsError a call throws, or a failure if it returns. */
function errorOf(call: () => unknown): DealsError {
  try {
    call();
  } catch (error) {
    if (error instanceof DealsError) return error;
    throw error;
  }
  throw new Error('expected a DealsError');
}

describe('WARRANTVALUE', () => {
  test("AMD's 160 M warrants at USD 0.01 are worth 95,998,400,000 at a USD 600 share price (intrinsic)", () => {
    expect(deals.warrantValue(160e6, 0.01, 600)).toBe(95_998_400_000);
  });

  test('with volatility and years it is shares × the Black–Scholes–Merton call (mpmath 1.3.0, 50 digits)', () => {
    // 1000·(S·e^(−qT)·N(d1) − K·e^(−rT)·N(d2)) with mp.ncdf for S = 110, K = 100, T = 2, r = 0.03, q = 0.01, σ = 0.4
    expect(Math.abs(deals.warrantValue(1000, 100, 110, 0.4, 2, 0.03, 0.01) / 29937.803961958172 - 1)).toBeLessThan(1e-13);
  });

  test('omitted optional arguments (null, undefined, "") take their defaults', () => {
    const full = deals.warrantValue(10, 50, 60, 0.3, 1, 0, 0, undefined, true);
    expect(deals.warrantValue(10, 50, 60, 0.3, 1)).toBe(full);
    expect(deals.warrantValue(10, 50, 60, 0.3, 1, null, '', null, null)).toBe(full);
  });

  test('price from before the warrants were known: N/(N+M) × the undiluted value', () => {
    const undiluted = deals.warrantValue(100, 100, 100, 0.3, 1, 0.05);
    expect(deals.warrantValue(100, 100, 100, 0.3, 1, 0.05, 0, 1000, false)).toBeCloseTo((undiluted * 1000) / 1100, 8);
  });

  test('price including the warrants: W solves W = N/(N+M)·C(S + (M/N)·W) (Galai–Schneller)', () => {
    const [N, M, S] = [1630e6, 160e6, 203.71];
    const W = deals.warrantValue(M, 0.01, S, 0.5, 5, 0.04, 0, N, true) / M;
    const rightSide = (N / (N + M)) * blackScholesMerton('call', S + (M / N) * W, 0.01, 5, 0.04, 0, 0.5);
    expect(Math.abs(W - rightSide)).toBeLessThan(1e-10 * W);
  });

  test('errors name the function, the argument and the rule', () => {
    expect(errorOf(() => deals.warrantValue(-5, 0.01, 600))).toMatchObject({ code: '#VALUE!', message: 'WARRANTVALUE: shares must be a positive number' });
    expect(errorOf(() => deals.warrantValue(5, 0.01, 600, 0.5)).message).toBe(
      'WARRANTVALUE: years must be given together with volatility (omit both for intrinsic value)',
    );
    expect(errorOf(() => deals.warrantValue(5, 0.01, 'abc')).message).toBe('WARRANTVALUE: price must be a positive number');
    expect(errorOf(() => deals.warrantValue(5, null, 10)).message).toBe('WARRANTVALUE: strike is required');
    expect(errorOf(() => deals.warrantValue(5, 1, 10, 0.2, 1, 0, 0, 100, 'yes')).message).toBe('WARRANTVALUE: priceIncludesWarrants must be TRUE or FALSE');
  });

  test('a result too large to represent is #NUM!, not Infinity', () => {
    expect(errorOf(() => deals.warrantValue(1e300, 0, 1e300))).toMatchObject({ code: '#NUM!' });
  });
});

describe('TRANCHEVALUE', () => {
  test('at or above the hurdle the tranche is the plain call', () => {
    // 1e6 plain calls at S = 600, K = 0.01, T = 5, σ = 0.5, r = q = 0: 599,990,000 (mpmath 1.3.0; N(d1), N(d2) round to 1)
    expect(Math.abs(deals.trancheValue(1e6, 0.01, 600, 600, 0.5, 5) / 599_990_000 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(deals.trancheValue(1e6, 0.01, 650, 600, 0.5, 5) - deals.warrantValue(1e6, 0.01, 650, 0.5, 5))).toBeLessThan(1e-6);
  });
  test('the milestone probability scales the value', () => {
    const sure = deals.trancheValue(1e6, 0.01, 200, 600, 0.5, 5, 0.04);
    expect(deals.trancheValue(1e6, 0.01, 200, 600, 0.5, 5, 0.04, 0, 0.25)).toBeCloseTo(sure / 4, 6);
  });
  test('a probability above 1 is #VALUE!', () => {
    expect(errorOf(() => deals.trancheValue(1, 1, 1, 2, 0.3, 1, 0, 0, 1.5)).message).toBe('TRANCHEVALUE: milestoneProbability must be a number from 0 to 1');
  });
});

describe('BREAKEVENPRICE', () => {
  test('AMD: the share price at which 160 M warrants are worth USD 90 bn is 562.51', () => {
    expect(Math.abs(deals.breakevenPrice(160e6, 0.01, 90e9) / 562.51 - 1)).toBeLessThan(1e-9);
  });
  test('with volatility it inverts WARRANTVALUE', () => {
    const price = deals.breakevenPrice(160e6, 0.01, 90e9, 0.5, 5, 0.04);
    expect(deals.warrantValue(160e6, 0.01, price, 0.5, 5, 0.04) / 90e9).toBeCloseTo(1, 12);
  });
  test('a target of zero is #VALUE!; a price that overflows is #NUM!', () => {
    expect(errorOf(() => deals.breakevenPrice(1, 1, 0)).code).toBe('#VALUE!');
    expect(errorOf(() => deals.breakevenPrice(1e-300, 1, 1e300)).code).toBe('#NUM!');
  });
});

describe('WARRANTGREEKS', () => {
  test('a 5×2 table of labels and position values; delta matches a finite difference of WARRANTVALUE', () => {
    const table = deals.warrantGreeks(1000, 100, 105, 0.36, 0.5, 0.1, 0.1);
    expect(table.map((row) => row[0])).toEqual(['delta', 'gamma', 'vega', 'theta', 'rho']);
    const h = 1e-4;
    const slope = (deals.warrantValue(1000, 100, 105 + h, 0.36, 0.5, 0.1, 0.1) - deals.warrantValue(1000, 100, 105 - h, 0.36, 0.5, 0.1, 0.1)) / (2 * h);
    expect(table[0][1]).toBeCloseTo(slope, 5);
    expect(table[0][1]).toBeCloseTo(1000 * 0.5946, 1); // Haug p. 11: delta 0.5946 per option
  });
});

describe('FUNDINGGAP', () => {
  test("Bain: USD 2,000 bn needed against 1,200 bn → 800 bn short", () => {
    expect(deals.fundingGap(2000, 1200)).toEqual([[800]]);
  });
  test('ranges give the running gap period by period, in their shape', () => {
    expect(deals.fundingGap([[100], [120], [150]], [[80], [130], [100]], 10)).toEqual([[10], [0], [50]]);
    expect(deals.fundingGap([[100, 120]], 90)).toEqual([[10, 40]]);
  });
  test('mismatched or 2-D ranges, and blank cells, are #VALUE!', () => {
    expect(errorOf(() => deals.fundingGap([[1], [2]], [[1], [2], [3]])).message).toBe('FUNDINGGAP: projected must have the same shape as required (2×1)');
    expect(errorOf(() => deals.fundingGap([[1, 2], [3, 4]], 1)).message).toBe('FUNDINGGAP: required must be a single row or column of periods');
    expect(errorOf(() => deals.fundingGap([[1], [null]], 1)).message).toBe('FUNDINGGAP: required must not contain blank cells');
  });
});

describe('REQUIREDREVENUE and SHORTFALLPROB', () => {
  test("Bain's 2030 logic: 500 bn of capex at 25 % of revenue needs 2,000 bn of revenue", () => {
    expect(deals.requiredRevenue(500, 0.25)).toBe(2000);
  });
  test('SHORTFALLPROB is the lognormal probability of ending below the requirement', () => {
    // The median of revenue after T years is revenueNow·e^((g − σ²/2)T): as likely to fall short of it as not.
    const [now, g, v, t] = [1200, 0.1, 0.3, 5];
    const median = now * Math.exp((g - (v * v) / 2) * t);
    expect(deals.shortfallProb(median, now, g, v, t)).toBeCloseTo(0.5, 14);
    // Away from the median (where a wrong sign or a missing σ²/2 shows): mpmath 1.3.0, 50 digits, as in test/model/funding.test.ts
    expect(Math.abs(deals.shortfallProb(2000, now, g, v, t) / 0.6374113970682534 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(deals.shortfallProb(500, now, 0.05, 0.4, 3) / 0.1284546519169707 - 1)).toBeLessThan(1e-13);
  });
});

describe('CIRCULARFLOW', () => {
  test('Nvidia: 10 invested per 35 of purchases is a round trip of 2/7', () => {
    expect(deals.circularFlow(10, 35, null, null, 'roundTripShare')).toEqual([[0.2857142857142857]]);
    expect(deals.circularFlow(10, 35, null, null, 'ROUNDTRIPSHARE')).toEqual([[10 / 35]]);
  });
  test('without a metric it spills names and values', () => {
    expect(deals.circularFlow(10, 35, 0.75, 5)).toEqual([
      ['roundTripShare', 10 / 35],
      ['customerCashNeed', 25],
      ['vendorNetCash', 35 * 0.75 - 10],
      ['effectiveDiscount', 5 / 35],
      ['netPrice', 30],
    ]);
  });
  test('ranges: per period, cumulative, and a table with a header row', () => {
    const investment = [[10], [10], [0]];
    const purchases = [[35], [35], [35]];
    expect(deals.circularFlow(investment, purchases, 0.7, 0, 'vendorNetCash')).toEqual([[14.5], [14.5], [24.5]]);
    const cumulative = deals.circularFlow(investment, purchases, 0.7, 0, 'roundTripShare', true);
    expect(cumulative.map((row) => row[0])).toEqual([10 / 35, 20 / 70, 20 / 105]);
    const table = deals.circularFlow(investment, purchases, 0.7);
    expect(table).toHaveLength(4);
    expect(table[0]).toEqual(['roundTripShare', 'customerCashNeed', 'vendorNetCash', 'effectiveDiscount', 'netPrice']);
  });
  test('an unknown metric is #VALUE! listing the choices', () => {
    expect(errorOf(() => deals.circularFlow(1, 2, 0, 0, 'margin')).message).toBe(
      'CIRCULARFLOW: metric must be one of roundTripShare, customerCashNeed, vendorNetCash, effectiveDiscount, netPrice',
    );
  });
});
