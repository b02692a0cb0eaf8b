/**
 * The security index's parts (docs/model.md §5), one reducer for runs and analyses: per network
 * actor, the numerator Σ_g w_g p_g (Y_ag(t) + U_ag(t)) (its output and use of each good,
 * weighted by the good's security weight and price) per month or summed over the run, and the
 * denominator, the same at baseline. An actor's index in a month is numerator / denominator;
 * a bloc's is its members' numerators over their denominators.
 * @module
 */
import type { Network } from "../network/network.js";
import type { Trace } from "../simulate/run.js";

/** Per good, the security weight times the price. */
export function securityWeights(net: Network): Float64Array {
  return Float64Array.from(net.goodSecurityWeight, (w, g) => w * net.goodPrice[g]!);
}

/** The numerator per actor and month ([a * T + t]), or per actor over the run. */
export function securityNumerator(net: Network, trace: Trace, monthly: boolean): Float64Array {
  const T = trace.months;
  const N = net.nodeCount;
  const Q = net.poolCount;
  const w = securityWeights(net);
  const out = new Float64Array(monthly ? net.actors.length * T : net.actors.length);
  const slot = monthly ? (a: number, t: number) => a * T + t : (a: number) => a;
  for (let k = 0; k < N; k++) {
    const a = net.nodeActor[k]!;
    const wg = w[net.nodeGood[k]!]!;
    for (let t = 0; t < T; t++) {
      const i = slot(a, t);
      out[i] = out[i]! + wg * trace.output[t * N + k]!;
    }
  }
  for (let q = 0; q < Q; q++) {
    const a = net.poolActor[q]!;
    const wg = w[net.poolGood[q]!]!;
    for (let t = 0; t < T; t++) {
      const i = slot(a, t);
      out[i] = out[i]! + wg * trace.used[t * Q + q]!;
    }
  }
  return out;
}

/** The denominator per actor: its baseline output and receipts, weighted. */
export function baselineSecurity(net: Network): Float64Array {
  const w = securityWeights(net);
  const out = new Float64Array(net.actors.length);
  for (let k = 0; k < net.nodeCount; k++) {
    const a = net.nodeActor[k]!;
    out[a] = out[a]! + w[net.nodeGood[k]!]! * net.nodeBase[k]!;
  }
  for (let q = 0; q < net.poolCount; q++) {
    const a = net.poolActor[q]!;
    out[a] = out[a]! + w[net.poolGood[q]!]! * net.poolBase[q]!;
  }
  return out;
}
