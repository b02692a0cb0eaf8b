/**
 * Random streams for Monte Carlo draws: draw k of a run seeded with s has its own stream, a
 * pure function of (s, k), so that draws can run in any order, on any thread or machine, and
 * draw 7 of seed 42 is the same number sequence wherever it runs (../shared/DESIGN.md,
 * "Uncertainty").
 *
 * The stream's 128-bit state is derived from (s, k) by SplitMix32-style mixing (the
 * finalisers of MurmurHash3, with distinct constants per word), then advanced by xoshiro128**
 * (Blackman & Vigna 2018), a generator with period 2¹²⁸ − 1 that passes BigCrush. Distinct
 * (s, k) give unrelated states: the mixing is a bijection of each 32-bit input word, so no two
 * draws of one seed share a state.
 * @module
 */

/** Uniform draws in [0, 1). */
export type Uniform = () => number;

/** The MurmurHash3 32-bit finaliser: a bijection that spreads every input bit over the word. */
export function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The four state words of stream (seed, k). */
export function streamState(seed: number, k: number): Uint32Array {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`seed: expected a whole number from 0 to 4294967295, found ${seed}`);
  if (!Number.isInteger(k) || k < 0 || k > 0xffffffff)
    throw new RangeError(`draw: expected a whole number from 0 to 4294967295, found ${k}`);
  const a = fmix32(seed ^ 0x9e3779b9);
  const b = fmix32(k ^ 0x7f4a7c15);
  const s = new Uint32Array([
    fmix32(a + 0x243f6a88),
    fmix32(b + 0x85a308d3),
    fmix32((a ^ b) + 0x13198a2e),
    fmix32(Math.imul(a, 0x03707344) + b + 0xa4093822),
  ]);
  // The all-zero state is the one xoshiro cannot leave.
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}

/** xoshiro128** on a state: the next 32-bit output (the state advances in place). */
export function next(s: Uint32Array): number {
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl(s3, 11);
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
  return result;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** The uniform stream of draw `k` of a run seeded with `seed`: 53-bit floats in [0, 1). */
export function drawStream(seed: number, k: number): Uniform {
  const s = streamState(seed, k);
  return () => {
    const hi = next(s) >>> 5; // 27 bits
    const lo = next(s) >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
}
