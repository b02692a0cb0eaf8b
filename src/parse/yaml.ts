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
/** The YAML parser's errors in levier's words, by the parser's error code. */
const SYNTAX: Record<string, string> = {
  MULTIPLE_DOCS: "a second document starts here (a line `---`); expected one document per file",
  DUPLICATE_KEY: "this key is given twice in the same mapping; expected each key once",
  TAB_AS_INDENT:
    "a tab indents this line; expected spaces (YAML does not allow tabs as indentation)",
  BAD_INDENT:
    "this line's indentation does not fit the lines above; expected it aligned with its siblings",
  MISSING_CHAR: "a closing bracket, brace or quote is missing; expected it before here",
  UNEXPECTED_TOKEN: "unexpected text here; expected a key, a value or a list item",
  BLOCK_AS_IMPLICIT_KEY: "a block cannot be a key; expected `key: value`",
  MULTILINE_IMPLICIT_KEY: "a key runs over more than one line; expected `key: value` on one line",
  BLOCK_IN_FLOW: "a block value inside [ ] or { }; expected a flow value (or drop the brackets)",
  BAD_DQ_ESCAPE: 'an unknown escape in a double-quoted string; expected \\n, \\t, \\\\ or \\"',
  BAD_SCALAR_START: "a value cannot start with this character; expected it quoted",
  BAD_ALIAS: "an alias (*name) with no anchor (&name) before it",
  KEY_OVER_1024_CHARS: "a key longer than 1024 characters; expected a shorter key",
  NON_STRING_KEY: "a key that is not text; expected a plain name",
  MULTIPLE_ANCHORS: "two anchors on one value; expected at most one",
  MULTIPLE_TAGS: "two tags on one value; expected at most one",
  TAG_RESOLVE_FAILED: "a value does not match its tag",
  BAD_DIRECTIVE: "an unknown directive (a line starting with %)",
};

function syntaxMessage(code: string, message: string): string {
  const close = /end with an? ([\]}])/.exec(message)?.[1];
  if (code === "BAD_INDENT" && close)
    return `a ${close === "]" ? "[ list" : "{ mapping"} above is not closed; expected ${close} before this line`;
  if (/nested mappings are not allowed in compact mappings/i.test(message))
    return "a second `key:` on one line (`a: b: c`); expected the inner mapping on its own, indented lines";
  const known = SYNTAX[code];
  if (known) return known;
  // Otherwise the parser's first sentence, without its position (levier gives its own) or
  // advice about the parser's API.
  const sentence = message.split(/ at line \d+, column \d+/)[0]?.split("\n")[0] ?? message;
  return sentence.replace(/;\s*please use [^.;]*/i, "");
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
