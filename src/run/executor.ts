/**
 * The task executor (../shared/DESIGN.md, "Architecture"): how a batch of simulations (the
 * leverage matrix, exposure, profiles, a game's strategy profiles, and next the Monte Carlo
 * draws) is run. Every batch goes
 * through one, so that the same analysis runs in this thread (tests, the browser), on worker
 * threads (`node/leverage-parallel.ts`), or later on a queue, with the same results in task
 * order. An executor reports progress and stops when its signal is aborted, throwing
 * `TasksCancelled` with the results it finished.
 * @module
 */
import { runTask, type SimulationTask } from "../analysis/leverage/run-tasks.js";
import type { Losses } from "../analysis/value-added.js";
import type { Network } from "../network/network.js";

export interface TaskBatchOptions {
  /** Called as tasks finish: how many are done, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops the batch: no task starts after it. */
  signal?: AbortSignal;
}

export type TaskExecutor = (
  net: Network,
  tasks: readonly SimulationTask[],
  opts?: TaskBatchOptions,
) => Promise<Losses[]>;

/** An executor of tasks that share one job (a pool kind's context: `node/pool-kinds.ts`), with
 * the contract of a TaskExecutor: results in task order, progress, and `TasksCancelled` when
 * stopped. */
export type JobExecutor<J, T, R> = (
  job: J,
  tasks: readonly T[],
  opts?: TaskBatchOptions,
) => Promise<R[]>;

/** A batch stopped by its signal; `results[i]` is task i's result where it finished. */
export class TasksCancelled<R = Losses> extends Error {
  constructor(
    readonly results: (R | undefined)[],
    readonly done: number,
  ) {
    super(`stopped after ${done} of ${results.length} tasks`);
    this.name = "TasksCancelled";
  }
}

/** Runs the tasks one after the other in this thread. */
export const inThreadExecutor: TaskExecutor = async (net, tasks, opts = {}) => {
  const results: (Losses | undefined)[] = new Array(tasks.length);
  for (let i = 0; i < tasks.length; i++) {
    if (opts.signal?.aborted) throw new TasksCancelled(results, i);
    results[i] = runTask(net, tasks[i]!);
    opts.onProgress?.(i + 1, tasks.length);
  }
  return results as Losses[];
};
