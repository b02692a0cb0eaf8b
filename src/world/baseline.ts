/**
 * The baseline year of a world: every supplier's output, every actor's use of every good
 * (inputs to its production plus its final demand), and the flows from suppliers to users.
 * Flows follow a pooled market (each user buys from suppliers in proportion to their output),
 * with home bias or explicit bilateral flows as the seed where the data gives them, and balanced
 * by biproportional scaling (RAS) so that every supplier ships exactly its output and every user
 * receives exactly its use; on the routes of the export controls in force (`controls.ts`) no
 * flow may pass its control's share of the uncontrolled flow (`baseline-controls.ts`). A user
 * that the controls leave without enough allowed supply does without what it cannot get
 * (`controlled-margins.ts`); the baseline says so in its notes. All figures are central
 * values, per year.
 * @module
 */
import { type BaselineNote, controlledFlows, fmt, perYear } from "./baseline-controls.js";
import { passShares, standingControls } from "./controls.js";
import { finalShares } from "./final-demand.js";
import { balance, imbalance, seedFlows } from "./ras.js";
import { figure, type RealWorld } from "./realised.js";

import { supplierShare } from "./shares.js";

export type { BaselineNote } from "./baseline-controls.js";
export { finalShares } from "./final-demand.js";

export interface GoodBaseline {
  good: string;
  /** Supplier actor ids and their yearly output. */
  suppliers: string[];
  output: Float64Array;
  /** User actor ids and their yearly use (intermediate + final). */
  users: string[];
  use: Float64Array;
  /** Of each user's use, the part that is final demand. */
  finalUse: Float64Array;
  /** Per user: the share of its recipe need for the good that the baseline keeps (1, unless
   * the export controls in force leave it without enough allowed supply). */
  needScale: Float64Array;
  /** flows[s * users.length + u]: yearly volume from supplier s to user u. */
  flows: Float64Array;
}

export interface Baseline {
  goods: GoodBaseline[];
  /** Final demand per good id and actor id, units per year. */
  finalDemand: Map<string, Map<string, number>>;
  notes: BaselineNote[];
}

export interface BaselineOptions {
  /** Apply the export controls in force at the world's as-of date (default true). */
  controls?: boolean;
}

export function baselineOf(world: RealWorld, options: BaselineOptions = {}): Baseline {
  const goodIndex = new Map(world.goods.map((g, i) => [g.id, i]));
  const output = world.goods.map(() => new Map<string, number>());
  for (const s of world.suppliers) {
    const i = goodIndex.get(s.good);
    const good = i === undefined ? undefined : world.goods[i];
    if (i === undefined || !good) continue;
    output[i]!.set(
      s.actor,
      (output[i]!.get(s.actor) ?? 0) + supplierShare(s, good) * figure(good.globalOutput),
    );
  }
  // Intermediate use: a_ij × x_{b,j} summed over the goods j that actor b makes.
  const use = world.goods.map(() => new Map<string, number>());
  world.goods.forEach((g, j) => {
    for (const r of g.recipe ?? []) {
      const i = goodIndex.get(r.input);
      if (i === undefined) continue;
      for (const [actor, x] of output[j]!)
        use[i]!.set(actor, (use[i]!.get(actor) ?? 0) + figure(r.perUnit) * x);
    }
  });
  const finalDemand = new Map<string, Map<string, number>>();
  world.goods.forEach((g, i) => {
    let intermediate = 0;
    for (const v of use[i]!.values()) intermediate += v;
    const total = Math.max(0, figure(g.globalOutput) - intermediate);
    const shares = finalShares(world, g.id, g.demandBy);
    const fd = new Map<string, number>();
    for (const [actor, share] of shares) if (share > 0) fd.set(actor, share * total);
    finalDemand.set(g.id, fd);
  });

  const standing = options.controls === false ? [] : standingControls(world);
  const notes: BaselineNote[] = [];
  const goods = world.goods.map((g, i): GoodBaseline => {
    const suppliers = [...output[i]!.keys()];
    const out = Float64Array.from(suppliers.map((a) => output[i]!.get(a)!));
    const fd = finalDemand.get(g.id)!;
    const userSet = new Set([...use[i]!.keys(), ...fd.keys()]);
    const users = world.actors.map((a) => a.id).filter((id) => userSet.has(id));
    const u = Float64Array.from(users.map((a) => (use[i]!.get(a) ?? 0) + (fd.get(a) ?? 0)));
    const finalUse = Float64Array.from(users.map((a) => fd.get(a) ?? 0));
    const needScale = new Float64Array(users.length).fill(1);
    const homeBias = figure(g.homeBias ?? 0);
    const pass = passShares(standing, g.id, suppliers, users);
    const gb: GoodBaseline = {
      good: g.id,
      suppliers,
      output: out,
      users,
      use: u,
      finalUse,
      needScale,
      flows: new Float64Array(0),
    };
    let flows: Float64Array;
    if (pass) flows = controlledFlows(world, g, gb, pass, standing, notes);
    else {
      flows = seedFlows(world, g.id, homeBias, suppliers, out, users, u);
      balance(flows, out, u);
    }
    const residual = imbalance(flows, out, u);
    if (residual > UNBALANCED) {
      const sum = (xs: Float64Array) => xs.reduce((a, x) => a + x, 0);
      notes.push({
        good: g.id,
        kind: "unbalanced",
        controls: [],
        text: `${g.id}: RAS leaves the baseline flows unbalanced (largest relative gap ${residual.toPrecision(3)}); outputs add up to ${fmt(sum(out))} and uses to ${fmt(sum(u))} ${perYear(g.unit)}${pass ? ", over the routes the controls allow" : ""}`,
      });
    }
    if (pass)
      finalDemand.set(
        g.id,
        new Map(users.flatMap((a, k) => (finalUse[k]! > 0 ? [[a, finalUse[k]!]] : []))),
      );
    gb.flows = flows;
    return gb;
  });
  return { goods, finalDemand, notes };
}

/** A relative gap between a row or column sum and its total above this is reported. */
const UNBALANCED = 1e-9;

/** Yearly value (price × volume, USD) of the baseline flows of `goods` from `from` to `to`. */
export function tradeValue(
  world: RealWorld,
  baseline: Baseline,
  from: ReadonlySet<string>,
  to: ReadonlySet<string>,
  goods: readonly string[],
): number {
  let value = 0;
  for (const gb of baseline.goods) {
    if (!goods.includes(gb.good)) continue;
    const good = world.goods.find((g) => g.id === gb.good)!;
    const price = figure(good.pricePerUnit);
    const U = gb.users.length;
    gb.suppliers.forEach((s, si) => {
      if (!from.has(s)) return;
      gb.users.forEach((u, ui) => {
        if (to.has(u) && u !== s) value += gb.flows[si * U + ui]! * price;
      });
    });
  }
  return value;
}
