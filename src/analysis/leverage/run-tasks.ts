/**
 * Runs withholding tasks on one compiled network, one after the other, and returns for each
 * the loss over the task's months in the task's measure (USD; negative = gain) by every network
 * actor, and the value added lost in every good. `node/leverage-parallel.ts` spreads the same work over worker threads.
 * @module
 */
import type { Network } from "../../network/network.js";
import { simulate } from "../../simulate/run.js";
import { type Losses, runLosses } from "../value-added.js";
import { type WithholdTask, withholdControls } from "./withhold.js";

export function runTask(net: Network, task: WithholdTask): Losses {
  const trace = simulate(net, withholdControls(net, task), task.months);
  return runLosses(net, trace, task.measure);
}

export function runTasks(net: Network, tasks: readonly WithholdTask[]): Losses[] {
  return tasks.map((t) => runTask(net, t));
}
