/**
 * Properties every DEALS function must have, over generated inputs (fast-check):
 * bad input of every kind gives a documented Excel error and nothing else; valid input gives
 * finite numbers within the model's no-arbitrage bounds, monotone where the finance says so.
 */
import fc from 'fast-check';
import { blackScholesMerton } from '../../src/model';
import { DEALS_FUNCTIONS } from '../../src/functions/catalog';
import { upAndInByIntegration } from '../model/independentBarrier';
import { DealsError } from '../../src/functions/errors';
import * as deals from '../../src/functions/implementations';

const RUNS = { numRuns: 300 };

// ---------- generators ----------
const price = fc.double({ min: 0.5, max: 2000, noNaN: true });
const strike = fc.double({ min: 0.01, max: 2000, noNaN: true });
const years = fc.double({ min: 0.02, max: 10, noNaN: true });
const rate = fc.double({ min: -0.02, max: 0.15, noNaN: true });
const dividendYield = fc.double({ min: 0, max: 0.1, noNaN: true });
const volatility = fc.double({ min: 0.05, max: 1.5, noNaN: true });
const shares = fc.double({ min: 1, max: 1e9, noNaN: true });
const market = fc.record({ S: price, K: strike, T: years, r: rate, q: dividendYield, v: volatility });

/** Anything a cell or a caller might hand over, good or bad. */
const anyArgument = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, ±0, subnormals, ±1.8e308
  fc.constantFrom(1e308, -1e308, 5e-324, 1e-300, 1e300, 0, -1, 1),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constantFrom(null, undefined, ''),
  fc.array(fc.array(fc.oneof(fc.double(), fc.constant(null), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
);

/** Values that break "must be a positive number". */
const notPositive = fc.oneof(
  fc.double({ max: 0, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 'abc', '12', true, false),
);

function isFiniteResult(result: unknown): boolean {
  if (typeof result === 'number') return Number.isFinite(result);
  if (Array.isArray(result)) return result.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string' || Number.isFinite(cell)));
  return false;
}

const relativeSlack = (x: number) => 1e-9 * Math.max(1, Math.abs(x));

// ---------- every function, any input ----------
describe('any input gives a finite result or a documented Excel error, never NaN, Infinity or a crash', () => {
  test.each(DEALS_FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
    fc.assert(
      fc.property(fc.array(anyArgument, { minLength: spec.parameters.length, maxLength: spec.parameters.length }), (args) => {
        try {
          const result = (spec.implementation as (...a: unknown[]) => unknown)(...args);
          return isFiniteResult(result);
        } catch (error) {
          return (
            error instanceof DealsError &&
            ['#VALUE!', '#NUM!'].includes(error.code) &&
            error.message.startsWith(`${name}: `) &&
            !/NaN|Infinity|undefined|at \w+ \(/.test(error.message)
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a required argument that is missing or breaks its rule is #VALUE! naming it', () => {
  const valid: Record<string, unknown[]> = {
    WARRANTVALUE: [100, 10, 12, 0.3, 1, 0.02, 0, 1000, true],
    TRANCHEVALUE: [100, 10, 12, 15, 0.3, 1, 0.02, 0, 0.5, 252],
    TRANCHEGREEKS: [100, 10, 12, 15, 0.3, 1, 0.02, 0, 0.5, 252],
    TRANCHEBREAKEVEN: [100, 10, 500, 15, 0.3, 1, 0.02, 0, 0.5, 252],
    BREAKEVENPRICE: [100, 10, 500, 0.3, 1, 0.02, 0],
    WARRANTGREEKS: [100, 10, 12, 0.3, 1, 0.02, 0],
    FUNDINGGAP: [100, 80, 5],
    REQUIREDREVENUE: [500, 0.25],
    SHORTFALLPROB: [2000, 1200, 0.1, 0.3, 5],
    CIRCULARFLOW: [10, 35, 0.7, 0, 'netPrice', false],
    FUNDINGRISK: [[[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'ranOutProb'],
  };
  for (const spec of DEALS_FUNCTIONS) {
    test(`${spec.name} accepts its valid example`, () => {
      expect(isFiniteResult((spec.implementation as (...a: unknown[]) => unknown)(...valid[spec.name]))).toBe(true);
    });
    spec.parameters.forEach((param, index) => {
      const bad = [null, 'abc', Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, [[1, 2], [3, 4]]].filter(
        (value) => !(param.optional && value === null),
      );
      test.each(bad.map((value) => [String(JSON.stringify(value) ?? value), value]))(`${spec.name}(${param.name} = %s)`, (_label, value) => {
        const args = [...valid[spec.name]];
        args[index] = value;
        let caught: unknown;
        try {
          (spec.implementation as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(DealsError);
        expect(caught).toMatchObject({ code: '#VALUE!' });
        expect((caught as DealsError).message).toMatch(new RegExp(`^${spec.name}: ${param.name} `));
      });
    });
  }

  // The table's defaults are what an omitted argument means (an engine must never turn it into 0).
  for (const spec of DEALS_FUNCTIONS) {
    spec.parameters.forEach((param, index) => {
      if (!('default' in param.read) || param.read.default === undefined) return;
      const explicit = param.read.default;
      test(`${spec.name}: omitting ${param.name} is the same as giving its default ${String(explicit)}`, () => {
        const call = (value: unknown) => {
          const args = [...valid[spec.name]];
          args[index] = value;
          return (spec.implementation as (...a: unknown[]) => unknown)(...args);
        };
        expect(call(null)).toEqual(call(explicit));
        expect(call(undefined)).toEqual(call(explicit));
      });
    });
  }

  test('every rule the table declares is enforced: a value that breaks it is #VALUE! stating the rule', () => {
    for (const spec of DEALS_FUNCTIONS) {
      spec.parameters.forEach((param, index) => {
        if (param.read.kind !== 'number' && param.read.kind !== 'range') return;
        const rule = param.read.rule;
        const breaking = [-1e9, -1, -0.5, 0, 0.5, 1.5, 2.5, 1e7, 1e20].find((x) => !rule.holds(x));
        if (breaking === undefined) return; // ANY_NUMBER
        const args = [...valid[spec.name]];
        args[index] = breaking;
        expect(() => (spec.implementation as (...a: unknown[]) => unknown)(...args)).toThrow(new DealsError('#VALUE!', { functionName: spec.name, argumentName: param.name, reason: rule.says }).message);
      });
    }
  });

  test('negative or zero where a positive number is required', () => {
    fc.assert(
      fc.property(notPositive, (bad) => {
        for (const call of [
          () => deals.warrantValue(bad, 1, 1),
          () => deals.warrantValue(1, 1, bad),
          () => deals.trancheValue(1, 1, 1, bad, 0.3, 1),
          () => deals.breakevenPrice(1, 1, bad),
          () => deals.shortfallProb(1, 1, 0, bad, 1),
          () => deals.circularFlow(1, bad),
        ]) {
          expect(call).toThrow(DealsError);
        }
      }),
      RUNS,
    );
  });
});

// ---------- warrant values ----------
describe('WARRANTVALUE respects the bounds of the model', () => {
  test('max(S·e^(−qT) − K·e^(−rT), 0) ≤ C ≤ S·e^(−qT), per share', () => {
    fc.assert(
      fc.property(shares, market, (n, { S, K, T, r, q, v }) => {
        const each = deals.warrantValue(n, K, S, v, T, r, q) / n;
        const upper = S * Math.exp(-q * T);
        const lower = Math.max(upper - K * Math.exp(-r * T), 0);
        return each >= lower - relativeSlack(upper) && each <= upper + relativeSlack(upper);
      }),
      RUNS,
    );
  });

  test('call and put are the discounted expected payoffs, integrated here over the lognormal density', () => {
    // e^(−rT)·∫ payoff(S·e^((r−q−σ²/2)T + σ√T·z))·φ(z) dz by Simpson's rule on the payoff's side of the strike.
    // (C − P of the model's own two formulas would only test N(x) + N(−x) = 1.)
    const expectedPayoff = (kind: 'call' | 'put', S: number, K: number, T: number, r: number, q: number, v: number) => {
      const sd = v * Math.sqrt(T);
      const m = (r - q - (v * v) / 2) * T;
      const zStrike = (Math.log(K / S) - m) / sd;
      const [a, b] = kind === 'call' ? [Math.max(zStrike, -12), Math.max(zStrike, 12)] : [Math.min(zStrike, -12), Math.min(zStrike, 12)];
      const f = (z: number) => (kind === 'call' ? S * Math.exp(m + sd * z) - K : K - S * Math.exp(m + sd * z)) * Math.exp(-0.5 * z * z);
      const panels = 2000;
      const h = (b - a) / panels;
      let sum = f(a) + f(b);
      for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
      return (Math.exp(-r * T) * (sum * h)) / 3 / Math.sqrt(2 * Math.PI);
    };
    fc.assert(
      fc.property(market, ({ S, K, T, r, q, v }) =>
        (['call', 'put'] as const).every((kind) => Math.abs(blackScholesMerton(kind, S, K, T, r, q, v) - expectedPayoff(kind, S, K, T, r, q, v)) <= 1e-9 * (S + K)),
      ),
      RUNS,
    );
  });

  test('rises with the share price and with volatility', () => {
    fc.assert(
      fc.property(market, fc.double({ min: 1.0001, max: 3, noNaN: true }), ({ S, K, T, r, q, v }, up) => {
        const base = deals.warrantValue(1, K, S, v, T, r, q);
        return (
          deals.warrantValue(1, K, S * up, v, T, r, q) >= base - relativeSlack(base) &&
          deals.warrantValue(1, K, S, v * up, T, r, q) >= base - relativeSlack(base)
        );
      }),
      RUNS,
    );
  });

  test('without volatility and years it is the intrinsic value, exactly', () => {
    fc.assert(
      fc.property(shares, price, strike, (n, S, K) => deals.warrantValue(n, K, S) === n * Math.max(S - K, 0)),
      RUNS,
    );
  });

  test('diluted ≤ undiluted, and ≥ 0, whether or not the price includes the warrants', () => {
    fc.assert(
      fc.property(market, fc.double({ min: 1e3, max: 1e10, noNaN: true }), fc.double({ min: 0.001, max: 2, noNaN: true }), (m, outstanding, ratio) => {
        const n = outstanding * ratio;
        const undiluted = deals.warrantValue(n, m.K, m.S, m.v, m.T, m.r, m.q);
        return [true, false].every((includes) => {
          const diluted = deals.warrantValue(n, m.K, m.S, m.v, m.T, m.r, m.q, outstanding, includes);
          return diluted >= 0 && diluted <= undiluted + relativeSlack(undiluted);
        });
      }),
      RUNS,
    );
  });
});

describe('TRANCHEVALUE (up-and-in call)', () => {
  const hurdleAbove = fc.double({ min: 1.001, max: 5, noNaN: true });

  test('0 ≤ up-and-in ≤ vanilla, and up-and-in equals the integration pricer (test/model/independentBarrier.ts)', () => {
    // (up-and-in + up-and-out = vanilla would hold for any A–F, both being sums of the same Haug terms)
    fc.assert(
      fc.property(market, hurdleAbove, ({ S, K, T, r, q, v }, factor) => {
        const H = S * factor;
        const vanilla = blackScholesMerton('call', S, K, T, r, q, v);
        const knockIn = deals.trancheValue(1, K, S, H, v, T, r, q);
        const slack = 1e-8 * Math.max(1, S);
        return knockIn >= -slack && knockIn <= vanilla + slack && Math.abs(knockIn - upAndInByIntegration({ S, K, H, T, r, q, v })) <= 1e-7 * Math.max(1, S);
      }),
      { numRuns: 20 }, // each run integrates twice over 40,000 panels
    );
  });

  test('falls as the hurdle rises; equals vanilla at or below the spot', () => {
    fc.assert(
      fc.property(market, hurdleAbove, ({ S, K, T, r, q, v }, factor) => {
        const near = deals.trancheValue(1, K, S, S * factor, v, T, r, q);
        const far = deals.trancheValue(1, K, S, S * factor * 1.1, v, T, r, q);
        const atSpot = deals.trancheValue(1, K, S, S, v, T, r, q);
        return far <= near + 1e-9 * Math.max(1, S) && atSpot === deals.warrantValue(1, K, S, v, T, r, q);
      }),
      RUNS,
    );
  });
});

describe('TRANCHEVALUE with observationsPerYear, TRANCHEGREEKS and TRANCHEBREAKEVEN', () => {
  const hurdleAbove = fc.double({ min: 1.001, max: 5, noNaN: true });
  const observations = fc.constantFrom(0, 1, 4, 12, 52, 252, 1000);
  const probability = fc.double({ min: 0.01, max: 1, noNaN: true });

  test('discrete observation is worth no more than continuous, no less than 0, and rises with the share price', () => {
    fc.assert(
      fc.property(market, hurdleAbove, observations, fc.double({ min: 1.0001, max: 3, noNaN: true }), ({ S, K, T, r, q, v }, factor, m, up) => {
        const H = S * factor;
        const discrete = deals.trancheValue(1, K, S, H, v, T, r, q, 1, m);
        const continuous = deals.trancheValue(1, K, S, H, v, T, r, q);
        const higher = deals.trancheValue(1, K, S * up, H, v, T, r, q, 1, m);
        const slack = 1e-9 * Math.max(1, S);
        return discrete >= -slack && discrete <= continuous + slack && higher >= discrete - slack;
      }),
      RUNS,
    );
  });

  test('a position is the sum of its tranches, for value and greeks', () => {
    fc.assert(
      fc.property(market, hurdleAbove, hurdleAbove, probability, probability, observations, ({ S, K, T, r, q, v }, f1, f2, p1, p2, m) => {
        const shares2 = [[3], [5]];
        const hurdles = [[S * f1], [S * f2]];
        const probabilities = [[p1], [p2]];
        const total = deals.trancheValue(shares2, K, S, hurdles, v, T, r, q, probabilities, m);
        const parts = deals.trancheValue(3, K, S, S * f1, v, T, r, q, p1, m) + deals.trancheValue(5, K, S, S * f2, v, T, r, q, p2, m);
        const greeks = deals.trancheGreeks(shares2, K, S, hurdles, v, T, r, q, probabilities, m);
        const one = deals.trancheGreeks(3, K, S, S * f1, v, T, r, q, p1, m);
        const two = deals.trancheGreeks(5, K, S, S * f2, v, T, r, q, p2, m);
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
        return close(total, parts) && greeks.every(([, g], i) => close(g as number, (one[i][1] as number) + (two[i][1] as number)));
      }),
      RUNS,
    );
  });

  test('delta ≥ 0, and delta matches a price bump of TRANCHEVALUE away from the hurdle', () => {
    fc.assert(
      fc.property(market, fc.double({ min: 1.05, max: 3, noNaN: true }), observations, ({ S, K, T, r, q, v }, factor, m) => {
        const H = S * factor;
        const [delta] = deals.trancheGreeks(1, K, S, H, v, T, r, q, 1, m).map((row) => row[1] as number);
        const h = S * 1e-5;
        const bumped = (deals.trancheValue(1, K, S + h, H, v, T, r, q, 1, m) - deals.trancheValue(1, K, S - h, H, v, T, r, q, 1, m)) / (2 * h);
        return delta >= -1e-12 && Math.abs(delta - bumped) <= 1e-4 * Math.max(Math.abs(bumped), 1e-6);
      }),
      RUNS,
    );
  });

  test('TRANCHEBREAKEVEN inverts TRANCHEVALUE and rises with the target', () => {
    fc.assert(
      fc.property(market, hurdleAbove, probability, observations, fc.double({ min: 0.01, max: 1000, noNaN: true }), ({ S, K, T, r, q, v }, factor, p, m, perShare) => {
        const n = 1e6;
        const target = n * perShare;
        const price = deals.trancheBreakeven(n, K, target, S * factor, v, T, r, q, p, m);
        const higher = deals.trancheBreakeven(n, K, target * 1.5, S * factor, v, T, r, q, p, m);
        return Math.abs(deals.trancheValue(n, K, price, S * factor, v, T, r, q, p, m) / target - 1) <= 1e-9 && higher > price;
      }),
      RUNS,
    );
  });

  test('observationsPerYear below 0 or not a number is #VALUE! naming it', () => {
    fc.assert(
      fc.property(notPositive.filter((x) => x !== 0 && x !== false), (bad) => {
        for (const call of [
          () => deals.trancheValue(1, 1, 1, 2, 0.3, 1, 0, 0, 1, bad),
          () => deals.trancheGreeks(1, 1, 1, 2, 0.3, 1, 0, 0, 1, bad),
          () => deals.trancheBreakeven(1, 1, 1, 2, 0.3, 1, 0, 0, 1, bad),
        ]) {
          expect(call).toThrow(/^TRANCHE(VALUE|GREEKS|BREAKEVEN): observationsPerYear must be zero or a positive number$/);
        }
      }),
      RUNS,
    );
  });
});

describe('BREAKEVENPRICE inverts WARRANTVALUE', () => {
  test('WARRANTVALUE at the breakeven price equals the target', () => {
    fc.assert(
      fc.property(shares, market, fc.double({ min: 0.01, max: 1000, noNaN: true }), (n, { K, T, r, q, v }, perShare) => {
        const target = n * perShare;
        const S = deals.breakevenPrice(n, K, target, v, T, r, q);
        return Math.abs(deals.warrantValue(n, K, S, v, T, r, q) / target - 1) <= 1e-9;
      }),
      RUNS,
    );
  });
});

describe('WARRANTGREEKS', () => {
  test('0 ≤ delta ≤ shares·e^(−qT); gamma, vega ≥ 0; rho ≥ 0 for a call', () => {
    fc.assert(
      fc.property(shares, market, (n, { S, K, T, r, q, v }) => {
        const [delta, gamma, vega, , rho] = deals.warrantGreeks(n, K, S, v, T, r, q).map((row) => row[1] as number);
        const slack = 1e-12 * n;
        return delta >= -slack && delta <= n * Math.exp(-q * T) + slack && gamma >= -slack && vega >= -slack && rho >= -slack;
      }),
      RUNS,
    );
  });
});

// ---------- funding and circular flows ----------
describe('FUNDINGGAP, REQUIREDREVENUE, SHORTFALLPROB', () => {
  const money = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  test('the last running gap is Σrequired − Σprojected − cash, in the shape given', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(money, money), { minLength: 1, maxLength: 12 }), money, (periods, cash) => {
        const column = (i: 0 | 1) => periods.map((p) => [p[i]]);
        const gap = deals.fundingGap(column(0), column(1), cash);
        const expected = periods.reduce((sum, [need, have]) => sum + need - have, 0) - cash;
        return gap.length === periods.length && Math.abs(gap[gap.length - 1][0] - expected) <= 1e-6;
      }),
      RUNS,
    );
  });

  test('REQUIREDREVENUE × share = capex', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (capex, share) =>
        Math.abs(deals.requiredRevenue(capex, share) * share - capex) <= 1e-9 * Math.max(1, capex),
      ),
      RUNS,
    );
  });

  test('SHORTFALLPROB is a probability, rising with the requirement and falling with growth', () => {
    const positive = fc.double({ min: 1, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(positive, positive, fc.double({ min: -0.5, max: 1, noNaN: true }), volatility, years, (need, now, g, v, t) => {
        const p = deals.shortfallProb(need, now, g, v, t);
        return p >= 0 && p <= 1 && deals.shortfallProb(need * 1.5, now, g, v, t) >= p && deals.shortfallProb(need, now, g + 0.1, v, t) <= p;
      }),
      RUNS,
    );
  });
});

describe('CIRCULARFLOW', () => {
  const money = fc.double({ min: 0, max: 1e6, noNaN: true });
  test('identities between the metrics', () => {
    fc.assert(
      fc.property(money, fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), money, (inv, buy, margin, equity) => {
        const m = Object.fromEntries(deals.circularFlow(inv, buy, margin, equity)) as Record<string, number>;
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
        return (
          close(m.roundTripShare * buy, inv) &&
          close(m.customerCashNeed, buy - inv) &&
          close(m.vendorNetCash, buy * margin - inv) &&
          close(m.effectiveDiscount * buy, equity) &&
          close(m.netPrice, buy - equity)
        );
      }),
      RUNS,
    );
  });

  test('the cumulative value of the last period equals the metric on the totals', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(money, fc.double({ min: 1, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 10 }), fc.double({ min: 0, max: 1, noNaN: true }), (periods, margin) => {
        const inv = periods.map((p) => [p[0]]);
        const buy = periods.map((p) => [p[1]]);
        const running = deals.circularFlow(inv, buy, margin, 0, 'vendorNetCash', true);
        const total = deals.circularFlow(
          periods.reduce((s, p) => s + p[0], 0),
          periods.reduce((s, p) => s + p[1], 0),
          margin,
          0,
          'vendorNetCash',
        );
        return Math.abs((running[running.length - 1][0] as number) - (total[0][0] as number)) <= 1e-6 * Math.max(1, Math.abs(total[0][0] as number));
      }),
      RUNS,
    );
  });
});
