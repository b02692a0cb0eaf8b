/**
 * How the validation page writes figures: two significant digits (the studies rarely give
 * more), USD through the reports' `usd`, shares as percentages, and each metric described in
 * words with the horizon it covers.
 * @module
 */
import { usd } from "../../src/report/format.js";
import type { World } from "../../src/world/schema.js";
import type { Metric } from "./references.js";

/** Two significant digits, without exponent notation for the magnitudes the page meets. */
export function sig(x: number): string {
  const r = Number(x.toPrecision(2));
  if (r === 0) return "0";
  const digits = Math.max(0, 1 - Math.floor(Math.log10(Math.abs(r))));
  const s = r.toFixed(Math.min(digits, 8));
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

/** USD with two significant digits: "$3.4 bn", "−$12 m". */
export function money(x: number): string {
  const a = Math.abs(x);
  const sign = x < 0 ? "−" : "";
  for (const [size, name] of [
    [1e12, "tn"],
    [1e9, "bn"],
    [1e6, "m"],
  ] as const) {
    if (a >= size) return `${sign}$${sig(a / size)} ${name}`;
  }
  return usd(x);
}

export function percent(x: number): string {
  return `${sig(x * 100)}%`;
}

/** A value in a metric's unit. */
export function inUnit(metric: Metric, x: number, world: World): string {
  switch (metric.measure) {
    case "loss":
      return money(x);
    case "lossGdpShare":
    case "outputValueLostShare":
      return percent(x);
    case "outputLost":
      return `${sig(x)} ${world.goods.find((g) => g.id === metric.good)?.unit ?? ""}`.trim();
  }
}

export function actorName(world: World, id: string): string {
  if (id === "WORLD") return "the world";
  return world.actors.find((a) => a.id === id)?.name ?? id;
}

/** What levier's figure is, in words. */
export function describeMetric(metric: Metric, months: number, world: World): string {
  const over = `over the ${months} months`;
  switch (metric.measure) {
    case "loss":
      return metric.actor === "WORLD"
        ? `the world's loss ${over} (the sum over every actor that is not a bloc), USD`
        : `${actorName(world, metric.actor)}'s loss ${over}, USD`;
    case "lossGdpShare":
      return `${actorName(world, metric.actor)}'s loss ${over} as a share of its GDP over them`;
    case "outputLost":
      return `world output of \`${metric.good}\` not produced ${over}`;
    case "outputValueLostShare":
      return `the share of ${actorName(world, metric.actor)}'s baseline output of ${metric.goods
        .map((g) => `\`${g}\``)
        .join(", ")} (at baseline prices) not produced ${over}`;
  }
}

/** A published figure with its range, in the metric's unit: "$3.4 bn ($1.7 bn–$9.0 bn)". */
export function published(
  metric: Metric,
  r: { value: number; low?: number | undefined; high?: number | undefined },
  world: World,
) {
  const v = inUnit(metric, r.value, world);
  if (r.low === undefined || r.high === undefined || (r.low === r.value && r.high === r.value))
    return v;
  return `${v} (${inUnit(metric, r.low, world)} to ${inUnit(metric, r.high, world)})`;
}
