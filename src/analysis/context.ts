/**
 * What every analysis of one world shares, computed once: the compiled network (reused by all
 * simulations), per-good facts, the recipes, world value added per good, and each network
 * actor's baseline value added.
 * @module
 */

import { baselineSecurity } from "../losses/security.js";
import { compileWorld } from "../network/compile-world.js";
import type { Network } from "../network/network.js";
import type { RealWorld } from "../world/realised.js";
import { type Recipes, recipesOf } from "./criticality.js";
import { type GoodFacts, goodFacts, worldValueAdded } from "./goods.js";
import { demandInverse } from "./leverage/cost.js";
import { baselineValueAddedByActor } from "./value-added.js";

export interface AnalysisContext {
  world: RealWorld;
  net: Network;
  goods: GoodFacts[];
  recipes: Recipes;
  /** World value added per good per year, USD (index = good). */
  worldValueAdded: Float64Array;
  /** Baseline value added per network actor per month, USD. */
  baseValueAdded: Float64Array;
  /** Baseline denominator of each network actor's security index, per month. */
  baseSecurity: Float64Array;
}

const inverses = new WeakMap<Network, Float64Array | null>();

/** The dense inverse of the network's demand cascade, computed once per network (undefined
 * for networks too large to hold it). */
export function demandInverseOf(ctx: AnalysisContext): Float64Array | undefined {
  let inv = inverses.get(ctx.net);
  if (inv === undefined) {
    inv = demandInverse(ctx.net) ?? null;
    inverses.set(ctx.net, inv);
  }
  return inv ?? undefined;
}

export function analysisContext(
  world: RealWorld,
  net: Network = compileWorld(world),
): AnalysisContext {
  const goods = goodFacts(world);
  return {
    world,
    net,
    goods,
    recipes: recipesOf(world),
    worldValueAdded: worldValueAdded(goods),
    baseValueAdded: baselineValueAddedByActor(net),
    baseSecurity: baselineSecurity(net),
  };
}
