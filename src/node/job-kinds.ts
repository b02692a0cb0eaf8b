/**
 * What a job thread (`jobs.ts`) can run, by name: each kind is one whole request of the
 * pipeline (a scenario run with its draws, an analysis, a world patched, a game built or
 * solved, a Council power or compensation) that takes plain values and returns a plain,
 * serialisable document, the one the CLI prints with `--json`. The server runs them off its
 * request thread so that it keeps answering while they compute.
 * @module
 */
import {
  CHOKEPOINT_SORT_KEYS,
  type ChokepointSortKey,
  chokepointRowsOf,
  chokepointTable,
} from "../analysis/chokepoints.js";
import { entityOf } from "../analysis/entities.js";
import { DEFAULT_EXPOSURE_THRESHOLD } from "../analysis/exposure.js";
import { DEFAULT_LEVERAGE_THRESHOLD } from "../analysis/leverage/matrix.js";
import { compensate } from "../council/compensation/compensate.js";
import { gainsFromRequest } from "../council/gains-request.js";
import { powerDocument } from "../council/report.js";
import { type RuleNames, ruleNamed, rulesFor } from "../council/vote-document.js";
import { InputError, UsageError } from "../diagnostics/errors.js";
import type { Issue } from "../diagnostics/issue.js";
import { loadCouncilFrom } from "../io/council-files.js";
import { loadShippedRules } from "../io/rules-files.js";
import type { LossMeasure } from "../losses/measure.js";
import { parseYaml } from "../parse/yaml.js";
import type { Sampling } from "../random/sampling.js";
import { chartFileSvgs } from "../report/chart-files.js";
import { tableCsv } from "../report/csv.js";
import { toMarkdown } from "../report/markdown.js";
import { runReport } from "../report/run-report.js";
import { runTables } from "../report/run-tables.js";
import { reportFiles } from "../report/write.js";
import { toXlsx } from "../report/xlsx.js";
import {
  analysisOf,
  type Batch,
  chokepointResults,
  exposureOf,
  leverageOf,
  profileOf,
} from "../run/analyses.js";
import type { RunDocument } from "../run/document.js";
import type { TaskBatchOptions } from "../run/executor.js";
import { buildGameRequest, gameDrawsRequest } from "../run/game.js";
import { gameDocument } from "../run/game-document.js";
import { runScenarioRequest } from "../run/scenario.js";
import { loadScenario } from "../scenario/load.js";
import { gameFormatOf, readGame, unknownFormat } from "../strategy/formats/read-game.js";
import { solveGame } from "../strategy/report/solve.js";
import { worldFromJson } from "../world/from-json.js";
import { loadWorld, type WorldReader } from "../world/load.js";
import { executorFor } from "./executor-for.js";
import { loadHighsSolver } from "./highs.js";
import { svgToPng } from "./png.js";

/** How a job reports and is stopped. */
export type JobBatch = TaskBatchOptions;

/** Names of a request's fields in its messages. */
const BODY_NAMES: RuleNames = { rule: "rule", measure: "measure" };

export interface RunJob {
  /** The world's JSON text (a stored world). */
  world: string;
  /** The scenario's text, and its name in messages. */
  text: string;
  file: string;
  horizon?: number;
  loss?: LossMeasure;
  draws?: { count?: number; seed?: number; sampling?: Sampling };
  /** Threads for the draws, this job's thread included. */
  threads: number;
  inputs: Record<string, string>;
}

export type AnalysisJob = { world: string; horizon: number; threads: number } & (
  | { analysis: "chokepoints"; actor?: string; sort?: string }
  | { analysis: "exposure"; actor: string; threshold?: number }
  | { analysis: "leverage"; threshold?: number; actors?: string[] }
  | { analysis: "profile"; actor: string; powers?: string[] }
);

export interface WorldJob {
  /** The world `extends: default` names: the parent's JSON text. */
  parent: string;
  /** The patch's text (YAML or JSON) and its name in messages. */
  text: string;
  file: string;
}

export interface GameBuildJob {
  world: string;
  text: string;
  file: string;
  draws?: { count: number; seed: number };
  threads: number;
}

export interface CouncilJob {
  op: "power" | "compensate";
  /** power: the rule; compensate: the request's body as text (JSON). */
  rule?: string;
  body?: string;
}

