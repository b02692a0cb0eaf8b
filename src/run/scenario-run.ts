/**
 * The whole pipeline for one scenario: compile the (patched) world into a network with the
 * scenario's extra nodes, compile the measures, run the engine, and summarise.
 * @module
 */
import { compileWorld } from "../network/compile-world.js";
import type { Network } from "../network/network.js";
import {
  type Adoptions,
  compileScenario,
  extraNodes,
  type MeasureWarning,
} from "../scenario/compile.js";
import { resolveRefs } from "../scenario/refs.js";
import type { Headline, Measure, Scenario } from "../scenario/schema.js";
import type { Controls } from "../simulate/controls.js";
import { simulate, type Trace } from "../simulate/run.js";
import { DEFAULT_STEP } from "../simulate/step.js";
import type { RealWorld } from "../world/realised.js";
import type { RealisedScenario } from "./realise.js";
import { type SimulationResult, summarizeTrace } from "./results.js";

export interface CapacityShare {
  actors: string[];
  good: string;
  /** Their share of world capacity at baseline and in the last month. */
  baseline: number;
  horizon: number;
  /** Of which: capacity the scenario's investments added, as a share of world capacity. */
  added: number;
  paper?: number;
  note?: string;
  /** The same month by month (index 0 = month 1): their share of world capacity, and the share
   * the scenario's investments added. */
  monthly: { share: number[]; added: number[] };
}

/** A measure as a report names it: its months, and the actors it is imposed by and on
 * (blocs and groups resolved to their members; empty where the measure names none). */
export interface MeasureSummary {
  id: string;
  type: string;
  start: number;
  end: number;
  /** Who imposes or pays for it: the exporters of an export control or agreement, the investor. */
  by: string[];
  /** Whom it falls on: the targets of a control or agreement, the actors of a shock, stockpile or
   * growth trend. */
  on: string[];
  /** The same as the scenario names them (actor, bloc or group ids), for reports. */
  named: { by: string[]; on: string[] };
}

export interface ScenarioRun {
  name: string;
  description?: string;
  horizon: number;
  /** What the report leads with, and the goods it charts (the scenario's `report`). */
  headline?: Headline;
  keyGoods?: string[];
  measures: MeasureSummary[];
  result: SimulationResult;
  /** Measures that matched nothing on the network (each names the measure and where it is). */
  warnings: MeasureWarning[];
  capacityShare?: CapacityShare;
  net: Network;
  trace: Trace;
}

/** Runs a scenario on the world's network, or on `network` (a firm-level network) if given. */
/** What a run needs: the scenario and its realised world. */
export type RunInput = Pick<RealisedScenario, "scenario"> & { world: { world: RealWorld } };

/** Runs a scenario; `adopted` says who adopted the rules of its conditional_access measures,
 * and when (`run/adoption.ts`; none by default). */
export function runScenario(
  { scenario, world }: RunInput,
  network?: Network,
  adopted?: Adoptions,
): ScenarioRun {
  const net = network ?? compileWorld(world.world, { extraNodes: extraNodes(scenario) });
  const warnings: MeasureWarning[] = [];
  // Always compiled: the world's standing export controls apply with or without measures.
  const controls = compileScenario(scenario, world.world, net, warnings, adopted);
  const refillRate = scenario.options?.refillRate ?? DEFAULT_STEP.refillRate;
  const trace = simulate(net, controls, scenario.horizon, { refillRate });
  const result = summarizeTrace(world.world, net, trace);
  const run: ScenarioRun = {
    name: scenario.name,
    horizon: scenario.horizon,
    measures: scenario.measures.map((m, i) => ({
      id: m.id ?? `${m.type} #${i + 1}`,
      type: m.type,
      start: m.start ?? 1,
      end: m.end ?? scenario.horizon,
      ...parties(scenario, world.world, m),
    })),
    result,
    warnings,
    net,
    trace,
  };
  if (scenario.description !== undefined) run.description = scenario.description;
  if (scenario.report?.headline !== undefined) run.headline = scenario.report.headline;
  if (scenario.report?.goods !== undefined) run.keyGoods = scenario.report.goods;
  const cs = scenario.report?.capacityShare;
  if (cs) run.capacityShare = capacityShare(scenario, world.world, net, trace, controls, cs);
  return run;
}

function parties(
  scenario: Scenario,
  world: RealWorld,
  m: Measure,
): Pick<MeasureSummary, "by" | "on" | "named"> {
  const ids = (refs: readonly string[]) =>
    [...resolveRefs(world, scenario.groups ?? [], refs)].sort();
  const of = (by: readonly string[], on: readonly string[]) => ({
    by: ids(by),
    on: ids(on),
    named: { by: [...by], on: [...on] },
  });
  switch (m.type) {
    case "export_control":
    case "agreement":
    case "conditional_access":
      return of(m.from, m.to);
    case "investment":
      return of([m.actor], []);
    case "lift_control":
      return of([], []);
    default:
      return of([], m.actors);
  }
}

/** The share of world capacity of a good that some actors hold, month by month, and the share
 * the scenario's investments added (capacity measures in force that month). */
function capacityShare(
  scenario: Scenario,
  world: RealWorld,
  net: Network,
  trace: Trace,
  controls: Controls,
  cs: NonNullable<NonNullable<Scenario["report"]>["capacityShare"]>,
): CapacityShare {
  const ids = resolveRefs(world, scenario.groups ?? [], cs.actors);
  const g = net.goods.indexOf(cs.good);
  const N = net.nodeCount;
  const T = scenario.horizon;
  const at = (t: number, k: number) => (t < 0 ? net.nodeCapacity[k]! : trace.capacity[t * N + k]!);
  const shareAt = (t: number) => {
    let mine = 0;
    let all = 0;
    for (let k = 0; k < N; k++) {
      if (net.nodeGood[k] !== g) continue;
      const cap = at(t, k);
      all += cap;
      if (ids.has(net.actors[net.nodeActor[k]!]!)) mine += cap;
    }
    return { mine, all };
  };
  const share: number[] = [];
  const added: number[] = [];
  for (let t = 0; t < T; t++) {
    const { mine, all } = shareAt(t);
    let add = 0;
    for (const c of controls.capacity) {
      if (c.end < t + 1 || c.start > t + 1) continue;
      c.nodes.forEach((k, i) => {
        if (net.nodeGood[k] === g) add += c.add[i]!;
      });
    }
    share.push(all > 0 ? mine / all : 0);
    added.push(all > 0 ? add / all : 0);
  }
  const base = shareAt(-1);
  const out: CapacityShare = {
    actors: cs.actors,
    good: cs.good,
    baseline: base.all > 0 ? base.mine / base.all : 0,
    horizon: share[T - 1] ?? 0,
    added: added[T - 1] ?? 0,
    monthly: { share, added },
  };
  if (cs.paper !== undefined) out.paper = cs.paper;
  if (cs.note !== undefined) out.note = cs.note;
  return out;
}
