/**
 * Variance-based sensitivity: Sobol indices by Saltelli's sampling scheme (Saltelli 2002;
 * Saltelli et al. 2010). Two independent N × k matrices A and B of uniform factors, and for each
 * factor i the matrix A_B^(i), A with its column i taken from B; the model is evaluated on the
 * N (k + 2) rows. With V the variance of f over the rows of A and B:
 * - first-order index (Saltelli et al. 2010, Table 2 (b)):
 *   S_i = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V;
 * - total index (Jansen 1999; Saltelli et al. 2010, Table 2 (f)):
 *   S_Ti = (1/(2N)) Σ_j (f(A)_j − f(A_B^(i))_j)² / V.
 * Confidence intervals come from a bootstrap over the N rows (the same resampled rows for every
 * estimator), as percentiles of the resampled indices. The factors are uniform on [0, 1): a
 * caller maps each to its input (a quantile of the input's distribution). Pure: the uniforms
 * come from the per-draw streams (`random/streams.ts`), row j from stream (seed, j).
 * @module
 */
import { drawStream } from "../random/streams.js";

/** The rows to evaluate: A, B and each A_B^(i), each N × k, row-major. */
export interface SaltelliDesign {
  n: number;
  k: number;
  a: Float64Array;
  b: Float64Array;
  /** ab[i] is A with column i from B. */
  ab: Float64Array[];
}

export function saltelliDesign(n: number, k: number, seed: number): SaltelliDesign {
  const a = new Float64Array(n * k);
  const b = new Float64Array(n * k);
  for (let j = 0; j < n; j++) {
    const u = drawStream(seed, j);
    for (let i = 0; i < k; i++) a[j * k + i] = u();
    for (let i = 0; i < k; i++) b[j * k + i] = u();
  }
  const ab = Array.from({ length: k }, (_, i) => {
    const m = Float64Array.from(a);
    for (let j = 0; j < n; j++) m[j * k + i] = b[j * k + i]!;
    return m;
  });
  return { n, k, a, b, ab };
}

/** The rows of a design in evaluation order: A, B, then A_B^(1) … A_B^(k) (each N rows). */
export function designRows(d: SaltelliDesign): Float64Array[] {
  const rows: Float64Array[] = [];
  const push = (m: Float64Array) => {
    for (let j = 0; j < d.n; j++) rows.push(m.subarray(j * d.k, (j + 1) * d.k));
  };
  push(d.a);
  push(d.b);
  for (const m of d.ab) push(m);
  return rows;
}

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export interface SobolIndices {
  /** Variance of the output over A and B. */
  variance: number;
  first: Interval[];
  total: Interval[];
}

/** Indices from the outputs of `designRows` (same order); `level` of the intervals (0.95). */
export function sobolIndices(
  d: SaltelliDesign,
  y: ArrayLike<number>,
  opts: { bootstrap?: number; level?: number; seed?: number } = {},
): SobolIndices {
  const { n, k } = d;
  if (y.length !== n * (k + 2))
    throw new RangeError(`sobolIndices: expected ${n * (k + 2)} outputs, found ${y.length}`);
  const fa = (j: number) => y[j]!;
  const fb = (j: number) => y[n + j]!;
  const fab = (i: number, j: number) => y[(2 + i) * n + j]!;
  const estimate = (rows: ArrayLike<number>) => {
    const m = rows.length;
    let mean = 0;
    for (let r = 0; r < m; r++) mean += fa(rows[r]!) + fb(rows[r]!);
    mean /= 2 * m;
    let v = 0;
    for (let r = 0; r < m; r++) v += (fa(rows[r]!) - mean) ** 2 + (fb(rows[r]!) - mean) ** 2;
    v /= 2 * m - 1;
    const first: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < k; i++) {
      let s = 0;
      let t = 0;
      for (let r = 0; r < m; r++) {
        const j = rows[r]!;
        s += fb(j) * (fab(i, j) - fa(j));
        t += (fa(j) - fab(i, j)) ** 2;
      }
      first.push(v > 0 ? s / m / v : 0);
      total.push(v > 0 ? t / (2 * m) / v : 0);
    }
    return { v, first, total };
  };
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const point = estimate(all);
  const B = opts.bootstrap ?? 200;
  const level = opts.level ?? 0.95;
  const u = drawStream(opts.seed ?? 0, 0xb0075);
  const firsts: number[][] = Array.from({ length: k }, () => []);
  const totals: number[][] = Array.from({ length: k }, () => []);
  const rows = new Int32Array(n);
  for (let r = 0; r < B; r++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(u() * n);
    const e = estimate(rows);
    for (let i = 0; i < k; i++) {
      firsts[i]!.push(e.first[i]!);
      totals[i]!.push(e.total[i]!);
    }
  }
  const interval = (x: number, boot: number[]): Interval => {
    if (boot.length === 0) return { estimate: x, low: x, high: x };
    const s = [...boot].sort((p, q) => p - q);
    const at = (q: number) =>
      s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
    return { estimate: x, low: at((1 - level) / 2), high: at(1 - (1 - level) / 2) };
  };
  return {
    variance: point.v,
    first: point.first.map((x, i) => interval(x, firsts[i]!)),
    total: point.total.map((x, i) => interval(x, totals[i]!)),
  };
}
