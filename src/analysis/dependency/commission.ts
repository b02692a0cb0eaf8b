/**
 * The European Commission's strategic-dependency test (SWD(2021) 352) applied to every good of
 * a world, for a bloc (the EU): the bloc's imports from outside it, by supplier, their
 * concentration (HHI), their share of all the members' imports, and their ratio to the
 * members' exports, from the baseline network's flows valued at the good's price; each
 * criterion of the test (data/analysis/commission-dependency.yaml) compared with its
 * threshold, and the verdict. A ratio whose denominator is 0 while its numerator is not is
 * infinite (null in JSON).
 * @module
 */

import { hhi } from "../concentration.js";
import type { AnalysisContext } from "../context.js";
import type { Entity } from "../entities.js";
import type { DependencyTest, Measure } from "./schema.js";

export interface TradeOfGood {
  good: string;
  /** USD per year at baseline. */
  extraImports: number;
  intraImports: number;
  /** The bloc's receipts of the good (its use, intermediate and final). */
  use: number;
  /** Members' exports to every other actor, and to actors outside the bloc. */
  exports: number;
  extraExports: number;
  /** Extra-bloc suppliers, largest first, with their share of extra-bloc imports. */
  suppliers: { actor: string; share: number }[];
}

export interface CriterionResult {
  id: string;
  measure: Measure;
  /** null: infinite (a ratio over 0). */
  value: number | null;
  above: number;
  holds: boolean;
}

export interface GoodVerdict extends TradeOfGood {
  measures: Record<Measure, number | null>;
  criteria: CriterionResult[];
  dependent: boolean;
}

export interface DependencyReport {
  test: { id: string; name: string; bloc: string; verdict: "all" | "any" };
  criteria: DependencyTest["criteria"];
  sources: DependencyTest["sources"];
  goods: GoodVerdict[];
  dependent: string[];
}

export function tradeOfGoods(ctx: AnalysisContext, bloc: Entity): TradeOfGood[] {
  const { net } = ctx;
  const inside = new Uint8Array(net.actors.length);
  for (const a of bloc.members) inside[a] = 1;
  const G = net.goods.length;
  const t = Array.from({ length: G }, () => ({
    extra: 0,
    intra: 0,
    use: 0,
    exports: 0,
    extraExports: 0,
    by: new Map<number, number>(),
  }));
  for (let q = 0; q < net.poolCount; q++) {
    const buyer = net.poolActor[q]!;
    const g = net.poolGood[q]!;
    const price = ctx.goods[g]!.price;
    const row = t[g]!;
    if (inside[buyer]) row.use += net.poolBase[q]! * price;
    for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
      const e = net.poolEdges[i]!;
      const seller = net.nodeActor[net.edgeNode[e]!]!;
      if (seller === buyer) continue;
      const v = net.edgeBase[e]! * price;
      if (!(v > 0)) continue;
      if (inside[buyer] && !inside[seller]) {
        row.extra += v;
        row.by.set(seller, (row.by.get(seller) ?? 0) + v);
      }
      if (inside[buyer] && inside[seller]) row.intra += v;
      if (inside[seller]) {
        row.exports += v;
        if (!inside[buyer]) row.extraExports += v;
      }
    }
  }
  return t.map((r, g) => ({
    good: net.goods[g]!,
    extraImports: 12 * r.extra,
    intraImports: 12 * r.intra,
    use: 12 * r.use,
    exports: 12 * r.exports,
    extraExports: 12 * r.extraExports,
    suppliers: [...r.by]
      .map(([a, v]) => ({ actor: net.actors[a]!, share: r.extra > 0 ? v / r.extra : 0 }))
      .sort((x, y) => y.share - x.share || x.actor.localeCompare(y.actor)),
  }));
}

function ratio(num: number, den: number): number | null {
  if (den > 0) return num / den;
  return num > 0 ? null : 0;
}

export function measuresOf(t: TradeOfGood): Record<Measure, number | null> {
  return {
    extra_import_hhi: hhi(t.suppliers.map((s) => s.share)) ?? 0,
    extra_import_share: ratio(t.extraImports, t.extraImports + t.intraImports) ?? 0,
    extra_import_share_of_use: ratio(t.extraImports, t.use),
    extra_imports_over_exports: ratio(t.extraImports, t.exports),
    extra_imports_over_extra_exports: ratio(t.extraImports, t.extraExports),
  };
}

export function dependencyTest(
  ctx: AnalysisContext,
  bloc: Entity,
  test: DependencyTest,
): DependencyReport {
  const goods = tradeOfGoods(ctx, bloc).map((t): GoodVerdict => {
    const measures = measuresOf(t);
    const criteria = test.criteria.map((c): CriterionResult => {
      const value = measures[c.measure];
      return {
        id: c.id,
        measure: c.measure,
        value,
        above: c.above,
        holds: value === null || value > c.above,
      };
    });
    const dependent =
      test.verdict === "all" ? criteria.every((c) => c.holds) : criteria.some((c) => c.holds);
    return { ...t, measures, criteria, dependent };
  });
  return {
    test: { id: test.id, name: test.name, bloc: test.bloc, verdict: test.verdict },
    criteria: test.criteria,
    sources: test.sources,
    goods,
    dependent: goods.filter((g) => g.dependent).map((g) => g.good),
  };
}
