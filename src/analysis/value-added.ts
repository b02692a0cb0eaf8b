/**
 * Value added lost over a run: Σ over months and nodes of (baseline − simulated output) ×
 * value added per unit, in USD (docs/model.md §5; negative values are gains), by network actor
 * and by good. The figure `summarizeTrace` reports, computed in one pass over the trace so that
 * analyses running thousands of simulations stay cheap.
 * @module
 */
import type { Network } from "../network/network.js";
import type { Trace } from "../simulate/run.js";

export interface Losses {
  /** USD lost per network actor and per good over the run's months. */
  byActor: Float64Array;
  byGood: Float64Array;
}

export function valueAddedLost(net: Network, trace: Trace): Losses {
  const N = net.nodeCount;
  const byActor = new Float64Array(net.actors.length);
  const byGood = new Float64Array(net.goods.length);
  for (let k = 0; k < N; k++) {
    const x0 = net.nodeBase[k]!;
    let lost = 0;
    for (let t = 0; t < trace.months; t++) lost += x0 - trace.output[t * N + k]!;
    const g = net.nodeGood[k]!;
    const a = net.nodeActor[k]!;
    const usd = lost * net.goodValueAdded[g]!;
    byActor[a] = byActor[a]! + usd;
    byGood[g] = byGood[g]! + usd;
  }
  return { byActor, byGood };
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
