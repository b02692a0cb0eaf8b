/**
 * Fitting a sector's flows to the model's margins (src/mrio/fit-flows.ts), on one sector and
 * two actors computed by hand. Output 10 each; the world-average coefficient of the sector in
 * itself is 0.5, so each actor's industry needs 5 and world final demand is 20 − 10 = 10. The
 * table's flows (intermediate and final use together): a0 → a0 8, a0 → a1 2, a1 → a1 10; its
 * final use: a0 1, a1 4.
 */
import { describe, expect, it } from "vitest";
import { fitFlows, POOLED_SHARE } from "../../src/mrio/fit-flows.js";

describe("fitFlows", () => {
  const run = () => {
    const flows = Float64Array.from([8, 2, 0, 10]); // [a0→a0, a0→a1, a1→a0, a1→a1]
    const key = fitFlows(
      flows,
      Float64Array.from([0.5]),
      Float64Array.from([10, 10]),
      Float64Array.from([20]),
      Float64Array.from([1, 4]),
      2,
      1,
    );
    return { flows, key };
  };

  it("shares final demand as the table's final use, not as what intermediate use leaves", () => {
    // 10 in the proportion 1 : 4. (Use less need would give a0 8 − 5 = 3 and a1 12 − 5 = 7.)
    const { key } = run();
    expect(key[0]).toBeCloseTo(2, 12);
    expect(key[1]).toBeCloseTo(8, 12);
  });

  it("scales each column to need plus final demand, 1% of it from the pooled market", () => {
    const { flows } = run();
    expect(POOLED_SHARE).toBe(0.01);
    // Column a0: 5 + 2 = 7, from 8 in the table: 8 × 0.99 × 7/8 at home, and 0.01 × 7 shared
    // by output (half each).
    expect(flows[0]).toBeCloseTo(8 * 0.99 * (7 / 8) + 0.035, 12);
    expect(flows[2]).toBeCloseTo(0.035, 12);
    // Column a1: 5 + 8 = 13, from 12.
    expect(flows[1]).toBeCloseTo(2 * 0.99 * (13 / 12) + 0.065, 12);
    expect(flows[3]).toBeCloseTo(10 * 0.99 * (13 / 12) + 0.065, 12);
    // The columns add up to world output, as the rows do, so RAS can balance them.
    expect(flows[0]! + flows[2]! + flows[1]! + flows[3]!).toBeCloseTo(20, 12);
  });
});
