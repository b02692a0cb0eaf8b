/**
 * The directory an `--out` flag names, made ready before any work is done, and every
 * file-system failure of writing there said in one sentence (a `UsageError`, exit 2): a file in
 * the way, a path under a file, no permission, a read-only or full disk, a kernel folder such
 * as /proc. Directories are created one level at a time rather than by `mkdir -p`, which loops
 * forever under /proc on some kernels.
 * @module
 */
import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { parse, resolve, sep } from "node:path";
import { UsageError } from "../diagnostics/errors.js";

/** Folders the kernel keeps: nothing a report can be written into. */
const SYSTEM = ["/proc", "/sys", "/dev"];

/** Makes `dir` (absolute) a writable directory, or throws a UsageError naming `shown`. */
export function prepareOutDir(dir: string, shown: string, flag = "--out"): void {
  const at = (why: string) => new UsageError(`${flag} ${shown}: ${why}`);
  const system = SYSTEM.find((s) => dir === s || dir.startsWith(`${s}${sep}`));
  if (system)
    throw at(`${system} is a system folder the kernel keeps; expected a directory you can write`);
  // Walk down from the root: every existing part must be a directory; create the rest.
  const { root } = parse(dir);
  const parts = dir.slice(root.length).split(sep).filter(Boolean);
  let path = root;
  for (const part of parts) {
    path = resolve(path, part);
    const st = statOf(path);
    if (st === undefined) {
      try {
        mkdirSync(path);
      } catch (err) {
        throw at(fsReason(err, path));
      }
    } else if (!st.isDirectory()) {
      throw at(
        path === dir
          ? `${path} is a file, not a directory`
          : `${path} is a file, so nothing can be written under it`,
      );
    }
  }
  try {
    accessSync(dir, constants.W_OK);
    // A probe file: as root, permission bits pass, but a read-only or full disk does not.
    const probe = resolve(dir, `.levier-probe-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
  } catch (err) {
    throw at(fsReason(err, dir));
  }
}

/** A file-system error in one sentence, for `path`. */
export function fsReason(err: unknown, path: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `no permission to write in ${path}`;
    case "EROFS":
      return `${path} is on a read-only file system`;
    case "ENOSPC":
      return `no space left on the disk that holds ${path}`;
    case "EDQUOT":
      return `the disk quota is exhausted for ${path}`;
    case "ENOTDIR":
      return `a part of ${path} is a file, not a directory`;
    case "EISDIR":
      return `${path} is a directory, not a file`;
    case "ENAMETOOLONG":
      return `the path ${path} is too long`;
    case "ENOENT":
      return `${path} cannot be created (a part of it does not exist)`;
    default:
      return `cannot write ${path} (${code ?? String(err)})`;
  }
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UsageError(`cannot read ${path}: ${fsReason(err, path)}`);
  }
}
