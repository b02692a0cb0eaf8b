/**
 * From table regions to actors and from the table year to the data year, against hand
 * computations on the fixture table: a region carved in proportion to GDP, the parts' own
 * flows, the identities after aggregation, the scaling to GDP (value added = GDP, input
 * coefficients kept), and the grouping of industries into sectors.
 */
import { describe, expect, it } from "vitest";
import { type Accounts, byActor, groupCodes, residualValueAdded } from "../../src/mrio/accounts.js";
import { aggregateTable, splitRegions } from "../../src/mrio/aggregate.js";
import type { Crosswalk } from "../../src/mrio/crosswalk.js";
import { scaleToGdp } from "../../src/mrio/scale.js";
import { INDUSTRIES, wiodTable } from "./table-fixture.js";

const ACTORS = ["XA", "XB", "ROW"];
const GDP = new Map([
  ["XA", 452],
  ["XB", 100],
  ["ROW", 300],
]);
const CROSSWALK = {
  table: { layout: "wiod", source: "t", year: 2011, usdPerUnit: 1e9 },
  sources: [],
  regions: { AAA: "XA", BBB: "ROW" },
  carve: { from: "BBB", actors: ["XB"] },
  industries: {},
  chainGoods: {},
  assumptions: "x",
} as unknown as Crosswalk;

const table = wiodTable().table!;
const split = splitRegions(table, CROSSWALK, ACTORS, GDP);
const acc = aggregateTable(table, ACTORS, INDUSTRIES, split.parts);
const C = 3;
const m = ACTORS.length * C;
const p = (actor: string, industry: string) =>
  ACTORS.indexOf(actor) * C + INDUSTRIES.indexOf(industry);
const z = (a: Accounts, from: [string, string], to: [string, string]) =>
  a.z[p(...from) * m + p(...to)]!;
const y = (a: Accounts, from: [string, string], buyer: string) =>
  a.y[p(...from) * ACTORS.length + ACTORS.indexOf(buyer)]!;

describe("aggregating a table to levier's actors", () => {
  it("carves XB out of BBB by GDP: 100 / (100 + 1.0 × 300) = 25% (BBB is all of ROW's table value added)", () => {
    expect(split.regionShare).toBe(1);
    expect(split.regionGdp).toBe(400);
    expect(split.carved).toEqual([{ actor: "XB", share: 0.25 }]);
    expect(split.parts.get("BBB")).toEqual([
      { actor: 1, weight: 0.25 },
      { actor: 2, weight: 0.75 },
    ]);
  });

  it("gives each part its share of the region's output, flows and final use; parts do not trade", () => {
    expect(acc.x[p("XB", "c1")]).toBe(27.5);
    expect(acc.x[p("ROW", "c1")]).toBe(82.5);
    expect(acc.x[p("XA", "c2")]).toBe(110);
    expect(z(acc, ["XB", "c1"], ["XB", "c2"])).toBe(4.5); // 0.25 × 18, BBB's own flow
    expect(z(acc, ["ROW", "c1"], ["ROW", "c2"])).toBe(13.5);
    expect(z(acc, ["XB", "c1"], ["ROW", "c2"])).toBe(0);
    expect(z(acc, ["XA", "c1"], ["XB", "c2"])).toBe(1.5); // 0.25 × 6
    expect(z(acc, ["XB", "c2"], ["XA", "c1"])).toBe(0.25); // 0.25 × 1
    expect(y(acc, ["XA", "c1"], "XB")).toBe(2.5); // 0.25 × (8 + 2)
    expect(y(acc, ["XB", "c1"], "XB")).toBe(14.5); // 0.25 × (50 + 8)
    expect(y(acc, ["XB", "c1"], "ROW")).toBe(0);
  });

  it("keeps the identities: each row's uses add up to its output; VA = output − inputs", () => {
    for (let r = 0; r < m; r++) {
      let s = 0;
      for (let q = 0; q < m; q++) s += acc.z[r * m + q]!;
      for (let b = 0; b < ACTORS.length; b++) s += acc.y[r * ACTORS.length + b]!;
      expect(s).toBeCloseTo(acc.x[r]!, 10);
    }
    expect(Array.from(acc.va)).toEqual(Array.from(residualValueAdded(acc)));
    const va = byActor(acc, acc.va);
    expect(va[0]).toBeCloseTo(226, 10);
    expect(va[1]).toBeCloseTo(0.25 * 233, 10);
    expect(va[2]).toBeCloseTo(0.75 * 233, 10);
  });
});

describe("scaling to the data year's GDP", () => {
  const scaled = scaleToGdp(acc, GDP, 1e9);
  const s = scaled.accounts;
  it("makes each actor's value added its GDP (factors GDP / table value added)", () => {
    expect(scaled.factors.map((f) => f.factor)).toEqual([2, 100 / 58.25, 300 / 174.75]);
    const va = byActor(s, s.va);
    expect(va[0]).toBeCloseTo(452, 9);
    expect(va[1]).toBeCloseTo(100, 9);
    expect(va[2]).toBeCloseTo(300, 9);
    expect(Array.from(residualValueAdded(s)).map((v) => v.toFixed(9))).toEqual(
      Array.from(s.va).map((v) => v.toFixed(9)),
    );
  });

  it("keeps each column's input coefficients and scales final use by the buyer's factor", () => {
    expect(s.x[p("XA", "c1")]).toBe(212);
    expect(z(s, ["XB", "c2"], ["XA", "c1"]) / s.x[p("XA", "c1")]!).toBeCloseTo(0.25 / 106, 12);
    expect(z(s, ["XA", "c1"], ["XB", "c2"])).toBeCloseTo(1.5 * (100 / 58.25), 12);
    expect(y(s, ["XA", "c1"], "XB")).toBeCloseTo(2.5 * (100 / 58.25), 12);
    expect(y(s, ["XB", "c1"], "XA")).toBeCloseTo(0.25 * 7 * 2, 12);
  });
});

describe("grouping industries into sectors", () => {
  it("adds up output, value added, flows and final use of the industries of each sector", () => {
    const g = groupCodes(acc, ["primary", "other"], [0, 1, 1]);
    const G = 2;
    const n = ACTORS.length * G;
    expect(g.x[0 * G + 1]).toBe(260); // XA c2 + c3
    expect(g.va[0 * G + 1]).toBe(142); // 34 + 108
    // XA other -> XA primary: Z[A2][A1] + Z[A3][A1] = 2 + 5
    expect(g.z[(0 * G + 1) * n + 0]).toBe(7);
    // XA other -> XA final: (20 + 15) + (90 + 10)
    expect(g.y[(0 * G + 1) * ACTORS.length + 0]).toBe(135);
  });
});
