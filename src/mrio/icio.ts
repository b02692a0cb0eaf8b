/**
 * The OECD ICIO layout (2023 release, one CSV per year): the first column holds the row
 * labels (its header is `V1` or empty); rows `AUS_D01T02`… (country_industry; the 2025 release
 * writes `AUS_A01_02`), then `TLS` (taxes less subsidies on products), `VA` and `OUT`; columns
 * the same country_industry labels, then final demand by buyer country and category
 * (`AUS_HFCE`, `AUS_NPISH`, `AUS_GGFC`, `AUS_GFCF`, `AUS_INVNT`, `AUS_DPABR`), then `OUT`.
 * Extended tables split China and Mexico into CN1/CN2 and MX1/MX2 in the sector rows and
 * columns; a crosswalk maps those regions like any other. Value added is taken as output less
 * intermediate inputs (VA + TLS of the file), as for WIOD.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import { cellAt, parseGrid } from "./grid.js";
import { type MrioTable, splitLabel } from "./table.js";
import type { TextFile } from "./wiod.js";

/** Final-demand categories of the ICIO releases (NONRES and DIRP in some editions). */
export const ICIO_FINAL_CATEGORIES = [
  "HFCE",
  "NPISH",
  "GGFC",
  "GFCF",
  "INVNT",
  "DPABR",
  "NONRES",
  "DIRP",
] as const;
/** Rows that are not sectors: taxes less subsidies, value added, output. */
export const ICIO_SPECIAL_ROWS = ["TLS", "VA", "OUT"] as const;

export function readIcio(file: TextFile): { table?: MrioTable; issues: Issue[] } {
  const parsed = parseGrid(file.text, file.file);
  const g = parsed.grid;
  if (!g) return { issues: parsed.issues };
  const issues: Issue[] = [];
  const err = (cell: (typeof g.rows)[number], code: string, message: string): void => {
    issues.push({ severity: "error", code, at: cellAt(g.file, cell), message });
  };

  const sectorRows: number[] = [];
  const index = new Map<string, number>();
  g.rows.forEach((c, r): void => {
    const label = c.text.trim();
    if ((ICIO_SPECIAL_ROWS as readonly string[]).includes(label)) return;
    if (!splitLabel(label)) {
      err(
        c,
        "unknown-label",
        `row ${JSON.stringify(label)} is neither COUNTRY_INDUSTRY nor one of ${ICIO_SPECIAL_ROWS.join(", ")}`,
      );
      return;
    }
    if (index.has(label)) {
      err(c, "duplicate", `row ${label} is given twice`);
      return;
    }
    index.set(label, sectorRows.length);
    sectorRows.push(r);
  });
  const n = sectorRows.length;
  const colSector = new Int32Array(g.columns.length).fill(-1);
  const finalCols: number[] = [];
  let outCol = -1;
  const seen = new Set<number>();
  g.columns.forEach((c, k): void => {
    const label = c.text.trim();
    if (label === "OUT") {
      outCol = k;
      return;
    }
    const parts = splitLabel(label);
    const i = index.get(label);
    if (i !== undefined) {
      if (seen.has(i)) {
        err(c, "duplicate", `column ${label} is given twice`);
        return;
      }
      seen.add(i);
      colSector[k] = i;
    } else if (parts && (ICIO_FINAL_CATEGORIES as readonly string[]).includes(parts[1])) {
      finalCols.push(k);
    } else {
      err(
        c,
        "unknown-label",
        `column ${JSON.stringify(label)} is neither a row sector, a final-demand column COUNTRY_${ICIO_FINAL_CATEGORIES.slice(0, 6).join("|")} nor OUT`,
      );
    }
  });
  if (outCol < 0)
    err(g.corner, "missing-column", "no OUT column; expected gross output in a column named OUT");
  if (issues.length === 0 && seen.size !== n)
    err(
      g.corner,
      "columns",
      `expected one column for each of the ${n} row sectors, found ${seen.size}`,
    );
  if (issues.length > 0) return { issues };

  const m = g.columns.length;
  const f = finalCols.length;
  const intermediate = new Float64Array(n * n);
  const final = new Float64Array(n * f);
  const output = new Float64Array(n);
  sectorRows.forEach((r, i) => {
    const row = g.values.subarray(r * m, (r + 1) * m);
    for (let k = 0; k < m; k++)
      if (colSector[k]! >= 0) intermediate[i * n + colSector[k]!] = row[k]!;
    finalCols.forEach((k, j) => {
      final[i * f + j] = row[k]!;
    });
    output[i] = row[outCol]!;
  });
  return {
    table: {
      layout: "icio",
      sectors: sectorRows.map((r) => {
        const [region, industry] = splitLabel(g.rows[r]!.text.trim())!;
        return { region, industry };
      }),
      finals: finalCols.map((k) => {
        const [region, category] = splitLabel(g.columns[k]!.text.trim())!;
        return { region, category };
      }),
      intermediate,
      final,
      output,
      sectorAt: sectorRows.map((r) => cellAt(g.file, g.rows[r]!)),
      finalAt: finalCols.map((k) => cellAt(g.file, g.columns[k]!)),
    },
    issues: [],
  };
}
