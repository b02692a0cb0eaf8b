/**
 * Automation paths as comparative statics (docs/model.md §8). In year t of the path (t = 0 the
 * base year) a maker j of an automated good with rate r has automated τ = 1 − (1 − r)^t of its
 * own value added per unit: δ_j = τ va⁰_j moves to the AI inputs, input i getting the share w_i
 * (a_ij += w_i δ_j / p_i units per unit), at an unchanged price; the recipe's criticality of
 * input i becomes max(c⁰, κ_i τ). Sourcing policies move a share of some buyers' supply of a
 * good to chosen suppliers, linearly from their start year to their `by` year. Final demand is
 * held at the base year's; outputs follow from the Leontief system of the year's structure,
 * x = x⁰ + (I − M)⁻¹ [(M − M⁰) x⁰ + (g − g⁰)] (M: units of node k per unit of node j through
 * the pools' shares; g: final demand from each node), so a year whose structure equals the
 * base year's keeps the base year's outputs exactly.
 * @module
 */
import { solveLeontief } from "../analysis/io/sparse.js";
import { InputError } from "../diagnostics/errors.js";
import type { RealWorld } from "../world/realised.js";
import type { Structure } from "./structure.js";

export interface AutomationPlan {
  baseYear: number;
  /** Per good: its automation rate per year (0 where it does not automate). */
  rate: Float64Array;
  /** The AI inputs: good index, share of the moved value, criticality when fully automated. */
  inputs: { good: number; share: number; criticality: number }[];
  policies: SourcingPlan[];
}

export interface SourcingPlan {
  id: string;
  good: number;
  /** Network actor indices. */
  buyers: ReadonlySet<number>;
  from: ReadonlySet<number>;
  share: number;
  start: number;
  by: number;
}

/** The world with every AI input in every automated good's recipe (at 0 units where the recipe
 * lacks it), so that the network has the recipe links and pools automation will use. Changes
 * no baseline figure. */
export function withAiInputs(
  world: RealWorld,
  goods: ReadonlySet<string>,
  inputs: readonly string[],
): RealWorld {
  return {
    ...world,
    goods: world.goods.map((g) => {
      if (!goods.has(g.id)) return g;
      const have = new Set((g.recipe ?? []).map((r) => r.input));
      const add = inputs
        .filter((i) => !have.has(i))
        .map((input) => ({ input, perUnit: 0, criticality: 0 }));
      return add.length === 0 ? g : { ...g, recipe: [...(g.recipe ?? []), ...add] };
    }),
  };
}

/** The linear ramp of a policy in `year`: 0 before its start, 1 from its `by` year. */
export function ramp(p: Pick<SourcingPlan, "start" | "by">, year: number): number {
  if (year <= p.start) return year >= p.by ? 1 : 0;
  if (year >= p.by) return 1;
  return (year - p.start) / (p.by - p.start);
}

/** The structure of `year` on the path from `base` (the base year's structure). */
export function yearStructure(base: Structure, plan: AutomationPlan, year: number): Structure {
  const { net } = base;
  const t = year - plan.baseYear;
  const coef = Float64Array.from(base.coef);
  const crit = Float64Array.from(base.crit);
  const ownVa = Float64Array.from(base.ownVa);
  const supply = Float64Array.from(base.supply);
  let changed = false;
  if (t > 0) {
    for (let j = 0; j < net.nodeCount; j++) {
      const r = plan.rate[net.nodeGood[j]!]!;
      if (!(r > 0) || !(base.ownVa[j]! > 0)) continue;
      const tau = 1 - (1 - r) ** t;
      const delta = base.ownVa[j]! * tau;
      ownVa[j] = base.ownVa[j]! - delta;
      for (const input of plan.inputs) {
        const l = linkOf(base, j, input.good);
        coef[l] = coef[l]! + (input.share * delta) / net.goodPrice[input.good]!;
        crit[l] = Math.max(crit[l]!, input.criticality * tau);
      }
      changed = true;
    }
  }
  for (const p of plan.policies) {
    const k = ramp(p, year);
    if (k > 0 && shiftSourcing(base, supply, p, k)) changed = true;
  }
  if (!changed) return base;
  const s: Structure = { ...base, coef, crit, ownVa, supply };
  s.output = outputsOf(base, s);
  return s;
}

