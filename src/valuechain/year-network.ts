/**
 * A year's structure as a network the monthly engine runs on, so that a shock can be layered on
 * any year of an automation path: the year's recipe coefficients and criticalities, baseline
 * flows v_e = σ_e N_q (each pool's need at the year's outputs, shared among its suppliers),
 * capacities scaled with output (the base year's utilisation), and each good's value added per
 * unit lowered by the share automated (every maker of a good automates alike). The base year's
 * structure gives back the base network itself.
 * @module
 */
import { finishNetwork, type Network } from "../network/network.js";
import type { Structure } from "./structure.js";

export function yearNetwork(base: Structure, s: Structure): Network {
  if (s === base) return base.net;
  const { net } = s;
  const need = Float64Array.from(s.final);
  for (let j = 0; j < net.nodeCount; j++)
    for (let l = net.linkStart[j]!; l < net.linkStart[j + 1]!; l++)
      need[net.linkPool[l]!] += s.coef[l]! * s.output[j]!;
  const edgeBase = Float64Array.from(s.supply, (sigma, e) => sigma * need[net.edgePool[e]!]!);
  // Utilisation per good at base, for nodes that had no output there.
  const cap = new Float64Array(net.goods.length);
  const out = new Float64Array(net.goods.length);
  for (let k = 0; k < net.nodeCount; k++) {
    cap[net.nodeGood[k]!] += net.nodeCapacity[k]!;
    out[net.nodeGood[k]!] += net.nodeBase[k]!;
  }
  const nodeOut = new Float64Array(net.nodeCount);
  for (let e = 0; e < edgeBase.length; e++) nodeOut[net.edgeNode[e]!] += edgeBase[e]!;
  const nodeCapacity = Float64Array.from(net.nodeCapacity, (k0, k) => {
    const x0 = net.nodeBase[k]!;
    const x = nodeOut[k]!;
    if (x0 > 0) return (k0 * x) / x0;
    const g = net.nodeGood[k]!;
    return Math.max(k0, out[g]! > 0 ? (x * cap[g]!) / out[g]! : x);
  });
  // Value added per unit of each good: the mean over its makers of the year's own value added
  // over the base year's, times the good's (all makers of a good automate at one rate).
  const ratio = new Float64Array(net.goods.length).fill(1);
  const seen = new Uint8Array(net.goods.length);
  for (let k = 0; k < net.nodeCount; k++) {
    const g = net.nodeGood[k]!;
    const v0 = baseOwn(s, k);
    if (seen[g] || !(v0 > 0)) continue;
    ratio[g] = s.ownVa[k]! / v0;
    seen[g] = 1;
  }
  const {
    poolLinkStart: _a,
    poolLinks: _b,
    linkNode: _c,
    edgeNode: _d,
    edgeHome: _e,
    poolHomeBase: _f,
    poolEdgeStart: _g,
    poolEdges: _h,
    nodeBase: _i,
    poolBase: _j,
    poolNeedBase: _k,
    rationed: _l,
    ...rest
  } = net;
  return finishNetwork({
    ...rest,
    goodValueAdded: Float64Array.from(net.goodValueAdded, (v, g) => v * ratio[g]!),
    linkCoef: Float64Array.from(s.coef),
    linkCrit: Float64Array.from(s.crit),
    edgeBase,
    nodeCapacity,
    poolFinal: Float64Array.from(s.final),
  });
}

/** The base year's own value added per unit of node k (what `structureOf` gives). */
function baseOwn(s: Structure, k: number): number {
  const { net } = s;
  const g = net.nodeGood[k]!;
  let inputs = 0;
  for (let l = net.linkStart[k]!; l < net.linkStart[k + 1]!; l++)
    inputs += net.linkCoef[l]! * net.goodPrice[net.poolGood[net.linkPool[l]!]!]!;
  return Math.max(0, Math.min(net.goodValueAdded[g]!, net.goodPrice[g]! - inputs));
}
