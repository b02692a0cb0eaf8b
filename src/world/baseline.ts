/**
 * The baseline year of a world: every supplier's output, every actor's use of every good
 * (inputs to its production plus its final demand), and the flows from suppliers to users.
 * Flows follow a pooled market (each user buys from suppliers in proportion to their output),
 * with home bias or explicit bilateral flows as the seed where the data gives them, balanced by
 * biproportional scaling (RAS) so that every supplier ships exactly its output and every user
 * receives exactly its use. All figures are central values, per year.
 * @module
 */
import { central } from "./quantity.js";
import type { Actor, World } from "./schema.js";
import { supplierShare } from "./shares.js";

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
  /** flows[s * users.length + u]: yearly volume from supplier s to user u. */
  flows: Float64Array;
}

export interface Baseline {
  goods: GoodBaseline[];
  /** Final demand per good id and actor id, units per year. */
  finalDemand: Map<string, Map<string, number>>;
}

const RAS_MAX_ITERATIONS = 1000;
const RAS_TOLERANCE = 1e-12;

export function baselineOf(world: World): Baseline {
  const goodIndex = new Map(world.goods.map((g, i) => [g.id, i]));
  const output = world.goods.map(() => new Map<string, number>());
  for (const s of world.suppliers) {
    const i = goodIndex.get(s.good);
    const good = i === undefined ? undefined : world.goods[i];
    if (i === undefined || !good) continue;
    output[i]!.set(
      s.actor,
      (output[i]!.get(s.actor) ?? 0) + supplierShare(s, good) * central(good.globalOutput),
    );
  }
  // Intermediate use: a_ij × x_{b,j} summed over the goods j that actor b makes.
  const use = world.goods.map(() => new Map<string, number>());
  world.goods.forEach((g, j) => {
    for (const r of g.recipe ?? []) {
      const i = goodIndex.get(r.input);
      if (i === undefined) continue;
      for (const [actor, x] of output[j]!)
        use[i]!.set(actor, (use[i]!.get(actor) ?? 0) + central(r.perUnit) * x);
    }
  });
  const finalDemand = new Map<string, Map<string, number>>();
  world.goods.forEach((g, i) => {
    let intermediate = 0;
    for (const v of use[i]!.values()) intermediate += v;
    const total = Math.max(0, central(g.globalOutput) - intermediate);
    const shares = finalShares(world, g.id, g.demandBy);
    const fd = new Map<string, number>();
    for (const [actor, share] of shares) if (share > 0) fd.set(actor, share * total);
    finalDemand.set(g.id, fd);
  });

  const goods = world.goods.map((g, i): GoodBaseline => {
    const suppliers = [...output[i]!.keys()];
    const out = Float64Array.from(suppliers.map((a) => output[i]!.get(a)!));
    const fd = finalDemand.get(g.id)!;
    const userSet = new Set([...use[i]!.keys(), ...fd.keys()]);
    const users = world.actors.map((a) => a.id).filter((id) => userSet.has(id));
    const u = Float64Array.from(users.map((a) => (use[i]!.get(a) ?? 0) + (fd.get(a) ?? 0)));
    const finalUse = Float64Array.from(users.map((a) => fd.get(a) ?? 0));
    const flows = seedFlows(world, g.id, central(g.homeBias ?? 0), suppliers, out, users, u);
    balance(flows, out, u);
    return { good: g.id, suppliers, output: out, users, use: u, finalUse, flows };
  });
  return { goods, finalDemand };
}

/** Each actor's share of a good's final demand: its row, and the rest shared by the key. */
export function finalShares(
  world: World,
  good: string,
  key: World["goods"][number]["demandBy"],
): Map<string, number> {
  const out = new Map<string, number>();
  let given = 0;
  for (const d of world.demand) {
    if (d.good !== good) continue;
    out.set(d.actor, (out.get(d.actor) ?? 0) + central(d.share));
    given += central(d.share);
  }
  const rest = 1 - given;
  if (key === undefined || rest <= 0) return out;
  const weights = world.actors
    .filter((a) => a.kind !== "bloc" && !out.has(a.id))
    .map((a) => [a.id, keyWeight(a, key)] as const);
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  if (sum <= 0) return out;
  for (const [id, w] of weights) if (w > 0) out.set(id, (rest * w) / sum);
  return out;
}

function keyWeight(a: Actor, key: NonNullable<World["goods"][number]["demandBy"]>): number {
  if (key === "population") return a.population === undefined ? 0 : central(a.population);
  const gdp = a.gdp === undefined ? 0 : central(a.gdp);
  if (key === "gdp") return gdp;
  return a.manufacturingShare === undefined ? 0 : gdp * central(a.manufacturingShare);
}

function seedFlows(
  world: World,
  good: string,
  homeBias: number,
  suppliers: string[],
  output: Float64Array,
  users: string[],
  use: Float64Array,
): Float64Array {
  const S = suppliers.length;
  const U = users.length;
  const flows = new Float64Array(S * U);
  let total = 0;
  for (const x of output) total += x;
  const explicit = world.flows.filter((f) => f.good === good);
  for (let u = 0; u < U; u++) {
    const user = users[u]!;
    const given = explicit.filter((f) => f.to === user);
    if (given.length > 0) {
      for (const f of given) {
        const s = suppliers.indexOf(f.from);
        if (s >= 0) flows[s * U + u] = central(f.volume);
      }
      continue;
    }
    const home = suppliers.indexOf(user);
    for (let s = 0; s < S; s++) {
      const share = total > 0 ? output[s]! / total : 0;
      const w = home >= 0 ? (1 - homeBias) * share + (s === home ? homeBias : 0) : share;
      flows[s * U + u] = w * use[u]!;
    }
  }
  return flows;
}

/** Scales rows to `rowTotals` and columns to `colTotals` in turn until both hold (RAS). */
function balance(flows: Float64Array, rowTotals: Float64Array, colTotals: Float64Array) {
  const S = rowTotals.length;
  const U = colTotals.length;
  for (let it = 0; it < RAS_MAX_ITERATIONS; it++) {
    let worst = 0;
    for (let s = 0; s < S; s++) {
      let sum = 0;
      for (let u = 0; u < U; u++) sum += flows[s * U + u]!;
      if (sum > 0) {
        const f = rowTotals[s]! / sum;
        worst = Math.max(worst, Math.abs(f - 1));
        for (let u = 0; u < U; u++) flows[s * U + u] = flows[s * U + u]! * f;
      }
    }
    for (let u = 0; u < U; u++) {
      let sum = 0;
      for (let s = 0; s < S; s++) sum += flows[s * U + u]!;
      if (sum > 0) {
        const f = colTotals[u]! / sum;
        worst = Math.max(worst, Math.abs(f - 1));
        for (let s = 0; s < S; s++) flows[s * U + u] = flows[s * U + u]! * f;
      }
    }
    if (worst < RAS_TOLERANCE) return;
  }
}

/** Yearly value (price × volume, USD) of the baseline flows of `goods` from `from` to `to`. */
export function tradeValue(
  world: World,
  baseline: Baseline,
  from: ReadonlySet<string>,
  to: ReadonlySet<string>,
  goods: readonly string[],
): number {
  let value = 0;
  for (const gb of baseline.goods) {
    if (!goods.includes(gb.good)) continue;
    const good = world.goods.find((g) => g.id === gb.good)!;
    const price = central(good.pricePerUnit);
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
