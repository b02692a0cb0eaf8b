/**
 * Monte Carlo draws over worker threads and this thread together (`pool.ts`): the draw job (the
 * world, the scenario, the seed) is sent to each worker once, then chunks of draw numbers. Each
 * draw depends only on (seed, k), so the results are those of `runDraws`, bit for bit, with any
 * number of threads. The draws of an analysis (`run/analysis-draws.ts`) run the same way, one
 * whole draw per task.
 * @module
 */
import type { AnalysisDrawExecutor } from "../run/analysis-draws.js";
import type { DrawExecutor } from "../run/draws.js";
import { executorFor } from "./executor-for.js";

/** The draw executor on `threads` threads, this one included. */
export function drawExecutor(threads: number): DrawExecutor {
  return executorFor("draw", { threads });
}

/** The analysis-draw executor on `threads` threads, this one included: one draw per message,
 * since a draw of the leverage matrix is hundreds of simulations. */
export function analysisDrawExecutor(threads: number): AnalysisDrawExecutor {
  return executorFor("analysisDraw", { threads });
}
