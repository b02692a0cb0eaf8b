/**
 * Table files (CSV) of the world's row collections (suppliers, demand, flows) to located
 * documents. Columns name the fields; a row's `low`, `high` and `dist` columns make its main
 * figure a triangular (default) or PERT distribution with the main column as its mode.
 * @module
 */
import type { Issue, Location } from "../diagnostics/issue.js";
import type { Cell, CsvTable } from "../parse/csv.js";
import type { LocatedDoc } from "../parse/located.js";

type ColumnKind = "string" | "number" | "int";

interface TableSpec {
  /** Columns that hold figures; the first non-empty one in a row is its main figure. */
  figures: readonly string[];
  /** Other columns and their kinds. */
  columns: Readonly<Record<string, ColumnKind>>;
}

const DIST_COLUMNS = ["low", "high", "dist"] as const;
const PROVENANCE: Record<string, ColumnKind> = { source: "string", year: "int", note: "string" };

export const TABLES: Readonly<Record<string, TableSpec>> = {
  suppliers: {
    figures: ["share", "output"],
    columns: { good: "string", actor: "string", utilisation: "number", ...PROVENANCE },
  },
  demand: { figures: ["share"], columns: { good: "string", actor: "string", ...PROVENANCE } },
  flows: {
    figures: ["volume"],
    columns: { good: "string", from: "string", to: "string", ...PROVENANCE },
  },
};

export function isTableCollection(name: string): boolean {
  return name in TABLES;
}

/** Converts a parsed CSV table of `collection` into a located world document. */
export function tableToDoc(
  table: CsvTable,
  collection: string,
): { doc?: LocatedDoc; issues: Issue[] } {
  const spec = TABLES[collection];
  const file = table.file;
  const at = (cell: Cell): Location => ({ file, line: cell.line, col: cell.col });
  if (!spec) {
    const first = table.header[0] ?? { text: "", line: 1, col: 1 };
    return {
      issues: [
        {
          severity: "error",
          code: "schema",
          at: at(first),
          message: `no table format for ${JSON.stringify(collection)}; expected one of ${Object.keys(TABLES).join(", ")}`,
        },
      ],
    };
  }
  const issues: Issue[] = [];
  const known = new Set([...spec.figures, ...Object.keys(spec.columns), ...DIST_COLUMNS]);
  const index = new Map<string, number>();
  table.header.forEach((cell, i) => {
    const name = cell.text.trim();
    index.set(name, i);
    if (!known.has(name)) {
      issues.push({
        severity: "error",
        code: "schema",
        at: at(cell),
        path: name,
        message: `unknown column ${JSON.stringify(name)}; expected one of ${[...known].join(", ")}`,
      });
    }
  });
  const rows: Record<string, unknown>[] = [];
  table.rows.forEach((row, r) => {
    const obj: Record<string, unknown> = {};
    const cellOf = (name: string) => {
      const i = index.get(name);
      return i === undefined ? undefined : row[i];
    };
    const read = (name: string, kind: ColumnKind): unknown => {
      const cell = cellOf(name);
      const text = cell?.text.trim() ?? "";
      if (!cell || text === "") return undefined;
      if (kind === "string") return text;
      const n = Number(text);
      if (!Number.isFinite(n) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
        issues.push({
          severity: "error",
          code: "schema",
          at: at(cell),
          path: `${collection}[${r}].${name}`,
          message: `expected a finite number, found ${JSON.stringify(text)}`,
        });
        return undefined;
      }
      if (kind === "int" && !Number.isInteger(n)) {
        issues.push({
          severity: "error",
          code: "schema",
          at: at(cell),
          path: `${collection}[${r}].${name}`,
          message: `expected a whole number, found ${text}`,
        });
        return undefined;
      }
      return n;
    };
    for (const [name, kind] of Object.entries(spec.columns)) {
      const v = read(name, kind);
      if (v !== undefined) obj[name] = v;
    }
    const low = read("low", "number");
    const high = read("high", "number");
    const dist = read("dist", "string");
    const main = spec.figures.find((f) => (cellOf(f)?.text.trim() ?? "") !== "");
    for (const f of spec.figures) {
      const v = read(f, "number");
      if (v === undefined) continue;
      if (f === main && (low !== undefined || high !== undefined || dist !== undefined)) {
        obj[f] = { dist: dist ?? "triangular", low, mode: v, high };
      } else obj[f] = v;
    }
    rows.push(obj);
  });
  if (issues.length > 0) return { issues };

  const locate = (path: readonly PropertyKey[]): Location => {
    const [, r, field, sub] = path;
    const row = typeof r === "number" ? table.rows[r] : undefined;
    if (!row) return at(table.header[0] ?? { text: "", line: 1, col: 1 });
    let column = typeof field === "string" ? field : undefined;
    if (
      column &&
      spec.figures.includes(column) &&
      typeof sub === "string" &&
      (DIST_COLUMNS as readonly string[]).includes(sub)
    ) {
      column = sub === "mode" ? column : sub;
    }
    const i = column === undefined ? undefined : index.get(column);
    const cell = (i === undefined ? undefined : row[i]) ?? row[0];
    return cell ? at(cell) : at(table.header[0] ?? { text: "", line: 1, col: 1 });
  };
  return { doc: { file, value: { [collection]: rows }, locate }, issues: [] };
}
