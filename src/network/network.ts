/**
 * The production network the engine runs over, in typed arrays.
 *
 * - Nodes produce a good (an actor's industry in the country-level world, a firm in a
 *   firm-level network), with a baseline monthly output and a capacity.
 * - Pools hold a buyer's supply of one good: what it receives, its stock, and the needs drawn
 *   on it by the buyer's nodes (recipe links) and by final demand.
 * - Edges carry a good from a supplier node to a pool, with a baseline monthly volume.
 *
 * Edges are stored by supplier (CSR: `edgeStart`, `edgePool`) and indexed by pool
 * (`poolEdgeStart`, `poolEdges`); recipe links by node (`linkStart`, `linkPool`).
 * Baseline totals are defined as sums over these arrays in their stored order, the same order
 * the engine sums in, so that a run without measures reproduces them exactly.
 * @module
 */
import { type Figure, figure, type RealWorld } from "../world/realised.js";

export interface Network {
  /** Names for reporting: goods and actors by index. */
  goods: string[];
  actors: string[];
  /** Value added and price per unit of each good (USD). */
  goodValueAdded: Float64Array;
  goodPrice: Float64Array;
  goodSecurityWeight: Float64Array;
  /** Price elasticity of final demand at baseline, per good (for consumer surplus lost). */
  goodElasticity: Float64Array;
  /** Per good, the demand unserved at baseline as a share of baseline receipts (rationed
   * goods; 0 elsewhere): what a supplier's buyers stop taking is sold to it (step 6). */
  goodRationed: Float64Array;
  /** Whether any good is rationed (set by `finishNetwork`). */
  rationed: boolean;
  /** 1 where the good is a sector of the economy downstream of the chain (layer `economy`). */
  goodEconomy: Uint8Array;
  /** Per good: months before idle suppliers ramp up, monthly rate and ceiling (shares of capacity). */
  rampLag: Float64Array;
  rampRate: Float64Array;
  rampMax: Float64Array;

  nodeCount: number;
  nodeId: string[];
  nodeGood: Int32Array;
  nodeActor: Int32Array;
  /** Baseline monthly output (= sum of the node's baseline edge volumes, in edge order). */
  nodeBase: Float64Array;
  /** Baseline capacity (output / utilisation). */
  nodeCapacity: Float64Array;

  poolCount: number;
  poolGood: Int32Array;
  poolActor: Int32Array;
  /** Baseline monthly final demand drawn on the pool. */
  poolFinal: Float64Array;
  /** Baseline monthly receipts (= sum of the pool's baseline edge volumes, in pool-edge order). */
  poolBase: Float64Array;
  /** Baseline need: Σ recipe needs of the nodes drawing on the pool + final demand. */
  poolNeedBase: Float64Array;
  /** Months of baseline receipts held in stock. */
  poolStockMonths: Float64Array;

  /** Recipe links, CSR by node: the pools a node draws on, units per unit of output, criticality. */
  linkStart: Int32Array;
  linkPool: Int32Array;
  linkCoef: Float64Array;
  linkCrit: Float64Array;
  /** The same links indexed by pool: link indices of the nodes that draw on each pool. */
  poolLinkStart: Int32Array;
  poolLinks: Int32Array;
  /** For each link, its node (the inverse of linkStart). */
  linkNode: Int32Array;

  /** Supply edges, CSR by supplier node. */
  edgeStart: Int32Array;
  edgePool: Int32Array;
  edgeBase: Float64Array;
  /** For each edge, its supplier node (the inverse of edgeStart). */
  edgeNode: Int32Array;
  /** 1 where the edge's supplier and buyer are the same actor (home supply). */
  edgeHome: Uint8Array;
  /** Per pool, the baseline receipts from home supply. */
  poolHomeBase: Float64Array;
  /** Edges indexed by pool. */
  poolEdgeStart: Int32Array;
  poolEdges: Int32Array;
  /** Pools indexed by good (in pool order), and per good the edges into its pools (every edge
   * carries its supplier's good, so these are also the edges out of the good's nodes). */
  goodPoolStart: Int32Array;
  goodPools: Int32Array;
  goodEdgeCount: Int32Array;
  /** Export controls in force at the world's as-of date (country-level worlds): the edges each
   * holds at their baseline flow in every run, with its leakage (`scenario/standing.ts`). */
  standing?: StandingRoute[];
}

/** The edges of one standing export control (`world/controls.ts`). */
export interface StandingRoute {
  /** The control's id in the world's `controls`. */
  id: string;
  edges: Int32Array;
  leakage: number;
}

/** Price elasticity of final demand where a good gives none (docs/model.md, "Losses"). */
export const DEFAULT_DEMAND_ELASTICITY = 0.5;

/** The per-good parameters of a network, from a world's goods (central values). */
export function goodParameters(
  world: RealWorld,
): Pick<
  Network,
  | "goods"
  | "goodValueAdded"
  | "goodPrice"
  | "goodSecurityWeight"
  | "goodElasticity"
  | "goodRationed"
  | "goodEconomy"
  | "rampLag"
  | "rampRate"
  | "rampMax"
> {
  const of = (f: (g: RealWorld["goods"][number]) => Figure) =>
    Float64Array.from(world.goods.map((g) => figure(f(g))));
  return {
    goods: world.goods.map((g) => g.id),
    goodValueAdded: of((g) => g.valueAddedPerUnit),
    goodPrice: of((g) => g.pricePerUnit),
    goodSecurityWeight: of((g) => g.securityWeight),
    goodElasticity: of((g) => g.demandElasticity ?? DEFAULT_DEMAND_ELASTICITY),
    goodRationed: of((g) => g.rationedDemand ?? 0),
    goodEconomy: Uint8Array.from(world.goods.map((g) => (g.layer === "economy" ? 1 : 0))),
    rampLag: of((g) => g.rampUp.lagMonths),
    rampRate: of((g) => g.rampUp.ratePerMonth),
    rampMax: of((g) => g.rampUp.max),
  };
}

