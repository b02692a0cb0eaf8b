/**
 * How a good's final demand (world output less the recipes' intermediate use) is shared among
 * actors: by its `demand` rows, and what they leave by its `demandBy` key (GDP, population, or
 * manufacturing value added) over the actors without a row.
 * @module
 */
import { central } from "./quantity.js";
import type { Actor, World } from "./schema.js";

/** Each actor's share of a good's final demand: its row, and the rest shared by the key. */
export function finalShares(
  world: World,
  good: string,
  key: World["goods"][number]["demandBy"],
): Map<string, number> {
  const out = new Map<string, number>();
  let given = 0;
  for (const d of world.demand) {
    if (d.good !== good) continue;
    out.set(d.actor, (out.get(d.actor) ?? 0) + central(d.share));
    given += central(d.share);
  }
  const rest = 1 - given;
  if (key === undefined || rest <= 0) return out;
  const weights = world.actors
    .filter((a) => a.kind !== "bloc" && !out.has(a.id))
    .map((a) => [a.id, keyWeight(a, key)] as const);
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  if (sum <= 0) return out;
  for (const [id, w] of weights) if (w > 0) out.set(id, (rest * w) / sum);
  return out;
}

function keyWeight(a: Actor, key: NonNullable<World["goods"][number]["demandBy"]>): number {
  if (key === "population") return a.population === undefined ? 0 : central(a.population);
  const gdp = a.gdp === undefined ? 0 : central(a.gdp);
  if (key === "gdp") return gdp;
  return a.manufacturingShare === undefined ? 0 : gdp * central(a.manufacturingShare);
}
