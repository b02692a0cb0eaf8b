/**
 * `levier data import trade FILE --countries FILE [--year Y] [--hs 2017|2022] [--source ID]
 * [--out FILE] [--json]`: reads bilateral trade in CEPII's BACI layout and its country-code
 * file, and writes the `flows` rows of the world's goods that carry HS codes: a flows CSV
 * (`--out x.csv`, or stdout), or a YAML patch over the world in use (`--out x.yaml`), which
 * `--world` then takes. The computing is `trade/import.ts`; this file only reads, writes, prints.
 * @module
 */
import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { InputError, UsageError } from "../diagnostics/errors.js";
import { fileReader } from "../io/world-files.js";
import { writeFileAtomic } from "../io/write-files.js";
import { readBaci } from "../trade/baci.js";
import { flowsCsv, flowsPatch } from "../trade/emit.js";
import { importTrade } from "../trade/import.js";
import { loadWorld } from "../world/load.js";
import { type CliContext, printJson, println } from "./context.js";
import { readInputText } from "./read-input.js";

interface Options {
  countries: string;
  year?: string;
  hs: string;
  source: string;
  out?: string;
  json?: boolean;
}

export function registerTradeImport(
  imp: Command,
  ctx: CliContext,
  worldOf: () => string | undefined,
) {
  imp
    .command("trade")
    .description("bilateral trade flows of the goods with HS codes, from CEPII BACI")
    .argument("<file>", "BACI trade file (columns t, i, j, k, v, q)")
    .requiredOption(
      "--countries <file>",
      "BACI's country-code file (country_code, country_iso3, ...)",
    )
    .option("--year <year>", "the year to import (needed when the file holds several)")
    .option("--hs <edition>", "the HS edition of the file: 2017 or 2022", "2022")
    .option("--source <id>", "the source id the rows cite", "cepii_baci")
    .option(
      "--out <file>",
      "a flows table (.csv) or a patch over the world (.yaml); default: CSV on stdout",
    )
    .option("--json", "print the rows and the import's report as one JSON document")
    .action((file: string, opts: Options) => runTradeImport(ctx, file, opts, worldOf()));
}

function runTradeImport(ctx: CliContext, file: string, opts: Options, worldSpec?: string) {
  if (opts.hs !== "2017" && opts.hs !== "2022")
    throw new UsageError(`--hs must be 2017 or 2022, found ${JSON.stringify(opts.hs)}`);
  if (opts.year !== undefined && !/^[0-9]{4}$/.test(opts.year))
    throw new UsageError(
      `--year: expected a year such as 2023, found ${JSON.stringify(opts.year)}`,
    );
  if (opts.out !== undefined && !/\.(csv|ya?ml)$/i.test(opts.out))
    throw new UsageError(
      `--out: expected a .csv (flows table) or .yaml (patch) file, found ${JSON.stringify(opts.out)}`,
    );
  const read = readBaci(
    { file, text: readInputText(ctx, file, "expected a BACI trade file (CSV)") },
    {
      file: opts.countries,
      text: readInputText(ctx, opts.countries, "expected BACI's country-code file (CSV)"),
    },
  );
  if (!read.trade) throw new InputError(read.issues);
  const loaded = loadWorld(fileReader(ctx.cwd), worldSpec);
  if (!loaded.world) throw new InputError(loaded.issues);
  const tradeOpts = { edition: Number(opts.hs) as 2017 | 2022, source: opts.source };
  const { result, issues } = importTrade(
    read.trade,
    loaded.world.world,
    opts.year === undefined ? tradeOpts : { ...tradeOpts, year: Number(opts.year) },
  );
  if (!result) throw new InputError(issues);
  const comment = `Flows written by levier data import trade ${file} (BACI HS${opts.hs.slice(2)}, ${result.report.year}):\nyearly volumes in each good's unit, recorded trade value at the good's price (docs/data.md).`;
  let text: string;
  if (opts.out !== undefined && /\.ya?ml$/i.test(opts.out)) {
    const base =
      worldSpec === undefined
        ? "default"
        : relative(dirname(resolve(ctx.cwd, opts.out)), resolve(ctx.cwd, worldSpec)) || ".";
    text = flowsPatch(result.rows, comment, base);
  } else text = flowsCsv(result.rows, comment);
  if (opts.out !== undefined) writeFileAtomic(resolve(ctx.cwd, opts.out), text);
  if (opts.json)
    return printJson(ctx, { file: opts.out ?? null, rows: result.rows, report: result.report });
  if (opts.out === undefined) return ctx.stdout.write(text);
  const r = result.report;
  const bn = (v: number) => (v / 1e9).toFixed(2);
  for (const g of r.goods)
    println(
      ctx.stdout,
      `${g.good}: ${g.rows} flows, USD ${bn(g.usd)} bn from ${g.products.length} HS6 products`,
    );
  println(
    ctx.stdout,
    `${r.year}: USD ${bn(r.matchedUsd)} bn of USD ${bn(r.totalUsd)} bn recorded went to goods; wrote ${opts.out}`,
  );
}
