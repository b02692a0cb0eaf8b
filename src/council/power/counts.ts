/**
 * What every exact power computation returns: for each player i and coalition size k, the
 * number of coalitions S of the other players with |S| = k in which i is critical (S loses,
 * S ∪ {i} wins), and the number of winning coalitions. The indices follow from these counts
 * alone (`indices.ts`), so the counting methods can be compared number for number.
 * @module
 */

export interface SwingCounts {
  n: number;
  /** swingsBySize[i * n + k]: coalitions of k other players in which player i is critical. */
  swingsBySize: Float64Array;
  /** Winning coalitions among all 2^n. */
  winning: number;
}

export function emptyCounts(n: number): SwingCounts {
  return { n, swingsBySize: new Float64Array(n * n), winning: 0 };
}

/** Player i's swings summed over sizes (its raw Banzhaf count η_i). */
export function swingsOf(counts: SwingCounts, i: number): number {
  let sum = 0;
  for (let k = 0; k < counts.n; k++) sum += counts.swingsBySize[i * counts.n + k] ?? 0;
  return sum;
}
