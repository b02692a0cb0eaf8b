/**
 * Monte Carlo draws of the analyses (`levier exposure ACTOR --draws N`, `levier leverage
 * --draws N`; ../shared/DESIGN.md, "Uncertainty"). Draw k realises the world from stream
 * (seed, k) (`drawnWorld`: the world draw k of `levier run` realises from the same seed), builds
 * the baseline, the network and the analysis context on it, and runs the same analysis with the
 * same options, simulating the rows (pairs) that the central analysis simulated, so that a row's
 * range is over the same kind of figure as its central value (a simulated loss, or an estimate).
 * A draw keeps, for every row of the central result, its numeric figures in a fixed order
 * (`EXPOSURE_TABLES`, `LEVERAGE_TABLES`), and the world's loss in a run in which nothing is
 * withheld (`drift`: 0 when the drawn world is at rest, as `realise` keeps it).
 *
 * `exposureWithDraws` and `leverageWithDraws` run the draws through an executor (in this thread
 * by default; `node/draw-parallel.ts` on worker threads, pool kind `analysisDraw`) and add to
 * every row `ranges`: each figure's mean and percentiles over the draws finished (`statsOf`);
 * a row that a draw lacks (a flow that the drawn world does not have) is left out of that
 * figure's draws. Each cell of the matrix also gets `holdsShare`, the share of draws in which
 * its asymmetry is positive: the withholder's damage to the target, as a share of the target's
 * value added, exceeds the target's damage to it as a share of its own — the withholder's
 * leverage over the target holds. Results do not depend on where or in what order draws run.
 * @module
 */

import type { AnalysisContext } from "../analysis/context.js";
import { analysisContext } from "../analysis/context.js";
import { entityOf } from "../analysis/entities.js";
import {
  type Dependency,
  dependencyKey,
  type Exposure,
  type ExposureOptions,
  type GoodExposure,
  type MemberExposure,
  type SupplierExposure,
} from "../analysis/exposure.js";
import {
  type LeverageActor,
  type LeverageCell,
  type LeverageMatrix,
  type LeverageOptions,
  pairKey,
} from "../analysis/leverage/matrix.js";
import { runTask } from "../analysis/leverage/run-tasks.js";
import type { LossMeasure } from "../losses/measure.js";
import type { World } from "../world/schema.js";
import { exposureNow, leverageNow } from "./analyses.js";
import { type DrawsInfo, drawnWorld, STREAMS, type Stats, statsOf } from "./draws.js";
import { type JobExecutor, type TaskBatchOptions, TasksCancelled } from "./executor.js";

/** A table of a result whose rows carry ranges: the figures each draw keeps, and each row by
 * its key (what names the same row in the central result and in a draw). */
interface TableSpec<D, F extends string> {
  figures: readonly F[];
  rows: (doc: D) => [key: string, row: Partial<Record<F, unknown>>][];
}

function table<D, R, F extends keyof R & string>(
  figures: readonly F[],
  rows: (doc: D) => readonly R[],
  key: (row: R) => string,
): TableSpec<D, F> {
  return { figures, rows: (doc) => rows(doc).map((r) => [key(r), r]) };
}

/** The exposure's ranged figures, table by table (`valueAdded`: the actor's own). */
export const EXPOSURE_TABLES = {
  actor: table(
    ["valueAdded"],
    (d: Exposure) => [d],
    (d: Exposure) => d.actor.id,
  ),
  goods: table(
    ["use", "value", "homeShare", "importShare", "importHhi", "stockMonths"],
    (d: Exposure) => d.goods,
    (g: GoodExposure) => g.good,
  ),
  dependencies: table(
    ["volume", "value", "shareOfUse", "stockMonths", "loss", "lossShare", "securityLoss"],
    (d: Exposure) => d.dependencies,
    (r: Dependency) => dependencyKey(r.good, r.supplier),
  ),
  suppliers: table(
    ["imports", "loss", "lossShare", "securityLoss"],
    (d: Exposure) => d.suppliers,
    (s: SupplierExposure) => s.supplier,
  ),
  members: table(
    ["extraImports", "extraShare"],
    (d: Exposure) => d.members ?? [],
    (m: MemberExposure) => m.member,
  ),
};

