/**
 * Sets the engine's per-edge, per-node and per-pool rules for a month from the controls active
 * in it. Called only in months where the active set may change; touches only the edges the old
 * and new rules name.
 * @module
 */
import type { Network } from "../network/network.js";
import { active, type Controls } from "./controls.js";
import type { EngineState } from "./state.js";

export function applyControls(net: Network, c: Controls, month: number, s: EngineState): void {
  for (const e of s.ruled) {
    s.limit[e] = Number.POSITIVE_INFINITY;
    s.guarantee[e] = 0;
    s.allowed[e] = Number.POSITIVE_INFINITY;
  }
  const ruled = new Set<number>();
  // Every active cap is kept: an edge's allowance is the least of theirs, taken each month in
  // `placeOrders` (caps combine as the tightest allowance, in any order).
  s.caps = [];
  s.poolCapped.fill(0);
  for (const cap of c.caps) {
    if (!active(cap, month)) continue;
    for (const e of cap.edges) {
      ruled.add(e);
      s.poolCapped[net.edgePool[e]!] = 1;
    }
    s.caps.push(cap);
  }
  s.anyGuarantee = false;
  for (const g of c.guarantees) {
    if (!active(g, month)) continue;
    g.edges.forEach((e, i) => {
      ruled.add(e);
      s.guarantee[e] = s.guarantee[e]! + g.volume[i]!;
    });
    s.anyGuarantee = true;
  }
  s.ruled = Int32Array.from([...ruled].sort((a, b) => a - b));
  s.nodeRuled.fill(0);
  for (const e of s.ruled) s.nodeRuled[net.edgeNode[e]!] = 1;
  s.capFactor.fill(1);
  s.capAdd.fill(0);
  for (const k of c.capacity) {
    if (!active(k, month)) continue;
    k.nodes.forEach((n, i) => {
      s.capFactor[n] = s.capFactor[n]! * k.factor;
      s.capAdd[n] = s.capAdd[n]! + k.add[i]!;
    });
  }
  s.extraStockMonths.fill(0);
  for (const t of c.stocks) {
    if (!active(t, month)) continue;
    for (const q of t.pools) s.extraStockMonths[q] = s.extraStockMonths[q]! + t.extraMonths;
  }
}
