/**
 * Sparse input–output solves without forming an inverse. With A in compressed sparse rows and
 * ρ(A) < 1 (productive recipes), (I − A) x = y has the solution x = Σ_k A^k y (the Neumann
 * series, Miller & Blair 2009 §2.4), computed by the fixed-point iteration x ← y + A x (Jacobi
 * on I − A) until the largest change is below `tolerance` × the largest |x|. Each iteration
 * costs one pass over the non-zeros, so tables with millions of cells stay cheap. Non-convergence
 * within `maxIterations` is a ConvergenceError, never a silent partial answer.
 * @module
 */
import { ConvergenceError } from "../../diagnostics/errors.js";

export interface Csr {
  n: number;
  rowStart: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

export const SPARSE_DEFAULTS = Object.freeze({ tolerance: 1e-13, maxIterations: 100_000 });

export interface SolveOptions {
  tolerance?: number;
  maxIterations?: number;
}

export interface SolveResult {
  x: Float64Array;
  iterations: number;
  /** Largest change in the last iteration, relative to the largest |x|. */
  residual: number;
}

/** CSR of a row-major dense n × n matrix, keeping entries that are not 0. */
export function csrFromDense(a: Float64Array, n: number): Csr {
  const rowStart = new Int32Array(n + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = a[i * n + j]!;
      if (v !== 0) {
        col.push(j);
        val.push(v);
      }
    }
    rowStart[i + 1] = col.length;
  }
  return { n, rowStart, col: Int32Array.from(col), val: Float64Array.from(val) };
}

/** The transpose, in CSR. */
export function csrTranspose(m: Csr): Csr {
  const { n } = m;
  const rowStart = new Int32Array(n + 1);
  for (const j of m.col) rowStart[j + 1]++;
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i]!;
  const next = rowStart.slice(0, n);
  const col = new Int32Array(m.col.length);
  const val = new Float64Array(m.val.length);
  for (let i = 0; i < n; i++) {
    for (let p = m.rowStart[i]!; p < m.rowStart[i + 1]!; p++) {
      const j = m.col[p]!;
      const at = next[j]!++;
      col[at] = i;
      val[at] = m.val[p]!;
    }
  }
  return { n, rowStart, col, val };
}

/** Solves (I − A) x = y by x ← y + A x. */
export function solveLeontief(a: Csr, y: Float64Array, opts: SolveOptions = {}): SolveResult {
  const tolerance = opts.tolerance ?? SPARSE_DEFAULTS.tolerance;
  const maxIterations = opts.maxIterations ?? SPARSE_DEFAULTS.maxIterations;
  const { n } = a;
  let x = Float64Array.from(y);
  let next = new Float64Array(n);
  let residual = Number.POSITIVE_INFINITY;
  for (let it = 1; it <= maxIterations; it++) {
    let change = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      let s = y[i]!;
      for (let p = a.rowStart[i]!; p < a.rowStart[i + 1]!; p++) s += a.val[p]! * x[a.col[p]!]!;
      next[i] = s;
      change = Math.max(change, Math.abs(s - x[i]!));
      size = Math.max(size, Math.abs(s));
    }
    [x, next] = [next, x];
    residual = size > 0 ? change / size : change;
    if (residual <= tolerance) return { x, iterations: it, residual };
  }
  throw new ConvergenceError(
    `solveLeontief: no convergence in ${maxIterations} iterations (relative change ${residual}); the spectral radius of A may be 1 or more`,
    maxIterations,
    residual,
  );
}
