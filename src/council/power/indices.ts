/**
 * Banzhaf and Shapley–Shubik indices, and the probability of passage, from exact swing counts.
 *
 * - Raw Banzhaf count η_i: coalitions S ⊆ N∖{i} with S losing and S ∪ {i} winning.
 * - Absolute Banzhaf β'_i = η_i / 2^(n−1); normalised Banzhaf β_i = η_i / Σ_j η_j.
 * - Shapley–Shubik φ_i = Σ_k c_{i,k} · k!(n−k−1)!/n!, with c_{i,k} the swings of i in
 *   coalitions of size k: the share of the n! voting orders in which i is pivotal. The sum is
 *   taken in BigInt and divided once at the end; the exact fraction is kept as well.
 * - Probability of passage (Coleman's "power of the collectivity to act"): winning coalitions
 *   / 2^n, every coalition equally likely.
 *
 * When no player is ever critical (a game nobody can change) the normalised indices are
 * undefined and left out.
 *
 * References: Banzhaf (1965), Rutgers Law Review 19:317–343; Shapley and Shubik (1954), APSR
 * 48:787–792; Coleman (1971); Felsenthal and Machover (1998), The Measurement of Voting Power.
 * @module
 */
import { gcd } from "../share.js";
import type { SwingCounts } from "./counts.js";

export interface PowerIndices {
  n: number;
  /** η_i. */
  swings: number[];
  /** β'_i = η_i / 2^(n−1). */
  banzhafAbsolute: number[];
  /** β_i = η_i / Σ η; absent when Σ η = 0. */
  banzhaf?: number[];
  /** φ_i; absent when no player is ever pivotal. */
  shapleyShubik?: number[];
  /** φ_i as a reduced fraction "num/den". */
  shapleyShubikExact?: string[];
  winningCoalitions: number;
  passProbability: number;
}

export function indicesFromCounts(counts: SwingCounts): PowerIndices {
  const { n } = counts;
  const swings: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += counts.swingsBySize[i * n + k] ?? 0;
    swings.push(s);
  }
  const half = 2 ** (n - 1);
  const result: PowerIndices = {
    n,
    swings,
    banzhafAbsolute: swings.map((s) => s / half),
    winningCoalitions: counts.winning,
    passProbability: counts.winning / 2 ** n,
  };
  const total = swings.reduce((a, b) => a + b, 0);
  if (total > 0) result.banzhaf = swings.map((s) => s / total);
  const fact = factorials(n);
  const den = fact[n] ?? 1n;
  const nums: bigint[] = [];
  for (let i = 0; i < n; i++) {
    let num = 0n;
    for (let k = 0; k < n; k++) {
      const c = counts.swingsBySize[i * n + k] ?? 0;
      if (c !== 0) num += BigInt(c) * (fact[k] ?? 1n) * (fact[n - 1 - k] ?? 1n);
    }
    nums.push(num);
  }
  if (nums.some((x) => x !== 0n)) {
    result.shapleyShubik = nums.map((x) => ratio(x, den));
    result.shapleyShubikExact = nums.map((x) => fraction(x, den));
  }
  return result;
}

function factorials(n: number): bigint[] {
  const out = [1n];
  for (let k = 1; k <= n; k++) out.push((out[k - 1] ?? 1n) * BigInt(k));
  return out;
}

/** num/den as the nearest double (both converted once; relative error about 2e-16). */
function ratio(num: bigint, den: bigint): number {
  return Number(num) / Number(den);
}

function fraction(num: bigint, den: bigint): string {
  if (num === 0n) return "0";
  const g = gcd(num, den);
  return `${num / g}/${den / g}`;
}
