/**
 * The carve-out of the chain's goods from their industries (with the floor at 0) and the join
 * of their net final demand to the sectors' recipes, against hand computations.
 */
import { describe, expect, it } from "vitest";
import type { Accounts } from "../../src/mrio/accounts.js";
import { carveOut } from "../../src/mrio/carve.js";
import { type Assumptions, AssumptionsSchema, type Located } from "../../src/mrio/crosswalk.js";
import type { Economy } from "../../src/mrio/economy.js";
import { joinChain } from "../../src/mrio/join.js";

// Actors XA, XB; industries c1, c2; p = XA c1, XA c2, XB c1, XB c2.
const acc: Accounts = {
  actors: ["XA", "XB"],
  codes: ["c1", "c2"],
  // rows supply columns; column sums are the inputs 70, 152, 20, 71
  z: Float64Array.from([20, 40, 5, 20, 20, 60, 5, 21, 15, 20, 5, 10, 15, 32, 5, 20]),
  y: Float64Array.from([30, 5, 50, 10, 10, 10, 20, 5]),
  x: Float64Array.from([100, 220, 50, 112]),
  va: Float64Array.from([30, 68, 30, 41]),
};
const chain = [
  { actor: "XA", industry: "c1", good: "ore", value: 50, valueAdded: 40 },
  { actor: "XA", industry: "c2", good: "chips", value: 100, valueAdded: 30 },
  { actor: "XB", industry: "c2", good: "chips", value: 200, valueAdded: 80 },
];

describe("the carve-out", () => {
  const { accounts: c, floors, carved } = carveOut(acc, chain);
  it("subtracts the chain's output and value added, floored at 0", () => {
    expect(Array.from(c.x)).toEqual([50, 120, 50, 0]);
    expect(Array.from(c.va)).toEqual([0, 38, 30, 0]);
    expect(carved).toEqual({ output: 262, valueAdded: 101 });
  });

  it("reports where the floor binds (value added of XA c1, output of XB c2)", () => {
    expect(
      floors.map((f) => [
        f.actor,
        f.industry,
        f.output,
        f.chainOutput,
        f.valueAdded,
        f.chainValueAdded,
      ]),
    ).toEqual([
      ["XA", "c1", 100, 50, 30, 40],
      ["XB", "c2", 112, 200, 41, 80],
    ]);
    expect(floors[1]!.goods).toEqual(["chips"]);
  });

  it("scales what remains: inputs to output − value added in the column, sales by x''/x in the row", () => {
    // XA c2 sells to XA c1: 20 × (120/220) × (50/70)
    expect(c.z[1 * 4 + 0]).toBeCloseTo(20 * (120 / 220) * (50 / 70), 12);
    // XB c1 sells to XA c2: 20 × 1 × (82/152)
    expect(c.z[2 * 4 + 1]).toBeCloseTo(20 * (82 / 152), 12);
    for (let k = 0; k < 4; k++) {
      expect(c.z[3 * 4 + k]).toBe(0);
      expect(c.z[k * 4 + 3]).toBe(0);
    }
    expect(c.y[2]).toBeCloseTo(50 * (120 / 220), 12);
    expect(c.y[3]).toBeCloseTo(10 * (120 / 220), 12);
    // An industry without chain output keeps what it buys from one without (XB c1 from itself)
    // and buys less from the carved ones (from XA c1: 5 × 0.5).
    expect(c.z[2 * 4 + 2]).toBe(5);
    expect(c.z[0 * 4 + 2]).toBe(2.5);
  });
});

function located(value: unknown): Located<Assumptions> {
  const parsed = AssumptionsSchema.parse(value);
  return {
    value: parsed,
    doc: { file: "a.yaml", value, locate: () => ({ file: "a.yaml", line: 1, col: 1 }) },
  };
}

const tri = (low: number, mode: number, high: number) => ({ dist: "triangular", low, mode, high });
const sector = (id: string) => ({
  id,
  name: id,
  description: id,
  stockMonths: 0,
  rampUp: { lagMonths: 1, ratePerMonth: 0.1, max: 0.1 },
  utilisation: 1,
  securityWeight: 0,
  demandElasticity: 0.5,
});

describe("the join", () => {
  const S = 3;
  const purchases = new Float64Array(S * S);
  purchases.set([10, 50, 40], 1 * S); // electronics bought by primary, electronics, services
  const eco = {
    sectors: ["primary", "electronics", "services"],
    output: Float64Array.from([100, 200, 300]),
    purchases,
  } as unknown as Economy;
  const as = located({
    sources: [{ id: "h", kind: "assumption", publisher: "t", title: "t", year: 2025 }],
    sectors: ["primary", "electronics", "services"].map(sector),
    criticality: { default: 0.1 },
    minCoefficient: 0,
    join: [
      {
        good: "chips",
        final: tri(0.05, 0.1, 0.15),
        sectors: { electronics: tri(0.3, 0.6, 0.9) },
        restBy: "electronics",
        criticality: { electronics: 0.8, default: 0.2 },
        note: "n",
      },
    ],
  });
  const { result } = joinChain(eco, as, new Map([["chips", { value: 50, unit: "USD bn" }]]));

  it("gives named sectors their share and the rest by purchases of the restBy sector", () => {
    const by = new Map(result!.inputs.map((i) => [eco.sectors[i.sector]!, i]));
    // rest 0.3: primary 0.3 × 10/50, services 0.3 × 40/50
    expect(by.get("primary")!.share[0]).toBeCloseTo(0.06, 12);
    expect(by.get("services")!.share[0]).toBeCloseTo(0.24, 12);
    // perUnit = share × 50 / output
    expect(by.get("primary")!.perUnit[0]).toBeCloseTo(0.03, 12);
    expect(by.get("electronics")!.perUnit).toEqual([0.15, 0.075, 0.225]);
    expect(by.get("services")!.perUnit[0]).toBeCloseTo(0.04, 12);
    // the rest's range: 1 − 0.15 − 0.9 (floored at 0) to 1 − 0.05 − 0.3
    expect(by.get("services")!.share[2]).toBeCloseTo(0.65 * 0.8, 12);
    expect(by.get("electronics")!.criticality).toBe(0.8);
    expect(by.get("primary")!.criticality).toBe(0.2);
  });

  it("leaves the final share as final demand: 50 − Σ perUnit × output = 0.1 × 50", () => {
    const used = result!.inputs.reduce((t, i) => t + i.perUnit[0] * eco.output[i.sector]!, 0);
    expect(50 - used).toBeCloseTo(5, 10);
  });

  it("refuses shares that add up to more than 1, at the rule", () => {
    const bad = located({ ...as.value, join: [{ ...as.value.join[0]!, final: 0.5 }] });
    const r = joinChain(eco, bad, new Map([["chips", { value: 50, unit: "USD bn" }]]));
    expect(r.result).toBeUndefined();
    expect(r.issues[0]!.code).toBe("shares-sum");
  });
});
