/**
 * One month of the engine (docs/model.md, "The monthly step", states every equation):
 *
 * 1. capacity and production plans; 2. each pool's need and the share of it met (φ) from stock
 * and last month's shipments; 3. output limited by inputs, y = plan × min(1 − c·(1 − φ));
 * 4. inputs used, final demand served, stocks drawn or refilled; 5. orders for next month
 * (need + stock refill) split over suppliers by baseline shares, capped by export controls with
 * leakage; 6. orders blocked, or beyond what a supplier can make, placed with suppliers that
 * have spare capacity, and (6b) orders from the demand a rationed good leaves unserved; 7.
 * shipping in tiers (guaranteed, regular, reordered); 8. unsold output rerouted to buyers with
 * unmet orders, then (8b) sold to that unserved demand; 9. receipts, next month's plans, and
 * ramp-up.
 *
 * Every loop runs over nodes, links or edges in index order, and every per-pool sum is taken by
 * adding in that order (`sumIntoPools`), as the baseline totals were. Quantities that involve a
 * baseline total are computed as baseline × ratio, with the ratio computed by the same
 * expression as the baseline, so a month without measures reproduces the baseline bit for bit.
 * @module
 */
import { type Network, poolNeeds, sumIntoPools } from "../network/network.js";
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
  produce(net, s);
  placeOrders(net, s, opts.refillRate);
  ship(net, s);
  reroute(net, s);
  sellRationed(net, s);
  advance(net, s);
  s.month = m;
}

/** 1–4. Plans, needs, output and use. */
function produce(net: Network, s: EngineState): void {
  const N = net.nodeCount;
  const Q = net.poolCount;
  const { plan, output, usable, need, supplied, phi, capacity, wanted } = s;
  const { linkStart, linkPool, linkCoef, linkCrit, poolBase, poolNeedBase, poolFinal } = net;
  for (let k = 0; k < N; k++) {
    // Ramp-up extends the node's own plant, so a shock takes its share of it too.
    const cap = (net.nodeCapacity[k]! + s.rampAdded[k]!) * s.capFactor[k]! + s.capAdd[k]!;
    capacity[k] = cap;
    const w = wanted[k]!;
    plan[k] = w < cap ? w : cap > 0 ? cap : 0;
  }
  poolNeeds(net, plan, need);
  for (let q = 0; q < Q; q++) {
    const nb = poolNeedBase[q]!;
    const n = nb > 0 ? poolBase[q]! * (need[q]! / nb) : need[q]!;
    supplied[q] = n;
    const avail = s.stock[q]! + s.received[q]!;
    phi[q] = n > 0 ? (avail >= n ? 1 : avail / n) : 1;
  }
  const use = s.poolA;
  use.fill(0);
  for (let k = 0; k < N; k++) {
    let limit = 1;
    let bind = -1;
    const l0 = linkStart[k]!;
    const l1 = linkStart[k + 1]!;
    for (let l = l0; l < l1; l++) {
      const f = phi[linkPool[l]!]!;
      if (f < 1) {
        const y = 1 - linkCrit[l]! * (1 - f);
        if (y < limit) {
          limit = y;
          bind = l;
        }
      }
    }
    const p = plan[k]!;
    const y = p * limit;
    output[k] = y;
    // What it can deliver: its capacity, or, short of an input, the output its inputs allow.
    usable[k] = p > 0 ? capacity[k]! * (y / p) : capacity[k]!;
    s.binding[k] = bind;
    // Inputs used: what the output needs, never more than was received.
    for (let l = l0; l < l1; l++) {
      const q = linkPool[l]!;
      const byOutput = linkCoef[l]! * y;
      const byReceipt = phi[q]! * (linkCoef[l]! * p);
      use[q] += byOutput < byReceipt ? byOutput : byReceipt;
    }
  }
  for (let q = 0; q < Q; q++) {
    const served = phi[q]! * poolFinal[q]!;
    s.served[q] = served;
    const u = use[q]! + served;
    const nb = poolNeedBase[q]!;
    const used = nb > 0 ? poolBase[q]! * (u / nb) : u;
    s.used[q] = used;
    const next = s.stock[q]! + (s.received[q]! - used);
    s.stock[q] = next > 0 ? next : 0;
  }
}

