/**
 * Reading the ETO dataset named on the command line: the directory holding its `inputs.csv`,
 * `providers.csv`, `provision.csv` and `sequence.csv` (and `stages.csv` where it is there),
 * parsed by `eto/dataset.ts`; problems are InputErrors (exit 2) at file:line:col.
 * @module
 */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError } from "../diagnostics/errors.js";
import { type EtoDataset, type EtoFiles, readEto } from "../eto/dataset.js";
import type { CliContext } from "./context.js";
import { readInputText } from "./read-input.js";

export function readEtoDir(ctx: CliContext, dir: string): EtoDataset {
  let isDir = false;
  try {
    isDir = statSync(resolve(ctx.cwd, dir)).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir)
    throw InputError.single(
      "not-found",
      "expected the ETO dataset's directory (inputs.csv, providers.csv, provision.csv, sequence.csv)",
      { file: dir, line: 1, col: 1 },
    );
  const one = (name: string) => {
    const file = join(dir, name);
    return { file, text: readInputText(ctx, file, `expected ETO's ${name} in ${dir}`) };
  };
  const files: EtoFiles = {
    inputs: one("inputs.csv"),
    providers: one("providers.csv"),
    provision: one("provision.csv"),
    sequence: one("sequence.csv"),
  };
  if (existsSync(resolve(ctx.cwd, dir, "stages.csv"))) files.stages = one("stages.csv");
  const read = readEto(files);
  if (!read.dataset) throw new InputError(read.issues);
  return read.dataset;
}
