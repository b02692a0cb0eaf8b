/**
 * The engine's state between months, and the scratch arrays a month fills: all typed arrays
 * sized once for a network, so that a month allocates nothing.
 * @module
 */
import type { Network } from "../network/network.js";

export interface EngineState {
  /** Months completed. */
  month: number;
  /** What each node aims to produce this month before its capacity caps it (orders − inventory). */
  wanted: Float64Array;
  /** Capacity this month: baseline × shocks + investments + ramp-up. */
  capacity: Float64Array;
  /** Capacity added by ramp-up so far, and months in a row with orders above capacity. */
  rampAdded: Float64Array;
  excessMonths: Float64Array;
  /** Finished output not yet sold. */
  inventory: Float64Array;
  /** Per edge, the part of this month's order redistributed to it (served last). */
  extra: Float64Array;
  /** Per good, orders no supplier could take this month. */
  unplaced: Float64Array;
  /** Pool stock and the shipments arriving this month. */
  stock: Float64Array;
  received: Float64Array;

  /** Filled by each month. */
  plan: Float64Array;
  output: Float64Array;
  /** The link whose input bound each node's output this month, or -1. */
  binding: Int32Array;
  need: Float64Array;
  supplied: Float64Array;
  used: Float64Array;
  served: Float64Array;
  desired: Float64Array;
  orders: Float64Array;
  shipped: Float64Array;
  nodeOrders: Float64Array;
  /** Orders each node was asked for before buyers moved what it could not deliver. */
  nodeDemand: Float64Array;
  nodeShipped: Float64Array;
  poolScratch: Float64Array;
  poolScratch2: Float64Array;
  nodeScratch: Float64Array;
  nodeClaims: Float64Array;
  claim: Float64Array;

  /** Current rules: per-edge limit (Infinity = none), leakage and guaranteed volume. `limit`
   * and `leakage` are the fraction caps (`baseLimit`, `baseLeakage`) tightened by this month's
   * budgets. */
  baseLimit: Float64Array;
  baseLeakage: Float64Array;
  limit: Float64Array;
  leakage: Float64Array;
  guarantee: Float64Array;
  /** Budgets shared by groups of edges this month. */
  budgets: { edges: Int32Array; value: number; leakage: number }[];
  capFactor: Float64Array;
  capAdd: Float64Array;
  extraStockMonths: Float64Array;
  anyGuarantee: boolean;
}

export function initialState(net: Network): EngineState {
  const N = net.nodeCount;
  const Q = net.poolCount;
  const E = net.edgePool.length;
  const stock = new Float64Array(Q);
  for (let q = 0; q < Q; q++) stock[q] = net.poolStockMonths[q]! * net.poolBase[q]!;
  return {
    month: 0,
    wanted: Float64Array.from(net.nodeBase),
    capacity: Float64Array.from(net.nodeCapacity),
    rampAdded: new Float64Array(N),
    excessMonths: new Float64Array(N),
    inventory: new Float64Array(N),
    extra: new Float64Array(E),
    unplaced: new Float64Array(net.goods.length),
    stock,
    received: Float64Array.from(net.poolBase),
    plan: new Float64Array(N),
    output: new Float64Array(N),
    binding: new Int32Array(N).fill(-1),
    need: new Float64Array(Q),
    supplied: new Float64Array(Q),
    used: new Float64Array(Q),
    served: new Float64Array(Q),
    desired: new Float64Array(E),
    orders: new Float64Array(E),
    shipped: new Float64Array(E),
    nodeOrders: new Float64Array(N),
    nodeDemand: new Float64Array(N),
    nodeShipped: new Float64Array(N),
    poolScratch: new Float64Array(Q),
    poolScratch2: new Float64Array(Q),
    nodeScratch: new Float64Array(N),
    nodeClaims: new Float64Array(N),
    claim: new Float64Array(E),
    baseLimit: new Float64Array(E).fill(Number.POSITIVE_INFINITY),
    baseLeakage: new Float64Array(E),
    limit: new Float64Array(E).fill(Number.POSITIVE_INFINITY),
    leakage: new Float64Array(E),
    guarantee: new Float64Array(E),
    budgets: [],
    capFactor: new Float64Array(N).fill(1),
    capAdd: new Float64Array(N),
    extraStockMonths: new Float64Array(Q),
    anyGuarantee: false,
  };
}
