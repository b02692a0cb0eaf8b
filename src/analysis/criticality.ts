/**
 * How critical a good is downstream, in the static (input–output) view: the share of world
 * value added in the modelled goods that would be lost if the good were missing, before stocks
 * and substitution. Losses propagate through the recipes by the engine's own rule for a month
 * without stocks: a good j whose input i is missing by a share λ_i loses c_ij · λ_i of its
 * output, and the scarcest input binds, so
 *
 *   λ_g = 1,   λ_j = max over inputs i of c_ij · λ_i   (j ≠ g),
 *
 * the fixed point of a monotone map (reached from λ = 0 by iteration; cycles of inputs converge
 * because the map is bounded by 1). The criticality of g is Σ_{j≠g} λ_j · VA_j / Σ_j VA_j with
 * VA_j = X_j · va_j. The map is positively homogeneous: a supplier withholding a share s of g
 * causes exactly s · λ, which is why the chokepoint score multiplies share by criticality.
 * @module
 */
import { figure, type RealWorld } from "../world/realised.js";

export interface Recipes {
  ids: string[];
  /** For each good j, its inputs i with criticality c_ij. */
  inputs: { input: number; criticality: number }[][];
}

export function recipesOf(world: RealWorld): Recipes {
  const ids = world.goods.map((g) => g.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const inputs = world.goods.map((g) =>
    (g.recipe ?? []).flatMap((r) => {
      const i = index.get(r.input);
      return i === undefined ? [] : [{ input: i, criticality: figure(r.criticality) }];
    }),
  );
  return { ids, inputs };
}

/** Output lost by every good (0–1) when the goods in `missing` lose the given shares. */
export function cascade(recipes: Recipes, missing: ReadonlyMap<number, number>): Float64Array {
  const n = recipes.ids.length;
  const lambda = new Float64Array(n);
  for (const [g, s] of missing) lambda[g] = s;
  for (let it = 0; it <= n * n + 1; it++) {
    let changed = false;
    for (let j = 0; j < n; j++) {
      let l = missing.get(j) ?? 0;
      for (const { input, criticality } of recipes.inputs[j]!) {
        const x = criticality * lambda[input]!;
        if (x > l) l = x;
      }
      if (l > lambda[j]! + 1e-15) {
        lambda[j] = l;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return lambda;
}

export interface StaticCriticality {
  /** Per good: world value added lost downstream per year (USD) and as a share of world VA. */
  valueAddedLost: Float64Array;
  share: Float64Array;
}

/** The static criticality of every good, given world value added per good (`va`, USD/yr). */
export function staticCriticality(recipes: Recipes, va: Float64Array): StaticCriticality {
  const n = recipes.ids.length;
  let total = 0;
  for (const v of va) total += v;
  const valueAddedLost = new Float64Array(n);
  const share = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    const lambda = cascade(recipes, new Map([[g, 1]]));
    let lost = 0;
    for (let j = 0; j < n; j++) if (j !== g) lost += lambda[j]! * va[j]!;
    valueAddedLost[g] = lost;
    share[g] = total > 0 ? lost / total : 0;
  }
  return { valueAddedLost, share };
}
