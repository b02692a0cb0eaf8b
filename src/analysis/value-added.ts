/**
 * What a run cost, read off its trace in one pass so that analyses running thousands of
 * simulations stay cheap. Value added lost: Σ over months and nodes of (baseline − simulated
 * output) × value added per unit, in USD (negative values are gains), by network actor and by
 * good. Security: the numerator of each actor's security index summed over the months,
 * Σ_t Σ_g w_g p_g (Y_ag(t) + U_ag(t)), so that a bloc's mean index over the horizon is its
 * members' sum over T × their baseline denominator (docs/model.md §5).
 * @module
 */
import type { Network } from "../network/network.js";
import type { Trace } from "../simulate/run.js";

export interface Losses {
  /** USD lost per network actor and per good over the run's months. */
  byActor: Float64Array;
  byGood: Float64Array;
  /** Per network actor: Σ over months of its security-index numerator. */
  security: Float64Array;
}

export function valueAddedLost(net: Network, trace: Trace): Losses {
  const N = net.nodeCount;
  const Q = net.poolCount;
  const T = trace.months;
  const byActor = new Float64Array(net.actors.length);
  const byGood = new Float64Array(net.goods.length);
  const security = new Float64Array(net.actors.length);
  for (let k = 0; k < N; k++) {
    const x0 = net.nodeBase[k]!;
    let lost = 0;
    let made = 0;
    for (let t = 0; t < T; t++) {
      const y = trace.output[t * N + k]!;
      lost += x0 - y;
      made += y;
    }
    const g = net.nodeGood[k]!;
    const a = net.nodeActor[k]!;
    const usd = lost * net.goodValueAdded[g]!;
    byActor[a] = byActor[a]! + usd;
    byGood[g] = byGood[g]! + usd;
    security[a] = security[a]! + securityWeight(net, g) * made;
  }
  for (let q = 0; q < Q; q++) {
    let used = 0;
    for (let t = 0; t < T; t++) used += trace.used[t * Q + q]!;
    const a = net.poolActor[q]!;
    security[a] = security[a]! + securityWeight(net, net.poolGood[q]!) * used;
  }
  return { byActor, byGood, security };
}

function securityWeight(net: Network, g: number): number {
  return net.goodSecurityWeight[g]! * net.goodPrice[g]!;
}

/** Per network actor, the denominator of its security index: its baseline, weighted. */
export function baselineSecurity(net: Network): Float64Array {
  const out = new Float64Array(net.actors.length);
  for (let k = 0; k < net.nodeCount; k++) {
    const a = net.nodeActor[k]!;
    out[a] = out[a]! + securityWeight(net, net.nodeGood[k]!) * net.nodeBase[k]!;
  }
  for (let q = 0; q < net.poolCount; q++) {
    const a = net.poolActor[q]!;
    out[a] = out[a]! + securityWeight(net, net.poolGood[q]!) * net.poolBase[q]!;
  }
  return out;
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
