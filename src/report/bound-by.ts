/**
 * The goods whose shortage bound output (docs/model.md §5, "Bound by"), as the reports name
 * them: summed over states for the run, and per actor the goods that matter. A good is named
 * beside the one that bound most only where it cost at least a tenth of what that one did: a
 * ripple that bound a node for a month (a cent on the dollar of the main shortage) is in the
 * tables and the chart with its value, but not in the words.
 * @module
 */
import type { ActorResult } from "../run/results.js";

/** A good is named beside the first only where its value added lost is this share of the first's. */
export const NAMED_SHARE = 0.1;

type Bound = ActorResult["boundBy"][number];

/** The goods worth naming, largest first: the first and those within NAMED_SHARE of it. */
export function namedBinding(bound: readonly Bound[], most = 2): Bound[] {
  const first = bound[0];
  if (!first) return [];
  return bound.filter((b) => b.valueAddedLost >= NAMED_SHARE * first.valueAddedLost).slice(0, most);
}

/** Each good's value added lost while it bound, summed over the states (blocs are their
 * members), largest first. */
export function bindingDrivers(actors: readonly Pick<ActorResult, "kind" | "boundBy">[]) {
  const drivers = new Map<string, number>();
  for (const a of actors)
    if (a.kind !== "bloc")
      for (const b of a.boundBy) drivers.set(b.good, (drivers.get(b.good) ?? 0) + b.valueAddedLost);
  return [...drivers].sort((x, y) => y[1] - x[1]);
}
