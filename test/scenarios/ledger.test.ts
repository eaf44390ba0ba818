/**
 * The capacity ledger (src/scenarios/presets/ledger.ts) evaluated by the formula engine, against an
 * independent recomputation from the ledger's own input cells: capacity by numerical integration
 * of the ramp (not the sheet's closed form), each loan amortised in an explicit loop. And "one
 * ledger, every sheet": a commitment has the same total, years and yearly amounts on every sheet
 * that shows it.
 */
import { setCell } from '../../src/engine';
import { a1, buildSheetPlan, scenarioById } from '../../src/scenarios';
import type { SheetPlan } from '../../src/scenarios';
import { loadPlan } from './loadPlan';
import type { LoadedPlan } from './loadPlan';

function column(plan: SheetPlan, loaded: LoadedPlan, id: string): unknown[] {
  const range = plan.anchors[id];
  if (!range) throw new Error(`no range ${id}`);
  const { start, end } = a1.parseRange(range.replace(/\$/g, ''));
  const values: unknown[] = [];
  for (let r = start.row; r <= end.row; r++) values.push(loaded.value(a1.formatCell(r, start.col)));
  return values;
}

const nums = (plan: SheetPlan, loaded: LoadedPlan, id: string) => column(plan, loaded, id) as number[];

function expectClose(actual: number, expected: number, absolute = 1): void {
  if (!(Math.abs(actual - expected) <= absolute)) expect(actual).toBe(expected);
}

interface Row {
  label: string;
  status: string;
  kind: 'chips' | 'cloud';
  gw: number;
  bindingGw: number;
  hosted: number;
  value: number;
  first: number;
  offset: number;
  ramp: number;
  last: number;
  weight: number;
  include: boolean;
}

function ledgerRows(plan: SheetPlan, loaded: LoadedPlan): Row[] {
  const c = (id: string) => column(plan, loaded, `ledger.${id}`);
  const [label, status, kind, gw, bindingGw, hosted, perGw, reported, value, first, offset, ramp, last, weight, include] = [
    'label', 'status', 'kind', 'gw', 'bindingGw', 'hosted', 'perGw', 'reported', 'value', 'first', 'offset', 'ramp', 'last', 'weight', 'include',
  ].map(c);
  return label.map((_, k) => {
    const isCloud = kind[k] === 'Cloud capacity';
    // The headline value, recomputed from its inputs: reported, or GW × cost per GW.
    const headline = typeof reported[k] === 'number' ? (reported[k] as number) * 1e9 : (gw[k] as number) * (perGw[k] as number) * 1e9;
    expectClose(value[k] as number, headline, 1e-3);
    return {
      label: label[k] as string,
      status: status[k] as string,
      kind: isCloud ? 'cloud' : 'chips',
      gw: gw[k] as number,
      bindingGw: bindingGw[k] as number,
      hosted: isCloud ? 0 : (hosted[k] as number),
      value: headline,
      first: first[k] as number,
      offset: offset[k] as number,
      ramp: ramp[k] as number,
      last: last[k] as number,
      weight: weight[k] as number,
      include: include[k] as boolean,
    };
  });
}

/** Share of a deal's capacity online at calendar time τ (a linear ramp from its start). */
const share = (d: Row, tau: number) => Math.min(1, Math.max(0, (tau - d.first - d.offset) / d.ramp));

/** GW-years in use in `year`, by the midpoint rule (independent of the sheet's closed-form integral). */
function gwYears(d: Row, year: number, gw: number): number {
  if (d.kind === 'cloud' && year > d.last) return 0;
  const steps = 2000;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += share(d, year + (i + 0.5) / steps);
  return (gw * sum) / steps;
}

