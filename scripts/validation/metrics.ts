/**
 * levier's side of a validation comparison: the figure a metric names, read from a run's result
 * document. `WORLD` is the sum over every actor whose kind is not "bloc" (a bloc is the sum of
 * its members, so counting it would count them twice). A field the document does not carry
 * (yet) gives undefined, never a stand-in.
 * @module
 */
import type { RunDocument } from "../../src/run/document.js";
import type { ScenarioRun } from "../../src/run/scenario-run.js";
import { central } from "../../src/world/quantity.js";
import type { World } from "../../src/world/schema.js";
import type { Metric } from "./references.js";

/** The loss measure and its parts, as the result document names them (docs/model.md). */
export const LOSS_PARTS = ["valueAddedLost", "finalUseLost", "downstreamLost"] as const;
export type AmountField = "loss" | (typeof LOSS_PARTS)[number];

type ActorDoc = RunDocument["actors"][number];

/** A finite number in `field` of an actor's result, or undefined. */
export function field(actor: ActorDoc, name: string): number | undefined {
  const v = (actor as unknown as Record<string, unknown>)[name];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function actorOf(doc: RunDocument, id: string): ActorDoc {
  const a = doc.actors.find((x) => x.id === id);
  if (!a) throw new Error(`no actor ${JSON.stringify(id)} in the result document`);
  return a;
}

/** An amount in USD over the horizon for an actor or WORLD; undefined if any term is missing. */
export function amount(doc: RunDocument, actor: string, name: AmountField): number | undefined {
  if (actor !== "WORLD") return field(actorOf(doc, actor), name);
  let sum = 0;
  for (const a of doc.actors) {
    if (a.kind === "bloc") continue;
    const v = field(a, name);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

/** GDP over `months`, USD, of an actor (a bloc: its members) or WORLD; undefined without GDP. */
export function gdpOver(world: World, actor: string, months: number): number | undefined {
  const ids =
    actor === "WORLD"
      ? world.actors.filter((a) => a.kind !== "bloc").map((a) => a.id)
      : (world.actors.find((a) => a.id === actor)?.members ?? [actor]);
  let sum = 0;
  for (const id of ids) {
    const gdp = world.actors.find((a) => a.id === id)?.gdp;
    if (gdp === undefined) return undefined;
    sum += central(gdp) * 1e9;
  }
  return (sum * months) / 12;
}

/** World output of a good not produced over the horizon, in the good's units. */
export function outputLost(doc: RunDocument, good: string): number {
  const g = doc.goods.find((x) => x.id === good);
  if (!g) throw new Error(`no good ${JSON.stringify(good)} in the result document`);
  return g.output.reduce((s, y) => s + (g.baseline - y), 0);
}

/** An actor's output of `goods` not produced, at baseline prices, over its baseline output. */
export function outputValueLostShare(
  run: ScenarioRun,
  doc: RunDocument,
  world: World,
  actor: string,
  goods: readonly string[],
): number {
  const members = new Set(world.actors.find((a) => a.id === actor)?.members ?? [actor]);
  let lost = 0;
  let base = 0;
  for (const n of doc.nodes) {
    if (!members.has(n.actor) || !goods.includes(n.good)) continue;
    const price = run.net.goodPrice[run.net.goods.indexOf(n.good)]!;
    base += price * n.baseline * n.output.length;
    lost += price * n.output.reduce((s, y) => s + (n.baseline - y), 0);
  }
  if (base === 0) throw new Error(`${actor} makes none of ${goods.join(", ")}`);
  return lost / base;
}

/** levier's figure for a metric; undefined when the document does not carry what it needs. */
export function metricValue(
  metric: Metric,
  run: ScenarioRun,
  doc: RunDocument,
  world: World,
): number | undefined {
  switch (metric.measure) {
    case "loss":
      return amount(doc, metric.actor, "loss");
    case "lossGdpShare": {
      if (metric.actor !== "WORLD") return field(actorOf(doc, metric.actor), "lossGdpShare");
      const loss = amount(doc, "WORLD", "loss");
      const gdp = gdpOver(world, "WORLD", doc.scenario.horizon);
      return loss === undefined || gdp === undefined ? undefined : loss / gdp;
    }
    case "outputLost":
      return outputLost(doc, metric.good);
    case "outputValueLostShare":
      return outputValueLostShare(run, doc, world, metric.actor, metric.goods);
  }
}

/** The document field a metric needs, for the page's note when it is missing. */
export function neededField(metric: Metric): string {
  return metric.measure === "loss" || metric.measure === "lossGdpShare" ? metric.measure : "nodes";
}
