/**
 * The file-system side of loading a world: the real `WorldReader` and the path of the default
 * world shipped in `data/`.
 * @module
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { WorldReader } from "../world/load.js";

/** The package root (two levels above this file, from both src/io and dist/io). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_WORLD = resolve(PACKAGE_ROOT, "data");

export function fileReader(cwd: string = process.cwd()): WorldReader {
  const abs = (p: string) => resolve(cwd, p);
  return {
    read(path) {
      try {
        return readFileSync(abs(path), "utf8");
      } catch {
        return undefined;
      }
    },
    isDirectory(path) {
      try {
        return statSync(abs(path)).isDirectory();
      } catch {
        return false;
      }
    },
    resolve(from, relative) {
      const base = from.endsWith("/") ? from : dirname(from);
      return relativeTo(cwd, resolve(abs(base), relative));
    },
    defaultWorld: relativeTo(cwd, DEFAULT_WORLD),
  };
}

/** Paths in messages are relative to the working directory when they lie below it. */
function relativeTo(cwd: string, path: string): string {
  const root = resolve(cwd);
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}
