/**
 * Capacity destroyed by a capacity_shock cannot ramp itself back up: ramp-up extends the node's
 * own plant, so capacity is (K⁰ + ramp) × Π shock factors + investments, and a node whose plant a
 * shock has cut does not ramp up while the shock lasts (docs/model.md, steps 1 and 9).
 *
 * The hand-made world: two actors A and B each make half of one good, which both use as final
 * demand only, at full utilisation, with no stock and ramp-up from the first month (lag 0, 4% of
 * capacity a month, up to 60%). A shocked A is asked its baseline output every month (its
 * buyers' need never changes), more than it can make, yet its capacity in month t stays
 * (1 − fraction)·K⁰ for the whole shock, and it starts to ramp up once the shock is over.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { compileWorld } from "../../src/network/compile-world.js";
import { realise, realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { Controls } from "../../src/simulate/controls.js";
import { simulate } from "../../src/simulate/run.js";
import { loadWorld } from "../../src/world/load.js";
import type { World } from "../../src/world/schema.js";
import { randomWorld } from "../helpers/random-world.js";

function twoMakers(): World {
  const w = randomWorld(1);
  const [a, b] = w.actors;
  w.actors = [
    { ...a!, id: "A", gdp: 50 },
    { ...b!, id: "B", gdp: 50 },
  ];
  w.goods = [
    {
      ...w.goods[0]!,
      id: "g",
      globalOutput: 120,
      utilisation: 1,
      recipe: [],
      stockMonths: 0,
      rampUp: { lagMonths: 0, ratePerMonth: 0.04, max: 0.6 },
      homeBias: 0,
      demandBy: "gdp",
    },
  ];
  w.suppliers = [
    { good: "g", actor: "A", share: 0.5 },
    { good: "g", actor: "B", share: 0.5 },
  ];
  return w;
}

function shock(node: number, fraction: number, end: number): Controls {
  return {
    caps: [],
    guarantees: [],
    capacity: [
      {
        start: 1,
        end,
        nodes: Int32Array.of(node),
        factor: 1 - fraction,
        add: Float64Array.of(0),
        label: "shock",
      },
    ],
    stocks: [],
  };
}

describe("a capacity shock takes its share of ramp-up capacity too", () => {
  const net = compileWorld(realise(twoMakers()));
  const a = net.nodeId.indexOf("A:g");
  const N = net.nodeCount;
  const K0 = net.nodeCapacity[a]!;

  it("a fully shocked node makes exactly nothing for the shock's duration, then comes back", () => {
    expect(K0).toBeCloseTo(5, 12);
    const trace = simulate(net, shock(a, 1, 12), 24);
    for (let t = 0; t < 12; t++) {
      expect(trace.capacity[t * N + a], `capacity in month ${t + 1}`).toBe(0);
      expect(trace.output[t * N + a], `output in month ${t + 1}`).toBe(0);
    }
    // The plant comes back as it was: no ramp-up accrued while it was destroyed.
    expect(trace.capacity[12 * N + a]! / K0).toBeCloseTo(1, 12);
    expect(trace.output[12 * N + a]).toBeGreaterThan(0);
  });

  it("a half-shocked node's capacity is half of its baseline for the whole shock", () => {
    const trace = simulate(net, shock(a, 0.5, 12), 24);
    for (let t = 1; t <= 12; t++)
      expect(trace.capacity[(t - 1) * N + a]! / (0.5 * K0), `month ${t}`).toBeCloseTo(1, 12);
  });
});

describe("a full shock on Taiwan's leading-edge logic (default world)", () => {
  const root = resolve(import.meta.dirname, "../..");
  const world = loadWorld(fileReader(root)).world!;
  const text = `name: TW leading-edge outage
horizon: 24
measures:
  - { id: tw-out, type: capacity_shock, actors: [TW], goods: [leading_edge_logic], fraction: 1, start: 1, end: 12 }
`;

  it("keeps TW's leading-edge output at exactly 0 for the twelve months of the shock", () => {
    const { loaded, issues } = loadScenario(text, "tw-out.yaml", world);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const run = runScenario(realiseScenario(loaded!));
    const k = run.net.nodeId.indexOf("TW:leading_edge_logic");
    const N = run.net.nodeCount;
    expect(run.net.nodeBase[k]).toBeGreaterThan(0);
    for (let t = 0; t < 12; t++) expect(run.trace.output[t * N + k], `month ${t + 1}`).toBe(0);
    expect(run.trace.output[12 * N + k]).toBeGreaterThan(0);
  });
});
