/**
 * The whole pipeline for one scenario: compile the (patched) world into a network with the
 * scenario's extra nodes, compile the measures, run the engine, and summarise.
 * @module
 */
import { compileWorld } from "../network/compile-world.js";
import type { Network } from "../network/network.js";
import { compileScenario, extraNodes, type MeasureWarning } from "../scenario/compile.js";
import { resolveRefs } from "../scenario/refs.js";
import { simulate, type Trace } from "../simulate/run.js";
import { DEFAULT_STEP } from "../simulate/step.js";
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
}

export interface ScenarioRun {
  name: string;
  description?: string;
  horizon: number;
  measures: { id: string; type: string; start: number; end: number }[];
  result: SimulationResult;
  /** Measures that matched nothing on the network (each names the measure and where it is). */
  warnings: MeasureWarning[];
  capacityShare?: CapacityShare;
  net: Network;
  trace: Trace;
}

/** Runs a scenario on the world's network, or on `network` (a firm-level network) if given. */
export function runScenario({ scenario, world }: RealisedScenario, network?: Network): ScenarioRun {
  const net = network ?? compileWorld(world.world, { extraNodes: extraNodes(scenario) });
  const warnings: MeasureWarning[] = [];
  // Always compiled: the world's standing export controls apply with or without measures.
  const controls = compileScenario(scenario, world.world, net, warnings);
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
    })),
    result,
    warnings,
    net,
    trace,
  };
  if (scenario.description !== undefined) run.description = scenario.description;
  const cs = scenario.report?.capacityShare;
  if (cs) {
    const ids = resolveRefs(world.world, scenario.groups ?? [], cs.actors);
    const g = net.goods.indexOf(cs.good);
    const N = net.nodeCount;
    const T = scenario.horizon;
    let mine0 = 0;
    let all0 = 0;
    let mineT = 0;
    let allT = 0;
    let addedT = 0;
    for (let k = 0; k < N; k++) {
      if (net.nodeGood[k] !== g) continue;
      const cap = trace.capacity[(T - 1) * N + k]!;
      const isMine = ids.has(net.actors[net.nodeActor[k]!]!);
      all0 += net.nodeCapacity[k]!;
      allT += cap;
      if (isMine) {
        mine0 += net.nodeCapacity[k]!;
        mineT += cap;
      }
    }
    for (const c of controls.capacity) {
      if (c.end < T || c.start > T) continue;
      c.nodes.forEach((k, i) => {
        if (net.nodeGood[k] === g) addedT += c.add[i]!;
      });
    }
    const share: CapacityShare = {
      actors: cs.actors,
      good: cs.good,
      baseline: all0 > 0 ? mine0 / all0 : 0,
      horizon: allT > 0 ? mineT / allT : 0,
      added: allT > 0 ? addedT / allT : 0,
    };
    if (cs.paper !== undefined) share.paper = cs.paper;
    if (cs.note !== undefined) share.note = cs.note;
    run.capacityShare = share;
  }
  return run;
}
