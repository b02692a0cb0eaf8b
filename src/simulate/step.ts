/**
 * One month of the engine (docs/model.md, "The monthly step", states every equation):
 *
 * 1. capacity and production plans; 2. each pool's need and the share of it met (φ) from stock
 * and last month's shipments; 3. output limited by inputs, y = plan × min(1 − c·(1 − φ));
 * 4. inputs used, final demand served, stocks drawn or refilled; 5. orders for next month
 * (need + stock refill) split over suppliers by baseline shares, capped by export controls with
 * leakage; 6. blocked orders redistributed to suppliers with spare capacity; 7. shipping with
 * proportional rationing (guaranteed flows first); 8. unsold output rerouted to buyers with
 * unmet orders; 9. next month's plans from orders, and ramp-up where orders exceed capacity.
 *
 * Quantities are computed as baseline × ratio wherever a baseline total is involved, with the
 * ratio computed by the same expression as the baseline, so a month without measures
 * reproduces the baseline bit for bit.
 * @module
 */
import { type Network, poolNeeds } from "../network/network.js";
import { applyControls } from "./apply-controls.js";
import type { Controls } from "./controls.js";
import type { EngineState } from "./state.js";

export interface StepOptions {
  /** Share of the gap to the stock target ordered each month. */
  refillRate: number;
}

export const DEFAULT_STEP: StepOptions = { refillRate: 0.25 };

/** Advances `s` by one month. `changes` holds the months whose active rules differ. */
export function step(
  net: Network,
  controls: Controls,
  s: EngineState,
  changes: ReadonlySet<number>,
  opts: StepOptions = DEFAULT_STEP,
): void {
  const m = s.month + 1;
  if (m === 1 || changes.has(m)) applyControls(net, controls, m, s);
  const N = net.nodeCount;
  const Q = net.poolCount;
  const { plan, output, need, supplied, poolScratch: phi } = s;

  // 1. Capacity and plans.
  for (let k = 0; k < N; k++) {
    const cap = net.nodeCapacity[k]! * s.capFactor[k]! + s.capAdd[k]! + s.rampAdded[k]!;
    s.capacity[k] = cap;
    const w = s.wanted[k]!;
    plan[k] = w < cap ? w : cap > 0 ? cap : 0;
  }

  // 2. Needs, in receipt units, and the share met.
  poolNeeds(net, plan, need);
  for (let q = 0; q < Q; q++) {
    const nb = net.poolNeedBase[q]!;
    const n = nb > 0 ? net.poolBase[q]! * (need[q]! / nb) : need[q]!;
    supplied[q] = n;
    const avail = s.stock[q]! + s.received[q]!;
    phi[q] = n > 0 ? (avail >= n ? 1 : avail / n) : 1;
  }

  // 3. Output limited by inputs.
  for (let k = 0; k < N; k++) {
    let limit = 1;
    let bind = -1;
    for (let l = net.linkStart[k]!; l < net.linkStart[k + 1]!; l++) {
      const f = phi[net.linkPool[l]!]!;
      if (f < 1) {
        const y = 1 - net.linkCrit[l]! * (1 - f);
        if (y < limit) {
          limit = y;
          bind = l;
        }
      }
    }
    output[k] = plan[k]! * limit;
    s.binding[k] = bind;
  }

  // 4. Inputs used (never more than received), final demand served, stocks.
  for (let q = 0; q < Q; q++) {
    const f = phi[q]!;
    let u = 0;
    for (let i = net.poolLinkStart[q]!; i < net.poolLinkStart[q + 1]!; i++) {
      const l = net.poolLinks[i]!;
      const k = net.linkNode[l]!;
      const byOutput = net.linkCoef[l]! * output[k]!;
      const byReceipt = f * (net.linkCoef[l]! * plan[k]!);
      u += byOutput < byReceipt ? byOutput : byReceipt;
    }
    const served = f * net.poolFinal[q]!;
    u += served;
    s.served[q] = served;
    const nb = net.poolNeedBase[q]!;
    const used = nb > 0 ? net.poolBase[q]! * (u / nb) : u;
    s.used[q] = used;
    const next = s.stock[q]! + (s.received[q]! - used);
    s.stock[q] = next > 0 ? next : 0;
  }

  placeOrders(net, s, opts);
  ship(net, s);
  reroute(net, s);

  // 9. Receipts for next month, inventories, next plans and ramp-up.
  for (let q = 0; q < Q; q++) {
    let r = 0;
    for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++)
      r += s.shipped[net.poolEdges[i]!]!;
    s.received[q] = r;
  }
  for (let k = 0; k < N; k++) {
    const left = output[k]! + s.inventory[k]! - s.nodeShipped[k]!;
    s.inventory[k] = left > 0 ? left : 0;
    const ordered = s.nodeDemand[k]!;
    const wanted = ordered - s.inventory[k]!;
    s.wanted[k] = wanted > 0 ? wanted : 0;
    const g = net.nodeGood[k]!;
    // Ramp-up where demand exceeds capacity: orders beyond it, or buyers left unplaced while
    // this node runs full.
    const usable = plan[k]! > 0 ? s.capacity[k]! * (output[k]! / plan[k]!) : s.capacity[k]!;
    const short =
      ordered > s.capacity[k]! || (s.unplaced[g]! > 0 && ordered >= usable * (1 - 1e-12));
    s.excessMonths[k] = short ? s.excessMonths[k]! + 1 : 0;
    if (s.excessMonths[k]! >= net.rampLag[g]! && s.excessMonths[k]! > 0) {
      const ceiling = net.rampMax[g]! * net.nodeCapacity[k]!;
      const added = s.rampAdded[k]! + net.rampRate[g]! * net.nodeCapacity[k]!;
      s.rampAdded[k] = added < ceiling ? added : ceiling;
    }
  }
  s.month = m;
}

