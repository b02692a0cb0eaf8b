/**
 * Swing counts by visiting all 2^n coalitions: the obviously correct reference that the fast
 * methods are tested against, and the baseline of the benchmark. Coalitions are visited in
 * Gray-code order, so each step adds or removes one player and the sums are updated in O(d);
 * for a winning coalition every member is checked for criticality. Exponential: n ≤ 30.
 * @module
 */
import type { WeightedGame } from "../game.js";
import { emptyCounts, type SwingCounts } from "./counts.js";

export const MAX_ENUMERATION_PLAYERS = 30;

export function countByEnumeration(game: WeightedGame): SwingCounts {
  const { n } = game;
  if (n > MAX_ENUMERATION_PLAYERS)
    throw new RangeError(
      `countByEnumeration: ${n} players; enumeration is limited to ${MAX_ENUMERATION_PLAYERS}`,
    );
  const d = game.quotas.length;
  const w = new Float64Array(d * n);
  for (let c = 0; c < d; c++) for (let i = 0; i < n; i++) w[c * n + i] = game.weights[c]?.[i] ?? 0;
  const q = Float64Array.from(game.quotas);
  const minMembers = game.minMembers;
  const deemed = game.deemedAttainedAt ?? Number.POSITIVE_INFINITY;
  const sums = new Float64Array(d);
  const out = emptyCounts(n);
  const swings = out.swingsBySize;
  const total = 2 ** n;
  let mask = 0;
  let size = 0;
  let winning = 0;
  for (let step = 0; step < total; step++) {
    if (step > 0) {
      const bit = 31 - Math.clz32(step & -step);
      const flag = 1 << bit;
      mask ^= flag;
      const sign = (mask & flag) !== 0 ? 1 : -1;
      size += sign;
      for (let c = 0; c < d; c++) sums[c] = (sums[c] as number) + sign * (w[c * n + bit] as number);
    }
    if (!(size >= deemed || (size >= minMembers && meets(sums, q, d)))) continue;
    winning++;
    const smaller = size - 1;
    if (smaller >= deemed) continue;
    let rest = mask;
    while (rest !== 0) {
      const low = rest & -rest;
      const i = 31 - Math.clz32(low);
      rest ^= low;
      let critical = smaller < minMembers;
      if (!critical)
        for (let c = 0; c < d; c++)
          if ((sums[c] as number) - (w[c * n + i] as number) < (q[c] as number)) {
            critical = true;
            break;
          }
      if (critical) swings[i * n + smaller] = (swings[i * n + smaller] as number) + 1;
    }
  }
  out.winning = winning;
  return out;
}

function meets(sums: Float64Array, q: Float64Array, d: number): boolean {
  for (let c = 0; c < d; c++) if ((sums[c] as number) < (q[c] as number)) return false;
  return true;
}
