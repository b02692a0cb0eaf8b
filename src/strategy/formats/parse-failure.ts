/**
 * Parse failures of the Gambit readers: thrown inside a reader, caught at its entry point and
 * returned as one located issue.
 * @module
 */
import type { Issue } from "../../diagnostics/issue.js";
import { isIssue, type Token, type TokenStream } from "./tokens.js";

export class ParseFailure extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
  }
}

/** Throws a ParseFailure located at token t. */
export function fail(ts: TokenStream, t: Token, message: string): never {
  throw new ParseFailure(ts.issue(t, message));
}

/** The token, or throws the issue that `TokenStream.expect` returned. */
export function must(x: Token | Issue): Token {
  if (isIssue(x)) throw new ParseFailure(x);
  return x;
}

/** Runs a parser; a ParseFailure becomes the result's single issue. */
export function catchFailure<T>(parse: () => T): { game?: T; issues: Issue[] } {
  try {
    return { game: parse(), issues: [] };
  } catch (err) {
    if (err instanceof ParseFailure) return { issues: [err.issue] };
    throw err;
  }
}
