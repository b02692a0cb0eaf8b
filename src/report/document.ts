/**
 * The result document of a scenario run: what `levier run --json` prints and every report
 * renders, so that they always agree.
 * @module
 */
import type { CouncilOnScenario } from "../council/on-scenario.js";
import type { ActorResult, GoodResult, NodeResult, PoolResult } from "../simulate/results.js";
import type { CapacityShare, ScenarioRun } from "../simulate/scenario-run.js";

export const UNITS = {
  valueAddedLost: "USD over the horizon (negative = gain)",
  valueAddedBaseline: "USD over the horizon",
  valueAddedLostShare: "share of the actor's baseline value added in the modelled goods (0–1)",
  valueAddedLostGdpShare: "share of the actor's GDP over the horizon (0–1)",
  securityIndexLoss: "1 − mean security index over the horizon (0 = none, 1 = total)",
  securityIndexMin: "lowest monthly security index (1 = baseline)",
  month: "months from the start (1 = the first month)",
  goodOutput: "units of the good per month",
  nodeOutput: "units of the node's good per month (shortfall: baseline − output)",
  poolStock: "units of the good held at the end of the month",
} as const;

export interface RunDocument {
  scenario: {
    name: string;
    description?: string;
    horizon: number;
    measures: ScenarioRun["measures"];
  };
  units: typeof UNITS;
  actors: ActorResult[];
  eu?: { bloc: ActorResult; members: ActorResult[] };
  goods: GoodResult[];
  /** Per production node and month: output and shortfall; per pool and month: stock. */
  nodes: NodeResult[];
  pools: PoolResult[];
  capacityShare?: CapacityShare;
  /** For scenarios with an EU measure: who pays, the vote, the least compensation. */
  council?: CouncilOnScenario;
  conservation: { maxOverShipped: number; maxOverUsed: number };
}

/** Actors sorted by value added lost, largest first (ties by id). */
export function runDocument(run: ScenarioRun): RunDocument {
  const actors = [...run.result.actors].sort(
    (a, b) => b.valueAddedLost - a.valueAddedLost || a.id.localeCompare(b.id),
  );
  const scenario: RunDocument["scenario"] = {
    name: run.name,
    horizon: run.horizon,
    measures: run.measures,
  };
  if (run.description !== undefined) scenario.description = run.description;
  const doc: RunDocument = {
    scenario,
    units: UNITS,
    actors,
    goods: run.result.goods,
    nodes: run.result.nodes,
    pools: run.result.pools,
    conservation: run.result.conservation,
  };
  const eu = actors.find((a) => a.id === "EU" && a.kind === "bloc");
  if (eu) {
    const members = new Set(eu.members ?? []);
    doc.eu = { bloc: eu, members: actors.filter((a) => members.has(a.id)) };
  }
  if (run.capacityShare) doc.capacityShare = run.capacityShare;
  return doc;
}
