/**
 * The input–output structure of a network in one year, as value added by origin needs it
 * (docs/model.md §8): per recipe link its coefficient (units of input per unit of output), per
 * supply edge its share σ of the pool's supply, per node its own value added per unit, its
 * monthly output, and per pool its monthly final demand. The base year's structure is read off
 * the baseline network; an automation path (`automation.ts`) changes coefficients, own value
 * added and shares year by year, and the outputs follow.
 *
 * Value coefficients: A_kj = p_k σ_e a_l / p_j for the edge e from node k into the pool of
 * link l of node j (the share of j's price that is k's output); the own share ω_j = va_j / p_j;
 * the rest ρ_j = 1 − ω_j − Σ_k A_kj is the value of inputs the recipes do not list (bought
 * outside the chain's network: no actor's value added that the network can trace).
 * @module
 */
import type { Csr } from "../analysis/io/sparse.js";
import type { Network } from "../network/network.js";

export interface Structure {
  net: Network;
  /** Per link: units of the input per unit of the node's output. */
  coef: Float64Array;
  /** Per link: criticality (0–1). */
  crit: Float64Array;
  /** Per edge: the share of its pool's supply that its node provides (Σ over a pool = 1). */
  supply: Float64Array;
  /** Per node: own value added per unit of output, USD. */
  ownVa: Float64Array;
  /** Per node: output per month, units. */
  output: Float64Array;
  /** Per pool: final demand per month, units. */
  final: Float64Array;
}

/** The base year's structure of a network: its baseline, with each pool's supply shared among its
 * suppliers in proportion to their baseline flows into it (a pool with no baseline supply: in
 * proportion to its suppliers' baseline output, the pooled market). Own value added per unit is
 * the good's, at most what the price leaves after the listed inputs. */
export function structureOf(net: Network): Structure {
  const supply = new Float64Array(net.edgePool.length);
  for (let q = 0; q < net.poolCount; q++) {
    const from = net.poolEdgeStart[q]!;
    const to = net.poolEdgeStart[q + 1]!;
    const base = net.poolBase[q]!;
    if (base > 0) {
      for (let i = from; i < to; i++) {
        const e = net.poolEdges[i]!;
        supply[e] = net.edgeBase[e]! / base;
      }
      continue;
    }
    let all = 0;
    for (let i = from; i < to; i++) all += net.nodeBase[net.edgeNode[net.poolEdges[i]!]!]!;
    for (let i = from; i < to; i++) {
      const e = net.poolEdges[i]!;
      supply[e] = all > 0 ? net.nodeBase[net.edgeNode[e]!]! / all : 1 / (to - from);
    }
  }
  const ownVa = new Float64Array(net.nodeCount);
  for (let k = 0; k < net.nodeCount; k++) {
    const g = net.nodeGood[k]!;
    const price = net.goodPrice[g]!;
    let inputs = 0;
    for (let l = net.linkStart[k]!; l < net.linkStart[k + 1]!; l++)
      inputs += net.linkCoef[l]! * net.goodPrice[net.poolGood[net.linkPool[l]!]!]!;
    ownVa[k] = Math.max(0, Math.min(net.goodValueAdded[g]!, price - inputs));
  }
  return {
    net,
    coef: Float64Array.from(net.linkCoef),
    crit: Float64Array.from(net.linkCrit),
    supply,
    ownVa,
    output: Float64Array.from(net.nodeBase),
    final: Float64Array.from(net.poolFinal),
  };
}

export interface ValueCoefficients {
  /** A in CSR by input node k: A_kj, the share of node j's price that is node k's output. */
  a: Csr;
  /** Per node: ω, own value added per unit of value. */
  own: Float64Array;
  /** Per node: ρ, the value of inputs the recipes do not list, per unit of value (≥ 0). */
  untraced: Float64Array;
  /** Per node: where its listed inputs and own value added exceed its price, by how much per
   * unit of value (0 elsewhere): the inputs are then scaled down to fit. */
  excess: Float64Array;
}

/**
 * The value coefficients of a structure. `proxy` (per node: a node, or −1) names where the
 * inputs no recipe lists are bought: their value ρ_j then becomes an input from that node
 * (A_{proxy(j), j} += ρ_j) and carries its value-added content, instead of staying untraced.
 */
export function valueCoefficients(s: Structure, proxy?: Int32Array): ValueCoefficients {
  const { net } = s;
  const N = net.nodeCount;
  const price = (k: number) => net.goodPrice[net.nodeGood[k]!]!;
  // Column by column (user node j), then transposed into rows by input node.
  const colStart = new Int32Array(N + 1);
  const rows: number[] = [];
  const vals: number[] = [];
  const own = new Float64Array(N);
  const untraced = new Float64Array(N);
  const excess = new Float64Array(N);
  for (let j = 0; j < N; j++) {
    const pj = price(j);
    const start = rows.length;
    let sum = 0;
    if (pj > 0) {
      for (let l = net.linkStart[j]!; l < net.linkStart[j + 1]!; l++) {
        const a = s.coef[l]!;
        if (a === 0) continue;
        const q = net.linkPool[l]!;
        for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
          const e = net.poolEdges[i]!;
          const sigma = s.supply[e]!;
          if (sigma === 0) continue;
          const k = net.edgeNode[e]!;
          const v = (price(k) * sigma * a) / pj;
          rows.push(k);
          vals.push(v);
          sum += v;
        }
      }
      own[j] = s.ownVa[j]! / pj;
    }
    const rest = 1 - own[j]! - sum;
    if (rest < 0 && sum > 0) {
      // Inconsistent data: the listed inputs are scaled to what the price leaves.
      const scale = (1 - own[j]!) / sum;
      for (let p = start; p < vals.length; p++) vals[p] = vals[p]! * scale;
      excess[j] = -rest;
    } else {
      const p = proxy?.[j] ?? -1;
      if (p >= 0 && p !== j && rest > 0) {
        rows.push(p);
        vals.push(rest);
      } else untraced[j] = Math.max(0, rest);
    }
    colStart[j + 1] = rows.length;
  }
  return { a: transposeColumns(N, colStart, rows, vals), own, untraced, excess };
}

/** Rows (by input node) of a matrix given by columns; duplicates (k, j) are summed. */
function transposeColumns(n: number, colStart: Int32Array, rows: number[], vals: number[]): Csr {
  const rowStart = new Int32Array(n + 1);
  for (const k of rows) rowStart[k + 1]++;
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i]!;
  const next = rowStart.slice(0, n);
  const col = new Int32Array(rows.length);
  const val = new Float64Array(rows.length);
  for (let j = 0; j < n; j++) {
    for (let p = colStart[j]!; p < colStart[j + 1]!; p++) {
      const at = next[rows[p]!]!++;
      col[at] = j;
      val[at] = vals[p]!;
    }
  }
  return { n, rowStart, col, val };
}
