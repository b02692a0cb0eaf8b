/**
 * A report as a list of blocks (headings, paragraphs, tables, charts) that the Markdown and HTML
 * writers render the same way. Sections of other analyses add blocks here.
 * @module
 */
import type { Chart } from "./charts.js";

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; id?: string }
  | { kind: "list"; items: string[]; id?: string }
  | {
      kind: "table";
      header: string[];
      rows: string[][];
      align?: ("left" | "right")[];
      id?: string;
      /** Per cell, a tooltip (the HTML's `title`): an actor's or good's id beside its name. */
      tips?: (string | undefined)[][];
    }
  | { kind: "chart"; chart: Chart };

export interface Report {
  title: string;
  blocks: Block[];
  /** The machine-readable document behind the report (embedded in HTML). */
  data: unknown;
}
