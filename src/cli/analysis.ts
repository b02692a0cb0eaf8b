/**
 * `levier chokepoints|exposure|leverage|io|dependencies` and `levier report profile`: the
 * analyses of docs/analysis.md on the world in use. Simulations run on worker threads
 * (`--threads`, default: the machine's cores, at most 4); everything else is the pure core in
 * src/analysis. `--json` prints exactly one JSON document.
 * @module
 */

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import {
  CHOKEPOINT_SORT_KEYS,
  type ChokepointSortKey,
  chokepointRowsOf,
  chokepointTable,
} from "../analysis/chokepoints.js";
import type { AnalysisContext } from "../analysis/context.js";
import { dependencyTest } from "../analysis/dependency/commission.js";
import { parseDependencyTest } from "../analysis/dependency/schema.js";
import { entityOf } from "../analysis/entities.js";
import { DEFAULT_EXPOSURE_THRESHOLD } from "../analysis/exposure.js";
import { extractBackward, extractForward } from "../analysis/io/extraction.js";
import {
  type IoTable,
  multipliersDense,
  multipliersSparse,
  technicalCoefficients,
} from "../analysis/io/leontief.js";
import { goodsTable, networkTable } from "../analysis/io/views.js";
import {
  DEFAULT_LEVERAGE_HORIZON,
  DEFAULT_LEVERAGE_THRESHOLD,
} from "../analysis/leverage/matrix.js";
import type { Profile } from "../analysis/profile.js";
import { InputError, UsageError } from "../diagnostics/errors.js";
import { PACKAGE_ROOT } from "../io/world-files.js";
import { writeFileAtomic } from "../io/write-files.js";
import { DEFAULT_LOSS_MEASURE, LOSS_MEASURES, type LossMeasure } from "../losses/measure.js";
import { executorFor, type Where } from "../node/executor-for.js";
import {
  dependencyGoods,
  exposureDependencies,
  exposureSuppliers,
  ioSectors,
  leveragePairs,
  profileChokepoints,
  profileLeverage,
} from "../report/analysis-tables.js";
import { chokepointTableValue, MEASURED_COLUMNS } from "../report/chokepoint-table.js";
import { pct, usd } from "../report/format.js";
import { dependenceBlocks } from "../report/indispensable.js";
import { labelsOf } from "../report/labels.js";
import { profileReport } from "../report/profile.js";
import { tableText } from "../report/text-table.js";
import { reportFiles } from "../report/write.js";
import {
  analysisOf,
  type Batch,
  chokepointResults,
  exposureOf,
  leverageOf,
  profileOf,
} from "../run/analyses.js";
import {
  type AnalysisDraws,
  type ExposureWithDraws,
  exposureWithDraws,
  type LeverageWithDraws,
  leverageWithDraws,
} from "../run/analysis-draws.js";
import type { DrawsInfo } from "../run/draws.js";
import { indispensability } from "../run/indispensability.js";
import {
  CHARTS_FLAGS,
  CHARTS_HELP,
  chartLinksFrom,
  chartsDirOf,
  writeChartFiles,
} from "./chart-files.js";
import { type CliContext, outDirOf, printJson, println } from "./context.js";
import {
  analysisThreadsOf,
  type DrawFlags,
  type DrawsAsked,
  drawFlagsOf,
  printStopped,
  sha256,
  stoppableOnSigint,
  withDrawFlags,
} from "./draw-flags.js";
import { defaultThreads } from "./flags.js";
import { progressOf } from "./progress.js";
import { printTables, type TableFlags, topOf, withTables } from "./tables.js";
import { REDIS_FLAGS, REDIS_HELP, whereOf } from "./where-flags.js";
import { loadWorldFor } from "./world-option.js";

export const DEFAULT_DEPENDENCY_TEST = resolve(
  PACKAGE_ROOT,
  "data/analysis/commission-dependency.yaml",
);

interface Common extends TableFlags {
  horizon?: string;
  threads?: string;
  redis?: string;
  loss?: string;
  json?: boolean;
  top?: string;
}