/** The ledger recomputed: per deal and year the full, binding and expected money, then the schedule with its loans. */
function recompute(rows: Row[], years: number[], loanToCost: number, tenor: number, rate: number) {
  const money = rows.map((d) => {
    const own = d.gw - d.hosted;
    const perGw = d.value / d.gw;
    const online = (y: number) => own * share(d, y + 1);
    let full: number[];
    let bound: number[];
    if (d.kind === 'cloud') {
      const use = years.map((y) => gwYears(d, y, d.gw));
      const total = use.reduce((a, b) => a + b, 0);
      full = use.map((u) => (d.value * u) / total);
      bound = full.map((f) => (f * d.bindingGw) / d.gw);
    } else {
      full = years.map((y) => perGw * (online(y) - online(y - 1)));
      bound = years.map((y) => perGw * (Math.min(d.bindingGw, online(y)) - Math.min(d.bindingGw, online(y - 1))));
    }
    const expected = full.map((f, t) => (d.include ? bound[t] + d.weight * (f - bound[t]) : 0));
    return { full, bound: bound.map((b) => (d.include ? b : 0)), expected };
  });
  const sumKind = (kind: Row['kind'], pick: (m: (typeof money)[number]) => number[]) =>
    years.map((_, t) => rows.reduce((s, d, k) => s + (d.kind === kind ? pick(money[k])[t] : 0), 0));
  const loans = (capex: number[]) => {
    const service = years.map(() => 0);
    capex.forEach((c, drawn) => {
      let balance = loanToCost * c;
      for (let t = drawn + 1; t < years.length && balance > 1e-6; t++) {
        const repaid = Math.min(balance, (loanToCost * c) / tenor);
        service[t] += rate * balance + repaid;
        balance -= repaid;
      }
    });
    return service;
  };
  const chips = sumKind('chips', (m) => m.expected);
  const bindingChips = sumKind('chips', (m) => m.bound);
  const cloud = sumKind('cloud', (m) => m.expected);
  const bindingCloud = sumKind('cloud', (m) => m.bound);
  const service = loans(chips);
  const bindingService = loans(bindingChips);
  return {
    money,
    total: years.map((_, t) => (1 - loanToCost) * chips[t] + service[t] + cloud[t]),
    binding: years.map((_, t) => (1 - loanToCost) * bindingChips[t] + bindingService[t] + bindingCloud[t]),
  };
}

function inputValue(plan: SheetPlan, id: string): number {
  const { row, col } = a1.parseCell(plan.anchors[id]);
  return plan.cells[row][col] as number;
}

