/**
 * The tranche functions read one tranche of plain numbers without building grids (the common case
 * in a sheet); a range form goes through the grids. Both must give the same value and, for a bad
 * argument, the same error as the 1×1 range form of the same call.
 */
import { DealsError } from '../../src/functions/errors';
import * as deals from '../../src/functions/implementations';

type Call = Parameters<typeof deals.trancheValue>;

/** The value, or the DealsError message, of a call. */
function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (e) {
    if (!(e instanceof DealsError)) throw e;
    return `${e.code} ${e.message}`;
  }
}

/** The same call with `shares`, `hurdle` and `milestoneProbability` as 1×1 ranges. */
function asRanges(call: Call): Call {
  const copy = [...call] as Call;
  for (const i of [0, 3, 8]) if (copy[i] !== undefined) copy[i] = [[copy[i] as never]];
  return copy;
}

const good: Call = [1e6, 0.01, 160, 200, 0.5, 4, 0.04, 0, 0.8, 252];

describe('tranche arguments: plain numbers and 1×1 ranges read alike', () => {
  const cases: Array<[string, Call]> = [
    ['a valid call', good],
    ['milestoneProbability omitted (default 1)', [1e6, 0.01, 160, 200, 0.5, 4, 0.04, 0, null, 252]],
    ['shares 0', [0, 0.01, 160, 200, 0.5, 4, 0.04, 0, 0.8]],
    ['shares text', ['many', 0.01, 160, 200, 0.5, 4]],
    ['shares blank (required)', [null, 0.01, 160, 200, 0.5, 4]],
    ['hurdle negative', [1e6, 0.01, 160, -200, 0.5, 4]],
    ['hurdle NaN', [1e6, 0.01, 160, NaN, 0.5, 4]],
    ['milestoneProbability above 1', [1e6, 0.01, 160, 200, 0.5, 4, 0, 0, 1.5]],
    ['milestoneProbability TRUE', [1e6, 0.01, 160, 200, 0.5, 4, 0, 0, true]],
    ['a bad hurdle and a bad price: the hurdle is reported, as in the range form', [1e6, 0.01, -1, 0, 0.5, 4]],
  ];
  test.each(cases)('%s', (_label, call) => {
    for (const fn of [deals.trancheValue, deals.trancheBreakeven]) {
      const plain = outcome(() => fn(...call));
      expect(outcome(() => fn(...asRanges(call)))).toEqual(plain);
    }
    expect(outcome(() => deals.trancheGreeks(...call))).toEqual(outcome(() => deals.trancheGreeks(...asRanges(call))));
  });

  test('the valid call is a number and the bad ones are #VALUE! naming the argument', () => {
    expect(typeof deals.trancheValue(...good)).toBe('number');
    expect(outcome(() => deals.trancheValue(0, 0.01, 160, 200, 0.5, 4))).toBe('#VALUE! TRANCHEVALUE: shares must be a positive number');
    expect(outcome(() => deals.trancheValue(1, 0.01, -1, 0, 0.5, 4))).toMatch(/^#VALUE! TRANCHEVALUE: hurdle /);
  });
});

describe('rules no other test reaches', () => {
  // FUNDINGRISK(obligations, revenueNow, growthRate, volatility, revenueShare, cash, financing, paths, seed, metric)
  const fundingRisk = (revenueShare: number, paths: number, seed: number) => outcome(() => deals.fundingRisk([[10, 20, 30]], 12, 0.3, 0.4, revenueShare, 5, 2, paths, seed, 'p50'));

  test('a whole-number rule refuses a fraction (paths, seed); a share in (0, 1] refuses 0', () => {
    expect(fundingRisk(0.5, 1000, 3)).toEqual([[expect.any(Number), expect.any(Number), expect.any(Number)]]);
    expect(fundingRisk(0.5, 1000.5, 3)).toMatch(/^#VALUE! FUNDINGRISK: paths /);
    expect(fundingRisk(0.5, 1000, 1.5)).toMatch(/^#VALUE! FUNDINGRISK: seed /);
    expect(fundingRisk(0, 1000, 3)).toMatch(/^#VALUE! FUNDINGRISK: revenueShare /);
    expect(fundingRisk(1, 1000, 3)).toEqual([[expect.any(Number), expect.any(Number), expect.any(Number)]]);
  });
});
