/**
 * `levier data import mrio DIR --layout wiod|icio [--crosswalk FILE] [--out DIR] [--json]`:
 * reads an input–output table (WIOD's three CSV files in DIR, or one OECD ICIO CSV file or a
 * directory holding one), the crosswalk and the economy assumptions, and the world it joins
 * (`--world`, default data/), and writes the economy sectors as world files (economy.yaml and
 * three CSV tables) into `--out` (default: the default world in data/). The computing is
 * `mrio/import.ts`; this file only reads, writes and prints.
 * @module
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { InputError, UsageError } from "../diagnostics/errors.js";
import { prepareOutDir } from "../io/out-dir.js";
import { DEFAULT_WORLD, fileReader } from "../io/world-files.js";
import { writeFileAtomic } from "../io/write-files.js";
import { readAssumptions, readCrosswalk } from "../mrio/crosswalk.js";
import { ECONOMY_TABLES, emitEconomy, emptyEconomyFiles } from "../mrio/emit.js";
import { importEconomy } from "../mrio/import.js";
import type { Table } from "../report/table.js";
import { tableText } from "../report/text-table.js";
import { loadWorld, type WorldReader } from "../world/load.js";
import { type CliContext, printJson, println } from "./context.js";
import { registerEtoImport } from "./data-import-eto.js";
import { registerTradeImport } from "./data-import-trade.js";
import { readTable } from "./mrio-files.js";
import { readInputText } from "./read-input.js";
import { printTables, type TableFlags, withTables } from "./tables.js";

interface Options extends TableFlags {
  layout: string;
  crosswalk?: string;
  out?: string;
  json?: boolean;
}

export function registerDataImport(
  data: Command,
  ctx: CliContext,
  worldOf: () => string | undefined,
) {
  const imp = data.command("import").description("derive world data from an external dataset");
  registerEtoImport(imp, ctx, worldOf);
  registerTradeImport(imp, ctx, worldOf);
  const mrio = imp
    .command("mrio")
    .description("the economy downstream of the chain, from a multi-regional input-output table")
    .argument("<dir>", "the table: WIOD's three CSV files, or an OECD ICIO CSV (or its directory)")
    .requiredOption("--layout <layout>", "wiod or icio")
    .option("--crosswalk <file>", "crosswalk (default: data/crosswalks/<layout>.yaml)")
    .option("--out <dir>", "where to write the files (default: the default world, data/)")
    .option("--json", "print the import's report as one JSON document");
  withTables(mrio, ["sectors"]).action((dir: string, opts: Options) =>
    runImport(ctx, dir, opts, worldOf()),
  );
}

function runImport(ctx: CliContext, dir: string, opts: Options, worldSpec: string | undefined) {
  if (opts.layout !== "wiod" && opts.layout !== "icio")
    throw new UsageError(`--layout must be wiod or icio, found ${JSON.stringify(opts.layout)}`);
  const out = resolve(ctx.cwd, opts.out ?? DEFAULT_WORLD);
  prepareOutDir(out, opts.out ?? DEFAULT_WORLD);
  const table = readTable(ctx, dir, opts.layout);
  const cwFile = opts.crosswalk ?? join(DEFAULT_WORLD, "crosswalks", `${opts.layout}.yaml`);
  const cw = readCrosswalk(readInputText(ctx, cwFile, "expected a crosswalk file (YAML)"), cwFile);
  if (!cw.located) throw new InputError(cw.issues);
  const asFile = join(dirname(cwFile), cw.located.value.assumptions);
  const as = readAssumptions(
    readInputText(ctx, asFile, "expected the economy assumptions (YAML)"),
    asFile,
  );
  if (!as.located) throw new InputError(as.issues);
  const base = fileReader(ctx.cwd);
  // Read the world as if the files this import rewrites were not there, so that stale ones
  // cannot stop it (the world may be --out itself, or extend it).
  const reader: WorldReader = hiding(base, ctx.cwd, out);
  const loaded = loadWorld(reader, worldSpec);
  if (!loaded.world) throw new InputError(loaded.issues);
  const { result, issues } = importEconomy(table, cw.located, as.located, loaded.world.world);
  if (!result) throw new InputError(issues);
  const command = `levier data import mrio ${dir} --layout ${opts.layout}`;
  const files = emitEconomy(result, command);
  for (const f of files) writeFileAtomic(join(out, f.path), f.text);
  const unlisted = unlistedTables(out);
  if (opts.json) {
    printJson(ctx, { files: files.map((f) => join(out, f.path)), report: result.report, issues });
    return;
  }
  const r = result.report;
  const bn = (v: number) => Math.round(v).toLocaleString("en-US");
  const sectors: Table = {
    name: "sectors",
    columns: [
      { header: "sector" },
      { header: "output USD bn" },
      { header: "value added", unit: "USD bn" },
      { header: "VA share", unit: "fraction" },
      { header: "net final use", unit: "USD bn" },
    ],
    rows: r.sectors.map((s) => [
      s.id,
      { text: bn(s.output), value: s.output },
      { text: bn(s.valueAdded), value: s.valueAdded },
      { text: (s.valueAdded / s.output).toFixed(3), value: s.valueAdded / s.output },
      { text: bn(s.netFinal), value: s.netFinal },
    ]),
  };
  printTables(ctx, opts, [sectors], () =>
    [
      tableText(sectors),
      `world value added in the model: USD ${bn(r.model.valueAdded)} bn (sectors + chain goods ${bn(r.chain.valueAdded)}) = ${(100 * r.model.ratio).toFixed(2)}% of world GDP ${bn(r.model.gdp)}`,
      `carve-out: USD ${bn(r.carve.output)} bn of output; the floor binds in ${r.carve.floors.length} actor-industries`,
      ...files.map((f) => `wrote ${join(out, f.path)}`),
      "",
    ].join("\n"),
  );
  if (opts.csv) println(ctx.stderr, `levier: wrote ${files.length} files in ${out}`);
  for (const i of issues)
    if (i.severity === "warning") ctx.stderr.write(`warning[${i.code}] ${i.message}\n`);
  if (unlisted.length > 0)
    ctx.stderr.write(
      `note: ${join(out, "datapackage.json")} does not list ${unlisted.join(", ")}; add them as world resources (docs/data.md)\n`,
    );
}

/** A reader that sees the economy files in `dir` as empty. */
function hiding(base: WorldReader, cwd: string, dir: string): WorldReader {
  const empty = new Map(Object.entries(emptyEconomyFiles()).map(([p, t]) => [join(dir, p), t]));
  return { ...base, read: (path) => empty.get(resolve(cwd, path)) ?? base.read(path) };
}

/** The economy tables that datapackage.json in `dir` does not list. */
function unlistedTables(dir: string): string[] {
  let text = "";
  try {
    text = readFileSync(join(dir, "datapackage.json"), "utf8");
  } catch {
    return ECONOMY_TABLES.map((t) => t.path);
  }
  return [...ECONOMY_TABLES.map((t) => t.path), "economy.yaml"].filter(
    (p) => !text.includes(`"${p}"`),
  );
}
