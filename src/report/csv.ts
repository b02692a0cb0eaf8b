/**
 * CSV as RFC 4180 writes it, with one difference: lines end with LF, not CRLF (what Unix tools
 * and every spreadsheet read; a field that holds a line break is quoted, so either parses).
 * A field is quoted when it holds a comma, a double quote or a line break, starts with space or
 * "#" (which some readers take for a comment) or ends with space, and a double quote inside it
 * is doubled; a record of one empty field is written "" so that it is not a blank line. Numbers are written in full, as JavaScript
 * prints them (shortest round trip: 0.1, 1234567.891, 1e-7), never grouped or rounded;
 * ±Infinity is "inf"/"-inf", NaN and missing values are empty fields.
 * @module
 */
import { type Cell, cellValue, type Table } from "./table.js";

export type CsvValue = string | number | boolean | null | undefined;

/** One field, quoted when it must be. */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    return Object.is(v, -0) ? "0" : String(v);
  }
  return /[",\r\n]|^[\s#]|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Records as CSV text, each line ending with LF. */
export function toCsv(records: readonly (readonly CsvValue[])[]): string {
  // A record of one empty field is written "" so that it is not read as a blank line.
  return records
    .map((r) => `${r.length === 1 && csvField(r[0]) === "" ? '""' : r.map(csvField).join(",")}\n`)
    .join("");
}

/** A table as CSV: a header line (each column's unit in parentheses after its name), then one
 * line per row of raw values; columns only the terminal shows are left out. */
export function tableCsv(t: Table): string {
  const kept = t.columns.flatMap((c, j) => (c.textOnly ? [] : [j]));
  const header = kept.map((j) => {
    const c = t.columns[j]!;
    const name = c.csvHeader ?? c.header;
    return c.unit ? `${name} (${c.unit})` : name;
  });
  return toCsv([header, ...t.rows.map((r) => kept.map((j) => cellValue(r[j] as Cell)))]);
}
