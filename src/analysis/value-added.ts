/**
 * What a run cost, read off its trace so that analyses running thousands of simulations stay
 * cheap. Per network actor, the loss in the chosen measure over the run (the total welfare loss
 * by default, `losses/`; USD, negative for a gain); per good, the production value added lost,
 * Σ over months and nodes of (baseline − simulated output) × value added per unit. Security: the
 * numerator of each actor's security index summed over the months,
 * Σ_t Σ_g w_g p_g (Y_ag(t) + U_ag(t)), so that a bloc's mean index over the horizon is its
 * members' sum over T × their baseline denominator (docs/model.md §5).
 * @module
 */
import { type LossParts, lossParts } from "../losses/compute.js";
import { DEFAULT_LOSS_MEASURE, type LossMeasure, measureByActor } from "../losses/measure.js";
import { securityNumerator } from "../losses/security.js";
import type { Network } from "../network/network.js";
import type { Trace } from "../simulate/run.js";

export interface Losses {
  /** USD lost per network actor in the measure, and production value added lost per good. */
  byActor: Float64Array;
  byGood: Float64Array;
  /** Every part of the loss per network actor over the run. */
  parts: LossParts;
  /** Per network actor: Σ over months of its security-index numerator. */
  security: Float64Array;
}

export function runLosses(
  net: Network,
  trace: Trace,
  measure: LossMeasure = DEFAULT_LOSS_MEASURE,
): Losses {
  const N = net.nodeCount;
  const T = trace.months;
  const parts = lossParts(net, trace, false);
  const byActor = measureByActor(parts, measure);
  const byGood = new Float64Array(net.goods.length);
  for (let k = 0; k < N; k++) {
    const x0 = net.nodeBase[k]!;
    let lost = 0;
    for (let t = 0; t < T; t++) lost += x0 - trace.output[t * N + k]!;
    const g = net.nodeGood[k]!;
    byGood[g] = byGood[g]! + lost * net.goodValueAdded[g]!;
  }
  const security = securityNumerator(net, trace, false);
  return { byActor, byGood, parts, security };
}

/** Baseline value added per network actor per month, USD. */
export function baselineValueAddedByActor(net: Network): Float64Array {
  const out = new Float64Array(net.actors.length);
  for (let k = 0; k < net.nodeCount; k++) {
    const a = net.nodeActor[k]!;
    out[a] = out[a]! + net.nodeBase[k]! * net.goodValueAdded[net.nodeGood[k]!]!;
  }
  return out;
}

/** Sum of `values` over the network actors in `members`. */
export function sumOver(values: Float64Array, members: Int32Array): number {
  let s = 0;
  for (const a of members) s += values[a]!;
  return s;
}

/** 1 − the mean security index over `months` of the actors in `members`. */
export function securityLoss(
  losses: Losses,
  baseline: Float64Array,
  members: Int32Array,
  months: number,
): number {
  const den = sumOver(baseline, members) * months;
  return den > 0 ? 1 - sumOver(losses.security, members) / den : 0;
}
