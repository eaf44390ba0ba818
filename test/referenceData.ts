/** The published option values in ../shared/reference (Haug's tables as carried by QuantLib). */
import * as fs from 'fs';
import * as path from 'path';

export interface EuropeanRow {
  id: string;
  type: 'call' | 'put';
  strike: number;
  spot: number;
  q: number;
  r: number;
  t: number;
  v: number;
  expected: number;
  tol: number;
}
export interface GreekRow extends EuropeanRow {
  greek: string;
}
export interface BarrierRow extends EuropeanRow {
  barrierType: 'DownIn' | 'DownOut' | 'UpIn' | 'UpOut';
  barrier: number;
  rebate: number;
}
interface OptionValues {
  european_bsm: EuropeanRow[];
  european_greeks: GreekRow[];
  barrier_haug: BarrierRow[];
}

/** shared/ sits beside the checkout (../shared); CI lays a copy there too. DEALS_SHARED_DIR overrides it (the mutation sandbox, stryker.config.mjs). */
export const SHARED_DIR = process.env.DEALS_SHARED_DIR ?? path.resolve(__dirname, '..', '..', 'shared');

export const optionValues: OptionValues = JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'reference', 'option-values.json'), 'utf8'));
