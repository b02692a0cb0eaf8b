/**
 * `levier run SCENARIO`: simulate a scenario on the world in use and print a summary, the JSON
 * document, or write a report.
 * @module
 */

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
import { SAMPLINGS, type Sampling } from "../random/sampling.js";
import { runReport } from "../report/run-report.js";
import { RUN_TABLES, runTables } from "../report/run-tables.js";
import { terminalSummary } from "../report/terminal.js";
import { REPORT_FORMATS, type ReportFormat, reportFiles } from "../report/write.js";
import { toXlsx } from "../report/xlsx.js";
import type { RealisedScenario } from "../run/realise.js";
import { runScenarioRequest } from "../run/scenario.js";
import type { RealWorld } from "../world/realised.js";
import { lossMeasureOf } from "./analysis.js";
import {
  CHARTS_FLAGS,
  CHARTS_HELP,
  chartLinksFrom,
  chartsDirOf,
  writeChartFiles,
} from "./chart-files.js";
import { type CliContext, outDirOf, printJson, println, printWarnings } from "./context.js";
import { loadFor } from "./council.js";
import {
  type DrawFlagValues,
  drawFlagValues,
  printStopped,
  sha256,
  stoppableOnSigint,
} from "./draw-flags.js";
import { progressOf } from "./progress.js";
import { readInputText } from "./read-input.js";
import { loadRulesFor } from "./rules-option.js";
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
  sampling?: string;
  workers?: string;
  redis?: string;
  out?: string;
  format?: string;
  json?: boolean;
  rules?: string;
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
    .option(
      "--sampling <kind>",
      `how the draws are made: ${SAMPLINGS.join(", ")} (Sobol points with a digital shift from the seed; default: the scenario's options.sampling, else random)`,
    )
    .option("--workers <k>", "threads for the draws (default: cores, at most 4)")
    .option(REDIS_FLAGS, `${REDIS_HELP} (the draws)`)
    .option(
      "--rules <file>",
      "rule book of conditional_access measures (default: data/diffusion/rules.yaml)",
    )
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
      const sampling = samplingOf(opts);
      const dir = outDirOf(ctx, opts.out);
      const charts = chartsDirOf(ctx, opts.charts);
      const world = loadWorldFor(ctx, worldOf());
      const text = readInputText(
        ctx,
        file,
        "no such scenario file; expected a YAML scenario (see examples/)",
      );
      // Ctrl-C during the draws stops them cleanly: the draws finished are kept.
      const { doc, warnings } = await stoppableOnSigint((signal) =>
        runScenarioRequest({
          world,
          text,
          file,
          ...(months === undefined ? {} : { horizon: months }),
          ...(opts.network === undefined
            ? {}
            : { network: (l: RealisedScenario) => readNetwork(ctx, opts.network!, l.world.world) }),
          ...(opts.loss === undefined ? {} : { loss: lossMeasureOf(opts.loss) }),
          council: async () => ({ council: loadFor(ctx), solver: await loadHighsSolver() }),
          rules: () => loadRulesFor(ctx, opts.rules),
          adoptionExecute: executorFor("simulation", draws.where),
          // Draws as --draws says, else as the scenario's options say (a firm-level network
          // has no distributions to draw from).
          draws: {
            ...(opts.network === undefined ? {} : { count: 0 }),
            ...(draws.count === undefined ? {} : { count: draws.count }),
            ...(draws.seed === undefined ? {} : { seed: draws.seed }),
            ...(sampling === undefined ? {} : { sampling }),
            execute: executorFor("draw", draws.where),
            batch: { ...progressOf(ctx, "draws", opts.json === true, "draws"), signal },
            inputs: {
              scenario: sha256(text),
              world: sha256(JSON.stringify(world.world)),
            },
          },
        }),
      );
      if (doc.draws === undefined)
        for (const flag of ["seed", "sampling", "workers", "redis"] as const)
          if (opts[flag] !== undefined)
            println(
              ctx.stderr,
              `levier: --${flag} had no effect: this run made no draws (give --draws N, or options.draws in the scenario)`,
            );
      printStopped(ctx, doc.draws);
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

/** `--draws`, `--seed`, `--workers`, `--redis` (cli/draw-flags.ts, cli/where-flags.ts).
 * Without `--draws` the scenario's `options.draws` decides, so `--seed`, `--workers` and
 * `--redis` stand alone; `--draws 0` runs none, whatever the scenario's options say. A
 * firm-level network has nothing to draw, so `--draws` other than 0 with `--network` is
 * refused. */
function drawsOf(opts: RunOptions): DrawFlagValues & { where: Where } {
  if (opts.draws !== undefined && opts.network !== undefined && opts.draws !== "0")
    throw new UsageError(
      "--draws: a firm-level network (--network) carries no distributions to draw from; leave one of them out",
    );
  if (opts.draws === "0" && opts.redis !== undefined)
    throw new UsageError("--redis: --draws 0 runs no draws to put on queue workers; leave one out");
  const values = drawFlagValues(opts);
  return {
    ...values,
    where: whereOf(opts.redis, "--workers", opts.workers, () => values.workers),
  };
}

/** `--sampling`: one of SAMPLINGS (without draws it has no effect, as --seed has none). */
function samplingOf(opts: RunOptions): Sampling | undefined {
  if (opts.sampling === undefined) return undefined;
  if (!(SAMPLINGS as readonly string[]).includes(opts.sampling))
    throw new UsageError(
      `--sampling: expected one of ${SAMPLINGS.join(", ")}, found ${JSON.stringify(opts.sampling)}`,
    );
  return opts.sampling as Sampling;
}