async function run(job: RunJob, batch: JobBatch) {
  const { doc, warnings } = await runScenarioRequest({
    world: worldFromJson(job.world),
    text: job.text,
    file: job.file,
    ...(job.horizon === undefined ? {} : { horizon: job.horizon }),
    ...(job.loss === undefined ? {} : { loss: job.loss }),
    rules: loadShippedRules,
    council: async () => ({
      council: loadCouncilFrom(process.cwd()),
      solver: await loadHighsSolver(),
    }),
    draws: {
      ...(job.draws?.count === undefined ? {} : { count: job.draws.count }),
      ...(job.draws?.seed === undefined ? {} : { seed: job.draws.seed }),
      ...(job.draws?.sampling === undefined ? {} : { sampling: job.draws.sampling }),
      execute: executorFor("draw", { threads: job.threads }),
      batch,
      inputs: job.inputs,
    },
  });
  return plain({ doc, warnings });
}

async function analysis(job: AnalysisJob, batch: JobBatch) {
  const world = worldFromJson(job.world).world;
  const a = analysisOf(world);
  const b: Batch = { ...batch, execute: executorFor("simulation", { threads: job.threads }) };
  const horizon = job.horizon;
  switch (job.analysis) {
    case "chokepoints": {
      const sort = (job.sort ?? "score") as ChokepointSortKey;
      if (!CHOKEPOINT_SORT_KEYS.includes(sort))
        throw new UsageError(
          `sort: expected one of ${CHOKEPOINT_SORT_KEYS.join(", ")}, found ${JSON.stringify(job.sort)}`,
        );
      const actor =
        job.actor === undefined
          ? undefined
          : (() => {
              const e = entityOf(a.world, a.net, job.actor);
              return {
                id: e.id,
                kind: e.kind,
                members: Array.from(e.members, (m) => a.net.actors[m]!),
              };
            })();
      const results = await chokepointResults(a, horizon, b);
      const options = { horizon, sort };
      return plain(
        actor ? chokepointRowsOf(a, results, actor, options) : chokepointTable(a, results, options),
      );
    }
    case "exposure": {
      const options = { horizon, threshold: job.threshold ?? DEFAULT_EXPOSURE_THRESHOLD };
      return plain(await exposureOf(a, entityOf(a.world, a.net, job.actor), options, b));
    }
    case "leverage": {
      for (const id of job.actors ?? []) entityOf(a.world, a.net, id);
      const options = {
        horizon,
        threshold: job.threshold ?? DEFAULT_LEVERAGE_THRESHOLD,
        ...(job.actors ? { actors: job.actors } : {}),
      };
      return plain(await leverageOf(a, options, b));
    }
    case "profile": {
      for (const p of job.powers ?? []) entityOf(a.world, a.net, p);
      const options = {
        horizon,
        exposureThreshold: DEFAULT_EXPOSURE_THRESHOLD,
        ...(job.powers ? { powers: job.powers } : {}),
      };
      return plain(await profileOf(a, entityOf(a.world, a.net, job.actor), options, b));
    }
  }
}

/** A world patch (`extends: default` = the parent) or a whole world, loaded and checked as
 * `levier --world FILE` loads one; its JSON text. */
function world(job: WorldJob) {
  const PARENT = "parent-world.json";
  const reader: WorldReader = {
    read: (p) => (p === job.file ? job.text : p === PARENT ? job.parent : undefined),
    isDirectory: () => false,
    resolve: (_from, rel) => rel,
    defaultWorld: PARENT,
  };
  const { world: loaded, issues } = loadWorld(reader, job.file);
  if (!loaded) throw new InputError(issues);
  return { content: JSON.stringify(loaded.world), warnings: plain(loaded.issues) };
}

async function gameBuild(job: GameBuildJob, batch: JobBatch) {
  const world = worldFromJson(job.world);
  const outcome = await buildGameRequest({
    world,
    text: job.text,
    file: job.file,
    execute: executorFor("simulation", { threads: job.threads }),
    batch,
    rules: loadShippedRules,
  });
  const draws = job.draws
    ? await gameDrawsRequest({
        world,
        text: job.text,
        file: job.file,
        ...job.draws,
        batch,
        rules: loadShippedRules,
      })
    : undefined;
  return plain({ ...gameDocument(outcome, draws), warnings: outcome.warnings });
}

