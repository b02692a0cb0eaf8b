/**
 * A numeric CSV grid: a header of column labels, then rows of a label and one number per
 * column, as input–output tables are written (WIOD's and the OECD's CSV files). One pass over
 * the text, numbers straight into a typed array, labels kept with their line and column so
 * that every problem (a ragged row, a cell that is not a number) names its cell. The RFC 4180
 * quoting of `parse/csv.ts` is followed; blank lines are skipped.
 * @module
 */
import type { Issue, Location } from "../diagnostics/issue.js";
import { type Cell, readQuoted } from "../parse/csv.js";

export interface Grid {
  file: string;
  /** The header's first cell (the corner above the row labels). */
  corner: Cell;
  columns: Cell[];
  rows: Cell[];
  /** values[r * columns.length + c]. */
  values: Float64Array;
}

/** Parsing stops after this many errors: a wrong file would otherwise give millions. */
export const MAX_GRID_ERRORS = 20;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function parseGrid(text: string, file: string): { grid?: Grid; issues: Issue[] } {
  const issues: Issue[] = [];
  const fail = (line: number, col: number, code: string, message: string) => {
    issues.push({ severity: "error", code, at: { file, line, col }, message });
  };
  let header: Cell[] | undefined;
  const rows: Cell[] = [];
  let values = new Float64Array(1024);
  let count = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  let field: Cell[] = [];
  const n = text.length;
  while (i < n && issues.length < MAX_GRID_ERRORS) {
    const c = text.charCodeAt(i);
    if (field.length === 0 && (c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10))) {
      i += c === 13 ? 2 : 1;
      line++;
      lineStart = i;
      continue;
    }
    const cell = readField();
    if (!cell) break;
    field.push(cell);
    if (text.charCodeAt(i) === 44) {
      i++;
      if (i < n) continue;
      field.push({ text: "", line, col: i - lineStart + 1 });
    }
    if (text.charCodeAt(i) === 13) i++;
    if (text.charCodeAt(i) === 10) i++;
    endRecord();
    line++;
    lineStart = i;
  }
  if (field.length > 0) endRecord();
  if (issues.length > 0) return { issues };
  if (!header || header.length === 0) {
    fail(1, 1, "syntax", "empty file; expected a header row of column labels");
    return { issues };
  }
  const [corner, ...columns] = header;
  return { grid: { file, corner: corner!, columns, rows, values: values.slice(0, count) }, issues };

  function readField(): Cell | undefined {
    const col = i - lineStart + 1;
    const at = line;
    if (text.charCodeAt(i) !== 34) {
      const start = i;
      while (i < n) {
        const ch = text.charCodeAt(i);
        if (ch === 44 || ch === 10 || ch === 13) break;
        if (ch === 34) {
          fail(line, i - lineStart + 1, "syntax", 'unexpected " inside an unquoted field');
          return undefined;
        }
        i++;
      }
      return { text: text.slice(start, i), line: at, col };
    }
    const q = readQuoted(text, i);
    if (!q) {
      fail(at, col, "syntax", 'unterminated quoted field; expected a closing "');
      return undefined;
    }
    i = q.end;
    if (q.lines > 0) {
      line += q.lines;
      lineStart = q.lineStart;
    }
    const next = text.charCodeAt(i);
    if (i < n && next !== 44 && next !== 10 && next !== 13) {
      fail(line, i - lineStart + 1, "syntax", "expected a comma or the end of the line here");
      return undefined;
    }
    return { text: q.value, line: at, col };
  }

  function endRecord() {
    const record = field;
    field = [];
    if (!header) {
      header = record;
      return;
    }
    if (record.length !== header.length) {
      const last = record[record.length - 1]!;
      fail(
        last.line,
        last.col,
        "ragged-row",
        `expected ${header.length} fields as in the header, found ${record.length}`,
      );
      return;
    }
    rows.push(record[0]!);
    if (count + record.length > values.length) {
      const grown = new Float64Array(Math.max(values.length * 2, count + record.length));
      grown.set(values);
      values = grown;
    }
    for (let k = 1; k < record.length; k++) {
      const cell = record[k]!;
      const t = cell.text.trim();
      if (!NUMBER.test(t)) {
        fail(cell.line, cell.col, "not-a-number", `expected a number, found ${JSON.stringify(t)}`);
        values[count++] = 0;
        continue;
      }
      values[count++] = Number(t);
    }
  }
}

/** Where a cell stands. */
export function cellAt(file: string, cell: Cell): Location {
  return { file, line: cell.line, col: cell.col };
}
