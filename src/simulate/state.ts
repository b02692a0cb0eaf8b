/**
 * The engine's state between months, and the scratch arrays a month fills: all typed arrays
 * sized once for a network, so that a month allocates nothing.
 * @module
 */
import type { Network } from "../network/network.js";
import type { EdgeCap } from "./controls.js";

export interface EngineState {
  /** Months completed. */
  month: number;
  /** What each node aims to produce this month before its capacity caps it (orders − inventory). */
  wanted: Float64Array;
  /** Capacity this month: (baseline + ramp-up) × shocks + investments. */
  capacity: Float64Array;
  /** Capacity added by ramp-up so far, and months in a row with demand above capacity. */
  rampAdded: Float64Array;
  excessMonths: Float64Array;
  /** Finished output not yet sold. */
  inventory: Float64Array;
  /** Pool stock and the shipments arriving this month. */
  stock: Float64Array;
  received: Float64Array;

  /** Filled by each month. */
  plan: Float64Array;
  output: Float64Array;
  /** Capacity a node can use this month given its inputs: capacity × output / plan. */
  usable: Float64Array;
  /** The link whose input bound each node's output this month, or -1. */
  binding: Int32Array;
  need: Float64Array;
  /** Need in receipt units, share met, use, final demand served, per pool. */
  supplied: Float64Array;
  phi: Float64Array;
  used: Float64Array;
  served: Float64Array;
  orderTotal: Float64Array;
  desired: Float64Array;
  orders: Float64Array;
  shipped: Float64Array;
  /** Per edge, the part of this month's order redistributed to it (served last). */
  extra: Float64Array;
  claim: Float64Array;
  nodeOrders: Float64Array;
  /** Orders each node was asked for before buyers moved what it could not deliver. */
  nodeDemand: Float64Array;
  nodeShipped: Float64Array;
  nodeExtra: Float64Array;
  /** Per node, this month's orders from demand left unserved at baseline (rationed goods). */
  nodeRationed: Float64Array;
  /** Per node, the baseline flow of its edges that a cap holds below what is asked. */
  nodeHeld: Float64Array;
  nodeScratch: Float64Array;
  nodeClaims: Float64Array;
  poolA: Float64Array;
  poolB: Float64Array;
  poolC: Float64Array;
  poolD: Float64Array;
  /** Per pool, two or three figures side by side ([2q], [2q + 1], or [3q] to [3q + 2]; each
   * step says which), for the loops over edges that read several figures of an edge's pool:
   * one cache line instead of several. */
  poolWork: Float64Array;
  /** Per good, orders no supplier could take this month. */
  unplaced: Float64Array;

  /** Current rules. `allowed` (the most an edge may carry given what is asked of it) and
   * `limit` (the least of its caps' limits, leakage aside) are recomputed each month for the
   * edges in `ruled`; every other edge is unlimited (Infinity). `caps` are the active caps. */
  ruled: Int32Array;
  /** 1 for the nodes with an edge in `ruled`: every edge of any other node is unlimited. */
  nodeRuled: Uint8Array;
  caps: EdgeCap[];
  limit: Float64Array;
  guarantee: Float64Array;
  allowed: Float64Array;
  capFactor: Float64Array;
  capAdd: Float64Array;
  extraStockMonths: Float64Array;
  /** 1 for pools that an active cap reaches this month (targets of export controls). */
  poolCapped: Uint8Array;
  anyGuarantee: boolean;
  /** Whether `extra` and `nodeExtra` hold last month's redistributed orders. */
  anyExtra: boolean;
  /** Scratch list of pool indices, and marks on pools (all 0 between uses). */
  touched: Int32Array;
  poolMark: Uint8Array;
  /** Scratch list of goods, and marks on goods (all 0 between uses). */
  goodList: Int32Array;
  goodMark: Uint8Array;
  /** Scratch list of node indices, and how many it holds. */
  touchedNodes: Int32Array;
  touchedCount: number;
}

export function initialState(net: Network): EngineState {
  const N = net.nodeCount;
  const Q = net.poolCount;
  const E = net.edgePool.length;
  const stock = new Float64Array(Q);
  for (let q = 0; q < Q; q++) stock[q] = net.poolStockMonths[q]! * net.poolBase[q]!;
  const f = () => new Float64Array(N);
  const p = () => new Float64Array(Q);
  const e = () => new Float64Array(E);
  const inf = () => new Float64Array(E).fill(Number.POSITIVE_INFINITY);
  return {
    month: 0,
    wanted: Float64Array.from(net.nodeBase),
    capacity: Float64Array.from(net.nodeCapacity),
    rampAdded: f(),
    excessMonths: f(),
    inventory: f(),
    stock,
    received: Float64Array.from(net.poolBase),
    plan: f(),
    output: f(),
    usable: f(),
    binding: new Int32Array(N).fill(-1),
    need: p(),
    supplied: p(),
    phi: p(),
    used: p(),
    served: p(),
    orderTotal: p(),
    desired: e(),
    orders: e(),
    shipped: e(),
    extra: e(),
    claim: e(),
    nodeOrders: f(),
    nodeDemand: f(),
    nodeShipped: f(),
    nodeExtra: f(),
    nodeRationed: f(),
    nodeHeld: f(),
    nodeScratch: f(),
    nodeClaims: f(),
    poolA: p(),
    poolB: p(),
    poolC: p(),
    poolD: p(),
    poolWork: new Float64Array(3 * Q),
    unplaced: new Float64Array(net.goods.length),
    ruled: new Int32Array(0),
    nodeRuled: new Uint8Array(N),
    caps: [],
    limit: inf(),
    guarantee: e(),
    allowed: inf(),
    capFactor: new Float64Array(N).fill(1),
    capAdd: f(),
    extraStockMonths: p(),
    poolCapped: new Uint8Array(Q),
    anyGuarantee: false,
    anyExtra: false,
    touched: new Int32Array(Q),
    poolMark: new Uint8Array(Q),
    goodList: new Int32Array(net.goods.length),
    goodMark: new Uint8Array(net.goods.length),
    touchedNodes: new Int32Array(N),
    touchedCount: 0,
  };
}
