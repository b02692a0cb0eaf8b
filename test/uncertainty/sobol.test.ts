/**
 * Sobol indices by Saltelli sampling on the Ishigami function (a = 7, b = 0.1), against the
 * analytic values (Ishigami & Homma 1990; Saltelli et al. 2008, §4.3), with bootstrap intervals
 * that cover them; and on a linear model, whose indices are its terms' shares of variance.
 */
import { describe, expect, it } from "vitest";
import { designRows, saltelliDesign, sobolIndices } from "../../src/uncertainty/sobol.js";

const a = 7;
const b = 0.1;
const PI = Math.PI;

/** The analytic partial variances of Ishigami with x_i ~ U(−π, π). */
const V1 = 0.5 * (1 + (b * PI ** 4) / 5) ** 2;
const V2 = (a * a) / 8;
const V13 = b * b * PI ** 8 * (1 / 18 - 1 / 50);
const V = V1 + V2 + V13;
const S = [V1 / V, V2 / V, 0];
const ST = [(V1 + V13) / V, V2 / V, V13 / V];

function ishigami(u: ArrayLike<number>): number {
  const x = [0, 1, 2].map((i) => -PI + 2 * PI * u[i]!);
  return Math.sin(x[0]!) + a * Math.sin(x[1]!) ** 2 + b * x[2]! ** 4 * Math.sin(x[0]!);
}

describe("Sobol indices", () => {
  it("of the Ishigami function match the analytic values", () => {
    // The reference values, as published: S1 ≈ 0.314, S2 ≈ 0.442, ST1 ≈ 0.558, ST3 ≈ 0.244.
    expect(S[0]).toBeCloseTo(0.3139, 3);
    expect(S[1]).toBeCloseTo(0.4424, 3);
    expect(ST[0]).toBeCloseTo(0.5576, 3);
    expect(ST[2]).toBeCloseTo(0.2437, 3);
    const d = saltelliDesign(20_000, 3, 11);
    const y = designRows(d).map(ishigami);
    const r = sobolIndices(d, y, { bootstrap: 100, seed: 5 });
    expect(r.variance).toBeCloseTo(V, 0);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.first[i]!.estimate - S[i]!)).toBeLessThan(0.03);
      expect(Math.abs(r.total[i]!.estimate - ST[i]!)).toBeLessThan(0.03);
      // The 95% intervals are narrow and hold the true value (within a little slack for the
      // 5% of intervals that may miss).
      expect(r.total[i]!.high - r.total[i]!.low).toBeLessThan(0.05);
      expect(r.total[i]!.low - 0.01).toBeLessThanOrEqual(ST[i]!);
      expect(r.total[i]!.high + 0.01).toBeGreaterThanOrEqual(ST[i]!);
    }
  });

  it("of a linear model are its terms' shares of variance", () => {
    // f = 1·u1 + 2·u2 + 0·u3 with u ~ U(0, 1): variances 1/12 and 4/12, shares 0.2 and 0.8.
    const d = saltelliDesign(8_000, 3, 3);
    const y = designRows(d).map((u) => u[0]! + 2 * u[1]!);
    const r = sobolIndices(d, y, { bootstrap: 50 });
    expect(r.first[0]!.estimate).toBeCloseTo(0.2, 1);
    expect(r.first[1]!.estimate).toBeCloseTo(0.8, 1);
    expect(Math.abs(r.total[2]!.estimate)).toBeLessThan(1e-12);
    expect(r.total[0]!.estimate).toBeCloseTo(0.2, 1);
  });

  it("refuse outputs of the wrong length", () => {
    const d = saltelliDesign(10, 2, 1);
    expect(() => sobolIndices(d, [1, 2, 3])).toThrow(/expected 40 outputs/);
  });
});
