/**
 * The lexer of Gambit's text formats (.nfg, .efg), with the line and column of every token.
 * Tokens: numbers (`3`, `-2`, `+1`, `1.5`, `.5`, `2e3`, `3/2`), quoted texts (`"a \" b"`, a
 * backslash escapes a quote), `{`, `}`, `,` and bare symbols (`NFG`, `R`, `p`, …). Whitespace
 * is not significant outside quotes. Malformed input gives an Issue, never an exception.
 * @module
 */
import type { Issue, Location } from "../../diagnostics/issue.js";
import { Rational } from "../rational.js";

export type TokenKind = "number" | "text" | "symbol" | "{" | "}" | "," | "eof";

export interface Token {
  kind: TokenKind;
  /** The token as written (for texts: the content, unescaped). */
  text: string;
  /** For numbers: the exact value. */
  value?: Rational;
  line: number;
  col: number;
}

export type LexResult =
  | { tokens: Token[]; issue?: undefined }
  | { tokens?: undefined; issue: Issue };

const NUMBER = /[+-]?(?:\d+\/\d+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/y;
const WORD = /[^\s{},"]+/y;

/** Splits `text` into tokens; the last token is `eof`, placed just after the last non-space. */
export function tokenize(text: string, file: string): LexResult {
  const tokens: Token[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  let endLine = 1;
  let endCol = 1;
  const advance = (to: number) => {
    for (; i < to; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        col = 1;
      } else col++;
    }
  };
  const fail = (l: number, c: number, message: string): LexResult => ({
    issue: { severity: "error", code: "syntax", at: { file, line: l, col: c }, message },
  });
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      advance(i + 1);
      continue;
    }
    const start = { line, col };
    if (c === "{" || c === "}" || c === ",") {
      tokens.push({ kind: c, text: c, ...start });
      advance(i + 1);
    } else if (c === '"') {
      let j = i + 1;
      let content = "";
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\" && text[j + 1] === '"') {
          content += '"';
          j += 2;
        } else {
          content += text[j];
          j++;
        }
      }
      if (j >= text.length)
        return fail(
          start.line,
          start.col,
          "expected a closing quote for this text, found end of file",
        );
      tokens.push({ kind: "text", text: content, ...start });
      advance(j + 1);
    } else if (/[0-9+\-.]/.test(c)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const raw = m?.[0] ?? "";
      const after = text[i + raw.length];
      if (raw === "" || (after !== undefined && !/[\s{},]/.test(after))) {
        WORD.lastIndex = i;
        const word = WORD.exec(text)?.[0] ?? c;
        return fail(start.line, start.col, `expected a number, found ${JSON.stringify(word)}`);
      }
      const value = Rational.parse(raw);
      if (!value)
        return fail(
          start.line,
          start.col,
          `expected a number, found ${JSON.stringify(raw)} (a zero denominator)`,
        );
      tokens.push({ kind: "number", text: raw, value, ...start });
      advance(i + raw.length);
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(text)?.[0] ?? c;
      tokens.push({ kind: "symbol", text: word, ...start });
      advance(i + word.length);
    }
    endLine = line;
    endCol = col;
  }
  tokens.push({ kind: "eof", text: "", line: endLine, col: endCol });
  return { tokens };
}

/** How a token reads in "found …" messages. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "end of file";
    case "text":
      return `the text ${JSON.stringify(t.text.length > 30 ? `${t.text.slice(0, 27)}...` : t.text)}`;
    case "number":
      return `the number ${t.text}`;
    case "symbol":
      return JSON.stringify(t.text);
    default:
      return `"${t.text}"`;
  }
}

/** A cursor over tokens with located errors. */
export class TokenStream {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    readonly file: string,
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  at(t: Token): Location {
    return { file: this.file, line: t.line, col: t.col };
  }

  /** An error issue located at token t. */
  issue(t: Token, message: string, code = "syntax"): Issue {
    return { severity: "error", code, at: this.at(t), message };
  }

  /** Consumes a token of the given kind or returns an issue "expected …, found …". */
  expect(kind: TokenKind, what: string): Token | Issue {
    const t = this.peek();
    if (t.kind !== kind) return this.issue(t, `expected ${what}, found ${describeToken(t)}`);
    return this.next();
  }
}

export function isIssue(x: Token | Issue | object): x is Issue {
  return "severity" in x;
}
