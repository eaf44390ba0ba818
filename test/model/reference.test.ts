/** Every row of the published option tables, within the tolerance the source states. */
import { barrierOptionValue, blackScholesGreeks, blackScholesMerton } from '../../src/model';
import { optionValues } from '../referenceData';

describe("Black–Scholes–Merton prices (Haug's table via QuantLib)", () => {
  test.each(optionValues.european_bsm)('$id $type K=$strike S=$spot', (row) => {
    const value = blackScholesMerton(row.type, row.spot, row.strike, row.t, row.r, row.q, row.v);
    expect(Math.abs(value - row.expected)).toBeLessThanOrEqual(row.tol);
  });
});

describe("Black–Scholes–Merton greeks (Haug's table via QuantLib)", () => {
  test.each(optionValues.european_greeks)('$id $greek $type', (row) => {
    const g = blackScholesGreeks(row.type, row.spot, row.strike, row.t, row.r, row.q, row.v);
    const price = blackScholesMerton(row.type, row.spot, row.strike, row.t, row.r, row.q, row.v);
    const byName: Record<string, number> = {
      delta: g.delta,
      gamma: g.gamma,
      vega: g.vega,
      theta: g.theta,
      'theta per day': g.theta / 365,
      rho: g.rho,
      dividendRho: g.dividendRho,
      elasticity: (g.delta * row.spot) / price,
    };
    expect(byName).toHaveProperty([row.greek]);
    expect(Math.abs(byName[row.greek] - row.expected)).toBeLessThanOrEqual(row.tol);
  });
});

describe("Barrier options with rebates (Haug p. 72 via QuantLib)", () => {
  test.each(optionValues.barrier_haug)('$id $barrierType $type K=$strike H=$barrier', (row) => {
    const value = barrierOptionValue({
      kind: row.type,
      barrierType: row.barrierType,
      spotPrice: row.spot,
      strikePrice: row.strike,
      barrierPrice: row.barrier,
      rebate: row.rebate,
      years: row.t,
      rate: row.r,
      dividendYield: row.q,
      volatility: row.v,
    });
    expect(Math.abs(value - row.expected)).toBeLessThanOrEqual(row.tol);
  });
});
