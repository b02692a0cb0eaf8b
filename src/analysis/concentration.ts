/**
 * Concentration of a market: the Herfindahl–Hirschman index H = Σ s_i² of the shares s_i
 * (0–1) of its suppliers, from 1/n (n equal suppliers) to 1 (a monopoly). Shares are
 * normalised by their sum first, so that the index of a partial list (e.g. extra-EU sources
 * only) is the index of that list's own market. Returns undefined for an empty or all-zero list.
 * @module
 */

/** HHI of non-negative `values` (shares or volumes), normalised by their sum. */
export function hhi(values: Iterable<number>): number | undefined {
  let sum = 0;
  let squares = 0;
  for (const v of values) {
    if (!(v > 0)) continue;
    sum += v;
    squares += v * v;
  }
  return sum > 0 ? squares / (sum * sum) : undefined;
}
