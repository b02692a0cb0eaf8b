/**
 * WIOD's layout as three CSV files (the 2013 release as written in `../shared/data/wiod`):
 * - intermediate: a header `"",XXX_c1,…` and one row per sector `XXX_cN` with what it supplies
 *   to each column sector (the same labels as the rows);
 * - final: a header `"",YYY_f1,…` (category K of buyer country YYY) and the same rows;
 * - output: a header `row,output` and one row per sector with its gross output.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import { cellAt, type Grid, parseGrid } from "./grid.js";
import { type MrioTable, splitLabel } from "./table.js";

export interface TextFile {
  file: string;
  text: string;
}

export function readWiod(files: { intermediate: TextFile; final: TextFile; output: TextFile }): {
  table?: MrioTable;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const grids = [files.intermediate, files.final, files.output].map((f) => {
    const r = parseGrid(f.text, f.file);
    issues.push(...r.issues);
    return r.grid;
  });
  const [z, y, x] = grids;
  if (!z || !y || !x) return { issues };
  const sectors = labelsOf(z, z.rows, "sector", issues);
  labelsOf(z, z.columns, "sector", issues);
  const finals = labelsOf(y, y.columns, "final-demand column", issues);
  if (issues.length > 0) return { issues };
  const n = sectors.length;
  const index = indexOf(z, z.rows, issues);
  // Columns may come in any order; each must name a row sector.
  const colRow = z.columns.map((c) => index.get(c.text.trim()) ?? -1);
  z.columns.forEach((c, k) => {
    if (colRow[k] === -1)
      issues.push(problem(z, c, "unknown-label", `column ${c.text} is not one of the row sectors`));
  });
  if (new Set(colRow).size !== colRow.length || colRow.length !== n)
    issues.push(problem(z, z.corner, "columns", "expected one column for each row sector"));
  const yRow = rowOrder(y, index, n, issues);
  if (x.columns.length !== 1 || x.columns[0]!.text.trim() !== "output")
    issues.push(problem(x, x.corner, "missing-column", "expected two columns: row,output"));
  const xRow = rowOrder(x, index, n, issues);
  if (issues.length > 0) return { issues };

  const intermediate = new Float64Array(n * n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) intermediate[r * n + colRow[c]!] = z.values[r * n + c]!;
  const f = finals.length;
  const final = new Float64Array(n * f);
  yRow.forEach((i, r) => final.set(y.values.subarray(r * f, (r + 1) * f), i * f));
  const output = new Float64Array(n);
  xRow.forEach((i, r) => {
    output[i] = x.values[r]!;
  });
  return {
    table: {
      layout: "wiod",
      sectors: sectors.map(([region, industry]) => ({ region, industry })),
      finals: finals.map(([region, category]) => ({ region, category })),
      intermediate,
      final,
      output,
      sectorAt: z.rows.map((c) => cellAt(z.file, c)),
      finalAt: y.columns.map((c) => cellAt(y.file, c)),
    },
    issues: [],
  };
}

function problem(g: Grid, cell: Grid["corner"], code: string, message: string): Issue {
  return { severity: "error", code, at: cellAt(g.file, cell), message };
}

/** Region and code of each label, or issues for labels that are not `REGION_CODE`. */
export function labelsOf(
  g: Grid,
  cells: Grid["rows"],
  what: string,
  issues: Issue[],
): [string, string][] {
  return cells.map((c) => {
    const parts = splitLabel(c.text.trim());
    if (!parts)
      issues.push(
        problem(
          g,
          c,
          "bad-label",
          `expected a ${what} label REGION_CODE, found ${JSON.stringify(c.text)}`,
        ),
      );
    return parts ?? ["", ""];
  });
}

function indexOf(g: Grid, cells: Grid["rows"], issues: Issue[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    const label = c.text.trim();
    if (index.has(label)) issues.push(problem(g, c, "duplicate", `row ${label} is given twice`));
    index.set(label, i);
  });
  return index;
}

/** For each row of `g`, the sector it is in the intermediate block; every sector exactly once. */
function rowOrder(g: Grid, index: Map<string, number>, n: number, issues: Issue[]): number[] {
  const seen = new Set<number>();
  const order = g.rows.map((c) => {
    const i = index.get(c.text.trim());
    if (i === undefined)
      issues.push(
        problem(g, c, "unknown-label", `row ${c.text} is not a row of the intermediate table`),
      );
    else if (seen.has(i)) issues.push(problem(g, c, "duplicate", `row ${c.text} is given twice`));
    else seen.add(i);
    return i ?? -1;
  });
  if (issues.length === 0 && seen.size !== n) {
    const missing = [...index].filter(([, i]) => !seen.has(i)).map(([label]) => label);
    issues.push(
      problem(
        g,
        g.corner,
        "missing-row",
        `no row for ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}; expected one for each of the ${n} sectors of the intermediate table`,
      ),
    );
  }
  return order;
}
