/**
 * Trade ties as the influence network of the cascade: T_ab = Σ over edges from a's nodes to
 * b's pools of baseline monthly volume × price (the chain's and the economy's goods), and the
 * weight of j on i, w_ij = (T_ij + T_ji) / Σ_{k ≠ i} (T_ik + T_ki): the share of i's trade that
 * is with j (each row sums to 1 over all partners; docs/model.md).
 * @module
 */
import type { Network } from "../network/network.js";

/** w over network actors, row-major A × A. */
export function tradeTies(net: Network): Float64Array {
  const A = net.actors.length;
  const T = new Float64Array(A * A);
  for (let k = 0; k < net.nodeCount; k++) {
    const a = net.nodeActor[k]!;
    const price = net.goodPrice[net.nodeGood[k]!]!;
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
      const b = net.poolActor[net.edgePool[e]!]!;
      if (b !== a) T[a * A + b] = T[a * A + b]! + net.edgeBase[e]! * price;
    }
  }
  const w = new Float64Array(A * A);
  for (let i = 0; i < A; i++) {
    let row = 0;
    for (let j = 0; j < A; j++) if (j !== i) row += T[i * A + j]! + T[j * A + i]!;
    if (row <= 0) continue;
    for (let j = 0; j < A; j++) if (j !== i) w[i * A + j] = (T[i * A + j]! + T[j * A + i]!) / row;
  }
  return w;
}
