/**
 * Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned.
 * When the table is wider than the terminal (`setTerminalWidth`, set by the CLI when stdout is
 * a terminal), long headers wrap onto several lines at word boundaries, so that each column is
 * only as wide as its data (or its longest header word). Into a pipe or a file, tables keep one
 * header line. `tableText` renders a table value (table.ts), the same one CSV renders.
 * @module
 */
import { type Cell, cellText, type Table } from "./table.js";

let terminalWidth: number | undefined;

/** The width tables fit to (the terminal's columns), or undefined for no limit. */
export function setTerminalWidth(width: number | undefined): void {
  terminalWidth = width !== undefined && width > 20 ? width : undefined;
}

/** Paragraph text wrapped at word boundaries to the terminal's width (at most 100 columns, so
 * that prose stays readable), each line after the first indented by `indent`. */
export function wrapText(
  text: string,
  indent = "",
  width = Math.min(terminalWidth ?? 100, 100),
): string {
  const lines: string[] = [];
  let line = "";
  // An amount and its unit ("$5.66 bn") stay on one line.
  for (const word of text.split(/\s+(?!(?:bn|tn|m|k)\b)/).filter((w) => w !== "")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (next.length > width - (lines.length > 0 ? indent.length : 0) && line !== "") {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join("\n");
}

export function textTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  /** Column alignment; by default numbers right, text left. */
  align?: readonly ("left" | "right")[],
  width: number | undefined = terminalWidth,
): string {
  const body = rows.map((r) => r.map(cellText));
  const numeric = header.map((_, j) =>
    align ? align[j] === "right" : rows.length > 0 && rows.every((r) => typeof r[j] === "number"),
  );
  const dataWidth = header.map((_, j) => Math.max(0, ...body.map((r) => (r[j] ?? "").length)));
  const full = header.map((h, j) => Math.max(h.length, dataWidth[j]!));
  const total = (ws: number[]) => ws.reduce((s, w) => s + w, 0) + 2 * (ws.length - 1);
  let heads: string[][] = header.map((h) => [h]);
  let widths = full;
  if (width !== undefined && total(full) > width) {
    // Wrap each header to its column's data width (never below its longest word).
    widths = header.map((h, j) => Math.max(dataWidth[j]!, ...h.split(" ").map((w) => w.length), 1));
    heads = header.map((h, j) => wrap(h, widths[j]!));
  }
  const depth = Math.max(...heads.map((h) => h.length));
  const line = (r: readonly string[]) =>
    r
      .map((c, j) => (numeric[j] ? c.padStart(widths[j]!) : c.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd();
  const headLines = Array.from({ length: depth }, (_, i) =>
    line(heads.map((h) => h[i - (depth - h.length)] ?? "")),
  );
  return [...headLines, widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/** A table value as text, without its CSV-only columns. */
export function tableText(t: Table, width: number | undefined = terminalWidth): string {
  const shown = t.columns.flatMap((c, j) => (c.csvOnly ? [] : [j]));
  const columns = shown.map((j) => t.columns[j]!);
  return textTable(
    columns.map((c) => c.header),
    t.rows.map((r) => shown.map((j) => r[j]!)),
    shown.map(
      (j) =>
        t.columns[j]!.align ??
        (t.rows.length > 0 && t.rows.every((r) => typeof r[j] === "number") ? "right" : "left"),
    ),
    width,
  );
}

/** `text` in lines of at most `width` characters, broken at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (current === "") current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}
