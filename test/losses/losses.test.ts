/**
 * The loss measures (docs/model.md, "Losses") against hand computations on small worlds: a
 * buyer deprived of what it only consumes, Hulten's first-order result for an input no one
 * needs critically, and the growth of the loss with the downstream output at stake.
 */
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { LoadedWorld } from "../../src/world/load.js";
import { loadWorld } from "../../src/world/load.js";
import { marketWorld, partWorld, worldOf } from "./worlds.js";

function defaultWorld(): LoadedWorld {
  const { world } = loadWorld(fileReader());
  if (!world) throw new Error("the default world does not load");
  return world;
}

function run(world: LoadedWorld, measures: string, horizon = 6) {
  const text = `name: t\nhorizon: ${horizon}\nmeasures:\n${measures}`;
  const { loaded, issues } = loadScenario(text, "t.yaml", world);
  if (!loaded) throw new Error(issues.map((i) => i.message).join("; "));
  const r = runScenario(realiseScenario(loaded)).result;
  const by = new Map(r.actors.map((a) => [a.id, a]));
  const world_ = r.actors.filter((a) => a.kind !== "bloc").reduce((s, a) => s + a.loss, 0);
  return { by, world: world_ };
}

describe("the loss of a buyer cut off from a good it only consumes", () => {
  const world = worldOf(marketWorld());
  const { by } = run(
    world,
    "  - { type: export_control, from: [SS], to: [BB], goods: [gadget], cap: 0, start: 1, end: 6 }\n",
  );
  const bb = by.get("BB")!;
  const ss = by.get("SS")!;

  it("is at least the value of the final use it loses", () => {
    // BB buys 5 gadgets a month at 10: shipments stop from month 1, so from month 2 (the
    // one-month pipeline) to month 6 it goes without 5 a month: 25 gadgets, USD 250.
    expect(bb.finalUseValueLost).toBeCloseTo(250, 9);
    expect(bb.loss).toBeGreaterThanOrEqual(bb.finalUseValueLost);
    // Linear demand with elasticity 0.4 and all of it lost: surplus p·f⁰·1²/(2·0.4) a month.
    expect(bb.consumerSurplusLost).toBeCloseTo((5 * 50) / 0.8, 9);
    expect(bb.loss).toBeCloseTo(250 + 250 / 0.8, 9);
  });

  it("costs the seller no more than the value added it loses", () => {
    expect(ss.valueAddedLost).toBeGreaterThan(0);
    expect(ss.loss).toBeLessThanOrEqual(ss.valueAddedLost + ss.downstreamLost + 1e-9);
    expect(ss.loss).toBeGreaterThanOrEqual(0);
  });

  it("leaves the buyer that is not cut off whole", () => {
    expect(by.get("CC")!.finalUseLost).toBe(0);
  });
});

describe("a small shortfall of an input (Hulten's first-order result)", () => {
  // PP loses 5% of its capacity in month 1: 0.25 parts (60/12 × 0.05) at USD 4.
  const shock =
    "  - { type: capacity_shock, actors: [PP], goods: [part], fraction: 0.05, start: 1, end: 1 }\n";
  const notSupplied = 4 * 0.25;

  it("costs the world the value of the good not supplied when no one needs it critically", () => {
    const { world } = run(worldOf(partWorld(0)), shock);
    expect(world).toBeCloseTo(notSupplied, 12);
  });

  it.each([0.2, 0.5, 1])("grows with the downstream output at stake (criticality %s)", (crit) => {
    const { world, by } = run(worldOf(partWorld(crit)), shock);
    // MM gets 95% of its parts in month 2 and makes 1 − 0.05·crit of its 10 units; HH goes
    // without 0.5·crit units in month 3. The world loses PP's and MM's value added and the
    // consumer surplus of HH: linear demand, elasticity 0.5, share lost s = 0.05·crit.
    const s = 0.05 * crit;
    const surplus = (10 * 10 * s * s) / (2 * 0.5);
    const expected = notSupplied + 8 * 10 * s + surplus;
    expect(world).toBeCloseTo(expected, 9);
    expect(world).toBeGreaterThan(notSupplied);
    // The user deprived of the final good carries its value; its makers are not charged again.
    expect(by.get("HH")!.loss).toBeCloseTo(10 * 10 * s + surplus, 9);
  });
});

describe("no measure", () => {
  it("gives every loss, part and month exactly 0", () => {
    const worlds = [worldOf(marketWorld()), worldOf(partWorld(0.7)), defaultWorld()];
    for (const world of worlds) {
      const { by } = run(world, "  []\n", 12);
      for (const a of by.values()) {
        for (const x of [
          a.loss,
          a.valueAddedLost,
          a.finalUseLost,
          a.downstreamLost,
          a.embodiedLost,
          ...a.monthly.loss,
        ])
          expect(x).toBe(0);
      }
    }
  });
});
