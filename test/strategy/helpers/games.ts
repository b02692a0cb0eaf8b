/** Small games written out by hand for the tests. */
import { fromBimatrix, type NormalFormGame } from "../../../src/strategy/game.js";
import { q, type Rational } from "../../../src/strategy/rational.js";

export function matrix(rows: (number | string)[][]): Rational[][] {
  return rows.map((r) => r.map((v) => q(v)));
}

export function bimatrix(
  A: (number | string)[][],
  B: (number | string)[][],
  rows?: string[],
  cols?: string[],
): NormalFormGame {
  return fromBimatrix(matrix(A), matrix(B), {
    ...(rows ? { rows } : {}),
    ...(cols ? { cols } : {}),
  });
}

/** Strategies and payoffs as strings, for exact comparisons. */
export function show(e: { strategies: Rational[][]; payoffs: Rational[] }): {
  x: string[][];
  u: string[];
} {
  return { x: e.strategies.map((s) => s.map(String)), u: e.payoffs.map(String) };
}
