/**
 * Which goods' baseline flows a per-good market (suppliers → market → pools, issue 10 item 5)
 * could represent: those whose flows between different actors, off the routes of the export
 * controls in force, factor as a supplier term times a pool term (F_kq = a_k b_q). For every 2×2
 * set of suppliers k, k′ and pools q, q′ whose four flows are positive, a rank-one block has
 * F_kq F_k′q′ / (F_kq′ F_k′q) = 1; `worstCrossRatio` gives the largest |log| of that ratio over a
 * good (rounding leaves about 1e-15). Used by `rank-one.ts` and by `run.ts`'s floors.
 * @module
 */
import type { Network } from "../../src/network/network.js";

/** Below this largest |log cross-ratio| a good's flows count as rank one (rounding aside). */
export const RANK_ONE = 1e-12;

/** The edges of the export controls in force. */
export function standingEdges(net: Network): Set<number> {
  const standing = new Set<number>();
  for (const r of net.standing ?? []) for (const e of r.edges) standing.add(e);
  return standing;
}

/** Largest |log cross-ratio| over the positive 2×2 blocks of good `g`'s flows, off the edges in
 * `standing`. */
export function worstCrossRatio(net: Network, g: number, standing: Set<number>): number {
  const rows = new Map<number, Map<number, number>>();
  for (let e = 0; e < net.edgePool.length; e++) {
    const k = net.edgeNode[e]!;
    if (net.nodeGood[k] !== g || net.edgeHome[e] === 1 || standing.has(e)) continue;
    if (!(net.edgeBase[e]! > 0)) continue;
    if (!rows.has(k)) rows.set(k, new Map());
    rows.get(k)!.set(net.edgePool[e]!, net.edgeBase[e]!);
  }
  const list = [...rows.values()];
  let worst = 0;
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      const both = [...a.keys()].filter((q) => b.has(q));
      for (let x = 0; x < both.length; x++)
        for (let y = x + 1; y < both.length; y++) {
          const q = both[x]!;
          const r = both[y]!;
          const c = Math.abs(Math.log((a.get(q)! * b.get(r)!) / (a.get(r)! * b.get(q)!)));
          if (c > worst) worst = c;
        }
    }
  return worst;
}

/** Per good, whether its flows are rank one off the home diagonal and the standing controls. */
export function rankOneGoods(net: Network): boolean[] {
  const standing = standingEdges(net);
  return net.goods.map((_, g) => worstCrossRatio(net, g, standing) < RANK_ONE);
}
