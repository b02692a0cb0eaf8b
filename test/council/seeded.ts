/**
 * A seeded pseudo-random generator for tests, over levier's one generator
 * (`src/random/mulberry32.ts`): the same seed gives the same sequence on every machine. Never
 * Math.random.
 */
import { mulberry32 } from "../../src/random/mulberry32.js";

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seeded(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
  };
}