/** 5–6. Orders for next month: baseline shares of need and refill, capped, redistributed. */
function placeOrders(net: Network, s: EngineState, refillRate: number): void {
  const Q = net.poolCount;
  const E = net.edgePool.length;
  const { desired, orders, guarantee, allowed, orderTotal } = s;
  const { edgePool, edgeBase, edgeNode, poolBase } = net;
  // Per pool, the ratio of its orders to its baseline receipts on its foreign edges (2q) and on
  // its home edge (2q + 1), side by side so that an edge reads one of them by its home flag.
  const rates = s.poolWork;
  let newPools = false;
  for (let q = 0; q < Q; q++) {
    const base = poolBase[q]!;
    const target = (net.poolStockMonths[q]! + s.extraStockMonths[q]!) * base;
    const need = s.supplied[q]!;
    const o = need + refillRate * (target - s.stock[q]!);
    const order = o > 0 ? o : 0;
    orderTotal[q] = order;
    const r = base > 0 ? order / base : 0;
    rates[2 * q] = r;
    rates[2 * q + 1] = r;
    // A buyer that an export control reaches orders the stock it rebuilds beyond the month's
    // need abroad: its own industry serves its need at its baseline share, so a cut-off never
    // makes it expand (docs/model.md). Other buyers rebuild stock from all their suppliers at
    // their baseline shares, home included.
    const home = net.poolHomeBase[q]!;
    if (order > need && home > 0 && home < base && s.poolCapped[q] === 1) {
      rates[2 * q + 1] = need / base;
      rates[2 * q] = (order - home * (need / base)) / (base - home);
    }
    if (!(base > 0) && order > 0) newPools = true;
  }
  const { edgeHome, edgeStart } = net;
  const nodeOrders = s.nodeOrders;
  // Edges are visited with one running index over the nodes' ranges, which lets the compiler
  // drop bounds checks that an index reloaded from `edgeStart` keeps (2–3× on this loop).
  let e = 0;
  for (let k = 0; k < net.nodeCount; k++) {
    let t = 0;
    const e1 = edgeStart[k + 1]!;
    for (; e < e1; e++) {
      const d = edgeBase[e]! * rates[2 * edgePool[e]! + edgeHome[e]!]!;
      orders[e] = d;
      t += d;
    }
    nodeOrders[k] = t;
  }
  // What was asked of an edge before any rule holds it back: read only on ruled edges (and by
  // new pools, below), so only those are kept.
  const ruled = s.ruled;
  for (let i = 0; i < ruled.length; i++) desired[ruled[i]!] = orders[ruled[i]!]!;
  if (newPools) {
    desired.set(orders);
    // A pool without baseline supply (a new user) orders in proportion to capacity.
    const capSum = s.poolC;
    capSum.fill(0);
    for (let e = 0; e < E; e++) capSum[edgePool[e]!] += s.capacity[edgeNode[e]!]!;
    for (let e = 0; e < E; e++) {
      const q = edgePool[e]!;
      if (!(poolBase[q]! > 0) && capSum[q]! > 0)
        desired[e] = (orderTotal[q]! * s.capacity[edgeNode[e]!]!) / capSum[q]!;
    }
    orders.set(desired);
    sumByNode(net, orders, s.nodeOrders);
  }
  const blocked = s.poolC;
  blocked.fill(0);
  let anyBlocked = false;
  if (ruled.length > 0) {
    allowances(net, s);
    let last = -1;
    for (let i = 0; i < ruled.length; i++) {
      const e = ruled[i]!;
      const d = desired[e]!;
      let a = allowed[e]!;
      if (guarantee[e]! > a) a = guarantee[e]!;
      allowed[e] = a;
      if (d > a) {
        orders[e] = a;
        blocked[edgePool[e]!] += d - a;
        anyBlocked = true;
        // Ruled edges are sorted, so a node's blocked edges come together: re-add its orders
        // once, over all its edges in order (the same sum as above).
        const k = edgeNode[e]!;
        if (k !== last) {
          last = k;
          s.touchedNodes[s.touchedCount++] = k;
        }
      }
    }
    for (let i = 0; i < s.touchedCount; i++) {
      const k = s.touchedNodes[i]!;
      let t = 0;
      for (let e = edgeStart[k]!; e < edgeStart[k + 1]!; e++) t += orders[e]!;
      nodeOrders[k] = t;
    }
    s.touchedCount = 0;
  }
  // Orders beyond what a supplier can make this month are placed elsewhere; the supplier still
  // plans to make all it was asked for.
  const over = s.poolD;
  over.fill(0);
  s.nodeDemand.set(s.nodeOrders);
  for (let k = 0; k < net.nodeCount; k++) {
    const usable = s.usable[k]!;
    const total = s.nodeOrders[k]!;
    if (!(total > usable)) continue;
    const keep = usable > 0 ? usable / total : 0;
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
      const moved = orders[e]! * (1 - keep);
      orders[e] = orders[e]! - moved;
      over[edgePool[e]!] += moved;
    }
    s.nodeOrders[k] = total * keep;
    anyBlocked = true;
  }
  s.unplaced.fill(0);
  if (s.anyExtra) {
    s.extra.fill(0);
    s.nodeExtra.fill(0);
    s.anyExtra = false;
  }
  if (anyBlocked) {
    // Redistribution keeps nodeOrders and nodeExtra up to date as it grants orders.
    redistribute(net, s, blocked, false);
    redistribute(net, s, over, false);
    for (let k = 0; k < net.nodeCount; k++) s.nodeDemand[k] = s.nodeDemand[k]! + s.nodeExtra[k]!;
  }
  if (net.rationed) rationedOrders(net, s);
}

