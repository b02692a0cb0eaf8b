/**
 * The input–output view against the two-sector example of Miller & Blair, "Input-Output
 * Analysis: Foundations and Extensions", 2nd ed. (2009), §2.3.1: Z = [[150, 500], [200, 100]],
 * x = (1000, 2000), f = (350, 1700).
 *
 * By hand: A = Z diag(x)⁻¹ = [[0.15, 0.25], [0.20, 0.05]]; I − A = [[0.85, −0.25], [−0.20,
 * 0.95]], det = 0.85·0.95 − 0.25·0.20 = 0.7575, so L = (I − A)⁻¹ = (1/0.7575)·[[0.95, 0.25],
 * [0.20, 0.85]] = [[1.2541, 0.3300], [0.2640, 1.1221]] (the book's figures), and the output
 * multipliers (column sums) are 1.15/0.7575 = 1.5182 and 1.10/0.7575 = 1.4521.
 * B = diag(x)⁻¹ Z = [[0.15, 0.50], [0.10, 0.05]]; I − B has the same determinant 0.7575, so
 * G = (1/0.7575)·[[0.95, 0.50], [0.10, 0.85]] and the supply multipliers (row sums) are
 * 1.45/0.7575 and 0.95/0.7575.
 * Forward extraction of sector 1 (row 1 of B set to 0): v = x − colsums(Z) = (650, 1400);
 * x̄₁ = 650 + 0.10·x̄₂ and x̄₂ = 1400 + 0.05·x̄₂, so x̄₂ = 1400/0.95 and sector 2 loses
 * 2000 − 1400/0.95 = 526.3158.
 */
import { describe, expect, it } from "vitest";
import { luDecompose, luSolve } from "../../src/analysis/io/dense.js";
import { extractBackward, extractForward } from "../../src/analysis/io/extraction.js";
import {
  allocationCoefficients,
  ghoshInverse,
  type IoTable,
  leontiefInverse,
  multipliersDense,
  multipliersSparse,
  technicalCoefficients,
} from "../../src/analysis/io/leontief.js";

const table: IoTable = {
  ids: ["one", "two"],
  z: Float64Array.of(150, 500, 200, 100),
  x: Float64Array.of(1000, 2000),
};
const det = 0.7575;

describe("Miller & Blair's two-sector example (§2.3.1)", () => {
  it("technicalCoefficients and allocationCoefficients divide by the column and the row output", () => {
    expect([...technicalCoefficients(table)]).toEqual([0.15, 0.25, 0.2, 0.05]);
    expect([...allocationCoefficients(table)]).toEqual([0.15, 0.5, 0.1, 0.05]);
  });

  it("leontiefInverse gives the book's L = [[1.2541, 0.3300], [0.2640, 1.1221]]", () => {
    const L = leontiefInverse(table);
    const exact = [0.95 / det, 0.25 / det, 0.2 / det, 0.85 / det];
    exact.forEach((v, i) => expect(L[i]).toBeCloseTo(v, 12));
    expect([...L].map((v) => Number(v.toFixed(4)))).toEqual([1.2541, 0.33, 0.264, 1.1221]);
  });

  it("ghoshInverse gives G = (1/0.7575)·[[0.95, 0.50], [0.10, 0.85]]", () => {
    const G = ghoshInverse(table);
    [0.95 / det, 0.5 / det, 0.1 / det, 0.85 / det].forEach((v, i) =>
      expect(G[i]).toBeCloseTo(v, 12),
    );
  });

  it("multipliers: dense and sparse paths agree with the hand-computed sums", () => {
    for (const m of [multipliersDense(table), multipliersSparse(table)]) {
      expect(m.output[0]).toBeCloseTo(1.15 / det, 10);
      expect(m.output[1]).toBeCloseTo(1.1 / det, 10);
      expect(m.supply[0]).toBeCloseTo(1.45 / det, 10);
      expect(m.supply[1]).toBeCloseTo(0.95 / det, 10);
    }
  });

  it("x = L f reproduces the outputs from final demand (350, 1700)", () => {
    const f = Float64Array.of(350, 1700);
    const A = technicalCoefficients(table);
    const lu = luDecompose(
      Float64Array.from(A, (v, i) => (i % 3 === 0 ? 1 - v : -v)),
      2,
    );
    const x = luSolve(lu, f);
    expect(x[0]).toBeCloseTo(1000, 9);
    expect(x[1]).toBeCloseTo(2000, 9);
  });

  it("extractForward of sector one costs sector two 2000 − 1400/0.95", () => {
    const e = extractForward(table, 0);
    expect(e.lost[1]).toBeCloseTo(2000 - 1400 / 0.95, 8);
    expect(e.lostElsewhere).toBeCloseTo(2000 - 1400 / 0.95, 8);
    expect(e.lostElsewhereShare).toBeCloseTo((2000 - 1400 / 0.95) / 2000, 10);
  });

  it("extractBackward of sector one leaves each sector its own final demand", () => {
    // Ā = diag(0.15, 0.05): x̄₁ = 350/0.85, x̄₂ = 1700/0.95.
    const e = extractBackward(table, 0);
    expect(e.lost[0]).toBeCloseTo(1000 - 350 / 0.85, 8);
    expect(e.lost[1]).toBeCloseTo(2000 - 1700 / 0.95, 8);
  });
});
