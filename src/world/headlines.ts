/**
 * The paper's headline figures, computed from a world's data and set beside the paper's numbers.
 * @module
 */

import { realise } from "../run/realise.js";
import { baselineOf, tradeValue } from "./baseline.js";
import { figure, type RealWorld } from "./realised.js";
import type { Headline, World } from "./schema.js";
import { sharesByGood } from "./shares.js";

export interface HeadlineResult {
  id: string;
  claim: string;
  paper?: number;
  data: number;
  tolerance: [number, number];
  /** "reproduce": the data should match the paper; "differs": it follows a primary source. */
  expect: "reproduce" | "differs";
  /** Whether the data's figure lies within the tolerance. */
  withinTolerance: boolean;
  note?: string;
}

export function evaluateHeadlines(source: World): HeadlineResult[] {
  // Described at central values, on the world as the model reads it.
  const world = realise(source);
  const shares = sharesByGood(world);
  return world.headlines.map((h) => {
    const data = evaluate(world, shares, h);
    const out: HeadlineResult = {
      id: h.id,
      claim: h.claim,
      data,
      tolerance: h.tolerance,
      expect: h.expect ?? "reproduce",
      withinTolerance: data >= h.tolerance[0] && data <= h.tolerance[1],
    };
    if (h.paper !== undefined) out.paper = h.paper;
    if (h.note !== undefined) out.note = h.note;
    return out;
  });
}

function evaluate(world: RealWorld, shares: ReturnType<typeof sharesByGood>, h: Headline): number {
  const m = h.metric;
  if (m.kind === "trade-balance") {
    const baseline = baselineOf(world);
    const a = new Set(expand(world, [m.exporter]));
    const b = new Set(expand(world, [m.partner]));
    return (
      (tradeValue(world, baseline, a, b, m.goods) - tradeValue(world, baseline, b, a, m.goods)) /
      1e9
    );
  }
  if (m.kind === "group-count")
    return world.groups.find((g) => g.id === m.group)?.members.length ?? 0;
  if (m.kind === "firm-valuation-ratio") {
    const value = (id: string) => {
      const v = world.firms.find((f) => f.id === id)?.valuation;
      return v === undefined ? Number.NaN : figure(v);
    };
    return value(m.numerator) / value(m.denominator);
  }
  const actors = new Set(expand(world, m.actors));
  let num = 0;
  let den = 0;
  for (const id of m.goods) {
    const good = world.goods.find((g) => g.id === id);
    if (!good) continue;
    const weight =
      (m.weight ?? "value") === "value"
        ? figure(good.globalOutput) * figure(good.pricePerUnit)
        : figure(good.globalOutput);
    for (const s of shares.get(id) ?? []) if (actors.has(s.actor)) num += s.share * weight;
    den += weight;
  }
  return den > 0 ? num / den : Number.NaN;
}

/** Actor ids with blocs replaced by their members. */
export function expand(world: RealWorld, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const a = world.actors.find((x) => x.id === id);
    if (a?.kind === "bloc") out.push(...(a.members ?? []));
    else out.push(id);
  }
  return out;
}
