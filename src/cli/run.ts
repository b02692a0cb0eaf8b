/**
 * `levier run SCENARIO`: simulate a scenario on the world in use and print a summary, the JSON
 * document, or write a report.
 * @module
 */

import { createHash } from "node:crypto";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { InputError, UsageError } from "../diagnostics/errors.js";
import { writeFileAtomic } from "../io/write-files.js";
import { LOSS_MEASURES } from "../losses/measure.js";
import { firmNetwork } from "../network/firm-network.js";
import type { Network } from "../network/network.js";
import { executorFor, type Where } from "../node/executor-for.js";
import { loadHighsSolver } from "../node/highs.js";
import { parseCsv } from "../parse/csv.js";
import { runReport } from "../report/run-report.js";
import { RUN_TABLES, runTables } from "../report/run-tables.js";
import { terminalSummary } from "../report/terminal.js";
import { REPORT_FORMATS, type ReportFormat, reportFiles } from "../report/write.js";
import { toXlsx } from "../report/xlsx.js";
import type { RealisedScenario } from "../run/realise.js";
import { runScenarioRequest } from "../run/scenario.js";
import type { RealWorld } from "../world/realised.js";
import { defaultThreads, lossMeasureOf } from "./analysis.js";
import {
  CHARTS_FLAGS,
  CHARTS_HELP,
  chartLinksFrom,
  chartsDirOf,
  writeChartFiles,
} from "./chart-files.js";
import { type CliContext, outDirOf, printJson, println, printWarnings } from "./context.js";
import { loadFor } from "./council.js";
import { wholeFlag } from "./flags.js";
import { progressOf } from "./progress.js";
import { readInputText } from "./read-input.js";
import { printTables, type TableFlags, withTables } from "./tables.js";
import { REDIS_FLAGS, REDIS_HELP, whereOf } from "./where-flags.js";
import { loadWorldFor } from "./world-option.js";

interface RunOptions extends TableFlags {
  charts?: string;
  loss?: string;
  network?: string;
  months?: string;
  draws?: string;
  seed?: string;
  workers?: string;
  redis?: string;
  out?: string;
  format?: string;
  json?: boolean;
}