/** 5–6. Orders for next month, capped, with blocked orders redistributed. */
function placeOrders(net: Network, s: EngineState, opts: StepOptions): void {
  const Q = net.poolCount;
  const { desired, orders, limit, leakage, guarantee } = s;
  const blocked = s.poolScratch;
  for (let q = 0; q < Q; q++) {
    const base = net.poolBase[q]!;
    const target = (net.poolStockMonths[q]! + s.extraStockMonths[q]!) * base;
    const o = s.supplied[q]! + opts.refillRate * (target - s.stock[q]!);
    const order = o > 0 ? o : 0;
    const e0 = net.poolEdgeStart[q]!;
    const e1 = net.poolEdgeStart[q + 1]!;
    if (base > 0) {
      const ratio = order / base;
      for (let i = e0; i < e1; i++) {
        const e = net.poolEdges[i]!;
        desired[e] = net.edgeBase[e]! * ratio;
      }
    } else {
      // A pool without baseline supply (a new user) orders in proportion to capacity.
      let cap = 0;
      for (let i = e0; i < e1; i++) cap += s.capacity[net.edgeNode[net.poolEdges[i]!]!]!;
      for (let i = e0; i < e1; i++) {
        const e = net.poolEdges[i]!;
        desired[e] = cap > 0 ? (order * s.capacity[net.edgeNode[e]!]!) / cap : 0;
      }
    }
  }
  // Budgets shared by groups of edges become per-edge limits for this month.
  for (const b of s.budgets) {
    for (const e of b.edges) {
      limit[e] = s.baseLimit[e]!;
      leakage[e] = s.baseLeakage[e]!;
    }
  }
  for (const b of s.budgets) {
    let total = 0;
    for (const e of b.edges) total += desired[e]!;
    const share = total > b.value ? b.value / total : 1;
    for (const e of b.edges) {
      const lim = desired[e]! * share;
      if (lim < limit[e]!) {
        limit[e] = lim;
        leakage[e] = b.leakage;
      }
    }
  }
  let anyBlocked = false;
  for (let q = 0; q < Q; q++) {
    let b = 0;
    for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
      const e = net.poolEdges[i]!;
      const d = desired[e]!;
      let allowed = limit[e]!;
      if (d > allowed) allowed += leakage[e]! * (d - allowed);
      if (guarantee[e]! > allowed) allowed = guarantee[e]!;
      const o = d < allowed ? d : allowed;
      orders[e] = o;
      b += d - o;
    }
    blocked[q] = b;
    if (b > 0) anyBlocked = true;
  }
  // Orders beyond what a supplier can make this month (capacity × its input-limited share) are
  // placed elsewhere.
  const over = s.poolScratch2;
  over.fill(0);
  sumByNode(net, orders, s.nodeOrders);
  // What each supplier is asked for, and so plans to make, even if buyers turn elsewhere for
  // what it cannot deliver now.
  s.nodeDemand.set(s.nodeOrders);
  for (let k = 0; k < net.nodeCount; k++) {
    const usable = s.plan[k]! > 0 ? s.capacity[k]! * (s.output[k]! / s.plan[k]!) : s.capacity[k]!;
    const total = s.nodeOrders[k]!;
    if (!(total > usable)) continue;
    const keep = usable > 0 ? usable / total : 0;
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
      const moved = orders[e]! * (1 - keep);
      orders[e] = orders[e]! - moved;
      over[net.edgePool[e]!] = over[net.edgePool[e]!]! + moved;
    }
    anyBlocked = true;
  }
  s.extra.fill(0);
  s.unplaced.fill(0);
  if (anyBlocked) {
    redistribute(net, s, blocked, false);
    redistribute(net, s, over, true);
    for (let k = 0; k < net.nodeCount; k++) {
      let x = 0;
      for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) x += s.extra[e]!;
      if (x > 0) s.nodeDemand[k] = s.nodeDemand[k]! + x;
    }
  }
  sumByNode(net, orders, s.nodeOrders);
}

