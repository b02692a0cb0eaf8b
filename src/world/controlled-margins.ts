/**
 * The margins of a controlled good's baseline year. Outputs are data and never change; what
 * changes is who can use them. A user left with no allowed supplier does without the good: its
 * need is dropped (its nodes' recipe need for it, and its final demand). A user whose allowed
 * suppliers cannot give it all it uses (with everyone else served too, and no capped route
 * carrying more than its cap allows) has its need scaled to what they can give. Either way the
 * output thus freed goes to the final use of the users who can still buy it, in proportion to
 * their final demand (or their use where none has final demand), so that outputs and uses still
 * add up and RAS can balance the flows (docs/model.md).
 * @module
 */
import { deficientSet, maxFlow, type Transport, unusableRoutes } from "./transport.js";

export interface Margins {
  output: Float64Array;
  /** Per user: use (intermediate + final), final use, and the share of its need kept. */
  use: Float64Array;
  finalUse: Float64Array;
  needScale: Float64Array;
  /** Per user: weight in absorbing freed output (its share of the good's final demand). */
  finalWeight: Float64Array;
}

export interface Adjustment {
  user: number;
  kind: "dropped" | "scaled";
  /** Use before and after, units a year. */
  before: number;
  after: number;
}

export interface Fitted {
  adjustments: Adjustment[];
  /** Output no user can take (every user cut off), units a year. */
  unsold: number;
  /** What users still lack after the adjustments (0 unless the problem stayed infeasible). */
  shortfall: number;
  /** Allowed routes no feasible plan uses (to be zeroed in the seed). */
  unusable: Uint8Array;
}

/**
 * Adjusts `m` in place so that the transportation problem over `allowed` is feasible, and
 * returns what it changed. `allowed[s × U + u]` = 1 where the seed may carry flow, and
 * `capacity[s × U + u]`, where given, is the most that route may carry (Infinity: no bound).
 */
export function fitMargins(m: Margins, allowed: Uint8Array, capacity?: Float64Array): Fitted {
  const S = m.output.length;
  const U = m.use.length;
  let total = 0;
  for (const x of m.output) total += x;
  const tol = 1e-12 * total;
  const adjustments: Adjustment[] = [];
  const before = Float64Array.from(m.use);
  let unsold = 0;

  const blocked = new Uint8Array(U);
  let freed = 0;
  for (let u = 0; u < U; u++) {
    if (!(m.use[u]! > 0)) continue;
    let any = false;
    for (let s = 0; s < S && !any; s++) any = allowed[s * U + u] === 1 && m.output[s]! > 0;
    if (any) continue;
    blocked[u] = 1;
    freed += m.use[u]!;
    m.use[u] = 0;
    m.finalUse[u] = 0;
    m.needScale[u] = 0;
  }
  if (freed > 0) unsold += absorb(m, freed, (u) => blocked[u] !== 1);

  const t: Transport = { allowed, supply: m.output, demand: m.use, tol };
  if (capacity) t.capacity = capacity;
  const touched = new Uint8Array(blocked);
  let plan = maxFlow(t);
  for (let round = 0; round <= U && plan.shortfall > tol * U; round++) {
    const set = deficientSet(t, plan);
    // What the set's users can receive (the minimum cut): all its suppliers make, and what the
    // capped routes from the other suppliers carry at their caps.
    let give = 0;
    let want = 0;
    for (const s of set.suppliers) give += m.output[s]!;
    if (capacity) give += cappedInflow(allowed, capacity, S, set);
    for (const u of set.users) want += m.use[u]!;
    const k = want > 0 ? Math.min(1, give / want) : 1;
    const inSet = new Uint8Array(U);
    for (const u of set.users) {
      inSet[u] = 1;
      touched[u] = 1;
      m.use[u] = m.use[u]! * k;
      m.finalUse[u] = m.finalUse[u]! * k;
      m.needScale[u] = m.needScale[u]! * k;
    }
    unsold += absorb(m, want - give, (u) => inSet[u] !== 1 && blocked[u] !== 1);
    plan = maxFlow(t);
  }
  for (let u = 0; u < U; u++) {
    if (touched[u] !== 1) continue;
    const kind = blocked[u] === 1 ? "dropped" : "scaled";
    adjustments.push({ user: u, kind, before: before[u]!, after: m.use[u]! });
  }
  const shortfall = plan.shortfall > tol * U ? plan.shortfall : 0;
  return { adjustments, unsold, shortfall, unusable: unusableRoutes(t, plan) };
}

/** What the routes from the suppliers outside `set` to its users may carry in all. */
function cappedInflow(
  allowed: Uint8Array,
  capacity: Float64Array,
  S: number,
  set: { users: number[]; suppliers: number[] },
): number {
  const U = allowed.length / S;
  const inside = new Uint8Array(S);
  for (const s of set.suppliers) inside[s] = 1;
  let sum = 0;
  for (let s = 0; s < S; s++) {
    if (inside[s] === 1) continue;
    for (const u of set.users) if (allowed[s * U + u] === 1) sum += capacity[s * U + u]!;
  }
  return sum;
}

/**
 * Adds `amount` to the final use of the users `eligible` says may take it, in proportion to
 * their final-demand weight, or to their use where those weights are all 0. Returns what no
 * user could take.
 */
function absorb(m: Margins, amount: number, eligible: (u: number) => boolean): number {
  const U = m.use.length;
  let byFinal = 0;
  let byUse = 0;
  for (let u = 0; u < U; u++) {
    if (!eligible(u) || !(m.use[u]! > 0)) continue;
    byFinal += m.finalWeight[u]!;
    byUse += m.use[u]!;
  }
  const weights = byFinal > 0 ? m.finalWeight : m.use;
  const sum = byFinal > 0 ? byFinal : byUse;
  if (!(sum > 0)) return amount;
  const w = Float64Array.from(weights);
  for (let u = 0; u < U; u++) {
    if (!eligible(u) || !(m.use[u]! > 0)) continue;
    const x = (amount * w[u]!) / sum;
    m.use[u] = m.use[u]! + x;
    m.finalUse[u] = m.finalUse[u]! + x;
  }
  return 0;
}
