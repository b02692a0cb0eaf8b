/**
 * Writing imported supplier rows as CSV in suppliers.csv's columns, and merging them into an
 * existing suppliers table: the rows of the imported goods are replaced where the good's first
 * row stood (goods it did not have are added at the end), every other line (comments, other
 * goods) is kept as it was. So a second import over its own output gives the same file.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import { parseCsv } from "../parse/csv.js";
import type { ImportedRow } from "./import.js";

export const SUPPLIER_COLUMNS = [
  "good",
  "actor",
  "share",
  "low",
  "high",
  "dist",
  "utilisation",
  "source",
  "year",
  "note",
] as const;

export function csvField(v: string): string {
  return /[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function rowLine(r: ImportedRow): string {
  const cells: Record<(typeof SUPPLIER_COLUMNS)[number], string> = {
    good: r.good,
    actor: r.actor,
    share: String(r.share),
    low: r.low === undefined ? "" : String(r.low),
    high: r.high === undefined ? "" : String(r.high),
    dist: r.dist ?? "",
    utilisation: "",
    source: r.source,
    year: String(r.year),
    note: r.note,
  };
  return SUPPLIER_COLUMNS.map((c) => csvField(cells[c])).join(",");
}

/** A previous share of a good, as the table to be rewritten had it. */
export interface OldShare {
  good: string;
  actor: string;
  share: number;
}

/**
 * Merges `rows` into the suppliers table `text` (undefined: a new file, with `comment` on top).
 * Returns the new text and the shares the replaced rows had.
 */
export function mergeSuppliers(
  text: string | undefined,
  file: string,
  rows: ImportedRow[],
  comment: string,
): { text?: string; old: OldShare[]; issues: Issue[] } {
  const goods = [...new Set(rows.map((r) => r.good))];
  const block = (g: string) => rows.filter((r) => r.good === g).map(rowLine);
  if (text === undefined || text.trim() === "") {
    const lines = [
      ...comment.split("\n").map((l) => `# ${l}`.trimEnd()),
      SUPPLIER_COLUMNS.join(","),
      ...goods.flatMap(block),
    ];
    return { text: `${lines.join("\n")}\n`, old: [], issues: [] };
  }
  const parsed = parseCsv(text, file);
  if (!parsed.table) return { old: [], issues: parsed.issues };
  const t = parsed.table;
  const col = (name: string) => t.header.findIndex((c) => c.text.trim() === name);
  const [gi, ai, si] = [col("good"), col("actor"), col("share")];
  if (gi < 0 || ai < 0 || si < 0) {
    const h = t.header[0]!;
    return {
      old: [],
      issues: [
        {
          severity: "error",
          code: "missing-column",
          at: { file, line: h.line, col: 1 },
          message: "expected a suppliers table with the columns good, actor and share",
        },
      ],
    };
  }
  const lines = text.split("\n");
  const trailing = lines[lines.length - 1] === "";
  if (trailing) lines.pop();
  /** Line index (0-based) → what replaces it: undefined keeps it, [] drops it. */
  const replace = new Map<number, string[]>();
  const old: OldShare[] = [];
  const placed = new Set<string>();
  for (const rec of t.rows) {
    const good = rec[gi]!.text.trim();
    if (!goods.includes(good)) continue;
    old.push({ good, actor: rec[ai]!.text.trim(), share: Number(rec[si]!.text) });
    const first = rec[0]!.line - 1;
    const last = rec[rec.length - 1]!.line - 1;
    for (let l = first; l <= last; l++) replace.set(l, []);
    if (!placed.has(good)) {
      replace.set(first, block(good));
      placed.add(good);
    }
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    const r = replace.get(i);
    if (r === undefined) out.push(line);
    else out.push(...r);
  });
  for (const g of goods) if (!placed.has(g)) out.push(...block(g));
  return { text: `${out.join("\n")}\n`, old, issues: [] };
}

/** Each share that changed against the table's old rows (both values; undefined = no row). */
export interface ShareChange {
  good: string;
  actor: string;
  before?: number;
  after?: number;
}

export function shareChanges(old: OldShare[], rows: ImportedRow[]): ShareChange[] {
  const out: ShareChange[] = [];
  const key = (g: string, a: string) => `${g}\u0000${a}`;
  const before = new Map(old.map((o) => [key(o.good, o.actor), o.share]));
  const after = new Map(rows.map((r) => [key(r.good, r.actor), r.share]));
  const goods = [...new Set(rows.map((r) => r.good))];
  for (const g of goods) {
    const actors = new Set([
      ...old.filter((o) => o.good === g).map((o) => o.actor),
      ...rows.filter((r) => r.good === g).map((r) => r.actor),
    ]);
    for (const a of actors) {
      const b = before.get(key(g, a));
      const n = after.get(key(g, a));
      if (b !== undefined && n !== undefined && Math.abs(b - n) < 1e-12) continue;
      const c: ShareChange = { good: g, actor: a };
      if (b !== undefined) c.before = b;
      if (n !== undefined) c.after = n;
      out.push(c);
    }
  }
  return out;
}
