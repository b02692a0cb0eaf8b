/**
 * Rational payoff matrices as positive integers, for the integer kernels. Multiplying a player's
 * payoffs by a positive number and adding a constant leaves best responses, equilibria and the
 * vertices of the normalised best-response polytopes unchanged; lrsnash makes payoffs positive
 * the same way.
 * @module
 */
import { gcd, Rational } from "../rational.js";

export interface IntegerMatrix {
  /** Entries as BigInt, all ≥ 1. */
  values: bigint[][];
  /** value = (original − offset) · scale, i.e. original = value / scale + offset. */
  scale: bigint;
  offset: Rational;
}

/** Scales by the lcm of the denominators and shifts so that the smallest entry is 1. */
export function positiveIntegers(matrix: readonly (readonly Rational[])[]): IntegerMatrix {
  let scale = 1n;
  for (const row of matrix) for (const v of row) scale = lcm(scale, v.den);
  let lowest: bigint | undefined;
  const scaled = matrix.map((row) =>
    row.map((v) => {
      const x = (v.num * scale) / v.den;
      if (lowest === undefined || x < lowest) lowest = x;
      return x;
    }),
  );
  const shift = 1n - (lowest ?? 0n);
  return {
    values: scaled.map((row) => row.map((x) => x + shift)),
    scale,
    offset: Rational.of(-shift, scale),
  };
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** The transpose of a matrix. */
export function transpose<T>(matrix: readonly (readonly T[])[]): T[][] {
  const rows = matrix.length;
  const cols = matrix[0]?.length ?? 0;
  const out: T[][] = [];
  for (let j = 0; j < cols; j++) {
    const row: T[] = [];
    for (let i = 0; i < rows; i++) row.push(matrix[i]?.[j] as T);
    out.push(row);
  }
  return out;
}