export function registerRun(program: Command, ctx: CliContext, worldOf: () => string | undefined) {
  withTables(program.command("run"), RUN_TABLES)
    .description("simulate a scenario month by month and report what happens to every actor")
    .argument("<scenario>", "scenario file (.yaml)")
    .option("--months <n>", "months to simulate (overrides the scenario's horizon)")
    .option("--network <dir>", "run on a firm-level network: DIR/nodes.csv and DIR/edges.csv")
    .option("--out <dir>", "write a report into this directory")
    .option("--format <format>", `report format: ${REPORT_FORMATS.join(", ")}`, "html")
    .option(CHARTS_FLAGS, CHARTS_HELP)
    .option("--loss <measure>", `loss measure that ranks actors: ${LOSS_MEASURES.join(", ")}`)
    .option(
      "--draws <n>",
      "Monte Carlo draws over every figure given as a distribution (default: the scenario's options.draws; 0: none)",
    )
    .option("--seed <s>", "seed of the draws (default 1): draw k is reproducible from (seed, k)")
    .option("--workers <k>", "threads for the draws (default: cores, at most 4)")
    .option(REDIS_FLAGS, `${REDIS_HELP} (the draws)`)
    .option("--json", "print the result document as JSON on stdout")
    .action(async function (this: Command, file: string, opts: RunOptions) {
      const format = opts.format as ReportFormat;
      if (!REPORT_FORMATS.includes(format))
        throw new UsageError(
          `--format: expected one of ${REPORT_FORMATS.join(", ")}, found ${JSON.stringify(opts.format)}`,
        );
      let months: number | undefined;
      if (opts.months !== undefined) {
        months = Number(opts.months);
        if (!Number.isInteger(months) || months < 1 || months > 1200)
          throw new UsageError(
            `--months: expected a whole number of months from 1 to 1200, found ${JSON.stringify(opts.months)}`,
          );
      }
      if (
        opts.out === undefined &&
        format !== "html" &&
        this.getOptionValueSource("format") === "cli"
      )
        throw new UsageError(
          `--format ${format} writes a report file; give --out DIR to say where (the terminal gets the summary, --json the document)`,
        );
      const draws = drawsOf(opts);
      const dir = outDirOf(ctx, opts.out);
      const charts = chartsDirOf(ctx, opts.charts);
      const world = loadWorldFor(ctx, worldOf());
      const text = readInputText(
        ctx,
        file,
        "no such scenario file; expected a YAML scenario (see examples/)",
      );
      // Ctrl-C during the draws stops them cleanly: the draws finished are kept.
      const abort = new AbortController();
      const signal = abort.signal;
      const stop = () => abort.abort();
      process.once("SIGINT", stop);
      const { doc, warnings } = await runScenarioRequest({
        world,
        text,
        file,
        ...(months === undefined ? {} : { horizon: months }),
        ...(opts.network === undefined
          ? {}
          : { network: (l: RealisedScenario) => readNetwork(ctx, opts.network!, l.world.world) }),
        ...(opts.loss === undefined ? {} : { loss: lossMeasureOf(opts.loss) }),
        council: async () => ({ council: loadFor(ctx), solver: await loadHighsSolver() }),
        // Draws as --draws says, else as the scenario's options say (a firm-level network
        // has no distributions to draw from).
        draws: {
          ...(opts.network === undefined ? {} : { count: 0 }),
          ...(draws?.count === undefined ? {} : { count: draws.count }),
          ...(draws?.seed === undefined ? {} : { seed: draws.seed }),
          execute: executorFor("draw", draws?.where ?? { threads: defaultThreads() }),
          batch: { ...progressOf(ctx, "draws", opts.json === true, "draws"), signal },
          inputs: {
            scenario: sha256(text),
            world: sha256(JSON.stringify(world.world)),
          },
        },
      }).finally(() => process.off("SIGINT", stop));
      if (doc.draws && doc.draws.done < doc.draws.requested)
        println(
          ctx.stderr,
          `levier: stopped after ${doc.draws.done} of ${doc.draws.requested} draws; the ranges are over the ${doc.draws.done} finished`,
        );
      printWarnings(ctx, warnings);
      if (opts.json) printJson(ctx, doc);
      else printTables(ctx, opts, runTables(doc), () => terminalSummary(doc));
      // The report that --out writes as HTML or Markdown, and whose charts --charts writes.
      const report =
        charts !== undefined || (dir !== undefined && (format === "html" || format === "md"))
          ? runReport(doc)
          : undefined;
      const written =
        charts && report ? await writeChartFiles(ctx, charts, opts.charts!, report) : undefined;
      if (dir !== undefined && opts.out !== undefined) {
        const name = basename(file).replace(/\.(ya?ml|json)$/i, "");
        const files = new Map<string, string | Uint8Array>();
        if (format === "json") files.set(`${name}.json`, `${JSON.stringify(doc, null, 2)}\n`);
        else if (format === "xlsx") files.set(`${name}.xlsx`, await toXlsx(doc));
        else if (report) {
          const links = charts && written ? chartLinksFrom(dir, charts, written) : undefined;
          for (const [p, c] of await reportFiles(report, format, name, links)) files.set(p, c);
        }
        for (const [p, contents] of files) writeFileAtomic(join(dir, p), contents);
        const first = [...files.keys()][0];
        println(
          ctx.stderr,
          `levier: wrote ${join(opts.out, first ?? "")}${files.size > 1 ? ` and ${files.size - 1} more file(s)` : ""}`,
        );
      }
    });
}

function readNetwork(ctx: CliContext, dir: string, world: RealWorld): Network {
  const tables = ["nodes.csv", "edges.csv"].map((name) => {
    const file = join(dir, name);
    const text = readInputText(
      ctx,
      file,
      `no ${name} in ${dir}; a firm-level network is nodes.csv and edges.csv`,
    );
    const { table, issues } = parseCsv(text, file);
    if (!table) throw new InputError(issues);
    return table;
  });
  const { network, issues } = firmNetwork(world, tables[0]!, tables[1]!);
  if (!network) throw new InputError(issues);
  return network;
}

/** `--draws`, `--seed`, `--workers`: whole numbers in range; seed, workers and redis need
 * draws. `--draws 0` runs none, whatever the scenario's options say. */
function drawsOf(opts: RunOptions): { count: number; seed?: number; where: Where } | undefined {
  if (opts.draws === undefined) {
    for (const flag of ["seed", "workers"] as const)
      if (opts[flag] !== undefined)
        throw new UsageError(`--${flag}: it sets the Monte Carlo draws; give --draws N too`);
    if (opts.redis !== undefined)
      throw new UsageError(
        "--redis: it runs the Monte Carlo draws on queue workers; give --draws N too",
      );
    return undefined;
  }
  if (opts.network !== undefined && opts.draws !== "0")
    throw new UsageError(
      "--draws: a firm-level network (--network) carries no distributions to draw from; leave one of them out",
    );
  const count = wholeFlag("--draws", opts.draws, 0, 1_000_000, "a whole number of draws");
  if (count === 0 && opts.redis !== undefined)
    throw new UsageError("--redis: --draws 0 runs no draws to put on queue workers; leave one out");
  return {
    count,
    ...(opts.seed === undefined
      ? {}
      : { seed: wholeFlag("--seed", opts.seed, 0, 4294967295, "a whole number") }),
    where: whereOf(opts.redis, "--workers", opts.workers, () =>
      opts.workers === undefined
        ? defaultThreads()
        : wholeFlag("--workers", opts.workers, 1, 64, "a whole number of threads"),
    ),
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
