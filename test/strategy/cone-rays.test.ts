/**
 * The double description kernel on polytopes with known vertices, including a degenerate apex,
 * and the hybrid arithmetic against BigInt-only arithmetic.
 */
import { describe, expect, it } from "vitest";
import { bigOf, coneRays } from "../../src/strategy/nash/cone-rays.js";
import { popcount } from "../../src/strategy/nash/zero-sets.js";

const unit = (d: number, i: number): bigint[] =>
  Array.from({ length: d }, (_, j) => (i === j ? 1n : 0n));
const rays = (dim: number, rows: bigint[][], arithmetic?: "hybrid" | "bigint") =>
  coneRays(dim, rows, arithmetic ? { arithmetic } : {})
    .rays.map((r) => bigOf(r).join(" "))
    .sort();

describe("coneRays", () => {
  it("finds the 8 vertices of the unit cube (homogenised: z_i ≤ t)", () => {
    const rows = [0, 1, 2, 3].map((i) => unit(4, i));
    for (let i = 0; i < 3; i++)
      rows.push([
        ...unit(4, i)
          .slice(0, 3)
          .map((v) => -v),
        1n,
      ]);
    expect(rays(4, rows)).toEqual(
      [
        "0 0 0 1",
        "0 0 1 1",
        "0 1 0 1",
        "0 1 1 1",
        "1 0 0 1",
        "1 0 1 1",
        "1 1 0 1",
        "1 1 1 1",
      ].sort(),
    );
  });

  it("handles a degenerate vertex: the apex of a square pyramid lies on four facets", () => {
    // Base [0,1]² at z = 0, apex (1/2, 1/2, 1): 2x ≥ z, 2y ≥ z, 2x + z ≤ 2, 2y + z ≤ 2.
    const rows = [0, 1, 2, 3].map((i) => unit(4, i));
    rows.push([2n, 0n, -1n, 0n], [0n, 2n, -1n, 0n], [-2n, 0n, -1n, 2n], [0n, -2n, -1n, 2n]);
    const result = coneRays(4, rows);
    expect(result.rays.map((r) => bigOf(r).join(" ")).sort()).toEqual(
      ["0 0 0 1", "1 0 0 1", "0 1 0 1", "1 1 0 1", "1 1 2 2"].sort(),
    );
    const apex = result.rays.findIndex((r) => bigOf(r).join(" ") === "1 1 2 2");
    // Tight: the four side facets only.
    expect(popcount(result.masks[apex] as number)).toBe(4);
  });

  it("switches a ray to BigInt when a coordinate passes 2^52, with the same result", () => {
    // A simplex scaled by a huge factor: x_i ≤ t / 2^60 would need coordinates beyond 2^53.
    const big = 2n ** 60n;
    const rows = [0, 1, 2].map((i) => unit(3, i));
    rows.push([-big, -big, 1n]);
    const hybrid = coneRays(3, rows);
    expect(hybrid.stats.bigintRays).toBeGreaterThan(0);
    expect(hybrid.rays.map((r) => bigOf(r).join(" ")).sort()).toEqual(rays(3, rows, "bigint"));
    expect(rays(3, rows, "bigint")).toEqual([`0 0 1`, `0 1 ${big}`, `1 0 ${big}`]);
  });

  it("rejects a start that is not the identity", () => {
    expect(() =>
      coneRays(2, [
        [1n, 0n],
        [1n, 1n],
      ]),
    ).toThrow(RangeError);
  });
});
