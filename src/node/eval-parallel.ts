/**
 * Sensitivity evaluations over worker threads and this thread together (`pool.ts`): the job (the
 * world, the scenario, the grouping, the output) is sent to each worker once, then chunks of
 * factor vectors; each evaluation is deterministic, so the results are those of one thread.
 * @module
 */
import type { EvalExecutor } from "../run/sensitivity.js";
import { runPool } from "./pool.js";

export function evalExecutor(threads: number): EvalExecutor {
  return async (job, rows, opts = {}) =>
    (await runPool("sensitivity", job, rows, { threads, maxChunk: 4, ...opts })).results;
}
