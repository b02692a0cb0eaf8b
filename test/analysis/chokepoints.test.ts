/**
 * The chokepoint table: every column on the hand-made chain world (test/fixtures/analysis/
 * chain.yaml, figures derived in the comments), and the ranking on the default world.
 */
import { describe, expect, it } from "vitest";
import { chokepointTable, chokepointTasks } from "../../src/analysis/chokepoints.js";
import { hhi } from "../../src/analysis/concentration.js";
import { cascade, recipesOf, staticCriticality } from "../../src/analysis/criticality.js";
import { runTasks } from "../../src/analysis/leverage/run-tasks.js";
import { substitutability } from "../../src/analysis/substitutability.js";
import { defaultContext, fixtureContext } from "./world.js";

const chain = fixtureContext("chain");
const row = (t: ReturnType<typeof chokepointTable>, actor: string, good: string) =>
  t.rows.find((r) => r.actor === actor && r.good === good)!;

describe("hhi", () => {
  it("is Σ s² of the shares normalised by their sum, undefined when empty", () => {
    expect(hhi([0.6, 0.4])).toBeCloseTo(0.52, 15);
    expect(hhi([60, 40])).toBeCloseTo(0.52, 15);
    expect(hhi([1])).toBe(1);
    expect(hhi([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(0.25, 15);
    expect(hhi([])).toBeUndefined();
    expect(hhi([0, 0])).toBeUndefined();
  });
});

describe("criticality (static)", () => {
  // Value added a year: tool 10 × 1, chip 100 × 2, car 50 × 4 → 10, 200, 200 (410 in all).
  // Without tools chips lose 0.5 (criticality) and cars, which need chips with criticality 1,
  // lose 0.5 too: 0.5 × 200 + 0.5 × 200 = 200 of 410. Without chips cars stop: 200 of 410.
  it("cascade takes the scarcest input: λ_j = max_i c_ij λ_i", () => {
    const r = recipesOf(chain.world);
    expect([...cascade(r, new Map([[0, 1]]))]).toEqual([1, 0.5, 0.5]);
    expect([...cascade(r, new Map([[1, 1]]))]).toEqual([0, 1, 1]);
  });

  it("cascade is positively homogeneous: a share s missing loses s × λ", () => {
    const r = recipesOf(chain.world);
    expect([...cascade(r, new Map([[0, 0.3]]))]).toEqual([0.3, 0.15, 0.15]);
  });

  it("staticCriticality is the downstream value added lost over world value added", () => {
    const s = staticCriticality(recipesOf(chain.world), chain.worldValueAdded);
    expect([...chain.worldValueAdded]).toEqual([10, 200, 200]);
    expect(s.share[0]).toBeCloseTo(200 / 410, 15);
    expect(s.share[1]).toBeCloseTo(200 / 410, 15);
    expect(s.share[2]).toBe(0);
    expect(s.valueAddedLost[0]).toBeCloseTo(200, 12);
  });
});

describe("substitutability", () => {
  const chip = chain.goods.find((g) => g.id === "chip")!;
  it("averages over the horizon what others' spare and ramped-up capacity can replace", () => {
    // BB makes 60; CC makes 40 with capacity 50 (spare 10) and adds 50 × min(0.5, 0.1 (t − 2))
    // from month 3: (10 + 10 + 15 + 20 + 25 + 30 + 6 × 35) / 60 = 320/60 over 12 months.
    expect(substitutability(chip, new Set(["BB"]), 12)).toBeCloseTo(320 / 60 / 12, 14);
    // CC makes 40; BB has spare 15 and ramps 7.5 a month from month 3, enough from month 6:
    // (15 + 15 + 22.5 + 30 + 37.5) / 40 + 7 = 10 over 12 months.
    expect(substitutability(chip, new Set(["CC"]), 12)).toBeCloseTo(10 / 12, 14);
  });

  it("is 0 for a sole supplier without ramp-up and 1 for an actor that makes none", () => {
    const tool = chain.goods.find((g) => g.id === "tool")!;
    expect(substitutability(tool, new Set(["AA"]), 24)).toBe(0);
    expect(substitutability(tool, new Set(["DD"]), 24)).toBe(1);
  });
});

describe("chokepointTable on the chain world", () => {
  const results = runTasks(chain.net, chokepointTasks(chain, 12));
  const table = chokepointTable(chain, results, { horizon: 12 });

  it("scores share × criticality × (1 − substitutability)", () => {
    const tool = row(table, "AA", "tool");
    expect(tool.share).toBe(1);
    expect(tool.hhi).toBe(1);
    expect(tool.substitutability).toBe(0);
    expect(tool.score).toBeCloseTo(200 / 410, 14);
    const bb = row(table, "BB", "chip");
    expect(bb.hhi).toBeCloseTo(0.52, 14);
    expect(bb.score).toBeCloseTo(0.6 * (200 / 410) * (1 - 320 / 720), 14);
    const cc = row(table, "CC", "chip");
    expect(cc.score).toBeCloseTo(0.4 * (200 / 410) * (1 / 6), 14);
    expect(row(table, "CC", "car").score).toBe(0);
  });

  it("ranks by score, best first", () => {
    expect(table.rows.map((r) => `${r.actor}:${r.good}`).slice(0, 3)).toEqual([
      "AA:tool",
      "BB:chip",
      "CC:chip",
    ]);
    expect(table.rows.map((r) => r.rank)).toEqual(table.rows.map((_, i) => i + 1));
  });

  it("sorts by any column", () => {
    const byShare = chokepointTable(chain, results, { horizon: 12, sort: "share" });
    const shares = byShare.rows.map((r) => r.share);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
  });

  it("gives the IO view: Ghosh supply multipliers and forward extraction", () => {
    // In value: z(tool→chip) = 0.1 × 100 × 2 = 20, z(chip→car) = 1 × 50 × 5 = 250; outputs 20,
    // 500, 1000. B = [[0, 1, 0], [0, 0, 0.5], [0, 0, 0]] is nilpotent: G = I + B + B², row sums
    // 2.5, 1.5, 1. Extracting chip's sales loses the cars' 250 of the others' 1020.
    const g = (id: string) => table.goods.find((x) => x.good === id)!;
    expect(g("tool").supplyMultiplier).toBeCloseTo(2.5, 12);
    expect(g("chip").supplyMultiplier).toBeCloseTo(1.5, 12);
    expect(g("car").supplyMultiplier).toBeCloseTo(1, 12);
    expect(g("chip").extractionShare).toBeCloseTo(250 / 1020, 12);
  });

  it("simulated criticality is positive and, with stocks drawn down, at most the static one", () => {
    for (const id of ["tool", "chip"]) {
      const g = table.goods.find((x) => x.good === id)!;
      expect(g.criticalitySimulated).toBeGreaterThan(0);
      expect(g.criticalitySimulated).toBeLessThanOrEqual(g.criticality + 1e-12);
    }
    expect(table.goods.find((x) => x.good === "car")!.criticalitySimulated).toBe(0);
  });

  it("sums a bloc's members into one row per good", () => {
    const bloc = chokepointTable(chain, results, {
      horizon: 12,
      actors: [{ id: "AB", kind: "bloc", members: ["AA", "BB"] }],
    });
    expect(bloc.rows.map((r) => [r.actor, r.good, r.share])).toEqual([
      ["AB", "tool", 1],
      ["AB", "chip", 0.6],
    ]);
  });
});

describe("chokepointTable on the default world", () => {
  const ctx = defaultContext();
  const table = chokepointTable(ctx, runTasks(ctx.net, chokepointTasks(ctx, 24)), {
    horizon: 24,
  });
  const rank = (actor: string, good: string) => row(table, actor, good).rank;

  it("ranks the Netherlands' EUV and DUV, Taiwan's leading edge and US EDA in the top 15", () => {
    expect(rank("NL", "euv_lithography")).toBeLessThanOrEqual(15);
    expect(rank("NL", "duv_lithography")).toBeLessThanOrEqual(15);
    expect(rank("TW", "leading_edge_logic")).toBeLessThanOrEqual(15);
    expect(rank("US", "eda_software")).toBeLessThanOrEqual(15);
  });

  // The AI layers reach the economy through compute, whose loss costs its users 15-25 times
  // its cost share (docs/data.md): critical, but behind the fab inputs every chip needs.
  it("ranks US AI accelerators and Korea's HBM in the top 20, and no final good above them", () => {
    expect(rank("US", "ai_accelerators")).toBeLessThanOrEqual(20);
    expect(rank("KR", "hbm_memory")).toBeLessThanOrEqual(20);
    for (const good of ["vehicles", "pharmaceuticals", "automated_systems"])
      for (const r of table.rows.filter((x) => x.good === good)) expect(r.score).toBe(0);
  });

  it("gives EUV a HHI of 1 and no substitute within two years", () => {
    const euv = row(table, "NL", "euv_lithography");
    expect(euv.hhi).toBe(1);
    expect(euv.substitutability).toBe(0);
  });
});
