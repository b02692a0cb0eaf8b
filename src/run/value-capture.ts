/**
 * The pipeline of a scenario's automation path (docs/model.md §8): the base year's structure
 * from the scenario's world (with every AI input in the automated recipes), each year's
 * structure on the path with all the policies and without those the EU or a member imposes,
 * who captures the value of the followed actors' manufacturing in each, the path again at the
 * low and high automation rates (with the policies), and the scenario's measures run as a shock
 * on the structure of chosen years.
 * @module
 */
import { actorLoss, type LossMeasure } from "../losses/measure.js";
import { compileWorld } from "../network/compile-world.js";
import type { Automation } from "../scenario/automation-schema.js";
import { compileScenario, extraNodes, type MeasureWarning } from "../scenario/compile.js";
import { resolveRefs } from "../scenario/refs.js";
import type { Scenario } from "../scenario/schema.js";
import { simulate } from "../simulate/run.js";
import { DEFAULT_STEP } from "../simulate/step.js";
import {
  type AutomationPlan,
  type SourcingPlan,
  withAiInputs,
  yearStructure,
} from "../valuechain/automation.js";
import { type Followed, yearCapture } from "../valuechain/capture.js";
import { unlistedProxy } from "../valuechain/proxy.js";
import { type Structure, structureOf, valueCoefficients } from "../valuechain/structure.js";
import { yearNetwork } from "../valuechain/year-network.js";
import type { RealWorld } from "../world/realised.js";
import { summarizeTrace } from "./results.js";
import type { ShockYear, ValueCapture } from "./value-capture-schema.js";

export type { ShockYear, ValueCapture } from "./value-capture-schema.js";

/** The automation path of a scenario, or undefined when it has none. */
export function valueCaptureOf(
  scenario: Scenario,
  world: RealWorld,
  measure: LossMeasure,
): ValueCapture | undefined {
  const a = scenario.automation;
  if (!a) return undefined;
  const groups = scenario.groups ?? [];
  const automated = new Set(a.sectors.flatMap((s) => s.goods));
  const inputGoods = a.inputs.map((i) => i.good);
  const w0 = withAiInputs(world, automated, inputGoods);
  const net = compileWorld(w0, { extraNodes: extraNodes(scenario) });
  const base = structureOf(net);
  const proxy = unlistedProxy(w0, net);
  const baseYear = a.from ?? world.meta.asOf ?? a.to;
  const index = (refs: readonly string[]) =>
    new Set([...resolveRefs(world, groups, refs)].map((id) => net.actors.indexOf(id)));
  const named = a.actors ?? ["EU"];
  const followed: Followed = {
    actors: index(named),
    goods: new Set((a.goods ?? [...automated]).map((g) => net.goods.indexOf(g))),
    aiInputs: new Set(inputGoods.map((g) => net.goods.indexOf(g))),
  };
  const eu = index(["EU"]);
  const policies = (a.policies ?? []).map((p) => {
    const from = index(p.from);
    const plan: SourcingPlan = {
      id: p.id,
      good: net.goods.indexOf(p.good),
      buyers: index(p.buyers),
      from,
      share: p.share.mode,
      start: p.start,
      by: p.by,
    };
    return { plan, eu: [...from].some((x) => eu.has(x)), p };
  });
  const planOf = (at: "low" | "mode" | "high", withEu: boolean): AutomationPlan => {
    const rate = new Float64Array(net.goods.length);
    for (const s of a.sectors)
      for (const g of s.goods) rate[net.goods.indexOf(g)] = s.ratePerYear[at];
    return {
      baseYear,
      rate,
      inputs: a.inputs.map((i) => ({
        good: net.goods.indexOf(i.good),
        share: i.share,
        criticality: i.criticality,
      })),
      policies: policies.filter((p) => withEu || !p.eu).map((p) => p.plan),
    };
  };
  const years = Array.from({ length: a.to - baseYear + 1 }, (_, i) => baseYear + i);
  const baseVc = valueCoefficients(base, proxy);
  const captureOf = (s: Structure, year: number) =>
    yearCapture(s, s === base ? baseVc : valueCoefficients(s, proxy), followed, year);
  const pathOf = (plan: AutomationPlan) =>
    years.map((y) => captureOf(yearStructure(base, plan, y), y));
  const anyEu = policies.some((p) => p.eu);
  const central = planOf("mode", true);
  const out: ValueCapture = {
    actors: named,
    members: [...followed.actors].map((i) => net.actors[i]!).sort(),
    goods: [...followed.goods].map((g) => net.goods[g]!),
    inputs: a.inputs.map((i) => ({ ...i })),
    sectors: a.sectors.map((s) => ({ goods: [...s.goods], ratePerYear: rangeOf(s.ratePerYear) })),
    baseYear,
    years,
    policies: policies.map(({ p, eu: isEu }) => ({
      id: p.id,
      good: p.good,
      buyers: [...p.buyers],
      from: [...p.from],
      share: rangeOf(p.share),
      start: p.start,
      by: p.by,
      eu: isEu,
      ...(p.note !== undefined ? { note: p.note } : {}),
    })),
    path: pathOf(central),
    low: pathOf(planOf("low", true)),
    high: pathOf(planOf("high", true)),
    inconsistent: [...baseVc.excess].flatMap((x, k) => (x > 0 ? [net.nodeId[k]!] : [])),
  };
  const without = anyEu ? planOf("mode", false) : undefined;
  if (without) out.without = pathOf(without);
  const shockYears = a.shockYears ?? [];
  if (shockYears.length > 0 && scenario.measures.length > 0) {
    const shock = (plan: AutomationPlan) =>
      shockYears.map((year) => shockOn(scenario, w0, base, plan, year, followed, measure));
    out.shocks = { measure, horizon: scenario.horizon, with: shock(central) };
    if (without) out.shocks.without = shock(without);
  }
  return out;
}

/** The scenario's measures on the structure of `year`: the followed actors' loss. */
function shockOn(
  scenario: Scenario,
  world: RealWorld,
  base: Structure,
  plan: AutomationPlan,
  year: number,
  followed: Followed,
  measure: LossMeasure,
): ShockYear {
  const s = yearStructure(base, plan, year);
  const net = yearNetwork(base, s);
  const warnings: MeasureWarning[] = [];
  const controls = compileScenario(scenario, world, net, warnings);
  const refillRate = scenario.options?.refillRate ?? DEFAULT_STEP.refillRate;
  const trace = simulate(net, controls, scenario.horizon, { refillRate });
  const result = summarizeTrace(world, net, trace);
  const ids = new Set([...followed.actors].map((i) => net.actors[i]!));
  let loss = 0;
  for (const r of result.actors)
    if (ids.has(r.id) && r.kind !== "bloc") loss += actorLoss(r, measure);
  let value = 0;
  for (let k = 0; k < net.nodeCount; k++)
    if (followed.actors.has(net.nodeActor[k]!) && followed.goods.has(net.nodeGood[k]!))
      value += s.output[k]! * net.goodPrice[net.nodeGood[k]!]! * scenario.horizon;
  return { year, loss, lossShare: value > 0 ? loss / value : 0 };
}

type Range = NonNullable<Automation["sectors"]>[number]["ratePerYear"];
function rangeOf(r: Range): ValueCapture["sectors"][number]["ratePerYear"] {
  const out: ValueCapture["sectors"][number]["ratePerYear"] = {
    low: r.low,
    mode: r.mode,
    high: r.high,
    source: r.source,
  };
  if (r.note !== undefined) out.note = r.note;
  return out;
}
