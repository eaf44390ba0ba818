/**
 * `npm run bench`: throughput of the model and the DEALS functions, then a 10,000-row workbook in
 * the formula engine with =DEALS.WARRANTVALUE against the same sheet with Black–Scholes written in
 * native Excel functions. Prints one figure a line; reports targets but never fails on them.
 *
 * Method: inputs are drawn from a seeded generator into arrays before timing and cycled through,
 * so V8 cannot fold constants; each benchmark warms up first; each timed run lasts ≥ 0.5 s; the
 * best of several runs is reported; every result feeds a checksum that is printed at the end.
 * `npm run bench -- model` (or `-- engine`, `-- cli`) runs one part.
 *
 * CLI start-up: wall-clock time of whole `node` processes (spawned one after the other, median of
 * CLI_RUNS after one warm-up run that also builds the compiled CLI if needed): `deals eval "=1+1"`
 * and `deals scenario show amd` beside `node -e "require('hyperformula')"`, the floor any
 * HyperFormula-based command pays. Target (issue 11): max(0.6 s, 1.6 × that load time).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { createEngine, readCell, setCell, CellInput, EngineValue } from '../src/engine';
import * as impl from '../src/functions/implementations';
import { blackScholesMerton, callValue, hurdleWarrantValue, NormalStream } from '../src/model';

const SIZE = 1 << 12; // input sets per benchmark, cycled through
const MASK = SIZE - 1;
const RUN_SECONDS = 0.5;
const RUNS = 5;
const WARM_UP_SECONDS = 1;
const BLACK_SCHOLES_TARGET = 5e6;
const ROWS = 10_000;

let checksum = 0;

/** Mulberry32: a small, seeded, well-mixed generator. */
function generator(seed: number): (low: number, high: number) => number {
  let state = seed >>> 0;
  return (low, high) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return low + (high - low) * unit;
  };
}

interface Inputs {
  readonly spot: Float64Array;
  readonly strike: Float64Array;
  readonly years: Float64Array;
  readonly rate: Float64Array;
  readonly dividendYield: Float64Array;
  readonly volatility: Float64Array;
  readonly hurdle: Float64Array;
  readonly shares: Float64Array;
  readonly target: Float64Array;
}

function makeInputs(seed: number, count: number): Inputs {
  const draw = generator(seed);
  const column = (fill: (i: number) => number) => Float64Array.from({ length: count }, (_, i) => fill(i));
  const spot = column(() => draw(50, 150));
  const strike = column(() => draw(50, 150));
  const years = column(() => draw(0.1, 5));
  const rate = column(() => draw(0, 0.08));
  const dividendYield = column(() => draw(0, 0.04));
  const volatility = column(() => draw(0.1, 0.9));
  const hurdle = column((i) => spot[i] * draw(1.05, 2));
  const shares = column(() => Math.round(draw(1e5, 2e8)));
  // A target the warrants reach at some share price between 30 and 300.
  const target = column((i) =>
    shares[i] * callValue(draw(30, 300), { strikePrice: strike[i], years: years[i], rate: rate[i], dividendYield: dividendYield[i], volatility: volatility[i] }),
  );
  return { spot, strike, years, rate, dividendYield, volatility, hurdle, shares, target };
}

/**
 * Evaluations per second of `batch(start, count)`, which must evaluate `count` input sets from
 * index `start` (mod SIZE) and return the sum of the results: best of RUNS runs of ≥ RUN_SECONDS.
 */
function throughput(batch: (start: number, count: number) => number): number {
  const chunk = 1 << 14;
  let start = 0;
  const warmUntil = performance.now() + WARM_UP_SECONDS * 1000;
  while (performance.now() < warmUntil) {
    checksum += batch(start, chunk);
    start = (start + chunk) & MASK;
  }
  let best = 0;
  for (let run = 0; run < RUNS; run++) {
    let count = 0;
    const begin = performance.now();
    let elapsed = 0;
    do {
      checksum += batch(start, chunk);
      start = (start + chunk) & MASK;
      count += chunk;
      elapsed = (performance.now() - begin) / 1000;
    } while (elapsed < RUN_SECONDS);
    best = Math.max(best, count / elapsed);
  }
  return best;
}

