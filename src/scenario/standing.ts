/**
 * The export controls in force at the world's as-of date, as engine caps for every run: each
 * controlled edge may carry at most its baseline flow (which already has the control in it),
 * plus the control's leakage on what is blocked beyond it; an edge with no baseline flow stays
 * barred. A scenario's `lift_control` measures suspend them in the months they cover.
 * `compileScenario` and the analyses' withholding controls both call `standingCaps`, so that
 * every simulation sees the same standing controls.
 * @module
 */
import type { Network } from "../network/network.js";
import type { EdgeCap, MonthRange } from "../simulate/controls.js";

/** A scenario's lifting of some standing controls over a range of months. */
export interface Lift extends MonthRange {
  controls: readonly string[];
}

/** The caps of the network's standing controls over months 1..horizon, outside their lifts. */
export function standingCaps(
  net: Network,
  horizon: number,
  lifts: readonly Lift[] = [],
): EdgeCap[] {
  const caps: EdgeCap[] = [];
  for (const route of net.standing ?? []) {
    if (route.edges.length === 0) continue;
    const lifted = lifts.filter((l) => l.controls.includes(route.id));
    for (const r of outside(lifted, horizon)) {
      caps.push({
        ...r,
        edges: route.edges,
        kind: "fraction",
        value: 1,
        leakage: route.leakage,
        label: `standing: ${route.id}`,
      });
    }
  }
  return caps;
}

/** The months of 1..horizon that no range covers, as ranges in order. */
function outside(ranges: readonly MonthRange[], horizon: number): MonthRange[] {
  const covered = new Uint8Array(horizon + 2);
  for (const r of ranges)
    for (let t = Math.max(1, r.start); t <= Math.min(horizon, r.end); t++) covered[t] = 1;
  const out: MonthRange[] = [];
  let start = 0;
  for (let t = 1; t <= horizon + 1; t++) {
    const free = t <= horizon && covered[t] === 0;
    if (free && start === 0) start = t;
    if (!free && start > 0) {
      out.push({ start, end: t - 1 });
      start = 0;
    }
  }
  return out;
}