describe('the capacity ledger', () => {
  const plan = buildSheetPlan(scenarioById('portfolio'));
  const loaded = loadPlan(plan);
  const rows = ledgerRows(plan, loaded);
  const years = nums(plan, loaded, 'schedule.year');
  const v = (id: string) => inputValue(plan, id);

  test('the schedule equals an independent recomputation from the ledger’s inputs (integrated ramps, loans amortised in a loop)', () => {
    expect(years[0]).toBe(2025);
    expect(years[years.length - 1]).toBe(2035);
    const direct = recompute(rows, years, v('loanToCost'), v('loanTenor'), v('loanRate'));
    rows.forEach((d, k) => {
      const sheet = nums(plan, loaded, `paid.${idOf(plan, k)}`);
      sheet.forEach((x, t) => expectClose(x, direct.money[k].full[t], 1e6)); // USD 1 m: the midpoint rule's error
    });
    nums(plan, loaded, 'schedule.total').forEach((x, t) => expectClose(x, direct.total[t], 1e6));
    nums(plan, loaded, 'schedule.binding').forEach((x, t) => expectClose(x, direct.binding[t], 1e6));
    expectClose(loaded.name('PORT_ExpectedTotal') as number, direct.total.reduce((a, b) => a + b, 0), 1e7);
    expectClose(loaded.name('PORT_BindingTotal') as number, direct.binding.reduce((a, b) => a + b, 0), 1e7);
    const through = direct.total.filter((_, t) => years[t] <= v('computePlanEnd')).reduce((a, b) => a + b, 0);
    expectClose(loaded.name('PORT_ExpectedThrough2030') as number, through, 1e7);
    expectClose(loaded.name('PORT_PeakYearDue') as number, Math.max(...direct.total), 1e6);
  });

  test('no deal pays before its capacity exists, and cloud contracts stop after their last year', () => {
    rows.forEach((d, k) => {
      const id = idOf(plan, k);
      const paid = nums(plan, loaded, `paid.${id}`);
      const online = nums(plan, loaded, `online.${id}`);
      paid.forEach((x, t) => {
        if (years[t] < d.first) expect([d.label, years[t], x]).toEqual([d.label, years[t], 0]);
        if (x > 0) expect(online[t]).toBeGreaterThan(0);
        if (d.kind === 'cloud' && years[t] > d.last) expect(x).toBe(0);
      });
    });
  });

  test('headline, binding and expected: binding ≤ expected ≤ headline; the totals are the ones the issue’s facts imply', () => {
    const headline = loaded.name('PORT_CommitmentsTotal') as number;
    const binding = loaded.name('PORT_BindingTotal') as number;
    const expected = loaded.name('PORT_ExpectedTotal') as number;
    expect(binding).toBeLessThan(expected);
    expect(expected).toBeLessThan(headline);
    expectClose(headline, rows.filter((d) => d.include).reduce((s, d) => s + d.value, 0));
    // Nvidia's letter of intent is replaced: headline, but nothing binding and nothing expected.
    const nvidia = rows.find((d) => d.label === 'Nvidia') as Row;
    expect(nvidia.status).toContain('Replaced');
    expect(nvidia.status).toContain('30');
    expect([nvidia.bindingGw, nvidia.weight]).toEqual([0, 0]);
    // AMD: 1 GW binding of 6.
    const amd = rows.find((d) => d.label === 'AMD') as Row;
    expect([amd.bindingGw, amd.gw]).toEqual([1, 6]);
    expect(amd.status).toBe('Binding for 1 GW; the rest of 6 GW optional');
    for (const d of rows) expect(['Binding', 'Reported'].includes(d.status) || ['Nvidia', 'AMD'].includes(d.label)).toBe(true);
    expectClose(loaded.name('PORT_LedgerToCeo') as number, headline / (v('ceoCommitments') * 1e9), 1e-12);
    expectClose(loaded.name('PORT_ExpectedToComputePlan') as number, (loaded.name('PORT_ExpectedThrough2030') as number) / (v('computePlan') * 1e9), 1e-12);
  });

  test('chips hosted in a partner’s data centre leave the chip row (paid in the partner’s contract, not twice)', () => {
    const local = loadPlan(plan);
    const broadcom = rows.findIndex((d) => d.label === 'Broadcom');
    const before = local.name('PORT_ExpectedTotal') as number;
    const hostedAddress = plan.inputs.find((i) => i.id === `ledger.hosted#${broadcom + 1}`)?.address as string;
    setCell(local.engine, `'${plan.sheetName}'!${hostedAddress}`, 4);
    const after = local.name('PORT_ExpectedTotal') as number;
    const d = rows[broadcom];
    // Four of ten GW leave the row: its expected chips fall by 40 %; their loan costs with them.
    expect(before - after).toBeGreaterThan(0.4 * d.value * d.weight);
    expect(local.value(plan.allChecks)).toBe(true);
    expectClose(local.name('PORT_HeadlineGw') as number, (loaded.name('PORT_HeadlineGw') as number) - 4, 1e-9);
  });

  test('leaving a deal out removes it from the headline, the binding and the expected ledger', () => {
    const local = loadPlan(plan);
    const k = rows.findIndex((d) => d.label === 'Microsoft Azure');
    const includeAddress = plan.inputs.find((i) => i.id === `ledger.include#${k + 1}`)?.address as string;
    setCell(local.engine, `'${plan.sheetName}'!${includeAddress}`, false);
    expectClose(local.name('PORT_CommitmentsTotal') as number, (loaded.name('PORT_CommitmentsTotal') as number) - rows[k].value);
    expectClose(local.name('PORT_BindingTotal') as number, (loaded.name('PORT_BindingTotal') as number) - rows[k].value);
    expectClose(local.name('PORT_ExpectedTotal') as number, (loaded.name('PORT_ExpectedTotal') as number) - rows[k].value);
    expect(local.value(plan.allChecks)).toBe(true);
  });
});

/** The id of the deal in ledger row k (the per-year tables' column ids, in ledger order). */
function idOf(plan: SheetPlan, k: number): string {
  const ids = Object.keys(plan.anchors)
    .filter((key) => key.startsWith('paid.') && key.split('.').length === 2 && key !== 'paid.year' && key !== 'paid.total')
    .map((key) => key.slice('paid.'.length));
  return ids[k];
}

