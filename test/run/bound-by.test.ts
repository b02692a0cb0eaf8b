/**
 * What a binding input is charged with (docs/model.md §5, "Bound by"): only the output its
 * shortage cost, min(x⁰, P) − y, never the part of a fall that lost orders or lost capacity
 * explain. Checked by hand on the three-node world (BB makes chips from tools, one unit of
 * value added per chip, baseline one chip a month) with a trace written month by month.
 */
import { describe, expect, it } from "vitest";
import { realiseLoaded } from "../../src/run/realise.js";
import { summarizeTrace } from "../../src/run/results.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadFixture } from "../helpers/world.js";

describe("the value added a binding input is charged with", () => {
  const loaded = loadFixture("worlds/three-node.yaml").world!;
  const world = realiseLoaded(loaded);
  const scenario = { name: "none", horizon: 4, measures: [] };
  const { net, trace } = runScenario({ scenario, world } as never);
  const N = net.nodeCount;
  const bb = net.nodeId.indexOf("BB:chip");
  const tool = net.goods.indexOf("tool");

  it("is the output below the plan (capped at baseline) in the months the input bound", () => {
    expect(net.nodeBase[bb]).toBe(1);
    expect(net.goodValueAdded[net.nodeGood[bb]!]).toBe(1);
    trace.bindingGood.fill(-1);
    // Month 1: orders fell to 0.6 and tools let it make 0.4: 0.2 is the tools', 0.4 the orders'.
    // Month 2: asked for 1.2 (catch-up), made 0.9 for want of tools: 0.1 below baseline.
    // Month 3: orders fell to 0.5, made all of them: nothing is the tools'.
    // Month 4: made 0.7 of a plan of 0.8, bound by tools: 0.1.
    const months = [
      { plan: 0.6, output: 0.4, bound: true },
      { plan: 1.2, output: 0.9, bound: true },
      { plan: 0.5, output: 0.5, bound: false },
      { plan: 0.8, output: 0.7, bound: true },
    ];
    months.forEach((m, t) => {
      trace.plan[t * N + bb] = m.plan;
      trace.output[t * N + bb] = m.output;
      if (m.bound) trace.bindingGood[t * N + bb] = tool;
    });
    const bbResult = summarizeTrace(world.world, net, trace).actors.find((a) => a.id === "BB")!;
    expect(bbResult.boundBy).toHaveLength(1);
    expect(bbResult.boundBy[0]!.good).toBe("tool");
    expect(bbResult.boundBy[0]!.valueAddedLost).toBeCloseTo(0.2 + 0.1 + 0 + 0.1, 12);
    // The whole fall below baseline is still its value added lost: 0.6 + 0.1 + 0.5 + 0.3.
    expect(bbResult.valueAddedLost).toBeCloseTo(1.5, 12);
  });
});
