/**
 * Reading an input–output table named on the command line: WIOD's three CSV files in a
 * directory (`*-intermediate.csv`, `*-final.csv`, `*-output.csv`), or an OECD ICIO CSV file (or
 * a directory holding exactly one), parsed by `mrio/`; problems are InputErrors (exit 2).
 * @module
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError, UsageError } from "../diagnostics/errors.js";
import { readIcio } from "../mrio/icio.js";
import type { MrioTable } from "../mrio/table.js";
import { readWiod, type TextFile } from "../mrio/wiod.js";
import type { CliContext } from "./context.js";
import { readInputText } from "./read-input.js";

export function readTable(ctx: CliContext, dir: string, layout: "wiod" | "icio"): MrioTable {
  const path = resolve(ctx.cwd, dir);
  const isDir = (() => {
    try {
      return statSync(path).isDirectory();
    } catch {
      throw InputError.single(
        "not-found",
        `no such file or directory; expected the table's ${layout === "wiod" ? "directory" : "CSV file or directory"}`,
        { file: dir, line: 1, col: 1 },
      );
    }
  })();
  const csvs = isDir
    ? readdirSync(path)
        .filter((f) => /\.csv$/i.test(f))
        .sort()
    : [];
  const one = (suffix: string): TextFile => {
    const found = csvs.filter((f) => f.toLowerCase().endsWith(suffix));
    if (found.length !== 1)
      throw InputError.single(
        "not-found",
        `expected one file *${suffix} in ${dir}, found ${found.length === 0 ? "none" : found.join(", ")}`,
        { file: dir, line: 1, col: 1 },
      );
    const file = join(dir, found[0]!);
    return { file, text: readInputText(ctx, file, "expected a CSV file") };
  };
  const read = (() => {
    if (layout === "wiod") {
      if (!isDir)
        throw new UsageError(`the WIOD layout is a directory of three CSV files; ${dir} is a file`);
      return readWiod({
        intermediate: one("-intermediate.csv"),
        final: one("-final.csv"),
        output: one("-output.csv"),
      });
    }
    if (!isDir) return readIcio({ file: dir, text: readFileSync(path, "utf8") });
    return readIcio(one(".csv"));
  })();
  if (!read.table) throw new InputError(read.issues);
  return read.table;
}
