/**
 * Bilateral trade in CEPII's BACI layout: a trade file with the columns t (year), i (exporter),
 * j (importer), k (HS6 product), v (value, thousands of current USD), q (quantity, metric
 * tons), and its country-code file (country_code, country_iso3, ...; the older layout's
 * iso_3digit_alpha is read too). Every cell keeps its place so that problems name
 * file:line:col. Pure: the caller reads the files.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import { type Cell, parseCsv } from "../parse/csv.js";

export interface TextFile {
  file: string;
  text: string;
}

export interface BaciRow {
  year: number;
  exporter: string;
  importer: string;
  /** Six digits, leading zeros restored (BACI writes 10121 for 010121 in some releases). */
  product: string;
  /** Thousands of current USD. */
  value: number;
  line: number;
  yearAt: Cell;
}

export interface BaciTrade {
  file: string;
  rows: BaciRow[];
  /** BACI country code → ISO 3166 alpha-3. */
  iso3: Map<string, string>;
}

export function readBaci(
  trade: TextFile,
  countries: TextFile,
): { trade?: BaciTrade; issues: Issue[] } {
  const issues: Issue[] = [];
  const iso3 = readCountries(countries, issues);
  const parsed = parseCsv(trade.text, trade.file);
  issues.push(...parsed.issues);
  if (!parsed.table || !iso3) return { issues };
  const t = parsed.table;
  const col = new Map(t.header.map((c, i) => [c.text.trim().replace(/^"|"$/g, ""), i]));
  const need = ["t", "i", "j", "k", "v", "q"].filter((c) => !col.has(c));
  if (need.length > 0) {
    issues.push(
      missing(
        trade.file,
        need,
        t.header.map((c) => c.text),
      ),
    );
    return { issues };
  }
  const rows: BaciRow[] = [];
  for (const r of t.rows) {
    const cell = (c: string) => r[col.get(c)!]!;
    const year = cell("t");
    const ok = [
      integer(trade.file, year, "a year such as 2023", /^[0-9]{4}$/, issues),
      known(trade.file, cell("i"), iso3, "exporter", issues),
      known(trade.file, cell("j"), iso3, "importer", issues),
      integer(trade.file, cell("k"), "an HS6 product code such as 848620", /^[0-9]{5,6}$/, issues),
    ].every(Boolean);
    const v = number(trade.file, cell("v"), issues);
    const q = cell("q").text.trim();
    if (q !== "" && q !== "NA" && !Number.isFinite(Number(q)))
      issues.push(
        at(
          trade.file,
          cell("q"),
          "bad-number",
          `expected a quantity in tonnes, NA or nothing, found ${JSON.stringify(q)}`,
        ),
      );
    if (!ok || v === undefined) continue;
    rows.push({
      year: Number(year.text.trim()),
      exporter: cell("i").text.trim(),
      importer: cell("j").text.trim(),
      product: cell("k").text.trim().padStart(6, "0"),
      value: v,
      line: year.line,
      yearAt: year,
    });
  }
  if (issues.some((i) => i.severity === "error")) return { issues };
  return { trade: { file: trade.file, rows, iso3 }, issues };
}

function readCountries(f: TextFile, issues: Issue[]): Map<string, string> | undefined {
  const parsed = parseCsv(f.text, f.file);
  issues.push(...parsed.issues);
  if (!parsed.table) return undefined;
  const t = parsed.table;
  const col = new Map(t.header.map((c, i) => [c.text.trim(), i]));
  const code = col.get("country_code");
  const iso = col.get("country_iso3") ?? col.get("iso_3digit_alpha");
  if (code === undefined || iso === undefined) {
    issues.push(
      missing(
        f.file,
        [code === undefined ? "country_code" : "", iso === undefined ? "country_iso3" : ""].filter(
          Boolean,
        ),
        t.header.map((c) => c.text),
      ),
    );
    return undefined;
  }
  const out = new Map<string, string>();
  for (const r of t.rows) {
    const c = r[code]!;
    const i = r[iso]!;
    if (!/^[0-9]{1,4}$/.test(c.text.trim())) {
      issues.push(
        at(
          f.file,
          c,
          "bad-number",
          `expected a BACI country code such as 528, found ${JSON.stringify(c.text)}`,
        ),
      );
      continue;
    }
    if (!/^[A-Z0-9]{3}$/.test(i.text.trim())) {
      issues.push(
        at(
          f.file,
          i,
          "schema",
          `expected an ISO 3166 alpha-3 code such as NLD, found ${JSON.stringify(i.text)}`,
        ),
      );
      continue;
    }
    if (out.has(c.text.trim())) {
      issues.push(at(f.file, c, "duplicate-id", `country code ${c.text.trim()} is listed twice`));
      continue;
    }
    out.set(c.text.trim(), i.text.trim());
  }
  return out;
}

function integer(file: string, c: Cell, expected: string, re: RegExp, issues: Issue[]): boolean {
  if (re.test(c.text.trim())) return true;
  issues.push(at(file, c, "bad-number", `expected ${expected}, found ${JSON.stringify(c.text)}`));
  return false;
}

function number(file: string, c: Cell, issues: Issue[]): number | undefined {
  const s = c.text.trim();
  const v = Number(s);
  if (s !== "" && /^[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(v)) return v;
  issues.push(
    at(
      file,
      c,
      "bad-number",
      `expected a value in thousands of USD (>= 0), found ${JSON.stringify(c.text)}`,
    ),
  );
  return undefined;
}

function known(
  file: string,
  c: Cell,
  iso3: Map<string, string>,
  what: string,
  issues: Issue[],
): boolean {
  if (iso3.has(c.text.trim())) return true;
  issues.push(
    at(
      file,
      c,
      "unknown-id",
      `unknown ${what} ${JSON.stringify(c.text)}; expected a code of the country-code file`,
    ),
  );
  return false;
}

function missing(file: string, columns: string[], found: string[]): Issue {
  return {
    severity: "error",
    code: "missing-column",
    at: { file, line: 1, col: 1 },
    message: `expected the column${columns.length > 1 ? "s" : ""} ${columns.join(", ")}; found ${found.join(", ")}`,
  };
}

function at(file: string, c: Cell, code: string, message: string): Issue {
  return { severity: "error", code, at: { file, line: c.line, col: c.col }, message };
}
