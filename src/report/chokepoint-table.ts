/**
 * The one builder of chokepoint tables (rows of `analysis/chokepoints.ts`), for the terminal,
 * the bloc's "where it is indispensable" section and an actor's profile: each picks its
 * columns, and a column reads the same wherever it is shown. `chokepointTableValue` gives the
 * same columns as a table value, with the raw figures CSV writes.
 * @module
 */
import type { ChokepointRow } from "../analysis/chokepoints.js";
import { pct, score } from "./format.js";
import { idLabels, type Labels } from "./labels.js";
import { type Cell, type Table, UNITS } from "./table.js";

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

interface ColumnDef {
  header: string;
  align: "left" | "right";
  cell: (r: ChokepointTableRow, l: Labels) => string;
  /** The ids behind a cell that shows names (a tooltip in HTML). */
  tip?: (r: ChokepointTableRow) => string;
  /** The raw figure for CSV (by default the cell's text). */
  value?: (r: ChokepointTableRow) => number;
  unit?: string;
}

const COLUMNS: Record<ChokepointColumn, ColumnDef> = {
  rank: { header: "rank", align: "right", cell: (r) => String(r.rank), value: (r) => r.rank },
  actor: { header: "actor", align: "left", cell: (r, l) => l.actor(r.actor), tip: (r) => r.actor },
  good: { header: "good", align: "left", cell: (r, l) => l.good(r.good), tip: (r) => r.good },
  share: {
    header: "share of world output",
    align: "right",
    cell: (r) => pct(r.share),
    value: (r) => r.share,
    unit: UNITS.fraction,
  },
  makers: {
    header: "made by",
    align: "left",
    cell: (r, l) =>
      (r.makers ?? []).map((m) => `${l.actor(m.actor)} ${pct(m.share)}`).join(", ") || "–",
    tip: (r) => (r.makers ?? []).map((m) => m.actor).join(", "),
  },
  hhi: { header: "HHI", align: "right", cell: (r) => score(r.hhi), value: (r) => r.hhi },
  criticality: {
    header: "criticality",
    align: "right",
    cell: (r) => pct(r.criticality),
    value: (r) => r.criticality,
    unit: UNITS.fraction,
  },
  simulated: {
    header: "simulated",
    align: "right",
    cell: (r) => pct(r.criticalitySimulated),
    value: (r) => r.criticalitySimulated,
    unit: UNITS.fraction,
  },
  substitutability: {
    header: "substitutability",
    align: "right",
    cell: (r) => pct(r.substitutability),
    value: (r) => r.substitutability,
    unit: UNITS.fraction,
  },
  stock: {
    header: "stock (months)",
    align: "right",
    cell: (r) => String(r.stockMonths),
    value: (r) => r.stockMonths,
  },
  score: { header: "score", align: "right", cell: (r) => score(r.score), value: (r) => r.score },
};

/** The rows in these columns as a table value named `name`: the text the reports show, the
 * raw figures (shares as fractions) for CSV. The terminal and CSV show ids. */
export function chokepointTableValue(
  name: string,
  rows: readonly ChokepointTableRow[],
  columns: readonly ChokepointColumn[],
): Table {
  return {
    name,
    columns: columns.map((c) => {
      const d = COLUMNS[c];
      return { header: d.header, align: d.align, ...(d.unit ? { unit: d.unit } : {}) };
    }),
    rows: rows.map((r) =>
      columns.map((c): Cell => {
        const d = COLUMNS[c];
        return d.value ? { text: d.cell(r, idLabels), value: d.value(r) } : d.cell(r, idLabels);
      }),
    ),
  };
}

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
