/**
 * Problems found in input, as data: a code, where (file, line, column, path in the document),
 * what was expected and what was found. Rendering to text is `formatIssue`, kept apart so that
 * the CLI, the API and reports show the same issues their own way.
 * @module
 */

export type Severity = "error" | "warning";

/** A position in a file, 1-based. */
export interface Location {
  file: string;
  line: number;
  col: number;
}

export interface Issue {
  severity: Severity;
  /** Stable machine-readable code, e.g. `syntax`, `schema`, `unknown-id`, `shares-sum`. */
  code: string;
  /** Where the problem is; absent when it is about the input as a whole. */
  at?: Location;
  /** Path inside the document, e.g. `goods[3].recipe[0].criticality`. */
  path?: string;
  /** One sentence saying what is wrong, with what was expected and what was found. */
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function formatLocation(at: Location): string {
  return `${at.file}:${at.line}:${at.col}`;
}

/** `file:line:col: error[code] path: message` */
export function formatIssue(issue: Issue): string {
  const where = issue.at ? `${formatLocation(issue.at)}: ` : "";
  const path = issue.path ? `${issue.path}: ` : "";
  return `${where}${issue.severity}[${issue.code}] ${path}${issue.message}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** Describes a value briefly for "found …" in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const s = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(s);
  }
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  return String(value);
}
