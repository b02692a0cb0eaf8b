/**
 * The one place where errors become exit codes: 0 success, 1 failure of the run, 2 bad input
 * or usage.
 * @module
 */
import { CommanderError } from "commander";
import { InputError, NotFoundError, UsageError } from "../diagnostics/errors.js";
import { formatIssue } from "../diagnostics/issue.js";
import { QueueLost, QueueTaskFailed } from "../node/queue-errors.js";
import { StoreUnavailable } from "../store/errors.js";
import type { CliContext } from "./context.js";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INPUT = 2;

export function reportError(ctx: CliContext, err: unknown): number {
  if (err instanceof CommanderError) {
    if (
      err.code === "commander.helpDisplayed" ||
      err.code === "commander.version" ||
      err.code === "commander.help"
    )
      return EXIT_OK;
    return EXIT_INPUT;
  }
  if (err instanceof InputError) {
    const errors = err.issues.filter((i) => i.severity === "error");
    if (err.issues.length === 0) {
      ctx.stderr.write(`levier: ${err.message}\n`);
      return EXIT_INPUT;
    }
    for (const issue of errors.length > 0 ? errors : err.issues)
      ctx.stderr.write(`${formatIssue(issue)}\n`);
    ctx.stderr.write(`levier: ${errors.length} error${errors.length === 1 ? "" : "s"}\n`);
    return EXIT_INPUT;
  }
  // A Redis that never answered or went away (--redis): the URL or the server is at fault.
  if (
    err instanceof UsageError ||
    err instanceof NotFoundError ||
    err instanceof QueueLost ||
    err instanceof StoreUnavailable
  ) {
    ctx.stderr.write(`levier: ${err.message}\n`);
    return EXIT_INPUT;
  }
  if (err instanceof QueueTaskFailed) {
    ctx.stderr.write(`levier: ${err.message}\n`);
    return EXIT_FAILURE;
  }
  const e = err as Error;
  ctx.stderr.write(`levier: ${e?.stack ?? String(err)}\n`);
  return EXIT_FAILURE;
}
