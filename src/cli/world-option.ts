/**
 * Loading the world a command works on (`--world FILE|DIR`, default `data/`), with every problem
 * reported as an InputError (exit code 2).
 * @module
 */
import { InputError } from "../diagnostics/errors.js";
import { fileReader } from "../io/world-files.js";
import { type LoadedWorld, loadWorld } from "../world/load.js";
import type { CliContext } from "./context.js";

export function loadWorldFor(ctx: CliContext, spec: string | undefined): LoadedWorld {
  const { world, issues } = loadWorld(fileReader(ctx.cwd), spec);
  if (!world) throw new InputError(issues);
  return world;
}
