/**
 * The European table of ../shared/reference/option-values.json through the Excel function itself:
 * `=DEALS.WARRANTVALUE(1, K, S, v, t, r, q)` evaluated by the formula engine, within the source's
 * tolerance. WARRANTVALUE prices calls; a put row is checked through put–call parity,
 * P = C − S·e^(−qT) + K·e^(−rT), with C from the same formula.
 */
import { createEngine, evaluateFormula } from '../../src/engine';
import { optionValues } from '../referenceData';

const engine = createEngine();

test.each(optionValues.european_bsm)('$id $type K=$strike S=$spot via DEALS.WARRANTVALUE', (row) => {
  const call = evaluateFormula(engine, `=DEALS.WARRANTVALUE(1,${row.strike},${row.spot},${row.v},${row.t},${row.r},${row.q})`);
  expect(typeof call).toBe('number');
  const value = row.type === 'call' ? (call as number) : (call as number) - row.spot * Math.exp(-row.q * row.t) + row.strike * Math.exp(-row.r * row.t);
  expect(Math.abs(value - row.expected)).toBeLessThanOrEqual(row.tol);
});