describe('one ledger, every sheet', () => {
  const sheets = ['portfolio', 'openai', 'oracle', 'broadcom', 'nvidia'] as const;
  const loadedSheets = Object.fromEntries(
    sheets.map((id) => {
      const plan = buildSheetPlan(scenarioById(id));
      return [id, { plan, loaded: loadPlan(plan) }];
    }),
  ) as Record<(typeof sheets)[number], { plan: SheetPlan; loaded: LoadedPlan }>;
  const read = (sheet: (typeof sheets)[number], id: string) => column(loadedSheets[sheet].plan, loadedSheets[sheet].loaded, id);
  const port = loadedSheets.portfolio;
  const deals = Array.from({ length: 9 }, (_, k) => idOf(port.plan, k));

  test('every sheet that holds the ledger has the same rows, the same yearly amounts per deal and the same schedule', () => {
    expect(deals).toEqual(['oracle', 'microsoft', 'aws', 'awsExpansion', 'coreweave', 'cerebras', 'nvidia', 'amd', 'broadcom']);
    for (const sheet of sheets) {
      for (const col of ['value', 'gw', 'first', 'last', 'weight', 'expected']) expect([sheet, col, read(sheet, `ledger.${col}`)]).toEqual([sheet, col, read('portfolio', `ledger.${col}`)]);
      for (const deal of deals) for (const table of ['online', 'paid', 'expected']) expect([sheet, table, deal, read(sheet, `${table}.${deal}`)]).toEqual([sheet, table, deal, read('portfolio', `${table}.${deal}`)]);
      for (const col of ['year', 'total', 'binding', 'gwOnline', 'gwYears']) expect([sheet, col, read(sheet, `schedule.${col}`)]).toEqual([sheet, col, read('portfolio', `schedule.${col}`)]);
    }
  });

  test('each deal sheet shows its commitment with the ledger’s total, years and yearly amounts', () => {
    const paid = (deal: string) => read('portfolio', `paid.${deal}`) as number[];
    const value = (deal: string) => (read('portfolio', 'ledger.value') as number[])[deals.indexOf(deal)];
    const name = (sheet: (typeof sheets)[number], n: string) => loadedSheets[sheet].loaded.name(n) as number;
    // Oracle: the sheet's commitment column is the ledger's Oracle column; its peak is the ledger's largest Oracle year.
    expect(read('oracle', 'byYear.year')).toEqual(read('portfolio', 'schedule.year'));
    expect(read('oracle', 'byYear.commitment')).toEqual(paid('oracle'));
    expect(name('oracle', 'ORCL_PeakAnnualCommitment')).toBe(Math.max(...paid('oracle')));
    expectClose(name('oracle', 'ORCL_TotalCommitment'), value('oracle'), 1e-3);
    // Broadcom: spend at delivery is the ledger's Broadcom column.
    expect(read('broadcom', 'byYear.spend')).toEqual(paid('broadcom'));
    expect(name('broadcom', 'AVGO_PeakYearSpend')).toBe(Math.max(...paid('broadcom')));
    expectClose(name('broadcom', 'AVGO_TotalSpend'), value('broadcom'), 1e-3);
    expect(read('broadcom', 'byYear.expected')).toEqual(read('portfolio', 'expected.broadcom'));
    // Nvidia: the circular flow's hardware is the ledger's Nvidia value, delivered in the ledger's years.
    expect(read('nvidia', 'byYear.hardware')).toEqual(paid('nvidia'));
    expectClose(name('nvidia', 'NVDA_TotalHardware'), value('nvidia'), 1e-3);
    const nvidiaYears = read('nvidia', 'perGw.year') as number[];
    const years = read('portfolio', 'schedule.year') as number[];
    const deliveryYears = years.filter((_, t) => paid('nvidia')[t] > 0);
    expect(nvidiaYears[0]).toBeGreaterThanOrEqual(deliveryYears[0]);
    expect(nvidiaYears[nvidiaYears.length - 1]).toBe(deliveryYears[deliveryYears.length - 1]);
    // The openai sheet's compute paid on the ledger is the ledger's expected schedule from 2026.
    expect(read('openai', 'model.ledgerCompute')).toEqual((read('portfolio', 'schedule.total') as number[]).slice(1));
  });

  test('the AMD sheet’s hardware value is the ledger’s AMD value', () => {
    const amdPlan = buildSheetPlan(scenarioById('amd'));
    const amd = loadPlan(amdPlan);
    const value = (read('portfolio', 'ledger.value') as number[])[deals.indexOf('amd')];
    expectClose(amd.name('AMD_HardwareValue') as number, value, 1e-3);
  });
});