function perSecond(rate: number): string {
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(2)} million evaluations/s` : `${Math.round(rate).toLocaleString('en-US')} evaluations/s`;
}

function print(line: string): void {
  process.stdout.write(line + '\n');
}

function modelBenchmarks(): void {
  const x = makeInputs(20251006, SIZE);
  const { spot, strike, years, rate, dividendYield, volatility, hurdle, shares, target } = x;

  const blackScholes = throughput((start, count) => {
    let sum = 0;
    for (let n = 0; n < count; n++) {
      const i = (start + n) & MASK;
      sum += blackScholesMerton('call', spot[i], strike[i], years[i], rate[i], dividendYield[i], volatility[i]);
    }
    return sum;
  });
  print(`Black–Scholes call (model blackScholesMerton): ${perSecond(blackScholes)}`);
  print(`  target ≥ ${perSecond(BLACK_SCHOLES_TARGET)}: ${blackScholes >= BLACK_SCHOLES_TARGET ? 'met' : 'NOT met'}`);

  const warrant = throughput((start, count) => {
    let sum = 0;
    for (let n = 0; n < count; n++) {
      const i = (start + n) & MASK;
      sum += impl.warrantValue(1, strike[i], spot[i], volatility[i], years[i], rate[i], dividendYield[i]);
    }
    return sum;
  });
  print(`WARRANTVALUE (implementation, with argument checking): ${perSecond(warrant)}`);

  const tranche = throughput((start, count) => {
    let sum = 0;
    for (let n = 0; n < count; n++) {
      const i = (start + n) & MASK;
      sum += hurdleWarrantValue(spot[i], hurdle[i], {
        strikePrice: strike[i],
        years: years[i],
        rate: rate[i],
        dividendYield: dividendYield[i],
        volatility: volatility[i],
      });
    }
    return sum;
  });
  print(`TRANCHEVALUE up-and-in call (model hurdleWarrantValue): ${perSecond(tranche)}`);

  const trancheFunction = throughput((start, count) => {
    let sum = 0;
    for (let n = 0; n < count; n++) {
      const i = (start + n) & MASK;
      sum += impl.trancheValue(1, strike[i], spot[i], hurdle[i], volatility[i], years[i], rate[i], dividendYield[i], 0.8);
    }
    return sum;
  });
  print(`TRANCHEVALUE (implementation, with argument checking): ${perSecond(trancheFunction)}`);

  const breakeven = throughput((start, count) => {
    let sum = 0;
    for (let n = 0; n < count; n++) {
      const i = (start + n) & MASK;
      sum += impl.breakevenPrice(shares[i], strike[i], target[i], volatility[i], years[i], rate[i], dividendYield[i]);
    }
    return sum;
  });
  print(`BREAKEVENPRICE with volatility (implementation, Brent solve): ${perSecond(breakeven)}`);

  fundingRiskBenchmark();
}

const FUNDING_RISK_PATHS = 100_000;
const FUNDING_RISK_YEARS = 10;
const FUNDING_RISK_TARGET = 10e6; // path-years per second
const FUNDING_RISK_CEILING_RATIO_GOAL = 0.5; // of the plain loop (issue 15)
const FUNDING_RISK_CASE = { revenueNow: 13, growthRate: 0.4, volatility: 0.5, revenueShare: 0.5, cash: 17.5, financing: 10, minimumCash: 5 } as const;

/**
 * The plain-loop ceiling of FUNDINGRISK: the same generator and the same per-path arithmetic
 * (revenue step, cash step, the buffer test) in the simplest loop, with no percentiles, needs or
 * other metrics. Returns the count of path-years below the buffer (a checksum).
 */
function fundingRiskPlainLoop(obligations: readonly number[], seed: number): number {
  const x = FUNDING_RISK_CASE;
  const revenue = new Float64Array(FUNDING_RISK_PATHS).fill(x.revenueNow);
  const cash = new Float64Array(FUNDING_RISK_PATHS).fill(x.cash);
  const shocks = new Float64Array(FUNDING_RISK_PATHS);
  const normals = new NormalStream(seed);
  const drift = x.growthRate - (x.volatility * x.volatility) / 2;
  let below = 0;
  for (const due of obligations) {
    const netInflow = x.financing - due;
    normals.fill(shocks);
    for (let i = 0; i < FUNDING_RISK_PATHS; i++) {
      const r = revenue[i] * Math.exp(drift + x.volatility * shocks[i]);
      revenue[i] = r;
      const c = cash[i] + x.revenueShare * r + netInflow;
      cash[i] = c;
      if (c < x.minimumCash) below++;
    }
  }
  return below;
}

/** Process CPU time of one call in ms (user + system: steadier than wall time on a shared machine). */
function cpuMilliseconds(call: () => number): number {
  const start = process.cpuUsage();
  checksum += call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * One =DEALS.FUNDINGRISK call of 100,000 paths × 10 years with a buffer, percentiles and needs
 * included, against the plain-loop ceiling measured in the same run, calls interleaved, best
 * CPU time of each (the ratio is what the metrics and argument checking cost, on any machine).
 */
function fundingRiskBenchmark(): void {
  const x = FUNDING_RISK_CASE;
  const schedule = Array.from({ length: FUNDING_RISK_YEARS }, (_, t) => 20 + 10 * t);
  const obligations = [schedule];
  const call = (seed: number) =>
    impl.fundingRisk(obligations, x.revenueNow, x.growthRate, x.volatility, x.revenueShare, x.cash, x.financing, FUNDING_RISK_PATHS, seed, undefined, x.minimumCash)[FUNDING_RISK_YEARS][8] as number;
  for (let seed = 0; seed < 3; seed++) checksum += call(seed) + fundingRiskPlainLoop(schedule, seed);
  let best = Infinity;
  let ceiling = Infinity;
  for (let run = 0; run < 2 * RUNS; run++) {
    best = Math.min(best, cpuMilliseconds(() => call(100 + run)));
    ceiling = Math.min(ceiling, cpuMilliseconds(() => fundingRiskPlainLoop(schedule, 100 + run)));
  }
  const pathYears = FUNDING_RISK_PATHS * FUNDING_RISK_YEARS;
  const rate = pathYears / (best / 1000);
  const ceilingRate = pathYears / (ceiling / 1000);
  const ratio = rate / ceilingRate;
  print(
    `FUNDINGRISK ${FUNDING_RISK_PATHS.toLocaleString('en-US')} paths × ${FUNDING_RISK_YEARS} years (implementation, buffer, percentiles and needs included): ` +
      `${(rate / 1e6).toFixed(1)} million path-years/s (${best.toFixed(0)} ms CPU a call)`,
  );
  print(`  plain-loop ceiling (same generator and arithmetic, no metrics): ${(ceilingRate / 1e6).toFixed(1)} million path-years/s (${ceiling.toFixed(0)} ms CPU)`);
  print(`  ratio to the ceiling: ${ratio.toFixed(2)} (goal ≥ ${FUNDING_RISK_CEILING_RATIO_GOAL}: ${ratio >= FUNDING_RISK_CEILING_RATIO_GOAL ? 'met' : 'NOT met'})`);
  print(`  target ≥ ${FUNDING_RISK_TARGET / 1e6} million path-years/s: ${rate >= FUNDING_RISK_TARGET ? 'met' : 'NOT met'}`);
}

/** Row n (0-based) of the sheet: S, K, T, r, q, v, then the formula in G. Spot is scaled by the shared cell $J$1. */
function sheetRows(formula: (row: number) => string, x: Inputs): CellInput[][] {
  const rows: CellInput[][] = [];
  for (let n = 0; n < ROWS; n++) {
    const row: CellInput[] = [x.spot[n], x.strike[n], x.years[n], x.rate[n], x.dividendYield[n], x.volatility[n], formula(n + 1)];
    if (n === 0) row.push(null, null, 1);
    rows.push(row);
  }
  return rows;
}

const customFormula = (r: number) => `=DEALS.WARRANTVALUE(1,B${r},A${r}*$J$1,F${r},C${r},D${r},E${r})`;

/** Black–Scholes–Merton call in native Excel functions, one cell, no helper columns. */
function handWrittenFormula(r: number): string {
  const S = `(A${r}*$J$1)`;
  const [K, T, rate, q, v] = [`B${r}`, `C${r}`, `D${r}`, `E${r}`, `F${r}`];
  const d1 = `(LN(${S}/${K})+(${rate}-${q}+${v}^2/2)*${T})/(${v}*SQRT(${T}))`;
  return `=${S}*EXP(-${q}*${T})*NORM.S.DIST(${d1},TRUE)-${K}*EXP(-${rate}*${T})*NORM.S.DIST(${d1}-${v}*SQRT(${T}),TRUE)`;
}

interface SheetTiming {
  build: number;
  recompute: number;
  values: EngineValue[];
}

const SAMPLE_ROWS = [1, 2, 17, 4242, ROWS];

function timeSheet(formula: (row: number) => string, x: Inputs): SheetTiming {
  let build = Infinity;
  let recompute = Infinity;
  let values: EngineValue[] = [];
  for (let run = 0; run < 3; run++) {
    const rows = sheetRows(formula, x);
    const begin = performance.now();
    const engine = createEngine({ sheets: { Sheet1: rows } });
    const built = performance.now();
    values = SAMPLE_ROWS.map((r) => readCell(engine, `G${r}`));
    setCell(engine, 'J1', 1.01 + run / 1000);
    const recomputed = performance.now();
    build = Math.min(build, built - begin);
    recompute = Math.min(recompute, recomputed - built);
    checksum += readCell(engine, `G${ROWS}`) as number;
    engine.destroy();
  }
  return { build, recompute, values };
}

function engineBenchmarks(): void {
  const x = makeInputs(20251013, ROWS);
  timeSheet(customFormula, x); // warm-up of the engine code paths
  const custom = timeSheet(customFormula, x);
  const hand = timeSheet(handWrittenFormula, x);

  let worst = 0;
  custom.values.forEach((value, i) => {
    const other = hand.values[i];
    if (typeof value !== 'number' || typeof other !== 'number') throw new Error(`row ${SAMPLE_ROWS[i]}: not numbers: ${JSON.stringify([value, other])}`);
    worst = Math.max(worst, Math.abs(value - other) / Math.max(1, Math.abs(value)));
  });
  const ms = (t: number) => `${t.toFixed(0)} ms`;
  print(`Engine, ${ROWS.toLocaleString('en-US')} rows of =DEALS.WARRANTVALUE: build+compute ${ms(custom.build)}, recompute after one shared input ${ms(custom.recompute)}`);
  print(`Engine, ${ROWS.toLocaleString('en-US')} rows of hand-written Black–Scholes (NORM.S.DIST, EXP, LN, SQRT): build+compute ${ms(hand.build)}, recompute after one shared input ${ms(hand.recompute)}`);
  print(`Ratio hand-written ÷ custom: build+compute ${(hand.build / custom.build).toFixed(2)}, recompute ${(hand.recompute / custom.recompute).toFixed(2)}`);
  print(`Agreement on rows ${SAMPLE_ROWS.join(', ')}: largest difference ${worst.toExponential(1)} (relative, absolute below 1) — within 1e-9: ${worst <= 1e-9 ? 'yes' : 'NO'}`);
}

const CLI_RUNS = 7;
const CLI_TARGET_SECONDS = 0.6;
const CLI_TARGET_RATIO = 1.6;

/** Median wall-clock seconds of `node ...args` (after one warm-up run); throws if it fails. */
function processSeconds(args: readonly string[]): number {
  const root = path.resolve(__dirname, '..');
  const once = () => {
    const begin = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    const seconds = (performance.now() - begin) / 1000;
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    return seconds;
  };
  once();
  const times = Array.from({ length: CLI_RUNS }, once).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function cliBenchmarks(): void {
  const hyperformula = processSeconds(['-e', "require('hyperformula')"]);
  const evalOne = processSeconds(['bin/deals.js', 'eval', '=1+1']);
  const show = processSeconds(['bin/deals.js', 'scenario', 'show', 'amd']);
  const target = Math.max(CLI_TARGET_SECONDS, CLI_TARGET_RATIO * hyperformula);
  const s = (t: number) => `${t.toFixed(3)} s`;
  print(`CLI start-up (median of ${CLI_RUNS} processes): node -e "require('hyperformula')" ${s(hyperformula)}`);
  print(`  deals eval "=1+1" ${s(evalOne)} (${(evalOne / hyperformula).toFixed(2)} × HyperFormula's load); deals scenario show amd ${s(show)}`);
  print(`  target ≤ max(${CLI_TARGET_SECONDS} s, ${CLI_TARGET_RATIO} × load) = ${s(target)}: ${evalOne <= target ? 'met' : 'NOT met'}`);
}

// `npm run bench -- model`, `-- engine` or `-- cli` runs one part only.
const parts = process.argv.slice(2);
if (parts.length === 0 || parts.includes('model')) modelBenchmarks();
if (parts.length === 0 || parts.includes('engine')) engineBenchmarks();
if (parts.length === 0 || parts.includes('cli')) cliBenchmarks();
print(`Checksum (keeps the work alive): ${checksum.toPrecision(12)}`);
