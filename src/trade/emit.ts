/**
 * Imported flows as world data: a `flows` CSV table (the columns of a flows resource, to list
 * in a world's datapackage.json) or a YAML patch over a world (`extends`), which any command
 * takes with `--world`. Re-reading either gives the rows back as written.
 * @module
 */
import { csvField } from "../eto/emit.js";
import type { FlowRow } from "./import.js";

export const FLOW_COLUMNS = [
  "good",
  "from",
  "to",
  "volume",
  "low",
  "high",
  "dist",
  "source",
  "year",
  "note",
] as const;

export function flowsCsv(rows: FlowRow[], comment: string): string {
  const lines = [
    ...comment.split("\n").map((l) => `# ${l}`.trimEnd()),
    FLOW_COLUMNS.join(","),
    ...rows.map((r) =>
      [r.good, r.from, r.to, String(r.volume), "", "", "", r.source, String(r.year), r.note]
        .map(csvField)
        .join(","),
    ),
  ];
  return `${lines.join("\n")}\n`;
}

export function flowsPatch(rows: FlowRow[], comment: string, base: string): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    ...comment.split("\n").map((l) => `# ${l}`.trimEnd()),
    `extends: ${q(base)}`,
    rows.length === 0 ? "flows: []" : "flows:",
    ...rows.map(
      (r) =>
        `  - {good: ${r.good}, from: ${r.from}, to: ${r.to}, volume: ${r.volume}, source: ${r.source}, year: ${r.year}, note: ${q(r.note)}}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
