/**
 * What withholding costs the withholder before any simulation: the value added in its exports
 * to the target, with the orders its own industry loses upstream (a Leontief demand cascade
 * within the withholder's own nodes). With e_k the baseline monthly exports of node k to the
 * target and A_kj = a_(i←j) × (share of node k in the withholder's own pool of input i), the
 * output lost is Δx = (I − A)⁻¹ e = Σ_n Aⁿ e (Neumann series, summed until it stops changing),
 * and the cost is T × Σ_k Δx_k va_k. In the engine the withheld output finds no other buyer in
 * a market that is not short, so this figure matches the simulated cost closely
 * (bench/analysis); the simulation adds what the target's own losses pass back.
 * @module
 */
import type { Network } from "../../network/network.js";

const MAX_TERMS = 1000;

export function exportCost(
  net: Network,
  from: Int32Array,
  to: Int32Array,
  months: number,
): { exports: number; valueAdded: number } {
  const isFrom = new Uint8Array(net.actors.length);
  const isTo = new Uint8Array(net.actors.length);
  for (const a of from) isFrom[a] = 1;
  for (const b of to) isTo[b] = 1;
  const e = new Float64Array(net.nodeCount);
  let exportValue = 0;
  for (let k = 0; k < net.nodeCount; k++) {
    if (!isFrom[net.nodeActor[k]!]) continue;
    for (let j = net.edgeStart[k]!; j < net.edgeStart[k + 1]!; j++) {
      const b = net.poolActor[net.edgePool[j]!]!;
      if (isTo[b] && !isFrom[b]) e[k] = e[k]! + net.edgeBase[j]!;
    }
    exportValue += e[k]! * net.goodPrice[net.nodeGood[k]!]!;
  }
  // Each term passes the output lost on to the withholder's own suppliers, in proportion to
  // their share of its pools (edge k→q over the pool's receipts).
  let term = e;
  const total = Float64Array.from(e);
  let sum = 0;
  for (let k = 0; k < net.nodeCount; k++) sum += e[k]! * net.goodValueAdded[net.nodeGood[k]!]!;
  for (let n = 0; n < MAX_TERMS; n++) {
    const next = new Float64Array(net.nodeCount);
    let size = 0;
    for (let j = 0; j < net.nodeCount; j++) {
      const dx = term[j]!;
      if (!(dx > 0)) continue;
      for (let l = net.linkStart[j]!; l < net.linkStart[j + 1]!; l++) {
        const q = net.linkPool[l]!;
        const need = net.linkCoef[l]! * dx;
        const receipts = net.poolBase[q]!;
        if (!(receipts > 0)) continue;
        for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
          const edge = net.poolEdges[i]!;
          const k = net.edgeNode[edge]!;
          if (!isFrom[net.nodeActor[k]!]) continue;
          const x = (need * net.edgeBase[edge]!) / receipts;
          next[k] = next[k]! + x;
          size += x * net.goodValueAdded[net.nodeGood[k]!]!;
        }
      }
    }
    for (let k = 0; k < net.nodeCount; k++) total[k] = total[k]! + next[k]!;
    term = next;
    sum += size;
    if (!(size > 1e-12 * sum)) break;
  }
  return { exports: exportValue * months, valueAdded: sum * months };
}
