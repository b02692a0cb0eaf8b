/**
 * Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned.
 * @module
 */
import { formatNumber } from "./format.js";

export function textTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  /** Column alignment; by default numbers right, text left. */
  align?: readonly ("left" | "right")[],
): string {
  const cells = [
    header.map(String),
    ...rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c))),
  ];
  const numeric = header.map((_, j) =>
    align ? align[j] === "right" : rows.length > 0 && rows.every((r) => typeof r[j] === "number"),
  );
  const widths = header.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? "").length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, j) => (numeric[j] ? c.padStart(widths[j]!) : c.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd();
  return [
    line(cells[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(line),
  ].join("\n");
}