/**
 * 6b. Demand left unserved at baseline prices (goods rationed in the data year) takes up what a
 * supplier's buyers no longer ask of it: at most the share ρ_g of the baseline flows to the
 * buyers it may still serve (edges that no cap holds below what is asked), and never beyond its
 * baseline output or what it can make this month. These orders come from outside the modelled
 * buyers (the queue of a sold-out market) and are sold out of the network (`sellRationed`).
 */
function rationedOrders(net: Network, s: EngineState): void {
  const { goodRationed, nodeGood, nodeBase, edgeBase, edgeNode } = net;
  const held = s.nodeHeld;
  held.fill(0);
  for (const e of s.ruled) if (s.allowed[e]! < s.desired[e]!) held[edgeNode[e]!] += edgeBase[e]!;
  for (let k = 0; k < net.nodeCount; k++) {
    s.nodeRationed[k] = 0;
    const rho = goodRationed[nodeGood[k]!]!;
    if (!(rho > 0)) continue;
    const base = nodeBase[k]!;
    const top = base < s.usable[k]! ? base : s.usable[k]!;
    const gap = top - s.nodeDemand[k]!;
    if (!(gap > 1e-9 * base)) continue;
    const reach = rho * (base - held[k]!);
    const r = gap < reach ? gap : reach;
    if (!(r > 0)) continue;
    s.nodeRationed[k] = r;
    s.nodeDemand[k] = s.nodeDemand[k]! + r;
  }
}

/**
 * Each capped edge's allowance this month, before guarantees: the least over its caps of
 * L + λ·max(0, d − L), where d is what is asked of the edge, L the cap's limit (a fraction of
 * the baseline flow, or the edge's part of a budget shared in proportion to what is asked) and
 * λ its leakage. Each cap's term depends on that cap alone and the least of them on none's
 * order, so stacked caps give the same result in any order and adding one never loosens them.
 * `limit` keeps the least L (what rerouting may fill up to).
 */
function allowances(net: Network, s: EngineState): void {
  const { desired, allowed, limit } = s;
  for (const e of s.ruled) {
    allowed[e] = Number.POSITIVE_INFINITY;
    limit[e] = Number.POSITIVE_INFINITY;
  }
  for (const cap of s.caps) {
    let share = 1;
    if (cap.kind === "budget") {
      let total = 0;
      for (const e of cap.edges) total += desired[e]!;
      if (total > cap.value) share = cap.value / total;
    }
    const fraction = cap.kind === "fraction";
    for (const e of cap.edges) {
      const d = desired[e]!;
      const l = fraction ? cap.value * net.edgeBase[e]! : d * share;
      const a = d > l ? l + cap.leakage * (d - l) : l;
      if (a < allowed[e]!) allowed[e] = a;
      if (l < limit[e]!) limit[e] = l;
    }
  }
}

/**
 * Orders a pool could not place with its usual suppliers go to suppliers with spare capacity,
 * in proportion to their spare capacity, never beyond it: a buyer does not displace other
 * buyers. What no supplier can take stays unplaced (and triggers ramp-up). Orders blocked by an
 * export control go to third countries only (`home` false): a target does not make up a cut-off
 * from its own industry within the horizon (that is an investment measure); orders a supplier
 * cannot make may go to any supplier with room, the buyer's own industry included.
 */
