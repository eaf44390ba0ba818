/**
 * @jest-environment jsdom
 *
 * Horizontal bars (the tornado's chart type): categories down the side, bars from the zero line,
 * left for negative values and right for positive ones.
 */
import { renderChart, SERIES_COLOURS } from '../../src/workbench/chart';

test('barClustered draws each value as a bar from the zero line, negative to the left', () => {
  const root = renderChart(
    {
      type: 'barClustered',
      title: 'Tornado',
      categories: ['Growth', 'Financing'],
      series: [
        { name: 'Low − base', values: [0.1, -0.2] },
        { name: 'High − base', values: [-0.05, 0.3] },
      ],
      xAxisTitle: 'Input',
      yAxisTitle: 'Change in probability',
      valueFormat: '0.0%',
    },
    480,
    320,
    'Tornado',
  );
  const zero = Array.from(root.querySelectorAll('line')).find((l) => l.getAttribute('stroke') === '#a6a6a6')!;
  const zeroX = Number(zero.getAttribute('x1'));
  expect(zero.getAttribute('x1')).toBe(zero.getAttribute('x2')); // a vertical zero line
  const bars = Array.from(root.querySelectorAll('rect')).filter((r) => SERIES_COLOURS.includes(r.getAttribute('fill')!) && Number(r.getAttribute('width')) > 10);
  expect(bars).toHaveLength(4);
  const [growthLow, growthHigh, financingLow, financingHigh] = bars.map((r) => ({ left: Number(r.getAttribute('x')), right: Number(r.getAttribute('x')) + Number(r.getAttribute('width')), top: Number(r.getAttribute('y')) }));
  expect(growthLow.left).toBeCloseTo(zeroX, 0);
  expect(growthHigh.right).toBeCloseTo(zeroX, 0);
  expect(financingLow.right).toBeCloseTo(zeroX, 0);
  expect(financingHigh.left).toBeCloseTo(zeroX, 0);
  expect(financingHigh.right - financingHigh.left).toBeGreaterThan(growthLow.right - growthLow.left); // 0.3 vs 0.1
  expect(financingLow.top).toBeGreaterThan(growthHigh.top); // the second category lies below the first
  expect(Array.from(root.querySelectorAll('text')).map((t) => t.textContent)).toEqual(expect.arrayContaining(['Growth', 'Financing', 'Tornado']));
});
