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
 * to the smallest basic index), which cannot cycle, so the method always terminates.
 * @module
 */
import { min, Rational } from "../rational.js";

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
  const shift = Rational.ONE.sub(min(M.map((r) => min(r as Rational[]))));
  // Tableau rows 0..m-1: [M' | I | 1]; variables 0..n-1 are w, n..n+m-1 the slacks.
  const width = n + m;
  const T: Rational[][] = M.map((row, i) => {
    const t: Rational[] = row.map((v) => v.add(shift));
    for (let k = 0; k < m; k++) t.push(k === i ? Rational.ONE : Rational.ZERO);
    t.push(Rational.ONE);
    return t;
  });
  const obj: Rational[] = [];
  for (let j = 0; j < width; j++) obj.push(j < n ? Rational.ONE.neg() : Rational.ZERO);
  obj.push(Rational.ZERO);
  const basis = Array.from({ length: m }, (_, i) => n + i);
  let pivots = 0;
  for (;;) {
    const enter = obj.findIndex((v, j) => j < width && v.sign() < 0);
    if (enter < 0) break;
    let leave = -1;
    let best: Rational | undefined;
    for (let i = 0; i < m; i++) {
      const a = (T[i] as Rational[])[enter] as Rational;
      if (a.sign() <= 0) continue;
      const ratio = ((T[i] as Rational[])[width] as Rational).div(a);
      const c = best ? ratio.cmp(best) : -1;
      if (c < 0 || (c === 0 && (basis[i] as number) < (basis[leave] as number))) {
        best = ratio;
        leave = i;
      }
    }
    // M' > 0 makes the program bounded, so some row always limits the entering variable.
    if (leave < 0) throw new Error("solveZeroSum: unbounded program (cannot happen for M > 0)");
    pivot(T, obj, leave, enter);
    basis[leave] = enter;
    pivots++;
  }
  const z = obj[width] as Rational;
  const w = Array.from({ length: n }, () => Rational.ZERO);
  basis.forEach((v, i) => {
    if (v < n) w[v] = (T[i] as Rational[])[width] as Rational;
  });
  return {
    value: z.inv().sub(shift),
    row: Array.from({ length: m }, (_, i) => (obj[n + i] as Rational).div(z)),
    col: w.map((v) => v.div(z)),
    pivots,
  };
}

function pivot(T: Rational[][], obj: Rational[], r: number, c: number): void {
  const row = T[r] as Rational[];
  const p = row[c] as Rational;
  for (let j = 0; j < row.length; j++) row[j] = (row[j] as Rational).div(p);
  const eliminate = (target: Rational[]) => {
    const f = target[c] as Rational;
    if (f.isZero()) return;
    for (let j = 0; j < target.length; j++) {
      const v = row[j] as Rational;
      if (!v.isZero()) target[j] = (target[j] as Rational).sub(f.mul(v));
    }
  };
  for (let i = 0; i < T.length; i++) if (i !== r) eliminate(T[i] as Rational[]);
  eliminate(obj);
}