/** The recipe link of node j on its pool of good g. */
function linkOf(s: Structure, j: number, g: number): number {
  const { net } = s;
  for (let l = net.linkStart[j]!; l < net.linkStart[j + 1]!; l++)
    if (net.poolGood[net.linkPool[l]!] === g) return l;
  throw InputError.single(
    "no-link",
    `${net.nodeId[j]} has no recipe link to ${net.goods[g]}; the network must be compiled from withAiInputs(world)`,
  );
}

/** Moves the share of each buyer pool's supply from the policy's suppliers towards its target
 * (never down). Returns whether any share changed. */
function shiftSourcing(base: Structure, supply: Float64Array, p: SourcingPlan, k: number): boolean {
  const { net } = base;
  let changed = false;
  for (let q = 0; q < net.poolCount; q++) {
    if (net.poolGood[q] !== p.good || !p.buyers.has(net.poolActor[q]!)) continue;
    const from = net.poolEdgeStart[q]!;
    const to = net.poolEdgeStart[q + 1]!;
    let s0 = 0;
    let out = 0;
    for (let i = from; i < to; i++) {
      const e = net.poolEdges[i]!;
      const n = net.edgeNode[e]!;
      if (!p.from.has(net.nodeActor[n]!)) continue;
      s0 += supply[e]!;
      out += net.nodeBase[n]!;
    }
    const target = Math.max(s0, p.share);
    const s = s0 + (target - s0) * k;
    if (!(s > s0) || (s0 === 0 && !(out > 0))) continue;
    for (let i = from; i < to; i++) {
      const e = net.poolEdges[i]!;
      const n = net.edgeNode[e]!;
      if (p.from.has(net.nodeActor[n]!))
        supply[e] = s0 > 0 ? (supply[e]! * s) / s0 : (s * net.nodeBase[n]!) / out;
      else supply[e] = s0 < 1 ? (supply[e]! * (1 - s)) / (1 - s0) : 0;
    }
    changed = true;
  }
  return changed;
}

/** The pools' needs (units a month) at outputs `x`, with the coefficients of `s`. */
function needs(s: Structure, x: Float64Array): Float64Array {
  const { net } = s;
  const need = Float64Array.from(s.final);
  for (let j = 0; j < net.nodeCount; j++)
    for (let l = net.linkStart[j]!; l < net.linkStart[j + 1]!; l++)
      need[net.linkPool[l]!] += s.coef[l]! * x[j]!;
  return need;
}

/** Outputs of the year's structure: x⁰ + Δ, (I − M) Δ = (what the nodes ship at x⁰ with the
 * year's coefficients and shares) − (with the base year's). */
function outputsOf(base: Structure, s: Structure): Float64Array {
  const { net } = s;
  const N = net.nodeCount;
  const x0 = base.output;
  const needNew = needs(s, x0);
  const needOld = needs(base, x0);
  const rhs = new Float64Array(N);
  for (let e = 0; e < net.edgePool.length; e++) {
    const q = net.edgePool[e]!;
    rhs[net.edgeNode[e]!] += s.supply[e]! * needNew[q]! - base.supply[e]! * needOld[q]!;
  }
  // M in CSR by supplier node k: M_kj = Σ σ_e a_l over its edges e into pools q and the links l
  // of node j on q.
  const rowStart = new Int32Array(N + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let k = 0; k < N; k++) {
    const row = new Map<number, number>();
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
      const sigma = s.supply[e]!;
      if (sigma === 0) continue;
      const q = net.edgePool[e]!;
      for (let i = net.poolLinkStart[q]!; i < net.poolLinkStart[q + 1]!; i++) {
        const l = net.poolLinks[i]!;
        const a = s.coef[l]!;
        if (a === 0) continue;
        const j = net.linkNode[l]!;
        row.set(j, (row.get(j) ?? 0) + sigma * a);
      }
    }
    for (const [j, v] of row) {
      cols.push(j);
      vals.push(v);
    }
    rowStart[k + 1] = cols.length;
  }
  const m = { n: N, rowStart, col: Int32Array.from(cols), val: Float64Array.from(vals) };
  const delta = rhs.every((v) => v === 0) ? rhs : solveLeontief(m, rhs).x;
  return Float64Array.from(x0, (x, k) => Math.max(0, x + delta[k]!));
}