export function registerAnalysis(
  program: Command,
  ctx: CliContext,
  worldOf: () => string | undefined,
) {
  const load = () => analysisOf(loadWorldFor(ctx, worldOf()).world);
  const loadWorld = () => loadWorldFor(ctx, worldOf()).world;

  withTables(
    withCommon(
      program
        .command("chokepoints")
        .description("rank every (actor, good) by share × criticality × (1 − substitutability)")
        .option("--actor <id>", "rows of this actor only (a bloc: its members summed)")
        .option("--sort <key>", `sort by ${CHOKEPOINT_SORT_KEYS.join(", ")}`, "score")
        .option("--top <n>", "rows printed (default 25; with --csv every row)"),
    ),
    ["chokepoints"],
  ).action(async (opts: Common & { actor?: string; sort: string }) => {
    const top = topOf(opts, 25);
    const a = load();
    const horizon = horizonOf(opts, DEFAULT_LEVERAGE_HORIZON);
    if (!(CHOKEPOINT_SORT_KEYS as readonly string[]).includes(opts.sort))
      throw new UsageError(
        `--sort: expected one of ${CHOKEPOINT_SORT_KEYS.join(", ")}, found ${JSON.stringify(opts.sort)}`,
      );
    const actor = opts.actor === undefined ? undefined : memberSpec(a, opts.actor);
    const results = await chokepointResults(a, horizon, batch(ctx, "chokepoints", opts));
    const options = { horizon, sort: opts.sort as ChokepointSortKey };
    const table = actor
      ? chokepointRowsOf(a, results, actor, options)
      : chokepointTable(a, results, options);
    if (opts.json) return printJson(ctx, table);
    const shown = chokepointTableValue("chokepoints", table.rows.slice(0, top), [
      "rank",
      "actor",
      "good",
      ...MEASURED_COLUMNS,
    ]);
    printTables(ctx, opts, [shown], () => `${tableText(shown)}\n`);
  });

  withTables(
    withDrawFlags(
      withCommon(
        program
          .command("exposure")
          .description(
            "what an actor buys from whom, its stocks, and its losses if a supplier withholds",
          )
          .argument("<actor>", "actor id (a state, the EU or ROW)")
          .option(
            "--threshold <x>",
            "simulate pairs whose estimated loss reaches this share of the actor's value added",
            String(DEFAULT_EXPOSURE_THRESHOLD),
          )
          .option("--top <n>", "rows printed in each table (default 20; with --csv every row)"),
      ),
      "exposure",
    ),
    ["dependencies", "suppliers"],
  ).action(async (id: string, opts: Common & DrawFlags & { threshold: string }) => {
    const top = topOf(opts, 20);
    const draws = drawFlagsOf(opts);
    const threads = analysisThreadsOf(opts, draws, (t) => countOf(t, "--threads"));
    const horizon = horizonOf(opts, DEFAULT_LEVERAGE_HORIZON);
    const options = { horizon, threshold: shareOf(opts.threshold, "--threshold") };
    const world = loadWorld();
    const a = analysisOf(world);
    const b = batch(ctx, "exposure", opts, threads);
    const central = await exposureOf(a, entityOf(a.world, a.net, id), options, b);
    const doc: ExposureWithDraws = draws
      ? await stoppableOnSigint((signal) =>
          exposureWithDraws(world, central, options, b.measure!, {
            ...drawRequest(ctx, opts, draws, threads, signal),
            inputs: { world: sha256(JSON.stringify(world)) },
          }),
        )
      : central;
    printStopped(ctx, doc.draws);
    if (opts.json) return printJson(ctx, doc);
    const tables = [exposureDependencies(doc, top), exposureSuppliers(doc, top)];
    printTables(
      ctx,
      opts,
      tables,
      () =>
        `${doc.actor.name} (${doc.actor.id}): horizon ${horizon} months${drawsWords(doc.draws)}\n${tables.map((t) => tableText(t)).join("\n\n")}\n`,
    );
  });

  withTables(
    withDrawFlags(
      withCommon(
        program
          .command("leverage")
          .description("the damage each actor can do to each other by withholding, and its cost")
          .option(
            "--threshold <x>",
            "simulate pairs whose estimated damage reaches this share of the target's value added",
            String(DEFAULT_LEVERAGE_THRESHOLD),
          )
          .option("--all", "simulate every pair (slow: one simulation per pair)")
          .option("--actors <ids>", "comma-separated actor ids (default: every state and bloc)")
          .option("--top <n>", "pairs printed (default 25; with --csv every pair)"),
      ),
      "leverage matrix",
    ),
    ["pairs"],
  ).action(
    async (opts: Common & DrawFlags & { threshold: string; all?: boolean; actors?: string }) => {
      const top = topOf(opts, 25);
      const draws = drawFlagsOf(opts);
      const threads = analysisThreadsOf(opts, draws, (t) => countOf(t, "--threads"));
      const horizon = horizonOf(opts, DEFAULT_LEVERAGE_HORIZON);
      const threshold = opts.all ? 0 : shareOf(opts.threshold, "--threshold");
      const world = loadWorld();
      const a = analysisOf(world);
      const ids = opts.actors?.split(",").map((s) => s.trim());
      for (const id of ids ?? []) entityOf(a.world, a.net, id);
      const options = {
        horizon,
        threshold,
        ...(ids ? { actors: ids } : {}),
      };
      const b = batch(ctx, "leverage", opts, threads);
      const central = await leverageOf(a, options, b);
      const matrix: LeverageWithDraws = draws
        ? await stoppableOnSigint((signal) =>
            leverageWithDraws(world, central, options, b.measure!, {
              ...drawRequest(ctx, opts, draws, threads, signal),
              inputs: { world: sha256(JSON.stringify(world)) },
            }),
          )
        : central;
      printStopped(ctx, matrix.draws);
      if (opts.json) return printJson(ctx, matrix);
      const rows = [...matrix.cells].sort((x, y) => y.damageShare - x.damageShare).slice(0, top);
      const table = leveragePairs(rows, horizon, matrix.draws !== undefined);
      printTables(
        ctx,
        opts,
        [table],
        () =>
          `${matrix.cells.length} pairs over ${horizon} months, ${matrix.simulatedPairs} simulated (the others: estimated upper damage, marked ≤)${drawsWords(matrix.draws)}\n${tableText(table)}\n`,
      );
    },
  );

  withTables(
    program
      .command("io")
      .description("input–output view: coefficients, Leontief and Ghosh multipliers, extraction")
      .option("--level <level>", "goods (from recipes) or network (actor × good)", "goods")
      .option("--method <method>", "dense (LU) or sparse (Neumann series)", "sparse")
      .option("--extract <sector>", "hypothetical extraction of a sector (a good, or ACTOR:good)")
      .option("--json", "print the result as one JSON document"),
    ["sectors"],
  ).action(
    (opts: TableFlags & { level: string; method: string; extract?: string; json?: boolean }) => {
      if (opts.level !== "goods" && opts.level !== "network")
        throw new UsageError(
          `--level: expected goods or network, found ${JSON.stringify(opts.level)}`,
        );
      if (opts.method !== "dense" && opts.method !== "sparse")
        throw new UsageError(
          `--method: expected dense or sparse, found ${JSON.stringify(opts.method)}`,
        );
      const a = load();
      const table = opts.level === "goods" ? goodsTable(a) : networkTable(a);
      const m = opts.method === "dense" ? multipliersDense(table) : multipliersSparse(table);
      const doc: Record<string, unknown> = {
        level: opts.level,
        method: opts.method,
        units: "USD per year at baseline prices",
        sectors: table.ids.map((id, i) => ({
          id,
          output: table.x[i],
          outputMultiplier: m.output[i],
          supplyMultiplier: m.supply[i],
        })),
      };
      if (opts.level === "goods") doc.coefficients = coefficientRows(table);
      if (opts.extract !== undefined) doc.extraction = extraction(table, opts.extract);
      if (opts.json) return printJson(ctx, doc);
      const sectors = ioSectors(table, m);
      printTables(ctx, opts, [sectors], () => {
        const x = doc.extraction as ReturnType<typeof extraction> | undefined;
        return `${tableText(sectors)}\n${
          x
            ? `\nextracting ${x.sector}: forward (its sales) ${usd(x.forward.lostElsewhere)} a year lost elsewhere (${pct(x.forward.lostElsewhereShare, 3)}); backward (its purchases) ${usd(x.backward.lostElsewhere)} a year (${pct(x.backward.lostElsewhereShare, 3)})\n`
            : ""
        }`;
      });
    },
  );

  withTables(
    program
      .command("dependencies")
      .description("the European Commission's strategic-dependency test (SWD(2021) 352) per good")
      .option(
        "--test <file>",
        "the test's thresholds (default: data/analysis/commission-dependency.yaml)",
      )
      .option("--json", "print the result as one JSON document"),
    ["goods"],
  ).action((opts: TableFlags & { test?: string; json?: boolean }) => {
    const file = opts.test ? resolve(ctx.cwd, opts.test) : DEFAULT_DEPENDENCY_TEST;
    const shown = opts.test ?? "data/analysis/commission-dependency.yaml";
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw InputError.single("not-found", "no such file; expected the dependency test's YAML", {
        file: shown,
        line: 1,
        col: 1,
      });
    }
    const { test, issues } = parseDependencyTest(text, shown);
    if (!test) throw new InputError(issues);
    const a = load();
    const report = dependencyTest(a, entityOf(a.world, a.net, test.bloc), test);
    if (opts.json) return printJson(ctx, report);
    const goods = dependencyGoods(report);
    printTables(
      ctx,
      opts,
      [goods],
      () =>
        `${report.test.name}: ${report.dependent.length} of ${report.goods.length} goods dependent\n${tableText(goods)}\n`,
    );
  });

  const report = program.command("report").description("write analysis reports");
  withTables(
    withCommon(
      report
        .command("profile")
        .description("an actor's chokepoints, exposure and leverage over and under major powers")
        .argument("<actor>", "actor id")
        .option("--out <dir>", "write the report into this directory")
        .option("--format <format>", "md or html", "html")
        .option(CHARTS_FLAGS, CHARTS_HELP)
        .option(
          "--powers <ids>",
          "comma-separated major powers (default: US,CN,EU,JP,KR,TW,UK,IN)",
        ),
    ),
    ["chokepoints", "leverage"],
  ).action(
    async (
      id: string,
      opts: Common & { out?: string; format: string; charts?: string; powers?: string },
    ) => {
      if (opts.format !== "md" && opts.format !== "html")
        throw new UsageError(`--format: expected md or html, found ${JSON.stringify(opts.format)}`);
      const dir = outDirOf(ctx, opts.out);
      const charts = chartsDirOf(ctx, opts.charts);
      const a = load();
      const horizon = horizonOf(opts, DEFAULT_LEVERAGE_HORIZON);
      const powers = opts.powers?.split(",").map((s) => s.trim());
      for (const p of powers ?? []) entityOf(a.world, a.net, p);
      const options = {
        horizon,
        exposureThreshold: DEFAULT_EXPOSURE_THRESHOLD,
        ...(powers ? { powers } : {}),
      };
      const doc = await profileOf(
        a,
        entityOf(a.world, a.net, id),
        options,
        batch(ctx, "profile", opts),
      );
      if (opts.json) printJson(ctx, doc);
      else if (opts.csv || dir === undefined)
        printTables(ctx, opts, [profileChokepoints(doc), profileLeverage(doc)], () =>
          profileSummary(doc),
        );
      if (dir === undefined && charts === undefined) return;
      // A bloc's profile report says who depends on its strongest goods (where the EU is
      // indispensable), simulated only when the report is written.
      const labels = labelsOf(a.world);
      const { execute, measure: _, ...progress } = batch(ctx, "who depends on it", opts);
      const sections =
        dir !== undefined && opts.out !== undefined && doc.actor.kind === "bloc"
          ? dependenceBlocks(
              await indispensability(
                a.world,
                { horizon, bloc: doc.actor.id, ...(powers ? { powers } : {}) },
                execute,
                progress,
              ),
              2,
              labels,
            )
          : [];
      const full = profileReport(doc, sections, labels);
      const written =
        charts === undefined ? undefined : await writeChartFiles(ctx, charts, opts.charts!, full);
      if (dir === undefined || opts.out === undefined) return;
      const name = `profile-${doc.actor.id}`;
      const links = written && charts ? chartLinksFrom(dir, charts, written) : undefined;
      const files = await reportFiles(full, opts.format, name, links);
      for (const [p, contents] of files) writeFileAtomic(join(dir, p), contents);
      println(ctx.stderr, `levier: wrote ${join(opts.out, `${name}.${opts.format}`)}`);
    },
  );
}

