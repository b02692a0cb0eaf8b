/**
 * A synthetic firm-level network for benchmarks: `goods` goods in a chain (good j uses goods
 * j−1 and j−2), firms spread evenly over goods and `actors` countries, each buyer firm buying
 * from `suppliersPerInput` random firms of each input good, and every firm selling some output
 * to final demand. Built from a seed (mulberry32) straight into typed arrays.
 */

import { finishNetwork, groupBy, type Network } from "../../src/network/network.js";
import { mulberry32 } from "../../src/random/mulberry32.js";

export interface SyntheticOptions {
  nodes: number;
  goods: number;
  actors: number;
  suppliersPerInput: number;
  seed: number;
}

export function syntheticNetwork(o: SyntheticOptions): Network {
  const r = mulberry32(o.seed);
  const N = o.nodes;
  const G = o.goods;
  const perGood = Math.floor(N / G);
  const nodeGood = new Int32Array(N);
  const nodeActor = new Int32Array(N);
  for (let k = 0; k < N; k++) {
    nodeGood[k] = Math.min(G - 1, Math.floor(k / perGood));
    nodeActor[k] = Math.floor(r() * o.actors);
  }
  const firstOf = (g: number) => g * perGood;
  const countOf = (g: number) => (g === G - 1 ? N - g * perGood : perGood);
  // Pools: for each buyer firm of good j >= 1, one per input (j-1, and j-2 when j >= 2); then one
  // final-demand pool per (actor, good).
  const inputs = (j: number) => (j >= 2 ? [j - 1, j - 2] : j === 1 ? [0] : []);
  let Q = 0;
  const poolOfInput = new Int32Array(N * 2).fill(-1);
  for (let k = 0; k < N; k++)
    inputs(nodeGood[k]!).forEach((_, i) => (poolOfInput[k * 2 + i] = Q++));
  const firstFinal = Q;
  Q += o.actors * G;
  const poolGood = new Int32Array(Q);
  const poolActor = new Int32Array(Q);
  for (let k = 0; k < N; k++) {
    inputs(nodeGood[k]!).forEach((g, i) => {
      const q = poolOfInput[k * 2 + i]!;
      poolGood[q] = g;
      poolActor[q] = nodeActor[k]!;
    });
  }
  for (let a = 0; a < o.actors; a++) {
    for (let g = 0; g < G; g++) {
      poolGood[firstFinal + a * G + g] = g;
      poolActor[firstFinal + a * G + g] = a;
    }
  }
  // Edges, collected per supplier.
  const S = o.suppliersPerInput;
  let E = 0;
  for (let k = 0; k < N; k++) E += inputs(nodeGood[k]!).length * S;
  E += N;
  const from = new Int32Array(E);
  const to = new Int32Array(E);
  const vol = new Float64Array(E);
  let e = 0;
  for (let k = 0; k < N; k++) {
    inputs(nodeGood[k]!).forEach((g, i) => {
      for (let s = 0; s < S; s++) {
        from[e] = firstOf(g) + Math.floor(r() * countOf(g));
        to[e] = poolOfInput[k * 2 + i]!;
        vol[e] = 0.1 + r();
        e++;
      }
    });
  }
  for (let k = 0; k < N; k++) {
    from[e] = k;
    to[e] = firstFinal + nodeActor[k]! * G + nodeGood[k]!;
    vol[e] = 0.5 + r();
    e++;
  }
  const { start: edgeStart, order } = groupBy(N, from);
  const edgePool = Int32Array.from(order, (i) => to[i]!);
  const edgeBase = Float64Array.from(order, (i) => vol[i]!);
  const output = new Float64Array(N);
  for (let i = 0; i < E; i++) output[from[i]!] += vol[i]!;
  const receipts = new Float64Array(Q);
  for (let i = 0; i < E; i++) receipts[to[i]!] += vol[i]!;
  const poolFinal = new Float64Array(Q);
  for (let q = firstFinal; q < Q; q++) poolFinal[q] = receipts[q]!;
  const poolStockMonths = new Float64Array(Q);
  for (let q = 0; q < firstFinal; q++) poolStockMonths[q] = 1 + (poolGood[q]! % 3);
  const linkStart = new Int32Array(N + 1);
  const linkPool: number[] = [];
  const linkCoef: number[] = [];
  const linkCrit: number[] = [];
  for (let k = 0; k < N; k++) {
    inputs(nodeGood[k]!).forEach((_, i) => {
      const q = poolOfInput[k * 2 + i]!;
      linkPool.push(q);
      linkCoef.push(receipts[q]! / output[k]!);
      linkCrit.push(i === 0 ? 0.8 : 0.4);
    });
    linkStart[k + 1] = linkPool.length;
  }
  const goods = Array.from({ length: G }, (_, g) => `g${g}`);
  return finishNetwork({
    goods,
    actors: Array.from({ length: o.actors }, (_, a) => `A${a}`),
    goodValueAdded: new Float64Array(G).fill(1),
    goodPrice: new Float64Array(G).fill(2),
    goodSecurityWeight: new Float64Array(G).fill(1),
    goodElasticity: new Float64Array(G).fill(0.5),
    goodRationed: new Float64Array(G),
    goodEconomy: new Uint8Array(G),
    rampLag: new Float64Array(G).fill(2),
    rampRate: new Float64Array(G).fill(0.05),
    rampMax: new Float64Array(G).fill(0.3),
    nodeCount: N,
    nodeId: [],
    nodeGood,
    nodeActor,
    nodeCapacity: Float64Array.from(output, (x) => x / 0.9),
    poolCount: Q,
    poolGood,
    poolActor,
    poolFinal,
    poolStockMonths,
    linkStart,
    linkPool: Int32Array.from(linkPool),
    linkCoef: Float64Array.from(linkCoef),
    linkCrit: Float64Array.from(linkCrit),
    edgeStart,
    edgePool,
    edgeBase,
  });
}
