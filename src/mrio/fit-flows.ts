/**
 * Fits a sector's bilateral flows and its final-demand key to the model's own margins, so that
 * the baseline year can balance them. In the model, actor b uses
 * u_b = need_b + φ_b · F, with need_b = Σ_t coef[s, t] · x[b, t] (its industries' need at
 * world-average coefficients), F = world output less world intermediate use, and φ_b its share
 * of the sector's final demand; in the table it uses T_b = Σ_a flows[a → b] (what a sector sold
 * to the chain's carved-out industries, and the table's discrepancies, are counted as its own
 * actor's use, so Σ_b T_b = world output).
 *
 * The key is the table's own final use, φ_b ∝ max(0, f_b): final demand is what the losses
 * count as deprivation, so it must be the households' and governments' use that the table
 * records, not a residual. (Taking T_b − need_b instead turns an actor's intermediate use above
 * the world-average coefficients into final demand: Luxembourg's financial industry buys
 * finance from itself and its neighbours many times over, which would become about $67 bn a
 * year of Luxembourg's final use of financial services, four times its households' whole
 * consumption.) Each column is then scaled to the model's use, keeping the table's mix of
 * origins for 99% of it (flows[a → b] × 0.99 u_b / T_b) and the pooled market for 1%
 * (0.01 u_b x_a / X: every cell positive, so that RAS can balance an actor whose use in the
 * model differs from its own output in a sector the table shows as not traded). Σ_b u_b =
 * world output = Σ_a x_a, so the baseline year's RAS restores each row's output with the
 * columns fixed.
 * @module
 */

/** Share of each actor's use of a sector seeded from the pooled market (see the module). */
export const POOLED_SHARE = 0.01;

/** flows[(s * A + a) * A + b]; x[b * S + t]; finalUse[s * A + b]; modifies `flows`, returns the
 * key (USD bn). */
export function fitFlows(
  flows: Float64Array,
  coef: Float64Array,
  x: Float64Array,
  output: Float64Array,
  finalUse: Float64Array,
  A: number,
  S: number,
): Float64Array {
  const key = new Float64Array(S * A);
  for (let s = 0; s < S; s++) {
    const at = (a: number, b: number) => (s * A + a) * A + b;
    // Negative cells (inventory run-downs) are dropped; what a sector's row leaves of its
    // output is its own actor's use.
    for (let a = 0; a < A; a++) {
      let sold = 0;
      for (let b = 0; b < A; b++) {
        flows[at(a, b)] = Math.max(0, flows[at(a, b)]!);
        sold += flows[at(a, b)]!;
      }
      flows[at(a, a)] = Math.max(0, flows[at(a, a)]! + x[a * S + s]! - sold);
    }
    let used = 0;
    for (let t = 0; t < S; t++) used += coef[s * S + t]! * output[t]!;
    const F = Math.max(0, output[s]! - used);
    let sumFinal = 0;
    for (let b = 0; b < A; b++) sumFinal += Math.max(0, finalUse[s * A + b]!);
    for (let b = 0; b < A; b++) {
      const f = Math.max(0, finalUse[s * A + b]!);
      key[s * A + b] = sumFinal > 0 ? (F * f) / sumFinal : 0;
      let need = 0;
      for (let t = 0; t < S; t++) need += coef[s * S + t]! * x[b * S + t]!;
      const target = need + key[s * A + b]!;
      let table = 0;
      for (let a = 0; a < A; a++) table += flows[at(a, b)]!;
      // The table's mix of origins, scaled to (1 − ε) of the model's use, and ε of it from the
      // pooled market (suppliers in proportion to their output): every cell positive, so that
      // the balancing can move an actor's use away from its own output even in a sector the
      // table shows as not traded.
      const r = table > 0 ? ((1 - POOLED_SHARE) * target) / table : 0;
      const pooled = table > 0 ? POOLED_SHARE * target : target;
      for (let a = 0; a < A; a++) {
        const mix = output[s]! > 0 ? x[a * S + s]! / output[s]! : 0;
        flows[at(a, b)] = flows[at(a, b)]! * r + pooled * mix;
      }
    }
  }
  return key;
}
