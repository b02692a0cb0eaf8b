/**
 * Tipping conditions of a cascade: the least cut in every compliance cost, and the least set
 * of goods conditioned, that make it reach a target share (of world GDP under the rule).
 * @module
 */

export interface CostCut {
  /** The least cut, 0–1 (costs × (1 − cut)): undefined when even a free rule falls short. */
  cut?: number;
  /** The share reached at that cut (or at a cut of 1 when it falls short). */
  share: number;
  /** Cascades run. */
  evaluations: number;
}

/** Bisection over the cost scale s = 1 − cut for the largest s whose cascade reaches `target`,
 * to `tolerance`; exact when the share is non-increasing in s (the cascade is monotone when
 * the values are non-decreasing in the adopters, cascade.ts). */
export async function leastCostCut(
  shareAt: (scale: number) => Promise<number>,
  target: number,
  tolerance = 1e-3,
): Promise<CostCut> {
  let evaluations = 1;
  const full = await shareAt(1);
  if (full >= target) return { cut: 0, share: full, evaluations };
  evaluations++;
  const free = await shareAt(0);
  if (free < target) return { share: free, evaluations };
  let lo = 0; // reaches
  let hi = 1; // falls short
  let reached = free;
  while (hi - lo > tolerance) {
    const mid = (lo + hi) / 2;
    evaluations++;
    const s = await shareAt(mid);
    if (s >= target) {
      lo = mid;
      reached = s;
    } else hi = mid;
  }
  return { cut: 1 - lo, share: reached, evaluations };
}

export interface GoodsSet {
  /** The least set of extra goods that reaches the target (fewest goods; among those, the
   * largest share), or undefined when none does. */
  goods?: string[];
  share: number;
  /** Every set tried and the share it reached. */
  tried: { goods: string[]; share: number }[];
}

/** Tries the subsets of `candidates` by size, smallest first, and stops at the first size
 * where one reaches `target`. */
export async function leastGoods(
  shareWith: (goods: readonly string[]) => Promise<number>,
  candidates: readonly string[],
  target: number,
): Promise<GoodsSet> {
  const tried: GoodsSet["tried"] = [];
  for (let size = 0; size <= candidates.length; size++) {
    let best: { goods: string[]; share: number } | undefined;
    for (const goods of subsets(candidates, size)) {
      const share = await shareWith(goods);
      tried.push({ goods, share });
      if (share >= target && (!best || share > best.share)) best = { goods, share };
    }
    if (best) return { goods: best.goods, share: best.share, tried };
  }
  return { share: Math.max(0, ...tried.map((t) => t.share)), tried };
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((x, i) => {
    for (const rest of subsets(items.slice(i + 1), size - 1)) out.push([x, ...rest]);
  });
  return out;
}
