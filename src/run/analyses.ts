/**
 * The analyses that run batches of simulations — chokepoints, exposure, the leverage matrix,
 * an actor's profile — as the pipeline: plan the tasks, run them through a task executor in
 * the loss measure asked for, assemble the result. Every surface calls these.
 * @module
 */
import { chokepointTasks } from "../analysis/chokepoints.js";
import { type AnalysisContext, analysisContext } from "../analysis/context.js";
import type { Entity } from "../analysis/entities.js";
import {
  type Exposure,
  type ExposureOptions,
  type ExposureSimulated,
  exposure,
  exposurePlan,
} from "../analysis/exposure.js";
import {
  type LeverageMatrix,
  type LeverageOptions,
  leverageMatrix,
  leveragePlan,
} from "../analysis/leverage/matrix.js";
import { runTasks } from "../analysis/leverage/run-tasks.js";
import type { WithholdTask } from "../analysis/leverage/withhold.js";
import {
  type Profile,
  type ProfileOptions,
  profile,
  profilePlan,
  profileTasks,
} from "../analysis/profile.js";
import type { Losses } from "../analysis/value-added.js";
import { DEFAULT_LOSS_MEASURE, type LossMeasure } from "../losses/measure.js";
import type { World } from "../world/schema.js";
import { inThreadExecutor, type TaskBatchOptions, type TaskExecutor } from "./executor.js";
import { realise, type Uniform } from "./realise.js";

/** How a batch runs: the executor (default: this thread), the loss measure, progress, stop. */
/** The shared context of every analysis of `world`, realised first (central values, or one
 * draw when `rng` is given): the analyses read figures only from the realised world. */
export function analysisOf(world: World, rng?: Uniform): AnalysisContext {
  return analysisContext(realise(world, rng));
}

export interface Batch extends TaskBatchOptions {
  execute?: TaskExecutor;
  measure?: LossMeasure;
}

function runBatch(ctx: AnalysisContext, tasks: WithholdTask[], b: Batch): Promise<Losses[]> {
  const measure = b.measure ?? DEFAULT_LOSS_MEASURE;
  const { execute = inThreadExecutor, measure: _, ...opts } = b;
  return execute(
    ctx.net,
    tasks.map((t) => ({ ...t, measure })),
    opts,
  );
}

/** The simulations behind the chokepoint table (one per supplier row withheld from all). */
export function chokepointResults(ctx: AnalysisContext, horizon: number, b: Batch = {}) {
  return runBatch(ctx, chokepointTasks(ctx, horizon), b);
}

export async function exposureOf(
  ctx: AnalysisContext,
  target: Entity,
  opts: ExposureOptions,
  b: Batch = {},
): Promise<Exposure> {
  const plan = exposurePlan(ctx, target, opts);
  return exposure(ctx, opts, plan, await runBatch(ctx, plan.tasks, b));
}

/** The exposure in this thread, at once: a Monte Carlo draw (`analysis-draws.ts`) runs whole
 * inside one task. `simulated`: the rows to simulate (else those the threshold picks). */
export function exposureNow(
  ctx: AnalysisContext,
  target: Entity,
  opts: ExposureOptions,
  measure: LossMeasure,
  simulated?: ExposureSimulated,
): Exposure {
  const plan = exposurePlan(ctx, target, opts, simulated);
  return exposure(ctx, opts, plan, runTasksIn(ctx, plan.tasks, measure));
}

/** The leverage matrix in this thread, at once (as `exposureNow`). */
export function leverageNow(
  ctx: AnalysisContext,
  opts: LeverageOptions,
  measure: LossMeasure,
  simulated?: ReadonlySet<string>,
): LeverageMatrix {
  const plan = leveragePlan(ctx, opts, simulated);
  return leverageMatrix(ctx, opts, plan, runTasksIn(ctx, plan.tasks, measure));
}

function runTasksIn(ctx: AnalysisContext, tasks: WithholdTask[], measure: LossMeasure) {
  return runTasks(
    ctx.net,
    tasks.map((t) => ({ ...t, measure })),
  );
}

export async function leverageOf(
  ctx: AnalysisContext,
  opts: LeverageOptions,
  b: Batch = {},
): Promise<LeverageMatrix> {
  const plan = leveragePlan(ctx, opts);
  return leverageMatrix(ctx, opts, plan, await runBatch(ctx, plan.tasks, b));
}

export async function profileOf(
  ctx: AnalysisContext,
  target: Entity,
  opts: ProfileOptions,
  b: Batch = {},
): Promise<Profile> {
  const plan = profilePlan(ctx, target, opts);
  return profile(ctx, opts, plan, await runBatch(ctx, profileTasks(plan), b));
}
