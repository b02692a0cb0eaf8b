/**
 * Monte Carlo draws of a scenario (../shared/DESIGN.md, "Uncertainty"): draw k realises every
 * figure given as a distribution from its own stream, a pure function of the seed and k: by
 * default pseudo-random (`random/streams.ts`), or with `sampling: "sobol"` the coordinates of
 * the Sobol point k under the seed's digital shift (`random/sobol-sequence.ts`: randomised
 * quasi-Monte Carlo, one coordinate per figure), builds the baseline and the network on those figures, runs the scenario and
 * keeps, per actor, its loss and the loss's parts, and per good its world output as a share of
 * that draw's baseline. `drawRanges` turns the draws into the mean and percentiles every figure
 * carries beside its central value. Draws run through a draw executor: in this thread
 * (`inThreadDraws`) or on worker threads (`node/draw-parallel.ts`), with the same results bit
 * for bit, whatever the order.
 * @module
 */
import { actorLoss, type LossMeasure } from "../losses/measure.js";
import { compileWorld } from "../network/compile-world.js";
import type { Sampling } from "../random/sampling.js";
import { sobolStream } from "../random/sobol-sequence.js";
import { drawStream } from "../random/streams.js";
import { extraNodes } from "../scenario/compile.js";
import type { Scenario } from "../scenario/schema.js";
import type { RealWorld } from "../world/realised.js";
import type { World } from "../world/schema.js";
import type { RunDocument } from "./document.js";
import { type TaskBatchOptions, TasksCancelled } from "./executor.js";
import { realise } from "./realise.js";
import { runScenario } from "./scenario-run.js";

/** What every draw of a run shares: the scenario's world (its patch applied, figures not yet
 * realised), the scenario, the seed, the loss measure and the sampling (random by default).
 * Plain data, sent to workers once. */
export interface DrawJob {
  world: World;
  scenario: Scenario;
  seed: number;
  measure: LossMeasure;
  sampling?: Sampling;
}

/** The world of draw k: the job's world with every distribution drawn from draw k's stream
 * (pseudo-random, or Sobol point k). Every kind of draw (a run's, an analysis's) realises its
 * world here, so that draw k of a seed is the same world in `levier run`, `exposure` and
 * `leverage`. */
export function drawnWorld(
  job: Pick<DrawJob, "world" | "seed" | "sampling">,
  k: number,
): RealWorld {
  return job.sampling === "sobol"
    ? realise(job.world, sobolStream(job.seed, k), { byQuantile: true })
    : realise(job.world, drawStream(job.seed, k));
}

/** How each draw's uniforms are made, as the document records it. */
export const STREAMS = {
  random: "xoshiro128** per draw, state from (seed, k)",
  sobol: "Sobol point k (Joe & Kuo 2008 directions, Gray-code order), digital shift from seed",
} as const satisfies Record<Sampling, string>;

/** The figures of an actor that each draw keeps, in this order. */
export const DRAW_FIGURES = [
  "loss",
  "lossGdpShare",
  "finalUseLost",
  "valueAddedLost",
  "downstreamLost",
  "securityIndexLoss",
] as const;
export type DrawFigure = (typeof DRAW_FIGURES)[number];

/** One draw's results: per actor (by id), its DRAW_FIGURES against the draw's reference run;
 * per good, world output per month as a share of the reference run's; the capacity share per
 * month where the scenario asks. */
export interface DrawResult {
  draw: number;
  actors: Record<string, number[]>;
  goods: Record<string, number[]>;
  capacityShare?: number[];
  /** The world's loss (states summed) in the draw's reference run, without the measures. */
  drift: number;
}

/**
 * One draw. A drawn world need not be at rest: its figures, drawn apart, can leave the
 * baseline it builds short of capacity or stock somewhere, so that even a run without any
 * measure drifts and shows losses. Each draw is therefore measured against its own reference
 * run, the same world with none of the scenario's measures (the world's standing controls
 * still apply): an actor's figures are its run's minus the reference's, a good's output its
 * run's over the reference's. The reference's own world loss is kept as `drift`.
 */
export function runDraw(job: DrawJob, k: number): DrawResult {
  const world = drawnWorld(job, k);
  // One network for both runs, as a game's profiles share one (run/game.ts): the nodes the
  // scenario's investments add make nothing at baseline and are never asked for in the
  // reference run.
  const net = compileWorld(world, { extraNodes: extraNodes(job.scenario) });
  const run = runScenario({ scenario: job.scenario, world: { world } }, net);
  const ref = runScenario({ scenario: { ...job.scenario, measures: [] }, world: { world } }, net);
  const figures = (a: (typeof run.result.actors)[number]) => [
    actorLoss(a, job.measure),
    a.lossGdpShare ?? Number.NaN,
    a.finalUseLost,
    a.valueAddedLost,
    a.downstreamLost,
    a.securityIndexLoss,
  ];
  const refActors = new Map(ref.result.actors.map((a) => [a.id, figures(a)]));
  const actors: Record<string, number[]> = {};
  let drift = 0;
  for (const a of ref.result.actors) if (a.kind !== "bloc") drift += actorLoss(a, job.measure);
  for (const a of run.result.actors) {
    const r = refActors.get(a.id)!;
    actors[a.id] = figures(a).map((x, i) => x - r[i]!);
  }
  const refGoods = new Map(ref.result.goods.map((g) => [g.id, g.output]));
  const goods: Record<string, number[]> = {};
  for (const g of run.result.goods) {
    const r = refGoods.get(g.id)!;
    goods[g.id] = g.output.map((y, t) =>
      r[t]! > 0 ? y / r[t]! : g.baseline > 0 ? y / g.baseline : 1,
    );
  }
  const out: DrawResult = { draw: k, actors, goods, drift };
  if (run.capacityShare) out.capacityShare = run.capacityShare.monthly.share;
  return out;
}

