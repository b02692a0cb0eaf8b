/**
 * `levier data import eto DIR [--crosswalk FILE] [--out FILE] [--json]`: reads the ETO
 * semiconductor supply-chain dataset in DIR (the user's copy: its licence is non-commercial and
 * levier does not ship it), the crosswalk (default data/crosswalks/eto.yaml) and the world in use
 * (for its actors, goods and sources), and rewrites the supplier rows of the crosswalk's goods in
 * `--out` (default: the default world's suppliers.csv), printing each share that changed. The
 * computing is `eto/import.ts`; this file only reads, writes and prints.
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { InputError } from "../diagnostics/errors.js";
import { readEtoCrosswalk } from "../eto/crosswalk.js";
import { mergeSuppliers, type ShareChange, shareChanges } from "../eto/emit.js";
import { importEto } from "../eto/import.js";
import { DEFAULT_WORLD, fileReader } from "../io/world-files.js";
import { writeFileAtomic } from "../io/write-files.js";
import type { Table } from "../report/table.js";
import { tableText } from "../report/text-table.js";
import { loadWorld } from "../world/load.js";
import { type CliContext, printJson, println } from "./context.js";
import { readEtoDir } from "./eto-files.js";
import { readInputText } from "./read-input.js";
import { printTables, type TableFlags, withTables } from "./tables.js";

interface Options extends TableFlags {
  crosswalk?: string;
  out?: string;
}

export function registerEtoImport(
  imp: Command,
  ctx: CliContext,
  worldOf: () => string | undefined,
) {
  const eto = imp
    .command("eto")
    .description(
      "semiconductor supplier shares from the ETO Advanced Semiconductor Supply Chain Dataset",
    )
    .argument("<dir>", "the dataset: inputs.csv, providers.csv, provision.csv, sequence.csv")
    .option("--crosswalk <file>", "crosswalk (default: data/crosswalks/eto.yaml)")
    .option(
      "--out <file>",
      "the suppliers table to rewrite (default: the default world's suppliers.csv)",
    )
    .option(
      "--json",
      "print the rows, the import's report and the changed shares as one JSON document",
    );
  withTables(eto, ["changes"]).action((dir: string, opts: Options) =>
    runEtoImport(ctx, dir, opts, worldOf()),
  );
}

function runEtoImport(ctx: CliContext, dir: string, opts: Options, worldSpec?: string) {
  const data = readEtoDir(ctx, dir);
  const cwFile = opts.crosswalk ?? join(DEFAULT_WORLD, "crosswalks", "eto.yaml");
  const cw = readEtoCrosswalk(
    readInputText(ctx, cwFile, "expected the ETO crosswalk (YAML)"),
    cwFile,
  );
  if (!cw.located) throw new InputError(cw.issues);
  const loaded = loadWorld(fileReader(ctx.cwd), worldSpec);
  if (!loaded.world) throw new InputError(loaded.issues);
  const { result, issues } = importEto(data, cw.located, loaded.world.world);
  if (!result) throw new InputError(issues);
  const outFile = opts.out ?? shown(ctx.cwd, join(DEFAULT_WORLD, "suppliers.csv"));
  const outPath = resolve(ctx.cwd, outFile);
  const before = existsSync(outPath) ? readFileSync(outPath, "utf8") : undefined;
  const merged = mergeSuppliers(
    before,
    outFile,
    result.rows,
    `Suppliers of each good: share of world output (0-1) by actor, written by levier data import eto\n(data/crosswalks/eto.yaml); see docs/data.md.`,
  );
  if (merged.text === undefined) throw new InputError(merged.issues);
  if (merged.text !== before) writeFileAtomic(outPath, merged.text);
  const changes = shareChanges(merged.old, result.rows);
  if (opts.json) {
    printJson(ctx, { file: outFile, rows: result.rows, report: result.report, changes });
    return;
  }
  const table = changesTable(changes);
  printTables(ctx, opts, [table], () =>
    [
      ...result.report.map(
        (g) =>
          `${g.good}: ${g.rows} rows from ${g.inputs.map((i) => `${i.id} (${i.year})`).join(", ")}`,
      ),
      changes.length === 0 ? "no share changed" : tableText(table),
      `${merged.text === before ? "unchanged" : "wrote"} ${outFile}`,
      "",
    ].join("\n"),
  );
  if (opts.csv)
    println(ctx.stderr, `levier: ${merged.text === before ? "unchanged" : "wrote"} ${outFile}`);
}

/** A path as messages show it: relative to the working directory when it lies below it. */
function shown(cwd: string, path: string): string {
  const r = relative(cwd, path);
  return r.startsWith("..") ? path : r;
}

/** The changed shares: good, actor, before, after (percent of world output). */
export function changesTable(changes: ShareChange[]): Table {
  const pct = (v: number | undefined) =>
    v === undefined ? { text: "-", value: null } : { text: `${(100 * v).toFixed(2)}%`, value: v };
  return {
    name: "changes",
    columns: [
      { header: "good" },
      { header: "actor" },
      { header: "before", unit: "share" },
      { header: "after", unit: "share" },
    ],
    rows: changes.map((c) => [c.good, c.actor, pct(c.before), pct(c.after)]),
  };
}
