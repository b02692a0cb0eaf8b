/**
 * Exposure: volumes, shares, stocks and losses on the chain world (figures derived in the
 * comments), a loss checked against the scenario pipeline, and the EU's exposure on the
 * default world.
 */
import { describe, expect, it } from "vitest";
import { entityOf } from "../../src/analysis/entities.js";
import { exposure, exposurePlan } from "../../src/analysis/exposure.js";
import { runTasks } from "../../src/analysis/leverage/run-tasks.js";
import { InputError } from "../../src/diagnostics/errors.js";
import { lossByScenario } from "./scenario.js";
import { defaultContext, fixtureContext } from "./world.js";

const chain = fixtureContext("chain");

function exposureOf(ctx: typeof chain, id: string, threshold: number, horizon = 12) {
  const opts = { horizon, threshold };
  const plan = exposurePlan(ctx, entityOf(ctx.world, ctx.net, id), opts);
  return exposure(ctx, opts, plan, runTasks(ctx.net, plan.tasks));
}

describe("exposure on the chain world", () => {
  // DD makes 25 cars a year, one chip each, and its final demand for chips (100 − 50 used for
  // cars, shared equally by GDP) is 12.5: 37.5 chips bought in proportion to output, 22.5 from
  // BB and 15 from CC. Final demand for cars (50, shared equally) gives DD 12.5 a year: half
  // from CC, half from itself.
  const dd = exposureOf(chain, "DD", 0);
  const dep = (good: string, supplier: string) =>
    dd.dependencies.find((d) => d.good === good && d.supplier === supplier)!;

  it("lists what it buys, from whom, by volume, value and share of its use", () => {
    expect(dep("chip", "BB").volume).toBeCloseTo(22.5, 10);
    expect(dep("chip", "BB").value).toBeCloseTo(112.5, 9);
    expect(dep("chip", "BB").shareOfUse).toBeCloseTo(0.6, 12);
    expect(dep("chip", "CC").shareOfUse).toBeCloseTo(0.4, 12);
    expect(dep("car", "CC").volume).toBeCloseTo(6.25, 10);
    expect(dep("chip", "BB").stockMonths).toBe(1);
    expect(dd.dependencies.some((d) => d.supplier === "DD")).toBe(false);
  });

  it("summarises each good: home and import shares, import HHI", () => {
    const chip = dd.goods.find((g) => g.good === "chip")!;
    expect(chip.use).toBeCloseTo(37.5, 10);
    expect(chip.homeShare).toBe(0);
    expect(chip.importShare).toBeCloseTo(1, 12);
    expect(chip.importHhi).toBeCloseTo(0.52, 12);
    const car = dd.goods.find((g) => g.good === "car")!;
    expect(car.homeShare).toBeCloseTo(0.5, 12);
    expect(car.importHhi).toBe(1);
  });

  it("loses what the scenario pipeline says when BB withholds chips", () => {
    const byScenario = lossByScenario("chain", ["BB"], ["DD"], 12, ["chip"]);
    const d = dep("chip", "BB");
    expect(d.simulated).toBe(true);
    expect(d.loss).toBeGreaterThan(0);
    expect(d.loss).toBeCloseTo(byScenario.get("DD")!, 6);
  });

  it("ranks dependencies by loss and lists every supplier withholding everything", () => {
    const losses = dd.dependencies.map((d) => d.loss);
    expect(losses).toEqual([...losses].sort((a, b) => b - a));
    expect(dd.suppliers.map((s) => s.supplier).sort()).toEqual(["AB", "BB", "CC"]);
    const all = lossByScenario("chain", ["CC"], ["DD"], 12, ["tool", "chip", "car"]);
    expect(dd.suppliers.find((s) => s.supplier === "CC")!.loss).toBeCloseTo(all.get("DD")!, 6);
  });

  it("gives a bloc its members' dependence on outsiders", () => {
    const ab = exposureOf(chain, "AB", 0);
    expect(ab.actor.members).toEqual(["AA", "BB"]);
    expect(ab.members?.map((m) => m.member)).toEqual(["AA", "BB"]);
    expect(ab.dependencies.every((d) => d.supplier !== "AA" && d.supplier !== "BB")).toBe(true);
  });

  it("throws InputError naming the known actors for an unknown actor", () => {
    expect(() => entityOf(chain.world, chain.net, "ZZ")).toThrow(InputError);
    expect(() => entityOf(chain.world, chain.net, "ZZ")).toThrow(/AA, BB, CC, DD, AB/);
  });
});

describe("the EU's exposure on the default world", () => {
  const eu = exposureOf(defaultContext(), "EU", 1e-4, 24);
  const dep = (good: string, supplier: string) =>
    eu.dependencies.find((d) => d.good === good && d.supplier === supplier);

  it("lists US accelerators, cloud and frontier models as majority dependencies it would lose by", () => {
    for (const good of ["ai_accelerators", "cloud_services", "frontier_models"]) {
      const d = dep(good, "US");
      expect(d, good).toBeDefined();
      expect(d!.shareOfUse).toBeGreaterThan(0.5);
      expect(d!.simulated).toBe(true);
      expect(d!.loss).toBeGreaterThan(0);
      expect(d!.securityLoss).toBeGreaterThan(0);
    }
  });

  it("puts them among its ten largest losses, with China's rare earths and Taiwan's wafers", () => {
    const top = eu.dependencies.slice(0, 10).map((d) => `${d.supplier}:${d.good}`);
    for (const k of [
      "US:ai_accelerators",
      "US:cloud_services",
      "US:frontier_models",
      "CN:rare_earths",
      "TW:leading_edge_logic",
    ])
      expect(top).toContain(k);
  });

  it("covers the 27 member states", () => {
    expect(eu.members).toHaveLength(27);
    for (const m of eu.members!) expect(m.extraShare).toBeGreaterThan(0);
  });
});