function gameSolve(job: { text: string; file: string }) {
  if (!gameFormatOf(job.file)) throw new InputError([unknownFormat(job.file)]);
  const { game, issues } = readGame(job.text, job.file);
  if (!game) throw new InputError(issues);
  try {
    return plain(solveGame(game));
  } catch (err) {
    if (err instanceof RangeError)
      throw InputError.single("too-large", err.message, { file: job.file, line: 1, col: 1 });
    throw err;
  }
}

async function council(job: CouncilJob) {
  const c = loadCouncilFrom(process.cwd());
  if (job.op === "power") return plain(powerDocument(c, ruleNamed(c, job.rule ?? "", BODY_NAMES)));
  const parsed = parseYaml(job.body ?? "", "body");
  if (!parsed.doc) throw new InputError(parsed.issues);
  const body = (parsed.doc.value ?? {}) as Record<string, unknown>;
  const asked = {
    rule: typeof body.rule === "string" ? body.rule : undefined,
    measure: typeof body.measure === "string" ? body.measure : undefined,
  };
  const { rules, measure } = rulesFor(c, asked, BODY_NAMES);
  const { gains, issues } = gainsFromRequest(parsed.doc, c.members);
  if (!gains) throw new InputError(issues);
  const result = compensate(
    {
      rules,
      members: c.members,
      gains: gains.gains,
      abstentionBand: gains.abstentionBand,
      allGain: body.allGain === true,
      budget: body.budget === true,
    },
    await loadHighsSolver(),
  );
  return plain({
    ...(measure ? { measure } : {}),
    ...(gains.unit ? { unit: gains.unit } : {}),
    ...result,
  });
}

/** A scenario checked on a world as `levier run` checks it before running: its issues (none
 * with severity error when it would run). Used for scenarios that patch the world, whose
 * check re-validates the whole patched world. */
function checkScenario(job: { world: string; text: string; file: string }): Issue[] {
  return plain(loadScenario(job.text, job.file, worldFromJson(job.world)).issues);
}

export interface ReportJob {
  doc: RunDocument;
  /** A report format, `charts` (the list), or a chart as `svg` or `png` (`chart`: its id). */
  as: "html" | "md" | "csv" | "xlsx" | "charts" | "svg" | "png";
  chart?: string;
  /** csv: the table (RUN_TABLES; default the first). */
  table?: string;
  /** Where the run's charts are served (links in the HTML and Markdown). */
  chartUrl?: string;
}

/** A run's report (`levier run --out DIR --format F`), its tables as CSV, or its charts. */
async function report(
  job: ReportJob,
): Promise<string | Uint8Array | { name: string; title: string }[] | undefined> {
  const r = runReport(job.doc);
  const url = job.chartUrl;
  const links = url
    ? (id: string) => ({ svg: `${url}/${id}.svg`, png: `${url}/${id}.png` })
    : undefined;
  switch (job.as) {
    case "html":
      return [...(await reportFiles(r, "html", "report", links)).values()][0];
    case "md":
      return toMarkdown(r, (id) => `${url ?? "charts"}/${id}.svg`);
    case "xlsx":
      return new Uint8Array(await toXlsx(job.doc));
    case "csv": {
      const tables = runTables(job.doc);
      const t = job.table === undefined ? tables[0] : tables.find((x) => x.name === job.table);
      if (!t)
        throw new UsageError(
          `table: expected one of ${tables.map((x) => x.name).join(", ")}, found ${JSON.stringify(job.table)}`,
        );
      return tableCsv(t);
    }
    case "charts":
      return r.blocks.flatMap((b) =>
        b.kind === "chart" ? [{ name: b.chart.id, title: b.chart.title }] : [],
      );
    case "svg":
    case "png": {
      const svg = (await chartFileSvgs(r)).get(job.chart ?? "");
      if (svg === undefined) return undefined;
      return job.as === "svg" ? svg : svgToPng(svg);
    }
  }
}

/** A value as JSON has it (what crosses the thread and goes into the store). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const JOB_KINDS = {
  run,
  analysis,
  world: async (job: WorldJob) => world(job),
  gameBuild,
  gameSolve: async (job: { text: string; file: string }) => gameSolve(job),
  council,
  report,
  checkScenario: async (job: { world: string; text: string; file: string }) => checkScenario(job),
};

export type JobKind = keyof typeof JOB_KINDS;
export type JobInput<K extends JobKind> = Parameters<(typeof JOB_KINDS)[K]>[0];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<(typeof JOB_KINDS)[K]>>;