/** The leverage matrix's ranged figures. */
export const LEVERAGE_TABLES = {
  actors: table(
    ["valueAdded"],
    (m: LeverageMatrix) => m.actors,
    (a: LeverageActor) => a.id,
  ),
  cells: table(
    [
      "damage",
      "damageShare",
      "securityLoss",
      "cost",
      "costShare",
      "exports",
      "asymmetry",
      "asymmetryShare",
    ],
    (m: LeverageMatrix) => m.cells,
    (c: LeverageCell) => pairKey(c.from, c.to),
  ),
};

type Specs<D> = Record<string, TableSpec<D, string>>;

/** What every draw of an analysis shares (plain data, sent to each worker once): the world
 * (figures not yet realised), the seed, the loss measure, the analysis and its options, the
 * rows the central analysis simulated, and the keys of the central result's rows, per table
 * (the rows each draw reports, in this order). */
export interface AnalysisDrawJob {
  world: World;
  seed: number;
  measure: LossMeasure;
  analysis:
    | {
        kind: "exposure";
        actor: string;
        options: ExposureOptions;
        simulated: { dependencies: string[]; suppliers: string[] };
      }
    | { kind: "leverage"; options: LeverageOptions; simulated: string[] };
  rows: Record<string, string[]>;
}

/** One draw: per table, its rows' figures row by row (figure j of row i at i × figures + j; NaN
 * where the draw has no such row or no such figure), and the world's loss with nothing
 * withheld. */
export interface AnalysisDrawResult {
  draw: number;
  figures: Record<string, number[]>;
  drift: number;
}

/** The analysis context of draw k: the drawn world, its baseline and network. */
export function drawContext(job: AnalysisDrawJob, k: number): AnalysisContext {
  return analysisContext(drawnWorld(job, k));
}

export function runAnalysisDraw(job: AnalysisDrawJob, k: number): AnalysisDrawResult {
  const ctx = drawContext(job, k);
  const a = job.analysis;
  const figures =
    a.kind === "exposure"
      ? figuresOf(
          EXPOSURE_TABLES,
          exposureNow(ctx, entityOf(ctx.world, ctx.net, a.actor), a.options, job.measure, {
            dependencies: new Set(a.simulated.dependencies),
            suppliers: new Set(a.simulated.suppliers),
          }),
          job.rows,
        )
      : figuresOf(
          LEVERAGE_TABLES,
          leverageNow(ctx, a.options, job.measure, new Set(a.simulated)),
          job.rows,
        );
  return { draw: k, figures, drift: driftOf(ctx, a.options.horizon, job.measure) };
}

export function runAnalysisDraws(
  job: AnalysisDrawJob,
  draws: readonly number[],
): AnalysisDrawResult[] {
  return draws.map((k) => runAnalysisDraw(job, k));
}

/** Runs the draws numbered in `draws` and returns them in that order. */
export type AnalysisDrawExecutor = JobExecutor<AnalysisDrawJob, number, AnalysisDrawResult>;

/** The draws one after the other in this thread. */
export const inThreadAnalysisDraws: AnalysisDrawExecutor = async (job, draws, opts = {}) => {
  const out: (AnalysisDrawResult | undefined)[] = new Array(draws.length);
  for (let i = 0; i < draws.length; i++) {
    if (opts.signal?.aborted) throw new TasksCancelled(out, i);
    out[i] = runAnalysisDraw(job, draws[i]!);
    opts.onProgress?.(i + 1, draws.length);
  }
  return out as AnalysisDrawResult[];
};

/** The world's loss (every network actor summed) over the horizon when nothing is withheld. */
function driftOf(ctx: AnalysisContext, months: number, measure: LossMeasure): number {
  const none = Int32Array.of();
  const r = runTask(ctx.net, { from: none, to: none, months, measure });
  return r.byActor.reduce((s, x) => s + x, 0);
}

/** Each table's rows (those `rows` names, in its order) as figures row by row. */
function figuresOf<D>(
  specs: Specs<D>,
  doc: D,
  rows: Record<string, string[]>,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const byKey = new Map(spec.rows(doc));
    const v: number[] = [];
    for (const key of rows[name] ?? []) {
      const row = byKey.get(key);
      for (const f of spec.figures) {
        const x = row?.[f];
        v.push(typeof x === "number" ? x : Number.NaN);
      }
    }
    out[name] = v;
  }
  return out;
}

