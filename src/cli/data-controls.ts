/**
 * The export-controls part of `levier data show`: every control on record with its routes, cap,
 * dates, source and the trade on its routes, then what the baseline did to carry those in force.
 * @module
 */

import { pct } from "../report/format.js";
import { textTable } from "../report/text-table.js";
import type { WorldSummary } from "../world/summary.js";

export function renderControls(s: WorldSummary): string[] {
  if (s.controls.length === 0) return [];
  const lines: string[] = [""];
  const when = s.meta.asOf === undefined ? "" : ` (judged at ${s.meta.asOf}-12)`;
  lines.push(
    `Export controls${when}: ${s.counts.controlsInForce} in force, ${s.counts.controls - s.counts.controlsInForce} on record but not in force`,
  );
  lines.push(
    textTable(
      [
        "",
        "control",
        "from -> to",
        "goods",
        "cap",
        "leak",
        "since",
        "until",
        "source",
        "trade $m/yr",
      ],
      s.controls.map((c) => [
        c.inForce ? "in force" : "not in force",
        c.id,
        `${list(c.from)} -> ${list(c.to)}`,
        list(c.goods),
        pct(c.cap, 0),
        pct(c.leakage, 0),
        c.since,
        c.until ?? "",
        c.source ?? "",
        `${millions(c.trade.uncontrolled)} -> ${millions(c.trade.baseline)}`,
      ]),
    ),
  );
  lines.push(
    "(trade: the yearly value on the control's routes in the baseline without the standing controls -> with those in force)",
  );
  if (s.baselineNotes.length > 0) {
    lines.push("");
    lines.push("Baseline notes");
    for (const n of s.baselineNotes) lines.push(`  - ${n}`);
  }
  return lines;
}

/** Up to four items, then how many more (`levier data show --json` has them all). */
function list(items: readonly string[]): string {
  return items.length <= 4
    ? items.join(", ")
    : `${items.slice(0, 3).join(", ")} +${items.length - 3} more`;
}

function millions(usd: number): string {
  const m = usd / 1e6;
  return m >= 100 ? m.toFixed(0) : m.toFixed(1);
}
