/**
 * A table as a value, rendered two ways from the same data: as text for the terminal
 * (`tableText`, through text-table.ts) and as CSV (`tableCsv`, through csv.ts). A cell shows
 * as text; a measured cell also carries the raw value that CSV writes, so that a spreadsheet
 * gets 1234567890 where the terminal shows "$1.23 bn", and 0.0123 where it shows "1.23%".
 * @module
 */
import { formatNumber, pct, usd } from "./format.js";

/** A cell shown as `text` whose value for CSV is `value` (null: no value, an empty field). */
export interface Measured {
  text: string;
  value: number | string | boolean | null;
}

/** Text, a number (shown as text-table.ts formats it), a yes/no, or a measured figure. */
export type Cell = string | number | boolean | Measured;

export interface Column {
  header: string;
  /** Its name in CSV where the terminal shows none (an empty header). */
  csvHeader?: string;
  /** The unit of the raw values, added to the header in CSV: "value a year (USD)". */
  unit?: string;
  align?: "left" | "right";
  /** A column only CSV has: what the terminal marks in another cell (e.g. "≤" for an
   * estimate) as a field of its own. */
  csvOnly?: boolean;
  /** A column only the terminal has: a figure CSV gives in columns of its own. */
  textOnly?: boolean;
}

export interface Table {
  /** Its name for `--table NAME` (a slug: lower case, digits, hyphens). */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

/** Units of raw values, as CSV headers name them. */
export const UNITS = {
  usd: "USD",
  /** A share as a fraction of 1: 0.25 is 25%. */
  fraction: "fraction",
} as const;

export function cellText(c: Cell): string {
  if (typeof c === "object") return c.text;
  if (typeof c === "number") return formatNumber(c);
  if (typeof c === "boolean") return c ? "yes" : "no";
  return c;
}

export function cellValue(c: Cell): number | string | boolean | null {
  return typeof c === "object" ? c.value : c;
}

/** A dollar figure: "$1.2 bn" shown, the dollars in CSV; `bound` marks an estimated upper
 * bound with "≤". */
export function usdCell(v: number, bound = false): Measured {
  return { text: `${bound ? "≤" : ""}${usd(v)}`, value: v };
}

/** A share: "1.23%" shown, the fraction (0.0123) in CSV. */
export function pctCell(x: number, digits?: number, bound = false): Measured {
  return { text: `${bound ? "≤" : ""}${pct(x, digits)}`, value: x };
}

/** A cell with no value: `text` shown ("–" by default), an empty field in CSV. */
export function emptyCell(text = "–"): Measured {
  return { text, value: null };
}