/** Builds the inverse indices and baseline totals from the node-side arrays. */
export function finishNetwork(
  n: Omit<
    Network,
    | "poolLinkStart"
    | "poolLinks"
    | "linkNode"
    | "edgeNode"
    | "edgeHome"
    | "poolHomeBase"
    | "poolEdgeStart"
    | "poolEdges"
    | "goodPoolStart"
    | "goodPools"
    | "goodEdgeCount"
    | "nodeBase"
    | "poolBase"
    | "poolNeedBase"
    | "rationed"
  >,
): Network {
  const N = n.nodeCount;
  const Q = n.poolCount;
  const L = n.linkPool.length;
  const E = n.edgePool.length;
  const linkNode = new Int32Array(L);
  for (let k = 0; k < N; k++)
    for (let l = n.linkStart[k]!; l < n.linkStart[k + 1]!; l++) linkNode[l] = k;
  const edgeNode = new Int32Array(E);
  for (let k = 0; k < N; k++)
    for (let e = n.edgeStart[k]!; e < n.edgeStart[k + 1]!; e++) edgeNode[e] = k;
  const poolLinkStart = countingIndex(Q, n.linkPool);
  const poolLinks = fillIndex(Q, n.linkPool, poolLinkStart);
  const poolEdgeStart = countingIndex(Q, n.edgePool);
  const poolEdges = fillIndex(Q, n.edgePool, poolEdgeStart);
  const G = n.goods.length;
  const goodPoolStart = countingIndex(G, n.poolGood);
  const goodPools = fillIndex(G, n.poolGood, goodPoolStart);
  for (let e = 0; e < E; e++)
    if (n.poolGood[n.edgePool[e]!] !== n.nodeGood[edgeNode[e]!])
      throw new Error(`edge ${e} carries a good its pool does not hold`);
  const goodEdgeCount = new Int32Array(G);
  for (let q = 0; q < Q; q++)
    goodEdgeCount[n.poolGood[q]!] += poolEdgeStart[q + 1]! - poolEdgeStart[q]!;

  const nodeBase = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    let s = 0;
    for (let e = n.edgeStart[k]!; e < n.edgeStart[k + 1]!; e++) s += n.edgeBase[e]!;
    nodeBase[k] = s;
  }
  const poolBase = new Float64Array(Q);
  sumIntoPools(n.edgePool, n.edgeBase, poolBase);
  const edgeHome = new Uint8Array(E);
  const poolHomeBase = new Float64Array(Q);
  for (let e = 0; e < E; e++) {
    const q = n.edgePool[e]!;
    if (n.nodeActor[edgeNode[e]!] === n.poolActor[q]) {
      edgeHome[e] = 1;
      poolHomeBase[q] += n.edgeBase[e]!;
    }
  }
  const network: Network = {
    ...n,
    rationed: n.goodRationed.some((r) => r > 0),
    nodeBase,
    poolBase,
    poolNeedBase: new Float64Array(Q),
    linkNode,
    edgeNode,
    edgeHome,
    poolHomeBase,
    poolLinkStart,
    poolLinks,
    poolEdgeStart,
    poolEdges,
    goodPoolStart,
    goodPools,
    goodEdgeCount,
  };
  poolNeeds(network, nodeBase, network.poolNeedBase);
  return network;
}

/**
 * Adds `values[e]` into `out[pools[e]]` in edge order (out is zeroed first). Every per-pool sum
 * over edges, at baseline and in the engine, is taken this way, so they agree bit for bit.
 */
export function sumIntoPools(pools: Int32Array, values: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let e = 0; e < pools.length; e++) out[pools[e]!] += values[e]!;
}

/**
 * The need drawn on every pool when nodes plan `plan`: Σ over links coef × plan, added in link
 * order, plus final demand (the engine uses this same function every month).
 */
export function poolNeeds(net: Network, plan: Float64Array, out: Float64Array): void {
  out.fill(0);
  const { linkStart, linkPool, linkCoef } = net;
  for (let k = 0; k < net.nodeCount; k++) {
    const x = plan[k]!;
    for (let l = linkStart[k]!; l < linkStart[k + 1]!; l++) out[linkPool[l]!] += linkCoef[l]! * x;
  }
  for (let q = 0; q < net.poolCount; q++) out[q] = out[q]! + net.poolFinal[q]!;
}

/**
 * Groups items by an integer key in 0..size−1 (a stable counting sort): `start[k]..start[k+1]`
 * index into `order`, the items of key k in their original order. How edges are put in CSR order
 * by supplier, and pools' links and edges indexed.
 */
export function groupBy(size: number, keys: Int32Array): { start: Int32Array; order: Int32Array } {
  const start = countingIndex(size, keys);
  return { start, order: fillIndex(size, keys, start) };
}

function countingIndex(size: number, keys: Int32Array): Int32Array {
  const start = new Int32Array(size + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i]! + 1]++;
  for (let q = 0; q < size; q++) start[q + 1] += start[q]!;
  return start;
}

function fillIndex(size: number, keys: Int32Array, start: Int32Array): Int32Array {
  const out = new Int32Array(keys.length);
  const next = start.slice(0, size);
  for (let i = 0; i < keys.length; i++) out[next[keys[i]!]++] = i;
  return out;
}
