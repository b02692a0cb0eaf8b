/**
 * YAML and JSON text to a located document (JSON is read by the same parser, as YAML 1.2 is a
 * superset of it). Syntax errors become issues with line and column; nothing throws.
 * @module
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Issue, Location } from "../diagnostics/issue.js";
import { type LocatedDoc, MAX_FILE_BYTES, MAX_NESTING } from "./located.js";

export interface ParseResult {
  doc?: LocatedDoc;
  issues: Issue[];
}

/** Parses `text` (the contents of `file`) as YAML or JSON. */
export function parseYaml(text: string, file: string): ParseResult {
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_FILE_BYTES) {
    return fail(file, 1, 1, "too-large", `file is ${size} bytes; the limit is ${MAX_FILE_BYTES}`);
  }
  const deep = findDeepNesting(text);
  if (deep) {
    return fail(
      file,
      deep.line,
      deep.col,
      "too-deep",
      `collections nested more than ${MAX_NESTING} deep; expected a flatter document`,
    );
  }
  if (/\.json$/i.test(file)) {
    const problem = jsonSyntaxProblem(text);
    if (problem) return fail(file, problem.line, problem.col, "syntax", problem.message);
  }
  const lineCounter = new LineCounter();
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    if (err instanceof RangeError) {
      return fail(
        file,
        1,
        1,
        "too-deep",
        "collections nested too deeply to read; expected a flatter document",
      );
    }
    return fail(file, 1, 1, "syntax", `cannot parse: ${(err as Error).message}`);
  }
  const pos = (offset: number): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const issues: Issue[] = document.errors.map((e) =>
    e.code === "RESOURCE_EXHAUSTION"
      ? {
          severity: "error",
          code: "too-deep",
          at: pos(e.pos[0]),
          message: "collections nested too deeply to read; expected a flatter document",
        }
      : {
          severity: "error",
          code: "syntax",
          at: pos(e.pos[0]),
          message: syntaxMessage(e.code, e.message),
        },
  );
  if (issues.length > 1 && issues.every((i) => i.code === "too-deep")) issues.length = 1;
  if (issues.length > 0) return { issues };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const code = err instanceof RangeError ? "too-deep" : "syntax";
    return fail(file, 1, 1, code, (err as Error).message);
  }
  const root = document.contents as Node | null;
  const locate = (path: readonly PropertyKey[]): Location => {
    let node: unknown = root;
    let offset = root?.range?.[0] ?? 0;
    for (const key of path) {
      const next = child(node, key);
      if (!next) break;
      node = next.node;
      offset = next.offset;
    }
    return pos(offset);
  };
  return { doc: { file, value, locate }, issues: [] };
}

function child(node: unknown, key: PropertyKey): { node: unknown; offset: number } | undefined {
  if (isSeq(node) && typeof key === "number") {
    const item = node.items[key] as Node | undefined;
    return item?.range ? { node: item, offset: item.range[0] } : undefined;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(k) !== String(key)) continue;
      const value = pair.value as Node | null;
      if (value?.range) return { node: value, offset: value.range[0] };
      const keyNode = pair.key as Node | null;
      return { node: value, offset: keyNode?.range?.[0] ?? 0 };
    }
  }
  return undefined;
}

/** The yaml package's messages end with a code frame; keep the sentence. */
function syntaxMessage(code: string, message: string): string {
  const sentence = message.split(/ at line \d+, column \d+/)[0]?.split("\n")[0] ?? message;
  return `${sentence} (${code})`;
}

function fail(file: string, line: number, col: number, code: string, message: string): ParseResult {
  return { issues: [{ severity: "error", code, at: { file, line, col }, message }] };
}

/**
 * Finds the first flow bracket nested deeper than MAX_NESTING, outside quoted strings and
 * comments, so that pathological input is refused before a recursive parser sees it.
 */
export function findDeepNesting(text: string): { line: number; col: number } | undefined {
  let depth = 0;
  let line = 1;
  let col = 0;
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    col++;
    if (c === "\n") {
      line++;
      col = 0;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      const prev = i > 0 ? text[i - 1] : " ";
      if (
        prev === " " ||
        prev === "[" ||
        prev === "{" ||
        prev === "," ||
        prev === ":" ||
        prev === "\t" ||
        prev === "\n" ||
        i === 0
      )
        quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1] ?? " "))) comment = true;
    else if (c === "[" || c === "{") {
      depth++;
      if (depth > MAX_NESTING) return { line, col };
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** JSON.parse's verdict on the text, with its position as line and column. */
function jsonSyntaxProblem(
  text: string,
): { line: number; col: number; message: string } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const message = (err as Error).message;
    const m = /at position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : text.length;
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const col = offset - before.lastIndexOf("\n");
    const sentence = message.replace(/ in JSON at position \d+.*$/s, "");
    return { line, col, message: `invalid JSON: ${sentence}` };
  }
}
