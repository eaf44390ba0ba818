/**
 * European barrier options, continuously monitored, with a cash rebate: the closed forms of
 * Reiner & Rubinstein (1991, "Breaking down the barriers", Risk 4) as set out in Haug,
 * "The Complete Guide to Option Pricing Formulas", 2nd ed., §4.17.1, terms A–F.
 *
 * A knock-in rebate is paid at expiry if the barrier was never hit; a knock-out rebate is paid
 * when the barrier is hit. Units as in `blackScholes.ts`.
 */
import { blackScholesMerton, OptionKind } from './blackScholes';
import { normalCdf } from './normal';

export type BarrierType = 'DownIn' | 'DownOut' | 'UpIn' | 'UpOut';

export interface BarrierOption {
  readonly kind: OptionKind;
  readonly barrierType: BarrierType;
  readonly spotPrice: number;
  readonly strikePrice: number;
  readonly barrierPrice: number;
  /** Cash paid as described above; 0 for none. */
  readonly rebate: number;
  readonly years: number;
  readonly rate: number;
  readonly dividendYield: number;
  readonly volatility: number;
}

/**
 * Value of a European barrier option. Requires years > 0 and volatility > 0.
 *
 * When the spot is already at or past the barrier, a knock-in option is the plain option and a
 * knock-out option is worth its rebate, paid now.
 *
 * @example barrierOptionValue({ kind: 'call', barrierType: 'DownOut', spotPrice: 100, strikePrice: 90,
 *   barrierPrice: 95, rebate: 3, years: 0.5, rate: 0.08, dividendYield: 0.04, volatility: 0.25 }) // 9.0246 (Haug p. 72)
 */
export function barrierOptionValue(o: BarrierOption): number {
  const { kind, barrierType, spotPrice: S, strikePrice: X, barrierPrice: H, rebate: K, years: T, rate: r, volatility: v } = o;
  const isDown = barrierType === 'DownIn' || barrierType === 'DownOut';
  const isIn = barrierType === 'DownIn' || barrierType === 'UpIn';
  const breached = isDown ? S <= H : S >= H;
  if (breached) {
    return isIn ? blackScholesMerton(kind, S, X, T, r, o.dividendYield, v) : K;
  }

  const b = r - o.dividendYield; // cost of carry
  const stdDev = v * Math.sqrt(T);
  const mu = (b - (v * v) / 2) / (v * v);
  const lambda = Math.sqrt(mu * mu + (2 * r) / (v * v));
  const phi = kind === 'call' ? 1 : -1;
  const eta = isDown ? 1 : -1;
  const carry = S * Math.exp((b - r) * T);
  const discount = Math.exp(-r * T);
  const hs = H / S;
  const hsMu = Math.pow(hs, 2 * mu);
  const hsMu1 = hsMu * hs * hs; // (H/S)^(2(μ+1))

  const x1 = Math.log(S / X) / stdDev + (1 + mu) * stdDev;
  const x2 = Math.log(S / H) / stdDev + (1 + mu) * stdDev;
  const y1 = Math.log((H * H) / (S * X)) / stdDev + (1 + mu) * stdDev;
  const y2 = Math.log(H / S) / stdDev + (1 + mu) * stdDev;
  const z = Math.log(H / S) / stdDev + lambda * stdDev;

  const termA = () => phi * carry * normalCdf(phi * x1) - phi * X * discount * normalCdf(phi * x1 - phi * stdDev);
  const termB = () => phi * carry * normalCdf(phi * x2) - phi * X * discount * normalCdf(phi * x2 - phi * stdDev);
  const termC = () => phi * carry * hsMu1 * normalCdf(eta * y1) - phi * X * discount * hsMu * normalCdf(eta * y1 - eta * stdDev);
  const termD = () => phi * carry * hsMu1 * normalCdf(eta * y2) - phi * X * discount * hsMu * normalCdf(eta * y2 - eta * stdDev);
  const termE = () => (K > 0 ? K * discount * (normalCdf(eta * x2 - eta * stdDev) - hsMu * normalCdf(eta * y2 - eta * stdDev)) : 0);
  const termF = () =>
    K > 0
      ? K * (Math.pow(hs, mu + lambda) * normalCdf(eta * z) + Math.pow(hs, mu - lambda) * normalCdf(eta * z - 2 * eta * lambda * stdDev))
      : 0;

  const strikeAboveBarrier = X > H;
  // Haug's table of which terms make up each of the eight options (§4.17.1).
  switch (`${barrierType}:${kind}`) {
    case 'DownIn:call':
      return strikeAboveBarrier ? termC() + termE() : termA() - termB() + termD() + termE();
    case 'UpIn:call':
      return strikeAboveBarrier ? termA() + termE() : termB() - termC() + termD() + termE();
    case 'DownIn:put':
      return strikeAboveBarrier ? termB() - termC() + termD() + termE() : termA() + termE();
    case 'UpIn:put':
      return strikeAboveBarrier ? termA() - termB() + termD() + termE() : termC() + termE();
    case 'DownOut:call':
      return strikeAboveBarrier ? termA() - termC() + termF() : termB() - termD() + termF();
    case 'UpOut:call':
      return strikeAboveBarrier ? termF() : termA() - termB() + termC() - termD() + termF();
    case 'DownOut:put':
      return strikeAboveBarrier ? termA() - termB() + termC() - termD() + termF() : termF();
    default: // UpOut:put
      return strikeAboveBarrier ? termB() - termD() + termF() : termA() - termC() + termF();
  }
}
