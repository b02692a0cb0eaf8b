/**
 * `levier sensitivity SCENARIO --output PATH`: which groups of assumptions an output of the run
 * hangs on, one at a time (tornado) or by variance (Sobol indices), printed as a table, as JSON,
 * or as a report with the tornado chart.
 * @module
 */
import { join } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../diagnostics/errors.js";
import { writeFileAtomic } from "../io/write-files.js";
import { LOSS_MEASURES } from "../losses/measure.js";
import { executorFor } from "../node/executor-for.js";
import { sensitivityReport, sensitivityTable } from "../report/sensitivity.js";
import { tableText } from "../report/text-table.js";
import { reportFiles } from "../report/write.js";
import { sensitivityRequest } from "../run/sensitivity.js";
import { GROUPINGS, type Grouping } from "../uncertainty/sensitivity.js";
import { lossMeasureOf } from "./analysis.js";
import { type CliContext, outDirOf, printJson, println } from "./context.js";
import { defaultThreads, wholeFlag } from "./flags.js";
import { progressOf } from "./progress.js";
import { readInputText } from "./read-input.js";
import { REDIS_FLAGS, REDIS_HELP, whereOf } from "./where-flags.js";
import { loadWorldFor } from "./world-option.js";

interface Options {
  output: string;
  method: string;
  by: string;
  samples?: string;
  seed?: string;
  workers?: string;
  redis?: string;
  months?: string;
  loss?: string;
  out?: string;
  json?: boolean;
}

export function registerSensitivity(
  program: Command,
  ctx: CliContext,
  worldOf: () => string | undefined,
) {
  program
    .command("sensitivity")
    .description("which groups of assumptions an output of a scenario hangs on (tornado or Sobol)")
    .argument("<scenario>", "scenario file (.yaml)")
    .requiredOption("--output <path>", "the output, a path in the run document: actors.EU.loss")
    .option("--method <method>", "tornado (one at a time) or sobol (variance-based)", "tornado")
    .option("--by <grouping>", `group the uncertain figures by ${GROUPINGS.join(" or ")}`, "good")
    .option("--samples <n>", "sobol: rows of each Saltelli matrix (default 64)")
    .option("--seed <s>", "sobol: seed of the design (default 1)")
    .option("--workers <k>", "threads (default: cores, at most 4)")
    .option(REDIS_FLAGS, REDIS_HELP)
    .option("--months <n>", "months to simulate (overrides the scenario's horizon)")
    .option("--loss <measure>", `loss measure: ${LOSS_MEASURES.join(", ")}`)
    .option("--out <dir>", "write a report (HTML) into this directory")
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: Options) => {
      if (opts.method !== "tornado" && opts.method !== "sobol")
        throw new UsageError(
          `--method: expected tornado or sobol, found ${JSON.stringify(opts.method)}`,
        );
      if (!(GROUPINGS as readonly string[]).includes(opts.by))
        throw new UsageError(
          `--by: expected ${GROUPINGS.join(" or ")}, found ${JSON.stringify(opts.by)}`,
        );
      if (opts.method === "tornado" && (opts.samples !== undefined || opts.seed !== undefined))
        throw new UsageError("--samples and --seed set a Sobol design; give --method sobol too");
      const whole = (flag: string, text: string | undefined, lo: number, hi: number) =>
        text === undefined ? undefined : wholeFlag(flag, text, lo, hi);
      const samples = whole("--samples", opts.samples, 2, 100_000);
      const seed = whole("--seed", opts.seed, 0, 4294967295);
      const where = whereOf(
        opts.redis,
        "--workers",
        opts.workers,
        () => whole("--workers", opts.workers, 1, 64) ?? defaultThreads(),
      );
      const months = whole("--months", opts.months, 1, 1200);
      const dir = outDirOf(ctx, opts.out);
      const world = loadWorldFor(ctx, worldOf());
      const text = readInputText(
        ctx,
        file,
        "no such scenario file; expected a YAML scenario (see examples/)",
      );
      const result = await sensitivityRequest({
        world,
        text,
        file,
        output: opts.output,
        method: opts.method,
        by: opts.by as Grouping,
        ...(months === undefined ? {} : { horizon: months }),
        ...(opts.loss === undefined ? {} : { loss: lossMeasureOf(opts.loss) }),
        ...(samples === undefined ? {} : { samples }),
        ...(seed === undefined ? {} : { seed }),
        execute: executorFor("sensitivity", where),
        batch: progressOf(ctx, "sensitivity", opts.json === true, "runs"),
      });
      if (opts.json) printJson(ctx, result);
      else ctx.stdout.write(`${tableText(sensitivityTable(result))}\n`);
      if (dir !== undefined && opts.out !== undefined) {
        const name = `sensitivity-${file.replace(/^.*\//, "").replace(/\.(ya?ml)$/i, "")}`;
        const files = await reportFiles(sensitivityReport(result), "html", name);
        for (const [p, c] of files) writeFileAtomic(join(dir, p), c);
        println(ctx.stderr, `levier: wrote ${join(opts.out, `${name}.html`)}`);
      }
    });
}
