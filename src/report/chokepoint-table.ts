/**
 * The one builder of chokepoint tables (rows of `analysis/chokepoints.ts`), for the terminal,
 * the bloc's "where it is indispensable" section and an actor's profile: each picks its
 * columns, and a column reads the same wherever it is shown.
 * @module
 */
import type { ChokepointRow } from "../analysis/chokepoints.js";
import { pct, score } from "./format.js";
import { idLabels, type Labels } from "./labels.js";

export type ChokepointColumn =
  | "rank"
  | "actor"
  | "good"
  | "share"
  | "makers"
  | "hhi"
  | "criticality"
  | "simulated"
  | "substitutability"
  | "stock"
  | "score";

/** The measured columns of a ranked table (after its rank, actor or good). */
export const MEASURED_COLUMNS: readonly ChokepointColumn[] = [
  "share",
  "hhi",
  "criticality",
  "simulated",
  "substitutability",
  "score",
];

/** A row, with the bloc members that make the good where the table shows them. */
export type ChokepointTableRow = ChokepointRow & {
  makers?: readonly { actor: string; share: number }[];
};

const COLUMNS: Record<
  ChokepointColumn,
  {
    header: string;
    align: "left" | "right";
    cell: (r: ChokepointTableRow, l: Labels) => string;
    /** The ids behind a cell that shows names (a tooltip in HTML). */
    tip?: (r: ChokepointTableRow) => string;
  }
> = {
  rank: { header: "rank", align: "right", cell: (r) => String(r.rank) },
  actor: { header: "actor", align: "left", cell: (r, l) => l.actor(r.actor), tip: (r) => r.actor },
  good: { header: "good", align: "left", cell: (r, l) => l.good(r.good), tip: (r) => r.good },
  share: { header: "share of world output", align: "right", cell: (r) => pct(r.share) },
  makers: {
    header: "made by",
    align: "left",
    cell: (r, l) =>
      (r.makers ?? []).map((m) => `${l.actor(m.actor)} ${pct(m.share)}`).join(", ") || "–",
    tip: (r) => (r.makers ?? []).map((m) => m.actor).join(", "),
  },
  hhi: { header: "HHI", align: "right", cell: (r) => score(r.hhi) },
  criticality: { header: "criticality", align: "right", cell: (r) => pct(r.criticality) },
  simulated: { header: "simulated", align: "right", cell: (r) => pct(r.criticalitySimulated) },
  substitutability: {
    header: "substitutability",
    align: "right",
    cell: (r) => pct(r.substitutability),
  },
  stock: { header: "stock (months)", align: "right", cell: (r) => String(r.stockMonths) },
  score: { header: "score", align: "right", cell: (r) => score(r.score) },
};

/** The table's cells; `labels` names actors and goods (ids by default, as the terminal shows
 * them), with the ids as tooltips. */
export function chokepointTableOf(
  rows: readonly ChokepointTableRow[],
  columns: readonly ChokepointColumn[],
  labels: Labels = idLabels,
): {
  header: string[];
  align: ("left" | "right")[];
  rows: string[][];
  tips: (string | undefined)[][];
} {
  return {
    header: columns.map((c) => COLUMNS[c].header),
    align: columns.map((c) => COLUMNS[c].align),
    rows: rows.map((r) => columns.map((c) => COLUMNS[c].cell(r, labels))),
    tips: rows.map((r) => columns.map((c) => COLUMNS[c].tip?.(r))),
  };
}
