/**
 * An up-and-in call priced independently of src/model, for the tests: numerical integration of the
 * discounted payoff over the reflection-principle density of a drifted Brownian motion and its
 * running maximum (Harrison 1985, ch. 1; Shreve II §7.2), and central differences of it.
 */

export interface Market {
  S: number;
  K: number;
  H: number;
  T: number;
  r: number;
  q: number;
  v: number;
}


/** Composite Simpson's rule with `panels` (even) panels. */
function simpson(f: (x: number) => number, a: number, b: number, panels = 4000): number {
  if (!(b > a)) return 0;
  const h = (b - a) / panels;
  let sum = f(a) + f(b);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

const gaussian = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/**
 * e^(−rT)·E[(S_T − K)⁺ ; max_{t≤T} S_t ≥ H], continuously monitored, by integrating over
 * x = ln(S_T/S): paths ending at or above b = ln(H/S) have hit; below b the density of ending at x
 * having hit is e^(2νb/σ²)·φ((x − 2b − νT)/(σ√T))/(σ√T), with ν = r − q − σ²/2.
 */
export function upAndInByIntegration({ S, K, H, T, r, q, v }: Market): number {
  const nu = r - q - (v * v) / 2;
  const sd = v * Math.sqrt(T);
  const b = Math.log(H / S);
  const k = Math.log(K / S);
  const payoff = (x: number) => S * Math.exp(x) - K;
  if (b <= 0) {
    // already at the hurdle: the plain call, integrated the same way
    const from = Math.max(k, nu * T - 12 * sd);
    return Math.exp(-r * T) * simpson((x) => payoff(x) * (gaussian((x - nu * T) / sd) / sd), from, nu * T + 14 * sd);
  }
  // The reflection weight e^(2νb/σ²) can overflow where the density it multiplies underflows: one exponent.
  const logReflected = (2 * nu * b) / (v * v);
  const reflectedDensity = (x: number) => Math.exp(logReflected - 0.5 * ((x - 2 * b - nu * T) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
  // The reflected density peaks at 2b + νT; when that lies beyond b, its mass below b sits just under b.
  const below = simpson((x) => payoff(x) * reflectedDensity(x), Math.max(k, Math.min(b, 2 * b + nu * T) - 12 * sd), b, 40000);
  const above = simpson((x) => payoff(x) * (gaussian((x - nu * T) / sd) / sd), Math.max(k, b), Math.max(k, b) + Math.abs(nu * T) + 14 * sd, 40000);
  return Math.exp(-r * T) * ((k < b ? below : 0) + above);
}

/** Central difference of the integration pricer in one input. */
export function centralDifference(m: Market, key: keyof Market, step: number): number {
  return (upAndInByIntegration({ ...m, [key]: m[key] + step }) - upAndInByIntegration({ ...m, [key]: m[key] - step })) / (2 * step);
}


/** The Broadie–Glasserman–Kou hurdle for m observations a year, written out here: H·e^(0.5826·σ·√(1/m)). */
export const bgkShifted = (m: Market, observationsPerYear: number): Market => ({ ...m, H: m.H * Math.exp(0.5826 * m.v * Math.sqrt(1 / observationsPerYear)) });