function redistribute(net: Network, s: EngineState, amount: Float64Array, home: boolean): void {
  const Q = net.poolCount;
  const N = net.nodeCount;
  const E = net.edgePool.length;
  const { orders, allowed, extra, claim, nodeOrders, nodeExtra, unplaced, usable } = s;
  const { edgePool, edgeNode, edgeHome, edgeStart, poolEdgeStart, poolEdges, poolGood } = net;
  const pools = s.touched;
  // The goods with orders to place: suppliers of other goods have nothing to take.
  const goodMark = s.goodMark;
  const { nodeGood } = net;
  // Per pool, side by side: the amount to place [3q], what its suppliers take [3q + 1] and the
  // spare capacity within its reach [3q + 2] (a loop over edges reads all three of its pool).
  const work = s.poolWork;
  let count = 0;
  let degree = 0;
  for (let q = 0; q < Q; q++) {
    const b = amount[q]!;
    work[3 * q] = b;
    work[3 * q + 2] = 0;
    if (b > 0) {
      pools[count++] = q;
      degree += poolEdgeStart[q + 1]! - poolEdgeStart[q]!;
      goodMark[poolGood[q]!] = 1;
    }
  }
  if (count === 0) return;
  const spare = s.nodeScratch;
  for (let k = 0; k < N; k++) {
    const sp = usable[k]! - nodeOrders[k]!;
    spare[k] = sp > 0 ? sp : 0;
  }
  // An edge may take more when its supplier has spare capacity, it is not the buyer's own
  // industry (unless `home`), and no rule holds it at what it already carries (`allowed` is
  // +Infinity on every edge outside `ruled`, so only the edges of nodes in `nodeRuled` are read).
  const nodeRuled = s.nodeRuled;
  // Few pools to serve (a targeted measure): visit their edges; many (a widespread shortage):
  // pass over the suppliers with spare capacity and their edges in order.
  const few = degree * 8 < E;
  if (few) {
    for (let i = 0; i < count; i++) {
      const q = pools[i]!;
      let r = 0;
      for (let j = poolEdgeStart[q]!; j < poolEdgeStart[q + 1]!; j++) {
        const e = poolEdges[j]!;
        const k = edgeNode[e]!;
        const sp = spare[k]!;
        if (
          sp > 0 &&
          (home || edgeHome[e] === 0) &&
          (nodeRuled[k] === 0 || allowed[e]! > orders[e]!)
        )
          r += sp;
      }
      work[3 * q + 2] = r;
    }
  } else {
    for (let k = 0; k < N; k++) {
      const sp = spare[k]!;
      if (!(sp > 0) || goodMark[nodeGood[k]!] === 0) continue;
      const free = nodeRuled[k] === 0;
      for (let e = edgeStart[k]!; e < edgeStart[k + 1]!; e++) {
        const w = 3 * edgePool[e]!;
        if (work[w]! > 0 && (home || edgeHome[e] === 0) && (free || allowed[e]! > orders[e]!))
          work[w + 2] += sp;
      }
    }
  }
  for (let i = 0; i < count; i++) {
    const q = pools[i]!;
    const b = work[3 * q]!;
    const r = work[3 * q + 2]!;
    const t = b < r ? b : r;
    work[3 * q + 1] = t;
    if (b > t) unplaced[poolGood[q]!] += b - t;
  }
  // Each pool claims spare capacity in proportion to it, never beyond what a rule leaves the
  // edge; suppliers grant claims up to their spare capacity. `w` is 3 × the edge's pool.
  const claimOf = (e: number, w: number, sp: number, free: boolean): number => {
    const t = work[w + 1]!;
    if (!(t > 0) || !(sp > 0) || !(home || edgeHome[e] === 0)) return 0;
    if (free) return (t * sp) / work[w + 2]!;
    if (!(allowed[e]! > orders[e]!)) return 0;
    const c = (t * sp) / work[w + 2]!;
    const room = allowed[e]! - orders[e]!;
    return c < room ? c : room;
  };
  const grant = (e: number, k: number, c: number, claimed: number): void => {
    const sp = spare[k]!;
    const granted = claimed > sp ? (c * sp) / claimed : c;
    orders[e] = orders[e]! + granted;
    extra[e] = extra[e]! + granted;
    nodeOrders[k] = nodeOrders[k]! + granted;
    nodeExtra[k] = nodeExtra[k]! + granted;
    if (granted < c) unplaced[poolGood[edgePool[e]!]!] += c - granted;
  };
  if (few) {
    const claimed = s.nodeClaims;
    claimed.fill(0);
    for (let i = 0; i < count; i++) {
      const q = pools[i]!;
      for (let j = poolEdgeStart[q]!; j < poolEdgeStart[q + 1]!; j++) {
        const e = poolEdges[j]!;
        const k = edgeNode[e]!;
        const x = claimOf(e, 3 * q, spare[k]!, nodeRuled[k] === 0);
        claim[e] = x;
        claimed[k] += x;
      }
    }
    for (let i = 0; i < count; i++) {
      const q = pools[i]!;
      for (let j = poolEdgeStart[q]!; j < poolEdgeStart[q + 1]!; j++) {
        const e = poolEdges[j]!;
        const c = claim[e]!;
        if (c > 0) grant(e, edgeNode[e]!, c, claimed[edgeNode[e]!]!);
      }
    }
  } else {
    // A supplier's claims are all on its own edges, so it grants them as soon as they are in.
    for (let k = 0; k < N; k++) {
      const sp = spare[k]!;
      if (!(sp > 0) || goodMark[nodeGood[k]!] === 0) continue;
      const free = nodeRuled[k] === 0;
      const e0 = edgeStart[k]!;
      const e1 = edgeStart[k + 1]!;
      let claimed = 0;
      for (let e = e0; e < e1; e++) {
        const w = 3 * edgePool[e]!;
        const x = work[w]! > 0 ? claimOf(e, w, sp, free) : 0;
        claim[e] = x;
        claimed += x;
      }
      if (!(claimed > 0)) continue;
      for (let e = e0; e < e1; e++) {
        const c = claim[e]!;
        if (c > 0) grant(e, k, c, claimed);
      }
    }
  }
  for (let i = 0; i < count; i++) goodMark[poolGood[pools[i]!]!] = 0;
  s.anyExtra = true;
}