function keysOf<D>(specs: Specs<D>, doc: D): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, spec.rows(doc).map(([key]) => key)]),
  );
}

/** Ranges of a row's figures over the draws. */
export type Ranges<F extends string> = Partial<Record<F, Stats>>;

type Ranged<R, F extends string> = R & { ranges?: Ranges<F> };
type ExposureFigure<K extends keyof typeof EXPOSURE_TABLES> =
  (typeof EXPOSURE_TABLES)[K]["figures"][number];
type LeverageFigure<K extends keyof typeof LEVERAGE_TABLES> =
  (typeof LEVERAGE_TABLES)[K]["figures"][number];

/** An exposure with the draws' ranges (`ranges` on the document is the actor's own). */
export interface ExposureWithDraws
  extends Omit<Exposure, "goods" | "dependencies" | "suppliers" | "members"> {
  goods: Ranged<GoodExposure, ExposureFigure<"goods">>[];
  dependencies: Ranged<Dependency, ExposureFigure<"dependencies">>[];
  suppliers: Ranged<SupplierExposure, ExposureFigure<"suppliers">>[];
  members?: Ranged<MemberExposure, ExposureFigure<"members">>[];
  ranges?: Ranges<ExposureFigure<"actor">>;
  draws?: DrawsInfo;
}

/** A leverage cell with the draws' ranges, and the share of draws in which its asymmetry
 * (`asymmetryShare`) is positive. */
export type LeverageCellWithDraws = Ranged<LeverageCell, LeverageFigure<"cells">> & {
  holdsShare?: number;
};

export interface LeverageWithDraws extends Omit<LeverageMatrix, "actors" | "cells"> {
  actors: Ranged<LeverageActor, LeverageFigure<"actors">>[];
  cells: LeverageCellWithDraws[];
  draws?: DrawsInfo;
}

/** How a surface asks for draws: `count` draws numbered 0 … count − 1 from `seed` (default 1),
 * run by `execute` (in this thread by default), stopped by `batch.signal` (the draws finished
 * are kept); `inputs`: hashes of the inputs, recorded for replay. A count of 0 runs none. */
export interface AnalysisDraws {
  count: number;
  seed?: number;
  execute?: AnalysisDrawExecutor;
  batch?: TaskBatchOptions;
  inputs?: Record<string, string>;
}

const NOTE =
  "Ranges are over the draws of every figure given as a distribution; each draw rebuilds the baseline and the network on its drawn world and simulates the rows the central analysis simulated. The central values are from the analysis at central values.";

/** The exposure `doc` (the central analysis of `world`) with the draws' ranges. */
export async function exposureWithDraws(
  world: World,
  doc: Exposure,
  opts: ExposureOptions,
  measure: LossMeasure,
  draws: AnalysisDraws,
): Promise<ExposureWithDraws> {
  if (draws.count === 0) return doc;
  const job: AnalysisDrawJob = {
    world,
    seed: draws.seed ?? 1,
    measure,
    analysis: {
      kind: "exposure",
      actor: doc.actor.id,
      options: { horizon: opts.horizon, threshold: opts.threshold },
      simulated: {
        dependencies: doc.dependencies
          .filter((d) => d.simulated)
          .map((d) => dependencyKey(d.good, d.supplier)),
        suppliers: doc.suppliers.filter((s) => s.simulated).map((s) => s.supplier),
      },
    },
    rows: keysOf<Exposure>(EXPOSURE_TABLES, doc),
  };
  const { done, info } = await runAll(job, draws);
  const ranges = (name: keyof typeof EXPOSURE_TABLES) => rowRanges(job, name, done);
  const out: ExposureWithDraws = {
    ...doc,
    goods: withRanges(doc.goods, ranges("goods")),
    dependencies: withRanges(doc.dependencies, ranges("dependencies")),
    suppliers: withRanges(doc.suppliers, ranges("suppliers")),
    ranges: ranges("actor")[0] ?? {},
    draws: info,
  };
  if (doc.members) out.members = withRanges(doc.members, ranges("members"));
  return out;
}

/** The leverage matrix `doc` (the central analysis of `world`) with the draws' ranges and each
 * cell's `holdsShare`. */
