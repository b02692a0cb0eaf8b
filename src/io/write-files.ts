/**
 * Writing outputs so that nothing is half-written: each file goes to a temporary name in the
 * same directory and is renamed into place once complete.
 * @module
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UsageError } from "../diagnostics/errors.js";
import { fsReason, prepareOutDir } from "./out-dir.js";

/** Writes `path` whole or not at all; a failure is a UsageError in one sentence. The
 * directory is made ready first (`prepareOutDir`), so a sub-folder a report adds is too. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  prepareOutDir(dirname(path), dirname(path), "output");
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UsageError(`output: ${fsReason(err, path)}`);
  }
}
