/**
 * What a worker pool (`pool.ts`) can run, by name: each kind is a pure function of a context
 * sent once to every worker and a chunk of tasks, the same function this thread calls, so that
 * results do not depend on where a task ran.
 * @module
 */
import { runTasks, type SimulationTask } from "../analysis/leverage/run-tasks.js";
import type { Network } from "../network/network.js";
import { type AnalysisDrawJob, runAnalysisDraws } from "../run/analysis-draws.js";
import { type DrawJob, runDraws } from "../run/draws.js";
import { evaluateAll, type SensitivityJob } from "../uncertainty/sensitivity.js";

export const POOL_KINDS = {
  /** The analyses' simulations on one compiled network. */
  simulation: (net: Network, tasks: readonly SimulationTask[]) => runTasks(net, tasks),
  /** Monte Carlo draws of a scenario: tasks are draw numbers. */
  draw: (job: DrawJob, draws: readonly number[]) => runDraws(job, draws),
  /** Monte Carlo draws of an analysis (exposure, the leverage matrix): tasks are draw numbers,
   * each one whole draw (the world realised, the network built, the analysis run). */
  analysisDraw: (job: AnalysisDrawJob, draws: readonly number[]) => runAnalysisDraws(job, draws),
  /** Sensitivity evaluations: tasks are factor vectors, one per group of inputs. */
  sensitivity: (job: SensitivityJob, rows: readonly (readonly number[])[]) =>
    evaluateAll(job, rows),
};

export type PoolKind = keyof typeof POOL_KINDS;
