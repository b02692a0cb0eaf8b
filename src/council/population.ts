/**
 * The population table (CSV: member, name, share_pct, population, share_source,
 * population_source, year) to members, with every problem placed at its cell.
 * @module
 */
import type { Issue, Location } from "../diagnostics/issue.js";
import type { Cell, CsvTable } from "../parse/csv.js";
import type { Member } from "./rule.js";

export interface PopulationRow extends Member {
  /** Published share of the Union population, %. */
  sharePct: number;
  shareSource: string;
  populationSource: string;
  year: number;
  at: Location;
}

const COLUMNS = [
  "member",
  "name",
  "share_pct",
  "population",
  "share_source",
  "population_source",
  "year",
] as const;
type Column = (typeof COLUMNS)[number];

const MEMBER_ID = /^[A-Z]{2}$/;
const SOURCE_ID = /^[a-z][a-z0-9_-]{0,63}$/;
const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Published shares are rounded to 0.01 percentage points, so a member's population over the
 * total must be within half of that of its share; a little more is allowed for the sum of
 * the published shares not being exactly 100.
 */
export const SHARE_TOLERANCE_PCT = 0.006;

export function populationRows(table: CsvTable): { rows: PopulationRow[]; issues: Issue[] } {
  const file = table.file;
  const at = (cell: Cell): Location => ({ file, line: cell.line, col: cell.col });
  const issues: Issue[] = [];
  const error = (cell: Cell, path: string, message: string) =>
    issues.push({ severity: "error", code: "schema", at: at(cell), path, message });
  const index = new Map<string, number>();
  table.header.forEach((cell, i) => {
    const name = cell.text.trim();
    if (!(COLUMNS as readonly string[]).includes(name))
      error(cell, name, `unknown column ${JSON.stringify(name)}; expected ${COLUMNS.join(", ")}`);
    index.set(name, i);
  });
  for (const col of COLUMNS)
    if (!index.has(col)) {
      const first = table.header[0] ?? { text: "", line: 1, col: 1 };
      error(first, col, `missing column ${JSON.stringify(col)}; expected ${COLUMNS.join(", ")}`);
    }
  if (issues.length > 0) return { rows: [], issues };

  const rows: PopulationRow[] = [];
  const seen = new Map<string, Cell>();
  table.rows.forEach((row, r) => {
    const cell = (c: Column): Cell => row[index.get(c) ?? 0] ?? { text: "", line: 0, col: 0 };
    const text = (c: Column) => cell(c).text.trim();
    const path = (c: Column) => `population[${r}].${c}`;
    const before = issues.length;
    const check = (c: Column, ok: boolean, expected: string) => {
      if (!ok) error(cell(c), path(c), `expected ${expected}, found ${JSON.stringify(text(c))}`);
    };
    check("member", MEMBER_ID.test(text("member")), "a two-letter member id such as DE");
    check("name", text("name") !== "", "the member's name");
    check(
      "share_pct",
      DECIMAL.test(text("share_pct")) && Number(text("share_pct")) <= 100,
      "a share in % between 0 and 100",
    );
    const population = Number(text("population"));
    check(
      "population",
      INTEGER.test(text("population")) && Number.isSafeInteger(population) && population > 0,
      "a whole number of persons above 0",
    );
    check("share_source", SOURCE_ID.test(text("share_source")), "a source id from sources.yaml");
    check(
      "population_source",
      SOURCE_ID.test(text("population_source")),
      "a source id from sources.yaml",
    );
    const year = Number(text("year"));
    check("year", INTEGER.test(text("year")) && year >= 1900 && year <= 2100, "a year");
    const id = text("member");
    const previous = seen.get(id);
    if (previous && MEMBER_ID.test(id))
      issues.push({
        severity: "error",
        code: "duplicate-id",
        at: at(cell("member")),
        path: path("member"),
        message: `member ${id} appears twice; first at line ${previous.line}`,
      });
    seen.set(id, cell("member"));
    if (issues.length > before) return;
    rows.push({
      id,
      name: text("name"),
      population,
      sharePct: Number(text("share_pct")),
      shareSource: text("share_source"),
      populationSource: text("population_source"),
      year,
      at: at(cell("member")),
    });
  });
  if (issues.length === 0 && rows.length === 0) {
    const first = table.header[0] ?? { text: "", line: 1, col: 1 };
    error(first, "population", "no members; expected one row per member");
  }
  if (issues.length === 0) issues.push(...shareChecks(rows, table, index));
  return { rows, issues };
}

/**
 * Each member's population over the total must agree with its published share. One wrong row
 * shifts the total and so every share; when more than a few rows disagree, only the row
 * farthest off (relatively) is reported, as the likely culprit.
 */
function shareChecks(rows: PopulationRow[], table: CsvTable, index: Map<string, number>): Issue[] {
  const total = rows.reduce((s, r) => s + r.population, 0);
  const pct = rows.map((r) => (100 * r.population) / total);
  const off = rows
    .map((r, i) => ({
      i,
      gap: Math.abs((pct[i] as number) - r.sharePct),
      ratio: (pct[i] as number) / r.sharePct,
    }))
    .filter((x) => x.gap > SHARE_TOLERANCE_PCT);
  const issue = (i: number, message: string): Issue => {
    const cell = table.rows[i]?.[index.get("population") ?? 0];
    const out: Issue = {
      severity: "error",
      code: "share-mismatch",
      path: `population[${i}].population`,
      message,
    };
    if (cell) out.at = { file: table.file, line: cell.line, col: cell.col };
    return out;
  };
  const describe = (i: number) => {
    const r = rows[i] as PopulationRow;
    return `${r.id}: ${r.population} persons are ${(pct[i] as number).toFixed(4)}% of the total ${total}, but share_pct says ${r.sharePct}%`;
  };
  if (off.length <= MAX_MISMATCHES_LISTED)
    return off.map((x) =>
      issue(
        x.i,
        `${describe(x.i)}; expected the two to agree within ${SHARE_TOLERANCE_PCT} points`,
      ),
    );
  const worst = off.reduce((a, b) =>
    Math.abs(Math.log(b.ratio)) > Math.abs(Math.log(a.ratio)) ? b : a,
  );
  return [
    issue(
      worst.i,
      `${describe(worst.i)}; ${off.length} rows disagree with their shares, most likely because this one is wrong (${worst.ratio.toFixed(2)} times its share)`,
    ),
  ];
}

const MAX_MISMATCHES_LISTED = 3;
