/**
 * The simulations a task executor runs (`run/executor.ts`), on one compiled network, and what
 * each returns: for every network actor the loss over the task's months in the task's measure
 * (USD; negative = gain), every part of it, its security-index numerator, and the value added
 * lost in every good.
 * - a withholding task (`withhold.ts`): some actors cut some goods to others (leverage,
 *   exposure, chokepoints, profiles, indispensability);
 * - a controls task: any compiled scenario (a game profile's measures, and next the Monte
 *   Carlo draws), its rules given as the engine's controls.
 * `node/leverage-parallel.ts` spreads the same work over worker threads.
 * @module
 */
import type { LossMeasure } from "../../losses/measure.js";
import type { Network } from "../../network/network.js";
import type { Controls } from "../../simulate/controls.js";
import { simulate } from "../../simulate/run.js";
import { DEFAULT_STEP } from "../../simulate/step.js";
import { type Losses, runLosses } from "../value-added.js";
import { type WithholdTask, withholdControls } from "./withhold.js";

/** A scenario compiled to the engine's rules (`scenario/compile.ts`). */
export interface ControlsTask {
  controls: Controls;
  months: number;
  measure?: LossMeasure;
  /** Share of the gap to the stock target ordered each month (the scenario's option). */
  refillRate?: number;
}

export type SimulationTask = WithholdTask | ControlsTask;

export function runTask(net: Network, task: SimulationTask): Losses {
  if ("controls" in task) {
    const refillRate = task.refillRate ?? DEFAULT_STEP.refillRate;
    const trace = simulate(net, task.controls, task.months, { refillRate });
    return runLosses(net, trace, task.measure);
  }
  const trace = simulate(net, withholdControls(net, task), task.months);
  return runLosses(net, trace, task.measure);
}

export function runTasks(net: Network, tasks: readonly SimulationTask[]): Losses[] {
  return tasks.map((t) => runTask(net, t));
}
