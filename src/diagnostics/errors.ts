/**
 * The small error taxonomy of levier. The CLI maps these to exit codes in one place
 * (`cli/exit.ts`); the core throws them and never prints.
 * @module
 */
import { formatIssue, type Issue } from "./issue.js";

/** Input that cannot be used: a file, a flag or a request. Exit code 2. */
export class InputError extends Error {
  override name = "InputError";
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], summary?: string) {
    const errors = issues.filter((i) => i.severity === "error");
    super(summary ?? errors.map(formatIssue).join("\n"));
    this.issues = issues;
  }
  static single(code: string, message: string, at?: Issue["at"], path?: string): InputError {
    const issue: Issue = { severity: "error", code, message };
    if (at) issue.at = at;
    if (path) issue.path = path;
    return new InputError([issue]);
  }
}

/** Wrong use of a command or function (bad flag combination, unknown subcommand). Exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An id that names nothing the world knows. Exit code 2 when it came from the user. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** An iterative method that did not reach its tolerance within its iteration budget. Exit code 1. */
export class ConvergenceError extends Error {
  override name = "ConvergenceError";
  constructor(
    message: string,
    readonly iterations: number,
    readonly residual: number,
  ) {
    super(message);
  }
}
