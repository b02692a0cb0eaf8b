/**
 * How a good's final demand (world output less the recipes' intermediate use) is shared among
 * actors: by its `demand` rows, and what they leave by its `demandBy` key (GDP, population, or
 * manufacturing value added) over the actors without a row.
 * @module
 */
import { figure, type Realised, type RealWorld } from "./realised.js";
import type { Actor } from "./schema.js";

/** Each actor's share of a good's final demand: its row, and the rest shared by the key. */
export function finalShares(
  world: RealWorld,
  good: string,
  key: RealWorld["goods"][number]["demandBy"],
): Map<string, number> {
  const out = new Map<string, number>();
  let given = 0;
  for (const d of world.demand) {
    if (d.good !== good) continue;
    out.set(d.actor, (out.get(d.actor) ?? 0) + figure(d.share));
    given += figure(d.share);
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

function keyWeight(
  a: Realised<Actor>,
  key: NonNullable<RealWorld["goods"][number]["demandBy"]>,
): number {
  if (key === "population") return a.population === undefined ? 0 : figure(a.population);
  const gdp = a.gdp === undefined ? 0 : figure(a.gdp);
  if (key === "gdp") return gdp;
  return a.manufacturingShare === undefined ? 0 : gdp * figure(a.manufacturingShare);
}
