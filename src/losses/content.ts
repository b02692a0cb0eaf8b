/**
 * Who made the value of a good: each unit's price split into the value added of the actors whose
 * production it embodies, through the baseline network (the value-added content of trade in
 * value added, OECD TiVA; Koopman, Wang & Wei 2014, in value shares). A pool's supply is its
 * baseline suppliers' output in proportion to their baseline flows into it; a node's price is
 * its own value added (va/p) plus each input's value (coefficient × the input's price, over p).
 * Where those add up to less than the price, the rest is inputs from outside the network (no
 * actor's value added in it); where they add up to more (inconsistent data), they are scaled to
 * the price. `attribute` pushes a value placed on pools back to the actors who made it
 * (docs/model.md, "Losses").
 * @module
 */
import type { Network } from "../network/network.js";

/** Iterations stop when the value still moving is below this share of the value placed. */
const TOLERANCE = 1e-13;
const MAX_ROUNDS = 2000;

export interface ContentModel {
  /** Per node: the share of its output's price that is its own value added (0–1). */
  ownShare: Float64Array;
  /** Per recipe link: its input's share of the node's price (own + links add up to at most 1). */
  linkShare: Float64Array;
}

export function contentModel(net: Network): ContentModel {
  const ownShare = new Float64Array(net.nodeCount);
  const linkShare = new Float64Array(net.linkPool.length);
  for (let k = 0; k < net.nodeCount; k++) {
    const g = net.nodeGood[k]!;
    const price = net.goodPrice[g]!;
    let inputs = 0;
    for (let l = net.linkStart[k]!; l < net.linkStart[k + 1]!; l++)
      inputs += net.linkCoef[l]! * net.goodPrice[net.poolGood[net.linkPool[l]!]!]!;
    if (!(price > 0)) {
      ownShare[k] = 1;
      continue;
    }
    const own = Math.max(0, net.goodValueAdded[g]!) / price;
    const sum = own + inputs / price;
    const scale = sum > 1 ? 1 / sum : 1;
    ownShare[k] = own * scale;
    for (let l = net.linkStart[k]!; l < net.linkStart[k + 1]!; l++) {
      const v = net.linkCoef[l]! * net.goodPrice[net.poolGood[net.linkPool[l]!]!]!;
      linkShare[l] = (v / price) * scale;
    }
  }
  return { ownShare, linkShare };
}

/**
 * Adds to `out` (by network actor) the value added embodied in `poolValue` (USD placed on
 * pools). `poolValue` is left unchanged. Value on a pool without baseline supply is the pool's
 * own actor's; value still moving after the last round (a loop of goods without value added)
 * stays with the actor of the pool it reached.
 */
export function attribute(
  net: Network,
  model: ContentModel,
  poolValue: Float64Array,
  out: Float64Array,
): void {
  const Q = net.poolCount;
  let cur = Float64Array.from(poolValue);
  let next = new Float64Array(Q);
  const nodeValue = new Float64Array(net.nodeCount);
  let placed = 0;
  for (let q = 0; q < Q; q++) placed += Math.abs(cur[q]!);
  if (placed === 0) return;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    nodeValue.fill(0);
    let touched = false;
    for (let q = 0; q < Q; q++) {
      const v = cur[q]!;
      if (v === 0) continue;
      const base = net.poolBase[q]!;
      if (!(base > 0)) {
        out[net.poolActor[q]!] += v;
        continue;
      }
      for (let j = net.poolEdgeStart[q]!; j < net.poolEdgeStart[q + 1]!; j++) {
        const e = net.poolEdges[j]!;
        const w = net.edgeBase[e]!;
        if (w > 0) nodeValue[net.edgeNode[e]!] += (v * w) / base;
      }
      touched = true;
    }
    if (!touched) return;
    next.fill(0);
    let moving = 0;
    for (let k = 0; k < net.nodeCount; k++) {
      const v = nodeValue[k]!;
      if (v === 0) continue;
      out[net.nodeActor[k]!] += model.ownShare[k]! * v;
      for (let l = net.linkStart[k]!; l < net.linkStart[k + 1]!; l++) {
        const x = v * model.linkShare[l]!;
        if (x === 0) continue;
        next[net.linkPool[l]!] += x;
        moving += Math.abs(x);
      }
    }
    [cur, next] = [next, cur];
    if (moving <= TOLERANCE * placed) break;
  }
  for (let q = 0; q < Q; q++) if (cur[q] !== 0) out[net.poolActor[q]!] += cur[q]!;
}

/**
 * `attribute` for `T` placements at once (months, say): `values[t * Q + q]` is the value placed
 * on pool q in placement t, and `out[a * T + t]` gains what actor a made of placement t. Each
 * placement goes through exactly the operations, in the same order, as `attribute` alone, and
 * stops when it alone has converged, so the results are bit for bit those of T calls; the
 * network's arrays are read once a round for all placements rather than once per placement.
 */
