/**
 * The demand side of withholding, before any simulation. The withholder's nodes lose their
 * exports to the target, e_k a month; making less, they need less of their inputs, whose makers
 * (the withholder's own industry, the target's, third countries') make less in turn: a Leontief
 * demand cascade over the whole network. With A_kj = a_l × v⁰_(k→q) / R⁰_q for node j's link l
 * on pool q (node k's share of the pool's receipts), the output lost is
 * Δx = (I − A)⁻¹ e = Σ_n Aⁿ e (Neumann series, summed until a term adds less than 10⁻¹² of the
 * total). The withholder's cost is T × Σ_{k of it} Δx_k va_k, its lost exports with what its
 * own suppliers lose; the target's part, T × Σ_{k of the target} Δx_k va_k, is the demand-side
 * term of `damageBound`. In the engine the withheld output finds no other buyer in a market
 * that is not short, so the cost matches the simulated one closely (bench/analysis).
 * @module
 */
import type { Network } from "../../network/network.js";
import { identityMinus, invert } from "../io/dense.js";

const MAX_TERMS = 1000;
/** Networks up to this many nodes get a dense inverse; larger ones sum the series per pair. */
export const DENSE_DEMAND_LIMIT = 3000;

/** The demand coefficients A (row-major, node × node) of the cascade. */
export function demandCoefficients(net: Network): Float64Array {
  const N = net.nodeCount;
  const a = new Float64Array(N * N);
  for (let l = 0; l < net.linkPool.length; l++) {
    const j = net.linkNode[l]!;
    const q = net.linkPool[l]!;
    const receipts = net.poolBase[q]!;
    if (!(receipts > 0)) continue;
    for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
      const edge = net.poolEdges[i]!;
      const k = net.edgeNode[edge]!;
      a[k * N + j] = a[k * N + j]! + (net.linkCoef[l]! * net.edgeBase[edge]!) / receipts;
    }
  }
  return a;
}

/** (I − A)⁻¹ of the demand cascade, or undefined for networks too large to hold it dense. */
export function demandInverse(net: Network): Float64Array | undefined {
  const N = net.nodeCount;
  return N > DENSE_DEMAND_LIMIT ? undefined : invert(identityMinus(demandCoefficients(net), N), N);
}

export interface DemandLoss {
  /** Value of the baseline exports withheld over the months, USD (price × volume). */
  exports: number;
  /** Value added lost over the months by the withholder and by the target, USD. */
  withholder: number;
  target: number;
}

export function demandLoss(
  net: Network,
  from: Int32Array,
  to: Int32Array,
  months: number,
  goods?: ReadonlySet<number>,
  inverse?: Float64Array,
): DemandLoss {
  const isFrom = new Uint8Array(net.actors.length);
  const isTo = new Uint8Array(net.actors.length);
  for (const a of from) isFrom[a] = 1;
  for (const b of to) isTo[b] = 1;
  const N = net.nodeCount;
  const e = new Float64Array(N);
  let exportValue = 0;
  for (let k = 0; k < N; k++) {
    if (!isFrom[net.nodeActor[k]!] || (goods && !goods.has(net.nodeGood[k]!))) continue;
    for (let j = net.edgeStart[k]!; j < net.edgeStart[k + 1]!; j++) {
      const b = net.poolActor[net.edgePool[j]!]!;
      if (isTo[b] && !isFrom[b]) e[k] = e[k]! + net.edgeBase[j]!;
    }
    exportValue += e[k]! * net.goodPrice[net.nodeGood[k]!]!;
  }
  const total = inverse ? applyInverse(inverse, e) : neumann(net, e);
  let withholder = 0;
  let target = 0;
  for (let k = 0; k < N; k++) {
    const v = total[k]! * net.goodValueAdded[net.nodeGood[k]!]!;
    if (isFrom[net.nodeActor[k]!]) withholder += v;
    if (isTo[net.nodeActor[k]!]) target += v;
  }
  return {
    exports: exportValue * months,
    withholder: withholder * months,
    target: target * months,
  };
}

function applyInverse(inverse: Float64Array, e: Float64Array): Float64Array {
  const N = e.length;
  const out = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    const ek = e[k]!;
    if (ek === 0) continue;
    for (let i = 0; i < N; i++) out[i] = out[i]! + inverse[i * N + k]! * ek;
  }
  return out;
}

function neumann(net: Network, e: Float64Array): Float64Array {
  const N = net.nodeCount;
  const total = Float64Array.from(e);
  let term = e;
  let sum = 0;
  for (let k = 0; k < N; k++) sum += e[k]! * net.goodValueAdded[net.nodeGood[k]!]!;
  for (let n = 0; n < MAX_TERMS && sum > 0; n++) {
    const next = new Float64Array(N);
    let size = 0;
    for (let j = 0; j < N; j++) {
      const dx = term[j]!;
      if (!(dx > 0)) continue;
      for (let l = net.linkStart[j]!; l < net.linkStart[j + 1]!; l++) {
        const q = net.linkPool[l]!;
        const receipts = net.poolBase[q]!;
        if (!(receipts > 0)) continue;
        const need = (net.linkCoef[l]! * dx) / receipts;
        for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
          const edge = net.poolEdges[i]!;
          const k = net.edgeNode[edge]!;
          const x = need * net.edgeBase[edge]!;
          next[k] = next[k]! + x;
          size += x * net.goodValueAdded[net.nodeGood[k]!]!;
        }
      }
    }
    for (let k = 0; k < N; k++) total[k] = total[k]! + next[k]!;
    term = next;
    sum += size;
    if (!(size > 1e-12 * sum)) break;
  }
  return total;
}