function profileSummary(p: Profile): string {
  return `${p.actor.name} (${p.actor.id}), horizon ${p.horizon} months; --out DIR writes the full report\n\n${tableText(profileChokepoints(p))}\n\n${tableText(profileLeverage(p))}\n`;
}

function withCommon(cmd: Command): Command {
  return cmd
    .option("--horizon <months>", "months simulated", String(DEFAULT_LEVERAGE_HORIZON))
    .option("--threads <n>", "threads for the simulations (default: cores, at most 4)")
    .option(REDIS_FLAGS, REDIS_HELP)
    .option("--loss <measure>", `loss measure of damage and cost: ${LOSS_MEASURES.join(", ")}`)
    .option("--json", "print the result as one JSON document");
}

/** Where this command's batches run: on queue workers (`--redis`), else on worker threads
 * (`threads`, else `--threads`). */
function whereFor(opts: Common & { workers?: string }, threads?: number): Where {
  const flag = opts.threads !== undefined ? "--threads" : "--workers";
  return whereOf(
    opts.redis,
    flag,
    opts.threads ?? opts.workers,
    () =>
      threads ??
      (opts.threads === undefined ? defaultThreads() : countOf(opts.threads, "--threads")),
  );
}

/** How this command's batches run (`whereFor`), in the `--loss` measure. */
function batch(ctx: CliContext, what: string, opts: Common, threads?: number): Batch {
  const where = whereFor(opts, threads);
  return {
    execute: executorFor("simulation", where),
    measure: lossMeasureOf(opts.loss),
    ...progressOf(ctx, what, opts.json === true),
  };
}

