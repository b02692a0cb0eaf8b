/**
 * The world as input–output tables, in USD per year at baseline:
 *
 * - goods level, from the recipes: z_ij = a_ij X_j p_i (the value of good i used to make the
 *   world output X_j of good j), x_j = X_j p_j;
 * - actor × good level, from the baseline network: sectors are the network's nodes; node k's
 *   monthly shipments into the pool of actor b are shared among b's nodes that draw on the
 *   pool in proportion to their need, z_kj = 12 p_k Σ_{e: k → q} v⁰_e a_l x⁰_j / N⁰_q for the
 *   link l of node j on pool q (the rest of the pool's receipts is final demand), and
 *   x_k = 12 p_k x⁰_k.
 * @module
 */
import { coefficients } from "../../world/recipes.js";
import type { AnalysisContext } from "../context.js";
import type { IoTable } from "./leontief.js";

export function goodsTable(ctx: AnalysisContext): IoTable {
  const { ids, a } = coefficients(ctx.world);
  const n = ids.length;
  const z = Float64Array.from(
    a,
    (v, k) => v * ctx.goods[k % n]!.output * ctx.goods[Math.floor(k / n)]!.price,
  );
  const x = Float64Array.from(ctx.goods, (g) => g.output * g.price);
  return { ids, z, x };
}

export function networkTable(ctx: AnalysisContext): IoTable {
  const { net } = ctx;
  const n = net.nodeCount;
  const z = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const price = net.goodPrice[net.nodeGood[k]!]!;
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
      const q = net.edgePool[e]!;
      const need = net.poolNeedBase[q]!;
      if (!(need > 0) || !(net.edgeBase[e]! > 0)) continue;
      for (let i = net.poolLinkStart[q]!; i < net.poolLinkStart[q + 1]!; i++) {
        const l = net.poolLinks[i]!;
        const j = net.linkNode[l]!;
        const use = (net.edgeBase[e]! * net.linkCoef[l]! * net.nodeBase[j]!) / need;
        z[k * n + j] = z[k * n + j]! + 12 * price * use;
      }
    }
  }
  const x = Float64Array.from(net.nodeBase, (b, k) => 12 * b * net.goodPrice[net.nodeGood[k]!]!);
  return { ids: [...net.nodeId], z, x };
}
