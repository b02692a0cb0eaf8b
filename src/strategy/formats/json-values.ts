/**
 * Exact numbers and located issues for the JSON game readers.
 * @module
 */
import { describeValue, formatPath, type Issue } from "../../diagnostics/issue.js";
import type { LocatedDoc } from "../../parse/located.js";
import { Rational } from "../rational.js";

/** An exact number from a JSON number or string, or an issue at `path`. */
export function numberAt(
  v: unknown,
  path: readonly PropertyKey[],
  doc: LocatedDoc,
  issues: Issue[],
): Rational | undefined {
  let r: Rational | undefined;
  if (typeof v === "number" && Number.isFinite(v)) r = Rational.fromNumber(v);
  else if (typeof v === "string") r = Rational.parse(v.trim());
  if (!r)
    issues.push(
      issueAt(
        doc,
        path,
        `expected a number or an exact text like "3/2", found ${describeValue(v)}`,
      ),
    );
  return r;
}

export function issueAt(doc: LocatedDoc, path: readonly PropertyKey[], message: string): Issue {
  return { severity: "error", code: "game", at: doc.locate(path), path: formatPath(path), message };
}
