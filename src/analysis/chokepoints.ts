/**
 * The chokepoint table: for every supplier (actor, good), its share of world output, the good's
 * concentration (HHI), how critical the good is downstream (statically and simulated), how
 * substitutable the actor's supply is within the horizon, and the chokepoint score
 *
 *   score = share × criticality × (1 − substitutability)
 *
 * with the static criticality (`criticality.ts`); `scoreSimulated` uses the simulated one.
 * docs/analysis.md states every column.
 *
 * The simulated criticality of g is the world value added lost over the horizon in the goods
 * downstream of g (those the static cascade reaches) when g stops reaching every buyer from
 * month 1 (every edge of g capped at 0, stocks drawn down, no supplier left to turn to), as a
 * share of world value added over the horizon. Goods upstream of g, which lose orders, are not
 * counted: that is demand, not dependence.
 * It needs one simulation per good: `chokepointTasks` lists them, `chokepointTable` reads their
 * results (run them with `runTasks` or in parallel).
 * @module
 */
import { hhi } from "./concentration.js";
import type { AnalysisContext } from "./context.js";
import { cascade, staticCriticality } from "./criticality.js";
import { extractForward } from "./io/extraction.js";
import { multipliersSparse } from "./io/leontief.js";
import { goodsTable } from "./io/views.js";
import type { WithholdTask } from "./leverage/withhold.js";
import { substitutability } from "./substitutability.js";
import type { Losses } from "./value-added.js";

export interface ChokepointRow {
  rank: number;
  actor: string;
  /** "state", "aggregate" (ROW) or "bloc" (the sum of its members). */
  kind: string;
  good: string;
  layer: string;
  /** Share of world output, 0–1. */
  share: number;
  /** HHI of the good's suppliers (states and ROW), 0–1. */
  hhi: number;
  /** Share of world value added in the modelled goods lost downstream without the good. */
  criticality: number;
  /** The same over the horizon in the engine, stocks drawn down. */
  criticalitySimulated: number;
  /** Share of the actor's output others could replace, averaged over the horizon, 0–1. */
  substitutability: number;
  stockMonths: number;
  /** share × criticality × (1 − substitutability). */
  score: number;
  /** share × criticalitySimulated × (1 − substitutability). */
  scoreSimulated: number;
}

export interface GoodCriticality {
  good: string;
  hhi: number;
  criticality: number;
  /** World value added lost downstream per year without the good, USD. */
  criticalValueAdded: number;
  criticalitySimulated: number;
  /** The linear input–output view (goods-level table in value): the Ghosh supply-side
   * multiplier (row sum of (I − B)⁻¹), and the share of the other goods' output lost when the
   * good's sales to them are extracted (forward hypothetical extraction). */
  supplyMultiplier: number;
  extractionShare: number;
}

export interface ChokepointTable {
  horizon: number;
  goods: GoodCriticality[];
  rows: ChokepointRow[];
}

export const CHOKEPOINT_SORT_KEYS = [
  "score",
  "scoreSimulated",
  "share",
  "hhi",
  "criticality",
  "criticalitySimulated",
  "substitutability",
] as const;
export type ChokepointSortKey = (typeof CHOKEPOINT_SORT_KEYS)[number];

/** One simulation per good: the good withheld from everyone, its makers included. */
export function chokepointTasks(ctx: AnalysisContext, horizon: number): WithholdTask[] {
  const all = Int32Array.from(ctx.net.actors, (_, i) => i);
  return ctx.net.goods.map((_, g) => ({
    from: all,
    to: all,
    goods: Int32Array.of(g),
    includeSelf: true,
    months: horizon,
  }));
}

export interface ChokepointOptions {
  horizon: number;
  /** Rows for these actor ids only (a bloc gives one row per good, its members summed). */
  actors?: readonly { id: string; kind: string; members: readonly string[] }[] | undefined;
  sort?: ChokepointSortKey;
}

export function chokepointTable(
  ctx: AnalysisContext,
  simulated: readonly Losses[],
  opts: ChokepointOptions,
): ChokepointTable {
  const { horizon } = opts;
  const stat = staticCriticality(ctx.recipes, ctx.worldValueAdded);
  let perMonth = 0;
  for (const v of ctx.baseValueAdded) perMonth += v;
  const table = goodsTable(ctx);
  const { supply } = multipliersSparse(table);
  const goods = ctx.goods.map((g, i): GoodCriticality => {
    const lost = simulated[i]!.byGood;
    const reach = cascade(ctx.recipes, new Map([[i, 1]]));
    let downstream = 0;
    lost.forEach((x, j) => {
      if (j !== i && reach[j]! > 0) downstream += x;
    });
    return {
      good: g.id,
      hhi: hhi(g.suppliers.map((s) => s.share)) ?? 0,
      criticality: stat.share[i]!,
      criticalValueAdded: stat.valueAddedLost[i]!,
      criticalitySimulated: perMonth > 0 ? downstream / (perMonth * horizon) : 0,
      supplyMultiplier: supply[i]!,
      extractionShare: extractForward(table, i).lostElsewhereShare,
    };
  });
  const who =
    opts.actors ??
    ctx.world.actors
      .filter((a) => a.kind !== "bloc")
      .map((a) => ({ id: a.id, kind: a.kind, members: [a.id] }));
  const rows: ChokepointRow[] = [];
  ctx.goods.forEach((g, i) => {
    // The economy's sectors are where chokepoints bite, not chokepoints of the chain.
    if (g.layer === "economy") return;
    const gc = goods[i]!;
    for (const w of who) {
      const members = new Set(w.members);
      const share = g.suppliers.reduce((s, x) => s + (members.has(x.actor) ? x.share : 0), 0);
      if (!(share > 0)) continue;
      const sigma = substitutability(g, members, horizon);
      rows.push({
        rank: 0,
        actor: w.id,
        kind: w.kind,
        good: g.id,
        layer: g.layer,
        share,
        hhi: gc.hhi,
        criticality: gc.criticality,
        criticalitySimulated: gc.criticalitySimulated,
        substitutability: sigma,
        stockMonths: g.stockMonths,
        score: share * gc.criticality * (1 - sigma),
        scoreSimulated: share * gc.criticalitySimulated * (1 - sigma),
      });
    }
  });
  const key = opts.sort ?? "score";
  rows.sort(
    (a, b) =>
      b[key] - a[key] ||
      b.score - a.score ||
      a.actor.localeCompare(b.actor) ||
      a.good.localeCompare(b.good),
  );
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });
  return { horizon, goods, rows };
}

/**
 * The rows of one actor (a bloc: its members summed, one row per good), each with the rank it
 * takes, or would take, in the world's table of states and ROW.
 */
export function chokepointRowsOf(
  ctx: AnalysisContext,
  simulated: readonly Losses[],
  actor: { id: string; kind: string; members: readonly string[] },
  opts: ChokepointOptions,
): ChokepointTable {
  const world = chokepointTable(ctx, simulated, { ...opts, actors: undefined });
  const own = chokepointTable(ctx, simulated, { ...opts, actors: [actor] });
  const key = opts.sort ?? "score";
  const rows = own.rows.map((r) => ({
    ...r,
    rank:
      1 +
      world.rows.filter((w) => w[key] > r[key] && !(w.actor === r.actor && w.good === r.good))
        .length,
  }));
  return { ...own, rows };
}