export function runDraws(job: DrawJob, draws: readonly number[]): DrawResult[] {
  return draws.map((k) => runDraw(job, k));
}

/** Runs the draws numbered in `draws` (in any order, anywhere) and returns them in that order;
 * stopped by `opts.signal`, it throws `TasksCancelled` with the draws it finished. */
export type DrawExecutor = (
  job: DrawJob,
  draws: readonly number[],
  opts?: TaskBatchOptions,
) => Promise<DrawResult[]>;

/** The draws one after the other in this thread. */
export const inThreadDraws: DrawExecutor = async (job, draws, opts = {}) => {
  const out: (DrawResult | undefined)[] = new Array(draws.length);
  for (let i = 0; i < draws.length; i++) {
    if (opts.signal?.aborted) throw new TasksCancelled(out, i);
    out[i] = runDraw(job, draws[i]!);
    opts.onProgress?.(i + 1, draws.length);
  }
  return out as DrawResult[];
};

/** Mean and percentiles of a figure over the draws (percentiles by linear interpolation
 * between order statistics, Hyndman & Fan's type 7: numpy's and R's default). */
export interface Stats {
  mean: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** The q-quantile (0–1) of sorted values, type 7. */
export function quantile(sorted: readonly number[], q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function statsOf(values: readonly number[]): Stats {
  const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return {
    mean,
    p5: quantile(v, 0.05),
    p25: quantile(v, 0.25),
    p50: quantile(v, 0.5),
    p75: quantile(v, 0.75),
    p95: quantile(v, 0.95),
  };
}

/** What `levier run --draws` adds to the document: how the draws were made, so that a run can
 * be replayed, and how many finished. */
export interface DrawsInfo {
  /** Draws asked for, and finished (fewer when the run was stopped). */
  requested: number;
  done: number;
  seed: number;
  /** Pseudo-random draws, or Sobol points with a digital shift (randomised quasi-Monte Carlo). */
  sampling: Sampling;
  /** Draw numbers are 0 … requested − 1; each is reproducible alone from (seed, k). */
  stream: (typeof STREAMS)[Sampling];
  /** Sobol sampling: the coordinates each point gives, one per figure drawn (and per
   * correlation group); past the direction numbers' SOBOL_DIMENSIONS, pseudo-random. */
  dimensions?: number;
  /** Hashes of what the draws ran on (SHA-256 of the scenario file and of the world, given by
   * the caller), to replay or compare runs. */
  inputs?: Record<string, string>;
  /** The world's loss in each draw's reference run (no measures): how far drawn worlds drift
   * from rest on their own, which the ranges have taken out. */
  drift?: Stats;
  /** The Council section is from the central run only. */
  note: string;
}

/** Ranges of an actor's figures over the draws. */
export type ActorRanges = Partial<Record<DrawFigure, Stats>>;

/** Adds the draws' ranges to a run document: each actor's `ranges` (its figures' mean and
 * percentiles), each good's `ranges.output` (per month, as a share of baseline), the capacity
 * share's, and `draws`. Draws that did not finish are left out. */
export function withDrawRanges(
  doc: RunDocument,
  results: readonly (DrawResult | undefined)[],
  info: Omit<DrawsInfo, "done" | "stream" | "note">,
): RunDocument {
  const done = results.filter((r): r is DrawResult => r !== undefined);
  const actors = doc.actors.map((a) => {
    const ranges: ActorRanges = {};
    DRAW_FIGURES.forEach((f, j) => {
      const v = done.map((r) => r.actors[a.id]?.[j] ?? Number.NaN);
      if (v.some((x) => !Number.isNaN(x))) ranges[f] = statsOf(v);
    });
    return { ...a, ranges };
  });
  const byId = new Map(actors.map((a) => [a.id, a]));
  const goods = doc.goods.map((g) => ({
    ...g,
    ranges: {
      output: g.output.map((_, t) => statsOf(done.map((r) => r.goods[g.id]?.[t] ?? Number.NaN))),
    },
  }));
  const out: RunDocument = {
    ...doc,
    actors,
    goods,
    draws: {
      ...info,
      done: done.length,
      stream: STREAMS[info.sampling],
      ...(done.length > 0 ? { drift: statsOf(done.map((r) => r.drift)) } : {}),
      note: "Ranges are over the draws of every figure given as a distribution, each draw against its own run without the measures; the central values (and the Council section) are from the run at central values.",
    },
  };
  if (doc.eu)
    out.eu = {
      bloc: byId.get(doc.eu.bloc.id)!,
      members: doc.eu.members.map((m) => byId.get(m.id)!),
    };
  if (doc.capacityShare) {
    const months = doc.capacityShare.monthly.share.length;
    out.capacityShare = {
      ...doc.capacityShare,
      ranges: {
        share: Array.from({ length: months }, (_, t) =>
          statsOf(done.map((r) => r.capacityShare?.[t] ?? Number.NaN)),
        ),
      },
    };
  }
  return out;
}
