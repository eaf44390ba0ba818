/**
 * Seeded random numbers for the Monte Carlo models. The same seed gives the same stream on every
 * platform (only 32-bit integer arithmetic and IEEE doubles are used), so Excel, the formula
 * engine, the CLI and the workbench agree to the last bit.
 *
 * - Generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number
 *   generators", ACM TOMS 47, 2021), 128 bits of state, period 2^128 − 1.
 * - Seeding: the four state words are the first four outputs of SplitMix32 (the 32-bit variant of
 *   Steele, Lea & Flood's SplitMix, Mulberry32's finaliser) started from the seed's low 32 bits
 *   XOR a mix of its high bits, as the xoshiro authors recommend (never an all-zero state).
 * - Uniforms: (u + 0.5) / 2^32 for a 32-bit output u, strictly inside (0, 1).
 * - Normals: the Box–Muller transform (Box & Muller 1958), both outputs of each pair used in turn:
 *   Z1 = √(−2 ln U1)·cos(2πU2), Z2 = √(−2 ln U1)·sin(2πU2). With 32-bit uniforms |Z| ≤ 6.66.
 */

const TWO_POW_32 = 4294967296;
const TWO_PI = 2 * Math.PI;

/** SplitMix32 step: the next state word and its scrambled output. */
function splitMix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** xoshiro128** seeded from a non-negative integer seed (up to 2^53 − 1). */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  private constructor(words: readonly number[]) {
    [this.s0, this.s1, this.s2, this.s3] = words.map((w) => w | 0);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The generator for a seed: an integer from 0 to 2^53 − 1. */
  static fromSeed(seed: number): Xoshiro128 {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError('seed must be an integer from 0 to 2^53 − 1');
    const high = Math.floor(seed / TWO_POW_32);
    let state = (seed >>> 0) ^ Math.imul(high, 0x27d4eb2d);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, output] = splitMix32(state);
      state = next;
      words.push(output);
    }
    return new Xoshiro128(words);
  }

  /** The generator with the given four state words (for the reference test vectors). */
  static fromState(words: readonly [number, number, number, number]): Xoshiro128 {
    return new Xoshiro128(words);
  }

  /** The next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** A uniform number strictly between 0 and 1. */
  nextUniform(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }
}

/** Standard normal numbers by Box–Muller from a seeded xoshiro128** stream. */
export class NormalStream {
  private readonly uniforms: Xoshiro128;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.uniforms = Xoshiro128.fromSeed(seed);
  }

  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniforms.nextUniform()));
    const angle = TWO_PI * this.uniforms.nextUniform();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }

  /** Fills `out` with the next `out.length` normals: the same numbers as as many calls of `next()`, faster. */
  fill(out: Float64Array): void {
    let i = 0;
    const n = out.length;
    if (n > 0 && this.hasSpare) {
      out[i++] = this.spare;
      this.hasSpare = false;
    }
    const uniforms = this.uniforms;
    for (; i + 1 < n; i += 2) {
      const radius = Math.sqrt(-2 * Math.log(uniforms.nextUniform()));
      const angle = TWO_PI * uniforms.nextUniform();
      out[i] = radius * Math.cos(angle);
      out[i + 1] = radius * Math.sin(angle);
    }
    if (i < n) out[i] = this.next();
  }
}
