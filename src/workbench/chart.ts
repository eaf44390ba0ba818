/**
 * A plan's chart (line, clustered or stacked columns, clustered horizontal bars) drawn as SVG from the sheet's current
 * values: title, value axis with ticks in the chart's number format, category labels, axis titles
 * and a legend, in Office's default series colours. Redrawn whenever the values change.
 */
import type { ChartType } from '../scenarios';
import { svg } from './dom';
import { formatNumberValue } from './format';

export interface ChartData {
  readonly type: ChartType;
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: ReadonlyArray<number | null> }>;
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  readonly valueFormat: string;
}

/** Office's default chart colours, in series order. */
export const SERIES_COLOURS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47', '#264478', '#9E480E'];

const FONT = 11;

/** A "nice" step (1, 2 or 5 × 10^n) giving about `count` intervals over `span`. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Value-axis bounds and ticks covering the values (and zero). */
export function valueScale(values: readonly number[]): { min: number; max: number; ticks: number[] } {
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (low === high) high = low + 1;
  const step = niceStep(high - low);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  const count = Math.round((high - low) / step);
  for (let i = 0; i <= count; i++) ticks.push(Number((low + i * step).toPrecision(12)) || 0);
  return { min: low, max: high, ticks };
}

export function renderChart(data: ChartData, width: number, height: number, label: string): SVGSVGElement {
  const root = svg('svg', { class: 'wb-chart-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  root.append(svg('rect', { x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: '#ffffff', stroke: '#d9d9d9' }));

  const title = svg('text', { x: width / 2, y: 20, 'text-anchor': 'middle', 'font-size': FONT + 3, 'font-weight': 600, fill: '#404040' }, data.title);
  root.append(title);

  // Legend rows at the bottom: laid out with an estimated text width.
  const legendItems = data.series.map((s, i) => ({ name: s.name, colour: SERIES_COLOURS[i % SERIES_COLOURS.length], width: 18 + s.name.length * FONT * 0.58 + 14 }));
  const legendRows: Array<typeof legendItems> = [[]];
  let rowWidth = 0;
  for (const item of legendItems) {
    if (rowWidth + item.width > width - 20 && legendRows[legendRows.length - 1].length > 0) {
      legendRows.push([]);
      rowWidth = 0;
    }
    legendRows[legendRows.length - 1].push(item);
    rowWidth += item.width;
  }
  const legendHeight = legendRows.length * 16 + 6;
  const drawLegend = () =>
    legendRows.forEach((items, r) => {
      const total = items.reduce((sum, item) => sum + item.width, 0);
      let x = (width - total) / 2;
      const ly = height - legendHeight + r * 16 + 12;
      for (const item of items) {
        root.append(svg('rect', { x: x.toFixed(1), y: ly - 8, width: 10, height: 10, fill: item.colour }));
        root.append(svg('text', { x: (x + 14).toFixed(1), y: ly + 1, 'font-size': FONT, fill: '#404040' }, item.name));
        x += item.width;
      }
    });
  if (data.type === 'barClustered') {
    drawHorizontalBars(root, data, { width, height, legendHeight });
    drawLegend();
    return root;
  }

  const stacked = data.type === 'columnStacked';
  const all: number[] = [];
  data.categories.forEach((_, i) => {
    let positive = 0;
    let negative = 0;
    for (const s of data.series) {
      const v = s.values[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      if (stacked) {
        if (v >= 0) positive += v;
        else negative += v;
      } else all.push(v);
    }
    if (stacked) all.push(positive, negative);
  });
  const scale = valueScale(all.length ? all : [0]);
  const tickLabels = scale.ticks.map((t) => formatNumberValue(t, data.valueFormat));
  const labelWidth = Math.max(...tickLabels.map((t) => t.length)) * FONT * 0.62 + 8;

  const plot = {
    left: 26 + labelWidth,
    top: 34,
    right: width - 14,
    bottom: height - legendHeight - 40,
  };
  if (plot.bottom - plot.top < 20 || plot.right - plot.left < 20) return root;
  const y = (v: number) => plot.bottom - ((v - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top);

  // Gridlines and value labels.
  scale.ticks.forEach((tick, i) => {
    const ty = y(tick);
    root.append(svg('line', { x1: plot.left, x2: plot.right, y1: ty, y2: ty, stroke: tick === 0 ? '#a6a6a6' : '#e7e7e7' }));
    root.append(svg('text', { x: plot.left - 6, y: ty + 4, 'text-anchor': 'end', 'font-size': FONT, fill: '#595959' }, tickLabels[i]));
  });
  root.append(
    svg('text', { x: 12, y: (plot.top + plot.bottom) / 2, transform: `rotate(-90 12 ${(plot.top + plot.bottom) / 2})`, 'text-anchor': 'middle', 'font-size': FONT, fill: '#595959' }, data.yAxisTitle),
  );

  const n = Math.max(1, data.categories.length);
  const band = (plot.right - plot.left) / n;
  const centre = (i: number) => plot.left + band * (i + 0.5);
  const every = Math.max(1, Math.ceil((Math.max(...data.categories.map((c) => c.length), 1) * FONT * 0.6) / band));
  data.categories.forEach((category, i) => {
    if (i % every !== 0) return;
    root.append(svg('text', { x: centre(i), y: plot.bottom + 15, 'text-anchor': 'middle', 'font-size': FONT, fill: '#595959' }, category));
  });
  root.append(svg('text', { x: (plot.left + plot.right) / 2, y: plot.bottom + 32, 'text-anchor': 'middle', 'font-size': FONT, fill: '#595959' }, data.xAxisTitle));

  if (data.type === 'line') {
    data.series.forEach((s, k) => {
      const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
      let path = '';
      let pen = false;
      s.values.forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          pen = false;
          return;
        }
        path += `${pen ? 'L' : 'M'}${centre(i).toFixed(1)} ${y(v).toFixed(1)}`;
        pen = true;
      });
      if (path) root.append(svg('path', { d: path, fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-linejoin': 'round' }));
    });
  } else {
    const groups = stacked ? 1 : Math.max(1, data.series.length);
    const barWidth = (band * 0.7) / groups;
    data.categories.forEach((_, i) => {
      let up = 0;
      let down = 0;
      data.series.forEach((s, k) => {
        const v = s.values[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) return;
        const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
        let from = 0;
        if (stacked) {
          from = v >= 0 ? up : down;
          if (v >= 0) up += v;
          else down += v;
        }
        const x = stacked ? centre(i) - barWidth / 2 : centre(i) - (band * 0.7) / 2 + k * barWidth;
        const top = y(Math.max(from, from + v));
        const bottom = y(Math.min(from, from + v));
        root.append(svg('rect', { x: x.toFixed(1), y: top.toFixed(1), width: Math.max(1, barWidth - 1).toFixed(1), height: Math.max(0, bottom - top).toFixed(1), fill: colour }));
      });
    });
  }

  drawLegend();
  return root;
}

/** Clustered horizontal bars: categories down the left (first at the top), values along the bottom. */
function drawHorizontalBars(root: SVGSVGElement, data: ChartData, box: { width: number; height: number; legendHeight: number }): void {
  const values = data.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
  const scale = valueScale(values.length ? values : [0]);
  const labelWidth = Math.max(...data.categories.map((c) => c.length), 1) * FONT * 0.58 + 10;
  const plot = { left: 14 + labelWidth, top: 34, right: box.width - 18, bottom: box.height - box.legendHeight - 40 };
  if (plot.bottom - plot.top < 20 || plot.right - plot.left < 20) return;
  const x = (v: number) => plot.left + ((v - scale.min) / (scale.max - scale.min)) * (plot.right - plot.left);
  scale.ticks.forEach((tick) => {
    const tx = x(tick);
    root.append(svg('line', { x1: tx, x2: tx, y1: plot.top, y2: plot.bottom, stroke: tick === 0 ? '#a6a6a6' : '#e7e7e7' }));
    root.append(svg('text', { x: tx, y: plot.bottom + 15, 'text-anchor': 'middle', 'font-size': FONT, fill: '#595959' }, formatNumberValue(tick, data.valueFormat)));
  });
  root.append(svg('text', { x: (plot.left + plot.right) / 2, y: plot.bottom + 32, 'text-anchor': 'middle', 'font-size': FONT, fill: '#595959' }, data.yAxisTitle));
  const band = (plot.bottom - plot.top) / Math.max(1, data.categories.length);
  const groups = Math.max(1, data.series.length);
  const barHeight = (band * 0.7) / groups;
  data.categories.forEach((category, i) => {
    const top = plot.top + band * i;
    root.append(svg('text', { x: plot.left - 6, y: top + band / 2 + 4, 'text-anchor': 'end', 'font-size': FONT, fill: '#595959' }, category));
    data.series.forEach((s, k) => {
      const v = s.values[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) return;
      const left = x(Math.min(0, v));
      const right = x(Math.max(0, v));
      const y = top + band * 0.15 + k * barHeight;
      root.append(svg('rect', { x: left.toFixed(1), y: y.toFixed(1), width: Math.max(1, right - left).toFixed(1), height: Math.max(1, barHeight - 1).toFixed(1), fill: SERIES_COLOURS[k % SERIES_COLOURS.length] }));
    });
  });
}
