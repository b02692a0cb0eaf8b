/**
 * How substitutable an actor's supply of a good is within a horizon, from the ramp-up data:
 * the share of its output that the other suppliers could make instead, averaged over the
 * months of the horizon. In month t the others can add their spare capacity (capacity −
 * output, available at once) plus what ramp-up has added by then,
 * K · min(max, rate · max(0, t − lag)) for each other supplier of baseline capacity K (the
 * engine's ramp-up, docs/model.md §4.9), so
 *
 *   σ(T) = (1/T) Σ_{t=1..T} min(1, Σ_{b∉A} [K_b − x_b + K_b · min(max, rate · (t − lag)⁺)] / x_A)
 *
 * where A is the actor (a bloc: its members) and x_A its output. 1 = fully replaceable from
 * the first month; 0 = nobody can make up any of it within the horizon. An actor with no
 * output of the good has σ = 1 (there is nothing to replace).
 * @module
 */
import type { GoodFacts } from "./goods.js";

export function substitutability(
  good: GoodFacts,
  members: ReadonlySet<string>,
  horizon: number,
): number {
  let own = 0;
  let spare = 0;
  let capacity = 0;
  for (const s of good.suppliers) {
    if (members.has(s.actor)) own += s.output;
    else {
      spare += Math.max(0, s.capacity - s.output);
      capacity += s.capacity;
    }
  }
  if (!(own > 0)) return 1;
  const { lagMonths, ratePerMonth, max } = good.rampUp;
  let sum = 0;
  for (let t = 1; t <= horizon; t++) {
    const ramp = capacity * Math.min(max, ratePerMonth * Math.max(0, t - lagMonths));
    sum += Math.min(1, (spare + ramp) / own);
  }
  return sum / horizon;
}
