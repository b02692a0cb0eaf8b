/**
 * Sets the engine's per-edge, per-node and per-pool rule arrays for a month from the controls
 * active in it. Called only in months where the active set may change.
 * @module
 */
import type { Network } from "../network/network.js";
import { active, type Controls } from "./controls.js";
import type { EngineState } from "./state.js";

export function applyControls(net: Network, c: Controls, month: number, s: EngineState): void {
  s.baseLimit.fill(Number.POSITIVE_INFINITY);
  s.baseLeakage.fill(0);
  s.guarantee.fill(0);
  s.budgets = [];
  s.capFactor.fill(1);
  s.capAdd.fill(0);
  s.extraStockMonths.fill(0);
  for (const cap of c.caps) {
    if (!active(cap, month)) continue;
    if (cap.kind === "budget") {
      s.budgets.push({ edges: cap.edges, value: cap.value, leakage: cap.leakage });
      continue;
    }
    for (const e of cap.edges) {
      const limit = cap.value * net.edgeBase[e]!;
      // Several caps on one edge: the tightest holds, with its own leakage.
      if (limit < s.baseLimit[e]!) {
        s.baseLimit[e] = limit;
        s.baseLeakage[e] = cap.leakage;
      }
    }
  }
  s.limit.set(s.baseLimit);
  s.leakage.set(s.baseLeakage);
  s.anyGuarantee = false;
  for (const g of c.guarantees) {
    if (!active(g, month)) continue;
    g.edges.forEach((e, i) => {
      s.guarantee[e] = s.guarantee[e]! + g.volume[i]!;
    });
    s.anyGuarantee = true;
  }
  for (const k of c.capacity) {
    if (!active(k, month)) continue;
    k.nodes.forEach((n, i) => {
      s.capFactor[n] = s.capFactor[n]! * k.factor;
      s.capAdd[n] = s.capAdd[n]! + k.add[i]!;
    });
  }
  for (const t of c.stocks) {
    if (!active(t, month)) continue;
    for (const q of t.pools) s.extraStockMonths[q] = s.extraStockMonths[q]! + t.extraMonths;
  }
}
