/**
 * Omitted and blank arguments as Excel hands them over, through the implementations: an omitted
 * middle argument to a range parameter arrives as `null` or as `[[null]]` (a 1×1 range holding
 * nothing) and both mean "omitted"; a blank that arrives as 0 (some desktop builds, office-js
 * #4702) still fails where 0 breaks the argument's rule.
 */
import { DealsError } from '../../src/functions/errors';
import * as deals from '../../src/functions/implementations';

/** The call throws the DealsError (a clean Excel error) with exactly this message. */
function expectDealsError(call: () => unknown, message: string): void {
  expect(call).toThrow(DealsError);
  expect(call).toThrow(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

describe('an omitted middle range argument: DEALS.CIRCULARFLOW(0,E43,,F43,"effectiveDiscount")', () => {
  // The AMD preset's form: no investment, hardware purchases 90, no margin given, equity 30.
  const expected = deals.circularFlow(0, 90, 0, 30, 'effectiveDiscount');

  test.each([
    ['null', null],
    ['undefined', undefined],
    ['[[null]]', [[null]]],
    ['[[""]]', [['']]],
  ])('grossMargin arriving as %s is omitted (default 0)', (_label, omitted) => {
    expect(expected).toEqual([[30 / 90]]);
    expect(deals.circularFlow(0, 90, omitted, 30, 'effectiveDiscount')).toEqual(expected);
    expect(deals.circularFlow(0, 90, omitted, [[30]], 'effectiveDiscount')).toEqual(expected);
  });

  test('equityGranted arriving as [[null]] is omitted (default 0)', () => {
    expect(deals.circularFlow(0, 90, [[null]], [[null]], 'effectiveDiscount')).toEqual(deals.circularFlow(0, 90, null, null, 'effectiveDiscount'));
  });

  test('a required range argument arriving as [[null]] is "required", not a silent 0', () => {
    expectDealsError(() => deals.circularFlow(0, [[null]], null, 30, 'effectiveDiscount'), 'CIRCULARFLOW: purchases is required');
    expectDealsError(() => deals.fundingGap([[null]], [[1]]), 'FUNDINGGAP: required is required');
  });

  test('a blank cell inside a larger range is still an error', () => {
    expectDealsError(() => deals.circularFlow(0, [[90], [null]], null, 30), 'CIRCULARFLOW: purchases must not contain blank cells');
  });
});

describe('a blank cell that arrives as 0 (office-js #4702)', () => {
  test('fails a required argument for which 0 is invalid, with its rule', () => {
    expectDealsError(() => deals.warrantValue(0, 0.01, 600), 'WARRANTVALUE: shares must be a positive number');
    expectDealsError(() => deals.circularFlow(0, 0, null, 30), 'CIRCULARFLOW: purchases must be a positive number');
    expectDealsError(() => deals.requiredRevenue(500, 0), 'REQUIREDREVENUE: capexShareOfRevenue must be a positive number');
  });

  test('fails an optional volatility or sharesOutstanding rather than silently dropping it', () => {
    expectDealsError(() => deals.warrantValue(10, 50, 60, 0, 1), 'WARRANTVALUE: volatility must be a positive number');
    expectDealsError(() => deals.warrantValue(10, 50, 60, null, null, null, null, 0), 'WARRANTVALUE: sharesOutstanding must be a positive number');
  });

  test('gives the default where the default is 0 (rate, dividendYield, cash, grossMargin, equityGranted)', () => {
    expect(deals.warrantValue(10, 50, 60, 0.3, 1, 0, 0)).toBe(deals.warrantValue(10, 50, 60, 0.3, 1, null, null));
    expect(deals.fundingGap([[5]], [[3]], 0)).toEqual(deals.fundingGap([[5]], [[3]], null));
    expect(deals.circularFlow(10, 35, 0, 0)).toEqual(deals.circularFlow(10, 35, null, null));
  });
});
