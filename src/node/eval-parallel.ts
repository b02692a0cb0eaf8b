/**
 * Sensitivity evaluations over worker threads and this thread together (`pool.ts`): the job (the
 * world, the scenario, the grouping, the output) is sent to each worker once, then chunks of
 * factor vectors; each evaluation is deterministic, so the results are those of one thread.
 * @module
 */
import type { EvalExecutor } from "../run/sensitivity.js";
import { executorFor } from "./executor-for.js";

export function evalExecutor(threads: number): EvalExecutor {
  return executorFor("sensitivity", { threads });
}
