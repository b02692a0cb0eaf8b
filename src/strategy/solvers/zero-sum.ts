/**
 * The value and optimal mixed strategies of a finite two-player zero-sum game, exactly, by the
 * simplex method on rationals.
 *
 * Reference: the classical reduction of a matrix game to a linear program (G. B. Dantzig, "A
 * proof of the equivalence of the programming problem and the game problem", in Activity
 * Analysis of Production and Allocation, 1951; also von Stengel 2002, §2). With the matrix
 * shifted to M > 0, the column player's program max 1ᵀw s.t. Mw ≤ 1, w ≥ 0 starts feasible at
 * w = 0; at its optimum z*, the value is 1/z* (minus the shift), the column player's strategy is
 * w/z* and the row player's is the dual solution (the objective row under the slack columns)
 * divided by z*. Pivots follow Bland's rule (smallest index enters, ties in the ratio test go
 * to the smallest basic index), which cannot cycle, so the method always terminates. The
 * tableau is kept in integers by fraction-free pivoting (no gcd per operation).
 * @module
 */
import { positiveIntegers } from "../nash/integer-payoffs.js";
import { Rational } from "../rational.js";

export interface ZeroSumSolution {
  /** max over x of min over y of xᵀMy (= min max, by the minimax theorem). */
  value: Rational;
  /** An optimal (maximin) strategy of the row player. */
  row: Rational[];
  /** An optimal (minimax) strategy of the column player. */
  col: Rational[];
  /** Simplex pivots taken. */
  pivots: number;
}

/** Solves the matrix game M (rows maximise, columns minimise). M must be non-empty. */
export function solveZeroSum(M: readonly (readonly Rational[])[]): ZeroSumSolution {
  const m = M.length;
  const n = M[0]?.length ?? 0;
  if (m === 0 || n === 0) throw new RangeError("solveZeroSum: empty matrix");
  // Integer, positive: A = scale·(M − min + 1) ≥ scale; its value is scale·(v(M) − min + 1).
  const { values: A, scale, offset } = positiveIntegers(M);
  const width = n + m;
  // Tableau rows 0..m-1: [A | I | 1]; row m: the objective [−1 … −1 | 0 … 0 | 0].
  const T: bigint[][] = A.map((row, i) => {
    const t = [...row];
    for (let k = 0; k < m; k++) t.push(k === i ? 1n : 0n);
    t.push(1n);
    return t;
  });
  const obj: bigint[] = [];
  for (let j = 0; j <= width; j++) obj.push(j < n ? -1n : 0n);
  T.push(obj);
  const basis = Array.from({ length: m }, (_, i) => n + i);
  let det = 1n;
  let pivots = 0;
  for (;;) {
    const enter = obj.findIndex((v, j) => j < width && v < 0n);
    if (enter < 0) break;
    const leave = ratioTest(T, basis, m, enter, width);
    // A > 0 makes the program bounded, so some row always limits the entering variable.
    if (leave < 0) throw new Error("solveZeroSum: unbounded program (cannot happen for A > 0)");
    det = pivot(T, leave, enter, det);
    basis[leave] = enter;
    pivots++;
  }
  // Every entry is a numerator over det; z* = obj[width]/det.
  const z = obj[width] as bigint;
  const w = Array.from({ length: n }, () => 0n);
  basis.forEach((v, i) => {
    if (v < n) w[v] = (T[i] as bigint[])[width] as bigint;
  });
  // value(A) = det/z, and value(M) = value(A)/scale + offset.
  return {
    value: Rational.of(det, z * scale).add(offset),
    row: Array.from({ length: m }, (_, i) => Rational.of(obj[n + i] as bigint, z)),
    col: w.map((v) => Rational.of(v, z)),
    pivots,
  };
}

/** Bland's ratio test: the row minimising rhs/entry over positive entries, ties by basis index. */
function ratioTest(T: bigint[][], basis: number[], m: number, c: number, width: number): number {
  let leave = -1;
  for (let i = 0; i < m; i++) {
    const row = T[i] as bigint[];
    const a = row[c] as bigint;
    if (a <= 0n) continue;
    if (leave < 0) {
      leave = i;
      continue;
    }
    const best = T[leave] as bigint[];
    // row[width]/a vs best[width]/best[c], both denominators positive.
    const l = (row[width] as bigint) * (best[c] as bigint);
    const r = (best[width] as bigint) * a;
    if (l < r || (l === r && (basis[i] as number) < (basis[leave] as number))) leave = i;
  }
  return leave;
}

/**
 * Fraction-free (integer) pivoting, as in Edmonds (1967) and lrs: every entry stays an integer,
 * the numerator of the rational tableau entry over the current determinant `det`; the division
 * by the previous determinant is exact.
 */
function pivot(T: bigint[][], r: number, c: number, det: bigint): bigint {
  const prow = T[r] as bigint[];
  const p = prow[c] as bigint;
  for (let i = 0; i < T.length; i++) {
    if (i === r) continue;
    const row = T[i] as bigint[];
    const f = row[c] as bigint;
    for (let j = 0; j < row.length; j++)
      row[j] = ((row[j] as bigint) * p - f * (prow[j] as bigint)) / det;
  }
  return p;
}
