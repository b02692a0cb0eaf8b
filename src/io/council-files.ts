/**
 * The file-system side of loading the Council's data: the real `CouncilReader` and the
 * directory of the data shipped in `data/council`. The CLI, the server and its worker threads
 * load the Council through it.
 * @module
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Council } from "../council/council.js";
import { type CouncilReader, loadCouncil } from "../council/load.js";
import { InputError } from "../diagnostics/errors.js";
import { PACKAGE_ROOT } from "./world-files.js";

export const DEFAULT_COUNCIL_DATA = resolve(PACKAGE_ROOT, "data/council");

/** Reads files below `cwd`; paths in messages are relative to it when they lie below it. */
export function councilReader(cwd: string): CouncilReader {
  const root = resolve(cwd);
  const shown = (p: string) => (p.startsWith(`${root}/`) ? p.slice(root.length + 1) : p);
  return {
    read(path) {
      try {
        return readFileSync(resolve(cwd, path), "utf8");
      } catch {
        return undefined;
      }
    },
    join: (dir, file) => shown(join(resolve(cwd, dir), file)),
  };
}

/** The Council data in `dir` (default: data/council), or an InputError with its issues. */
export function loadCouncilFrom(cwd: string, dir: string = DEFAULT_COUNCIL_DATA): Council {
  const { council, issues } = loadCouncil(councilReader(cwd), dir);
  if (!council) throw new InputError(issues);
  return council;
}
