/**
 * Barrier options beyond the published table's one regime (S = 100, T = 0.5, rebate 3): all eight
 * kinds against an integration pricer written here (barrierIntegration.ts), for down and up
 * barriers, other spots and maturities, no rebate, and rebates where the weights (H/S)^(μ±λ)
 * overflow; the published rows check the integration pricer itself first.
 */
import { barrierOptionValue, BarrierType, blackScholesMerton } from '../../src/model';
import { optionValues } from '../referenceData';
import { barrierByIntegration, BarrierMarket } from './barrierIntegration';

const value = (m: BarrierMarket) =>
  barrierOptionValue({
    kind: m.kind,
    barrierType: m.barrierType,
    spotPrice: m.S,
    strikePrice: m.K,
    barrierPrice: m.H,
    rebate: m.rebate,
    years: m.T,
    rate: m.r,
    dividendYield: m.q,
    volatility: m.v,
  });

test("the integration pricer reproduces the published table (Haug p. 72 via QuantLib) within the table's tolerance", () => {
  for (const row of optionValues.barrier_haug) {
    const m: BarrierMarket = { kind: row.type, barrierType: row.barrierType, S: row.spot, K: row.strike, H: row.barrier, rebate: row.rebate, T: row.t, r: row.r, q: row.q, v: row.v };
    expect([row.id, Math.abs(barrierByIntegration(m) - row.expected) <= row.tol]).toEqual([row.id, true]);
  }
});

const TYPES: BarrierType[] = ['DownIn', 'DownOut', 'UpIn', 'UpOut'];
const REGIMES: [string, Omit<BarrierMarket, 'kind' | 'barrierType' | 'H' | 'K'>, [number, number][]][] = [
  // [label, market, [strike, barrier] pairs for down barriers; up barriers mirror them above the spot]
  ['S = 50, T = 2, no rebate', { S: 50, rebate: 0, T: 2, r: 0.05, q: 0.02, v: 0.3 }, [[45, 40], [35, 40], [55, 45]]],
  ['S = 250, T = 0.25, rebate 5', { S: 250, rebate: 5, T: 0.25, r: 0.03, q: 0, v: 0.45 }, [[240, 220], [200, 220], [260, 235]]],
  ['S = 80, T = 3, negative carry, rebate 2', { S: 80, rebate: 2, T: 3, r: 0.01, q: 0.06, v: 0.2 }, [[70, 60], [55, 60], [90, 75]]],
];

describe.each(REGIMES)('%s', (_, base, pairs) => {
  const cases: BarrierMarket[] = [];
  for (const kind of ['call', 'put'] as const) {
    for (const barrierType of TYPES) {
      for (const [K, down] of pairs) {
        const H = barrierType.startsWith('Down') ? down : base.S * (base.S / down); // mirrored above the spot
        cases.push({ ...base, kind, barrierType, K, H });
      }
    }
  }
  test.each(cases.map((m) => [`${m.barrierType} ${m.kind} K=${m.K} H=${m.H.toFixed(2)}`, m] as const))('%s agrees with integration to 1e-8', (__, m) => {
    const expected = barrierByIntegration(m);
    expect(Math.abs(value(m) - expected)).toBeLessThanOrEqual(1e-8 * Math.max(1, m.S));
  });
});

describe('rebates where (H/S)^(μ ± λ) overflows (volatility 1 %, negative carry, barrier far away)', () => {
  const base = { S: 100, T: 1, r: 0.01, q: 0.06, v: 0.01 };
  const cases: BarrierMarket[] = [
    { ...base, kind: 'call', barrierType: 'DownOut', K: 100, H: 30, rebate: 7 },
    { ...base, kind: 'put', barrierType: 'DownOut', K: 100, H: 30, rebate: 7 },
    { ...base, kind: 'call', barrierType: 'DownIn', K: 100, H: 30, rebate: 7 },
    { ...base, kind: 'put', barrierType: 'DownIn', K: 100, H: 30, rebate: 7 },
    { ...base, kind: 'call', barrierType: 'DownOut', K: 90, H: 96, rebate: 4 },
    { ...base, kind: 'put', barrierType: 'DownIn', K: 98, H: 96, rebate: 4 },
  ];
  test.each(cases.map((m) => [`${m.barrierType} ${m.kind} K=${m.K} H=${m.H}`, m] as const))('%s: finite, and equal to integration to 1e-8', (__, m) => {
    const v = value(m);
    expect(Number.isFinite(v)).toBe(true);
    expect(Math.abs(v - barrierByIntegration(m))).toBeLessThanOrEqual(1e-8 * m.S);
  });
});

describe('at or past the barrier', () => {
  const m = { S: 100, K: 95, T: 1, r: 0.04, q: 0.01, v: 0.3, rebate: 2.5 };
  test('knock-in is the plain option, knock-out its rebate, at once', () => {
    for (const kind of ['call', 'put'] as const) {
      const plain = blackScholesMerton(kind, m.S, m.K, m.T, m.r, m.q, m.v);
      expect(value({ ...m, kind, barrierType: 'DownIn', H: 100 })).toBe(plain);
      expect(value({ ...m, kind, barrierType: 'UpIn', H: 100 })).toBe(plain);
      expect(value({ ...m, kind, barrierType: 'DownIn', H: 110 })).toBe(plain);
      expect(value({ ...m, kind, barrierType: 'UpIn', H: 90 })).toBe(plain);
      expect(value({ ...m, kind, barrierType: 'DownOut', H: 100 })).toBe(2.5);
      expect(value({ ...m, kind, barrierType: 'UpOut', H: 90 })).toBe(2.5);
    }
  });
});
