/**
 * The seed of a good's baseline flows and its biproportional balancing (RAS; Stone 1961,
 * Bacharach 1970): rows are scaled to supplier outputs and columns to user uses in turn until
 * every factor is within 1e-12 of 1, or 1000 rounds have passed. Cells are s × users + u. Its
 * form with upper bounds on cells, for the routes export controls cap, is `ras-bounded.ts`.
 * @module
 */
import { figure, type RealWorld } from "./realised.js";

export const RAS_MAX_ITERATIONS = 1000;
export const RAS_TOLERANCE = 1e-12;

/**
 * The seed of a good's flows: the pooled market (each user buys from suppliers in proportion to
 * their output), after taking `homeBias` of its use from home where it makes the good; where
 * `flows` rows give a user's imports, they are its seed, and its own industry (where it makes
 * the good) supplies the rest of its use.
 */
export function seedFlows(
  world: RealWorld,
  good: string,
  homeBias: number,
  suppliers: string[],
  output: Float64Array,
  users: string[],
  use: Float64Array,
): Float64Array {
  const S = suppliers.length;
  const U = users.length;
  const flows = new Float64Array(S * U);
  let total = 0;
  for (const x of output) total += x;
  const explicit = world.flows.filter((f) => f.good === good);
  for (let u = 0; u < U; u++) {
    const user = users[u]!;
    const given = explicit.filter((f) => f.to === user);
    const home = suppliers.indexOf(user);
    if (given.length > 0) {
      // Explicit flows are the user's imports; its own industry, if any, supplies the rest, and
      // at least the good's home bias of its use (imports are scaled down to leave it room).
      let imports = 0;
      for (const f of given) imports += suppliers.includes(f.from) ? figure(f.volume) : 0;
      const room = home >= 0 ? (1 - homeBias) * use[u]! : Number.POSITIVE_INFINITY;
      const scale = imports > room && imports > 0 ? room / imports : 1;
      for (const f of given) {
        const s = suppliers.indexOf(f.from);
        if (s >= 0) flows[s * U + u] = figure(f.volume) * scale;
      }
      if (home >= 0) flows[home * U + u] = Math.max(homeBias * use[u]!, use[u]! - imports * scale);
      continue;
    }
    for (let s = 0; s < S; s++) {
      const share = total > 0 ? output[s]! / total : 0;
      const w = home >= 0 ? (1 - homeBias) * share + (s === home ? homeBias : 0) : share;
      flows[s * U + u] = w * use[u]!;
    }
  }
  return flows;
}

/** Scales rows to `rowTotals` and columns to `colTotals` in turn until both hold (RAS). */
export function balance(flows: Float64Array, rowTotals: Float64Array, colTotals: Float64Array) {
  const S = rowTotals.length;
  const U = colTotals.length;
  for (let it = 0; it < RAS_MAX_ITERATIONS; it++) {
    let worst = 0;
    for (let s = 0; s < S; s++)
      worst = Math.max(worst, scaleToTotal(flows, s * U, 1, U, rowTotals[s]!));
    for (let u = 0; u < U; u++)
      worst = Math.max(worst, scaleToTotal(flows, u, U, S, colTotals[u]!));
    if (worst < RAS_TOLERANCE) return;
  }
}

/**
 * Scales one row or column of `cells` (start + k × step, k < n) so that it sums to `total`,
 * RAS's step; returns |factor − 1| (0 for a line that sums to 0, which is left alone).
 */
export function scaleToTotal(
  cells: Float64Array,
  start: number,
  step: number,
  n: number,
  total: number,
): number {
  let sum = 0;
  for (let k = 0, c = start; k < n; k++, c += step) sum += cells[c]!;
  if (!(sum > 0)) return 0;
  const f = total / sum;
  for (let k = 0, c = start; k < n; k++, c += step) cells[c] = cells[c]! * f;
  return Math.abs(f - 1);
}

/** The largest relative gap between a row or column sum and its total (0 when balanced). */
export function imbalance(
  flows: Float64Array,
  rowTotals: Float64Array,
  colTotals: Float64Array,
): number {
  const S = rowTotals.length;
  const U = colTotals.length;
  let scale = 0;
  for (const x of rowTotals) scale = Math.max(scale, x);
  let worst = 0;
  const gap = (sum: number, total: number) => {
    if (total > 0) worst = Math.max(worst, Math.abs(sum / total - 1));
    else if (sum > 1e-12 * scale) worst = Math.max(worst, 1);
  };
  for (let s = 0; s < S; s++) {
    let sum = 0;
    for (let u = 0; u < U; u++) sum += flows[s * U + u]!;
    gap(sum, rowTotals[s]!);
  }
  for (let u = 0; u < U; u++) {
    let sum = 0;
    for (let s = 0; s < S; s++) sum += flows[s * U + u]!;
    gap(sum, colTotals[u]!);
  }
  return worst;
}
