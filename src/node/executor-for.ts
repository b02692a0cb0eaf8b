/**
 * Where a batch of tasks runs, chosen in one place for every kind of `POOL_KINDS`: on worker
 * threads of this machine (`pool.ts`) or on queue workers across machines through Redis
 * (`queue.ts`). Either way the executor has the shape of `run/`'s executors (context, tasks,
 * batch options → results in task order) and gives the same results, bit for bit.
 * @module
 */
import type { TaskBatchOptions } from "../run/executor.js";
import { runPool } from "./pool.js";
import type { POOL_KINDS, PoolKind } from "./pool-kinds.js";

export type Where =
  /** Threads in all, this one included. */
  | { threads: number }
  /** Queue workers behind Redis at this URL; `lostAfterMs`: how long Redis may not answer. */
  | { redis: string; chunk?: number; lostAfterMs?: number };

export type KindExecutor<K extends PoolKind> = (
  context: Parameters<(typeof POOL_KINDS)[K]>[0],
  tasks: readonly Parameters<(typeof POOL_KINDS)[K]>[1][number][],
  opts?: TaskBatchOptions,
) => Promise<ReturnType<(typeof POOL_KINDS)[K]>[number][]>;

/** Tasks per message to a thread at most: a draw or an evaluation is a whole scenario run (and
 * its reference), a simulation task one run, an analysis draw a whole analysis. */
const THREAD_CHUNK: Record<PoolKind, number> = {
  simulation: 8,
  draw: 4,
  sensitivity: 4,
  analysisDraw: 1,
};

/** The executor of `kind` where `where` says. */
export function executorFor<K extends PoolKind>(kind: K, where: Where): KindExecutor<K> {
  // BullMQ is loaded only for a run on the queue.
  if ("redis" in where)
    return async (context, tasks, opts = {}) =>
      (await import("./queue.js")).runQueue(kind, context, tasks, { ...where, ...opts });
  return async (context, tasks, opts = {}) =>
    (
      await runPool(kind, context, tasks, {
        threads: where.threads,
        maxChunk: THREAD_CHUNK[kind],
        ...opts,
      })
    ).results;
}
