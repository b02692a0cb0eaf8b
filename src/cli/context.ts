/**
 * What a command needs from the outside world: where to write, the working directory. Tests
 * pass their own; `main` passes the process's.
 * @module
 */
import { resolve } from "node:path";
import { formatLocation, type Issue } from "../diagnostics/issue.js";
import { prepareOutDir } from "../io/out-dir.js";

export interface Output {
  write(text: string): void;
}

export interface CliContext {
  stdout: Output;
  stderr: Output;
  cwd: string;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  terminal?: boolean;
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

/** The directory `--out` (or `flag`) names, resolved against the working directory and made
 * ready before any work is done (exit 2 with one sentence when it cannot be written);
 * undefined without it. */
export function outDirOf(
  ctx: CliContext,
  out: string | undefined,
  flag = "--out",
): string | undefined {
  if (out === undefined) return undefined;
  const dir = resolve(ctx.cwd, out);
  prepareOutDir(dir, out, flag);
  return dir;
}