/** The draws as the flags ask, on worker threads, with a progress bar and Ctrl-C. */
function drawRequest(
  ctx: CliContext,
  opts: Common,
  draws: DrawsAsked,
  threads: number,
  signal: AbortSignal,
): AnalysisDraws {
  return {
    count: draws.count,
    ...(draws.seed === undefined ? {} : { seed: draws.seed }),
    execute: executorFor("analysisDraw", whereFor(opts, threads)),
    batch: { ...progressOf(ctx, "draws", opts.json === true, "draws"), signal },
  };
}

/** How the ranges of a table were made, for the line above it (nothing without draws). */
function drawsWords(draws: DrawsInfo | undefined): string {
  if (!draws) return "";
  const stopped =
    draws.done < draws.requested ? `, stopped after ${draws.done} of ${draws.requested}` : "";
  return `; ranges: 5th to 95th percentile over ${draws.done} draws of every figure given as a distribution (seed ${draws.seed}${stopped})`;
}

function memberSpec(a: AnalysisContext, id: string) {
  const e = entityOf(a.world, a.net, id);
  return { id: e.id, kind: e.kind, members: Array.from(e.members, (m) => a.net.actors[m]!) };
}

/** The `--loss` flag: one of LOSS_MEASURES (default: the total). */
export function lossMeasureOf(text: string | undefined): LossMeasure {
  if (text === undefined) return DEFAULT_LOSS_MEASURE;
  if (!(LOSS_MEASURES as readonly string[]).includes(text))
    throw new UsageError(
      `--loss: expected one of ${LOSS_MEASURES.join(", ")}, found ${JSON.stringify(text)}`,
    );
  return text as LossMeasure;
}

