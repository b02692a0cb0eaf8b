/**
 * The section of every run report on where the EU is indispensable, computed through a task
 * executor (in this thread by default; `levier run` passes the worker threads).
 * @module
 */
import {
  DEFAULT_INDISPENSABLE_HORIZON,
  type Indispensability,
  type IndispensabilityOptions,
  indispensabilityWith,
} from "../analysis/indispensable.js";
import type { RealWorld } from "../world/realised.js";
import { inThreadExecutor, type TaskBatchOptions, type TaskExecutor } from "./executor.js";

export async function indispensability(
  world: RealWorld,
  opts: IndispensabilityOptions = { horizon: DEFAULT_INDISPENSABLE_HORIZON },
  execute: TaskExecutor = inThreadExecutor,
  batch: TaskBatchOptions = {},
): Promise<Indispensability> {
  return indispensabilityWith(world, opts, (ctx, tasks) => execute(ctx.net, tasks, batch));
}
