/**
 * The export controls of a world as `levier data show` lists them: each with its routes, cap,
 * dates and source, whether it is in force at the world's as-of date, and the yearly value of
 * the trade on its routes in the baseline without the standing controls and with them; and
 * what the baseline had to do to balance the controlled goods (its notes).
 * @module
 */

import { realise } from "../run/realise.js";
import { resolveRefs } from "../scenario/refs.js";
import { baselineOf, tradeValue } from "./baseline.js";
import { asOfMonth, inForceAt } from "./controls.js";
import { figure } from "./realised.js";
import type { World } from "./schema.js";

export interface ControlRow {
  id: string;
  name: string;
  from: string[];
  to: string[];
  goods: string[];
  /** Central values, 0–1. */
  cap: number;
  leakage: number;
  since: string;
  until?: string;
  inForce: boolean;
  source?: string;
  year?: number;
  note?: string;
  /** Value of the trade on the control's routes, USD a year: in the baseline without the
   * standing controls, and in the baseline (with those in force). */
  trade: { uncontrolled: number; baseline: number };
}

export interface ControlsSummary {
  /** The month at which controls are judged (December of the as-of year). */
  asOf?: string;
  controls: ControlRow[];
  /** What the baseline did to balance the controlled goods, in words. */
  baselineNotes: string[];
}

export function controlsSummary(source: World): ControlsSummary {
  // Described at central values, on the world as the model reads it.
  const world = realise(source);
  const month = asOfMonth(world);
  const out: ControlsSummary = { controls: [], baselineNotes: [] };
  if (month !== undefined) out.asOf = month;
  if (world.controls.length === 0) return out;
  const uncontrolled = baselineOf(world, { controls: false });
  const baseline = baselineOf(world);
  out.baselineNotes = baseline.notes.map((n) => n.text);
  out.controls = world.controls.map((c) => {
    const from = resolveRefs(world, [], c.from);
    const to = resolveRefs(world, [], c.to);
    const row: ControlRow = {
      id: c.id,
      name: c.name,
      from: [...c.from],
      to: [...c.to],
      goods: [...c.goods],
      cap: figure(c.cap),
      leakage: c.leakage === undefined ? 0 : figure(c.leakage),
      since: c.since,
      inForce: inForceAt(c, month),
      trade: {
        uncontrolled: tradeValue(world, uncontrolled, from, to, c.goods),
        baseline: tradeValue(world, baseline, from, to, c.goods),
      },
    };
    if (c.until !== undefined) row.until = c.until;
    if (c.source !== undefined) row.source = c.source;
    if (c.year !== undefined) row.year = c.year;
    if (c.note !== undefined) row.note = c.note;
    return row;
  });
  return out;
}
