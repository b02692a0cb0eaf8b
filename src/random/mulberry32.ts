/**
 * mulberry32: a small, fast 32-bit seeded generator (Tommy Ettinger, public domain), returning
 * floats in [0, 1). Used where levier needs reproducible randomness from a seed: test worlds,
 * synthetic benchmark networks.
 * @module
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
