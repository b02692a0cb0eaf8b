/**
 * Seeded random games for the differential tests and the benchmark. The generator is SplitMix32
 * (a 32-bit variant of Steele, Lea & Flood's SplitMix), written here so that seeds mean the
 * same on every machine; Math.random is never used.
 */
import { fromBimatrix, type NormalFormGame } from "../../../src/strategy/game.js";
import { Rational } from "../../../src/strategy/rational.js";

export type Rng = () => number;

/** A generator of uniform numbers in [0, 1) from a 32-bit seed. */
export function splitmix32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 2 ** 32;
  };
}

/** A uniform integer in [lo, hi]. */
export function randomInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export interface RandomGameSpec {
  rows: number;
  cols: number;
  /** Integer payoffs are drawn from [lo, hi]. */
  lo: number;
  hi: number;
  /** Probability that an entry copies an earlier entry of the same matrix (forces ties). */
  repeat?: number;
}

/** A bimatrix game with integer payoffs. */
export function randomBimatrix(rng: Rng, spec: RandomGameSpec): NormalFormGame {
  const draw = () => {
    const M: Rational[][] = [];
    const seen: Rational[] = [];
    for (let i = 0; i < spec.rows; i++) {
      const row: Rational[] = [];
      for (let j = 0; j < spec.cols; j++) {
        let v: Rational;
        if (seen.length > 0 && rng() < (spec.repeat ?? 0)) {
          v = seen[randomInt(rng, 0, seen.length - 1)] as Rational;
        } else v = Rational.of(randomInt(rng, spec.lo, spec.hi));
        seen.push(v);
        row.push(v);
      }
      M.push(row);
    }
    return M;
  };
  const A = draw();
  const B = draw();
  return fromBimatrix(A, B, { title: `random ${spec.rows}x${spec.cols}` });
}
