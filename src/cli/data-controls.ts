/**
 * The export-controls part of `levier data show`: every control on record with its routes, cap,
 * dates, source and the trade on its routes, then what the baseline did to carry those in force.
 * @module
 */

import { type Cell, pctCell, type Table, UNITS } from "../report/table.js";
import { tableText } from "../report/text-table.js";
import type { WorldSummary } from "../world/summary.js";

/** Every export control on record; CSV has each list in full and the trade in USD. */
export function controlsTable(s: WorldSummary): Table {
  const listed = (items: readonly string[]): Cell => ({
    text: list(items),
    value: items.join(" "),
  });
  return {
    name: "controls",
    columns: [
      { header: "", csvHeader: "status" },
      { header: "control" },
      { header: "from -> to" },
      { header: "goods" },
      { header: "cap", unit: UNITS.fraction },
      { header: "leak", unit: UNITS.fraction },
      { header: "since" },
      { header: "until" },
      { header: "source" },
      { header: "trade $m/yr", textOnly: true },
      { header: "trade without standing controls", unit: UNITS.usd, csvOnly: true },
      { header: "trade with those in force", unit: UNITS.usd, csvOnly: true },
    ],
    rows: s.controls.map((c) => [
      c.inForce ? "in force" : "not in force",
      c.id,
      {
        text: `${list(c.from)} -> ${list(c.to)}`,
        value: `${c.from.join(" ")} -> ${c.to.join(" ")}`,
      },
      listed(c.goods),
      pctCell(c.cap, 0),
      pctCell(c.leakage, 0),
      c.since,
      c.until ?? "",
      c.source ?? "",
      `${millions(c.trade.uncontrolled)} -> ${millions(c.trade.baseline)}`,
      c.trade.uncontrolled,
      c.trade.baseline,
    ]),
  };
}

export function renderControls(s: WorldSummary): string[] {
  if (s.controls.length === 0) return [];
  const lines: string[] = [""];
  const when = s.meta.asOf === undefined ? "" : ` (judged at ${s.meta.asOf}-12)`;
  lines.push(
    `Export controls${when}: ${s.counts.controlsInForce} in force, ${s.counts.controls - s.counts.controlsInForce} on record but not in force`,
  );
  lines.push(tableText(controlsTable(s)));
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
