/**
 * The world view of the sector accounts, as levier's goods need it: each sector's world output
 * and value added, the world-average input coefficients between sectors, each actor's share of
 * a sector's output and of its final use, and the bilateral flows of each sector (what actor a's
 * sector supplies to actor b, intermediate and final use together). All in USD bn a year.
 * @module
 */
import type { Accounts } from "./accounts.js";
import { fitFlows } from "./fit-flows.js";

export interface Economy {
  actors: string[];
  sectors: string[];
  /** World output and value added per sector. */
  output: Float64Array;
  valueAdded: Float64Array;
  /** coef[s * S + t]: USD of sector s bought per USD of sector t's output, world average. */
  coef: Float64Array;
  /** supply[s * A + a]: actor a's share of sector s's world output. */
  supply: Float64Array;
  /** finalUse[s * A + b]: actor b's final use of sector s (USD bn), negatives floored to 0. */
  finalUse: Float64Array;
  /** demandKey[s * A + b]: the key of b's share of s's final demand (`fit-flows.ts`). */
  demandKey: Float64Array;
  /** flows[(s * A + a) * A + b]: from actor a to actor b of sector s (USD bn), fitted to the
   * model's margins (`fit-flows.ts`). */
  flows: Float64Array;
  /** purchases[s * S + t]: world purchases of sector s by sector t (USD bn), for the join. */
  purchases: Float64Array;
}

export function economyOf(acc: Accounts): Economy {
  const A = acc.actors.length;
  const S = acc.codes.length;
  const m = A * S;
  const output = new Float64Array(S);
  const valueAdded = new Float64Array(S);
  const purchases = new Float64Array(S * S);
  const flows = new Float64Array(S * A * A);
  const finalUse = new Float64Array(S * A);
  for (let p = 0; p < m; p++) {
    const a = Math.floor(p / S);
    const s = p % S;
    output[s] = output[s]! + acc.x[p]!;
    valueAdded[s] = valueAdded[s]! + acc.va[p]!;
    for (let q = 0; q < m; q++) {
      const v = acc.z[p * m + q]!;
      if (v === 0) continue;
      const b = Math.floor(q / S);
      const t = q % S;
      purchases[s * S + t] = purchases[s * S + t]! + v;
      flows[(s * A + a) * A + b] = flows[(s * A + a) * A + b]! + v;
    }
    for (let b = 0; b < A; b++) {
      const v = acc.y[p * A + b]!;
      finalUse[s * A + b] = finalUse[s * A + b]! + v;
      flows[(s * A + a) * A + b] = flows[(s * A + a) * A + b]! + v;
    }
  }
  const coef = Float64Array.from(purchases, (v, k) => {
    const x = output[k % S]!;
    return x > 0 ? v / x : 0;
  });
  const supply = new Float64Array(S * A);
  for (let p = 0; p < m; p++) {
    const s = p % S;
    supply[s * A + Math.floor(p / S)] = output[s]! > 0 ? acc.x[p]! / output[s]! : 0;
  }
  for (let k = 0; k < finalUse.length; k++) finalUse[k] = Math.max(0, finalUse[k]!);
  const demandKey = fitFlows(flows, coef, acc.x, output, finalUse, A, S);
  return {
    actors: acc.actors,
    sectors: acc.codes,
    output,
    valueAdded,
    coef,
    supply,
    finalUse,
    demandKey,
    flows,
    purchases,
  };
}
