/**
 * Turns zod's validation issues into levier issues that say where (file:line:col and the path in
 * the document), what was expected and what was found.
 * @module
 */
import type { z } from "zod";
import { describeValue, formatPath, type Issue } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";

type ZodIssue = z.core.$ZodIssue;

/** Validates the document against `schema`; returns the parsed value or the issues. `kind`
 * names the document's JSON Schema (`levier schema KIND`), for the hint on an unknown field. */
export function validateDoc<S extends z.ZodType>(
  schema: S,
  doc: LocatedDoc,
  kind?: string,
): { value?: z.infer<S>; issues: Issue[] } {
  const result = schema.safeParse(doc.value);
  if (result.success) return { value: result.data, issues: [] };
  const issues: Issue[] = [];
  const hint = kind === undefined ? "" : ` against the schema (levier schema ${kind})`;
  for (const zi of result.error.issues) translate(zi, [], doc, issues, hint);
  return { issues: dedupe(issues) };
}

function translate(
  zi: ZodIssue,
  prefix: readonly PropertyKey[],
  doc: LocatedDoc,
  out: Issue[],
  hint: string,
) {
  const path = [...prefix, ...zi.path];
  if (zi.code === "invalid_union" && zi.errors.length === 0 && "options" in zi) {
    const options = (zi as { options: unknown[] }).options.map((o) => JSON.stringify(o)).join(", ");
    const found = describeValue(valueAt(doc.value, path));
    out.push(issue(doc, path, `expected one of ${options}, found ${found}`));
    return;
  }
  if (zi.code === "invalid_union" && zi.errors.length > 0) {
    const branch = bestBranch(zi.errors);
    if (branch) {
      for (const sub of branch) translate(sub, path, doc, out, hint);
      return;
    }
    out.push(
      issue(
        doc,
        path,
        `expected ${unionExpectation(zi.errors)}, found ${describeValue(valueAt(doc.value, path))}`,
      ),
    );
    return;
  }
  if (zi.code === "unrecognized_keys") {
    for (const key of zi.keys) {
      out.push(
        issue(
          doc,
          [...path, key],
          `unknown field ${JSON.stringify(key)}; check its spelling${hint}`,
        ),
      );
    }
    return;
  }
  const found = valueAt(doc.value, path);
  out.push(issue(doc, path, message(zi, found, path)));
}

function message(zi: ZodIssue, found: unknown, path: readonly PropertyKey[]): string {
  switch (zi.code) {
    case "invalid_type":
      if (found === undefined)
        return `missing field ${JSON.stringify(String(path.at(-1)))}; expected ${article(zi.expected)}`;
      if (zi.expected === "number" && typeof found === "number")
        return `expected a finite number, found ${describeValue(found)}`;
      return `expected ${article(zi.expected)}, found ${describeValue(found)}`;
    case "invalid_value":
      return `expected one of ${zi.values.map((v) => JSON.stringify(v)).join(", ")}, found ${describeValue(found)}`;
    case "too_small":
      if (zi.origin === "array")
        return `expected a list of at least ${zi.minimum} item${Number(zi.minimum) === 1 ? "" : "s"}, found ${describeValue(found)}`;
      if (zi.origin === "string")
        return `expected a non-empty text of at least ${zi.minimum} characters, found ${describeValue(found)}`;
      // A bound is inclusive (≥) or exclusive (>): say which, so that "-1" is never refused by
      // "expected at least -1".
      return `expected ${zi.inclusive === false ? "more than" : "at least"} ${zi.minimum}, found ${describeValue(found)}`;
    case "too_big":
      if (zi.origin === "array")
        return `expected a list of at most ${zi.maximum} item${Number(zi.maximum) === 1 ? "" : "s"}, found ${describeValue(found)}`;
      if (zi.origin === "string")
        return `expected a text of at most ${zi.maximum} characters, found ${describeValue(found)}`;
      return `expected ${zi.inclusive === false ? "less than" : "at most"} ${zi.maximum}, found ${describeValue(found)}`;
    case "invalid_format":
    case "custom":
      return `${zi.message.replace(/^Invalid input: /, "")}, found ${describeValue(found)}`;
    default:
      return `${zi.message}, found ${describeValue(found)}`;
  }
}

/**
 * The union branch that best explains the failure: branches that fail on the type of the value
 * itself are wrong branches; among the rest, the one with the fewest issues.
 */
function bestBranch(branches: readonly ZodIssue[][]): ZodIssue[] | undefined {
  const candidates = branches.filter(
    (b) =>
      !b.some(
        (i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value"),
      ),
  );
  if (candidates.length === 0) return undefined;
  let best = candidates[0];
  for (const b of candidates) if (best && b.length < best.length) best = b;
  return best;
}

function unionExpectation(branches: readonly ZodIssue[][]): string {
  const kinds = new Set<string>();
  for (const b of branches) {
    for (const i of b) if (i.path.length === 0 && i.code === "invalid_type") kinds.add(i.expected);
  }
  const list = [...kinds].map(article);
  return list.length > 0 ? list.join(" or ") : "a different value";
}

function article(expected: string): string {
  if (expected === "object") return "a mapping";
  if (expected === "array") return "a list";
  if (expected === "string") return "a text";
  return `a ${expected}`;
}

function issue(doc: LocatedDoc, path: readonly PropertyKey[], message: string): Issue {
  return {
    severity: "error",
    code: "schema",
    at: doc.locate(path),
    path: formatPath(path),
    message,
  };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.at?.line}:${i.at?.col}:${i.path}:${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
