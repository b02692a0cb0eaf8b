/**
 * Runs the analyses' simulation tasks over worker threads and this thread together
 * (`pool.ts`): the network is sent to each worker once; the results are those of `runTasks`, in
 * task order, bit for bit (each task is one deterministic simulation).
 * @module
 */
import type { SimulationTask } from "../analysis/leverage/run-tasks.js";
import type { Losses } from "../analysis/value-added.js";
import type { Network } from "../network/network.js";
import type { TaskExecutor } from "../run/executor.js";
import { executorFor } from "./executor-for.js";
import { type PoolOptions, type PoolRun, runPool } from "./pool.js";

export type ParallelOptions = PoolOptions;
export type ParallelRun = PoolRun<Losses>;

/** The task executor on worker threads and this one (`run/executor.ts`). */
export function workerExecutor(threads: number): TaskExecutor {
  return executorFor("simulation", { threads });
}

export async function runTasksParallel(
  net: Network,
  tasks: readonly SimulationTask[],
  opts: ParallelOptions,
): Promise<Losses[]> {
  return (await runTasksParallelDetailed(net, tasks, opts)).results;
}

/** `runTasksParallel` with who did what. */
export function runTasksParallelDetailed(
  net: Network,
  tasks: readonly SimulationTask[],
  opts: ParallelOptions,
): Promise<ParallelRun> {
  return runPool("simulation", net, tasks, opts);
}
