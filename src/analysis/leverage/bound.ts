/**
 * A cheap, deliberately pessimistic estimate of the value added a target loses when some
 * actors withhold everything they ship to it, used to decide which pairs of the leverage matrix
 * need a simulation.
 *
 * It runs the engine's input rule over the target's own nodes and pools only, month by month,
 * with most of what helps the target left out: stocks are drawn down but never refilled, needs
 * stay at baseline, nothing ramps up, a shortfall of the target's own industry passes on to its
 * own pools at once, and third countries' spare capacity (capacity − baseline output of the
 * nodes of neither side) replaces withheld supply only from month `SUBSTITUTION_LAG + 1`, shared
 * over the target's pools of the good in proportion to what they lost. With W_q the withheld
 * monthly receipts of pool q, c_g = min(1, spare_g / Σ_{q of g} W_q) the part that spare capacity
 * covers, receipts R_q(t) = R⁰_q − W_q (1 − c_g [t > lag]) − Σ_{k of the target} v⁰_kq (1 − y_k),
 * stock S_q, φ_q = min(1, (S_q + R_q) / N⁰_q) and y_k = min over k's inputs of 1 − c (1 − φ),
 * the supply-side estimate is Σ_t Σ_k (1 − y_k(t)) x⁰_k va_k, plus the final use the target's
 * pools fail to serve with its consumer surplus, Σ_t Σ_q p_g f⁰_q (1 − φ_q)(1 + (1 − φ_q)/(2ε_g))
 * (the total loss measure counts final use lost; counting it on top of the production it
 * embodies keeps the estimate pessimistic), plus the value of the stocks drawn,
 * Σ_t Σ_q p_g (S_q(t − 1) − S_q(t)), which the total measure counts as used up. To it is added
 * the demand side:
 * the target's value added lost because the withholder, making less, buys less of its inputs
 * (`cost.ts`, the target's part of the Leontief demand cascade).
 *
 * The gain is the most the target's own industry could add: withheld orders go to suppliers
 * with spare capacity in proportion to it — third countries, and for a bloc its other members
 * (spare s_g inside, S_g outside) — and what they cannot take may end with the target's own
 * industry up to its spare and ramp-up capacity: with P_g = min(W_g, S_g + s_g),
 * T × Σ_g [P_g s_g / (S_g + s_g) + min(W_g − P_g, K_g (1 + max_g) − x⁰_g)] va_g (s_g = 0 for
 * a single state, whose blocked orders never go to its own industry).
 *
 * It is not a proof: it ignores what third countries lose and pass back. The lag is
 * set so that on the default world no simulated loss exceeds it by more than 10⁻⁴ of the
 * target's value added (bench/analysis/README.md), and the tests check on random worlds that
 * screening misses no pair above the threshold.
 * @module
 */
import type { Network } from "../../network/network.js";
import { type DemandLoss, demandLoss } from "./cost.js";
import type { WithholdTask } from "./withhold.js";

/** Months before third countries' spare capacity is counted as replacing withheld supply. */
export const SUBSTITUTION_LAG = 4;

export interface Estimate {
  /** Pessimistic value added the target loses (supply side + demand side), USD. */
  loss: number;
  /** The most the target's own industry could gain by replacing what third countries cannot. */
  gain: number;
  /** The demand cascade (also the withholder's first-order cost). */
  demand: DemandLoss;
}

/** Whether an estimate reaches `limit` (USD) either way; a limit of 0 or less takes all. */
export function material(e: Estimate, limit: number): boolean {
  return limit <= 0 || e.loss >= limit || e.gain >= limit;
}

/** The estimate for a task (its goods only, when it names some), USD over its months. */
export function damageBound(net: Network, task: WithholdTask, inverse?: Float64Array): number {
  return estimateWithholding(net, task, inverse).loss;
}

