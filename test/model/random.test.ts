/**
 * random.ts to the last bit against its documented construction, written out here independently:
 * the seeding (four outputs of SplitMix32 — a Weyl step of 0x9e3779b9 and MurmurHash3's fmix32
 * finaliser — from the seed's low 32 bits), the uniforms (u + 0.5)/2^32 and the Box–Muller pairs
 * √(−2 ln U1)·cos(2πU2), √(−2 ln U1)·sin(2πU2), used in turn. The xoshiro128** step itself is checked
 * against Blackman & Vigna's test vector in fundingRisk.test.ts, so it is used here as given.
 */
import { NormalStream, Xoshiro128 } from '../../src/model';

/** The first four SplitMix32 outputs from a 32-bit state, as unsigned words. */
function splitMix32Words(seed: number): [number, number, number, number] {
  const words: number[] = [];
  let state = seed >>> 0;
  while (words.length < 4) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    words.push((z ^ (z >>> 16)) >>> 0);
  }
  return words as [number, number, number, number];
}

const SEEDS = [0, 1, 7, 12345, 2 ** 31, 2 ** 32 - 1];

describe('random numbers, bit for bit', () => {
  test('a seed below 2^32 starts xoshiro128** at the first four SplitMix32 outputs of the seed', () => {
    for (const seed of SEEDS) {
      const words = splitMix32Words(seed);
      expect(words[0]).not.toBe(1); // so that a state forced to (1, …) would show
      const seeded = Xoshiro128.fromSeed(seed);
      const reference = Xoshiro128.fromState(words);
      for (let i = 0; i < 8; i++) expect(seeded.nextUint32()).toBe(reference.nextUint32());
    }
  });

  test('the all-zero state, which would give zeros for ever, is replaced by (1, 0, 0, 0)', () => {
    const zero = Xoshiro128.fromState([0, 0, 0, 0]);
    const one = Xoshiro128.fromState([1, 0, 0, 0]);
    const outputs = Array.from({ length: 8 }, () => zero.nextUint32());
    expect(outputs).toEqual(Array.from({ length: 8 }, () => one.nextUint32()));
    expect(outputs.some((u) => u !== 0)).toBe(true);
    // any other state is used as given: (2, 0, 0, 0) is not (1, 0, 0, 0)
    const two = Xoshiro128.fromState([2, 0, 0, 0]);
    const fromOne = Xoshiro128.fromState([1, 0, 0, 0]);
    expect(Array.from({ length: 8 }, () => two.nextUint32())).not.toEqual(Array.from({ length: 8 }, () => fromOne.nextUint32()));
  });

  test('a bad seed is a RangeError that says what a seed must be', () => {
    expect(() => Xoshiro128.fromSeed(-1)).toThrow('seed must be an integer from 0 to 2^53 − 1');
  });

  test('uniforms are (u + 0.5)/2^32 of the 32-bit outputs', () => {
    const a = Xoshiro128.fromSeed(99);
    const b = Xoshiro128.fromSeed(99);
    for (let i = 0; i < 1000; i++) expect(a.nextUniform()).toBe((b.nextUint32() + 0.5) / 4294967296);
  });

  test('normals are Box–Muller pairs, cosine first, from the first call on; fill gives the same numbers', () => {
    for (const seed of SEEDS) {
      const uniforms = Xoshiro128.fromSeed(seed);
      const expected: number[] = [];
      for (let i = 0; i < 10; i++) {
        const radius = Math.sqrt(-2 * Math.log(uniforms.nextUniform()));
        const angle = 2 * Math.PI * uniforms.nextUniform();
        expected.push(radius * Math.cos(angle), radius * Math.sin(angle));
      }
      const stream = new NormalStream(seed);
      expect(Array.from({ length: 20 }, () => stream.next())).toEqual(expected);

      // the same numbers through fill in odd-sized pieces, with empty fills between (which must not
      // use up a pending sine)
      const filled = new NormalStream(seed);
      const got: number[] = [];
      for (const size of [1, 0, 3, 0, 2, 5, 0, 9]) {
        const out = new Float64Array(size);
        filled.fill(out);
        got.push(...out);
      }
      expect(got).toEqual(expected);
    }
  });
});