export async function leverageWithDraws(
  world: World,
  doc: LeverageMatrix,
  opts: LeverageOptions,
  measure: LossMeasure,
  draws: AnalysisDraws,
): Promise<LeverageWithDraws> {
  if (draws.count === 0) return doc;
  const options: LeverageOptions = { horizon: opts.horizon, threshold: opts.threshold };
  if (opts.actors) options.actors = [...opts.actors];
  const job: AnalysisDrawJob = {
    world,
    seed: draws.seed ?? 1,
    measure,
    analysis: {
      kind: "leverage",
      options,
      simulated: doc.cells.filter((c) => c.simulated).map((c) => pairKey(c.from, c.to)),
    },
    rows: keysOf<LeverageMatrix>(LEVERAGE_TABLES, doc),
  };
  const { done, info } = await runAll(job, draws);
  const holds = holdsShares(job, done);
  const cells = withRanges(doc.cells, rowRanges(job, "cells", done)).map(
    (c, i): LeverageCellWithDraws => (holds[i] === undefined ? c : { ...c, holdsShare: holds[i] }),
  );
  return {
    ...doc,
    actors: withRanges(doc.actors, rowRanges(job, "actors", done)),
    cells,
    draws: info,
  };
}

/** Per cell, the share of the draws (those with the cell) whose asymmetry share is positive. */
export function holdsShares(
  job: AnalysisDrawJob,
  done: readonly AnalysisDrawResult[],
): (number | undefined)[] {
  const F = LEVERAGE_TABLES.cells.figures.length;
  const j = LEVERAGE_TABLES.cells.figures.indexOf("asymmetryShare");
  return (job.rows.cells ?? []).map((_, i) => {
    let n = 0;
    let positive = 0;
    for (const r of done) {
      const x = numberOf(r.figures.cells?.[i * F + j]);
      if (Number.isNaN(x)) continue;
      n++;
      if (x > 0) positive++;
    }
    return n > 0 ? positive / n : undefined;
  });
}

async function runAll(
  job: AnalysisDrawJob,
  draws: AnalysisDraws,
): Promise<{ done: AnalysisDrawResult[]; info: DrawsInfo }> {
  const { execute = inThreadAnalysisDraws, batch, inputs } = draws;
  const ks = Array.from({ length: draws.count }, (_, k) => k);
  let results: (AnalysisDrawResult | undefined)[];
  try {
    results = await execute(job, ks, batch);
  } catch (err) {
    // Stopped (Ctrl-C): the draws that finished still count.
    if (!(err instanceof TasksCancelled)) throw err;
    results = err.results as (AnalysisDrawResult | undefined)[];
  }
  const done = results.filter((r): r is AnalysisDrawResult => r !== undefined);
  const info: DrawsInfo = {
    requested: draws.count,
    done: done.length,
    seed: job.seed,
    sampling: "random",
    stream: STREAMS.random,
    ...(inputs ? { inputs } : {}),
    ...(done.length > 0 ? { drift: statsOf(done.map((r) => r.drift)) } : {}),
    note: NOTE,
  };
  return { done, info };
}

/** A figure as the draws sent it: a number, or NaN (a queue that went through JSON gives null
 * for NaN). */
function numberOf(x: unknown): number {
  return typeof x === "number" ? x : Number.NaN;
}

/** Per row of table `name`, its figures' ranges over the draws (a figure no draw has: none). */
function rowRanges(
  job: AnalysisDrawJob,
  name: string,
  done: readonly AnalysisDrawResult[],
): Record<string, Stats>[] {
  const specs: Record<string, { figures: readonly string[] }> =
    job.analysis.kind === "exposure" ? EXPOSURE_TABLES : LEVERAGE_TABLES;
  const figures = specs[name]!.figures;
  const F = figures.length;
  return (job.rows[name] ?? []).map((_, i) => {
    const ranges: Record<string, Stats> = {};
    figures.forEach((f, j) => {
      const v = done.map((r) => numberOf(r.figures[name]?.[i * F + j]));
      if (v.some((x) => !Number.isNaN(x))) ranges[f] = statsOf(v);
    });
    return ranges;
  });
}

function withRanges<R>(rows: readonly R[], ranges: readonly Record<string, Stats>[]) {
  return rows.map((r, i) => ({ ...r, ranges: ranges[i] ?? {} }));
}
