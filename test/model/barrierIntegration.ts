/**
 * Any of the eight European barrier options with a rebate, priced independently of src/model for
 * the tests: numerical integration over x = ln(S_T/S) of the discounted payoff against the
 * reflection-principle densities of a drifted Brownian motion (Harrison 1985, ch. 1; Shreve II
 * §7.2), and of the rebate against the first-passage-time density (inverse Gaussian).
 *
 * With ν = r − q − σ²/2, b = ln(H/S) and s = σ√T: ending at x without having hit the barrier has
 * density [φ((x − νT)/s) − e^(2νb/σ²)·φ((x − 2b − νT)/s)]/s on the unbreached side; the first hit at t
 * has density |b|/(σ√(2πt³))·exp(−(b − νt)²/(2σ²t)). A knock-out rebate is paid at the hit, a
 * knock-in rebate at expiry if there was none.
 */
import type { BarrierType } from '../../src/model';

export interface BarrierMarket {
  kind: 'call' | 'put';
  barrierType: BarrierType;
  S: number;
  K: number;
  H: number;
  rebate: number;
  T: number;
  r: number;
  q: number;
  v: number;
}

/** Composite Simpson's rule with `panels` (even) panels; 0 on an empty interval. */
function simpson(f: (x: number) => number, a: number, b: number, panels = 20000): number {
  if (!(b > a)) return 0;
  const h = (b - a) / panels;
  let sum = f(a) + f(b);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

export function barrierByIntegration(m: BarrierMarket): number {
  const { S, K, H, T, r, q, v } = m;
  const isDown = m.barrierType.startsWith('Down');
  const isIn = m.barrierType.endsWith('In');
  const nu = r - q - (v * v) / 2;
  const s = v * Math.sqrt(T);
  const b = Math.log(H / S);
  const k = Math.log(K / S);
  const discount = Math.exp(-r * T);
  const payoff = (x: number) => (m.kind === 'call' ? S * Math.exp(x) - K : K - S * Math.exp(x));
  const plain = (x: number) => Math.exp(-0.5 * ((x - nu * T) / s) ** 2 - LOG_SQRT_2PI) / s;
  // The reflection weight e^(2νb/σ²) can overflow where the density it multiplies underflows: one exponent.
  const reflected = (x: number) => Math.exp((2 * nu * b) / (v * v) - 0.5 * ((x - 2 * b - nu * T) / s) ** 2 - LOG_SQRT_2PI) / s;

  // The payoff is positive above k (call) or below it (put); split the real line at b and k.
  const lo = Math.min(nu * T, 2 * b + nu * T) - 14 * s;
  const hi = Math.max(nu * T, 2 * b + nu * T) + 14 * s;
  const [payLo, payHi] = m.kind === 'call' ? [Math.max(k, lo), hi] : [lo, Math.min(k, hi)];
  const [safeLo, safeHi] = isDown ? [b, Infinity] : [-Infinity, b];
  const onSafeSide = (f: (x: number) => number) => simpson((x) => payoff(x) * f(x), Math.max(payLo, safeLo), Math.min(payHi, safeHi));
  const onBreachedSide = (f: (x: number) => number) =>
    simpson((x) => payoff(x) * f(x), isDown ? payLo : Math.max(payLo, b), isDown ? Math.min(payHi, b) : payHi);

  // At or past the barrier it has been hit at once: knock-in is the plain option, knock-out its rebate now.
  if (isDown ? S <= H : S >= H) return isIn ? discount * simpson((x) => payoff(x) * plain(x), payLo, payHi) : m.rebate;
  const firstHit = (t: number) => (t > 0 ? (Math.abs(b) / (v * Math.sqrt(2 * Math.PI * t ** 3))) * Math.exp(-((b - nu * t) ** 2) / (2 * v * v * t)) : 0);
  if (isIn) {
    const option = discount * (onSafeSide(reflected) + onBreachedSide(plain));
    const hitProbability = simpson(firstHit, 0, T);
    return option + m.rebate * discount * (1 - hitProbability);
  }
  const option = discount * onSafeSide((x) => plain(x) - reflected(x));
  return option + m.rebate * simpson((t) => Math.exp(-r * t) * firstHit(t), 0, T);
}
