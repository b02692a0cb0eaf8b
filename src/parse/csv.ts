/**
 * CSV (RFC 4180: comma separated, double-quoted fields, "" for a quote) with the line and column
 * of every cell, so that errors in table data name their cell. Lines starting with # are comments.
 * @module
 */
import type { Issue, Location } from "../diagnostics/issue.js";
import { MAX_FILE_BYTES } from "./located.js";

export interface Cell {
  text: string;
  line: number;
  col: number;
}

export interface CsvTable {
  file: string;
  header: Cell[];
  rows: Cell[][];
}

/**
 * Reads the quoted field whose opening quote is at `i` ("" stands for a quote): its value, the
 * index after its closing quote, and the line breaks inside it (how many, and where the line
 * after the last one starts); undefined when no closing quote comes.
 */
export function readQuoted(
  text: string,
  i: number,
): { value: string; end: number; lines: number; lineStart: number } | undefined {
  let value = "";
  let lines = 0;
  let lineStart = -1;
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === '"') {
      if (text[j + 1] !== '"') return { value, end: j + 1, lines, lineStart };
      value += '"';
      j++;
      continue;
    }
    if (c === "\n") {
      lines++;
      lineStart = j + 1;
    }
    value += c;
  }
  return undefined;
}

export function parseCsv(text: string, file: string): { table?: CsvTable; issues: Issue[] } {
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_FILE_BYTES) {
    return err(file, 1, 1, "too-large", `file is ${size} bytes; the limit is ${MAX_FILE_BYTES}`);
  }
  const records: Cell[][] = [];
  let record: Cell[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  let atRecordStart = true;
  while (i < text.length) {
    if (atRecordStart && text[i] === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (atRecordStart && (text[i] === "\n" || (text[i] === "\r" && text[i + 1] === "\n"))) {
      i += text[i] === "\r" ? 2 : 1;
      line++;
      lineStart = i;
      continue;
    }
    atRecordStart = false;
    const cellLine = line;
    const cellCol = i - lineStart + 1;
    let value = "";
    if (text[i] === '"') {
      const q = readQuoted(text, i);
      if (!q) {
        return err(
          file,
          cellLine,
          cellCol,
          "syntax",
          'unterminated quoted field; expected a closing "',
        );
      }
      value = q.value;
      i = q.end;
      if (q.lines > 0) {
        line += q.lines;
        lineStart = q.lineStart;
      }
      const next = text[i];
      if (i < text.length && next !== "," && next !== "\n" && next !== "\r") {
        return err(
          file,
          line,
          i - lineStart + 1,
          "syntax",
          `expected a comma or the end of the line after a quoted field, found ${JSON.stringify(next)}`,
        );
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
        if (text[i] === '"') {
          return err(
            file,
            line,
            i - lineStart + 1,
            "syntax",
            'unexpected " inside an unquoted field; quote the whole field',
          );
        }
        value += text[i];
        i++;
      }
    }
    record.push({ text: value, line: cellLine, col: cellCol });
    if (text[i] === ",") {
      i++;
      if (i >= text.length) record.push({ text: "", line, col: i - lineStart + 1 });
      continue;
    }
    if (text[i] === "\r") i++;
    if (text[i] === "\n" || i >= text.length) {
      i++;
      records.push(record);
      record = [];
      atRecordStart = true;
      line++;
      lineStart = i;
    }
  }
  if (record.length > 0) records.push(record);
  const [header, ...rows] = records;
  if (!header) return err(file, 1, 1, "syntax", "empty file; expected a header row");
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const cell of header) {
    const name = cell.text.trim();
    if (name === "") issues.push(issueAt(file, cell, "syntax", "empty column name in the header"));
    else if (seen.has(name))
      issues.push(
        issueAt(file, cell, "syntax", `duplicate column ${JSON.stringify(name)} in the header`),
      );
    seen.add(name);
  }
  for (const row of rows) {
    if (row.length !== header.length) {
      const at = row[Math.min(row.length, header.length) - 1] ?? row[0];
      if (at)
        issues.push(
          issueAt(
            file,
            at,
            "syntax",
            `expected ${header.length} fields as in the header, found ${row.length}`,
          ),
        );
    }
  }
  if (issues.length > 0) return { issues };
  return { table: { file, header, rows }, issues: [] };
}

function issueAt(file: string, cell: Cell, code: string, message: string): Issue {
  const at: Location = { file, line: cell.line, col: cell.col };
  return { severity: "error", code, at, message };
}

function err(file: string, line: number, col: number, code: string, message: string) {
  return { issues: [{ severity: "error" as const, code, at: { file, line, col }, message }] };
}