export function attributeEach(
  net: Network,
  model: ContentModel,
  values: Float64Array,
  T: number,
  out: Float64Array,
): void {
  const Q = net.poolCount;
  const N = net.nodeCount;
  let cur = new Float64Array(Q * T);
  let next = new Float64Array(Q * T);
  const nodeValue = new Float64Array(N * T);
  const placed = new Float64Array(T);
  const moving = new Float64Array(T);
  const live = new Uint8Array(T);
  for (let q = 0; q < Q; q++)
    for (let t = 0; t < T; t++) {
      const v = values[t * Q + q]!;
      cur[q * T + t] = v;
      placed[t] = placed[t]! + Math.abs(v);
    }
  let alive = 0;
  for (let t = 0; t < T; t++)
    if (placed[t] !== 0) {
      live[t] = 1;
      alive++;
    }
  const touched = new Uint8Array(T);
  const on = new Int32Array(T);
  for (let round = 0; round < MAX_ROUNDS && alive > 0; round++) {
    // The placements still moving, in order (the inner loops run over them, contiguous in t).
    let n = 0;
    for (let t = 0; t < T; t++) if (live[t] === 1) on[n++] = t;
    nodeValue.fill(0);
    touched.fill(0);
    for (let q = 0; q < Q; q++) {
      const base = net.poolBase[q]!;
      const row = q * T;
      if (!(base > 0)) {
        const qa = net.poolActor[q]! * T;
        for (let i = 0; i < n; i++) {
          const t = on[i]!;
          const v = cur[row + t]!;
          if (v !== 0) out[qa + t] += v;
        }
        continue;
      }
      let any = false;
      for (let i = 0; i < n; i++) {
        const t = on[i]!;
        if (cur[row + t] !== 0) {
          touched[t] = 1;
          any = true;
        }
      }
      if (!any) continue;
      for (let j = net.poolEdgeStart[q]!; j < net.poolEdgeStart[q + 1]!; j++) {
        const e = net.poolEdges[j]!;
        const w = net.edgeBase[e]!;
        if (!(w > 0)) continue;
        const to = net.edgeNode[e]! * T;
        for (let i = 0; i < n; i++) {
          const t = on[i]!;
          const v = cur[row + t]!;
          if (v !== 0) nodeValue[to + t] += (v * w) / base;
        }
      }
    }
    for (let t = 0; t < T; t++)
      if (live[t] === 1 && touched[t] === 0) {
        // `attribute` returns here: nothing left to push back, and nothing of it still moving.
        live[t] = 2;
        alive--;
      }
    if (alive === 0) break;
    n = 0;
    for (let t = 0; t < T; t++) if (live[t] === 1) on[n++] = t;
    next.fill(0);
    moving.fill(0);
    for (let k = 0; k < N; k++) {
      const row = k * T;
      const ka = net.nodeActor[k]! * T;
      const own = model.ownShare[k]!;
      let any = false;
      for (let i = 0; i < n; i++) {
        const t = on[i]!;
        const v = nodeValue[row + t]!;
        if (v === 0) continue;
        out[ka + t] += own * v;
        any = true;
      }
      if (!any) continue;
      for (let l = net.linkStart[k]!; l < net.linkStart[k + 1]!; l++) {
        const share = model.linkShare[l]!;
        const to = net.linkPool[l]! * T;
        for (let i = 0; i < n; i++) {
          const t = on[i]!;
          const v = nodeValue[row + t]!;
          if (v === 0) continue;
          const x = v * share;
          if (x === 0) continue;
          next[to + t] += x;
          moving[t] = moving[t]! + Math.abs(x);
        }
      }
    }
    // Placements that converged keep their last values in `cur` for `finish`.
    for (let q = 0; q < Q; q++)
      for (let t = 0; t < T; t++) if (live[t] !== 1) next[q * T + t] = cur[q * T + t]!;
    [cur, next] = [next, cur];
    for (let t = 0; t < T; t++)
      if (live[t] === 1 && moving[t]! <= TOLERANCE * placed[t]!) {
        live[t] = 3;
        alive--;
      }
  }
  finish(net, cur, T, live, out);
}

/** Value still on pools stays with the pools' actors (not for placements that returned early). */
function finish(net: Network, cur: Float64Array, T: number, live: Uint8Array, out: Float64Array) {
  for (let q = 0; q < net.poolCount; q++)
    for (let t = 0; t < T; t++) {
      if (live[t] === 2 || live[t] === 0) continue;
      const v = cur[q * T + t]!;
      if (v !== 0) out[net.poolActor[q]! * T + t] += v;
    }
}
