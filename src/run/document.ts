/**
 * The result document of a scenario run: what `levier run --json` prints and every report
 * renders, so that they always agree.
 * @module
 */

import type { CouncilOnScenario } from "../council/on-scenario.js";
import type { Issue } from "../diagnostics/issue.js";
import {
  actorLoss,
  DEFAULT_LOSS_MEASURE,
  LOSS_MEASURE_MEANING,
  type LossMeasure,
} from "../losses/measure.js";
import type { Headline } from "../scenario/schema.js";
import type { AdoptionResult } from "./adoption-schema.js";
import type { ActorRanges, DrawsInfo, Stats } from "./draws.js";
import type { ActorResult, GoodResult, NodeResult, PoolResult } from "./results.js";
import type { CapacityShare, ScenarioRun } from "./scenario-run.js";
import type { ValueCapture } from "./value-capture-schema.js";

export const UNITS = {
  loss: "USD over the horizon (negative = gain): the total welfare loss — final use lost (at baseline prices, plus consumer surplus) plus value added lost that no final user misses (docs/model.md, Losses)",
  lossGdpShare: "loss as a share of the actor's GDP over the horizon (0–1)",
  valueAddedLost:
    "USD over the horizon (negative = gain): production value added lost in the chain's goods",
  finalUseLost:
    "USD over the horizon: final use not served at baseline prices (finalUseValueLost) plus consumer surplus lost (consumerSurplusLost)",
  downstreamLost:
    "USD over the horizon (negative = gain): value added lost in the economy's sectors downstream of the chain",
  embodiedLost:
    "USD over the horizon: the actor's value added embodied in final use lost anywhere, counted as the users' loss and so deducted from the actor's",
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

/** A warning of the run: an issue, and for a measure's warning, the measure it names. */
export interface RunWarning extends Issue {
  /** The measure's label: its id, or `type #n`. */
  measure?: string;
  /** Its index in the scenario's `measures`. */
  index?: number;
}

/** An actor's results, with their ranges over the draws when the run made draws. */
export interface ActorEntry extends ActorResult {
  ranges?: ActorRanges;
}
/** A good's world output, with its range per month (share of baseline) over the draws. */
export interface GoodEntry extends GoodResult {
  ranges?: { output: Stats[] };
}
/** The capacity share, with its range per month over the draws. */
export interface CapacityEntry extends CapacityShare {
  ranges?: { share: Stats[] };
}

export interface RunDocument {
  /** The loss measure that ranks the actors (and sets the Council's gains). */
  lossMeasure: { id: LossMeasure; meaning: string };
  scenario: {
    name: string;
    description?: string;
    horizon: number;
    measures: ScenarioRun["measures"];
    /** What the report leads with (`report.headline`; default `loss`). */
    headline?: Headline;
    /** Goods the report charts over time (`report.goods`; default: the most affected). */
    keyGoods?: string[];
  };
  units: typeof UNITS;
  actors: ActorEntry[];
  eu?: { bloc: ActorEntry; members: ActorEntry[] };
  goods: GoodEntry[];
  /** Per production node and month: output and shortfall; per pool and month: stock. */
  nodes: NodeResult[];
  pools: PoolResult[];
  capacityShare?: CapacityEntry;
  /** With `--draws`: how the draws were made and how many finished; every actor, good and the
   * capacity share then carry `ranges` (mean and percentiles over the draws). */
  draws?: DrawsInfo;
  /** For scenarios with an EU measure: who pays, the vote, the least compensation. */
  council?: CouncilOnScenario;
  /** For scenarios with an automation path: who captures the value, year by year. */
  valueCapture?: ValueCapture;
  /** For scenarios with conditional_access measures: who adopts the rule, when and why. */
  adoption?: AdoptionResult;
  conservation: { maxOverShipped: number; maxOverUsed: number };
  /** Every warning of the run, with where it is: the world's (unsourced figures and the like),
   * the scenario's (a measure cut at a shorter horizon) and the measures' (one that matched
   * nothing: `measure` and `index` name it); `levier run` also prints them on stderr. */
  warnings: RunWarning[];
}

/** Actors sorted by their loss in `measure` (the total by default), largest first (ties by id). */
export function runDocument(
  run: ScenarioRun,
  measure: LossMeasure = DEFAULT_LOSS_MEASURE,
): RunDocument {
  const actors = [...run.result.actors].sort(
    (a, b) => actorLoss(b, measure) - actorLoss(a, measure) || a.id.localeCompare(b.id),
  );
  const scenario: RunDocument["scenario"] = {
    name: run.name,
    horizon: run.horizon,
    measures: run.measures,
  };
  if (run.description !== undefined) scenario.description = run.description;
  if (run.headline !== undefined) scenario.headline = run.headline;
  if (run.keyGoods !== undefined) scenario.keyGoods = run.keyGoods;
  const doc: RunDocument = {
    lossMeasure: { id: measure, meaning: LOSS_MEASURE_MEANING[measure] },
    scenario,
    units: UNITS,
    actors,
    goods: run.result.goods,
    nodes: run.result.nodes,
    pools: run.result.pools,
    conservation: run.result.conservation,
    warnings: run.warnings,
  };
  const eu = actors.find((a) => a.id === "EU" && a.kind === "bloc");
  if (eu) {
    const members = new Set(eu.members ?? []);
    doc.eu = { bloc: eu, members: actors.filter((a) => members.has(a.id)) };
  }
  if (run.capacityShare) doc.capacityShare = run.capacityShare;
  return doc;
}
