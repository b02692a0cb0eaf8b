/**
 * Rationed goods (docs/model.md, step 6): what a supplier's buyers stop taking is sold to the
 * demand left unserved at baseline, up to ρ of its baseline flows to the buyers it may still
 * serve. Computed by hand on one chipmaker SS (1 chip a month) and two final users, AA (0.1)
 * and BB (0.9), with AA cut off:
 *
 * - ρ = 0.2: the queue may take 0.2 × 0.9 = 0.18 a month, more than AA's 0.1, so SS keeps
 *   making and selling 1 a month: it loses nothing, and AA loses its final use.
 * - ρ = 0.05: the queue takes 0.045 a month. Month 1 SS makes 1 (planned at baseline), ships
 *   0.9 to BB and 0.045 to the queue, and keeps 0.055; month 2 it makes 0.945 − 0.055 = 0.89;
 *   from month 3 it makes 0.945.
 * - ρ = 0: SS makes 1 and keeps 0.1; month 2 it makes 0.9 − 0.1 = 0.8; from month 3, 0.9.
 *
 * Receipts arrive a month after shipment, so AA still gets its chips in month 1.
 */
import { describe, expect, it } from "vitest";
import { realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadFixture } from "../helpers/world.js";

const world = loadFixture("worlds/rationed.yaml").world!;

function run(rho: number | undefined, cut = true) {
  const text = [
    "name: AA cut off from chips",
    "horizon: 12",
    ...(rho === undefined
      ? []
      : ["world:", "  goods:", `    - { id: chip, rationedDemand: ${rho} }`]),
    cut
      ? "measures:\n  - { type: export_control, from: [SS], to: [AA], goods: [chip], cap: 0 }"
      : "measures: []",
  ].join("\n");
  const { loaded, issues } = loadScenario(text, "test.yaml", world);
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  const r = runScenario(realiseScenario(loaded!));
  const k = r.net.nodeId.indexOf("SS:chip");
  const output = Array.from({ length: 12 }, (_, t) => r.trace.output[t * r.net.nodeCount + k]!);
  const actor = (id: string) => r.result.actors.find((a) => a.id === id)!;
  return { output, actor };
}

const close = (a: number[], b: number[]) =>
  a.forEach((x, t) => expect(Math.abs(x - b[t]!), `month ${t + 1}`).toBeLessThanOrEqual(1e-12));

describe("a rationed good", () => {
  it("keeps its supplier's sales when the queue can take what a cut-off buyer no longer buys", () => {
    const r = run(undefined);
    close(r.output, Array(12).fill(1));
    expect(Math.abs(r.actor("SS").valueAddedLost)).toBeLessThanOrEqual(1e-12);
    // AA is deprived of 0.1 chips a month at 5 each, from month 2.
    expect(r.actor("AA").finalUseValueLost).toBeCloseTo(0.1 * 5 * 11, 10);
  });

  it("sells the queue at most ρ of the flows to the buyers still served", () => {
    close(run(0.05).output, [1, 0.89, ...Array(10).fill(0.945)]);
  });

  it("leaves the seller its lost sales without a queue", () => {
    const r = run(0);
    close(r.output, [1, 0.8, ...Array(10).fill(0.9)]);
    expect(r.actor("SS").valueAddedLost).toBeCloseTo((12 - 1 - 0.8 - 0.9 * 10) * 3, 10);
  });

  it("changes nothing without a measure", () => {
    close(run(undefined, false).output, Array(12).fill(1));
  });
});