/** 7. Each supplier ships what it has against its orders in tiers — guaranteed flows, then
 * regular orders, then orders redistributed to it this month — rationing in proportion to orders
 * within a tier, so that a newcomer's orders never displace a supplier's regular buyers. */
function ship(net: Network, s: EngineState): void {
  const { orders, shipped, guarantee, extra, received } = s;
  const { edgeStart, edgePool } = net;
  // Next month's receipts are summed as the shipments are made: edges are visited in index
  // order, so each pool adds its edges' shipments in the order `sumIntoPools` would (rerouting
  // re-sums the pools it changes, `reroute`).
  received.fill(0);
  for (let k = 0; k < net.nodeCount; k++) {
    const e0 = edgeStart[k]!;
    const e1 = edgeStart[k + 1]!;
    let avail = s.output[k]! + s.inventory[k]!;
    const extras = s.nodeExtra[k]!;
    if (!s.anyGuarantee && extras === 0) {
      // The common case: one tier.
      const total = s.nodeOrders[k]!;
      const r = total > 0 ? (avail >= total ? 1 : avail / total) : 0;
      let sent = 0;
      for (let e = e0; e < e1; e++) {
        const x = r * orders[e]!;
        shipped[e] = x;
        received[edgePool[e]!] += x;
        sent += x;
      }
      s.nodeShipped[k] = sent;
      continue;
    }
    if (!s.anyGuarantee) {
      // Two tiers (regular, then redistributed), in three passes over the edges: the same
      // figures as the general case below, where shipments start at 0 and no flow is guaranteed.
      let regular = 0;
      for (let e = e0; e < e1; e++) regular += orders[e]! - extra[e]!;
      const r = regular > 0 ? (avail >= regular ? 1 : avail / regular) : 0;
      let sent = 0;
      for (let e = e0; e < e1; e++) {
        const x = r * (orders[e]! - extra[e]!);
        shipped[e] = x;
        sent += x;
      }
      avail = avail > sent ? avail - sent : 0;
      const q = avail >= extras ? 1 : avail / extras;
      let total = 0;
      for (let e = e0; e < e1; e++) {
        const x = shipped[e]! + q * extra[e]!;
        shipped[e] = x;
        received[edgePool[e]!] += x;
        total += x;
      }
      s.nodeShipped[k] = total;
      continue;
    }
    let guaranteed = 0;
    for (let e = e0; e < e1; e++) {
      shipped[e] = 0;
      if (s.anyGuarantee) guaranteed += guarantee[e]! < orders[e]! ? guarantee[e]! : orders[e]!;
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
    for (let e = e0; e < e1; e++) {
      const x = shipped[e]!;
      received[edgePool[e]!] += x;
      total += x;
    }
    s.nodeShipped[k] = total;
  }
}

/** 8. Output that found no buyer (its buyers blocked or gone) is offered to pools with unmet
 * orders that the supplier may serve, in proportion to their unmet orders. */
function reroute(net: Network, s: EngineState): void {
  const N = net.nodeCount;
  const E = net.edgePool.length;
  const left = s.nodeScratch;
  const { shipped, orders, limit, guarantee, nodeShipped, nodeOrders } = s;
  const { edgePool, edgeStart, edgeNode, poolEdgeStart, poolEdges, nodeGood } = net;
  const { goodEdgeCount, goodPoolStart, goodPools } = net;
  // The goods of the suppliers with output left: only their pools' unmet orders matter.
  const goods = s.goodList;
  const mark = s.goodMark;
  let count = 0;
  let degree = 0;
  for (let k = 0; k < N; k++) {
    const l = s.output[k]! + s.inventory[k]! - nodeShipped[k]!;
    const x = l > 1e-12 * (net.nodeBase[k]! + 1e-300) ? l : 0;
    left[k] = x;
    const g = nodeGood[k]!;
    if (x > 0 && mark[g] === 0) {
      mark[g] = 1;
      goods[count++] = g;
      degree += goodEdgeCount[g]!;
    }
  }
  if (count === 0) return;
  // Unmet orders per pool, added in edge order: over the pools' own edges when they are few,
  // else in one pass over the suppliers that shipped less than they were asked.
  // Per pool, side by side: unmet orders [2q] and what suppliers offer it [2q + 1].
  const work = s.poolWork;
  let anyUnmet = false;
  if (degree * 4 < E) {
    for (let i = 0; i < count; i++) {
      const g = goods[i]!;
      for (let p = goodPoolStart[g]!; p < goodPoolStart[g + 1]!; p++) {
        const q = goodPools[p]!;
        let t = 0;
        for (let j = poolEdgeStart[q]!; j < poolEdgeStart[q + 1]!; j++) {
          const e = poolEdges[j]!;
          const k = edgeNode[e]!;
          if (!(nodeShipped[k]! < nodeOrders[k]!)) continue;
          const u = orders[e]! - shipped[e]!;
          if (u > 0) t += u;
        }
        work[2 * q] = t;
        if (t > 0) anyUnmet = true;
      }
    }
  } else {
    for (let q = 0; q < net.poolCount; q++) work[2 * q] = 0;
    for (let k = 0; k < N; k++) {
      // Only a supplier that shipped less than it was asked leaves orders unmet.
      if (mark[nodeGood[k]!] === 0 || !(nodeShipped[k]! < nodeOrders[k]!)) continue;
      for (let e = edgeStart[k]!; e < edgeStart[k + 1]!; e++) {
        const u = orders[e]! - shipped[e]!;
        if (u > 0) {
          work[2 * edgePool[e]!] += u;
          anyUnmet = true;
        }
      }
    }
  }
  for (let i = 0; i < count; i++) mark[goods[i]!] = 0;
  if (!anyUnmet) return;
  const capOf = (e: number) => (guarantee[e]! > limit[e]! ? guarantee[e]! : limit[e]!);
  const offer = s.claim;
  for (let i = 0; i < count; i++) {
    const g = goods[i]!;
    for (let p = goodPoolStart[g]!; p < goodPoolStart[g + 1]!; p++) work[2 * goodPools[p]! + 1] = 0;
  }
  // Every edge outside `ruled` is unlimited (no guarantee, limit +Infinity): a node without
  // ruled edges offers on all of them without reading their caps.
  const nodeRuled = s.nodeRuled;
  for (let k = 0; k < N; k++) {
    const l = left[k]!;
    if (!(l > 0)) continue;
    const free = nodeRuled[k] === 0;
    const e0 = edgeStart[k]!;
    const e1 = edgeStart[k + 1]!;
    let reach = 0;
    for (let e = e0; e < e1; e++) {
      offer[e] = 0;
      if (free || shipped[e]! < capOf(e)) reach += work[2 * edgePool[e]!]!;
    }
    if (reach <= 0) continue;
    for (let e = e0; e < e1; e++) {
      const cap = free ? Number.POSITIVE_INFINITY : capOf(e);
      if (shipped[e]! >= cap) continue;
      const w = 2 * edgePool[e]!;
      const room = cap - shipped[e]!;
      const o = (l * work[w]!) / reach;
      offer[e] = o < room ? o : room;
      work[w + 1] += offer[e]!;
    }
  }
  const pools = s.touched;
  const poolMark = s.poolMark;
  let changed = 0;
  let changedDegree = 0;
  for (let k = 0; k < N; k++) {
    if (!(left[k]! > 0)) continue;
    let more = 0;
    for (let e = edgeStart[k]!; e < edgeStart[k + 1]!; e++) {
      const o = offer[e]!;
      if (!(o > 0)) continue;
      const q = edgePool[e]!;
      const unmet = work[2 * q]!;
      const offered = work[2 * q + 1]!;
      const take = offered > unmet ? (o * unmet) / offered : o;
      shipped[e] = shipped[e]! + take;
      more += take;
      if (poolMark[q] === 0) {
        poolMark[q] = 1;
        pools[changed++] = q;
        changedDegree += poolEdgeStart[q + 1]! - poolEdgeStart[q]!;
      }
    }
    nodeShipped[k] = nodeShipped[k]! + more;
  }
  // Re-sum the receipts of the pools whose shipments changed, over their edges in edge order (the
  // sum `ship` took), or all of them in one pass when they are many.
  const received = s.received;
  if (changedDegree * 4 < E) {
    for (let i = 0; i < changed; i++) {
      const q = pools[i]!;
      poolMark[q] = 0;
      let t = 0;
      for (let j = poolEdgeStart[q]!; j < poolEdgeStart[q + 1]!; j++) t += shipped[poolEdges[j]!]!;
      received[q] = t;
    }
  } else {
    for (let i = 0; i < changed; i++) poolMark[pools[i]!] = 0;
    sumIntoPools(edgePool, shipped, received);
  }
}

/** 8b. What is left after every modelled buyer is served goes to the demand left unserved at
 * baseline, up to this month's orders from it (`rationedOrders`). */
function sellRationed(net: Network, s: EngineState): void {
  if (!net.rationed) return;
  for (let k = 0; k < net.nodeCount; k++) {
    const r = s.nodeRationed[k]!;
    if (!(r > 0)) continue;
    const left = s.output[k]! + s.inventory[k]! - s.nodeShipped[k]!;
    if (left > 0) s.nodeShipped[k] = s.nodeShipped[k]! + (left < r ? left : r);
  }
}

/** 9. Receipts for next month, inventories, next plans and ramp-up. */
function advance(net: Network, s: EngineState): void {
  for (let k = 0; k < net.nodeCount; k++) {
    const left = s.output[k]! + s.inventory[k]! - s.nodeShipped[k]!;
    s.inventory[k] = left > 0 ? left : 0;
    const asked = s.nodeDemand[k]!;
    const wanted = asked - s.inventory[k]!;
    s.wanted[k] = wanted > 0 ? wanted : 0;
    const g = net.nodeGood[k]!;
    // Ramp-up where capacity is what binds: orders beyond it, or buyers left unplaced while
    // this node runs full. A node short of its inputs (more plant would not help) or whose
    // plant a shock has cut (the plant being rebuilt is not expanded) does not ramp up.
    const capacityBinds = s.binding[k]! < 0 && s.capFactor[k]! >= 1;
    const short =
      capacityBinds &&
      (asked > s.capacity[k]! || (s.unplaced[g]! > 0 && asked >= s.usable[k]! * (1 - 1e-12)));
    s.excessMonths[k] = short ? s.excessMonths[k]! + 1 : 0;
    if (s.excessMonths[k]! >= net.rampLag[g]! && s.excessMonths[k]! > 0) {
      // Added to the node's own plant (scaled by its shocks in `produce`).
      const ceiling = net.rampMax[g]! * net.nodeCapacity[k]!;
      const added = s.rampAdded[k]! + net.rampRate[g]! * net.nodeCapacity[k]!;
      s.rampAdded[k] = added < ceiling ? added : ceiling;
    }
  }
}

function sumByNode(net: Network, values: Float64Array, out: Float64Array): void {
  const { edgeStart } = net;
  for (let k = 0; k < net.nodeCount; k++) {
    let t = 0;
    for (let e = edgeStart[k]!; e < edgeStart[k + 1]!; e++) t += values[e]!;
    out[k] = t;
  }
}
