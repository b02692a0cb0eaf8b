/**
 * The dense path (LU with partial pivoting) against two independent methods on random
 * productive tables: the power series Σ_k A^k summed term by term, and the sparse fixed-point
 * iteration; plus the identities (I − A) L = I and x = L f.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identityMinus, invert, luDecompose, luSolve } from "../../src/analysis/io/dense.js";
import {
  type IoTable,
  leontiefInverse,
  multipliersDense,
  multipliersSparse,
  technicalCoefficients,
} from "../../src/analysis/io/leontief.js";
import { csrFromDense, solveLeontief } from "../../src/analysis/io/sparse.js";
import { ConvergenceError, UsageError } from "../../src/diagnostics/errors.js";

/** A random table whose columns spend at most 90% of output on inputs (so ρ(A) ≤ 0.9). */
const tableArb = fc
  .integer({ min: 1, max: 7 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      x: fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: n, maxLength: n }),
      w: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: n * n,
        maxLength: n * n,
      }),
      spend: fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), {
        minLength: n,
        maxLength: n,
      }),
      zeros: fc.array(fc.boolean(), { minLength: n * n, maxLength: n * n }),
    }),
  )
  .map(({ n, x, w, spend, zeros }): IoTable => {
    const z = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      let col = 0;
      for (let i = 0; i < n; i++) col += zeros[i * n + j] ? 0 : w[i * n + j]!;
      for (let i = 0; i < n; i++) {
        const share = col > 0 && !zeros[i * n + j] ? w[i * n + j]! / col : 0;
        z[i * n + j] = share * spend[j]! * x[j]!;
      }
    }
    return { ids: x.map((_, i) => `s${i}`), z, x: Float64Array.from(x) };
  });

function powerSeries(a: Float64Array, n: number): Float64Array {
  const sum = new Float64Array(n * n);
  let term = new Float64Array(n * n);
  for (let i = 0; i < n; i++) term[i * n + i] = 1;
  for (let k = 0; k < 2000; k++) {
    let size = 0;
    for (let i = 0; i < n * n; i++) {
      sum[i] = sum[i]! + term[i]!;
      size = Math.max(size, Math.abs(term[i]!));
    }
    if (size < 1e-16) break;
    const next = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let m = 0; m < n; m++) {
        const t = term[i * n + m]!;
        if (t === 0) continue;
        for (let j = 0; j < n; j++) next[i * n + j] = next[i * n + j]! + t * a[m * n + j]!;
      }
    term = next;
  }
  return sum;
}

describe("dense and sparse input–output paths", () => {
  it("leontiefInverse equals the power series Σ A^k", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const n = t.x.length;
        const L = leontiefInverse(t);
        const S = powerSeries(technicalCoefficients(t), n);
        for (let i = 0; i < n * n; i++) expect(Math.abs(L[i]! - S[i]!)).toBeLessThan(1e-9);
      }),
      { seed: 20250601, numRuns: 200 },
    );
  });

  it("(I − A) L = I", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const n = t.x.length;
        const M = identityMinus(technicalCoefficients(t), n);
        const L = invert(M, n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += M[i * n + k]! * L[k * n + j]!;
            expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-10);
          }
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("multipliersSparse equals multipliersDense", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const d = multipliersDense(t);
        const s = multipliersSparse(t);
        for (let i = 0; i < t.x.length; i++) {
          expect(Math.abs(d.output[i]! - s.output[i]!)).toBeLessThan(1e-9 * d.output[i]!);
          expect(Math.abs(d.supply[i]! - s.supply[i]!)).toBeLessThan(1e-9 * d.supply[i]!);
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it("solveLeontief recovers the outputs from final demand f = x − A x, as luSolve does", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const n = t.x.length;
        const A = technicalCoefficients(t);
        const f = Float64Array.from(t.x, (x, i) => {
          let s = 0;
          for (let j = 0; j < n; j++) s += A[i * n + j]! * t.x[j]!;
          return x - s;
        });
        const sparse = solveLeontief(csrFromDense(A, n), f).x;
        const dense = luSolve(luDecompose(identityMinus(A, n), n), f);
        for (let i = 0; i < n; i++) {
          expect(Math.abs(sparse[i]! - t.x[i]!)).toBeLessThan(1e-8 * t.x[i]!);
          expect(Math.abs(dense[i]! - t.x[i]!)).toBeLessThan(1e-8 * t.x[i]!);
        }
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it("solveLeontief throws ConvergenceError when the spectral radius is 1 or more", () => {
    const a = csrFromDense(Float64Array.of(0.5, 0.6, 0.6, 0.5), 2);
    expect(() => solveLeontief(a, Float64Array.of(1, 1), { maxIterations: 500 })).toThrow(
      ConvergenceError,
    );
  });

  it("luDecompose throws UsageError on a singular matrix", () => {
    expect(() => luDecompose(Float64Array.of(1, 2, 2, 4), 2)).toThrow(UsageError);
  });
});
