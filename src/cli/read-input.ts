/**
 * Reading an input file named on the command line: its text, or an InputError (exit 2) at
 * file:1:1 saying what was expected there.
 * @module
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../diagnostics/errors.js";
import type { CliContext } from "./context.js";

export function readInputText(ctx: CliContext, file: string, expected: string): string {
  try {
    return readFileSync(resolve(ctx.cwd, file), "utf8");
  } catch {
    throw InputError.single("not-found", expected, { file, line: 1, col: 1 });
  }
}