/**
 * Orders a pool could not place with its usual suppliers go to suppliers with spare capacity,
 * in proportion to their spare capacity, never beyond it: a buyer does not displace other
 * buyers. What no supplier can take stays unplaced (and triggers ramp-up). Orders blocked by an
 * export control go to third countries only (`home` false): a target does not make up a cut-off
 * from its own industry within the horizon (that is an investment measure); orders a supplier
 * failed to fill may go to any supplier with room, the buyer's own industry included.
 */
function redistribute(net: Network, s: EngineState, amount: Float64Array, home: boolean): void {
  const { orders, desired, limit, leakage, guarantee, claim } = s;
  sumByNode(net, orders, s.nodeOrders);
  const spare = s.nodeScratch;
  for (let k = 0; k < net.nodeCount; k++) {
    // Capacity it can use given its inputs this month.
    const usable = s.plan[k]! > 0 ? s.capacity[k]! * (s.output[k]! / s.plan[k]!) : s.capacity[k]!;
    const sp = usable - s.nodeOrders[k]!;
    spare[k] = sp > 0 ? sp : 0;
  }
  const room = (e: number) => {
    const d = desired[e]!;
    let allowed = limit[e]!;
    if (d > allowed) allowed += leakage[e]! * (d - allowed);
    if (guarantee[e]! > allowed) allowed = guarantee[e]!;
    return allowed === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : allowed - orders[e]!;
  };
  const eligible = (e: number, buyer: number) =>
    (home || net.nodeActor[net.edgeNode[e]!] !== buyer) && room(e) > 0;
  const claimed = s.nodeClaims;
  claimed.fill(0);
  // Pass 1: each pool claims spare capacity in proportion to it.
  for (let q = 0; q < net.poolCount; q++) {
    const b = amount[q]!;
    if (!(b > 0)) continue;
    const buyer = net.poolActor[q]!;
    const g = net.poolGood[q]!;
    const e0 = net.poolEdgeStart[q]!;
    const e1 = net.poolEdgeStart[q + 1]!;
    let reach = 0;
    for (let i = e0; i < e1; i++) {
      const e = net.poolEdges[i]!;
      claim[e] = 0;
      if (eligible(e, buyer)) reach += spare[net.edgeNode[e]!]!;
    }
    const take = b < reach ? b : reach;
    s.unplaced[g] = s.unplaced[g]! + (b - take);
    if (!(take > 0)) continue;
    for (let i = e0; i < e1; i++) {
      const e = net.poolEdges[i]!;
      if (!eligible(e, buyer)) continue;
      const k = net.edgeNode[e]!;
      const c = (take * spare[k]!) / reach;
      const r = room(e);
      claim[e] = c < r ? c : r;
      claimed[k] = claimed[k]! + claim[e]!;
    }
  }
  // Pass 2: suppliers grant claims up to their spare capacity.
  for (let q = 0; q < net.poolCount; q++) {
    if (!(amount[q]! > 0)) continue;
    const g = net.poolGood[q]!;
    for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
      const e = net.poolEdges[i]!;
      const c = claim[e]!;
      if (!(c > 0)) continue;
      const k = net.edgeNode[e]!;
      const granted = claimed[k]! > spare[k]! ? (c * spare[k]!) / claimed[k]! : c;
      orders[e] = orders[e]! + granted;
      s.extra[e] = s.extra[e]! + granted;
      s.unplaced[g] = s.unplaced[g]! + (c - granted);
      claim[e] = 0;
    }
  }
}

/** 7. Each supplier ships what it has against its orders in tiers — guaranteed flows, then
 * regular orders, then orders redistributed to it this month — rationing in proportion to orders
 * within a tier, so that a newcomer's orders never displace a supplier's regular buyers. */
