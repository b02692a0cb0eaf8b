/**
 * Per-good facts the analyses share, read from a world at central values: world output per
 * year, value added and price per unit, stocks, ramp-up, and each supplier's output, capacity
 * (output / utilisation) and share of world output.
 * @module
 */
import { figure, type Realised, type RealWorld } from "../world/realised.js";
import type { Good } from "../world/schema.js";
import { supplierShare } from "../world/shares.js";

export interface SupplierFacts {
  actor: string;
  /** Share of world output, 0–1. */
  share: number;
  /** Output and capacity per year, in the good's unit. */
  output: number;
  capacity: number;
}

export interface GoodFacts {
  id: string;
  name: string;
  unit: string;
  layer: Realised<Good>["layer"];
  /** World output per year, in the good's unit. */
  output: number;
  /** USD per unit. */
  valueAdded: number;
  price: number;
  stockMonths: number;
  rampUp: { lagMonths: number; ratePerMonth: number; max: number };
  /** Largest share first (ties by actor id). */
  suppliers: SupplierFacts[];
}

export function goodFacts(world: RealWorld): GoodFacts[] {
  return world.goods.map((g) => {
    const X = figure(g.globalOutput);
    const u = figure(g.utilisation ?? 1);
    const suppliers = world.suppliers
      .filter((s) => s.good === g.id)
      .map((s): SupplierFacts => {
        const share = supplierShare(s, g);
        const util = s.utilisation !== undefined ? figure(s.utilisation) : u;
        return { actor: s.actor, share, output: share * X, capacity: (share * X) / util };
      })
      .sort((a, b) => b.share - a.share || a.actor.localeCompare(b.actor));
    return {
      id: g.id,
      name: g.name,
      unit: g.unit,
      layer: g.layer,
      output: X,
      valueAdded: figure(g.valueAddedPerUnit),
      price: figure(g.pricePerUnit),
      stockMonths: figure(g.stockMonths),
      rampUp: {
        lagMonths: figure(g.rampUp.lagMonths),
        ratePerMonth: figure(g.rampUp.ratePerMonth),
        max: figure(g.rampUp.max),
      },
      suppliers,
    };
  });
}

/** World value added per year in each good (output × value added per unit), USD. */
export function worldValueAdded(goods: readonly GoodFacts[]): Float64Array {
  return Float64Array.from(goods, (g) => g.output * g.valueAdded);
}
