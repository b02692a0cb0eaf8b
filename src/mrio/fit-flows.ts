/**
 * Fits a sector's bilateral flows and its final-demand key to the model's own margins, so that
 * the baseline year can balance them exactly. In the model, actor b uses
 * u_b = Σ_t coef[s, t] · x[b, t] (its industries' need at world-average coefficients) plus its
 * final demand φ_b · F (F = world output less world intermediate use); in the table it uses
 * T_b = Σ_a flows[a → b] (what a sector sold to the chain's carved-out industries, and the
 * table's discrepancies, are counted as its own actor's use, so Σ_b T_b = world output).
 *
 * The key is φ_b ∝ k_b = max(0, T_b − need_b). Where no need exceeds its table use, Σ k = F
 * and every u_b = T_b. An actor whose need exceeds its table use by e_b (its industries use
 * the sector more, at world-average coefficients, than it did) has no final demand and must
 * import e_b more; every other actor then uses (1 − r) k_b less (r = F / Σ k), and its own
 * industry exports that much to those actors, in proportion to their excess. Rows keep their
 * output and columns become the model's use, so RAS has only rounding left to fix.
 * @module
 */

/** flows[(s * A + a) * A + b]; x[b * S + t]; modifies `flows`, returns the key (USD bn). */
export function fitFlows(
  flows: Float64Array,
  coef: Float64Array,
  x: Float64Array,
  output: Float64Array,
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
    const F = output[s]! - used;
    const excess = new Float64Array(A);
    let sumKey = 0;
    let sumExcess = 0;
    for (let b = 0; b < A; b++) {
      let use = 0;
      for (let a = 0; a < A; a++) use += flows[at(a, b)]!;
      for (let t = 0; t < S; t++) use -= coef[s * S + t]! * x[b * S + t]!;
      key[s * A + b] = Math.max(0, use);
      excess[b] = Math.max(0, -use);
      sumKey += key[s * A + b]!;
      sumExcess += excess[b]!;
    }
    if (!(sumExcess > 0) || !(sumKey > 0) || !(F > 0)) continue;
    const r = F / sumKey;
    for (let a = 0; a < A; a++) {
      const spare = Math.min((1 - r) * key[s * A + a]!, flows[at(a, a)]!);
      if (!(spare > 0)) continue;
      flows[at(a, a)] = flows[at(a, a)]! - spare;
      for (let b = 0; b < A; b++)
        if (excess[b]! > 0) flows[at(a, b)] = flows[at(a, b)]! + (spare * excess[b]!) / sumExcess;
    }
  }
  return key;
}
