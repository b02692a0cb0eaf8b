/**
 * What a command needs from the outside world: where to write, the working directory. Tests
 * pass their own; `main` passes the process's.
 * @module
 */
import { formatLocation, type Issue } from "../diagnostics/issue.js";

export interface Output {
  write(text: string): void;
}

export interface CliContext {
  stdout: Output;
  stderr: Output;
  cwd: string;
}

/** Writes exactly one JSON document to stdout. */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function println(out: Output, line = ""): void {
  out.write(`${line}\n`);
}

/** A result's warnings on stderr, each with where it is: `levier: warning: file:line:col: … [code]`. */
export function printWarnings(ctx: CliContext, warnings: readonly Issue[]): void {
  for (const w of warnings)
    println(
      ctx.stderr,
      `levier: warning: ${w.at ? `${formatLocation(w.at)}: ` : ""}${w.message} [${w.code}]`,
    );
}