function ship(net: Network, s: EngineState): void {
  const { orders, shipped, guarantee, extra } = s;
  for (let k = 0; k < net.nodeCount; k++) {
    const e0 = net.edgeStart[k]!;
    const e1 = net.edgeStart[k + 1]!;
    let avail = s.output[k]! + s.inventory[k]!;
    let guaranteed = 0;
    let extras = 0;
    for (let e = e0; e < e1; e++) {
      shipped[e] = 0;
      if (s.anyGuarantee) guaranteed += guarantee[e]! < orders[e]! ? guarantee[e]! : orders[e]!;
      extras += extra[e]!;
    }
    if (guaranteed > 0) {
      const r = avail >= guaranteed ? 1 : avail / guaranteed;
      let sent = 0;
      for (let e = e0; e < e1; e++) {
        const x = r * (guarantee[e]! < orders[e]! ? guarantee[e]! : orders[e]!);
        shipped[e] = x;
        sent += x;
      }
      avail = avail > sent ? avail - sent : 0;
    }
    let regular = 0;
    for (let e = e0; e < e1; e++) regular += orders[e]! - extra[e]! - shipped[e]!;
    const r = regular > 0 ? (avail >= regular ? 1 : avail / regular) : 0;
    let sent = 0;
    for (let e = e0; e < e1; e++) {
      const x = r * (orders[e]! - extra[e]! - shipped[e]!);
      shipped[e] = shipped[e]! + x;
      sent += x;
    }
    avail = avail > sent ? avail - sent : 0;
    if (extras > 0) {
      const q = avail >= extras ? 1 : avail / extras;
      for (let e = e0; e < e1; e++) shipped[e] = shipped[e]! + q * extra[e]!;
    }
    let total = 0;
    for (let e = e0; e < e1; e++) total += shipped[e]!;
    s.nodeShipped[k] = total;
  }
}

/** 8. Output that found no buyer (its buyers blocked or gone) is offered to pools with unmet
 * orders that the supplier may serve, in proportion to their unmet orders. */
function reroute(net: Network, s: EngineState): void {
  const N = net.nodeCount;
  const left = s.nodeScratch;
  let anyLeft = false;
  for (let k = 0; k < N; k++) {
    const l = s.output[k]! + s.inventory[k]! - s.nodeShipped[k]!;
    left[k] = l > 1e-12 * (net.nodeBase[k]! + 1e-300) ? l : 0;
    if (left[k]! > 0) anyLeft = true;
  }
  if (!anyLeft) return;
  const unmet = s.poolScratch;
  let anyUnmet = false;
  for (let q = 0; q < net.poolCount; q++) {
    let u = 0;
    for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
      const e = net.poolEdges[i]!;
      u += s.orders[e]! - s.shipped[e]!;
    }
    unmet[q] = u > 0 ? u : 0;
    if (u > 0) anyUnmet = true;
  }
  if (!anyUnmet) return;
  const { shipped, limit, guarantee } = s;
  const capOf = (e: number) => (guarantee[e]! > limit[e]! ? guarantee[e]! : limit[e]!);
  const offer = s.desired; // reused: the offers of this pass
  const offered = s.poolScratch2;
  offered.fill(0);
  for (let k = 0; k < N; k++) {
    const l = left[k]!;
    let reach = 0;
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
      offer[e] = 0;
      if (l > 0 && shipped[e]! < capOf(e)) reach += unmet[net.edgePool[e]!]!;
    }
    if (!(l > 0) || reach <= 0) continue;
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
      if (shipped[e]! >= capOf(e)) continue;
      const q = net.edgePool[e]!;
      const room = capOf(e) - shipped[e]!;
      const o = (l * unmet[q]!) / reach;
      offer[e] = o < room ? o : room;
      offered[q] = offered[q]! + offer[e]!;
    }
  }
  for (let k = 0; k < N; k++) {
    if (!(left[k]! > 0)) continue;
    let extra = 0;
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
      const o = offer[e]!;
      if (!(o > 0)) continue;
      const q = net.edgePool[e]!;
      const take = offered[q]! > unmet[q]! ? (o * unmet[q]!) / offered[q]! : o;
      shipped[e] = shipped[e]! + take;
      extra += take;
    }
    s.nodeShipped[k] = s.nodeShipped[k]! + extra;
  }
}

function sumByNode(net: Network, values: Float64Array, out: Float64Array): void {
  for (let k = 0; k < net.nodeCount; k++) {
    let t = 0;
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) t += values[e]!;
    out[k] = t;
  }
}