function horizonOf(opts: Common, fallback: number): number {
  const h = opts.horizon === undefined ? fallback : Number(opts.horizon);
  if (!Number.isInteger(h) || h < 1 || h > 240)
    throw new UsageError(
      `--horizon: expected a whole number of months from 1 to 240, found ${JSON.stringify(opts.horizon)}`,
    );
  return h;
}

function countOf(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(
      `${flag}: expected a whole number of at least 1, found ${JSON.stringify(text)}`,
    );
  return n;
}

function shareOf(text: string, flag: string): number {
  const x = Number(text);
  if (!Number.isFinite(x) || x < 0 || x > 1)
    throw new UsageError(`${flag}: expected a share from 0 to 1, found ${JSON.stringify(text)}`);
  return x;
}

function coefficientRows(table: IoTable) {
  const n = table.ids.length;
  const A = technicalCoefficients(table);
  return table.ids.map((id, i) => ({
    input: id,
    perUnitValue: Object.fromEntries(
      table.ids.flatMap((j, c) => (A[i * n + c]! > 0 ? [[j, A[i * n + c]!]] : [])),
    ),
  }));
}

function extraction(table: IoTable, spec: string) {
  const id = spec;
  const k = table.ids.indexOf(id);
  if (k < 0)
    throw new UsageError(
      `--extract: unknown sector ${JSON.stringify(spec)}; expected ${table.ids.length > 30 ? "ACTOR:good as in levier io --level network" : `one of ${table.ids.join(", ")}`}`,
    );
  const forward = extractForward(table, k);
  const backward = extractBackward(table, k);
  const byId = (lost: Float64Array) =>
    Object.fromEntries(table.ids.flatMap((s, i) => (lost[i]! !== 0 ? [[s, lost[i]!]] : [])));
  return {
    sector: id,
    forward: {
      lostElsewhere: forward.lostElsewhere,
      lostElsewhereShare: forward.lostElsewhereShare,
      lost: byId(forward.lost),
    },
    backward: {
      lostElsewhere: backward.lostElsewhere,
      lostElsewhereShare: backward.lostElsewhereShare,
      lost: byId(backward.lost),
    },
  };
}
