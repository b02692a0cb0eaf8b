/**
 * `--csv` and `--table NAME` for every command that prints tables: the command builds its
 * tables as values (report/table.ts) and `printTables` writes either its text (the terminal's
 * tables and sentences) or one table as CSV on stdout. A command that prints several tables
 * names them, and `--csv` then needs `--table NAME` to pick one, so that stdout is always one
 * CSV document a spreadsheet opens. The flags are checked before the command does any work.
 * @module
 */
import type { Command } from "commander";
import { UsageError } from "../diagnostics/errors.js";
import { tableCsv } from "../report/csv.js";
import type { Table } from "../report/table.js";
import type { CliContext } from "./context.js";

export interface TableFlags {
  csv?: boolean;
  table?: string;
  json?: boolean;
}

/** Adds `--csv` (and `--table NAME` when there are several tables) to `cmd`, whose text
 * output holds the tables `names`, in that order. */
export function withTables(cmd: Command, names: readonly string[]): Command {
  cmd.option(
    "--csv",
    names.length > 1
      ? "print one table (--table) as CSV on stdout: raw numbers, units in the header"
      : "print the table as CSV on stdout: raw numbers, units in the header",
  );
  if (names.length > 1) cmd.option("--table <name>", `the table --csv prints: ${names.join(", ")}`);
  cmd.hook("preAction", (_, action) => {
    if (action === cmd) checkTableFlags(action.opts<TableFlags>(), names);
  });
  return cmd;
}

/** The flags' meaning, or a UsageError in one sentence. */
export function checkTableFlags(opts: TableFlags, names: readonly string[]): void {
  if (opts.csv && opts.json)
    throw new UsageError("--csv and --json both choose what stdout gets; give one of them");
  if (opts.table !== undefined && !opts.csv)
    throw new UsageError(`--table ${opts.table} picks the table --csv prints; add --csv`);
  if (opts.table !== undefined && !names.includes(opts.table))
    throw new UsageError(
      `--table: expected one of ${names.join(", ")}, found ${JSON.stringify(opts.table)}`,
    );
  if (opts.csv && opts.table === undefined && names.length > 1)
    throw new UsageError(
      `--csv: this command prints ${names.length} tables; pick one with --table ${names.join("|")}`,
    );
}

/** Writes `text()` on stdout, or with `--csv` the table the flags pick, as CSV. */
export function printTables(
  ctx: CliContext,
  opts: TableFlags,
  tables: readonly Table[],
  text: () => string,
): void {
  if (!opts.csv) {
    ctx.stdout.write(text());
    return;
  }
  const name = opts.table ?? tables[0]?.name;
  const table = tables.find((t) => t.name === name);
  if (!table) throw new Error(`printTables: no table ${JSON.stringify(name)} among its tables`);
  ctx.stdout.write(tableCsv(table));
}

/** The rows a table shows: the first `--top` of them, or with `--csv` and no `--top` every one
 * (a spreadsheet wants them all). */
export function topOf(opts: TableFlags & { top?: string }, fallback: number): number {
  if (opts.top === undefined) return opts.csv ? Number.POSITIVE_INFINITY : fallback;
  const n = Number(opts.top);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(
      `--top: expected a whole number of at least 1, found ${JSON.stringify(opts.top)}`,
    );
  return n;
}