export function estimateWithholding(
  net: Network,
  task: WithholdTask,
  inverse?: Float64Array,
): Estimate {
  const { from, to, months } = task;
  const isFrom = new Uint8Array(net.actors.length);
  const isTo = new Uint8Array(net.actors.length);
  for (const a of from) isFrom[a] = 1;
  for (const b of to) isTo[b] = 1;
  const goods = task.goods ? new Set(task.goods) : undefined;
  const pools: number[] = [];
  const nodes: number[] = [];
  for (let q = 0; q < net.poolCount; q++) if (isTo[net.poolActor[q]!]) pools.push(q);
  for (let k = 0; k < net.nodeCount; k++) if (isTo[net.nodeActor[k]!]) nodes.push(k);
  const withheld = new Float64Array(pools.length);
  const stock = new Float64Array(pools.length);
  // Own supply: (pool slot, node, baseline volume) triples.
  const own: number[] = [];
  pools.forEach((q, i) => {
    for (let j = net.poolEdgeStart[q]!; j < net.poolEdgeStart[q + 1]!; j++) {
      const e = net.poolEdges[j]!;
      const k = net.edgeNode[e]!;
      const a = net.nodeActor[k]!;
      if (isFrom[a] && !isTo[a] && (!goods || goods.has(net.poolGood[q]!)))
        withheld[i] = withheld[i]! + net.edgeBase[e]!;
      else if (isTo[a]) own.push(i, k, net.edgeBase[e]!);
    }
    stock[i] = net.poolStockMonths[q]! * net.poolBase[q]!;
  });
  // Spare capacity of third countries per good, and the share of the withheld supply it covers.
  const spare = new Float64Array(net.goods.length);
  for (let k = 0; k < net.nodeCount; k++) {
    const a = net.nodeActor[k]!;
    if (isFrom[a] || isTo[a]) continue;
    const room = net.nodeCapacity[k]! - net.nodeBase[k]!;
    if (room > 0) spare[net.nodeGood[k]!] = spare[net.nodeGood[k]!]! + room;
  }
  const lostByGood = new Float64Array(net.goods.length);
  pools.forEach((q, i) => {
    lostByGood[net.poolGood[q]!] = lostByGood[net.poolGood[q]!]! + withheld[i]!;
  });
  const cover = Float64Array.from(lostByGood, (w, g) => (w > 0 ? Math.min(1, spare[g]! / w) : 0));
  const slot = new Int32Array(net.poolCount).fill(-1);
  pools.forEach((q, i) => {
    slot[q] = i;
  });
  const ratio = new Float64Array(net.nodeCount).fill(1);
  const phi = new Float64Array(pools.length);
  const shortOwn = new Float64Array(pools.length);
  let lost = 0;
  for (let t = 0; t < months; t++) {
    shortOwn.fill(0);
    for (let j = 0; j < own.length; j += 3)
      shortOwn[own[j]!] = shortOwn[own[j]!]! + own[j + 2]! * (1 - ratio[own[j + 1]!]!);
    const late = t >= SUBSTITUTION_LAG;
    pools.forEach((q, i) => {
      const need = net.poolBase[q]!;
      const cut = late ? withheld[i]! * (1 - cover[net.poolGood[q]!]!) : withheld[i]!;
      const available = stock[i]! + need - cut - shortOwn[i]!;
      phi[i] = need > 0 ? Math.min(1, Math.max(0, available) / need) : 1;
      const before = stock[i]!;
      stock[i] = Math.max(0, available - need);
      // Stocks used up are lost to the total measure too (never refilled here).
      if (before > stock[i]!) lost += net.goodPrice[net.poolGood[q]!]! * (before - stock[i]!);
      const short = 1 - phi[i]!;
      const f0 = net.poolFinal[q]!;
      if (short > 0 && f0 > 0) {
        const g = net.poolGood[q]!;
        lost += net.goodPrice[g]! * f0 * short * (1 + short / (2 * net.goodElasticity[g]!));
      }
    });
    for (const k of nodes) {
      let y = 1;
      for (let l = net.linkStart[k]!; l < net.linkStart[k + 1]!; l++) {
        const i = slot[net.linkPool[l]!]!;
        const v = 1 - net.linkCrit[l]! * (1 - phi[i]!);
        if (v < y) y = v;
      }
      ratio[k] = y;
      lost += (1 - y) * net.nodeBase[k]! * net.goodValueAdded[net.nodeGood[k]!]!;
    }
  }
  // Gains: blocked orders go to suppliers with spare capacity in proportion to it, and a
  // bloc's other members are such suppliers for each member; what spare capacity cannot take
  // may end with the target's own industry, up to its spare and ramp-up capacity.
  const ownSpare = new Float64Array(net.goods.length);
  const room = new Float64Array(net.goods.length);
  for (const k of nodes) {
    const g = net.nodeGood[k]!;
    ownSpare[g] = ownSpare[g]! + Math.max(0, net.nodeCapacity[k]! - net.nodeBase[k]!);
    const r = net.nodeCapacity[k]! * (1 + net.rampMax[g]!) - net.nodeBase[k]!;
    if (r > 0) room[g] = room[g]! + r;
  }
  const bloc = to.length > 1;
  let gain = 0;
  lostByGood.forEach((w, g) => {
    const reach = spare[g]! + (bloc ? ownSpare[g]! : 0);
    const placed = Math.min(w, reach);
    const inside = bloc && reach > 0 ? (placed * ownSpare[g]!) / reach : 0;
    gain += (inside + Math.min(w - placed, room[g]!)) * net.goodValueAdded[g]!;
  });
  const demand = demandLoss(net, from, to, months, goods, inverse);
  return { loss: lost + demand.target, gain: gain * months, demand };
}
