/**
 * RAS with upper bounds on cells: the flows closest to the seed in the RAS sense (least
 * cross-entropy Σ x ln(x / a), Bacharach 1970) with rows equal to supplier outputs, columns equal
 * to user uses, and no cell above its bound. Its solution has the form x_su = min(b_su,
 * a_su r_s c_u): a cell is either clamped at its bound or scaled like an unbounded one (the
 * Karush–Kuhn–Tucker conditions of that problem). The iteration is RAS's, one row or column at
 * a time, with the scaling of a row found by clamping: scale the free cells to what the row still
 * needs, clamp those that pass their bounds, exclude them, and scale the rest again, until none
 * passes (finite: the clamped set only grows). It is exact dual coordinate ascent on the
 * interval-constrained matrix-estimation problem (Censor & Zenios 1997, ch. 9), convergent for
 * strictly convex separable costs with bounds (Tseng & Bertsekas 1987); it extends the modified
 * RAS that holds known cells fixed (Miller & Blair 2009, ch. 7). Without bounds it is plain RAS,
 * to the bit. Cells are s × users + u, as in `ras.ts`; docs/model.md §2 has the equations.
 * @module
 */
import { RAS_MAX_ITERATIONS, RAS_TOLERANCE, scaleToTotal } from "./ras.js";

/**
 * Scales `flows` (in place) so that rows sum to `rowTotals` and columns to `colTotals` with
 * flows[c] ≤ bound[c] (Infinity: no bound), to 1e-12 relative on every row and column, or as
 * close as 1000 rounds come where the bounds leave no such flows (a feasibility check such as
 * `controlled-margins.ts` comes first). Returns the rounds it took.
 */
export function balanceBounded(
  flows: Float64Array,
  rowTotals: Float64Array,
  colTotals: Float64Array,
  bound: Float64Array,
): number {
  const S = rowTotals.length;
  const U = colTotals.length;
  // The scaled seed a_su r_s c_u, unclamped; the flows are min(bound, scaled).
  const scaled = Float64Array.from(flows);
  // Lines with no finite bound are scaled as in plain RAS (the same arithmetic, fewer passes).
  const rowBounded = new Uint8Array(S);
  const colBounded = new Uint8Array(U);
  for (let c = 0; c < bound.length; c++) {
    if (bound[c] === Infinity) continue;
    rowBounded[Math.floor(c / U)] = 1;
    colBounded[c % U] = 1;
  }
  const clamped = new Uint8Array(Math.max(S, U));
  let it = 0;
  while (it < RAS_MAX_ITERATIONS) {
    it++;
    let worst = 0;
    for (let s = 0; s < S; s++) {
      const gap =
        rowBounded[s] === 1
          ? scaleLine(scaled, bound, s * U, 1, U, rowTotals[s]!, clamped)
          : scaleToTotal(scaled, s * U, 1, U, rowTotals[s]!);
      worst = Math.max(worst, gap);
    }
    for (let u = 0; u < U; u++) {
      const gap =
        colBounded[u] === 1
          ? scaleLine(scaled, bound, u, U, S, colTotals[u]!, clamped)
          : scaleToTotal(scaled, u, U, S, colTotals[u]!);
      worst = Math.max(worst, gap);
    }
    if (worst < RAS_TOLERANCE) break;
  }
  for (let c = 0; c < flows.length; c++) flows[c] = Math.min(scaled[c]!, bound[c]!);
  return it;
}

/**
 * Scales one row or column of `scaled` (cells start + k × step, k < n) so that its clamped
 * sum Σ min(bound, f × scaled) is `total`; returns how far that sum was from it before
 * (|total / sum − 1|, RAS's |factor − 1|). A line whose bounds all bind below its total is
 * left with every cell clamped.
 */
function scaleLine(
  scaled: Float64Array,
  bound: Float64Array,
  start: number,
  step: number,
  n: number,
  total: number,
  clamped: Uint8Array,
): number {
  let sum = 0;
  for (let k = 0, c = start; k < n; k++, c += step) sum += Math.min(scaled[c]!, bound[c]!);
  if (!(sum > 0)) return 0;
  const gap = Math.abs(total / sum - 1);
  clamped.fill(0, 0, n);
  let f = 1;
  for (;;) {
    let fixed = 0;
    let free = 0;
    for (let k = 0, c = start; k < n; k++, c += step) {
      if (clamped[k] === 1) fixed += bound[c]!;
      else free += scaled[c]!;
    }
    if (!(free > 0) || !(total - fixed > 0)) break;
    f = (total - fixed) / free;
    let more = false;
    for (let k = 0, c = start; k < n; k++, c += step) {
      if (clamped[k] === 1 || !(f * scaled[c]! >= bound[c]!)) continue;
      clamped[k] = 1;
      more = true;
    }
    if (!more) break;
  }
  for (let k = 0, c = start; k < n; k++, c += step) scaled[c] = scaled[c]! * f;
  return gap;
}
