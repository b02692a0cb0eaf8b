/**
 * Value added by origin (the Leontief decomposition of trade in value added: OECD TiVA;
 * Johnson & Noguera 2012; Koopman, Wang & Wei 2014): a value placed on the network's nodes, f
 * (final demand, or a good's output, USD a year), needs the gross output x = (I − A)⁻¹ f of
 * every node, and embodies node k's value added ω_k x_k; the value of the inputs no recipe lists
 * is ρ_k x_k. Because every column of A, ω and ρ adds up to 1, Σ_k (ω_k + ρ_k) x_k = Σ_k f_k:
 * what a value embodies adds up to the value (docs/model.md §8).
 * @module
 */
import { type SolveOptions, solveLeontief } from "../analysis/io/sparse.js";
import type { Structure, ValueCoefficients } from "./structure.js";

export interface Embodied {
  /** Per origin node: its value added embodied, USD a year. */
  valueAdded: Float64Array;
  /** Per origin node: the value of unlisted inputs its output embodies, USD a year. */
  untraced: Float64Array;
  /** The gross output (value) that the placed value needs, per node. */
  gross: Float64Array;
}

/** What a value placed on the nodes (`f`, USD) embodies, by origin node. */
export function embodied(vc: ValueCoefficients, f: Float64Array, opts?: SolveOptions): Embodied {
  const n = f.length;
  let gross: Float64Array;
  if (f.every((v) => v === 0)) gross = new Float64Array(n);
  else gross = solveLeontief(vc.a, f, opts).x;
  const valueAdded = Float64Array.from(gross, (x, k) => vc.own[k]! * x);
  const untraced = Float64Array.from(gross, (x, k) => vc.untraced[k]! * x);
  return { valueAdded, untraced, gross };
}

/** The final demand of the actors in `buyers` (network actor indices) as a value per supplier
 * node, USD a year: each pool's final demand at its good's price, from its suppliers in
 * proportion to their shares σ. `buyers` undefined: every actor's (world final demand). */
export function finalDemandValue(s: Structure, buyers?: ReadonlySet<number>): Float64Array {
  const { net } = s;
  const f = new Float64Array(net.nodeCount);
  for (let q = 0; q < net.poolCount; q++) {
    const d = s.final[q]!;
    if (d === 0 || (buyers && !buyers.has(net.poolActor[q]!))) continue;
    const price = net.goodPrice[net.poolGood[q]!]!;
    for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
      const e = net.poolEdges[i]!;
      const sigma = s.supply[e]!;
      if (sigma !== 0) f[net.edgeNode[e]!] += 12 * price * d * sigma;
    }
  }
  return f;
}

/** The output value (USD a year) of the nodes `pick` selects, as a value per node. */
export function outputValue(s: Structure, pick: (k: number) => boolean): Float64Array {
  const { net } = s;
  return Float64Array.from(s.output, (x, k) =>
    pick(k) ? 12 * x * net.goodPrice[net.nodeGood[k]!]! : 0,
  );
}

/** Sums of a per-node vector by actor and by good. */
export function byActorAndGood(
  s: Structure,
  v: Float64Array,
): { byActor: Float64Array; byGood: Float64Array } {
  const { net } = s;
  const byActor = new Float64Array(net.actors.length);
  const byGood = new Float64Array(net.goods.length);
  for (let k = 0; k < net.nodeCount; k++) {
    const x = v[k]!;
    if (x === 0) continue;
    byActor[net.nodeActor[k]!] += x;
    byGood[net.nodeGood[k]!] += x;
  }
  return { byActor, byGood };
}

/** Σ of a vector. */
export function total(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x;
  return s;
}
