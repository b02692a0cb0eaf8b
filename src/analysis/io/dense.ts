/**
 * Dense linear algebra for input–output tables: LU decomposition with partial pivoting
 * (Doolittle, row interchanges; Golub & Van Loan, "Matrix Computations", 4th ed., alg. 3.4.1),
 * solves and the inverse. Matrices are row-major Float64Arrays, a[i * n + j].
 * @module
 */
import { UsageError } from "../../diagnostics/errors.js";

export interface Lu {
  n: number;
  /** L (unit lower, below the diagonal) and U (on and above it), packed. */
  lu: Float64Array;
  /** Row i of the factored matrix is row perm[i] of the original. */
  perm: Int32Array;
}

/** Factors `a` (n × n); throws UsageError when it is singular to working precision. */
export function luDecompose(a: Float64Array, n: number): Lu {
  const lu = Float64Array.from(a);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let scale = 0;
  for (const x of a) scale = Math.max(scale, Math.abs(x));
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > scale * n * Number.EPSILON)) {
      throw new UsageError(`luDecompose: the matrix is singular (pivot ${best} in column ${k})`);
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
    }
    const pivot = lu[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const f = lu[i * n + k]! / pivot;
      if (f === 0) continue;
      lu[i * n + k] = f;
      for (let j = k + 1; j < n; j++) lu[i * n + j] = lu[i * n + j]! - f * lu[k * n + j]!;
    }
  }
  return { n, lu, perm };
}

/** Solves A x = b with A's factors. */
export function luSolve({ n, lu, perm }: Lu, b: Float64Array): Float64Array {
  const x = Float64Array.from(perm, (p) => b[p]!);
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let j = 0; j < i; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s / lu[i * n + i]!;
  }
  return x;
}

/** The inverse of `a` (n × n), column by column from one factorisation. */
export function invert(a: Float64Array, n: number): Float64Array {
  const f = luDecompose(a, n);
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = luSolve(f, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  return inv;
}

/** I − a, for a square n × n matrix. */
export function identityMinus(a: Float64Array, n: number): Float64Array {
  const out = Float64Array.from(a, (v) => -v);
  for (let i = 0; i < n; i++) out[i * n + i] = 1 + out[i * n + i]!;
  return out;
}

/** The transpose of an n × n matrix. */
export function transpose(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = a[i * n + j]!;
  return out;
}
