/**
 * Seeded random games for the differential tests and the benchmark, drawn with levier's one
 * seeded generator (`src/random/mulberry32.ts`), so that seeds mean the same on every machine;
 * Math.random is never used.
 */
import { mulberry32 } from "../../../src/random/mulberry32.js";
import { fromBimatrix, type NormalFormGame } from "../../../src/strategy/game.js";
import { Rational } from "../../../src/strategy/rational.js";

export type Rng = () => number;

/** A generator of uniform numbers in [0, 1) from a 32-bit seed: levier's one generator. */
export const seededRng: (seed: number) => Rng = mulberry32;

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
